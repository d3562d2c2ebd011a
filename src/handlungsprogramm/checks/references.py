"""Rules on references and identity: codes unique, references resolve, files exist."""

from __future__ import annotations

from collections.abc import Iterator

from handlungsprogramm.checks.registry import Hit, Severity, rule
from handlungsprogramm.files import logo
from handlungsprogramm.location import Path
from handlungsprogramm.model import Programme


@rule(
    "HP401",
    Severity.ERROR,
    title=("Unknown objective", "Unbekanntes Ziel"),
    message=(
        "measure {code} refers to operational objective {ref}, which does not exist",
        "Maßnahme {code} verweist auf das operative Ziel {ref}, das es nicht gibt",
    ),
    fix=(
        "use one of the operational objective codes",
        "einen der Codes der operativen Ziele verwenden",
    ),
)
def objective_refs_resolve(programme: Programme) -> Iterator[Hit]:
    """A dangling reference would silently drop the measure from its objective."""
    known = {o.code for _, _, _, o in programme.iter_operational()}
    for path, measure in programme.iter_measures():
        for index, ref in enumerate(measure.objectives):
            if ref not in known:
                yield (*path, "objectives", index), {"code": measure.code, "ref": ref}


@rule(
    "HP402",
    Severity.ERROR,
    title=("Unknown field of action", "Unbekanntes Handlungsfeld"),
    message=(
        "measure {code} refers to field of action {ref}, which does not exist",
        "Maßnahme {code} verweist auf das Handlungsfeld {ref}, das es nicht gibt",
    ),
    fix=("use one of the field of action codes", "einen der Codes der Handlungsfelder verwenden"),
)
def field_refs_resolve(programme: Programme) -> Iterator[Hit]:
    """The document groups measures under their field of action; it must exist."""
    known = {f.code for f in programme.fields_of_action}
    for path, measure in programme.iter_measures():
        if measure.field_of_action is not None and measure.field_of_action not in known:
            yield (*path, "field_of_action"), {"code": measure.code, "ref": measure.field_of_action}
        for index, ref in enumerate(measure.further_fields):
            if ref not in known:
                yield (*path, "further_fields", index), {"code": measure.code, "ref": ref}


@rule(
    "HP403",
    Severity.ERROR,
    title=("Duplicate code", "Doppelter Code"),
    message=(
        "code {code} is used more than once (first at {first})",
        "Code {code} wird mehrfach verwendet (zuerst bei {first})",
    ),
    fix=(
        "give each field, objective and measure its own code",
        "jedem Feld, Ziel und jeder Maßnahme einen eigenen Code geben",
    ),
)
def codes_unique(programme: Programme) -> Iterator[Hit]:
    """References are by code; a code used twice makes them ambiguous."""
    from handlungsprogramm.location import format_path

    def all_codes() -> Iterator[tuple[Path, str]]:
        for index, field in enumerate(programme.fields_of_action):
            yield ("fields_of_action", index), field.code
        for path, _, strategic in programme.iter_strategic():
            yield path, strategic.code
        for path, _, _, operational in programme.iter_operational():
            yield path, operational.code

    def money_ids() -> Iterator[Iterator[tuple[Path, str]]]:
        for path, measure in programme.iter_measures():
            ids: list[tuple[Path, str]] = [
                ((*path, "resources", "money", i), m.id)
                for i, m in enumerate(measure.resources.money)
                if m.id is not None
            ]
            yield iter(ids)

    # Measures, references, abbreviations and each measure's sums of money have their
    # own namespaces; objectives and fields share one.
    namespaces: list[Iterator[tuple[Path, str]]] = [
        all_codes(),
        ((p, m.code) for p, m in programme.iter_measures()),
        ((("references", i), r.code) for i, r in enumerate(programme.references)),
        ((("abbreviations", i), a.short) for i, a in enumerate(programme.abbreviations)),
        *money_ids(),
    ]
    for codes in namespaces:
        seen: dict[str, Path] = {}
        for path, code in codes:
            if code in seen:
                key = "short" if path[0] == "abbreviations" else "id" if "money" in path else "code"
                yield (*path, key), {"code": code, "first": format_path(seen[code])}
            else:
                seen[code] = path


@rule(
    "HP404",
    Severity.WARNING,
    title=("Objective of another field of action", "Ziel eines anderen Handlungsfelds"),
    message=(
        "measure {code} belongs to field {field} but serves objective {ref} of field {other}",
        "Maßnahme {code} gehört zu Handlungsfeld {field}, dient aber Ziel {ref}"
        " aus Handlungsfeld {other}",
    ),
    fix=(
        "check `field_of_action:` and `objectives:`; a deliberate link goes under"
        " `further_fields:`",
        "`field_of_action:` und `objectives:` prüfen; eine gewollte Verbindung gehört unter"
        " `further_fields:`",
    ),
)
def objectives_in_field(programme: Programme) -> Iterator[Hit]:
    """Usually a typo in one of the two references; occasionally a deliberate cross-link."""
    field_of = {o.code: f.code for _, f, _, o in programme.iter_operational()}
    known = set(field_of.values())
    cross_cutting = {f.code for f in programme.fields_of_action if f.cross_cutting}
    for path, measure in programme.iter_measures():
        if measure.field_of_action not in known:
            continue  # an unknown or missing field is HP402 / HP309, not a mismatch
        if measure.field_of_action in cross_cutting:
            continue  # coordination, education, monitoring serve every field
        allowed = {measure.field_of_action, *measure.further_fields, *cross_cutting}
        for index, ref in enumerate(measure.objectives):
            other = field_of.get(ref)
            if other and other not in allowed:
                yield (
                    (*path, "objectives", index),
                    {
                        "code": measure.code,
                        "field": measure.field_of_action,
                        "ref": ref,
                        "other": other,
                    },
                )


@rule(
    "HP405",
    Severity.ERROR,
    title=("Logo file unusable", "Logodatei unbrauchbar"),
    message=(
        "the logo {logo} of {municipality} {problem}",
        "das Logo {logo} von {municipality} {problem}",
    ),
    fix=(
        "put a PNG or JPEG image in the programme's folder and give its name",
        "ein PNG- oder JPEG-Bild in den Ordner des Programms legen und seinen Namen angeben",
    ),
)
def logos_exist(programme: Programme) -> Iterator[Hit]:
    """The cover shows both logos; a wrong path or a broken image would only show up at
    build time (the logo left out). The renderer asks :func:`~handlungsprogramm.files.logo`
    the same question."""
    if programme.base_dir is None:
        return
    owners: list[tuple[Path, str, str | None]] = [
        (
            ("partnership", side),
            getattr(programme.partnership, side).name,
            getattr(programme.partnership, side).logo,
        )
        for side in ("german", "partner")
    ]
    for index, funder in enumerate(programme.funders):
        name = funder.name if isinstance(funder.name, str) else funder.name.get("de") or ""
        owners.append((("funders", index), name, funder.logo))
    for path, name, image in owners:
        if not image:
            continue
        problem = logo(programme.base_dir, image).problem
        if problem is None:
            continue
        yield (*path, "logo"), {"logo": image, "municipality": name, "problem": problem}


@rule(
    "HP406",
    Severity.ERROR,
    title=("Unknown reference", "Unbekannter Bezug"),
    message=(
        "{code} refers to {ref}, which is not listed under `references:`",
        "{code} verweist auf {ref}, das nicht unter `references:` steht",
    ),
    fix=(
        "add {ref} under `references:` with its title, or correct the code",
        "{ref} mit Titel unter `references:` ergänzen oder den Code korrigieren",
    ),
)
def references_resolve(programme: Programme) -> Iterator[Hit]:
    """The document prints each reference's title; a code without one would be lost."""
    known = {r.code for r in programme.references}
    for path, measure in programme.iter_measures():
        for index, ref in enumerate(measure.references):
            if ref not in known:
                yield (*path, "references", index), {"code": measure.code, "ref": ref}
    for path, _, strategic in programme.iter_strategic():
        for index, ref in enumerate(strategic.references):
            if ref not in known:
                yield (*path, "references", index), {"code": strategic.code, "ref": ref}
