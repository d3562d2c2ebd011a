"""Every translatable text of a programme as a unit: its stable id, German source,
translation and state.

A unit's id is the text's field path with items named by their code where they have
one (``measures/M-07/description``, ``fields_of_action/1/strategic_objectives/1.1/title``)
and by their position from 0 otherwise (``signatories/1/function``). Codes keep an id
stable when measures are added or reordered; a position that shifts is caught on
import, because a unit comes back only if its German source still equals the text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel

from handlungsprogramm.location import Path
from handlungsprogramm.model import Programme, Text
from handlungsprogramm.workbook.layout import SHEET_NAMES

__all__ = [
    "Only",
    "State",
    "TextUnit",
    "german_fingerprint",
    "text_units",
    "units_by_id",
]


class State(StrEnum):
    """Where a translation stands, in XLIFF 1.2's words."""

    MISSING = "needs-translation"
    OUTDATED = "needs-review-translation"
    TRANSLATED = "translated"


class Only(StrEnum):
    """Which units ``export`` writes; both missing and outdated ones when not given."""

    MISSING = "missing"
    OUTDATED = "outdated"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class TextUnit:
    """One text to translate: where it is, its German source and its translation."""

    id: str
    """Stable id, e.g. ``measures/M-07/description``."""
    path: Path
    """Field path in the model, e.g. ``("measures", 6, "description")``."""
    source: str
    """The German text."""
    target: str
    """The text in the partner language; empty when missing."""
    state: State
    field: tuple[str, ...]
    """The field within its item (``("indicator", "name")``), for the translator's note."""
    item: str
    """The item the text belongs to in words, e.g. ``M-07 Solar auf Schulen``; empty at the top."""

    def note(self, partner: str) -> str:
        """What the translator is told about the unit: the field's name in German and the
        partner language, and the item it belongs to (``Maßnahmen › Beschreibung / Mesures
        › Description — M-07 Solar auf Schulen``)."""
        from handlungsprogramm.workbook.words import header_name

        name = header_name(self.field, partner)
        return f"{name} — {self.item}" if self.item else name

    def wanted(self, only: Only | None) -> bool:
        """Whether ``export --only`` writes this unit (``None``: missing and outdated)."""
        if only is Only.ALL:
            return True
        if only is Only.MISSING:
            return self.state is State.MISSING
        if only is Only.OUTDATED:
            return self.state is State.OUTDATED
        return self.state is not State.TRANSLATED


def german_fingerprint(text: str) -> str:
    """The fingerprint a translation record keeps of a text (the German it was made from,
    and the translation): 8 hex digits of SHA-256 over the text in NFC, so an editor that
    stores the same letters in another Unicode form does not make it look changed."""
    normal = unicodedata.normalize("NFC", text.strip())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def _walk(
    node: object, path: Path, ident: tuple[str, ...], item: str
) -> Iterator[tuple[Path, tuple[str, ...], str, Text]]:
    if isinstance(node, Text):
        yield path, ident, item, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _walk(getattr(node, name), (*path, name), (*ident, name), item)
    elif isinstance(node, list):
        lists = tuple(part for part in path if isinstance(part, str))
        for index, child in enumerate(node):
            code = getattr(child, "code", None)
            if isinstance(code, str) and code:
                title = getattr(child, "title", None)
                words = title.get("de") if isinstance(title, Text) else ""
                label = f"{code} {words}".strip()
            else:  # an item without a code: named by its list and its number from 1
                sheet = SHEET_NAMES.get(lists, lists[-1] if lists else "")
                label = " · ".join(part for part in (item, f"{sheet} {index + 1}") if part)
            yield from _walk(child, (*path, index), (*ident, code or str(index)), label)


def text_units(programme: Programme) -> list[TextUnit]:
    """Every text of ``programme`` that has a German source, in document order.

    A translation is outdated when it was recorded only with German texts other than
    today's; current when recorded with today's, or never recorded (nothing to go by)."""
    partner = programme.partner_language
    made_from: dict[str, set[str]] = {}
    for record in programme.translated_from:
        made_from.setdefault(record.translation, set()).add(record.german)
    units: list[TextUnit] = []
    for path, ident, item, text in _walk(programme, (), (), ""):
        source = text.get("de").strip()
        if not source:
            continue  # nothing to translate from
        target = text.get(partner).strip()
        germans = made_from.get(german_fingerprint(target)) if target and made_from else None
        if not target:
            state = State.MISSING
        elif germans and german_fingerprint(source) not in germans:
            state = State.OUTDATED
        else:
            state = State.TRANSLATED
        last = max((i for i, part in enumerate(path) if isinstance(part, int)), default=-1)
        field = tuple(str(part) for part in path[last + 1 :])
        units.append(TextUnit("/".join(ident), path, source, target, state, field, item))
    return units


def units_by_id(programme: Programme) -> dict[str, TextUnit]:
    """The units by id; an :class:`~handlungsprogramm.errors.ExportError` (HP914) when two
    items share a code, so two texts would share an id (``check`` reports it as HP403)."""
    from handlungsprogramm.errors import ExportError

    units: dict[str, TextUnit] = {}
    for unit in text_units(programme):
        if unit.id in units:
            raise ExportError("HP914", text=unit.id)
        units[unit.id] = unit
    return units
