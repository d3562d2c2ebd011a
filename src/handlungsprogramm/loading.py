"""Read a programme from YAML, JSON or in-memory data, with a located message for every mistake.

ruamel.yaml keeps the line and column of every key and value; pydantic validates.
This module joins the two: each validation error is mapped back from the model's
field path to the place in the file where the user has to look. All problems are
collected and raised together as one :class:`ProgrammeLoadError`.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import difflib
import json
import os
import re
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path as FsPath
from typing import Any, Literal

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import (
    CommentedMap,
    CommentedOrderedMap,
    CommentedSeq,
    CommentedSet,
    TaggedScalar,
)
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from handlungsprogramm._gc import paused_gc
from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.input_files import InputFileError, read_regular
from handlungsprogramm.location import Path, SourceLocation, SourceMap, data_path
from handlungsprogramm.model import Programme
from handlungsprogramm.model import programme as programme_module
from handlungsprogramm.model.programme import FIRST_SCHEMA_VERSION
from handlungsprogramm.model.types import PLAIN_NUMBER, is_negative_zero

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

MAX_BYTES = 32 * 1024 * 1024
"""Largest input file accepted (32 MiB: a 5,000-measure programme needs about 10)."""
MAX_VALUES = 2_000_000
"""Most values a document may expand to after YAML aliases (guards against alias bombs)."""
MAX_DEPTH = 64
"""Deepest nesting accepted; a programme needs about 10 levels."""

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
        _fail("HP001", "file_unreadable", name, reason=exc.strerror or str(exc))


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
        return _validate(plain, source, FsPath(base_dir) if base_dir is not None else None)


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


# -- reading -------------------------------------------------------------------------


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


_SPECIAL_FLOATS = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}

_MAX_INT_DIGITS = 4000
"""Longer integers become Decimal: Python refuses to convert more than 4,300 digits."""


def _number(text: str, *, whole: bool) -> object:
    """What a scalar that YAML resolves as a number (``whole``: an int) becomes.

    Written plainly (digits, a sign, a point, an exponent) it is the number: an int, or
    an exact ``Decimal`` for a float. Any other spelling YAML takes for a number --
    ``0x10``, ``0o17``, ``0b101``, ``1_000``, ``010``, ``-0`` -- stays the text it is:
    readers disagree on these (YAML 1.1 reads ``010`` as 8, YAML 1.2's core schema and
    JSON read ``1_000`` as text) and a negative zero is not an amount. A text field
    (a phone number ``0301234567``, a reference ``0x1F``) keeps what was typed; a number
    field refuses the text and says how to write the number. Both readers use this, so
    they agree.
    """
    special = _SPECIAL_FLOATS.get(text.lower())
    if special is not None:
        return Decimal(special)
    if not PLAIN_NUMBER.fullmatch(text) or is_negative_zero(text):
        return text
    if whole and len(text) <= _MAX_INT_DIGITS:
        return int(text)
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - PLAIN_NUMBER only matches decimals
        return text


class _Constructor(RoundTripConstructor):
    """Round-trip constructor: YAML floats as exact ``Decimal``, numbers as :func:`_number`."""

    def construct_yaml_decimal(self, node: ScalarNode) -> object:
        return _number(str(self.construct_scalar(node)).strip(), whole=False)

    def construct_checked_int(self, node: ScalarNode) -> object:
        return _number(str(self.construct_scalar(node)).strip(), whole=True)

    def construct_checked_timestamp(self, node: ScalarNode) -> object:
        """A date that does not exist (2025-02-30) stays text, as if it were quoted.

        It is not a syntax error: the model then names the field and says that the
        day is not in the calendar, the same for ``2025-02-30`` and ``"2025-02-30"``.
        """
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_decimal)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_checked_int)
_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _Constructor.construct_checked_timestamp
)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    return yaml


def _parse_yaml(text: str, name: str) -> object:
    try:
        return _yaml().load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = (exc.problem or "").split('"')[1] if '"' in (exc.problem or "") else "?"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        _fail("HP004", "duplicate_key", name, line, col, key=key)
    except MarkedYAMLError as exc:
        if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
            # The scanner notices only where it gives up (often the end of the file);
            # the place to fix is the opening quote.
            at = exc.context_mark
            quote = text.splitlines()[at.line][at.column : at.column + 1] or '"'
            _fail("HP004", "unclosed_quote", name, at.line + 1, at.column + 1, quote=quote)
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if (exc.context or "").startswith("expected a single document"):
            _fail("HP004", "several_documents", name, line, col)
        problem = exc.problem or exc.context or "invalid YAML"
        _fail("HP004", "yaml_syntax", name, line, col, problem=problem)
    except YAMLError as exc:
        _fail("HP004", "yaml_syntax", name, problem=str(exc).splitlines()[0])
    except RecursionError:
        _fail("HP005", "too_deep", name, limit=MAX_DEPTH)


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

_SURROGATE = re.compile("[\ud800-\udfff]")


class _Normaliser:
    """Turn ruamel's round-trip tree into plain Python data and record positions.

    Also the guard against alias bombs: the size of every node is counted as it
    would be after expanding aliases (memoised, so counting stays linear), in values
    and in characters, and the document is refused when it exceeds ``max_values``
    values or ``max_bytes`` characters. The second limit is the file size limit: a
    174 KB file of 20,000 aliases to one measure stayed under two million values, yet
    stood for a 40 MB programme and took 5 minutes and 1.3 GB to build.
    """

    def __init__(
        self,
        name: str,
        values: dict[Path, tuple[int, int]],
        keys: dict[Path, tuple[int, int]],
        max_values: int,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.name = name
        self.values = values
        self.keys = keys
        self.max_values = max_values
        self.max_chars = max_bytes
        self.total = 0
        self.chars = 0
        self._done: dict[int, tuple[object, int, int]] = {}

    def run(self, tree: object) -> object:
        if isinstance(tree, CommentedMap | CommentedSeq):
            self.values[()] = (tree.lc.line + 1, tree.lc.col + 1)
        else:
            self.values[()] = (1, 1)
        return self._convert(tree, ())

    def _count(self, n: int, path: Path, chars: int) -> None:
        """Count ``n`` values of ``chars`` characters (text, keys and a separator each)."""
        self.total += n
        self.chars += chars
        if self.total > self.max_values:
            self._problem("HP005", "alias_bomb", path, limit=self.max_values)
        if self.chars > self.max_chars:
            self._problem("HP005", "alias_expansion", path, limit=self.max_chars)

    def _problem(self, code: str, kind: str, path: Path, **ctx: object) -> typing.NoReturn:
        loc = SourceMap(self.name, dict(self.values)).value(path)  # the reader keeps its own
        raise ProgrammeLoadError([LoadProblem(code, kind, path, loc, ctx)])

    def _text(self, value: str, path: Path) -> str:
        # YAML and JSON escapes may spell a character outside the BMP as a surrogate
        # pair ("\\ud83c\\udf0d"); ruamel keeps the halves apart. Join them, and refuse
        # a lone half: no document format can store it.
        if not _SURROGATE.search(value):
            return value
        joined = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if "\ufffd" in joined and "\ufffd" not in value:
            self._problem("HP013", "lone_surrogate", path)
        return joined

    def _depth(self, path: Path) -> None:
        """The nesting limit, for every collection and alias either reader meets."""
        if len(path) > MAX_DEPTH:
            self._problem("HP005", "too_deep", path, limit=MAX_DEPTH)

    def _seen(self, node: object, path: Path) -> tuple[object, int, int] | None:
        """The depth limit, and a node met again through an alias (counted expanded)."""
        self._depth(path)
        done = self._done.get(id(node))
        if done is not None:
            self._count(done[1], path, done[2])
        return done

    def _convert(self, node: object, path: Path) -> object:
        tag = getattr(getattr(node, "tag", None), "value", None)
        if isinstance(node, TaggedScalar) and tag == _STR:
            node, tag = str(node.value), None  # !!str 1.0: the text it says it is
        elif isinstance(node, float):
            node = Decimal(str(node))  # !!float 1.5: exact, as every other number
        if (tag is not None and tag not in _PLAIN_TAGS) or isinstance(node, TaggedScalar):
            # ruamel keeps unknown tags (!!python/object:…) as markers on plain data;
            # none has a meaning in a programme, and silently dropping one would hide
            # what the author meant.
            shown = (tag or "!").replace("tag:yaml.org,2002:", "!!")
            self._problem("HP004", "yaml_tag", path, tag=shown)
        if not isinstance(node, dict | list | str | int | Decimal | dt.date | None):
            # !!binary, !!set, !!omap and the like: YAML types a programme never uses
            self._problem("HP004", "yaml_tag", path, tag=_type_tag(node))
        if not isinstance(node, dict | list):
            value = _plain_scalar(node)
            if isinstance(value, str):
                value = self._text(value, path)
            self._count(1, path, _chars(value))
            return value
        seen = self._seen(node, path)
        if seen is not None:
            return seen[0]
        ident = id(node)
        before = (self.total, self.chars)
        self._count(1, path, 1)
        result: object
        if isinstance(node, dict):
            out: dict[str, object] = {}
            # a yearly breakdown is keyed by years: `2026: 45000` is what people write
            years = bool(path) and path[-1] == "by_year"
            for key, child in node.items():
                if years and isinstance(key, int) and not isinstance(key, bool):
                    pass
                elif not isinstance(key, str):
                    # placed at the key itself, not at the mapping that holds it
                    where = (*path, str(key))
                    if isinstance(node, CommentedMap):
                        kl, kc, _, _ = _entry_position(node, key)
                        self.keys[where] = self.values[where] = (kl + 1, kc + 1)
                    self._problem("HP012", "key_not_text", where, input=_plain_scalar(key))
                child_path = (*path, key)
                if isinstance(node, CommentedMap):
                    kl, kc, vl, vc = _entry_position(node, key)
                    for where in _key_paths(path, key, years):
                        self.keys.setdefault(where, (kl + 1, kc + 1))
                        self.values.setdefault(where, (vl + 1, vc + 1))
                if years and str(key) in out:
                    # `2025:` and `"2025":` are one year; the second would silently win
                    if isinstance(node, CommentedMap):
                        self.keys[child_path] = self.values[child_path] = (kl + 1, kc + 1)
                    self._problem("HP004", "year_twice", child_path, year=str(key))
                self._count(0, child_path, len(str(key)) + 2)
                out[str(key)] = self._convert(child, child_path)
            result = out
        else:
            items: list[object] = []
            for index, child in enumerate(node):
                child_path = (*path, index)
                if isinstance(node, CommentedSeq):
                    il, ic = node.lc.item(index)
                    self.values.setdefault(child_path, (il + 1, ic + 1))
                items.append(self._convert(child, child_path))
            result = items
        self._done[ident] = (result, self.total - before[0], self.chars - before[1])
        return result


def _key_paths(path: Path, key: str | int, years: bool) -> list[Path]:
    """Where a key's position is recorded: under the key as written and, in a yearly
    breakdown, also under the year as a number and as text (`2026`, `"2026"`), since
    a finding names the year as a number and a load error as the text pydantic saw."""
    text = str(key).strip()
    if not years or not text.isdigit():
        return [(*path, key)]
    return [(*path, int(text)), (*path, text), (*path, key)]


def _chars(value: object) -> int:
    """The characters a scalar counts for: its text and a separator (about what it
    takes in a file, so a file under the size limit stays under it expanded)."""
    if value is None:
        return 1
    return 1 + len(value if isinstance(value, str) else str(value))


def _entry_position(node: CommentedMap, key: object) -> tuple[int, int, int, int]:
    """Line and column (0-based) of a key and of its value.

    A key that came in through a merge (``<<: *base``) has no position of its own in
    ruamel's record; it is placed at the mapping that merged it.
    """
    try:
        key_pos, value_pos = node.lc.key(key), node.lc.value(key)
    except (KeyError, TypeError):
        key_pos = value_pos = None
    if not key_pos or not value_pos:
        return node.lc.line, node.lc.col, node.lc.line, node.lc.col
    return key_pos[0], key_pos[1], value_pos[0], value_pos[1]


def _plain_scalar(value: object) -> object:
    # ruamel hands out str/int/bool subclasses that remember their styling; the model
    # wants plain values (and must not carry YAML formatting into documents).
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    return value


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")
)
"""Explicit tags that only say what the value is anyway (``!!str 2024``)."""


def _type_tag(value: object) -> str:
    names = {bytes: "!!binary", CommentedSet: "!!set", CommentedOrderedMap: "!!omap"}
    return next(
        (tag for kind, tag in names.items() if isinstance(value, kind)), "!!" + type(value).__name__
    )


class _FallBack(Exception):  # noqa: N818 - a signal, not an error
    """The fast reader met something that only the round-trip reader handles."""


_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")
)


class _Resolver(VersionedResolver):
    """YAML 1.2 tag resolution for plain documents, without ruamel's per-scalar overhead.

    ruamel looks up the YAML version through several failing attribute accesses and
    rebuilds the candidate list for every scalar; behind the C parser that was half
    of the reading time. This resolver takes the YAML 1.2 table once and returns the
    shared default tag objects, so the reader can recognise plain text by identity.
    Documents with directives (``%YAML 1.1``) take the round-trip path instead.
    """

    @property
    def processing_version(self) -> Any:
        return (1, 2)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                table = self.__dict__.get("_hp_table")
                if table is None:
                    table = self.__dict__["_hp_table"] = self.versioned_resolver
                for tag, regexp in table.get(value[:1], ()):
                    if regexp.match(value):
                        return Tag(suffix=tag)
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


_TEXT_TAG = _Resolver.DEFAULT_SCALAR_TAG


class _FastReader(_Normaliser):
    """Read YAML through libyaml (ruamel.yaml.clib) into plain data and positions.

    ruamel's round-trip reader is pure Python and took 10 s for a 1,000-measure
    programme (2.4 MB). Here libyaml parses in C and this reader builds the data
    straight from its events, taking positions from the events' marks (the same marks
    the composed nodes would carry). Composing a node graph first cost several times
    the parse and, at 5,000 measures, 230 MB held at once. Only plain documents take
    this path: on a syntax error, a duplicate key, a merge or other non-text key, an
    explicit tag, an alias cycle or a second document it raises :class:`_FallBack`, and
    the round-trip reader (with its precise messages) reads the text again.
    """

    def read(self, text: str) -> object:
        if text.startswith("%") or "\n%" in text:
            raise _FallBack  # directives (%YAML 1.1, %TAG): the round-trip reader
        yaml = YAML(typ="safe", pure=False)
        yaml.Resolver = _Resolver
        self._scalars = yaml.constructor
        self._resolve = yaml.resolver.resolve
        self._anchors: dict[str, tuple[object, int, int, tuple[int, int]]] = {}
        events = _events(yaml, text)
        _next(events)  # the stream's start
        if isinstance(_next(events), StreamEndEvent):
            return None  # no document (comments only)
        root = _next(events)
        self.values[()] = (root.start_mark.line + 1, root.start_mark.column + 1)
        value = self._value(root, events, ())
        _next(events)  # the document's end
        if not isinstance(_next(events), StreamEndEvent):
            raise _FallBack  # a second document: the round-trip reader names it
        return value

    def _scalar(self, node: ScalarNode, path: Path) -> object:
        tag = node.tag
        if tag == _STR:
            return self._text(node.value, path)
        if tag not in _SCALAR_TAGS:
            raise _FallBack
        if tag.endswith((":float", ":int")):
            return _number(node.value, whole=tag.endswith(":int"))
        try:
            return self._scalars.construct_object(node)
        except (YAMLError, ValueError):
            raise _FallBack from None

    def _tag(self, event: Any) -> Any:
        """The tag YAML gives an untagged scalar (text, int, bool, …), as composing does."""
        if event.tag is not None:
            raise _FallBack  # explicit tags: the round-trip reader
        return self._resolve(ScalarNode, event.value, event.implicit)

    def _value(self, event: Any, events: Iterator[Any], path: Path) -> object:
        """The value that starts with ``event``; an alias gives its anchor's value again.

        An alias is counted at its expanded size (the alias-bomb guard), and one that
        points into a value still being read (a cycle) goes to the round-trip reader.
        """
        if isinstance(event, AliasEvent):
            self._depth(path)
            seen = self._anchors.get(event.anchor)
            if seen is None:
                raise _FallBack  # an alias to an enclosing value: a cycle
            value, size, chars, where = seen
            self._count(size, path, chars)
            self.values[path] = where  # where the value is written, as composing gives
            return value
        before, before_chars = self.total, self.chars
        value = self._build(event, events, path)
        if event.anchor is not None:
            mark = event.start_mark
            self._anchors[event.anchor] = (
                value,
                self.total - before,
                self.chars - before_chars,
                (mark.line + 1, mark.column + 1),
            )
        return value

    def _build(self, event: Any, events: Iterator[Any], path: Path) -> object:
        if isinstance(event, ScalarEvent):
            tag = self._tag(event)
            if tag is _TEXT_TAG:  # plain text, by far the most
                text = self._text(event.value, path)
                self._count(1, path, 1 + len(text))
                return text
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            value = self._scalar(node, path)
            self._count(1, path, 1 + len(event.value))  # as written: 0x10, ~, 1e3
            return value
        if event.tag is not None:
            raise _FallBack  # explicit tags: the round-trip reader
        self._depth(path)
        self._count(1, path, 1)
        if isinstance(event, SequenceStartEvent):
            items: list[object] = []
            while not isinstance(child := _next(events), SequenceEndEvent):
                child_path = (*path, len(items))
                mark = child.start_mark
                self.values.setdefault(child_path, (mark.line + 1, mark.column + 1))
                items.append(self._value(child, events, child_path))
            return items
        out: dict[str, object] = {}
        years = bool(path) and path[-1] == "by_year"  # `2026: 45000`, as the round trip
        while not isinstance(key_event := _next(events), MappingEndEvent):
            if not isinstance(key_event, ScalarEvent) or key_event.anchor is not None:
                raise _FallBack  # merge keys, non-text keys: the round-trip reader decides
            tag = self._tag(key_event)
            year = years and str(tag).endswith(":int") and key_event.value.isdigit()
            if tag is not _TEXT_TAG and not year:
                raise _FallBack  # merge keys, non-text keys: the round-trip reader decides
            key = key_event.value if year else self._text(key_event.value, path)
            if key in out:
                raise _FallBack  # duplicate key
            value_event = _next(events)
            child_path = (*path, int(key)) if year else (*path, key)
            km, vm = key_event.start_mark, value_event.start_mark
            for where in _key_paths(path, key, years):
                self.keys.setdefault(where, (km.line + 1, km.column + 1))
                self.values.setdefault(where, (vm.line + 1, vm.column + 1))
            self._count(0, child_path, len(key) + 2)
            out[key] = self._value(value_event, events, child_path)
        return out


def _next(events: Iterator[Any]) -> Any:
    """The next event; the parser always ends what it starts, so running out is a bug."""
    event = next(events, None)
    if event is None:  # pragma: no cover - libyaml ends every collection it starts
        raise _FallBack
    return event


def _events(yaml: YAML, text: str) -> Iterator[Any]:
    """libyaml's parse events; a syntax error means: let the round-trip reader explain."""
    parsed = iter(yaml.parse(text))
    while True:
        try:
            event = next(parsed)
        except StopIteration:
            return
        except (YAMLError, RecursionError, ValueError):
            raise _FallBack from None
        yield event


# -- validating ----------------------------------------------------------------------


_M = typing.TypeVar("_M", bound=BaseModel)


def validate_data(model: type[_M], data: dict[str, Any], source: SourceMap) -> _M:
    """``model`` from ``data`` read by :func:`read_data`; every mistake a located problem
    as in a programme (:class:`ProgrammeLoadError`, unknown keys with suggestions).
    For the other files the library reads, such as form mappings."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = _translate(exc.errors(include_url=False), data, source, root=model)
        raise ProgrammeLoadError(problems) from None


def declared_version(data: Mapping[str, Any], source: SourceMap | None) -> int | None:
    """The input format ``data`` declare in ``schema_version:``, None when the key is absent.

    Checked by the model's own field (a whole number, at least 1, not newer than this
    library knows), so ``migrate`` and :func:`load` accept and refuse the same values
    with the same words; raises :class:`ProgrammeLoadError` located at the value.
    """
    if "schema_version" not in data:
        return None
    # An empty programme, unvalidated: assigning to it validates the one field
    # (validate_assignment), its type, bounds and validator included.
    probe: Any = typing.cast(Any, Programme).model_construct()
    try:
        probe.schema_version = data["schema_version"]
    except ValidationError as exc:
        problems = _translate(exc.errors(include_url=False), dict(data), source)
        raise ProgrammeLoadError(problems) from None
    version: int = probe.schema_version
    return version


def _refuse_other_format(data: Mapping[str, Any], source: SourceMap | None) -> None:
    """Refuse data of a newer or older input format with one problem that says what to do.

    Validating such a file against this model would add every difference between the
    formats as a mistake of its own (unknown keys, missing fields), none of which the
    user should fix by hand: a newer file needs a newer handlungsprogramm, an older
    one ``migrate``. An invalid value (``schema_version: x``) is left to the
    validation, which reports it with the rest.
    """
    try:
        declared = declared_version(data, source)
    except ProgrammeLoadError as exc:
        if any(p.kind == "schema_too_new" for p in exc.problems):
            raise
        return
    version = FIRST_SCHEMA_VERSION if declared is None else declared
    current = programme_module.SCHEMA_VERSION  # read now: tests pretend a newer format
    if version >= current:
        return
    shown: object = (
        version
        if declared is not None
        else (
            f"{version} (it has no `schema_version:`)",
            f"{version} (sie hat kein `schema_version:`)",
        )
    )
    ctx = {"value": shown, "known": current, "file": source.file if source else "FILE"}
    loc = source.value(("schema_version",)) if source else None
    raise ProgrammeLoadError(
        [LoadProblem("HP013", "schema_too_old", ("schema_version",), loc, ctx)]
    )


def _validate(data: dict[str, Any], source: SourceMap | None, base_dir: FsPath | None) -> Programme:
    _refuse_other_format(data, source)
    try:
        programme = Programme.model_validate(data)
    except ValidationError as exc:
        problems = _translate(exc.errors(include_url=False), data, source)
        raise ProgrammeLoadError(problems) from None
    if source is not None:
        source.drop_keys()
    programme.attach_source(source, base_dir)
    return programme


_TYPE_KINDS: dict[str, str] = {
    "string_type": "text",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "list_type": "list",
    "int_type": "whole number",
    "int_parsing": "whole number",
    "int_from_float": "whole number",
    "decimal_type": "number",
    "decimal_parsing": "number",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "float_not_allowed": "number",
}
_KIND_TEMPLATE = {
    "text": "string_type",
    "mapping": "dict_type",
    "list": "list_type",
    "whole number": "int_type",
    "number": "decimal_type",
    "boolean": "bool_type",
    "date": "date_type",
}


def _translate(
    errors: Sequence[ErrorDetails],
    data: dict[str, Any],
    source: SourceMap | None,
    root: type[BaseModel] = Programme,
) -> list[LoadProblem]:
    """Turn pydantic errors into located problems; merge the branches of one union."""
    from handlungsprogramm.i18n.messages import kind_word

    grouped: dict[Path, list[tuple[ErrorDetails, bool]]] = {}
    order: list[Path] = []
    simple: list[LoadProblem] = []
    for err in errors:
        path, skipped = data_path(data, err["loc"])
        if err["type"] == "missing":
            field = str(err["loc"][-1])
            full = (*path, field)
            loc = source.value(path) if source else None
            simple.append(LoadProblem("HP011", "missing", full, loc, {"field": field}))
            continue
        if err["type"] == "extra_forbidden":
            key = str(path[-1]) if path else str(err["loc"][-1])
            suggestion, hint = _did_you_mean(key, err["loc"][:-1], root)
            loc = source.key(path) if source else None
            ctx: dict[str, object] = {"key": key, "hint": hint, "suggestion": suggestion}
            simple.append(LoadProblem("HP010", "extra_forbidden", path, loc, ctx))
            continue
        if path not in grouped:
            grouped[path] = []
            order.append(path)
        grouped[path].append((err, bool(skipped)))

    # A misspelt required key also shows up as that key missing; the typo says it all.
    typos = {(p.path[:-1], p.ctx["suggestion"]) for p in simple if p.kind == "extra_forbidden"}
    problems = [p for p in simple if p.kind != "missing" or (p.path[:-1], p.path[-1]) not in typos]
    for path in order:
        group = grouped[path]
        loc = source.value(path) if source else None
        in_union = len(group) > 1 and all(skipped for _, skipped in group)
        type_errors = [e for e, _ in group if e["type"] in _TYPE_KINDS]
        if in_union and len(type_errors) == len(group):
            kinds = list(dict.fromkeys(_TYPE_KINDS[e["type"]] for e in type_errors))
            expected = tuple((kind_word(k, "en"), kind_word(k, "de")) for k in kinds)
            problems.append(
                LoadProblem(
                    "HP012",
                    "union_type",
                    path,
                    loc,
                    {"expected": expected, "input": group[0][0]["input"]},
                )
            )
            continue
        chosen = (
            [e for e, _ in group if e["type"] not in _TYPE_KINDS]
            if in_union
            else [e for e, _ in group]
        )
        for err in chosen:
            problems.append(_problem_from(err, path, loc))
    problems.sort(key=lambda p: (p.location.line, p.location.column) if p.location else (0, 0))
    return problems


_DATE_KINDS = frozenset({"date_parsing", "date_from_datetime_parsing"})
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _problem_from(err: ErrorDetails, path: Path, loc: SourceLocation | None) -> LoadProblem:
    kind = err["type"]
    ctx: dict[str, object] = dict(err.get("ctx") or {})
    ctx.pop("error", None)
    ctx["input"] = err["input"]
    ctx["pydantic_message"] = err["msg"]
    if kind in _DATE_KINDS and isinstance(err["input"], str) and _ISO_DAY.match(err["input"]):
        # the form is right, the day does not exist (2025-02-30): a wrong value, not type
        return LoadProblem("HP013", "impossible_date", path, loc, {**ctx, "value": err["input"]})
    if kind in _TYPE_KINDS:
        return LoadProblem("HP012", _KIND_TEMPLATE[_TYPE_KINDS[kind]], path, loc, ctx)
    if kind == "string_pattern_mismatch":
        last = path[-1] if path else ""
        ctx["example"] = "name@example.org" if last == "email" else "2.1.3, M-07"
    if kind == "enum":
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        ctx["expected"] = ", ".join(options)
        close = difflib.get_close_matches(str(err["input"]), options, n=1, cutoff=0.6)
        ctx["hint"] = (
            (f" (did you mean '{close[0]}'?)", f" (meinten Sie '{close[0]}'?)")
            if close
            else ("", "")
        )
    return LoadProblem("HP013", kind, path, loc, ctx)


def _did_you_mean(
    key: str, parent_loc: Sequence[str | int], root: type[BaseModel] = Programme
) -> tuple[str | None, tuple[str, str]]:
    """The closest allowed key, if any, and a hint in English and German."""
    allowed = _allowed_keys(parent_loc, root)
    if not allowed:
        return None, ("", "")
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return close[0], (f"; did you mean '{close[0]}'?", f"; meinten Sie '{close[0]}'?")
    listing = ", ".join(allowed)
    return None, (f"; allowed here: {listing}", f"; erlaubt sind: {listing}")


def _allowed_keys(loc: Sequence[str | int], root: type[BaseModel] = Programme) -> list[str]:
    """The field names of the model that sits at ``loc`` (to suggest a fix for a typo)."""
    current: object = root
    for part in loc:
        model = _model_in(current)
        if isinstance(part, int):
            current = _item_type(current)
        elif model is not None and part in model.model_fields:
            current = model.model_fields[part].annotation
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]  # a key of a mapping: its value's type
        # anything else is a union tag pydantic put into the loc: stay where we are
    model = _model_in(current)
    if model is None or issubclass(model, RootModel):
        return []
    return list(model.model_fields)


def _model_in(tp: object) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    if typing.get_origin(tp) in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(tp):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _item_type(tp: object) -> object:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(tp):
            item = _item_type(arg)
            if item is not None:
                return item
        return None
    if origin in (list, tuple):
        args = typing.get_args(tp)
        return args[0] if args else None
    return None
