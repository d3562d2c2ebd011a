"""Money by year: an amount without a year is spread over its measure's years, exactly.

Booking a multi-year measure's money to its start year stated it wrongly in the
document both councils adopt (a 1.55 M€ measure running 2021–2025 showed 1.55 M€ in
2021 and nothing after).
"""

from __future__ import annotations

import io
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
    assert "par an, service de l'environnement" in text
