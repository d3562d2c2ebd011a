"""Bring a workbook's changes into an existing programme file, keeping the file's own
comments, order and layout.

The file and the workbook are both turned into canonical data and compared; only where
they differ is the file's tree changed (ruamel.yaml's round trip, written back with
the indentation that reproduces the file, as ``migrate`` does). A value the workshop
did not touch keeps its text exactly — its quotes, its comment, ``60000`` not turned
into ``'60000'``. The result is read back and must give the workbook's programme.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from handlungsprogramm.model import Programme
from handlungsprogramm.workbook.write import canonical_data, canonical_json

__all__ = ["merge_into"]


def _node(value: Any) -> Any:
    """Canonical data as round-trip nodes: long texts as blocks (``|``)."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _node(item)
        return node
    if isinstance(value, list):
        return CommentedSeq(_node(item) for item in value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value if value.endswith("\n") else value + "\n")
    return value


def _apply(raw: Any, old: Any, new: Any) -> Any:
    """``raw`` (the file's node for ``old``) changed where ``new`` differs from ``old``."""
    if old == new:
        return raw
    if isinstance(raw, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        # the file's own keys, by the text canonical data has (a year 2025 is "2025")
        written = {str(key): key for key in raw}
        for key, value in new.items():
            if key in written and key in old:
                raw[written[key]] = _apply(raw[written[key]], old[key], value)
            elif key not in old or old[key] != value:  # not a default the file leaves out
                raw[written.get(key, key)] = _node(value)
        for key in [k for k in raw if str(k) in old and str(k) not in new]:
            del raw[key]
        return raw
    if isinstance(raw, CommentedSeq) and isinstance(old, list) and isinstance(new, list):
        if len(raw) != len(old):
            return _node(new)
        if _coded(old) and _coded(new):
            return _apply_by_code(raw, old, new)
        for index, value in enumerate(new):
            if index < len(raw):
                raw[index] = _apply(raw[index], old[index], value)
            else:
                raw.append(_node(value))
        del raw[len(new) :]
        return raw
    return _node(new)


def _coded(items: list[Any]) -> bool:
    codes = [item.get("code") for item in items if isinstance(item, dict)]
    return len(codes) == len(items) and all(codes) and len(set(codes)) == len(codes)


def _apply_by_code(raw: CommentedSeq, old: list[Any], new: list[Any]) -> CommentedSeq:
    """A list of items with codes (measures, objectives) matched by code, not position:
    deleting M-11 removes M-11 with its comment; M-12 keeps its own. Items stay where the
    file has them; new ones go after the item before them in the workbook."""
    by_code = {item["code"]: (node, item) for node, item in zip(raw, old, strict=True)}
    wanted = {item["code"] for item in new}
    for code in [code for code in by_code if code not in wanted]:
        node, _ = by_code.pop(code)
        raw.remove(node)  # its comment goes with it: ruamel keeps comments on the node
    previous: Any = None
    for item in new:
        found = by_code.get(item["code"])
        if found is None:
            node = _node(item)
            raw.insert(0 if previous is None else raw.index(previous) + 1, node)
        else:
            node = _apply(found[0], found[1], item)
            raw[raw.index(found[0])] = node
        previous = node
    return raw


def merge_into(path: str | os.PathLike[str], programme: Programme) -> tuple[str, bool]:
    """The text of the programme file at ``path`` with ``programme`` (from a workbook)
    merged in. A JSON file is written as canonical JSON (it holds no comments).

    Raises :class:`~handlungsprogramm.errors.ProgrammeLoadError` when the file itself
    does not load."""
    from handlungsprogramm.loading import file_format, load, loads, read_file
    from handlungsprogramm.migrate.tree import _newline, _read_yaml

    file = Path(path)
    if file_format(file) == "json":
        return canonical_json(programme), False
    before = load(file)
    body = read_file(file).decode("utf-8")
    document, yaml, _ = _read_yaml(body, _newline(body))
    _apply(document, canonical_data(before), canonical_data(programme))
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    merged = loads(text.encode("utf-8"), name=str(file), base_dir=file.parent)
    if canonical_json(merged) != canonical_json(programme):  # a shape the tree did not follow
        from handlungsprogramm.workbook import canonical_yaml

        return canonical_yaml(programme), False
    return text, True
