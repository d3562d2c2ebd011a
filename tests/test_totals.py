"""Money by year: an amount without a year is spread over its measure's years, exactly.

Booking a multi-year measure's money to its start year stated it wrongly in the
document both councils adopt (a 1.55 M€ measure running 2021–2025 showed 1.55 M€ in
2021 and nothing after).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlungsprogramm import from_data, load
from handlungsprogramm.model import YearMonth
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.totals import compute_totals, spread_over_years
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))


def test_the_issue_example_is_spread_evenly() -> None:
    """1.55 M€ over January 2021 – December 2025: 310,000 € in each of the five years."""
    shares = spread_over_years(Decimal(1_550_000), YearMonth(2021, 1), YearMonth(2025, 12), "EUR")
    assert shares == {year: Decimal(310_000) for year in range(2021, 2026)}


def test_a_few_units_over_many_years_never_go_negative() -> None:
    """2 XOF over 37 months: rounding each early year up left −1 for the last year."""
    shares = spread_over_years(Decimal(2), YearMonth(2025, 1), YearMonth(2028, 1), "XOF")
    assert sum(shares.values()) == 2
    assert min(shares.values()) >= 0


def test_spread_follows_the_months_and_the_minor_unit() -> None:
    """April 2025 – June 2027 is 9 + 12 + 6 months; XOF has no minor unit, the last year
    takes the remainder."""
    shares = spread_over_years(Decimal(1000), YearMonth(2025, 4), YearMonth(2027, 6), "XOF")
    assert shares == {2025: Decimal(333), 2026: Decimal(444), 2027: Decimal(223)}
    euros = spread_over_years(Decimal(1000), YearMonth(2025, 4), YearMonth(2027, 6), "EUR")
    assert euros == {2025: Decimal("333.33"), 2026: Decimal("444.44"), 2027: Decimal("222.23")}


@given(
    amount=st.decimals(min_value=0, max_value=10**12, places=2),
    start=st.integers(2000 * 12, 2040 * 12),
    length=st.integers(0, 15 * 12),
    currency=st.sampled_from(["EUR", "XOF", "TZS", "NAD", "BOB", "KWD"]),
)
def test_years_always_add_up_to_the_amount(
    amount: Decimal, start: int, length: int, currency: str
) -> None:
    """Whatever the amount, period and currency: the years sum to the amount exactly,
    and every year of the period and no other gets a share."""
    first = YearMonth(start // 12, start % 12 + 1)
    last = YearMonth((start + length) // 12, (start + length) % 12 + 1)
    shares = spread_over_years(amount, first, last, currency)
    assert sum(shares.values()) == amount
    assert list(shares) == list(range(first.year, last.year + 1))
    assert min(shares.values()) >= 0


def _with_money(data: dict[str, Any], money: dict[str, Any], timeline: dict[str, Any]) -> Any:
    measure = data["measures"][0]
    measure["resources"]["money"] = [money]
    measure["timeline"] = timeline
    return from_data(data)


def test_ongoing_measure_spreads_to_the_end_of_the_programme(data: dict[str, Any]) -> None:
    """An ongoing measure from July 2028 in a programme to December 2030: 6 + 12 + 12 months."""
    programme = _with_money(
        data, {"amount": "30000", "currency": "EUR"}, {"start": "2028-07", "ongoing": True}
    )
    totals = compute_totals(programme).money["EUR"]
    assert totals.by_year == {2028: Decimal(6000), 2029: Decimal(12000), 2030: Decimal(12000)}
    assert totals.spread


def test_an_amount_with_its_year_stays_in_that_year(data: dict[str, Any]) -> None:
    programme = _with_money(
        data,
        {"amount": "30000", "currency": "EUR", "year": 2026},
        {"start": "2025-01", "end": "2027-12"},
    )
    totals = compute_totals(programme).money["EUR"]
    assert totals.by_year == {2026: Decimal(30000)}
    assert not totals.spread


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_example_year_table_adds_up_over_the_right_years(path: Path) -> None:
    """Every currency's years sum to its total, and lie within the measures' timelines
    or the programme period."""
    programme = load(path)
    years = {
        year
        for measure in programme.measures
        if measure.timeline is not None
        for year in range(
            measure.timeline.start.year,
            (measure.timeline.end or programme.period.end).year + 1,
        )
    } | {money.year for m in programme.measures for money in m.resources.money if money.year}
    breakdowns = [money for m in programme.measures for money in m.resources.money if money.by_year]
    for money in breakdowns:
        assert sum(money.by_year.values()) == money.amount
    for totals in compute_totals(programme).money.values():
        assert sum(totals.by_year.values()) == totals.total
        assert set(totals.by_year) <= years


def test_the_document_says_how_amounts_were_spread(data: dict[str, Any]) -> None:
    """The note under the "by year" table, in German and the partner language (French)."""
    programme = from_data(data)  # M-01: 45,000 € from March 2025 to December 2026
    assert compute_totals(programme).money["EUR"].by_year == {
        2025: Decimal("20454.55"),
        2026: Decimal("24545.45"),
    }
    document = docx.Document(io.BytesIO(render_docx(programme, charts=False).data))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Beträge ohne Jahresangabe sind nach Monaten anteilig" in text
    assert "Les montants sans année sont répartis" in text
    assert "20.454,55" in text


def test_the_personnel_note_is_printed(data: dict[str, Any]) -> None:
    """The note says who, or "per year": without it 15 days a year read as 15 in all."""
    data["measures"][1]["resources"]["personnel"][0]["note"] = {
        "de": "je Jahr, Umweltamt",
        "fr": "par an, service de l'environnement",
    }
    document = docx.Document(io.BytesIO(render_docx(from_data(data), charts=False).data))
    text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Personentage – je Jahr, Umweltamt" in text
    assert "par an, service de l\u2019environnement" in text  # French apostrophe


def test_a_yearly_breakdown_is_booked_as_given(data: dict[str, Any]) -> None:
    """Years given by the programme are used exactly, not spread by months, and the
    spreading note is not needed for them."""
    programme = _with_money(
        data,
        {"amount": "100000", "currency": "EUR", "by_year": {2025: "10000", 2027: "90000"}},
        {"start": "2025-01", "end": "2027-12"},
    )
    totals = compute_totals(programme).money["EUR"]
    assert totals.by_year == {2025: Decimal(10000), 2027: Decimal(90000)}
    assert not totals.spread


def test_a_breakdown_must_add_up_to_the_amount(data: dict[str, Any]) -> None:
    """100,000 € broken into 10,000 + 80,000 is refused where it is written, en/de."""
    from handlungsprogramm.errors import ProgrammeLoadError

    data["measures"][0]["resources"]["money"][0]["by_year"] = {2025: "10000", 2026: "30000"}
    with pytest.raises(ProgrammeLoadError) as info:
        from_data(data)
    (problem,) = info.value.problems
    assert problem.dotted_path == "measures[0].resources.money[0]"
    assert problem.message("en") == "the yearly amounts add up to 40000, not to the amount 45000"
    assert problem.message("de") == "die Jahresbeträge ergeben 40000, nicht den Betrag 45000"


def test_yearly_personnel_is_kept_apart(data: dict[str, Any]) -> None:
    """15 person-days a year and 40 once are two rows, never 55."""
    data["measures"][0]["resources"]["personnel"] = [
        {"side": "german", "amount": 15, "per_year": True},
        {"side": "german", "amount": 40},
        {"side": "german", "amount": 2, "unit": "person_months"},
    ]
    data["measures"][1]["resources"]["personnel"] = [{"side": "german", "amount": 5}]
    personnel = compute_totals(from_data(data)).personnel
    assert {(k.unit.value, k.per_year): v for k, v in personnel.items()} == {
        ("person_days", True): Decimal(15),
        ("person_days", False): Decimal(45),
        ("person_months", False): Decimal(2),
    }
    document = docx.Document(io.BytesIO(render_docx(from_data(data), charts=False).data))
    rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows
        if row.cells[0].text == "Pfinztal"
    ]
    assert ["Pfinztal", "Personentage pro Jahr\njours-personnes par an", "15"] not in rows
    assert any(r[1].startswith("Personentage pro Jahr") and r[2] == "15" for r in rows)
    assert any(r[1].startswith("Personentage\n") and r[2] == "45" for r in rows)
    assert any(r[1].startswith("Personenmonate") and r[2] == "2" for r in rows)


def test_the_funding_gap(data: dict[str, Any]) -> None:
    """Total cost minus the money in its currency, per measure, added up per currency."""
    data["measures"][0]["resources"]["total_cost"] = [{"amount": "60000", "currency": "EUR"}]
    data["measures"][1]["resources"]["money"] = [
        {"amount": "5000", "currency": "EUR", "funding_source": "Gemeinde"}
    ]
    data["measures"][1]["resources"]["total_cost"] = [{"amount": "4000", "currency": "EUR"}]
    totals = compute_totals(from_data(data)).money["EUR"]
    # M-01: 60,000 cost, 45,000 funded; M-02 over-funded (HP317) counts as fully funded
    assert (totals.total_cost, totals.funded, totals.gap) == (
        Decimal(64000),
        Decimal(49000),
        Decimal(15000),
    )
    document = docx.Document(io.BytesIO(render_docx(from_data(data), charts=False).data))
    text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "60.000,00\u00a0€ – Finanzierungslücke 15.000,00\u00a0€" in text
    assert "besoin de financement non couvert\u202f: 15\u202f000,00\u00a0€" in text


def test_eur_equivalent_with_the_rate(data: dict[str, Any]) -> None:
    """1,000,000 F CFA at 655.957 per euro are 1,524.49 €, shown next to the amount and
    under the total, with the rate, its date and source."""
    data["measures"][0]["resources"]["money"].append(
        {"amount": "1000000", "currency": "XOF", "funding_source": "Commune"}
    )
    data["exchange_rates"] = [
        {"currency": "XOF", "per_euro": "655.957", "date": "2025-06-01", "source": "InforEuro"}
    ]
    document = docx.Document(io.BytesIO(render_docx(from_data(data), charts=False).data))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "1.000.000\u00a0F\u202fCFA (ca. 1.524,49\u00a0€) – Commune" in text
    assert "1\u202f000\u202f000\u00a0F\u202fCFA (env. 1\u202f524,49\u00a0€) – Commune" in text
    assert "Umrechnung: 1 € = 655,957 XOF (Stand 1.\u00a0Juni 2025, InforEuro)." in text


def test_a_currency_with_only_a_cost_gets_only_the_cost_table(data: dict[str, Any]) -> None:
    """A total cost in TZS and no TZS money: the cost and the whole gap, no tables of
    zeros by source, pillar, field and year."""
    data["measures"][0]["resources"]["total_cost"] = [{"amount": "500000", "currency": "TZS"}]
    document = docx.Document(io.BytesIO(render_docx(from_data(data), charts=False).data))
    text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert not re.search("(?<![0-9.])0\u00a0TZS", text)  # no zero amounts
    assert "500.000\u00a0TZS" in text
