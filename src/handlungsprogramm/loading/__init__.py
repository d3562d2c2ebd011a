"""Read a programme from YAML, JSON or in-memory data, with a located message for every mistake.

ruamel.yaml keeps the line and column of every key and value; pydantic validates.
This package joins the two: each validation error is mapped back from the model's
field path to the place in the file where the user has to look. All problems are
collected and raised together as one :class:`ProgrammeLoadError`.

The entry points live here; the work is split by stage: :mod:`.guards` (limits and
checks on the raw bytes), :mod:`.fast` (libyaml events, for plain documents) and
:mod:`.roundtrip` (ruamel's round trip, for everything else and the precise
messages), :mod:`.validate` (the model) and :mod:`.locate` (errors to places).
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any, Literal

from handlungsprogramm._gc import paused_gc
from handlungsprogramm._memory import give_back
from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.input_files import InputFileError, os_reason, read_regular
from handlungsprogramm.loading.fast import _FallBack as _FallBack
from handlungsprogramm.loading.fast import _FastReader as _FastReader
from handlungsprogramm.loading.guards import (
    _ESCAPE_GROWTH,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_VALUES,
    _check_json,
    _decode,
    _escape_for_yaml,
    _fail,
)
from handlungsprogramm.loading.roundtrip import _Normaliser as _Normaliser
from handlungsprogramm.loading.roundtrip import _parse_yaml as _parse_yaml
from handlungsprogramm.loading.validate import _validate, declared_version, validate_data
from handlungsprogramm.location import Path, SourceMap
from handlungsprogramm.model import Programme

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_VALUES",
    "declared_version",
    "file_format",
    "from_data",
    "load",
    "loads",
    "read_data",
    "read_file",
    "validate_data",
]


Format = Literal["yaml", "json"]


def load(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    max_values: int = MAX_VALUES,
) -> Programme:
    """Load a programme from a ``.yaml``/``.yml`` or ``.json`` file.

    Relative paths inside the programme (logos) are resolved against the file's folder.
    Raises :class:`ProgrammeLoadError` with every problem found, each located.
    """
    file = FsPath(path)
    raw = read_file(file, max_bytes)
    return loads(
        raw,
        name=str(path),
        fmt=file_format(file),
        base_dir=file.parent,
        max_values=max_values,
        max_bytes=max_bytes,
    )


def read_file(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a programme file, or a :class:`ProgrammeLoadError` saying why not.

    A folder, device or pipe is refused unread (HP001), as is a file over ``max_bytes``
    (HP002). Shared by :func:`load` and ``migrate``, so both refuse the same files
    with the same words.
    """
    name = str(path)
    try:
        return read_regular(path, max_bytes)
    except FileNotFoundError:
        _fail("HP001", "file_not_found", name)
    except InputFileError as exc:
        if exc.kind == "too_large":
            size = exc.size if exc.size is not None else f"> {max_bytes}"
            _fail("HP002", "file_too_large", name, size=size, limit=max_bytes)
        _fail("HP001", "not_a_file", name, what=exc.what)
    except OSError as exc:
        _fail("HP001", "file_unreadable", name, reason=(os_reason(exc, "en"), os_reason(exc, "de")))


def file_format(path: str | os.PathLike[str]) -> Format:
    """``json`` for a ``.json`` file, else ``yaml``: the format is chosen by the name."""
    return "json" if FsPath(path).suffix.lower() == ".json" else "yaml"


def loads(
    data: str | bytes,
    *,
    name: str = "<string>",
    fmt: Format = "yaml",
    base_dir: str | os.PathLike[str] | None = None,
    max_values: int = MAX_VALUES,
    max_bytes: int = MAX_BYTES,
) -> Programme:
    """Load a programme from YAML or JSON text held in memory (for host applications).

    The same limits apply as to files: size, values after alias expansion, nesting
    (a cycle of aliases ends at the nesting limit).
    """
    with paused_gc():  # reading and validating make no cycles worth collecting
        plain, source = read_data(
            data, name=name, fmt=fmt, max_values=max_values, max_bytes=max_bytes
        )
        if not isinstance(plain, dict):
            loc = source.value(())
            problem = LoadProblem("HP007", "not_a_mapping", (), loc, {"input": plain})
            raise ProgrammeLoadError([problem])
        programme = _validate(plain, source, FsPath(base_dir) if base_dir is not None else None)
        del plain
    give_back()  # the raw data, as large as the model, is freed now
    return programme


def read_data(
    data: str | bytes,
    *,
    name: str = "<string>",
    fmt: Format = "yaml",
    max_values: int = MAX_VALUES,
    max_bytes: int = MAX_BYTES,
) -> tuple[object, SourceMap]:
    """Plain data (dict, list, str, int, Decimal, date, bool, None) and the place of
    every value, read from YAML or JSON text with all of the loader's guards.

    The limits are the programme's: size, encoding, nesting depth (64; a 50,000-deep
    document would exhaust the stack), alias expansion. For other files the library
    reads, such as form mappings. Raises :class:`ProgrammeLoadError` with a located
    problem (HP002–HP006).
    """
    if len(data) > max_bytes:
        _fail("HP002", "file_too_large", name, size=len(data), limit=max_bytes)
    text = _decode(data, name) if isinstance(data, bytes) else data
    if not text.strip():
        _fail("HP006", "empty_file", name)
    if fmt == "json":
        _check_json(text, name)
        text = text.replace("\t", " ")  # see _check_json
        text, shifts = _escape_for_yaml(text)
    else:
        shifts = {}
    with paused_gc():
        return _read(text, name, max_values, max_bytes, shifts)


def _read(
    text: str,
    name: str,
    max_values: int,
    max_bytes: int,
    shifts: Mapping[int, list[int]],
) -> tuple[object, SourceMap]:
    values: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    try:
        plain = _FastReader(name, values, keys, max_values, max_bytes).read(text)
    except _FallBack:
        # Anything unusual (a syntax error, duplicate keys, merge keys, explicit tags):
        # the round-trip reader handles it and gives the precise, located message.
        values.clear()
        keys.clear()
        tree = _parse_yaml(text, name)
        if tree is None:
            _fail("HP006", "empty_file", name)
        plain = _Normaliser(name, values, keys, max_values, max_bytes).run(tree)
    if plain is None:
        _fail("HP006", "empty_file", name)
    for table in (values, keys) if shifts else ():
        for path, (line, column) in table.items():
            if line in shifts:
                grown = bisect.bisect_left(shifts[line], column) * _ESCAPE_GROWTH
                table[path] = (line, column - grown)
    return plain, SourceMap(name, values, keys)


def from_data(
    data: Mapping[str, Any], *, base_dir: str | os.PathLike[str] | None = None
) -> Programme:
    """Build a programme from plain Python data (dicts, lists, str, int, Decimal, date).

    Errors are reported like file errors, with field paths but without lines.
    """
    return _validate(dict(data), None, FsPath(base_dir) if base_dir is not None else None)
