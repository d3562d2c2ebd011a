"""Migration without steps: the ``schema_version:`` line inserted into the text as it is.

Every change to the input format so far has been compatible, so this is what
``migrate`` does today: the original bytes are kept and one line (with its comment)
goes before the first key, the way ``init`` writes it. Kept apart from the tree
rewriting in :mod:`.tree` because it works on lines and positions, not on a parse.
"""

from __future__ import annotations

from typing import Any

from handlungsprogramm.loading import (
    Format,
)
from handlungsprogramm.location import SourceMap
from handlungsprogramm.migrate.tree import _KEY, _lines, _newline, _rewrite

VERSION_COMMENT = "Version of the input format; `handlungsprogramm migrate` updates older files."
"""The comment above ``schema_version:`` in files that ``init`` and ``migrate`` write."""


def _first_key_place(plain: dict[str, Any], source: SourceMap) -> tuple[int, int] | None:
    """Line and column (1-based) of the first top-level key as written, if it has one.

    The earliest position of any top-level key: with YAML merge keys a key's recorded
    place can be inside the merged mapping, which always comes later in the file.
    """
    places = [source.key((key,)) for key in plain]
    found = [(loc.line, loc.column) for loc in places if loc is not None]
    return min(found) if found else None


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _is_blank(line: str) -> bool:
    return not line.strip()


def _insert_version(
    body: str, fmt: Format, place: tuple[int, int] | None, version: int
) -> tuple[str, bool]:
    """``body`` with ``schema_version: version`` added before the first key (at
    ``place``), and whether anything else changed (only when the round-trip writer had
    to do it).

    A top-level mapping in flow style (``{title: …}``), a first key written after
    ``? `` or an anchor, or a mapping without keys cannot take a line of its own; it
    goes through the round-trip writer instead.
    """
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
