"""The programme as a workbook: written for workshops, read back with every problem at
its cell; and the programme as canonical JSON or YAML text.

:func:`to_workbook` and :func:`from_workbook` are the two directions; ``handlungsprogramm
export`` and ``import`` call them. Every example survives the trip unchanged: the
canonical JSON of the programme read back is the canonical JSON of the one written.
"""

from __future__ import annotations

import importlib
import io
import os
from typing import TYPE_CHECKING, Any

from handlungsprogramm.model import Programme

if TYPE_CHECKING:  # loaded on first use: openpyxl is not for ``check``, which reads layout
    from handlungsprogramm.workbook.read import CellLocation, from_workbook
    from handlungsprogramm.workbook.write import canonical_data, canonical_json, to_workbook

_LAZY = {
    "CellLocation": "handlungsprogramm.workbook.read",
    "from_workbook": "handlungsprogramm.workbook.read",
    "canonical_data": "handlungsprogramm.workbook.write",
    "canonical_json": "handlungsprogramm.workbook.write",
    "to_workbook": "handlungsprogramm.workbook.write",
}

__all__ = [
    "MAX_WORKBOOK_BYTES",
    "CellLocation",
    "canonical_data",
    "canonical_json",
    "canonical_yaml",
    "from_workbook",
    "load_workbook_file",
    "to_workbook",
]

MAX_WORKBOOK_BYTES = 64 * 1024 * 1024
"""Largest workbook read (64 MiB; an exported programme has some hundred KB)."""


if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """Import the module of a name on first access (:pep:`562`): the translation
        notes and ``check`` use the sheet names without loading openpyxl."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}", name=name)
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def load_workbook_file(path: str | os.PathLike[str]) -> Programme:
    """The programme in the workbook at ``path``; a ProgrammeLoadError says why not (a
    file that cannot be read as HP001/HP002, as for a YAML file)."""
    from handlungsprogramm.loading import read_file
    from handlungsprogramm.workbook.read import from_workbook

    return from_workbook(read_file(path, MAX_WORKBOOK_BYTES), os.fspath(path))


def canonical_yaml(programme: Programme) -> str:
    """The programme as a YAML file to go on editing: the canonical data, in the input
    format's order, long texts as blocks (``|``), ready for ``check`` and ``build``."""
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    def blocks(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: blocks(item) for key, item in value.items()}
        if isinstance(value, list):
            return [blocks(item) for item in value]
        if isinstance(value, str) and "\n" in value:
            return LiteralScalarString(value if value.endswith("\n") else value + "\n")
        return value

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.allow_unicode = True
    out = io.StringIO()
    from handlungsprogramm.workbook.write import canonical_data

    yaml.dump(blocks(canonical_data(programme)), out)
    return out.getvalue()
