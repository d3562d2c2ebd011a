"""A word-level comparison of two texts: what a reader marks with a pen.

Texts are split into words, spaces and punctuation, so a changed word is one deletion
and one insertion, not a run of changed letters; the parts are what the terminal
prints as ``[-alt-]{+neu+}`` and the change document as struck-through and underlined
runs.
"""

from __future__ import annotations

import difflib
import re
from enum import StrEnum

__all__ = ["Mark", "Part", "word_diff"]

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


class Mark(StrEnum):
    """How a part of the text fares: kept, deleted from the old text, inserted in the new."""

    SAME = "same"
    DELETED = "deleted"
    INSERTED = "inserted"


Part = tuple[Mark, str]


def word_diff(old: str, new: str) -> list[Part]:
    """The two texts as one run of kept, deleted and inserted parts, in reading order;
    neighbouring parts of the same mark are joined."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    parts: list[Part] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(parts, Mark.SAME, "".join(a[i1:i2]))
            continue
        _append(parts, Mark.DELETED, "".join(a[i1:i2]))
        _append(parts, Mark.INSERTED, "".join(b[j1:j2]))
    return parts


def _append(parts: list[Part], mark: Mark, text: str) -> None:
    if not text:
        return
    if parts and parts[-1][0] is mark:
        parts[-1] = (mark, parts[-1][1] + text)
    else:
        parts.append((mark, text))
