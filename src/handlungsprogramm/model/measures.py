"""Measures (Maßnahmen): what is done, by whom, when, with which resources."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from handlungsprogramm.model.base import Model
from handlungsprogramm.model.enums import (
    Hazard,
    LeadSide,
    Location,
    MeasureStatus,
    Pillar,
    Priority,
    Side,
)
from handlungsprogramm.model.resources import Resources
from handlungsprogramm.model.types import Code, Quantity, Text, YearMonth

__all__ = ["Contact", "Lead", "Measure", "Milestone", "Partner", "Timeline"]


class Contact(Model):
    """A contact person (fictional in examples)."""

    name: str = Field(min_length=1, max_length=200)
    """Full name."""
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """E-mail address."""
    phone: str | None = None
    """Telephone number."""


class Lead(Model):
    """Who leads a measure."""

    side: LeadSide
    """Which municipality leads: `german`, `partner`, or `both` for a joint lead."""
    department: Text | str
    """Department or unit (of the German municipality when the lead is joint); a plain
    string for a proper name."""
    contact: Contact | None = None
    """Contact person."""
    partner_department: Text | str | None = None
    """The partner municipality's department in a joint lead (`side: both`)."""
    partner_contact: Contact | None = None
    """The partner municipality's contact person in a joint lead."""

    @model_validator(mode="after")
    def _partner_fields_only_when_joint(self) -> Self:
        if self.side is not LeadSide.BOTH and (
            self.partner_department is not None or self.partner_contact is not None
        ):
            raise PydanticCustomError(
                "partner_lead_not_joint",
                "`partner_department` and `partner_contact` belong to a joint lead;"
                " set `side: both` or move them to `department`/`contact`",
                {},
            )
        return self

    def departments(self) -> list[tuple[Side, Text | str | None, Contact | None]]:
        """Each leading side with its department and contact, German side first."""
        if self.side is LeadSide.BOTH:
            return [
                (Side.GERMAN, self.department, self.contact),
                (Side.PARTNER, self.partner_department, self.partner_contact),
            ]
        return [(Side(self.side.value), self.department, self.contact)]

    def includes(self, side: Side) -> bool:
        """Whether `side` leads, alone or jointly."""
        return self.side.includes(side)


class Partner(Model):
    """A further partner (association, utility, school, NGO, donor)."""

    name: Text | str
    """Name; a plain string for a proper name."""
    role: Text | None = None
    """What the partner contributes."""


class Timeline(Model):
    """Start and end of a measure, month-precise, or ongoing."""

    start: YearMonth
    """First month, `YYYY-MM`."""
    end: YearMonth | None = None
    """Last month, `YYYY-MM`; leave out when ongoing."""
    ongoing: bool = False
    """A permanent task without an end."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError(
                "end_before_start",
                "the end {end} lies before the start {start}",
                {"start": str(self.start), "end": str(self.end)},
            )
        if self.end is not None and self.ongoing:
            raise PydanticCustomError(
                "ongoing_with_end",
                "a timeline is either ongoing or has an end ({end}), not both",
                {"end": str(self.end)},
            )
        return self


class Milestone(Model):
    """A milestone of a measure."""

    date: YearMonth
    """Month, `YYYY-MM`."""
    title: Text
    """What is reached."""
    done: bool = False
    """Whether it has been reached."""


class Measure(Model):
    """A measure, linked to operational objectives."""

    code: Code
    """Unique code, e.g. `M-07` or `2.1.3.1`."""
    title: Text
    """Short title."""
    description: Text | None = None
    """What is done (Markdown allowed)."""
    field_of_action: Code | None = None
    """Code of its field of action."""
    further_fields: list[Code] = []
    """Codes of further fields of action it serves: its objectives may then belong to
    these fields as well (a cross-cutting measure) without a warning."""
    objectives: list[Code] = []
    """Codes of the operational objectives it serves."""
    pillar: Pillar
    """`mitigation`, `adaptation` or `both`."""
    location: Location = Location.PARTNER
    """Where it takes place: `german`, `partner` or `both`."""
    lead: Lead | None = None
    """Lead municipality, department and contact."""
    partners: list[Partner] = []
    """Further partners."""
    timeline: Timeline | None = None
    """Start and end, or ongoing."""
    resources: Resources = Resources()
    """Personnel, money, material and institutional resources."""
    priority: Priority | None = None
    """`high`, `medium` or `low`."""
    status: MeasureStatus = MeasureStatus.NOT_STARTED
    """Implementation status."""
    estimated_reduction: Quantity | None = Field(default=None, ge=0)
    """Estimated emission reduction in t CO2e per year."""
    hazards: list[Hazard] = []
    """Climate hazards the measure addresses."""
    milestones: list[Milestone] = []
    """Milestones."""
    references: list[Code] = []
    """Codes of the programme's `references` it contributes to (SDGs, strategies)."""
