"""Rules on measures: lead, timeline inside the period, resources, funding, hazards."""

from __future__ import annotations

from collections.abc import Iterator

from handlungsprogramm.checks.registry import Hit, Severity, rule
from handlungsprogramm.model import Pillar, Programme
from handlungsprogramm.model.types import is_blank


@rule(
    "HP301",
    Severity.ERROR,
    title=("Measure without lead", "Maßnahme ohne Federführung"),
    message=("measure {code} has no lead", "Maßnahme {code} hat keine Federführung"),
    fix=(
        "add `lead:` with `side:` (german/partner) and `department:`",
        "`lead:` mit `side:` (german/partner) und `department:` ergänzen",
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
        "the lead of measure {code} names no department",
        "die Federführung von Maßnahme {code} nennt keine zuständige Stelle",
    ),
    fix=(
        "add `department:` under `lead:`, e.g. `Umweltamt` or `Service technique`",
        "`department:` unter `lead:` ergänzen, z. B. `Umweltamt` oder `Service technique`",
    ),
)
def lead_names_department(programme: Programme) -> Iterator[Hit]:
    """A side alone is not a lead: someone in the administration must own the measure.

    Apart from HP301 so that the message says what is missing (the side is there).
    """
    for path, measure in programme.iter_measures():
        if measure.lead is not None and is_blank(measure.lead.department):
            yield (*path, "lead", "department"), {"code": measure.code}
