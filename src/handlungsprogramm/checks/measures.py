"""Rules on measures: lead, timeline inside the period, resources, funding, hazards."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from handlungsprogramm.checks.registry import Hit, Severity, plain_number, rule
from handlungsprogramm.model import LeadSide, Measure, Money, Pillar, Programme, Side
from handlungsprogramm.model.types import is_blank
from handlungsprogramm.totals import funded


@rule(
    "HP301",
    Severity.ERROR,
    title=("Measure without lead", "Maßnahme ohne Federführung"),
    message=("measure {code} has no lead", "Maßnahme {code} hat keine Federführung"),
    fix=(
        "add `lead:` with `side:` (german, partner or both) and `department:`",
        "`lead:` mit `side:` (german, partner oder both) und `department:` ergänzen",
    ),
)
def measure_has_lead(programme: Programme) -> Iterator[Hit]:
    """A measure nobody is responsible for does not happen."""
    for path, measure in programme.iter_measures():
        if measure.lead is None:
            yield (*path, "lead"), {"code": measure.code}


@rule(
    "HP302",
    Severity.ERROR,
    title=("Measure without timeline", "Maßnahme ohne Zeitplan"),
    message=("measure {code} has no timeline", "Maßnahme {code} hat keinen Zeitplan"),
    fix=(
        "add `timeline: {{start: YYYY-MM, end: YYYY-MM}}` or `ongoing: true`",
        "`timeline: {{start: JJJJ-MM, end: JJJJ-MM}}` oder `ongoing: true` ergänzen",
    ),
)
def measure_has_timeline(programme: Programme) -> Iterator[Hit]:
    """The programme's time plan is built from the measures' timelines."""
    for path, measure in programme.iter_measures():
        if measure.timeline is None:
            yield (*path, "timeline"), {"code": measure.code}


@rule(
    "HP303",
    Severity.ERROR,
    title=("Timeline without end", "Zeitplan ohne Ende"),
    message=(
        "the timeline of measure {code} has no end and is not marked ongoing",
        "der Zeitplan von Maßnahme {code} hat kein Ende und ist nicht als fortlaufend markiert",
    ),
    fix=("add `end: YYYY-MM` or `ongoing: true`", "`end: JJJJ-MM` oder `ongoing: true` ergänzen"),
)
def timeline_has_end(programme: Programme) -> Iterator[Hit]:
    """An open end must be a decision (ongoing), not an omission."""
    for path, measure in programme.iter_measures():
        tl = measure.timeline
        if tl is not None and tl.end is None and not tl.ongoing:
            yield (*path, "timeline"), {"code": measure.code}


@rule(
    "HP304",
    Severity.ERROR,
    title=("Timeline outside the programme period", "Zeitplan außerhalb der Laufzeit"),
    message=(
        "measure {code} runs {start} – {end}, outside the programme period {period}",
        "Maßnahme {code} läuft {start} – {end}, außerhalb der Laufzeit {period}",
    ),
    fix=(
        "move the timeline into the period or extend `period:`",
        "den Zeitplan in die Laufzeit legen oder `period:` erweitern",
    ),
)
def timeline_inside_period(programme: Programme) -> Iterator[Hit]:
    """Councils adopt the programme for its period; measures beyond it are not covered."""
    period = programme.period
    span = f"{period.start} – {period.end}"
    for path, measure in programme.iter_measures():
        tl = measure.timeline
        if tl is None:
            continue
        if tl.start not in period or (tl.end is not None and tl.end not in period):
            field = "start" if tl.start not in period else "end"
            yield (
                (*path, "timeline", field),
                {
                    "code": measure.code,
                    "start": str(tl.start),
                    "end": str(tl.end) if tl.end else "…",
                    "period": span,
                },
            )


@rule(
    "HP305",
    Severity.ERROR,
    title=("Measure without resources", "Maßnahme ohne Ressourcen"),
    message=("measure {code} names no resources", "Maßnahme {code} nennt keine Ressourcen"),
    fix=(
        "add `resources:` with personnel, money, material or institutional resources",
        "`resources:` mit Personal, Geld, Sach- oder institutionellen Ressourcen ergänzen",
    ),
)
def measure_has_resources(programme: Programme) -> Iterator[Hit]:
    """A programme of action assigns resources; a measure without any is unplanned."""
    for path, measure in programme.iter_measures():
        if measure.resources.is_empty:
            yield (*path, "resources"), {"code": measure.code}


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


@rule(
    "HP307",
    Severity.WARNING,
    title=("Adaptation measure without hazard", "Anpassungsmaßnahme ohne Klimagefahr"),
    message=(
        "adaptation measure {code} names no climate hazard it addresses",
        "Anpassungsmaßnahme {code} nennt keine Klimagefahr, auf die sie reagiert",
    ),
    fix=("add `hazards:` (e.g. [heat, flood])", "`hazards:` ergänzen (z. B. [heat, flood])"),
)
def adaptation_names_hazard(programme: Programme) -> Iterator[Hit]:
    """Adaptation is always adaptation *to* something; reporting (CDP-ICLEI) asks for it."""
    for path, measure in programme.iter_measures():
        if measure.pillar.covers(Pillar.ADAPTATION) and not measure.hazards:
            yield (*path, "hazards"), {"code": measure.code}


@rule(
    "HP308",
    Severity.ERROR,
    title=("Measure without objective", "Maßnahme ohne Ziel"),
    message=(
        "measure {code} is not linked to any operational objective",
        "Maßnahme {code} ist mit keinem operativen Ziel verknüpft",
    ),
    fix=(
        "list the codes it serves under `objectives:`",
        "die Codes der Ziele unter `objectives:` eintragen",
    ),
)
def measure_has_objective(programme: Programme) -> Iterator[Hit]:
    """Measures exist to reach objectives; an unlinked one falls out of monitoring."""
    for path, measure in programme.iter_measures():
        if not measure.objectives:
            yield (*path, "objectives"), {"code": measure.code}


@rule(
    "HP309",
    Severity.ERROR,
    title=("Measure without field of action", "Maßnahme ohne Handlungsfeld"),
    message=(
        "measure {code} names no field of action",
        "Maßnahme {code} nennt kein Handlungsfeld",
    ),
    fix=("add `field_of_action:` with its code", "`field_of_action:` mit dem Code ergänzen"),
)
def measure_has_field(programme: Programme) -> Iterator[Hit]:
    """The document groups measures by field of action."""
    for path, measure in programme.iter_measures():
        if measure.field_of_action is None:
            yield (*path, "field_of_action"), {"code": measure.code}


@rule(
    "HP310",
    Severity.WARNING,
    title=("Measure without description", "Maßnahme ohne Beschreibung"),
    message=("measure {code} has no description", "Maßnahme {code} hat keine Beschreibung"),
    fix=("add `description:`", "`description:` ergänzen"),
)
def measure_has_description(programme: Programme) -> Iterator[Hit]:
    """A title alone rarely tells a council what it adopts."""
    for path, measure in programme.iter_measures():
        if measure.description is None:
            yield (*path, "description"), {"code": measure.code}


@rule(
    "HP311",
    Severity.INFO,
    title=(
        "Mitigation measure without estimated reduction",
        "Klimaschutzmaßnahme ohne Minderungsschätzung",
    ),
    message=(
        "measure {code} serves climate mitigation but gives no estimated reduction (t CO2e per year)",
        "Maßnahme {code} dient dem Klimaschutz, nennt aber keine geschätzte Minderung (t CO2e pro Jahr)",
    ),
    fix=(
        "add `estimated_reduction:` where it can be estimated",
        "`estimated_reduction:` ergänzen, wo schätzbar",
    ),
)
def mitigation_has_reduction(programme: Programme) -> Iterator[Hit]:
    """SECAP-style reporting sums estimated reductions; where known, they belong here."""
    for path, measure in programme.iter_measures():
        if measure.pillar.covers(Pillar.MITIGATION) and measure.estimated_reduction is None:
            yield (*path, "estimated_reduction"), {"code": measure.code}


@rule(
    "HP312",
    Severity.WARNING,
    title=("Milestone outside the measure's timeline", "Meilenstein außerhalb des Zeitplans"),
    message=(
        "milestone {date} of measure {code} lies outside its timeline",
        "Meilenstein {date} von Maßnahme {code} liegt außerhalb ihres Zeitplans",
    ),
    fix=("move the milestone or the timeline", "Meilenstein oder Zeitplan verschieben"),
)
def milestones_inside_timeline(programme: Programme) -> Iterator[Hit]:
    """A milestone after a measure has ended is a typo in one of the two."""
    for path, measure in programme.iter_measures():
        tl = measure.timeline
        if tl is None:
            continue
        for index, milestone in enumerate(measure.milestones):
            if milestone.date < tl.start or (tl.end is not None and milestone.date > tl.end):
                yield (
                    (*path, "milestones", index, "date"),
                    {
                        "code": measure.code,
                        "date": str(milestone.date),
                    },
                )


@rule(
    "HP313",
    Severity.ERROR,
    title=("Lead without department", "Federführung ohne zuständige Stelle"),
    message=(
        "the lead of measure {code} names no department of {municipality}",
        "die Federführung von Maßnahme {code} nennt keine zuständige Stelle von {municipality}",
    ),
    fix=(
        "add `{key}:` under `lead:`, e.g. `Umweltamt` or `Service technique`",
        "`{key}:` unter `lead:` ergänzen, z. B. `Umweltamt` oder `Service technique`",
    ),
)
def lead_names_department(programme: Programme) -> Iterator[Hit]:
    """A side alone is not a lead: someone in the administration must own the measure.

    Apart from HP301 so that the message says what is missing (the side is there).
    """
    for path, measure in programme.iter_measures():
        if measure.lead is None:
            continue
        for side, department, _ in measure.lead.departments():
            if is_blank(department):
                joint = measure.lead.side is LeadSide.BOTH and side is Side.PARTNER
                key = "partner_department" if joint else "department"
                yield (
                    (*path, "lead", key),
                    {
                        "code": measure.code,
                        "municipality": programme.partnership.municipality(side).name,
                        "key": key,
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
