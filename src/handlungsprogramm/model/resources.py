"""Resources assigned to a measure: personnel, money, material and institutional."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Self

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from handlungsprogramm.model.base import Model
from handlungsprogramm.model.enums import FundingStatus, PersonnelUnit, Side
from handlungsprogramm.model.types import (
    Amount,
    Code,
    CurrencyCode,
    Quantity,
    Share,
    Text,
    Year,
    is_blank,
)

__all__ = ["Cost", "Money", "Personnel", "Resources"]


class Personnel(Model):
    """Staff time one side contributes."""

    side: Side
    """Which municipality provides the staff."""
    amount: Quantity = Field(gt=0)
    """Person-days, person-months or full-time equivalents."""
    unit: PersonnelUnit = PersonnelUnit.PERSON_DAYS
    """`person_days`, `person_months` or `fte`."""
    per_year: bool = False
    """`true` when the amount is given per year of the measure, not once for all of it;
    the document then says "per year" and keeps such figures apart in the totals."""
    note: Text | None = None
    """Who, or which role."""


class Money(Model):
    """A sum of money: an exact decimal with its currency, source and status."""

    amount: Amount
    """Exact amount, read as the decimal written (never rounded through a binary float)."""
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
    by_year: dict[Year, Amount] = {}
    """How the amount is divided over budget years, e.g. `{2025: 40000, 2026: 60000}`;
    the parts must add up exactly to `amount`. Used instead of spreading by months."""
    id: Code | None = None
    """A code for this sum, so an own contribution can name the grant it matches."""
    share: Share | None = None
    """Its share of the co-financed cost in percent, e.g. `90` for a grant rate of 90 %
    and `10` for the own contribution; a grant and its contributions add up to 100."""
    contribution_to: Code | None = None
    """The `id` of the grant this sum is the own contribution (co-financing) to."""
    recipient: Side | None = None
    """Which municipality receives or administers the money."""

    @field_validator("by_year", mode="before")
    @classmethod
    def _each_year_once(cls, value: Any) -> Any:
        """`"2025"` and `" 2025"` (or `2025` and `"2025.0"`) are one year; without this
        check the later amount would silently replace the earlier."""
        if not isinstance(value, dict):
            return value
        seen: set[Decimal] = set()
        for key in value:
            try:
                year = Decimal(str(key).strip())
            except InvalidOperation:
                continue  # not a number: the key's own validation says so
            if year in seen:
                raise PydanticCustomError(
                    "year_twice",
                    "the year {year} is given twice in this breakdown",
                    {"year": str(key).strip()},
                )
            seen.add(year)
        return value

    @model_validator(mode="after")
    def _breakdown_adds_up(self) -> Self:
        if self.by_year and sum(self.by_year.values()) != self.amount:
            raise PydanticCustomError(
                "breakdown_sum",
                "the yearly amounts add up to {total}, not to the amount {amount}",
                {"total": str(sum(self.by_year.values())), "amount": str(self.amount)},
            )
        if self.by_year and self.year is not None:
            raise PydanticCustomError(
                "year_and_breakdown",
                "give either `year:` or `by_year:`, not both",
                {},
            )
        if self.contribution_to is not None and self.contribution_to == self.id:
            raise PydanticCustomError(
                "contribution_to_itself",
                "a sum cannot be the own contribution to itself ({id})",
                {"id": self.id},
            )
        return self


class Cost(Model):
    """The total cost of a measure in one currency, funded or not."""

    amount: Amount
    """Exact amount."""
    currency: CurrencyCode
    """ISO 4217 code."""


class Resources(Model):
    """Everything a measure needs."""

    personnel: list[Personnel] = []
    """Staff time per side."""
    money: list[Money] = []
    """Sums of money, each with currency and funding source."""
    total_cost: list[Cost] = []
    """Total cost per currency; what the sums of money do not cover is shown as the
    funding gap."""
    material: Text | None = None
    """Material resources (equipment, premises, vehicles)."""
    institutional: Text | None = None
    """Institutional resources (committees, networks, agreements)."""

    @field_validator("total_cost")
    @classmethod
    def _one_cost_per_currency(cls, value: list[Cost]) -> list[Cost]:
        """Two costs in one currency would count the money twice against them."""
        seen: set[str] = set()
        for cost in value:
            if cost.currency in seen:
                raise PydanticCustomError(
                    "currency_twice",
                    "{currency} is given twice; give it once",
                    {"currency": cost.currency},
                )
            seen.add(cost.currency)
        return value

    @property
    def is_empty(self) -> bool:
        """True when no resource of any kind is named."""
        return (
            not (self.personnel or self.money)
            and is_blank(self.material)
            and is_blank(self.institutional)
        )
