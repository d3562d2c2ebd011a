"""Which sheets and columns a programme workbook has, derived from the input format.

The layout comes from the model's JSON Schema, not from a programme's data, so every
workbook has the same sheets and columns — an exported programme with no milestones
still has the milestone sheet to fill in at a workshop. The schema is read once:

* the programme's own fields (and the objects inside it that are not lists) are the
  rows of the first sheet, one field per row;
* every list of objects (fields of action, their strategic and operational objectives,
  measures, their money and milestones, adoptions …) is a sheet of its own, one row per
  item, with the codes of the items it belongs to in its first columns;
* inside an item, an object that is not a list is spread over columns
  (``lead.side``, ``timeline.start``), a text in each language over one column per
  language, a list of codes into one cell (``1.1.1; 1.1.2``), a mapping such as money
  by year into one cell (``2025: 40000; 2026: 60000``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Column", "Table", "tables"]

Kind = Literal[
    "text",
    "union",
    "string",
    "enum",
    "month",
    "date",
    "number",
    "integer",
    "bool",
    "list",
    "mapping",
]

_MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"

SHEET_NAMES: dict[tuple[str, ...], str] = {
    (): "Programm",
    ("baseline", "german", "challenges"): "Herausforderungen DE",
    ("baseline", "german", "hazards"): "Klimagefahren DE",
    ("baseline", "partner", "challenges"): "Herausforderungen Partner",
    ("baseline", "partner", "hazards"): "Klimagefahren Partner",
    ("fields_of_action",): "Handlungsfelder",
    ("fields_of_action", "strategic_objectives"): "Strategische Ziele",
    ("fields_of_action", "strategic_objectives", "operational_objectives"): "Operative Ziele",
    (
        "fields_of_action", "strategic_objectives", "operational_objectives", "indicator",
        "interim_targets",
    ): "Zwischenziele",
    (
        "fields_of_action", "strategic_objectives", "operational_objectives", "indicators",
    ): "Weitere Indikatoren",
    (
        "fields_of_action", "strategic_objectives", "operational_objectives", "indicators",
        "interim_targets",
    ): "Zwischenziele weiterer Ind.",
    ("measures",): "Maßnahmen",
    ("measures", "partners"): "Beteiligte",
    ("measures", "resources", "personnel"): "Personal",
    ("measures", "resources", "money"): "Finanzmittel",
    ("measures", "resources", "total_cost"): "Gesamtkosten",
    ("measures", "milestones"): "Meilensteine",
    ("adoptions",): "Beschlüsse",
    ("signatories",): "Unterzeichnende",
    ("abbreviations",): "Abkürzungen",
    ("references",): "Bezüge",
    ("funders",): "Fördermittelgeber",
    ("exchange_rates",): "Wechselkurse",
    ("translated_from",): "Übersetzungsstand",
}  # fmt: skip
"""The German name of each sheet (at most 31 characters, as Excel allows)."""

OPTIONAL_SHEETS: frozenset[tuple[str, ...]] = frozenset({("translated_from",)})
"""Sheets a workbook exported by an earlier version lacks: missing, they mean an empty
list (translation records came after the first workbooks went to workshops)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One value of an item: where it sits in the item (``("lead", "side")``) and its kind.

    ``text`` is a text in each language (a column per language); ``union`` a text that
    may instead be one plain string (a name that needs no translation: a column of its
    own beside the language columns); ``choices`` are the values of an ``enum``.
    """

    path: tuple[str, ...]
    kind: Kind
    choices: tuple[str, ...] = ()
    required: bool = False

    @property
    def name(self) -> str:
        """The column's field name as the input format writes it: ``lead.side``."""
        return ".".join(self.path)


@dataclass(slots=True)
class Table:
    """A sheet: the items of one list (or the programme itself, ``path == ()``)."""

    path: tuple[str, ...]
    columns: list[Column] = field(default_factory=list)
    children: list[Table] = field(default_factory=list)
    keyed: bool = False
    """Whether its items have a ``code`` that the rows of its children refer to."""

    @property
    def sheet(self) -> str:
        """The sheet's name."""
        return SHEET_NAMES.get(self.path) or " ".join(self.path)[-31:]


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str):
        resolved: dict[str, Any] = schema["$defs"][ref.rsplit("/", 1)[-1]]
        return resolved
    return node


def _options(schema: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of ``node`` (its ``anyOf``, nested ones flattened), ``null`` left out."""
    node = _resolve(schema, node)
    if "anyOf" not in node:
        return [node]
    found: list[dict[str, Any]] = []
    for option in node["anyOf"]:
        option = _resolve(schema, option)
        if option.get("type") == "null":
            continue
        found += _options(schema, option)
    return found


def _is_text(node: dict[str, Any]) -> bool:
    return node.get("title") == "Text" and "patternProperties" in node


def _kind(schema: dict[str, Any], node: dict[str, Any]) -> tuple[Kind, tuple[str, ...]] | None:
    """The kind of a value, or None for an object or a list of objects (not a cell)."""
    options = _options(schema, node)
    texts = [o for o in options if _is_text(o)]
    if texts:
        return ("union" if len(options) > 1 else "text"), ()
    types = {o.get("type") for o in options}
    if any(o.get("type") == "object" and "additionalProperties" in o and not o.get("properties")
           and isinstance(o["additionalProperties"], dict) for o in options):  # fmt: skip
        return "mapping", ()  # e.g. money by year: ``2025: 40000; 2026: 60000``
    if "object" in types:
        return None
    if "array" in types:
        items = _options(schema, next(o for o in options if o.get("type") == "array")["items"])
        if any(o.get("type") == "object" or _is_text(o) for o in items):
            return None
        return "list", ()
    enum = next((o for o in options if "enum" in o), None)
    if enum is not None:
        return "enum", tuple(str(v) for v in enum["enum"])
    if "number" in types:
        return "number", ()
    if "integer" in types:
        return "integer", ()
    if "boolean" in types:
        return "bool", ()
    if any(o.get("format") == "date" for o in options):
        return "date", ()
    if any(o.get("pattern") == _MONTH_PATTERN for o in options):
        return "month", ()
    return "string", ()


def _object_of(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    return next(
        (o for o in _options(schema, node) if o.get("type") == "object" and not _is_text(o)),
        None,
    )


def _list_item_object(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    array = next((o for o in _options(schema, node) if o.get("type") == "array"), None)
    if array is None:
        return None
    return _object_of(schema, array["items"])


def _fill(
    schema: dict[str, Any], table: Table, obj: dict[str, Any], prefix: tuple[str, ...]
) -> None:
    """Columns and child tables of ``table`` from the object ``obj`` at ``prefix`` in an item."""
    required = set(obj.get("required", ()))
    for name, node in obj.get("properties", {}).items():
        path = (*prefix, name)
        kind = _kind(schema, node)
        if kind is not None:
            table.columns.append(Column(path, kind[0], kind[1], name in required))
            continue
        item = _list_item_object(schema, node)
        if item is not None:
            child = Table((*table.path, *path))
            child.keyed = "code" in item.get("properties", {})
            _fill(schema, child, item, ())
            table.children.append(child)
            continue
        inner = _object_of(schema, node)
        if inner is not None:
            _fill(schema, table, inner, path)


@functools.cache
def tables() -> Table:
    """The root table (the programme's own fields) with every list's table under it."""
    from handlungsprogramm.schema import json_schema

    schema = json_schema()
    root = Table(())
    _fill(schema, root, schema, ())
    return root


def walk(table: Table) -> list[Table]:
    """``table`` and every table under it, parents before children."""
    found = [table]
    for child in table.children:
        found += walk(child)
    return found
