"""Taking a translator's units into the programme, and recording what translations were
made from.

A unit comes back only if the programme still has its text and its German source is
still the programme's German text; anything else is a located problem (HP014), and
none of the file is taken unless ``skip_stale`` leaves those units out. A unit whose
target is filled is taken when the file marks it finished or its text differs from the
programme's; an unchanged translation still marked for review stays as it was, so an
outdated text nobody looked at is not confirmed by accident.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.model import Programme
from handlungsprogramm.render.sanitize import clean_text
from handlungsprogramm.translation.returned import Returned, language_matches, problem
from handlungsprogramm.translation.units import TextUnit, german_fingerprint, text_units

__all__ = ["Outcome", "record", "take_over"]


@dataclass(slots=True)
class Outcome:
    """The programme with the translations taken over, and what became of each unit."""

    programme: Programme
    taken: list[str] = field(default_factory=list)
    """Ids whose translation was written in."""
    confirmed: list[str] = field(default_factory=list)
    """Ids whose translation stayed the same and is now recorded as current."""
    left: list[str] = field(default_factory=list)
    """Ids left as they were: empty, or unchanged and still marked to translate or review."""
    skipped: list[LoadProblem] = field(default_factory=list)
    """Units refused and left out (with ``skip_stale``)."""


def take_over(programme: Programme, returned: Returned, *, skip_stale: bool = False) -> Outcome:
    """``programme`` with the translations of ``returned`` in it.

    Raises :class:`ProgrammeLoadError` with every problem of the file, located in it,
    when the file cannot be read, is for other languages, or (without ``skip_stale``)
    has a unit that does not fit the programme."""
    if returned.problems:
        raise ProgrammeLoadError(returned.problems)
    _languages(programme, returned)
    units = {unit.id: unit for unit in text_units(programme)}
    problems: list[LoadProblem] = []
    lines: dict[str, int] = {}
    wanted: dict[str, tuple[TextUnit, str]] = {}
    outcome = Outcome(programme)
    for back in returned.units:
        here = units.get(back.text_id)
        if back.text_id in lines:
            problems.append(
                problem("translation_unit_twice", back.location, text=back.text_id,
                        line=lines[back.text_id])
            )  # fmt: skip
            continue
        lines[back.text_id] = back.location.line
        if here is None:
            problems.append(problem("translation_unknown_text", back.location, text=back.text_id))
        elif _nfc(back.source) != _nfc(clean_text(here.source)):
            found = problem("translation_stale_source", back.location, text=back.text_id)
            problems.append(
                LoadProblem(found.code, found.kind, here.path, found.location, found.ctx)
            )
        elif not back.target.strip():
            outcome.left.append(back.text_id)
        elif back.target.strip() != here.target:
            wanted[back.text_id] = (here, back.target.strip())
        elif back.done:
            wanted[back.text_id] = (here, here.target)
        else:
            outcome.left.append(back.text_id)
    if problems and not skip_stale:
        raise ProgrammeLoadError(problems)
    outcome.skipped = problems
    for text_id, (unit, target) in wanted.items():
        (outcome.taken if target != unit.target else outcome.confirmed).append(text_id)
    outcome.programme = _with(programme, {unit.path: t for unit, t in wanted.values()}, wanted)
    return outcome


def _nfc(text: str) -> str:
    """A text as compared: tools may store the same letters in another Unicode form."""
    return unicodedata.normalize("NFC", text.strip())


def _languages(programme: Programme, returned: Returned) -> None:
    partner = programme.partner_language
    source, target = returned.source_language, returned.target_language
    if language_matches(source or "de", "de") and language_matches(target or partner, partner):
        return
    where = returned.units[0].location if returned.units else None
    found = f"{source or '?'} → {target or '?'}"
    raise ProgrammeLoadError(
        [problem("translation_wrong_language", where, found=found, expected=f"de → {partner}")]
    )


def record(programme: Programme, text_ids: Iterable[str]) -> Programme:
    """``programme`` recording that the translations of ``text_ids`` were made from the
    current German texts (``translations confirm``); the ids must be texts it has."""
    units = {unit.id: unit for unit in text_units(programme)}
    return _with(programme, {}, {text_id: (units[text_id], "") for text_id in text_ids})


def _with(
    programme: Programme,
    targets: dict[tuple[str | int, ...], str],
    recorded: dict[str, tuple[TextUnit, str]],
) -> Programme:
    """A copy of ``programme`` with new partner texts at ``targets`` and a record of the
    current German text for each id of ``recorded``, kept in the order of the file."""
    from handlungsprogramm.loading import from_data
    from handlungsprogramm.workbook.write import canonical_data

    data = canonical_data(programme)
    partner = programme.partner_language
    for path, target in targets.items():
        node: Any = data
        for part in path:
            node = node[part]
        node[partner] = target
    records: list[dict[str, str]] = data.get("translated_from", [])
    index = {entry["text"]: entry for entry in records}
    for text_id, (unit, _) in recorded.items():
        fingerprint = german_fingerprint(unit.source)
        if text_id in index:
            index[text_id]["fingerprint"] = fingerprint
        else:
            records.append({"text": text_id, "fingerprint": fingerprint})
    if records:
        data["translated_from"] = records
    return from_data(data)
