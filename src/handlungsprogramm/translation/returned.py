"""What a translator's file brings back, whatever its format: one entry per unit with
where it stands in the file, and the problems found reading it.

The XLIFF and PO readers both produce :class:`Returned`; taking the units over
(:mod:`.apply`) then knows nothing of formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handlungsprogramm.errors import LoadProblem
from handlungsprogramm.location import SourceLocation

__all__ = ["Returned", "ReturnedUnit", "language_matches", "problem"]


@dataclass(frozen=True, slots=True)
class ReturnedUnit:
    """One unit as the translator's file has it."""

    text_id: str
    source: str
    target: str
    done: bool | None
    """Whether the file marks the unit as finished: XLIFF 1.2 ``approved`` or a state
    not ``new`` or ``needs-…``; XLIFF 2 a state not ``initial``; PO not fuzzy. None where
    the file gives no state."""
    location: SourceLocation


@dataclass(slots=True)
class Returned:
    """Every unit of one file, its languages and the problems met while reading it."""

    name: str
    languages: list[tuple[str, str, SourceLocation | None]] = field(default_factory=list)
    """Source and target language of each file in it (XLIFF 1.2 may hold several)."""
    units: list[ReturnedUnit] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


def problem(
    kind: str, where: SourceLocation | None, code: str = "HP014", **ctx: object
) -> LoadProblem:
    """A located problem of a translator's file."""
    return LoadProblem(code, kind, (), where, dict(ctx))


def language_matches(tag: str, language: str) -> bool:
    """Whether a file's language tag (``fr``, ``fr-FR``, ``fr_BJ``, ``fr@latin``) is
    ``language``."""
    return re.split(r"[-_@.]", tag.strip(), maxsplit=1)[0].lower() == language
