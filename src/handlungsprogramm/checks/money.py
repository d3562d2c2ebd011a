"""Rules on the money of measures: sources, years, co-financing shares, grants and costs.

The HP306 and HP314–HP317 rules read a measure's money as a financial plan; apart
from the other measure rules because they check sums against each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from handlungsprogramm.checks.registry import Hit, Severity, plain_number, rule
from handlungsprogramm.model import Measure, Money, Programme
from handlungsprogramm.model.types import is_blank
from handlungsprogramm.totals import funded


@rule(
    "HP306",
    Severity.ERROR,
    title=("Money without funding source", "Geld ohne Finanzierungsquelle"),
    message=(
        "{amount} {currency} in measure {code} has no funding source",
        "{amount} {currency} in Maßnahme {code} hat keine Finanzierungsquelle",
    ),
    fix=("add `funding_source:`", "`funding_source:` ergänzen"),
)
def money_has_source(programme: Programme) -> Iterator[Hit]:
    """Funders and councils ask where every sum comes from."""
    for path, measure in programme.iter_measures():
        for index, money in enumerate(measure.resources.money):
            if is_blank(money.funding_source):
                yield (
                    (*path, "resources", "money", index),
                    {
                        "code": measure.code,
                        "amount": str(money.amount),
                        "currency": money.currency,
                    },
                )


def _timeline_years(programme: Programme, measure: Measure) -> range | None:
    """The calendar years a measure runs in (an ongoing one's up to the period's end)."""
    tl = measure.timeline
    if tl is None or (tl.end is None and not tl.ongoing):
        return None
    end = tl.end or programme.period.end
    return range(tl.start.year, max(end.year, tl.start.year) + 1)


@rule(
    "HP314",
    Severity.ERROR,
    title=("Money booked outside the timeline", "Mittel außerhalb des Zeitplans"),
    message=(
        "{amount} {currency} of measure {code} are booked to {year}, outside its timeline"
        " ({first}–{last})",
        "{amount} {currency} von Maßnahme {code} sind {year} eingeplant, außerhalb ihres"
        " Zeitplans ({first}–{last})",
    ),
    fix=(
        "move the amount into a year of the timeline, or extend the timeline",
        "den Betrag in ein Jahr des Zeitplans legen oder den Zeitplan verlängern",
    ),
)
def money_inside_timeline(programme: Programme) -> Iterator[Hit]:
    """The "by year" tables are a financial plan; money in a year the measure does not
    run in is a typo in the year or in the timeline."""
    for path, measure in programme.iter_measures():
        years = _timeline_years(programme, measure)
        if years is None:
            continue
        for index, money in enumerate(measure.resources.money):
            booked: list[tuple[tuple[str | int, ...], int, Money]] = []
            if money.year is not None:
                booked.append((("year",), money.year, money))
            booked.extend((("by_year", y), y, money) for y in money.by_year)
            for below, year, item in booked:
                if year not in years:
                    yield (
                        (*path, "resources", "money", index, *below),
                        {
                            "code": measure.code,
                            "amount": plain_number(item.by_year.get(year, item.amount)),
                            "currency": item.currency,
                            "year": year,
                            "first": years[0],
                            "last": years[-1],
                        },
                    )


@rule(
    "HP315",
    Severity.ERROR,
    title=(
        "Co-financing shares do not add up to 100 %",
        "Finanzierungsanteile ergeben nicht 100 %",
    ),
    message=(
        "the shares of grant {id} and its own contributions in measure {code} add up to"
        " {total} %, not 100 %",
        "die Anteile der Förderung {id} und ihrer Eigenanteile in Maßnahme {code} ergeben"
        " {total} %, nicht 100 %",
    ),
    fix=(
        "give every part a `share:` so that they add up to 100",
        "jedem Teil einen `share:` geben, sodass sie zusammen 100 ergeben",
    ),
)
def cofinancing_adds_up(programme: Programme) -> Iterator[Hit]:
    """A 90 % grant needs a 10 % own contribution; printed shares that do not add up
    tell the funder the financing is not closed."""
    for path, measure in programme.iter_measures():
        money = measure.resources.money
        for index, grant in enumerate(money):
            if grant.id is None:
                continue
            parts = [grant, *(m for m in money if m.contribution_to == grant.id)]
            if all(p.share is None for p in parts):
                continue
            total = sum((p.share or Decimal(0) for p in parts), Decimal(0))
            if total != 100:
                yield (
                    (*path, "resources", "money", index, "share"),
                    {"code": measure.code, "id": grant.id, "total": plain_number(total)},
                )


@rule(
    "HP316",
    Severity.ERROR,
    title=("Own contribution to an unknown grant", "Eigenanteil zu unbekannter Förderung"),
    message=(
        "a sum of measure {code} is the own contribution to {ref}, but the measure has no"
        " sum with `id: {ref}`",
        "ein Betrag von Maßnahme {code} ist Eigenanteil zu {ref}, aber die Maßnahme hat"
        " keinen Betrag mit `id: {ref}`",
    ),
    fix=(
        "give the grant `id: {ref}`, or correct `contribution_to:`",
        "der Förderung `id: {ref}` geben oder `contribution_to:` korrigieren",
    ),
)
def contribution_has_grant(programme: Programme) -> Iterator[Hit]:
    """The co-financing table pairs each contribution with its grant."""
    for path, measure in programme.iter_measures():
        ids = {m.id for m in measure.resources.money if m.id is not None}
        for index, money in enumerate(measure.resources.money):
            if money.contribution_to is not None and money.contribution_to not in ids:
                yield (
                    (*path, "resources", "money", index, "contribution_to"),
                    {"code": measure.code, "ref": money.contribution_to},
                )


@rule(
    "HP317",
    Severity.WARNING,
    title=("Funding above the total cost", "Finanzierung über den Gesamtkosten"),
    message=(
        "measure {code} is funded with {funded} {currency}, more than its total cost"
        " of {cost} {currency}",
        "Maßnahme {code} ist mit {funded} {currency} finanziert, mehr als ihre Gesamtkosten"
        " von {cost} {currency}",
    ),
    fix=(
        "correct `total_cost:` or the amounts",
        "`total_cost:` oder die Beträge korrigieren",
    ),
)
def funding_within_cost(programme: Programme) -> Iterator[Hit]:
    """The funding gap is the cost minus the money; a negative gap is a typo."""
    for path, measure in programme.iter_measures():
        for index, cost in enumerate(measure.resources.total_cost):
            covered = funded(measure, cost.currency)
            if covered > cost.amount:
                yield (
                    (*path, "resources", "total_cost", index, "amount"),
                    {
                        "code": measure.code,
                        "funded": plain_number(covered),
                        "cost": plain_number(cost.amount),
                        "currency": cost.currency,
                    },
                )
