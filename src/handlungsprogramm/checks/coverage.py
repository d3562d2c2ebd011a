"""Rules on the programme as a whole: both pillars, both municipalities, something to do."""

from __future__ import annotations

from collections.abc import Iterator

from handlungsprogramm.checks.registry import Hit, Severity, rule
from handlungsprogramm.model import Pillar, Programme, Side

_PILLAR_WORDS = {
    Pillar.MITIGATION: ("climate mitigation", "Klimaschutz"),
    Pillar.ADAPTATION: ("climate adaptation", "Klimafolgenanpassung"),
}


@rule(
    "HP501",
    Severity.ERROR,
    title=("Pillar not covered", "Säule nicht abgedeckt"),
    message=("no measure covers {pillar}", "keine Maßnahme deckt {pillar} ab"),
    fix=(
        "add a measure with `pillar: {value}` or `pillar: both`",
        "eine Maßnahme mit `pillar: {value}` oder `pillar: both` ergänzen",
    ),
)
def both_pillars(programme: Programme) -> Iterator[Hit]:
    """The programme is about mitigation *and* adaptation; that is its mandate."""
    for pillar, words in _PILLAR_WORDS.items():
        if not any(m.pillar.covers(pillar) for m in programme.measures):
            yield ("measures",), {"pillar": words, "value": pillar.value}


@rule(
    "HP502",
    Severity.WARNING,
    title=("Municipality leads no measure", "Kommune ohne federführende Maßnahme"),
    message=(
        "{municipality} leads no measure",
        "{municipality} hat bei keiner Maßnahme die Federführung",
    ),
    fix=(
        "give {municipality} the lead of at least one measure",
        "{municipality} bei mindestens einer Maßnahme die Federführung geben",
    ),
)
def both_lead(programme: Programme) -> Iterator[Hit]:
    """A partnership on equal terms shares responsibility."""
    for side in Side:
        if not any(m.lead and m.lead.includes(side) for m in programme.measures):
            name = programme.partnership.municipality(side).name
            yield ("measures",), {"municipality": name}


@rule(
    "HP503",
    Severity.ERROR,
    title=("No fields of action", "Keine Handlungsfelder"),
    message=("the programme has no fields of action", "das Programm hat keine Handlungsfelder"),
    fix=("add `fields_of_action:`", "`fields_of_action:` ergänzen"),
)
def has_fields(programme: Programme) -> Iterator[Hit]:
    """Fields of action structure every programme of action."""
    if not programme.fields_of_action:
        yield ("fields_of_action",), {}


@rule(
    "HP504",
    Severity.ERROR,
    title=("No measures", "Keine Maßnahmen"),
    message=("the programme has no measures", "das Programm hat keine Maßnahmen"),
    fix=("add `measures:`", "`measures:` ergänzen"),
)
def has_measures(programme: Programme) -> Iterator[Hit]:
    """A programme of action without measures is a declaration of intent."""
    if not programme.measures:
        yield ("measures",), {}


@rule(
    "HP505",
    Severity.WARNING,
    title=("German municipality outside Germany", "Deutsche Kommune nicht in Deutschland"),
    message=(
        "the German municipality {municipality} has country {country}, not DE",
        "die deutsche Kommune {municipality} hat das Land {country}, nicht DE",
    ),
    fix=("set `country: DE`", "`country: DE` setzen"),
)
def german_in_germany(programme: Programme) -> Iterator[Hit]:
    """Usually the two municipalities were swapped."""
    german = programme.partnership.german
    if german.country != "DE":
        yield (
            ("partnership", "german", "country"),
            {
                "municipality": german.name,
                "country": german.country,
            },
        )


@rule(
    "HP506",
    Severity.ERROR,
    title=("Baseline missing", "Bestandsaufnahme fehlt"),
    message=(
        "the programme has no baseline for {municipality}",
        "das Programm hat keine Bestandsaufnahme für {municipality}",
    ),
    fix=(
        "add `baseline: {{{side}: {{challenges: …, hazards: …}}}}`",
        "`baseline: {{{side}: {{challenges: …, hazards: …}}}}` ergänzen",
    ),
)
def baseline_present(programme: Programme) -> Iterator[Hit]:
    """The objectives answer the stocktaking; a programme without one is not complete
    (it was "ready for signing" before this rule)."""
    for side in Side:
        baseline = programme.baseline.of(side)
        if not baseline.challenges and not baseline.hazards:
            yield (
                ("baseline", side.value),
                {
                    "municipality": programme.partnership.municipality(side).name,
                    "side": side.value,
                },
            )
