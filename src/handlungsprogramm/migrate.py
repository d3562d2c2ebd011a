"""Bring a programme file to the current input format (``handlungsprogramm migrate``).

A programme file says which input format it is written in (``schema_version:``; a
file without the key is format 1). When the format changes incompatibly,
:data:`~handlungsprogramm.model.programme.SCHEMA_VERSION` goes up by one and a
*migration step* from the previous format is registered here with :func:`step`: a
function that rewrites one document of format *n* into format *n + 1*, in place. The
loader then refuses files of the older format with a message to run ``migrate``, and
``migrate`` chains the steps from the file's format to the current one.

Files are edited, not regenerated: people keep comments, key order and quoting in
them, and review the change as a diff. So

* when no step applies -- every change to the format so far has been compatible, so
  today this is always the case -- the original text is kept byte for byte and only
  the ``schema_version:`` line (with its comment) is inserted before the first key,
  the way ``init`` writes it. Nothing else can change, whatever the file's layout;
* when steps apply, a YAML file is read with ruamel.yaml's round-trip reader (comments,
  key order and quoting kept), the steps edit that tree, and it is written back with
  the indentation that reproduces the file unchanged, where one does. A JSON file is
  read into ordered mappings with exact numbers and written back with its own
  indentation.

Every result is read back before it is returned: it must load with the loader's
guards and hold the same data (plus ``schema_version``) when no step applied, and
``schema_version`` must be the current format; anything else is a bug, reported as
such, and nothing is written.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.loading import (
    Format,
    declared_version,
    file_format,
    read_data,
    read_file,
)
from handlungsprogramm.location import SourceMap
from handlungsprogramm.model import programme as programme_module
from handlungsprogramm.model.programme import FIRST_SCHEMA_VERSION
from handlungsprogramm.output import write_atomic

__all__ = [
    "STEPS",
    "VERSION_COMMENT",
    "Migration",
    "Step",
    "current_version",
    "migrate_file",
    "migrate_text",
    "rename_key",
    "step",
]

Step = Callable[[CommentedMap], None]
"""A migration step: rewrites a document of format *n* into format *n + 1*, in place.

It receives the top-level mapping as ruamel.yaml's round-trip ``CommentedMap`` (for a
JSON file: ``CommentedMap`` and ``CommentedSeq`` without comments) and leaves
``schema_version`` alone: :func:`migrate_text` sets it."""

STEPS: dict[int, Step] = {}
"""The registered steps by the format they start from: ``STEPS[n]`` turns format *n*
into *n + 1*. Empty while every change to the format has been compatible."""

VERSION_COMMENT = "Version of the input format; `handlungsprogramm migrate` updates older files."
"""The comment above ``schema_version:`` in files that ``init`` and ``migrate`` write."""

_KEY = "schema_version"


def step(from_version: int) -> Callable[[Step], Step]:
    """Register the decorated function as the step from format ``from_version``.

    A future incompatible change adds one step, raises ``SCHEMA_VERSION`` and adds a
    test that migrates a file of the old format::

        @step(1)
        def _split_lead(document: CommentedMap) -> None:
            rename_key(document, "lead_department", "department")
    """

    def register(function: Step) -> Step:
        if from_version in STEPS:
            raise ValueError(f"a migration step from format {from_version} already exists")
        STEPS[from_version] = function
        return function

    return register


def current_version() -> int:
    """The input format this library reads, looked up at call time (tests raise it)."""
    return programme_module.SCHEMA_VERSION


def rename_key(mapping: CommentedMap, old: str, new: str) -> None:
    """Rename ``old`` to ``new`` in place: same position, same value, same comments.

    For steps. Does nothing when ``old`` is absent; a ``new`` key already present is
    a conflict the step has to resolve, so it raises ``KeyError``.
    """
    if old not in mapping:
        return
    if new in mapping:
        raise KeyError(f"cannot rename {old!r} to {new!r}: {new!r} exists")
    position = list(mapping).index(old)
    comment = mapping.ca.items.pop(old, None)
    mapping.insert(position, new, mapping.pop(old))
    if comment is not None:
        mapping.ca.items[new] = comment


@dataclass(frozen=True, slots=True)
class Migration:
    """What ``migrate`` made of one file: the text before and after, and why."""

    name: str
    """The file's name, as given."""
    before: bytes
    """The file as read."""
    after: bytes
    """The file as it should be; equal to ``before`` when it is current."""
    from_version: int
    """The format the file is written in (1 when it has no ``schema_version``)."""
    to_version: int
    """The current format."""
    added_version: bool
    """``schema_version`` was missing and is added."""
    relaid: bool
    """Steps applied and the file's layout (indentation, spacing) could not be kept, so
    more lines change than the steps touch: worth a look at the diff."""

    @property
    def changed(self) -> bool:
        """The file is not current: migrating writes something."""
        return self.after != self.before


def migrate_file(path: str | os.PathLike[str], *, write: bool = True) -> Migration:
    """Migrate the programme file at ``path``; with ``write``, replace it atomically.

    Nothing is written when the file is current, or when it cannot be read, is of a
    newer format than this library knows, or has an invalid ``schema_version``: those
    raise :class:`ProgrammeLoadError` with the loader's located problems. A write
    failure raises ``OSError``; the file is then unchanged. A symbolic link is kept
    and the file it points to is updated.
    """
    raw = read_file(path)
    migration = migrate_text(raw, name=str(path), fmt=file_format(path))
    if write and migration.changed:
        write_atomic(Path(path).resolve(), migration.after)
    return migration


def migrate_text(data: str | bytes, *, name: str = "<string>", fmt: Format = "yaml") -> Migration:
    """Migrate a programme held in memory (YAML or JSON text) to the current format.

    Raises :class:`ProgrammeLoadError` with located problems when the text cannot be
    read (syntax, encoding, size: the loader's guards), is not a mapping, or declares
    an invalid or newer format. The programme itself is not validated: a draft full of
    gaps migrates as well as a finished one.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    plain, source = read_data(raw, name=name, fmt=fmt)
    if not isinstance(plain, dict):
        problem = LoadProblem("HP007", "not_a_mapping", (), source.value(()), {"input": plain})
        raise ProgrammeLoadError([problem])
    declared = declared_version(plain, source)
    version = FIRST_SCHEMA_VERSION if declared is None else declared
    target = current_version()
    text = raw.decode("utf-8")  # read_data has checked it: UTF-8, no NUL
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    relaid = False
    if version < target:
        body, relaid = _apply_steps(body, fmt, version, target)
    elif declared is None:
        body, relaid = _insert_version(body, fmt, _first_key_place(plain, source))
    after = (bom + body).encode("utf-8")
    if after != raw:
        _verify(after, name, fmt, plain if version == target else None, target)
    return Migration(
        name=name,
        before=raw,
        after=after,
        from_version=version,
        to_version=target,
        added_version=declared is None,
        relaid=relaid,
    )


# -- no step: one line inserted into the text as it is --------------------------------


def _first_key_place(plain: dict[str, Any], source: SourceMap) -> tuple[int, int] | None:
    """Line and column (1-based) of the first top-level key as written, if it has one.

    The earliest position of any top-level key: with YAML merge keys a key's recorded
    place can be inside the merged mapping, which always comes later in the file.
    """
    places = [source.key((key,)) for key in plain]
    found = [(loc.line, loc.column) for loc in places if loc is not None]
    return min(found) if found else None


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as ruamel.yaml and libyaml count them (positions come from them)."""
_JSON_BREAK = re.compile("\r\n|[\r\n]")
"""Line breaks between JSON tokens; the other ones can only occur inside strings."""


def _lines(text: str, fmt: Format) -> list[str]:
    """``text`` cut into lines, each with its line break, as the reader counts them."""
    lines: list[str] = []
    start = 0
    for match in (_JSON_BREAK if fmt == "json" else _YAML_BREAK).finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    lines.append(text[start:])
    return lines


def _newline(text: str) -> str:
    """The file's own line break (Windows editors write CR LF)."""
    match = re.search("\r\n|\r|\n", text)
    return match.group() if match else "\n"


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _is_blank(line: str) -> bool:
    return not line.strip()


def _insert_version(body: str, fmt: Format, place: tuple[int, int] | None) -> tuple[str, bool]:
    """``body`` with ``schema_version`` added before the first key (at ``place``), and
    whether anything else changed (only when the round-trip writer had to do it).

    A top-level mapping in flow style (``{title: …}``), a first key written after
    ``? `` or an anchor, or a mapping without keys cannot take a line of its own; it
    goes through the round-trip writer instead.
    """
    version = current_version()
    if place is None:
        return _rewrite(body, fmt, [], version, insert=True)
    line_no, column = place
    lines = _lines(body, fmt)
    index = line_no - 1
    before_key = lines[index][: column - 1]
    nl = _newline(body)
    if fmt == "json":
        if _is_blank(before_key):  # the key starts its own line: so does the new one
            lines.insert(index, f'{before_key}"{_KEY}": {version},{nl}')
        else:  # `{"title": …` on one line
            rest = lines[index][column - 1 :]
            lines[index] = f'{before_key}"{_KEY}": {version}, {rest}'
        return "".join(lines), False
    if not _is_blank(before_key):  # a flow mapping, or a key after `? ` or an anchor
        return _rewrite(body, fmt, [], version, insert=True)
    if any("{" in line.split("#", 1)[0] for line in lines[:index]):
        # a flow mapping laid out like JSON, `{` on a line of its own: a line of its own
        # with a comma, as in JSON (comments above it would end up inside the braces)
        lines.insert(index, f"{before_key}{_KEY}: {version},{nl}")
        return "".join(lines), False
    # The comments directly above the first key belong to it ("# --- Metadata ---"):
    # the new key goes above them, unless they open the file (its header).
    above = index
    while above > 0 and _is_comment(lines[above - 1]):
        above -= 1
    at = above if above < index and above > 0 and _is_blank(lines[above - 1]) else index
    lines.insert(at, f"{before_key}# {VERSION_COMMENT}{nl}{before_key}{_KEY}: {version}{nl}{nl}")
    return "".join(lines), False


# -- steps: the document as a tree ------------------------------------------------------


def _chain(version: int, target: int) -> list[Step]:
    """The steps from ``version`` to ``target``; a gap is a bug in this module."""
    missing = [v for v in range(version, target) if v not in STEPS]
    if missing:
        raise RuntimeError(
            f"no migration step from input format {missing[0]} (SCHEMA_VERSION is {target})"
        )
    return [STEPS[v] for v in range(version, target)]


def _apply_steps(body: str, fmt: Format, version: int, target: int) -> tuple[str, bool]:
    """``body`` brought from ``version`` to ``target`` by the registered steps."""
    new_body, relaid = _rewrite(body, fmt, _chain(version, target), target, insert=False)
    plain, source = read_data(new_body, name="<migrated>", fmt=fmt)
    if isinstance(plain, dict) and _KEY not in plain:
        # A key that was missing is added as a line of its own, as without steps.
        new_body, again = _insert_version(new_body, fmt, _first_key_place(plain, source))
        relaid = relaid or again
    return new_body, relaid


def _rewrite(
    body: str, fmt: Format, steps: list[Step], version: int, *, insert: bool
) -> tuple[str, bool]:
    """``body`` read as a tree, changed by ``steps``, ``schema_version`` set, written back.

    Returns the text and whether the layout changed beyond what the steps did. A
    missing ``schema_version`` is added as the first key with ``insert`` (and always
    to JSON, or to a YAML mapping in flow style); else the caller adds the line, with
    its comment, to the text.
    """
    if fmt == "json":
        return _rewrite_json(body, steps, version)
    nl = _newline(body)
    document, yaml, relaid = _read_yaml(body, nl)
    for function in steps:
        function(document)
    if _KEY in document:
        document[_KEY] = version
    elif insert or document.fa.flow_style() or not document:
        document.insert(0, _KEY, version)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue(), relaid


_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0), (4, 2, 0))
"""(mapping, sequence, offset) indentations to try; the first is the project's style
(``init``, the examples): two spaces, list items indented by two under their key."""


def _read_yaml(body: str, nl: str) -> tuple[CommentedMap, YAML, bool]:
    """The round-trip tree and a writer that gives ``body`` back unchanged, if one does.

    ruamel.yaml writes one indentation for the whole file; the one that reproduces the
    text is looked for among the common ones. Without one, the project's style is used
    and the third value says the layout changes.
    """
    writers = [_yaml_writer(nl, *indent) for indent in _INDENTS]
    document = writers[0].load(body)
    for yaml in writers:
        out = io.StringIO()
        yaml.dump(document, out)
        if out.getvalue() == body:
            return document, yaml, False
    return document, writers[0], True


def _yaml_writer(nl: str, mapping: int, sequence: int, offset: int) -> YAML:
    """A round-trip reader and writer: quotes kept, long lines never folded."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.line_break = nl  # type: ignore[assignment]  # ruamel declares it as None
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _rewrite_json(body: str, steps: list[Step], version: int) -> tuple[str, bool]:
    """JSON: ordered mappings with exact numbers, changed, written with the file's indent."""
    document = json.loads(body, object_pairs_hook=CommentedMap, parse_float=_Number)
    document = _commented(document)
    indent = _json_indent(body)
    nl = _newline(body)
    tail = body[len(body.rstrip()) :]
    relaid = _dump_json(document, indent, nl) + tail != body
    for function in steps:
        function(document)
    if _KEY in document:
        document[_KEY] = version
    else:
        document.insert(0, _KEY, version)
    return _dump_json(document, indent, nl) + tail, relaid


class _Number(Decimal):
    """A JSON number with a fraction or exponent: exact, and written back as it was."""

    written: str

    def __new__(cls, text: str) -> _Number:
        number = super().__new__(cls, text)
        number.written = text
        return number


def _commented(value: Any) -> Any:
    """Lists as ``CommentedSeq``, so steps see the same types as in a YAML file."""
    if isinstance(value, dict):
        for key, child in value.items():
            value[key] = _commented(child)
        return value
    if isinstance(value, list):
        return CommentedSeq(_commented(child) for child in value)
    return value


def _json_indent(body: str) -> str | None:
    """The indentation of the file's second line (its first key), None for one line."""
    lines = _lines(body.strip(), "json")
    if len(lines) < 2:
        return None
    second = lines[1]
    return second[: len(second) - len(second.lstrip(" \t"))] or None


def _dump_json(value: Any, indent: str | None, nl: str, level: int = 0) -> str:
    """JSON text of plain data; numbers exactly as read (``Decimal``, never binary)."""
    if isinstance(value, dict):
        items = [
            f"{json.dumps(str(k), ensure_ascii=False)}: {_dump_json(v, indent, nl, level + 1)}"
            for k, v in value.items()
        ]
        return _json_join("{", "}", items, indent, nl, level)
    if isinstance(value, list):
        items = [_dump_json(v, indent, nl, level + 1) for v in value]
        return _json_join("[", "]", items, indent, nl, level)
    if isinstance(value, _Number):
        return value.written  # as in the file: 1e5 stays 1e5
    if isinstance(value, Decimal):
        return str(value)  # exact: 12000.10 stays 12000.10
    return json.dumps(value, ensure_ascii=False)


def _json_join(
    opening: str, closing: str, items: list[str], indent: str | None, nl: str, level: int
) -> str:
    if not items:
        return opening + closing
    if indent is None:
        return opening + ", ".join(items) + closing
    inner = nl + indent * (level + 1)
    return opening + inner + ("," + inner).join(items) + nl + indent * level + closing


# -- the result is read back before anything is written ----------------------------------


def _verify(
    after: bytes, name: str, fmt: Format, original: dict[str, Any] | None, target: int
) -> None:
    """Read the result back: it must load and declare ``target``; without steps it must
    hold exactly the original data after ``schema_version``. Raises ``RuntimeError``
    (a bug, not the user's mistake) otherwise."""
    try:
        plain, _ = read_data(after, name=name, fmt=fmt)
    except ProgrammeLoadError as exc:
        raise RuntimeError(f"migrating {name} gave a file that cannot be read: {exc}") from None
    if not isinstance(plain, dict) or plain.get(_KEY) != target:
        raise RuntimeError(f"migrating {name} did not set {_KEY}: {target}")
    if original is not None:
        expected = [(_KEY, target), *((k, v) for k, v in original.items() if k != _KEY)]
        if list(plain.items()) != expected:  # in order: dict equality ignores it
            raise RuntimeError(f"migrating {name} changed more than {_KEY}")
