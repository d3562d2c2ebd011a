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

The registry, the entry points and the read-back live here; the two ways of editing
a file are :mod:`.insert` (one line into the text) and :mod:`.tree` (steps on the
round-trip tree).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.loading import (
    Format,
    declared_version,
    file_format,
    read_data,
    read_file,
)
from handlungsprogramm.migrate.insert import VERSION_COMMENT, _first_key_place, _insert_version
from handlungsprogramm.migrate.tree import _KEY, Step, _rewrite
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


STEPS: dict[int, Step] = {}
"""The registered steps by the format they start from: ``STEPS[n]`` turns format *n*
into *n + 1*. Empty while every change to the format has been compatible."""


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
        body, relaid = _insert_version(body, fmt, _first_key_place(plain, source), target)
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
        new_body, again = _insert_version(new_body, fmt, _first_key_place(plain, source), target)
        relaid = relaid or again
    return new_body, relaid


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
