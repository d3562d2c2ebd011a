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
    """Both mayors sign; the signature page needs both names."""
    for side in Side:
        signatory = programme.signatory(side)
        if signatory is None or not signatory.name.strip():
            path: tuple[str | int, ...] = ("signatories",)
            if signatory is not None:
                path = ("signatories", programme.signatories.index(signatory), "name")
            name = programme.partnership.municipality(side).name
            yield path, {"municipality": name, "side": side.value}


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
    "HP603",
    Severity.WARNING,
    title=("More than one signatory", "Mehr als eine unterzeichnende Person"),
    message=(
        "{municipality} has {count} signatories; the signature page has room for one",
        "{municipality} hat {count} unterzeichnende Personen; die Unterschriftenseite"
        " sieht eine vor",
    ),
    fix=("keep one signatory per municipality", "eine Person pro Kommune angeben"),
)
def one_signatory_per_side(programme: Programme) -> Iterator[Hit]:
    """Only the first signatory per side gets a signature field."""
    for side in Side:
        count = sum(1 for s in programme.signatories if s.side is side)
        if count > 1:
            yield (
                ("signatories",),
                {
                    "municipality": programme.partnership.municipality(side).name,
                    "count": count,
                },
            )


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
