"""Where a value came from: file, line and column, and the field path to it.

The loader records a position for every key and value it reads (ruamel.yaml keeps
them); later stages only know field paths. This module joins the two, so a finding
about ``measures[3].lead`` can still point at ``programme.yaml:120:5``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Path", "SourceLocation", "SourceMap", "data_path", "format_path"]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True, order=True)
class SourceLocation:
    """A 1-based line and column in a named file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def data_path(data: object, loc: Sequence[str | int]) -> tuple[Path, list[str | int]]:
    """Follow pydantic's ``loc`` through the input data; what does not match is a union tag.

    Returns the path in the data and the parts of ``loc`` that were skipped.
    """
    path: list[str | int] = []
    skipped: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str):
            found = part in current
        else:
            found = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if found:
            path.append(part)
            current = current[part]  # type: ignore[index]
        else:
            skipped.append(part)
    return tuple(path), skipped


def format_path(path: Sequence[str | int]) -> str:
    """Render a field path the way people write it: ``measures[3].lead.side``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class SourceMap:
    """Positions of every key and value of one loaded file, looked up by field path.

    A path that does not exist in the file (a missing field) resolves to the nearest
    enclosing value that does, which is where a person would add it.

    A large programme has a position for each of some 600,000 keys and values, kept
    for as long as the programme: the maps are taken over (not copied), each position
    is packed into one integer, and the keys' positions — needed only for load errors
    — are dropped once the file has loaded (:meth:`drop_keys`).
    """

    __slots__ = ("_keys", "_values", "file")

    def __init__(
        self,
        file: str,
        values: dict[Path, tuple[int, int]],
        keys: dict[Path, tuple[int, int]] | None = None,
    ) -> None:
        self.file = file
        self._values = _packed(values)
        self._keys = _packed(keys if keys is not None else {})

    def value(self, path: Sequence[str | int]) -> SourceLocation | None:
        """Position of the value at ``path`` or, failing that, of its nearest parent."""
        p = tuple(path)
        while True:
            if p in self._values:
                return self._location(self._values[p])
            if not p:
                return None
            p = p[:-1]

    def key(self, path: Sequence[str | int]) -> SourceLocation | None:
        """Position of the key that names ``path`` (for unknown keys), else of its value."""
        p = tuple(path)
        if p in self._keys:
            return self._location(self._keys[p])
        return self.value(p)

    def drop_keys(self) -> None:
        """Forget the keys' positions: after loading, findings point at values."""
        self._keys = {}

    def _location(self, packed: int) -> SourceLocation:
        return SourceLocation(self.file, packed >> _COLUMN_BITS, packed & _COLUMN_MASK)


_COLUMN_BITS = 32
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def _packed(table: dict[Path, tuple[int, int]]) -> dict[Path, int]:
    """``table`` itself, each (line, column) replaced by one integer (a third of the size)."""
    packed: dict[Path, Any] = table
    for path, (line, column) in table.items():
        packed[path] = line << _COLUMN_BITS | column
    return packed
