"""Validating read data against a model: the programme, its input format, other files.

Shared by every way in (file, text, Python data) and by ``migrate`` and the form
mappings, which is why it sits apart from the readers: it sees plain data and a
source map, never YAML.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.loading.locate import _translate
from handlungsprogramm.location import SourceMap
from handlungsprogramm.model import Programme
from handlungsprogramm.model import programme as programme_module
from handlungsprogramm.model.programme import FIRST_SCHEMA_VERSION

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
