"""What changed between two drafts, as plain typed data: the change set.

A change is keyed by meaning, not by line: ``measures[M-02].title.de`` names the
German title of measure M-02 wherever it stands in the file, so a removed measure
does not shift every later one. The change set is what ``diff`` prints as text or
JSON (``handlungsprogramm.diff/1``) and what the change document is made from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

__all__ = ["DIFF_FORMAT", "Change", "ChangeSet", "Kind", "Summary", "Version"]

DIFF_FORMAT = "handlungsprogramm.diff/1"
"""The ``format`` of ``diff --format json``; raised when the JSON changes incompatibly."""


class Kind(StrEnum):
    """What happened at a place: something added, removed, changed, or moved elsewhere."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class Change:
    """One change at one place.

    ``path`` names the place with codes where items have them
    (``measures[M-02].resources.money[1].amount``); ``old`` and ``new`` are the values as
    the input format writes them (``None`` for what is not there). A moved item's
    ``old`` and ``new`` say where it was and where it is."""

    kind: Kind
    path: str
    old: Any = None
    new: Any = None
    currency: str | None = None
    """The currency of an amount (``money[0].amount``), so it can be shown as money."""

    @property
    def chapter(self) -> str:
        """The top-level section the change belongs to (``measures``, ``fields_of_action``)."""
        return self.path.split(".", 1)[0].split("[", 1)[0]

    @property
    def item(self) -> str:
        """The coded item the change belongs to (``measures[M-02]``), or its chapter."""
        head = self.path.split("]", 1)[0]
        return head + "]" if "[" in head else self.chapter

    def as_json(self) -> dict[str, Any]:
        """The change as ``diff --format json`` writes it."""
        data = {"kind": self.kind.value, "path": self.path, "old": self.old, "new": self.new}
        return data | ({"currency": self.currency} if self.currency else {})


@dataclass(frozen=True, slots=True)
class Version:
    """One of the two drafts: where it came from, its version, date and content fingerprint."""

    file: str
    version: str
    date: str | None
    fingerprint: str
    title: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        """The draft as ``diff --format json`` names it."""
        return {
            "file": self.file,
            "version": self.version,
            "date": self.date,
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures a council reads first: measures added, removed, changed and moved,
    and the budget per currency before and after."""

    measures: dict[Kind, list[str]]
    budget: dict[str, tuple[Decimal, Decimal]]
    """Per currency: the total of all measures' money in the old and the new draft."""

    def as_json(self) -> dict[str, Any]:
        """The summary as ``diff --format json`` writes it: codes, amounts as strings."""
        return {
            "measures": {kind.value: codes for kind, codes in self.measures.items()},
            "budget": {
                currency: {"old": str(old), "new": str(new)}
                for currency, (old, new) in self.budget.items()
            },
        }


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Every change from ``old`` to ``new``, in the order of the input format."""

    old: Version
    new: Version
    changes: tuple[Change, ...]
    summary: Summary
    languages: tuple[str, str] = field(default=("de", "en"))

    @property
    def identical(self) -> bool:
        """True when the drafts say the same (formatting and comments aside)."""
        return not self.changes

    def as_json(self) -> dict[str, Any]:
        """The change set as ``diff --format json`` writes it (docs/diff-json.md)."""
        return {
            "format": DIFF_FORMAT,
            "old": self.old.as_json(),
            "new": self.new.as_json(),
            "summary": self.summary.as_json(),
            "changes": [change.as_json() for change in self.changes],
        }
