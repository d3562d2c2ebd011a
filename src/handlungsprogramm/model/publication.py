"""What frames the programme: abbreviations, references, publisher, funders, rates.

None of these change what the municipalities commit to; they make the document
readable (abbreviations), place it in its policy context (references to SDGs and
national strategies), say who publishes and who pays for it (publisher, funders on
the title page) and make foreign-currency amounts comparable (exchange rates).
"""

from __future__ import annotations

from pydantic import Field

from handlungsprogramm.model.base import Model
from handlungsprogramm.model.types import Code, CurrencyCode, Date, Name, Rate, Text

__all__ = ["Abbreviation", "ExchangeRate", "Funder", "Publisher", "Reference"]


class Abbreviation(Model):
    """An abbreviation used in the texts, with its expansion in both languages."""

    short: str = Field(min_length=1, max_length=40)
    """The abbreviation as written, e.g. `ASUFOR` or `VZÄ`."""
    expansion: Text
    """What it stands for, in both languages."""


class Reference(Model):
    """A framework the programme contributes to: an SDG, a national strategy, a plan."""

    code: Code
    """Code measures and objectives refer to, e.g. `SDG-6` or `NAP`."""
    title: Text | Name
    """Its title; a plain string for a proper name."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Where it can be read."""


class Publisher(Model):
    """Who publishes the document (printed in the imprint of the title page)."""

    name: Text | Name
    """Name, e.g. the German municipality's office for the environment."""
    address: str | None = Field(default=None, max_length=500)
    """Postal address; several lines allowed."""
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """E-mail address."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Web site."""


class Funder(Model):
    """A funder of the partnership or of the programme's preparation."""

    name: Text | Name
    """Name, e.g. `Engagement Global / SKEW` or the federal ministry."""
    notice: Text | None = None
    """The notice the funder requires, e.g. "Gefördert durch … im Auftrag des BMZ"."""
    logo: str | None = Field(default=None, min_length=1)
    """Logo image, relative to the programme file."""


class ExchangeRate(Model):
    """How many units of a currency one euro buys, for EUR equivalents in the totals."""

    currency: CurrencyCode
    """ISO 4217 code of the foreign currency, e.g. `XOF`."""
    per_euro: Rate
    """Units of `currency` per euro, e.g. `655.957` for XOF."""
    date: Date | None = None
    """Day the rate refers to."""
    source: str | None = Field(default=None, max_length=300)
    """Where the rate comes from, e.g. the InforEuro rate of the month."""
