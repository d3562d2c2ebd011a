"""Every value of a programme in words, once per language.

A number, an amount, a date, a month, a period, an enum, a municipality: each is
written here in German and in the partner language, in each language's own format
(`1.250,50 €` / `€1,250.50` / `1 250,50 €`). The document's tables, the template
context and the charts take their words from :class:`Values`, so one document never
shows a value in two formats, and a partner column never shows a German number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from babel import Locale

from handlungsprogramm.compose.typography import typeset
from handlungsprogramm.i18n.formatting import (
    colon,
    format_date,
    format_decimal,
    format_money,
    format_month,
    format_percent,
    format_period,
)
from handlungsprogramm.i18n.labels import enum_label, label, label_language
from handlungsprogramm.model import (
    IndicatorValue,
    Location,
    Measure,
    Period,
    Programme,
    Side,
    Text,
    YearMonth,
)

__all__ = ["Amount", "Bi", "Country", "Values", "in_words"]


@dataclass(frozen=True, slots=True)
class Bi:
    """A value in both languages (German, partner); equal values are shown once."""

    de: str
    partner: str

    @property
    def same(self) -> bool:
        """Whether both languages read the same (codes, names, numbers)."""
        return self.de == self.partner

    def get(self, lang: str) -> str:
        """The text in ``lang``: German for ``"de"``, the partner's text for any other."""
        return self.de if lang == "de" else self.partner

    def joined(self, sep: str = " / ") -> str:
        """``de / partner``, or just one when they are the same."""
        return self.de if self.same or not self.partner else f"{self.de}{sep}{self.partner}"


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum with its currency (a total, say), written as money."""

    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class Country:
    """A country by its ISO code, written by its name in the language."""

    code: str


def in_words(value: object, lang: str) -> str:
    """One value in one language, as the document writes it (a form field holds one
    language: the form filling takes its words from here)."""
    if value is None:
        return ""
    if isinstance(value, Text):
        return typeset(str(value.get(lang) or value.get("de")), lang)
    if isinstance(value, Amount):
        return format_money(value.amount, value.currency, lang)
    if isinstance(value, Country):
        return str(Locale.parse(lang).territories.get(value.code, value.code))
    if isinstance(value, Period):
        return f"{format_month(value.start, lang)} – {format_month(value.end, lang)}"
    if isinstance(value, YearMonth):
        return format_month(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, StrEnum):
        try:
            # labels carry soft hyphens for narrow table columns; a form field is one line
            return enum_label(value, lang).replace("\u00ad", "")
        except TypeError:
            return value.value
    if isinstance(value, Decimal | int):
        return format_decimal(value, lang)
    if isinstance(value, str):
        return value
    raise KeyError(f"the value at this path is a {type(value).__name__}, not a single value")


class Values:
    """The words for every value of one programme, in German and its partner language."""

    def __init__(self, programme: Programme) -> None:
        self.p = programme
        self.lang = programme.partner_language

    def pair(self, write: Callable[[str], str]) -> Bi:
        """``write`` called once per language."""
        return Bi(write("de"), write(self.lang))

    # -- words ---------------------------------------------------------------------

    def text(self, text: Text | str | None) -> Bi:
        """A model text as a pair; a plain string is the same in both languages."""
        if text is None:
            return Bi("", "")
        if isinstance(text, str):
            return Bi(text, text)
        return Bi(typeset(text.get("de"), "de"), typeset(text.get(self.lang), self.lang))

    def label(self, key: str, /, **params: object) -> Bi:
        """A catalogue label in both languages, with plain parameters."""
        return Bi(label(key, "de", **params), label(key, self.lang, **params))

    def label_with(self, key: str, /, **values: Callable[[str], object]) -> Bi:
        """A label whose parameters are written per language (numbers, amounts, dates)."""
        return self.pair(lambda lang: label(key, lang, **{k: f(lang) for k, f in values.items()}))

    def label_each(self, key: str, /, **pairs: Bi | str) -> Bi:
        """A label whose parameters are words in both languages: each language's label
        takes its own ("Quelle: Stadtwerke" / "Source : Service des eaux")."""
        de = {k: x.de if isinstance(x, Bi) else x for k, x in pairs.items()}
        partner = {k: x.partner if isinstance(x, Bi) else x for k, x in pairs.items()}
        return Bi(label(key, "de", **de), label(key, self.lang, **partner))

    def country(self, code: str) -> Bi:
        """A country by name in each language (Babel's territory names)."""
        return self.pair(lambda lang: in_words(Country(code), lang))

    def language(self, code: str) -> Bi:
        """A language by name in each language ("Französisch" / "français"), in the
        language the labels around it are in (English for a partner language without
        labels of its own)."""
        return self.pair(
            lambda lang: str(Locale.parse(label_language(lang)).languages.get(code, code))
        )

    def enum(self, member: StrEnum) -> Bi:
        return self.pair(lambda lang: enum_label(member, lang))

    def enums(self, members: Sequence[StrEnum]) -> Bi:
        """Named values on one line, set apart by middle dots ("Hochwasser · Starkregen ·
        Durch Vektoren übertragene Krankheiten"): a short enumeration reads as one line,
        not one line per item. Not a sentence ("…, … und …"): the names keep the capital
        they have on their own, and a name with "und" in it is not mistaken for the last
        item. A no-break space before each dot: a line breaks after it, never starts
        with it."""
        return self.pair(lambda lang: "\u00a0· ".join(enum_label(m, lang) for m in members))

    # -- numbers and money -----------------------------------------------------------

    def number(self, value: Decimal | int) -> Bi:
        return self.pair(lambda lang: format_decimal(value, lang))

    def percent(self, share: Decimal) -> Bi:
        """A share in percent (`90` → "90 %" / "90%")."""
        return self.pair(lambda lang: format_percent(share / 100, lang))

    def money(self, amount: Decimal, currency: str) -> Bi:
        return self.pair(lambda lang: format_money(amount, currency, lang))

    def money_cell(self, amount: Decimal, currency: str) -> Bi:
        """An amount for a narrow table column: it may wrap between number and currency.

        Babel joins them with a no-break space, so an amount too wide for its column was
        broken inside the currency code ("12.500.000,00 MZ" / "N"); in a cell it wraps as
        "12.500.000,00" / "MZN". No other no-break space is touched (the narrow one
        inside "F CFA" and French digit groups stay).
        """
        return self.pair(lambda lang: format_money(amount, currency, lang).replace("\u00a0", " "))

    def euro_equivalent(self, amount: Decimal, currency: str) -> Bi | None:
        """The EUR equivalent of a foreign-currency amount, where a rate is given."""
        rate = self.p.exchange_rate(currency)
        if currency == "EUR" or rate is None:
            return None
        return self.money((amount / rate.per_euro).quantize(Decimal("0.01")), "EUR")

    def amount(self, amount: Decimal, currency: str) -> Bi:
        """An amount, followed by its EUR equivalent where the programme gives a rate."""
        money = self.money(amount, currency)
        eur = self.euro_equivalent(amount, currency)
        if eur is None:
            return money
        about = self.label_each("money.about", amount=eur)  # words: "≈" is in no text font
        return Bi(f"{money.de} ({about.de})", f"{money.partner} ({about.partner})")

    # -- time ------------------------------------------------------------------------

    def date(self, day: dt.date) -> Bi:
        return self.pair(lambda lang: format_date(day, lang))

    def month(self, month: YearMonth) -> Bi:
        """A month spelled out: "Oktober 2026" / "octubre de 2026"."""
        return self.pair(lambda lang: format_month(month, lang))

    def period(self, measure: Measure) -> Bi:
        tl = measure.timeline
        if tl is None:
            return self.label("common.not_specified")
        return self.pair(lambda lang: format_period(tl.start, tl.end, tl.ongoing, lang))

    def programme_period(self) -> Bi:
        """The programme's period: "Januar 2025 – Dezember 2030" / "janvier 2025 – …"."""
        period = self.p.period
        return self.pair(lambda lang: format_period(period.start, period.end, False, lang))

    def indicator_value(self, value: IndicatorValue) -> Bi:
        """ "1.250 (2019)" / "1,250 (2019)"."""
        return self.pair(lambda lang: f"{format_decimal(value.value, lang)} ({value.year})")

    def interim_target(self, value: IndicatorValue) -> Bi:
        """ "Zwischenziel 1.800 (2027)" / "interim target 1,800 (2027)"."""
        return self.pair(
            lambda lang: label(
                "objective.interim", lang, value=format_decimal(value.value, lang), year=value.year
            )
        )

    # -- places and people -------------------------------------------------------------

    def town(self, side: Side) -> str:
        """The municipality's name (the same in both languages)."""
        return self.p.partnership.municipality(side).name

    def location(self, location: Location) -> Bi:
        """Where a measure takes place, by name: "Marburg", not "Partnerkommune"."""
        if location is Location.BOTH:
            german, partner = self.town(Side.GERMAN), self.town(Side.PARTNER)
            return self.label("location.both_towns", german=german, partner=partner)
        name = self.town(Side(location.value))
        return Bi(name, name)

    def lead_names(self, measure: Measure) -> str:
        """The leading municipality's name, or both names for a joint lead."""
        if measure.lead is None:
            return "–"
        return " / ".join(self.town(side) for side, _, _ in measure.lead.departments())

    def named(self, name: str, value: Bi) -> Bi:
        """``Name: value`` with each language's colon ("Kidira : …" in French)."""
        return Bi(f"{name}{colon('de')}{value.de}", f"{name}{colon(self.lang)}{value.partner}")
