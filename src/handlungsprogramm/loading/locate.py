"""Locating validation errors: pydantic's errors mapped to problems at a place in the file.

Separate from reading and from validating because it only translates: a field path to
the line and column the reader recorded, the branches of a union merged into one
problem, a misspelt key answered with the closest allowed one.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, RootModel
from pydantic_core import ErrorDetails

from handlungsprogramm.errors import LoadProblem
from handlungsprogramm.location import Path, SourceLocation, SourceMap, data_path
from handlungsprogramm.model import Programme

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
