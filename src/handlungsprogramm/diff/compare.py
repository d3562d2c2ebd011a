"""Comparing two drafts by meaning: items matched by their codes, not their positions.

Both programmes are taken as data (the input format's fields, numbers as exact
decimals, so ``60000`` and ``60000.00`` are the same amount) and walked together:

- an item with a code (field of action, objective, measure, reference) is matched by
  its code; one that sits under another parent in the new draft (an objective moved to
  another field of action) is **moved**, then compared like the others;
- a measure whose field of action or objectives change is **moved** as one change;
- items without a code (money lines, milestones, partners, signatories) are matched as
  a sequence, so removing one does not shift the others;
- a text is compared per language; any other value as a whole.

Translation records (``translated_from``) are bookkeeping and left out, as from the
content fingerprint.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from handlungsprogramm.diff.changes import Change, ChangeSet, Kind, Summary, Version
from handlungsprogramm.fingerprint import CONTENT_EXCLUDES, fingerprint
from handlungsprogramm.model import Programme

__all__ = ["compare", "plain"]

_PLACE = ("field_of_action", "objectives")
"""What places a measure in the programme: a change to these moves it."""


def plain(value: Any) -> Any:
    """A value as the input format writes it (for JSON and for people): amounts as their
    exact decimal text, dates and months as ISO text, choices as their value."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | dt.date):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)  # a month (YearMonth) and other value types: their text


def _data(programme: Programme) -> dict[str, Any]:
    data: dict[str, Any] = programme.model_dump(
        mode="python", exclude_none=True, exclude=set(CONTENT_EXCLUDES)
    )
    return data


def _coded(items: list[Any]) -> bool:
    codes = [item.get("code") for item in items if isinstance(item, dict)]
    return bool(codes) and len(codes) == len(items) and all(isinstance(c, str) for c in codes)


def _index(data: Any, path: str = "", shape: tuple[str, ...] = ()) -> dict[Any, Any]:
    """Every coded item by (list shape, code): its path and data, to find moved items."""
    found: dict[Any, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            found |= _index(value, f"{path}.{key}" if path else str(key), (*shape, str(key)))
    elif isinstance(data, list) and _coded(data):
        for item in data:
            at = f"{path}[{item['code']}]"
            found[(shape, item["code"])] = (at, item)
            found |= _index(item, at, shape)
    return found


class _Walk:
    """Both drafts walked together; the changes in the order of the input format."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.changes: list[Change] = []
        self.old_items = _index(old)
        self.new_items = _index(new)

    def add(self, kind: Kind, path: str, old: Any = None, new: Any = None) -> None:
        self.changes.append(Change(kind, path, plain(old), plain(new)))

    def value(self, path: str, shape: tuple[str, ...], old: Any, new: Any) -> None:
        if old == new:
            return
        if isinstance(old, dict) and isinstance(new, dict):
            self.mapping(path, shape, old, new)
        elif isinstance(old, list) and isinstance(new, list) and _coded(old) and _coded(new):
            self.coded(path, shape, old, new)
        elif isinstance(old, list) and isinstance(new, list) and _items(old) and _items(new):
            self.sequence(path, shape, old, new)
        else:
            self.add(Kind.CHANGED, path, old, new)

    def mapping(
        self, path: str, shape: tuple[str, ...], old: dict[Any, Any], new: dict[Any, Any]
    ) -> None:
        keys = [*new, *(key for key in old if key not in new)]
        for key in keys:
            at = f"{path}.{key}" if path else str(key)
            if key not in old:
                self.add(Kind.ADDED, at, None, new[key])
            elif key not in new:
                self.add(Kind.REMOVED, at, old[key], None)
            else:
                self.value(at, (*shape, str(key)), old[key], new[key])

    def coded(self, path: str, shape: tuple[str, ...], old: list[Any], new: list[Any]) -> None:
        before = {item["code"]: item for item in old}
        after = {item["code"] for item in new}
        for item in new:
            at = f"{path}[{item['code']}]"
            if item["code"] in before:
                self.item(at, shape, before[item["code"]], item)
            elif (shape, item["code"]) in self.old_items:
                was, data = self.old_items[(shape, item["code"])]
                self.changes.append(Change(Kind.MOVED, at, was, at))
                self.item(at, shape, data, item)
            else:
                self.add(Kind.ADDED, at, None, item)
        for item in old:
            gone = item["code"] not in after and (shape, item["code"]) not in self.new_items
            if gone:
                self.add(Kind.REMOVED, f"{path}[{item['code']}]", item, None)

    def item(
        self, path: str, shape: tuple[str, ...], old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        if shape == ("measures",):
            was = {key: old.get(key) for key in _PLACE}
            now = {key: new.get(key) for key in _PLACE}
            if was != now:
                self.add(Kind.MOVED, path, was, now)
                old = {key: value for key, value in old.items() if key not in _PLACE}
                new = {key: value for key, value in new.items() if key not in _PLACE}
        self.value(path, shape, old, new)

    def sequence(self, path: str, shape: tuple[str, ...], old: list[Any], new: list[Any]) -> None:
        keys = [[json.dumps(plain(item), sort_keys=True) for item in side] for side in (old, new)]
        matcher = difflib.SequenceMatcher(None, keys[0], keys[1], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(pairs):
                self.value(f"{path}[{j1 + k}]", shape, old[i1 + k], new[j1 + k])
            for j in range(j1 + pairs, j2):
                self.add(Kind.ADDED, f"{path}[{j}]", None, new[j])
            for i in range(i1 + pairs, i2):
                self.add(Kind.REMOVED, f"{path}[{i}]", old[i], None)


def _items(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(item, dict) for item in items)


def _version(programme: Programme, name: str) -> Version:
    date = programme.date.isoformat() if programme.date else None
    title = dict(programme.title.root)
    return Version(name, programme.version, date, fingerprint(programme), title)


def _summary(old: Programme, new: Programme, changes: list[Change]) -> Summary:
    from handlungsprogramm.totals import compute_totals

    measures: dict[Kind, list[str]] = {kind: [] for kind in Kind}
    for change in changes:
        if change.chapter != "measures" or "[" not in change.path:
            continue
        code = change.item[len("measures[") : -1]
        kind = change.kind if change.path == change.item else Kind.CHANGED
        if code not in measures[kind] and not (
            kind is Kind.CHANGED and code in measures[Kind.ADDED] + measures[Kind.REMOVED]
        ):
            measures[kind].append(code)
    before = {cur: totals.total for cur, totals in compute_totals(old).money.items()}
    after = {cur: totals.total for cur, totals in compute_totals(new).money.items()}
    budget = {
        currency: (before.get(currency, Decimal(0)), after.get(currency, Decimal(0)))
        for currency in sorted(before.keys() | after.keys())
    }
    return Summary(measures, budget)


def compare(
    old: Programme, new: Programme, *, old_name: str = "old", new_name: str = "new"
) -> ChangeSet:
    """The changes from ``old`` to ``new``; ``old_name`` and ``new_name`` name the drafts
    (their files) in the change set."""
    walk = _Walk(_data(old), _data(new))
    walk.value("", (), _data(old), _data(new))
    changes = walk.changes
    languages = (new.languages[0], new.languages[1])
    return ChangeSet(
        _version(old, old_name),
        _version(new, new_name),
        tuple(changes),
        _summary(old, new, changes),
        languages,
    )
