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
import re
from collections.abc import Callable
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


_LANG_KEY = re.compile(r"[a-z]{2,3}")
_SIMILAR = 0.5
"""How alike (difflib's ratio of their data) two items without a key must be to count
as one item changed rather than one removed and another added."""
_PAIRING_LIMIT = 400
"""Above this many candidate pairs in one list, items without a key are paired by
position (comparing every pair would take longer than the rest of the walk)."""


def _key(item: Any) -> str | None:
    """An item's key: its code, else its id (money lines), else none."""
    if not isinstance(item, dict):
        return None
    for name in ("code", "id"):
        if isinstance(item.get(name), str) and item[name]:
            return str(item[name])
    return None


def _keyed(items: list[Any]) -> bool:
    return bool(items) and all(_key(item) is not None for item in items)


def _is_text(value: Any) -> bool:
    """A text in several languages (``{de: …, fr: …}``)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and _LANG_KEY.fullmatch(k) and isinstance(v, str)
                for k, v in value.items())
    )  # fmt: skip


def _ordered(old: dict[Any, Any], new: dict[Any, Any]) -> list[Any]:
    """The keys of both, in the new draft's order, a key only the old has after the key
    before it there: a removed section stays in its chapter's place."""
    keys = list(new)
    previous = None
    for key in old:
        if key not in new:
            keys.insert(keys.index(previous) + 1 if previous in keys else 0, key)
        previous = key
    return keys


def _index(data: Any, path: str = "", shape: tuple[str, ...] = ()) -> dict[Any, Any]:
    """Every coded item by (list shape, code): its path and data, to find moved items."""
    found: dict[Any, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            found |= _index(value, f"{path}.{key}" if path else str(key), (*shape, str(key)))
    elif isinstance(data, list) and _keyed(data) and all("code" in item for item in data):
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
        self.currency: str | None = None
        """The currency of the amount being compared, if any."""

    def add(self, kind: Kind, path: str, old: Any = None, new: Any = None) -> None:
        self.changes.append(Change(kind, path, plain(old), plain(new), self.currency))

    def value(self, path: str, shape: tuple[str, ...], old: Any, new: Any) -> None:
        if old == new:
            return
        if _is_text(old) and isinstance(new, str):  # a text became one name for all
            new = dict.fromkeys(old, new)
        elif _is_text(new) and isinstance(old, str):
            old = dict.fromkeys(new, old)
        if isinstance(old, dict) and isinstance(new, dict):
            self.mapping(path, shape, old, new)
        elif isinstance(old, list) and isinstance(new, list) and _lists(old, new, _keyed):
            self.keyed(path, shape, old, new)
        elif isinstance(old, list) and isinstance(new, list) and _lists(old, new, _items):
            self.sequence(path, shape, old, new)
        else:
            self.add(Kind.CHANGED, path, old, new)

    def mapping(
        self, path: str, shape: tuple[str, ...], old: dict[Any, Any], new: dict[Any, Any]
    ) -> None:
        inherited = self.currency  # inside an amount by year: its money line's currency
        own = new.get("currency") if isinstance(new.get("currency"), str) else None
        for key in _ordered(old, new):
            at = f"{path}.{key}" if path else str(key)
            self.currency = (own if key in ("amount", "by_year") else None) if own else inherited
            if key not in old:
                self.add(Kind.ADDED, at, None, new[key])
                self.moved_inside(at, (*shape, str(key)), new[key])
            elif key not in new:
                self.add(Kind.REMOVED, at, old[key], None)
            else:
                self.value(at, (*shape, str(key)), old[key], new[key])
        self.currency = inherited

    def keyed(self, path: str, shape: tuple[str, ...], old: list[Any], new: list[Any]) -> None:
        """Items with codes or ids: matched by key; a code found under another parent
        is moved; a new order of the same items is one change of the list."""
        before = {_key(item): item for item in old}
        after = {_key(item) for item in new}
        coded = all("code" in item for item in old + new)
        for item in new:
            key = _key(item)
            at = f"{path}[{key}]"
            if key in before:
                self.item(at, shape, before[key], item)
            elif coded and (shape, key) in self.old_items:
                was, data = self.old_items[(shape, key)]
                self.changes.append(Change(Kind.MOVED, at, was, at))
                self.item(at, shape, data, item)
            else:
                self.add(Kind.ADDED, at, None, item)
                self.moved_inside(at, shape, item)
        for item in old:
            key = _key(item)
            if key not in after and not (coded and (shape, key) in self.new_items):
                self.add(Kind.REMOVED, f"{path}[{key}]", item, None)
        order = [[_key(item) for item in side if _key(item) in common]
                 for common in [before.keys() & after] for side in (old, new)]  # fmt: skip
        if order[0] != order[1]:
            self.add(Kind.MOVED, path, order[0], order[1])

    def moved_inside(self, path: str, shape: tuple[str, ...], data: Any) -> None:
        """Coded items inside a new item (a new field of action) that the old draft had
        elsewhere: moved there, and compared."""
        if isinstance(data, dict):
            for key, value in data.items():
                self.moved_inside(f"{path}.{key}", (*shape, str(key)), value)
        elif isinstance(data, list):
            for child in data:
                code = child.get("code") if isinstance(child, dict) else None
                at = f"{path}[{code}]"
                if isinstance(code, str) and (shape, code) in self.old_items:
                    was, old = self.old_items[(shape, code)]
                    self.changes.append(Change(Kind.MOVED, at, was, at))
                    self.item(at, shape, old, child)
                elif isinstance(code, str):
                    self.moved_inside(at, shape, child)

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
        """Items without a key: the same items found as a sequence; of the rest, one
        found again elsewhere is moved, one much like another is that one changed, the
        others removed or added. Positions are the new draft's (the old's if removed)."""
        keys = [[json.dumps(plain(item), sort_keys=True) for item in side] for side in (old, new)]
        matcher = difflib.SequenceMatcher(None, keys[0], keys[1], autojunk=False)
        gone: list[int] = []
        came: list[int] = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                gone += range(i1, i2)
                came += range(j1, j2)
        pairs: dict[int, int] = {}
        for j in list(came):
            same = next((i for i in gone if keys[0][i] == keys[1][j]), None)
            if same is not None:
                gone.remove(same)
                came.remove(j)
                self.add(Kind.MOVED, f"{path}[{j}]", f"{path}[{same}]", f"{path}[{j}]")
        if len(gone) * len(came) <= _PAIRING_LIMIT:
            scored = sorted(
                ((difflib.SequenceMatcher(None, keys[0][i], keys[1][j]).ratio(), i, j)
                 for i in gone for j in came), reverse=True,
            )  # fmt: skip
            for ratio, i, j in scored:
                if ratio >= _SIMILAR and i not in pairs.values() and j not in pairs:
                    pairs[j] = i
        else:
            pairs = dict(zip(came, gone, strict=False))
        for j in came:
            if j in pairs:
                self.value(f"{path}[{j}]", shape, old[pairs[j]], new[j])
            else:
                self.add(Kind.ADDED, f"{path}[{j}]", None, new[j])
        for i in gone:
            if i not in pairs.values():
                self.add(Kind.REMOVED, f"{path}[{i}]", old[i], None)


def _items(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(item, dict) for item in items)


def _lists(old: list[Any], new: list[Any], test: Callable[[list[Any]], bool]) -> bool:
    """Whether both lists (one of them may be empty) hold items that ``test`` accepts."""
    return (not old or test(old)) and (not new or test(new)) and bool(old or new)


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
    before, after = _data(old), _data(new)
    walk = _Walk(before, after)
    walk.value("", (), before, after)
    changes = walk.changes
    languages = (new.languages[0], new.languages[1])
    return ChangeSet(
        _version(old, old_name),
        _version(new, new_name),
        tuple(changes),
        _summary(old, new, changes),
        languages,
    )
