"""Money, numbers, dates, months and periods written the way each language writes them.

Why Babel: separators, symbol placement, month names and date order differ per
language and country ("1.234,50 €", "€1,234.50", "1 234,50 €"); CLDR has them right
and Babel brings CLDR to Python, so nothing here formats a number by hand.

Default locales (a language alone does not fix the country conventions):

- ``de`` → ``de_DE``: the German municipality.
- ``en`` → ``en_GB``: English-speaking partners (Ghana, Tanzania, the Gambia,
  Uganda, …) follow British conventions ("30 June 2025"), as does the programme's
  own spelling ("Programme").
- ``fr`` → ``fr_FR``: West and Central African French writes numbers and dates alike.
- ``es`` → ``es_ES``: comma decimals and "30 de junio de 2025", as in most South
  American partner countries (Bolivia, Colombia, Ecuador, …); ``es_419`` would put a
  decimal point, which only part of Latin America uses.
- ``pt`` → ``pt_PT``: the norm of Mozambique and the other African
  Portuguese-speaking countries; Brazilian partners pass ``locale="pt_BR"``.

Every function takes ``locale`` to override the default (``pt_BR``, ``es_BO``,
``fr_SN``, a :class:`babel.Locale`); :func:`locale_for` picks the partner country's
locale when CLDR has one. A content language without a default (e.g. ``sw``) is used
as the locale itself.

Two places where Babel leaves a gap that CLDR fills are closed here, with CLDR data:

- Fraction digits of money follow CLDR's *cash* digits, so Tanzanian shillings show no
  cents ("TZS 45,000,000"), as they are written in practice, while EUR keeps two.
  ISO 4217 gives TZS two digits; when an amount has a fractional part the cash digits
  cannot show, the ISO digits are used instead, so real cents are not rounded away
  (beyond the ISO digits, amounts are rounded half up).
- CLDR's ``currencySpacing`` rule (the same in every locale): a no-break space goes
  between a currency symbol that ends in a letter and the digits ("F CFA 1,234",
  not "F CFA1,234"). Babel does not apply it.

Floats are refused: money and measured values are exact decimals in this project.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache
from types import MappingProxyType
from typing import Final, Literal

from babel import Locale, localedata
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.core import get_global

from handlungsprogramm.i18n.labels import base_language, label
from handlungsprogramm.model.types import YearMonth

__all__ = [
    "DEFAULT_LOCALES",
    "DateLength",
    "babel_locale",
    "colon",
    "format_date",
    "format_decimal",
    "format_moment_utc",
    "format_money",
    "format_month",
    "format_percent",
    "format_period",
    "locale_for",
    "semicolon",
]

DateLength = Literal["short", "medium", "long", "full"]
"""CLDR date format lengths."""

DEFAULT_LOCALES: Final[Mapping[str, str]] = MappingProxyType(
    {"de": "de_DE", "en": "en_GB", "fr": "fr_FR", "es": "es_ES", "pt": "pt_PT"}
)
"""Babel locale used for each label language unless a ``locale`` is passed."""

_MONTH_SKELETON = "yMMMM"  # CLDR picks the month form (nominative or genitive) and "de"
_NBSP = "\u00a0"  # CLDR currencySpacing insertBetween


@lru_cache(maxsize=64)
def _parse_locale(identifier: str) -> Locale:
    return Locale.parse(identifier.replace("-", "_"))


def babel_locale(lang: str, locale: Locale | str | None = None) -> Locale:
    """The Babel locale for language ``lang``, or ``locale`` when one is given."""
    if isinstance(locale, Locale):
        return locale
    if locale is not None:
        return _parse_locale(locale)
    return _parse_locale(DEFAULT_LOCALES.get(lang, lang))


def locale_for(lang: str, country: str | None = None) -> str:
    """The locale identifier for ``lang`` as written in ``country``, when CLDR has one.

    ``locale_for("pt", "BR")`` is ``"pt_BR"``, ``locale_for("fr", "SN")`` is
    ``"fr_SN"``; without a country, or for a combination CLDR lacks, the default of
    :data:`DEFAULT_LOCALES` (or ``lang`` itself).
    """
    if country:
        candidate = f"{lang}_{country.upper()}"
        if localedata.exists(candidate):
            return candidate
    return DEFAULT_LOCALES.get(lang, lang)


def _exact(value: Decimal | int) -> Decimal:
    if isinstance(value, float):
        raise TypeError(
            "a binary float is not exact; pass a Decimal or an int (e.g. Decimal('1234.50'))"
        )
    exact = Decimal(value)
    if not exact.is_finite():
        raise ValueError(f"cannot format {exact}: not a finite number")
    return exact


def _fraction_digits(amount: Decimal, currency: str) -> int:
    fractions = get_global("currency_fractions")
    digits, _rounding, cash_digits, _cash_rounding = fractions.get(currency, fractions["DEFAULT"])
    if amount == amount.quantize(Decimal(1).scaleb(-cash_digits)):
        return int(cash_digits)
    return int(digits)


def _is_symbol_or_space(char: str) -> bool:
    return unicodedata.category(char)[0] in "SZ"


def _currency_spacing(text: str, symbol: str) -> str:
    # CLDR currencySpacing: currencyMatch [[:^S:]&[:^Z:]], surroundingMatch [:digit:].
    start = text.find(symbol) if symbol else -1
    if start < 0:
        return text
    end = start + len(symbol)
    if end < len(text) and text[end].isdigit() and not _is_symbol_or_space(symbol[-1]):
        return text[:end] + _NBSP + text[end:]
    if start > 0 and text[start - 1].isdigit() and not _is_symbol_or_space(symbol[0]):
        return text[:start] + _NBSP + text[start:]
    return text


def format_money(
    amount: Decimal | int, currency: str, lang: str, *, locale: Locale | str | None = None
) -> str:
    """``amount`` in ``currency`` as ``lang`` writes it: de "1.234,50 €", en "€1,234.50".

    Fraction digits follow the currency (EUR two, XOF none; see the module docstring).
    An amount with more decimals than the currency shows is rounded half up, the
    commercial rounding budgets use (Babel alone would round half to even).
    """
    exact = _exact(amount)
    loc = babel_locale(lang, locale)
    with localcontext() as context:
        # Room for every digit of a large amount plus any currency's fraction digits.
        context.prec = max(context.prec, exact.adjusted() + 8)
        digits = _fraction_digits(exact, currency)
        value = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
        pattern = copy.copy(loc.currency_formats["standard"])
        pattern.frac_prec = (digits, digits)
        text = pattern.apply(value, loc, currency=currency, currency_digits=False)
    return _currency_spacing(text, babel_numbers.get_currency_symbol(currency, loc))


def semicolon(lang: str) -> str:
    """``"; "`` as ``lang`` writes it between items (French: narrow no-break space first)."""
    return "\u202f; " if base_language(lang) == "fr" else "; "


def colon(lang: str) -> str:
    """``": "`` as ``lang`` writes it before a value: French puts a narrow no-break
    space before the colon ("Kidira : Service technique")."""
    return "\u202f: " if base_language(lang) == "fr" else ": "


def format_decimal(value: Decimal | int, lang: str, *, locale: Locale | str | None = None) -> str:
    """A number with the language's separators, every given digit kept ("1.234,5").

    Indicator values are exact decimals from the programme; they are shown as given,
    not rounded to the locale's three fraction digits.
    """
    return babel_numbers.format_decimal(
        _exact(value), locale=babel_locale(lang, locale), decimal_quantization=False
    )


def format_percent(value: Decimal | int, lang: str, *, locale: Locale | str | None = None) -> str:
    """A fraction as a percentage: ``Decimal("0.125")`` → de "12,5 %", en "12.5%"."""
    return babel_numbers.format_percent(
        _exact(value), locale=babel_locale(lang, locale), decimal_quantization=False
    )


def format_date(
    date: dt.date,
    lang: str,
    *,
    length: DateLength = "long",
    locale: Locale | str | None = None,
) -> str:
    """A date: long by default (de "30. Juni 2025", fr "30 juin 2025"), unambiguous in print.

    French writes the first of the month as an ordinal, "1er juin 2025"; CLDR's pattern
    has the plain number ("1 juin 2025"), so the long French form gets its "er" here.
    In the long form the day keeps its month on its line (a no-break space): "24." at a
    line's end and "Juni 2025" on the next read as two things.
    """
    text = babel_dates.format_date(date, format=length, locale=babel_locale(lang, locale))
    if length != "long":
        return text
    french = babel_locale(lang, locale).language == "fr"
    if date.day == 1 and french and text.startswith("1 "):
        text = "1er" + text[1:]
    day = re.match(r"\d{1,2}(?:\.|er)? ", text)
    if day:  # "24. Juni", "24 juin", "24 de junio": day first, then a space
        text = text[: day.end() - 1] + "\u00a0" + text[day.end() :]
    return text


def format_moment_utc(moment: dt.datetime, lang: str) -> str:
    """A moment in UTC as a signature stamp gives it: de "5. Dezember 2026, 21:30 UTC",
    en "December 5, 2026, 9:30 PM UTC"."""
    pattern = {"de": "d. MMMM y, HH:mm 'UTC'"}.get(lang, "MMMM d, y, h:mm a 'UTC'")
    # the language's own conventions, not a country's (British English writes "pm")
    return babel_dates.format_datetime(moment.astimezone(dt.UTC), pattern, locale=lang)


def _first_day(month: YearMonth) -> dt.date:
    return dt.date(month.year, month.month, 1)


def format_month(month: YearMonth, lang: str, *, locale: Locale | str | None = None) -> str:
    """A month with its year: de "März 2025", fr "mars 2025", es "marzo de 2025".

    Uses CLDR's ``yMMMM`` skeleton rather than a fixed "MMMM y" pattern, so each
    language gets its own month-year form (Spanish and Portuguese insert "de";
    languages with a genitive month name get the right case).
    """
    return babel_dates.format_skeleton(
        _MONTH_SKELETON, _first_day(month), locale=babel_locale(lang, locale)
    )


def format_period(
    start: YearMonth,
    end: YearMonth | None,
    ongoing: bool,
    lang: str,
    *,
    locale: Locale | str | None = None,
) -> str:
    """A month range: de "März 2025 – Juni 2026", "März–Juni 2025", "ab März 2025 (fortlaufend)".

    Closed ranges use CLDR's interval formats (which drop a repeated year). An open
    end reads "from <month>", marked as ongoing when the task is permanent; those words
    come from the label catalogue, in English for content languages without labels.
    """
    if end is None:
        key = "period.ongoing_from" if ongoing else "period.from"
        return label(key, lang, start=format_month(start, lang, locale=locale))
    if ongoing:
        raise ValueError(f"a period is either ongoing or has an end ({end}), not both")
    if end < start:
        raise ValueError(f"the end {end} lies before the start {start}")
    return babel_dates.format_interval(
        _first_day(start), _first_day(end), _MONTH_SKELETON, locale=babel_locale(lang, locale)
    )
