"""Input guards of the loader: the limits, and the checks on bytes and text before YAML.

Kept apart from the readers because every way in (a file, text in memory, a form
mapping, ``migrate``) refuses the same inputs (size, encoding, JSON syntax) with the
same located problems, and none of it needs a YAML parser.
"""

from __future__ import annotations

import codecs
import json
import re
import typing
from decimal import Decimal

from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.location import SourceLocation

MAX_BYTES = 32 * 1024 * 1024
"""Largest input file accepted (32 MiB: a 5,000-measure programme needs about 10)."""


MAX_VALUES = 2_000_000
"""Most values a document may expand to after YAML aliases (guards against alias bombs)."""


MAX_DEPTH = 64
"""Deepest nesting accepted; a programme needs about 10 levels."""


def _escape_for_yaml(text: str) -> tuple[str, dict[int, list[int]]]:
    """JSON text that YAML reads the same, and where it grew (line → escaped columns).

    Valid JSON may hold characters raw that YAML refuses (DEL, C1 controls, U+FFFE) or
    reads as a line break (NEL, LS, PS). JSON allows them only inside strings, so the
    escape in YAML's double-quoted string gives the same text; each escape is five
    characters longer, which the reader takes back from the columns after it.
    """
    shifts: dict[int, list[int]] = {}
    line, line_start, scanned = 1, 0, 0  # counted onwards from the previous match
    for match in _YAML_UNSAFE.finditer(text):
        start = match.start()
        if newlines := text.count("\n", scanned, start):
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        column = start - line_start + 1
        starts = shifts.setdefault(line, [])
        starts.append(column + _ESCAPE_GROWTH * len(starts))
    escaped = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return escaped, shifts


def _fail(
    code: str, kind: str, name: str, line: int = 1, column: int = 1, **ctx: object
) -> typing.NoReturn:
    raise ProgrammeLoadError([LoadProblem(code, kind, (), SourceLocation(name, line, column), ctx)])


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(raw):
        # Windows editors save "Unicode" as UTF-16: every other byte of Latin text is NUL.
        _fail("HP003", "utf16_file", name)
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        _fail("HP003", "binary_file", name, *_line_col(raw, offset))
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + bom  # in the file, BOM included
        _fail(
            "HP003",
            "not_utf8",
            name,
            *_line_col(raw, offset),
            byte=f"0x{raw[offset]:02x}",
            offset=offset,
        )


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte order mark: NUL in every other byte of the first characters."""
    head = raw[:64]
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) == len(even) or odd.count(0) == len(odd)


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def _check_json(text: str, name: str) -> None:
    # json gives precise syntax errors; the YAML reader then re-reads the same text for
    # positions (JSON is YAML 1.2). Tabs can only occur between JSON tokens, where
    # YAML may object to them, so the caller turns them into spaces: columns stay.
    try:
        json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        _fail("HP004", "json_syntax", name, exc.lineno, exc.colno, problem=exc.msg)
    except RecursionError:
        _fail("HP005", "too_deep", name, limit=MAX_DEPTH)


_ESCAPE_GROWTH = len("\\u0085") - 1


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")
