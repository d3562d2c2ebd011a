"""Money, numbers, dates, months and periods come out as each language writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel import Locale

from handlungsprogramm.i18n.formatting import (
    DEFAULT_LOCALES,
    babel_locale,
    format_date,
    format_decimal,
    format_money,
    format_month,
    format_percent,
    format_period,
    locale_for,
)
from handlungsprogramm.i18n.labels import LABEL_LANGUAGES
from handlungsprogramm.model import YearMonth

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space (French digit groups, "F CFA")
THIN = "\u2009"  # thin space around the en dash of CLDR intervals

MARCH_2025 = YearMonth(2025, 3)


def test_every_label_language_has_a_default_locale() -> None:
    """Each catalogue language has a documented default locale."""
    assert set(DEFAULT_LOCALES) == set(LABEL_LANGUAGES)
    assert dict(DEFAULT_LOCALES) == {
        "de": "de_DE",
        "en": "en_GB",
        "fr": "fr_FR",
        "es": "es_ES",
        "pt": "pt_PT",
    }


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", f"1.234,50{NBSP}€"),
        ("en", "€1,234.50"),
        ("fr", f"1{NNBSP}234,50{NBSP}€"),
        ("es", f"1.234,50{NBSP}€"),
        ("pt", f"1{NBSP}234,50{NBSP}€"),
    ],
)
def test_money_in_euro(lang: str, expected: str) -> None:
    """Euros carry two decimals and the language's separators and symbol position."""
    assert format_money(Decimal("1234.5"), "EUR", lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", f"1.234.567{NBSP}F{NNBSP}CFA"),
        ("en", f"F{NNBSP}CFA{NBSP}1,234,567"),
        ("fr", f"1{NNBSP}234{NNBSP}567{NBSP}F{NNBSP}CFA"),
        ("es", f"1.234.567{NBSP}XOF"),
        ("pt", f"1{NBSP}234{NBSP}567{NBSP}F{NNBSP}CFA"),
    ],
)
def test_money_in_cfa_francs(lang: str, expected: str) -> None:
    """CFA francs have no decimals; a letter symbol is spaced from the digits."""
    assert format_money(Decimal("1234567"), "XOF", lang) == expected


def test_shillings_are_written_without_cents() -> None:
    """Whole Tanzanian shillings show no cents (CLDR cash digits)."""
    assert format_money(Decimal("45000000"), "TZS", "en") == f"TZS{NBSP}45,000,000"
    assert format_money(45000000, "TZS", "de") == f"45.000.000{NBSP}TZS"


def test_cents_of_an_exact_amount_are_not_dropped() -> None:
    """A fractional shilling amount keeps its ISO 4217 decimals instead of vanishing."""
    assert format_money(Decimal("45000000.40"), "TZS", "en") == f"TZS{NBSP}45,000,000.40"


def test_money_rounds_half_up() -> None:
    """Sub-cent amounts are rounded commercially (half up), not half to even."""
    assert format_money(Decimal("0.125"), "EUR", "de") == f"0,13{NBSP}€"
    assert format_money(Decimal("2.5"), "XOF", "fr") == f"3{NBSP}F{NNBSP}CFA"


def test_money_accepts_int_and_large_amounts() -> None:
    """Integers are exact too, and amounts beyond 28 digits do not overflow."""
    assert format_money(1000, "EUR", "en") == "€1,000.00"
    big = Decimal("1" + "0" * 30)
    assert format_money(big, "EUR", "en") == "€1" + ",000" * 10 + ".00"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("pt_BR", f"R${NBSP}1.234,50"),
        ("pt_PT", f"1{NBSP}234,50{NBSP}R$"),
        ("pt_MZ", f"1{NBSP}234,50{NBSP}R$"),
    ],
)
def test_money_locale_override(locale: str, expected: str) -> None:
    """Brazilian partners get Brazilian conventions by passing a locale."""
    assert format_money(Decimal("1234.50"), "BRL", "pt", locale=locale) == expected


def test_money_with_a_country_locale() -> None:
    """A partner-country locale brings the local symbol (TSh in Tanzania)."""
    assert format_money(45000000, "TZS", "en", locale="en_TZ") == f"TSh{NBSP}45,000,000"


def test_money_refuses_floats() -> None:
    """A binary float is refused: it cannot hold money exactly."""
    with pytest.raises(TypeError, match="float"):
        format_money(1234.5, "EUR", "de")  # type: ignore[arg-type]


def test_money_refuses_non_finite_values() -> None:
    """Infinity is not an amount."""
    with pytest.raises(ValueError, match="finite"):
        format_money(Decimal("Infinity"), "EUR", "de")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "1.234,5"),
        ("en", "1,234.5"),
        ("fr", f"1{NNBSP}234,5"),
        ("es", "1.234,5"),
        ("pt", f"1{NBSP}234,5"),
    ],
)
def test_decimal(lang: str, expected: str) -> None:
    """Numbers use the language's decimal and grouping separators."""
    assert format_decimal(Decimal("1234.5"), lang) == expected


def test_decimal_keeps_every_given_digit() -> None:
    """Indicator values are shown as given, not rounded to three decimals."""
    assert format_decimal(Decimal("0.12345"), "de") == "0,12345"
    assert format_decimal(205, "en") == "205"


def test_decimal_refuses_floats() -> None:
    """Floats are refused for numbers as well as for money."""
    with pytest.raises(TypeError, match="float"):
        format_decimal(0.1, "de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", f"12,5{NBSP}%"),
        ("en", "12.5%"),
        ("fr", f"12,5{NBSP}%"),
        ("es", f"12,5{NBSP}%"),
        ("pt", "12,5%"),
    ],
)
def test_percent(lang: str, expected: str) -> None:
    """A fraction is shown as a percentage with the language's spacing."""
    assert format_percent(Decimal("0.125"), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "30.\u00a0Juni 2025"),
        ("en", "30\u00a0June 2025"),
        ("fr", "30\u00a0juin 2025"),
        ("es", "30\u00a0de junio de 2025"),
        ("pt", "30\u00a0de junho de 2025"),
    ],
)
def test_date(lang: str, expected: str) -> None:
    """Dates are written out in full by default, as printed documents do."""
    assert format_date(dt.date(2025, 6, 30), lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "1er\u00a0juin 2025"),
        ("de", "1.\u00a0Juni 2025"),
        ("en", "1\u00a0June 2025"),
        ("es", "1\u00a0de junio de 2025"),
        ("pt", "1\u00a0de junho de 2025"),
    ],
)
def test_the_first_of_the_month(lang: str, expected: str) -> None:
    """French writes the first of a month as an ordinal (CLDR has the plain number)."""
    assert format_date(dt.date(2025, 6, 1), lang) == expected
    assert format_date(dt.date(2025, 6, 11), lang).startswith("11")


def test_date_lengths_and_us_english() -> None:
    """Other CLDR lengths and locales are available on request."""
    assert format_date(dt.date(2025, 6, 30), "de", length="medium") == "30.06.2025"
    assert format_date(dt.date(2025, 6, 30), "en", locale="en_US") == "June 30, 2025"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "März 2025"),
        ("en", "March 2025"),
        ("fr", "mars 2025"),
        ("es", "marzo de 2025"),
        ("pt", "março de 2025"),
        ("sw", "Machi 2025"),
    ],
)
def test_month(lang: str, expected: str) -> None:
    """Months use each language's month-year form."""
    assert format_month(MARCH_2025, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", f"März 2025{THIN}–{THIN}Juni 2026"),
        ("en", f"March 2025{THIN}–{THIN}June 2026"),
        ("fr", f"mars 2025{THIN}–{THIN}juin 2026"),
        ("es", f"marzo de 2025{THIN}–{THIN}junio de 2026"),
        ("pt", f"março de 2025{THIN}–{THIN}junho de 2026"),
    ],
)
def test_period_across_years(lang: str, expected: str) -> None:
    """A closed period uses CLDR's month interval format."""
    assert format_period(MARCH_2025, YearMonth(2026, 6), False, lang) == expected


def test_period_within_a_year_and_month() -> None:
    """The year is not repeated inside one year; one month is just that month."""
    assert format_period(MARCH_2025, YearMonth(2025, 6), False, "de") == "März–Juni 2025"
    assert format_period(MARCH_2025, YearMonth(2025, 6), False, "es") == "marzo–junio de 2025"
    assert format_period(MARCH_2025, MARCH_2025, False, "fr") == "mars 2025"


@pytest.mark.parametrize(
    ("lang", "open_end", "ongoing"),
    [
        ("de", "ab März 2025", "ab März 2025 (fortlaufend)"),
        ("en", "from March 2025", "from March 2025 (ongoing)"),
        ("fr", "à partir de mars 2025", "à partir de mars 2025 (en continu)"),
        ("es", "a partir de marzo de 2025", "a partir de marzo de 2025 (de forma continua)"),
        ("pt", "a partir de março de 2025", "a partir de março de 2025 (de forma contínua)"),
    ],
)
def test_period_without_end(lang: str, open_end: str, ongoing: str) -> None:
    """An open end reads "from <month>", and ongoing tasks say so."""
    assert format_period(MARCH_2025, None, False, lang) == open_end
    assert format_period(MARCH_2025, None, True, lang) == ongoing


def test_period_refuses_contradictions() -> None:
    """An ongoing period with an end, or an end before the start, is an error."""
    with pytest.raises(ValueError, match="either ongoing or has an end"):
        format_period(MARCH_2025, YearMonth(2026, 6), True, "de")
    with pytest.raises(ValueError, match="before the start"):
        format_period(MARCH_2025, YearMonth(2024, 6), False, "de")


@pytest.mark.parametrize(
    ("lang", "country", "expected"),
    [
        ("pt", "BR", "pt_BR"),
        ("pt", "MZ", "pt_MZ"),
        ("fr", "SN", "fr_SN"),
        ("es", "BO", "es_BO"),
        ("en", "GH", "en_GH"),
        ("de", None, "de_DE"),
        ("en", "DE", "en_DE"),
        ("fr", "DE", "fr_FR"),
        ("sw", None, "sw"),
    ],
)
def test_locale_for(lang: str, country: str | None, expected: str) -> None:
    """A partner country's locale is used when CLDR has it, the default otherwise."""
    assert locale_for(lang, country) == expected


def test_babel_locale() -> None:
    """Languages map to their default locale; an explicit locale wins."""
    assert str(babel_locale("en")) == "en_GB"
    assert str(babel_locale("pt", "pt-BR")) == "pt_BR"
    chosen = Locale.parse("fr_SN")
    assert babel_locale("fr", chosen) is chosen
    assert str(babel_locale("sw")) == "sw"
