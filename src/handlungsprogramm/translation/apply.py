"""Taking a translator's units into the programme, and recording what translations were
made from.

A unit comes back only if the programme still has its text and its German source is
still the programme's German text; anything else is a located problem (HP014), and
none of the file is taken unless ``skip_stale`` leaves those units out. A unit whose
target is filled is taken when the file marks it finished (or, where the file says
nothing of its state, when it is a new text); a target still marked for translation or
review stays as it was, so a tool's suggestion or an outdated text nobody looked at is
not recorded as current by accident.
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
from handlungsprogramm.translation.units import TextUnit, german_fingerprint, units_by_id

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
    has a unit that does not fit the programme; :class:`ExportError` (HP914) when two
    items of the programme share a code."""
    if returned.problems:
        raise ProgrammeLoadError(returned.problems)
    _languages(programme, returned)
    units = units_by_id(programme)
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
        elif _finished(back.target.strip(), back.done, here):
            wanted[back.text_id] = (here, back.target.strip())
        else:
            outcome.left.append(back.text_id)
    if problems and not skip_stale:
        raise ProgrammeLoadError(problems)
    outcome.skipped = problems
    for text_id, (unit, target) in wanted.items():
        (outcome.taken if target != unit.target else outcome.confirmed).append(text_id)
    outcome.programme = _with(programme, {u.id: t for u, t in wanted.values()}, units)
    return outcome


def _finished(target: str, done: bool | None, here: TextUnit) -> bool:
    """Whether a returned target is taken: a filled one the file marks finished; one the
    file says nothing about when it is a new text (a tool that drops the state), never
    to confirm an outdated one; never a target still marked unfinished, nor the German
    copied over (a tool's pre-fill)."""
    if not target or (target == here.source and done is not True):
        return False
    if done is None:
        return target != here.target
    return done


def _nfc(text: str) -> str:
    """A text as compared: tools may store the same letters in another Unicode form."""
    return unicodedata.normalize("NFC", text.strip())


def _languages(programme: Programme, returned: Returned) -> None:
    """Every file of the translator's file is for German into the partner language (a
    side the file leaves unsaid is taken as right)."""
    partner = programme.partner_language
    problems = [
        problem("translation_wrong_language", where, found=f"{source or '?'} → {target or '?'}",
                expected=f"de → {partner}")
        for source, target, where in returned.languages
        if not (language_matches(source or "de", "de") and language_matches(target or partner, partner))
    ]  # fmt: skip
    if problems:
        raise ProgrammeLoadError(problems)


def record(programme: Programme, text_ids: Iterable[str]) -> Programme:
    """``programme`` recording that the translations of ``text_ids`` were made from the
    current German texts (``translations confirm``); the ids must be texts it has."""
    units = units_by_id(programme)
    return _with(programme, {text_id: units[text_id].target for text_id in text_ids}, units)


def _with(programme: Programme, targets: dict[str, str], units: dict[str, TextUnit]) -> Programme:
    """A copy of ``programme`` with the partner texts of ``targets`` (by id) and a record
    of each with its German text; records of ids the programme no longer has are
    dropped, the others kept in the order of the file."""
    from handlungsprogramm.loading import from_data
    from handlungsprogramm.workbook.write import canonical_data

    data = canonical_data(programme)
    partner = programme.partner_language
    for text_id, target in targets.items():
        node: Any = data
        for part in units[text_id].path:
            node = node[part]
        node[partner] = target
    records = [entry for entry in data.get("translated_from", []) if entry["text"] in units]
    index = {entry["text"]: entry for entry in records}
    for text_id, target in targets.items():
        entry = {
            "text": text_id,
            "german": german_fingerprint(units[text_id].source),
            "translation": german_fingerprint(target),
        }
        if text_id in index:
            index[text_id].update(entry)
        else:
            records.append(entry)
    if records:
        data["translated_from"] = records
    else:
        data.pop("translated_from", None)
    return from_data(data)
