"""Resources assigned to a measure: personnel, money, material and institutional."""

from __future__ import annotations

from pydantic import Field

from handlungsprogramm.model.base import Model
from handlungsprogramm.model.enums import FundingStatus, PersonnelUnit, Side
from handlungsprogramm.model.types import Amount, CurrencyCode, Quantity, Text, Year, is_blank

__all__ = ["Money", "Personnel", "Resources"]


class Personnel(Model):
    """Staff time one side contributes."""

    side: Side
    """Which municipality provides the staff."""
    amount: Quantity = Field(gt=0)
    """Person-days (in total) or full-time equivalents."""
    unit: PersonnelUnit = PersonnelUnit.PERSON_DAYS
    """`person_days` or `fte`."""
    note: Text | None = None
    """Who, or which role."""


class Money(Model):
    """A sum of money: an exact decimal with its currency, source and status."""

    amount: Amount
    """Exact amount; never a binary float."""
    currency: CurrencyCode
    """ISO 4217 code, e.g. `EUR`, `XOF`."""
    funding_source: Text | str | None = None
    """Who pays, e.g. `BMZ / Nakopa` or the municipal budget."""
    status: FundingStatus = FundingStatus.PLANNED
    """`secured`, `applied` or `planned`."""
    year: Year | None = None
    """Budget year, when the sum belongs to one year. Without it, the document's "by
    year" table spreads the amount over the years of the measure's timeline in
    proportion to its months (an ongoing measure's up to the end of the programme
    period), rounded to the currency's smallest unit, the remainder in the last year."""


class Resources(Model):
    """Everything a measure needs."""

    personnel: list[Personnel] = []
    """Staff time per side."""
    money: list[Money] = []
    """Sums of money, each with currency and funding source."""
    material: Text | None = None
    """Material resources (equipment, premises, vehicles)."""
    institutional: Text | None = None
    """Institutional resources (committees, networks, agreements)."""

    @property
    def is_empty(self) -> bool:
        """True when no resource of any kind is named."""
        return (
            not (self.personnel or self.money)
            and is_blank(self.material)
            and is_blank(self.institutional)
        )
