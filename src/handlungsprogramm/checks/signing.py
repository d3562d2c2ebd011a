"""Rules that decide whether a document can go to signature."""

from __future__ import annotations

from collections.abc import Iterator

from handlungsprogramm.checks.registry import Hit, Severity, rule
from handlungsprogramm.model import Programme, Side


@rule(
    "HP601",
    Severity.ERROR,
    title=("Signatory not named", "Unterzeichnende Person fehlt"),
    message=(
        "no signatory is named for {municipality}",
        "für {municipality} ist keine unterzeichnende Person genannt",
    ),
    fix=(
        "add a signatory with `side: {side}`, `name:` and `function:`",
        "eine Person mit `side: {side}`, `name:` und `function:` unter `signatories:` ergänzen",
    ),
)
def signatories_named(programme: Programme) -> Iterator[Hit]:
    """Both mayors sign; the signature page needs every name (a side may have several
    signatories, e.g. mayor and town clerk, and each gets a signature field)."""
    for side in Side:
        name = programme.partnership.municipality(side).name
        if not programme.signatories_of(side):
            yield ("signatories",), {"municipality": name, "side": side.value}
        for index, signatory in enumerate(programme.signatories):
            if signatory.side is side and not signatory.name.strip():
                yield (
                    ("signatories", index, "name"),
                    {"municipality": name, "side": side.value},
                )


@rule(
    "HP602",
    Severity.WARNING,
    title=("Council adoption not recorded", "Ratsbeschluss fehlt"),
    message=(
        "no council adoption is recorded for {municipality}",
        "für {municipality} ist kein Ratsbeschluss eingetragen",
    ),
    fix=(
        "add an entry under `adoptions:` with `side: {side}`, body, date and reference",
        "unter `adoptions:` einen Eintrag mit `side: {side}`, Gremium, Datum und"
        " Aktenzeichen ergänzen",
    ),
    blocks_signing=True,
)
def adoptions_recorded(programme: Programme) -> Iterator[Hit]:
    """Mayors sign what their councils adopted; until then the text can still change."""
    for side in Side:
        if not any(a.side is side and a.date is not None for a in programme.adoptions):
            name = programme.partnership.municipality(side).name
            yield ("adoptions",), {"municipality": name, "side": side.value}


@rule(
    "HP604",
    Severity.WARNING,
    title=("Programme without date", "Programm ohne Datum"),
    message=("the programme has no date", "das Programm hat kein Datum"),
    fix=("add `date: YYYY-MM-DD`", "`date: JJJJ-MM-TT` ergänzen"),
)
def programme_dated(programme: Programme) -> Iterator[Hit]:
    """Cover and footer show the date of the version that is signed."""
    if programme.date is None:
        yield ("date",), {}
