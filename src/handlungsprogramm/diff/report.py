"""The change set as text for a terminal: a summary, then one line per change.

Changes are marked by sign, as in a unified diff: ``+`` added, ``-`` removed, ``~``
changed, ``>`` moved; a text's change is shown word by word (``[-alt-]{+neu+}``), any
other value as ``old → new``. The summary's words come from the message catalogue
(English or German); amounts are written as the reader's language writes them.
"""

from __future__ import annotations

import json
from typing import Any

from handlungsprogramm.diff.changes import Change, ChangeSet, Kind
from handlungsprogramm.diff.words import Mark, word_diff
from handlungsprogramm.fingerprint import grouped
from handlungsprogramm.i18n import catalogue
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.i18n.lang import Lang

__all__ = ["report_lines"]

_SIGN = {Kind.ADDED: "+", Kind.REMOVED: "-", Kind.CHANGED: "~", Kind.MOVED: ">"}


def _value(value: Any) -> str:
    """A value on one line: an item with a code by its code and German title (the JSON
    form has all of it), anything else as written."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("code"), str):
        title = value.get("title")
        words = title.get("de", "") if isinstance(title, dict) else str(title or "")
        return f"{value['code']} {words}".strip()
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _marked(old: str, new: str) -> str:
    marks = {Mark.SAME: "{}", Mark.DELETED: "[-{}-]", Mark.INSERTED: "{{+{}+}}"}
    return "".join(marks[mark].format(text) for mark, text in word_diff(old, new))


def _terminal(text: str) -> str:
    """A line a terminal shows as it is: no-break spaces as spaces, line breaks and other
    control characters escaped (``\\n``), so a value cannot send escape sequences."""
    return catalogue.printable(text.replace("\xa0", " ").replace("\u202f", " "))


def change_line(change: Change) -> str:
    """One change on one line (a long value is not cut: the reader wants all of it)."""
    return _terminal(_line(change))


def _line(change: Change) -> str:
    sign = _SIGN[change.kind]
    if change.kind is Kind.ADDED:
        return f"{sign} {change.path}: {_value(change.new)}"
    if change.kind is Kind.REMOVED:
        return f"{sign} {change.path}: {_value(change.old)}"
    if (
        isinstance(change.old, str)
        and isinstance(change.new, str)
        and " " in change.old + change.new
    ):
        return f"{sign} {change.path}: {_marked(change.old, change.new)}"
    return f"{sign} {change.path}: {_value(change.old)} → {_value(change.new)}"


def report_lines(changes: ChangeSet, lang: Lang) -> list[str]:
    """The whole report: the two drafts, the summary and every change."""
    old, new = changes.old, changes.new
    lines = [
        catalogue.text(
            "HP976",
            lang,
            {
                "old": old.file,
                "old_version": old.version,
                "old_fingerprint": grouped(old.fingerprint[:16]),
                "new": new.file,
                "new_version": new.version,
                "new_fingerprint": grouped(new.fingerprint[:16]),
            },
        )
    ]
    if changes.identical:
        detail = ("", "")
        if old.fingerprint != new.fingerprint:  # the same amounts, written differently
            detail = (
                "; the fingerprints differ because numbers are written differently (90000 and"
                " 90000.0)",
                "; die Fingerabdrücke unterscheiden sich, weil Zahlen anders geschrieben sind"
                " (90000 und 90000.0)",
            )
        return [*lines, catalogue.text("HP979", lang, {"detail": detail})]
    counts = {kind.value: len(codes) for kind, codes in changes.summary.measures.items()}
    lines.append(catalogue.text("HP977", lang, {"count": len(changes.changes), **counts}))
    for currency, (before, after) in changes.summary.budget.items():
        if before != after:
            money = {
                "old": _terminal(format_money(before, currency, lang)),
                "new": _terminal(format_money(after, currency, lang)),
            }
            lines.append(catalogue.text("HP978", lang, {"currency": currency, **money}))
    lines.append("")
    lines += [change_line(change) for change in changes.changes]
    return lines
