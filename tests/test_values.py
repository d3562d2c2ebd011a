"""compose.values: every value in words, once per language — tested without Word.

These run in milliseconds: a value's wording is decided here, and the document, the
template context and the charts only place it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from handlungsprogramm import from_data
from handlungsprogramm.compose.values import Bi, Values
from handlungsprogramm.model import Location, Pillar, YearMonth
from tests.conftest import complete_data


def _values(partner: str = "fr", **changes: Any) -> Values:
    data = complete_data()
    if partner != "fr":
        data["languages"] = ["de", partner]
        _relabel(data, partner)
    data.update(changes)
    return Values(from_data(data))


def _relabel(value: Any, partner: str) -> None:
    """Rename every `fr:` text key to the partner language."""
    if isinstance(value, dict):
        if "fr" in value and "de" in value:
            value[partner] = value.pop("fr")
        for child in value.values():
            _relabel(child, partner)
    elif isinstance(value, list):
        for child in value:
            _relabel(child, partner)


@pytest.mark.parametrize(
    ("partner", "expected"),
    [
        ("en", "€1,250.50"),
        ("fr", "1\u202f250,50\u00a0€"),
        ("es", "1.250,50\u00a0€"),
        ("pt", "1\u00a0250,50\u00a0€"),
    ],
)
def test_money_in_each_language(partner: str, expected: str) -> None:
    """`1.250,50 €` in German, the partner's own format in the partner column, as
    ../shared/design/document.md lists them (Spanish grouped from four digits, pt-PT)."""
    money = _values(partner).money(Decimal("1250.50"), "EUR")
    assert money == Bi("1.250,50\u00a0€", expected)


def test_a_number_reads_right_to_an_english_reader() -> None:
    """ "1.250 (2019)" would read as 1.25 in English."""
    values = _values("en")
    assert values.number(Decimal(1250)) == Bi("1.250", "1,250")


def test_a_money_cell_may_wrap_before_the_currency_code() -> None:
    """In a narrow column the amount wraps as "12.500.000,00" / "MZN", never "MZ" / "N"."""
    cell = _values("pt").money_cell(Decimal(12_500_000), "MZN")
    assert "\u00a0MZN" not in cell.de
    assert cell.de.endswith(" MZN")


def test_months_are_spelled_out() -> None:
    assert _values("es").month(YearMonth(2026, 10)) == Bi("Oktober 2026", "octubre de 2026")


def test_dates() -> None:
    assert _values("en").date(dt.date(2025, 6, 30)) == Bi(
        "30.\u00a0Juni 2025", "30\u00a0June 2025"
    )  # en-GB


def test_percent() -> None:
    assert _values("en").percent(Decimal(90)) == Bi("90\u00a0%", "90%")


def test_location_names_the_towns() -> None:
    """ "Marburg", not "Partnerkommune"; both towns for a measure in both."""
    values = _values("fr")
    assert values.location(Location.PARTNER) == Bi("Kidira", "Kidira")
    assert values.location(Location.GERMAN) == Bi("Pfinztal", "Pfinztal")
    assert values.location(Location.BOTH) == Bi("Pfinztal und Kidira", "Pfinztal et Kidira")


def test_enum_in_both_languages() -> None:
    assert _values("fr").enum(Pillar.ADAPTATION).partner == "Adaptation"


def test_euro_equivalent_only_with_a_rate() -> None:
    values = _values("fr", exchange_rates=[{"currency": "XOF", "per_euro": "655.957"}])
    assert values.euro_equivalent(Decimal(1_000_000), "XOF") == values.money(
        Decimal("1524.49"), "EUR"
    )
    assert values.euro_equivalent(Decimal(1), "EUR") is None
    assert values.euro_equivalent(Decimal(1), "NAD") is None
    assert (
        values.amount(Decimal(1_000_000), "XOF").de
        == "1.000.000\u00a0F\u202fCFA (ca. 1.524,49\u00a0€)"
    )


def test_named_uses_each_languages_colon() -> None:
    """French puts a narrow no-break space before the colon."""
    assert _values("fr").named("Kidira", Bi("Service", "Service")) == Bi(
        "Kidira: Service", "Kidira\u202f: Service"
    )


def test_lead_names_for_a_joint_lead() -> None:
    data = complete_data()
    data["measures"][0]["lead"] = {
        "side": "both",
        "department": "Umweltamt",
        "partner_department": "Service technique",
    }
    values = Values(from_data(data))
    assert values.lead_names(values.p.measures[0]) == "Pfinztal / Kidira"
    assert values.lead_names(values.p.measures[1]) == "Pfinztal"
