"""The model in code: exact values, enums with stable strings, validation on construction."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from handlungsprogramm import Programme, ProgrammeLoadError, Text, YearMonth, from_data
from handlungsprogramm.model import (
    Measure,
    Money,
    Pillar,
    Side,
    Timeline,
)
from handlungsprogramm.model.types import is_blank
from tests.conftest import complete_data


def test_year_month_parse_order_and_str() -> None:
    """Months parse from YYYY-MM, compare chronologically and print back the same."""
    a, b = YearMonth.parse("2025-03"), YearMonth.parse("2026-01")
    assert a < b
    assert str(a) == "2025-03"
    assert b.index - a.index == 10


@pytest.mark.parametrize("text", ["2025-3", "2025-00", "2025-13", "25-03", "March 2025", ""])
def test_year_month_rejects(text: str) -> None:
    """Anything but a real YYYY-MM month is refused."""
    with pytest.raises(ValueError, match="month"):
        YearMonth.parse(text)


def test_text_access() -> None:
    """A Text gives each language; blank texts do not count as present."""
    text = Text({"de": "Hallo", "fr": "  "})
    assert text["de"] == "Hallo"
    assert text.get("pt", "–") == "–"
    assert text.languages == frozenset({"de"})
    assert "fr" in text
    assert list(text) == ["de", "fr"]


@pytest.mark.parametrize(
    ("value", "blank"),
    [(None, True), ("", True), ("  ", True), ("BMZ", False), (Text({"de": ""}), True),
     (Text({"de": "x"}), False)],
)  # fmt: skip
def test_is_blank(value: Text | str | None, blank: bool) -> None:
    """is_blank treats empty strings and texts without content as missing."""
    assert is_blank(value) is blank


def test_money_is_exact_and_refuses_float() -> None:
    """Money keeps Decimal exactly; a float is refused even from code."""
    money = Money(amount=Decimal("0.10"), currency="EUR")
    assert money.amount == Decimal("0.10")
    assert Money.model_validate({"amount": "1234.50", "currency": "XOF"}).amount == Decimal(
        "1234.50"
    )
    with pytest.raises(ValidationError) as info:
        Money.model_validate({"amount": 0.1, "currency": "EUR"})
    assert info.value.errors()[0]["type"] == "float_not_allowed"


def test_money_json_round_trip_keeps_exact_value() -> None:
    """Serialising to JSON and back does not lose a cent."""
    money = Money(amount=Decimal("12345678.91"), currency="EUR")
    assert Money.model_validate_json(money.model_dump_json()) == money


def test_enums_have_stable_strings() -> None:
    """Enum values are the strings of the input format."""
    assert [p.value for p in Pillar] == ["mitigation", "adaptation", "both"]
    assert Pillar.BOTH.covers(Pillar.ADAPTATION)
    assert not Pillar.MITIGATION.covers(Pillar.ADAPTATION)
    assert Side("partner") is Side.PARTNER


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"start": "2026-01", "end": "2025-12"}, "end_before_start"),
        ({"start": "2025-01", "end": "2025-12", "ongoing": True}, "ongoing_with_end"),
    ],
)
def test_timeline_validation(data: dict[str, Any], error: str) -> None:
    """Impossible timelines are refused when the model is built."""
    with pytest.raises(ValidationError) as info:
        Timeline.model_validate(data)
    assert info.value.errors()[0]["type"] == error


def test_unknown_keys_refused_in_code() -> None:
    """Typos are errors in code as in files (extra='forbid')."""
    with pytest.raises(ValidationError) as info:
        Measure.model_validate({"code": "M-1", "title": {"de": "a"}, "pillar": "both", "leed": {}})
    assert [e["type"] for e in info.value.errors()] == ["extra_forbidden"]


def test_assignment_is_validated(data: dict[str, Any]) -> None:
    """Changing a programme in code is validated too (host applications edit in place)."""
    programme = from_data(data)
    with pytest.raises(ValidationError):
        programme.measures[0].pillar = "solar"  # type: ignore[assignment]


def test_navigation(data: dict[str, Any]) -> None:
    """Programme offers paths to every objective and measure, and look-ups by code."""
    programme = from_data(data)
    paths = [path for path, *_ in programme.iter_operational()]
    assert paths == [
        ("fields_of_action", 0, "strategic_objectives", 0, "operational_objectives", 0)
    ]
    objective = programme.operational_objective("1.1.1")
    assert objective is not None
    assert objective.indicator is not None
    assert objective.indicator.change == Decimal(50)
    assert programme.field_of_action("9") is None
    assert programme.partner_language == "fr"
    signatory = programme.signatory(Side.GERMAN)
    assert signatory is not None
    assert signatory.name == "Erika Beispiel"


def test_programme_round_trips_through_json(data: dict[str, Any]) -> None:
    """model_dump_json → model_validate_json gives the same programme."""
    programme = from_data(data)
    again = Programme.model_validate_json(programme.model_dump_json())
    assert again == programme


@pytest.mark.parametrize(
    ("code", "kind"),
    [("EUR", None), ("VED", None), ("XDR", None), ("BOV", None), ("DEM", "currency_withdrawn"),
     ("BOL", "currency_withdrawn"), ("EURO", "currency_code")],
)  # fmt: skip
def test_currencies_in_use_withdrawn_and_unknown(code: str, kind: str | None) -> None:
    """Codes in use somewhere (legal tender or not: VED, the IMF's XDR, Bolivia's funds
    code BOV) are accepted; withdrawn ones (DEM, the old Bolivian BOL) and non-codes are
    located load problems. The answer depends on CLDR's data, not on today's date."""
    data = complete_data()
    data["measures"][0]["resources"]["money"][0]["currency"] = code
    if kind is None:
        from_data(data)
        return
    with pytest.raises(ProgrammeLoadError) as caught:
        from_data(data)
    assert [p.kind for p in caught.value.problems] == [kind]
