"""The JSON Schema describes the same format the loader accepts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from handlungsprogramm import json_schema, load
from handlungsprogramm.scaffold import scaffold
from tests.conftest import EXAMPLE, complete_data


def _as_json(value: Any) -> Any:
    """What an editor's YAML plug-in hands to the schema: dates as strings."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


EXAMPLES = sorted(EXAMPLE.parent.parent.glob("*/programme.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_examples_validate_against_schema(example: Path) -> None:
    """Every bundled example is valid under the published JSON Schema."""
    data = YAML(typ="safe").load(example.read_text(encoding="utf-8"))
    errors = list(_validator().iter_errors(_as_json(data)))
    assert errors == []
    assert load(example).measures  # and the loader agrees


def test_scaffold_validates_against_schema() -> None:
    """The init scaffold is valid under the schema too."""
    data = YAML(typ="safe").load(scaffold("A", "B", "SN", "fr", today=dt.date(2025, 1, 1)))
    assert list(_validator().iter_errors(_as_json(data))) == []


@pytest.mark.parametrize(
    ("path", "value", "keyword"),
    [
        (("measures", 0, "pillar"), "solar", "enum"),
        (("measures", 0, "colour"), "red", "additionalProperties"),
        (("period", "start"), "2025-13", "pattern"),
        (("partnership", "partner", "country"), "sn", "pattern"),
    ],
)
def test_schema_rejects_what_loader_rejects(
    path: tuple[str | int, ...], value: str, keyword: str
) -> None:
    """Typical mistakes are caught by the schema as well (editor squiggles)."""
    data = _as_json(complete_data())
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    errors = list(_validator().iter_errors(data))
    assert [e.validator for e in errors if e.validator == keyword] == [keyword], [
        e.message for e in errors
    ]
