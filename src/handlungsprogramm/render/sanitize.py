"""Remove characters that XML 1.0 cannot hold, saying in which field they were.

Word documents are XML: a control character such as U+0001 in a user's text would
make the file unreadable. Such characters carry no meaning in a programme text, so
they are removed, and every field that lost one is reported. Where removing them
would leave a value the model refuses (a name of nothing but control characters,
an e-mail address without its domain), each is replaced by U+FFFD instead.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from handlungsprogramm.location import Path, data_path, format_path
from handlungsprogramm.model import Programme
from handlungsprogramm.model.types import YearMonth

__all__ = ["REPLACEMENT", "XML_INVALID", "clean_text", "sanitize"]

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""The characters XML 1.0 cannot hold: neither a Word document nor a workbook stores them."""
_INVALID = XML_INVALID

REPLACEMENT = "\ufffd"
"""Stands for a removed character where removing it would make the field invalid."""


def clean_text(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD.

    For text made from the programme before it was sanitized, e.g. a finding's message
    naming a municipality whose name holds a control character."""
    return _INVALID.sub(REPLACEMENT, text)


def sanitize(programme: Programme) -> tuple[Programme, list[str]]:
    """A copy of ``programme`` without XML-invalid characters, and the fields changed.

    Nearly every programme is clean, so it is first searched in place; only one with
    such a character is dumped and validated again (at 5,000 measures the dump and its
    cleaned copy held some 200 MB at once, for nothing).
    """
    if not _may_hold_invalid(programme):
        return programme, []
    dump = programme.model_dump(mode="python")
    replaced: set[Path] = set()  # fields whose characters become U+FFFD, not nothing
    while True:
        changed: list[Path] = []
        data = _clean(dump, (), changed, replaced)
        if not changed:
            return programme, []
        try:
            cleaned = Programme.model_validate(data)
        except ValidationError as exc:
            # A replacement keeps every length and pattern the original passed, so this
            # ends after one more round.
            refused = {data_path(data, error["loc"])[0] for error in exc.errors()}
            more = {p for p in changed if any(_overlap(p, r) for r in refused)} - replaced
            if not more:
                raise
            replaced |= more
            continue
        cleaned.attach_source(programme.source, programme.base_dir)
        return cleaned, [format_path(path) for path in changed]


_PLAIN = (int, float, Decimal, date, Enum, YearMonth)
"""Values that cannot hold a character XML refuses (bool is an int; enums are codes)."""


def _may_hold_invalid(programme: Programme) -> bool:
    """Whether any text of ``programme`` holds a character XML refuses, or may: a value
    of a kind not known here counts as may, and takes the full path."""
    stack: list[object] = [programme]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if _INVALID.search(value):
                return True
        elif isinstance(value, BaseModel):
            stack.extend(value.__dict__.values())
            stack.extend((value.__pydantic_extra__ or {}).values())
        elif isinstance(value, dict):
            stack.extend(value)
            stack.extend(value.values())
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack.extend(value)
        elif value is not None and not isinstance(value, _PLAIN):
            return True
    return False


def _clean(value: Any, path: Path, changed: list[Path], replaced: set[Path]) -> Any:
    if isinstance(value, str):
        if _INVALID.search(value):
            changed.append(path)
            return _INVALID.sub(REPLACEMENT if path in replaced else "", value)
        return value
    if isinstance(value, dict):
        return {k: _clean(v, (*path, k), changed, replaced) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, (*path, i), changed, replaced) for i, v in enumerate(value)]
    return value


def _overlap(a: Path, b: Path) -> bool:
    """Whether one path lies inside the other."""
    return a[: len(b)] == b or b[: len(a)] == a
