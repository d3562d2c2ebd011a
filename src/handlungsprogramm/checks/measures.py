"""Rules on what a measure says: lead and department, resources, objective, field, texts.

The rules on its timeline are in :mod:`.timelines`, those on its money in :mod:`.money`.
"""

from __future__ import annotations

from collections.abc import Iterator

from handlungsprogramm.checks.registry import Hit, Severity, rule
from handlungsprogramm.model import LeadSide, Pillar, Programme, Side
from handlungsprogramm.model.types import is_blank


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
