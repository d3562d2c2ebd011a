"""The model in code: exact values, enums with stable strings, validation on construction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from handlungsprogramm import Programme, ProgrammeLoadError, Text, YearMonth, from_data
from handlungsprogramm.errors import LoadProblem
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


def test_money_is_exact_and_takes_a_float_as_written() -> None:
    """Money keeps Decimal exactly; a float from code is the decimal its shortest form
    spells (0.1 is 0.1, not 0.1000000000000000055…), and one with more places than money
    has (0.1 + 0.2) is refused."""
    money = Money(amount=Decimal("0.10"), currency="EUR")
    assert money.amount == Decimal("0.10")
    assert Money.model_validate({"amount": "1234.50", "currency": "XOF"}).amount == Decimal(
        "1234.50"
    )
    assert Money.model_validate({"amount": 0.1, "currency": "EUR"}).amount == Decimal("0.1")
    with pytest.raises(ValidationError) as info:
        Money.model_validate({"amount": 0.1 + 0.2, "currency": "EUR"})
    assert "0.30000000000000004" in str(info.value)


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
    [("EUR", None), ("VED", None), ("XDR", None), ("XUA", None), ("BOV", None),
     ("DEM", "currency_withdrawn"), ("BOL", "currency_withdrawn"), ("EURO", "currency_code"),
     ("XXX", "currency_not_money"), ("XTS", "currency_not_money"), ("XAU", "currency_not_money"),
     ("XAG", "currency_not_money"), ("XPT", "currency_not_money"), ("XPD", "currency_not_money"),
     ("XBA", "currency_not_money"), ("XBD", "currency_not_money")],
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


def _money_problem(amount: object) -> LoadProblem:
    data = complete_data()
    data["measures"][0]["resources"]["money"][0]["amount"] = amount
    with pytest.raises(ProgrammeLoadError) as caught:
        from_data(data)
    (problem,) = caught.value.problems
    assert problem.path == ("measures", 0, "resources", "money", 0, "amount")
    return problem


@pytest.mark.parametrize(
    ("amount", "kind", "english", "german"),
    [
        ("0x10", "number_base", "0x10 is not written in decimal digits", "bitte 16 schreiben"),
        ("0o17", "number_base", "write 15", "bitte 15 schreiben"),
        ("0b101", "number_base", "write 5", "bitte 5 schreiben"),
        ("1_000", "number_separator", "write 1000", "bitte 1000 schreiben"),
        ("010", "number_leading_zero", "octal number; write 10", "Oktalzahl"),
        ("-0", "negative_zero", "-0 is a negative zero; write 0", "negative Null"),
        ("-0.00", "negative_zero", "write 0", "bitte 0 schreiben"),
        (Decimal("-0"), "negative_zero", "write 0", "bitte 0 schreiben"),
        (
            Decimal("1E-100000"),
            "decimal_max_places",
            "at most 4 decimal places",
            "Nachkommastellen",
        ),
        ("0.00001", "decimal_max_places", "got text '0.00001'", "erhalten: Text '0.00001'"),
        ("NaN", "finite_number", "finite", "endliche Zahl"),
        ("1e16", "less_than_equal", "at most 1000000000000000", "höchstens"),
    ],
)
def test_amounts_must_be_written_plainly(
    amount: object, kind: str, english: str, german: str
) -> None:
    """Forms YAML or people read in different ways are refused with how to write the
    number (in English and German); the representation is bounded too (1e-100000)."""
    problem = _money_problem(amount)
    assert (problem.code, problem.kind) == ("HP013", kind)
    assert english in problem.message("en")
    assert german in problem.message("de")


@pytest.mark.parametrize(
    ("amount", "value"),
    [("+5", "5"), (".5", "0.5"), ("5.", "5"), ("1.5e3", "1.5E+3"), (" 1234.50 ", "1234.50"),
     ("5.000000000", "5.0000"), (Decimal("0E-100000"), "0"), (0, "0"), (12, "12")],
)  # fmt: skip
def test_plain_amounts_are_read_exactly(amount: object, value: str) -> None:
    """A sign, a bare point and an exponent are plain; trailing zeros beyond the allowed
    places are dropped (the same number), a zero with a huge exponent becomes 0."""
    data = complete_data()
    data["measures"][0]["resources"]["money"][0]["amount"] = amount
    programme = from_data(data)
    assert str(programme.measures[0].resources.money[0].amount) == value


@pytest.mark.parametrize("value", ["1e-100000", "-0", "1_5", "0x1F", "0.0000001", "-1e16"])
def test_indicator_values_are_bounded(value: str) -> None:
    """Indicator values (negative allowed) have the same rules, with six decimal places."""
    data = complete_data()
    objective = data["fields_of_action"][0]["strategic_objectives"][0]
    objective["operational_objectives"][0]["indicator"]["target"]["value"] = value
    with pytest.raises(ProgrammeLoadError) as caught:
        from_data(data)
    assert [p.code for p in caught.value.problems] == ["HP013"]


@pytest.mark.parametrize(
    ("where", "value", "kind"),
    [
        (("date",), dt.date(1, 1, 1), "year_out_of_range"),
        (("date",), dt.date(9999, 12, 31), "year_out_of_range"),
        (("date",), dt.date(1899, 12, 31), "year_out_of_range"),
        (("period", "start"), "0001-01", "year_out_of_range"),
        (("period", "end"), "9999-12", "year_out_of_range"),
        (("partnership", "since"), 1, "greater_than_equal"),
        (("partnership", "since"), "2_021", "number_separator"),
        (("partnership", "since"), "0x7E5", "number_base"),
    ],
)
def test_dates_and_years_lie_in_1900_to_2200(
    where: tuple[str, ...], value: object, kind: str
) -> None:
    """Year 1 or 9999 is a typo, not a plan: dates, months and years outside 1900–2200
    are located problems; a year written as 2_021 or 0x7E5 is refused like an amount."""
    data = complete_data()
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(ProgrammeLoadError) as caught:
        from_data(data)
    assert [(p.code, p.kind, p.path) for p in caught.value.problems] == [("HP013", kind, where)]
    assert "1900" in caught.value.problems[0].message("de") or kind != "year_out_of_range"


def test_dates_at_the_bounds_load() -> None:
    """1900-01-01 and 2200-12-31 are inside."""
    data = complete_data()
    data["date"] = dt.date(1900, 1, 1)
    data["adoptions"][0]["date"] = dt.date(2200, 12, 31)
    from_data(data)
