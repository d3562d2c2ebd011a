"""The round-trip reader: ruamel.yaml's tree into plain data, with positions and limits.

It reads every document, however unusual (merge keys, tags, aliases, syntax errors),
and gives the precise, located message; the fast reader in :mod:`.fast` builds on its
counting and falls back to it. Numbers are read here (:func:`_number`) for both readers,
so that they agree.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from decimal import Decimal, InvalidOperation

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
from ruamel.yaml.nodes import ScalarNode

from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.loading.guards import MAX_BYTES, MAX_DEPTH, _fail
from handlungsprogramm.location import Path, SourceMap
from handlungsprogramm.model.types import PLAIN_NUMBER, is_negative_zero

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


_STR = "tag:yaml.org,2002:str"
