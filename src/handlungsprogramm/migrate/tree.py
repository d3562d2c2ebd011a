"""Migration steps' view of a file: the document as a tree, written back as it was laid out.

Used when steps apply (and when a key cannot take a line of its own): a YAML file
through ruamel.yaml's round trip with the indentation that reproduces it, a JSON
file as ordered mappings with exact numbers and its own indentation. Apart from
:mod:`.insert`, which never parses into a tree, because the two ways of editing
promise different things: byte-for-byte text there, a faithful layout here.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from handlungsprogramm.loading import (
    Format,
)

Step = Callable[[CommentedMap], None]
"""A migration step: rewrites a document of format *n* into format *n + 1*, in place.

It receives the top-level mapping as ruamel.yaml's round-trip ``CommentedMap`` (for a
JSON file: ``CommentedMap`` and ``CommentedSeq`` without comments) and leaves
``schema_version`` alone: :func:`migrate_text` sets it."""


_KEY = "schema_version"


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
