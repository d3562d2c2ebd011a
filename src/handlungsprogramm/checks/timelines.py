"""Rules on when measures run: a timeline, with an end, inside the period; milestones in it.

The HP30x rules on dates, apart from the rules on what a measure says and on its
money because they all read the timeline against the programme's period.
"""

from __future__ import annotations

from collections.abc import Iterator

from handlungsprogramm.checks.registry import Hit, Severity, rule
from handlungsprogramm.model import Programme


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
