"""Rules on the goal hierarchy: fields → strategic → operational objectives, all measurable."""

from __future__ import annotations

from collections.abc import Iterator

from handlungsprogramm.checks.registry import Hit, Severity, plain_number, rule
from handlungsprogramm.model import Direction, Programme


@rule(
    "HP201",
    Severity.ERROR,
    title=("Field of action without strategic objective", "Handlungsfeld ohne strategisches Ziel"),
    message=(
        "field of action {code} has no strategic objective",
        "Handlungsfeld {code} hat kein strategisches Ziel",
    ),
    fix=(
        "add an entry under `strategic_objectives:`",
        "einen Eintrag unter `strategic_objectives:` ergänzen",
    ),
)
def field_has_strategic(programme: Programme) -> Iterator[Hit]:
    """Each field of action must say where it is heading."""
    for index, field in enumerate(programme.fields_of_action):
        if not field.strategic_objectives:
            yield ("fields_of_action", index, "strategic_objectives"), {"code": field.code}


@rule(
    "HP202",
    Severity.ERROR,
    title=(
        "Strategic objective without operational objective",
        "Strategisches Ziel ohne operatives Ziel",
    ),
    message=(
        "strategic objective {code} has no operational objective",
        "strategisches Ziel {code} hat kein operatives Ziel",
    ),
    fix=(
        "add an entry under `operational_objectives:`",
        "einen Eintrag unter `operational_objectives:` ergänzen",
    ),
)
def strategic_has_operational(programme: Programme) -> Iterator[Hit]:
    """A long-term objective is only actionable through concrete ones."""
    for path, _, strategic in programme.iter_strategic():
        if not strategic.operational_objectives:
            yield (*path, "operational_objectives"), {"code": strategic.code}


@rule(
    "HP203",
    Severity.ERROR,
    title=("Operational objective without indicator", "Operatives Ziel ohne Indikator"),
    message=(
        "operational objective {code} has no indicator",
        "operatives Ziel {code} hat keinen Indikator",
    ),
    fix=(
        "add `indicator:` with name, unit, baseline and target",
        "`indicator:` mit Name, Einheit, Ausgangs- und Zielwert ergänzen",
    ),
)
def operational_has_indicator(programme: Programme) -> Iterator[Hit]:
    """Operational objectives must be measurable, or monitoring has nothing to measure."""
    for path, _, _, operational in programme.iter_operational():
        if not operational.all_indicators():
            yield (*path, "indicator"), {"code": operational.code}


@rule(
    "HP204",
    Severity.ERROR,
    title=("Indicator without baseline", "Indikator ohne Ausgangswert"),
    message=(
        "the indicator of {code} has no baseline value and year",
        "der Indikator von {code} hat keinen Ausgangswert mit Jahr",
    ),
    fix=("add `baseline: {{value: …, year: …}}`", "`baseline: {{value: …, year: …}}` ergänzen"),
)
def indicator_has_baseline(programme: Programme) -> Iterator[Hit]:
    """Without a starting point, progress cannot be shown."""
    for path, _, _, operational in programme.iter_operational():
        for below, indicator in operational.all_indicators():
            if indicator.baseline is None:
                yield (*path, *below, "baseline"), {"code": operational.code}


@rule(
    "HP205",
    Severity.ERROR,
    title=("Indicator without target", "Indikator ohne Zielwert"),
    message=(
        "the indicator of {code} has no target value and year",
        "der Indikator von {code} hat keinen Zielwert mit Jahr",
    ),
    fix=("add `target: {{value: …, year: …}}`", "`target: {{value: …, year: …}}` ergänzen"),
)
def indicator_has_target(programme: Programme) -> Iterator[Hit]:
    """An objective without a target value is a wish, not an objective."""
    for path, _, _, operational in programme.iter_operational():
        for below, indicator in operational.all_indicators():
            if indicator.target is None:
                yield (*path, *below, "target"), {"code": operational.code}


@rule(
    "HP206",
    Severity.ERROR,
    title=("Operational objective without measure", "Operatives Ziel ohne Maßnahme"),
    message=(
        "no measure serves operational objective {code}",
        "keine Maßnahme dient dem operativen Ziel {code}",
    ),
    fix=(
        "list `{code}` under `objectives:` of at least one measure",
        "`{code}` unter `objectives:` mindestens einer Maßnahme eintragen",
    ),
)
def operational_has_measure(programme: Programme) -> Iterator[Hit]:
    """An objective nobody works towards will not be reached."""
    served = {code for measure in programme.measures for code in measure.objectives}
    for path, _, _, operational in programme.iter_operational():
        if operational.code not in served:
            yield path, {"code": operational.code}


@rule(
    "HP207",
    Severity.ERROR,
    title=("Target year before baseline year", "Zieljahr vor Ausgangsjahr"),
    message=(
        "the target year {target} of {code} lies before the baseline year {baseline}",
        "das Zieljahr {target} von {code} liegt vor dem Ausgangsjahr {baseline}",
    ),
    fix=("correct one of the two years", "eines der beiden Jahre korrigieren"),
)
def target_after_baseline(programme: Programme) -> Iterator[Hit]:
    """A target cannot be reached before the baseline was measured."""
    for path, _, _, operational in programme.iter_operational():
        for below, ind in operational.all_indicators():
            if ind.baseline and ind.target and ind.target.year < ind.baseline.year:
                yield (
                    (*path, *below, "target", "year"),
                    {
                        "code": operational.code,
                        "target": ind.target.year,
                        "baseline": ind.baseline.year,
                    },
                )


@rule(
    "HP208",
    Severity.WARNING,
    title=("Strategic objective without target year", "Strategisches Ziel ohne Zieljahr"),
    message=(
        "strategic objective {code} has no target year",
        "strategisches Ziel {code} hat kein Zieljahr",
    ),
    fix=("add `target_year:` (e.g. 2030)", "`target_year:` ergänzen (z. B. 2030)"),
)
def strategic_has_target_year(programme: Programme) -> Iterator[Hit]:
    """Strategic objectives are long-term, but they still need a horizon."""
    for path, _, strategic in programme.iter_strategic():
        if strategic.target_year is None:
            yield (*path, "target_year"), {"code": strategic.code}


@rule(
    "HP209",
    Severity.WARNING,
    title=("Code outside its parent's numbering", "Code passt nicht zur Nummerierung"),
    message=(
        "code {code} does not start with the code of its parent {parent}",
        "Code {code} beginnt nicht mit dem Code des übergeordneten Elements {parent}",
    ),
    fix=(
        "number hierarchically, e.g. {parent}.1",
        "hierarchisch nummerieren, z. B. {parent}.1",
    ),
)
def hierarchical_codes(programme: Programme) -> Iterator[Hit]:
    """LAG 21 numbers objectives hierarchically (3 → 3.3 → 3.3.4); readers rely on it."""
    for path, field, strategic in programme.iter_strategic():
        if not strategic.code.startswith(field.code + "."):
            yield (*path, "code"), {"code": strategic.code, "parent": field.code}
    for path, _, strategic, operational in programme.iter_operational():
        if not operational.code.startswith(strategic.code + "."):
            yield (*path, "code"), {"code": operational.code, "parent": strategic.code}


@rule(
    "HP210",
    Severity.WARNING,
    title=("Target against the indicator's direction", "Zielwert gegen die Zielrichtung"),
    message=(
        "the indicator of {code} should {direction}, but its target {target} does not"
        " (baseline {baseline})",
        "der Indikator von {code} soll {direction_de}, sein Zielwert {target} tut das aber"
        " nicht (Ausgangswert {baseline})",
    ),
    fix=(
        "correct `direction:`, the baseline or the target",
        "`direction:`, Ausgangs- oder Zielwert korrigieren",
    ),
)
def target_follows_direction(programme: Programme) -> Iterator[Hit]:
    """A waste objective that should decrease but whose target is higher is a typo in
    one of three places; the document would print an arrow pointing the wrong way."""
    words = {
        Direction.INCREASE: ("increase", "steigen"),
        Direction.DECREASE: ("decrease", "sinken"),
        Direction.MAINTAIN: ("stay the same", "gleich bleiben"),
    }
    for path, _, _, operational in programme.iter_operational():
        for below, ind in operational.all_indicators():
            if ind.direction is None or ind.baseline is None or ind.target is None:
                continue
            change = ind.target.value - ind.baseline.value
            wrong = (
                (ind.direction is Direction.INCREASE and change <= 0)
                or (ind.direction is Direction.DECREASE and change >= 0)
                or (ind.direction is Direction.MAINTAIN and change != 0)
            )
            if wrong:
                en, de = words[ind.direction]
                yield (
                    (*path, *below, "direction"),
                    {
                        "code": operational.code,
                        "direction": en,
                        "direction_de": de,
                        "target": plain_number(ind.target.value),
                        "baseline": plain_number(ind.baseline.value),
                    },
                )


@rule(
    "HP211",
    Severity.WARNING,
    title=("Interim target outside baseline and target years", "Zwischenziel außerhalb"),
    message=(
        "the interim target {year} of {code} does not lie between the baseline year and"
        " the target year",
        "das Zwischenziel {year} von {code} liegt nicht zwischen Ausgangs- und Zieljahr",
    ),
    fix=("correct the year of the interim target", "das Jahr des Zwischenziels korrigieren"),
)
def interim_targets_between(programme: Programme) -> Iterator[Hit]:
    """An interim target marks the way from the baseline to the target, so it lies
    between their years (exclusive of neither: a first value may be reported early)."""
    for path, _, _, operational in programme.iter_operational():
        for below, ind in operational.all_indicators():
            first = ind.baseline.year if ind.baseline else None
            last = ind.target.year if ind.target else None
            for index, interim in enumerate(ind.interim_targets):
                if (first is not None and interim.year < first) or (
                    last is not None and interim.year > last
                ):
                    yield (
                        (*path, *below, "interim_targets", index, "year"),
                        {"code": operational.code, "year": interim.year},
                    )
