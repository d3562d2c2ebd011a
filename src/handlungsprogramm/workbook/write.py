"""Write a programme as a workbook (.xlsx) to fill in at a workshop.

One sheet per list of the input format (see :mod:`.layout`), one row per item, the
codes of the items it belongs to in its first columns; the programme's own fields on
the first sheet, one per row. Texts get a column per language, money is a number with
its currency beside it, months and dates are real date cells, every choice has a
drop-down list. A hidden sheet records the input format's version and the languages,
which :mod:`.read` checks.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from handlungsprogramm.model import Programme
from handlungsprogramm.render.sanitize import clean_text
from handlungsprogramm.workbook.layout import Column, Table, tables, walk
from handlungsprogramm.workbook.words import SHEET_NOTES, header_name

__all__ = [
    "META_SHEET",
    "canonical_data",
    "canonical_json",
    "headers",
    "items",
    "number_format",
    "to_workbook",
]

META_SHEET = "_handlungsprogramm"
"""The hidden sheet with the input format's version and the languages."""

README_SHEET = "Liesmich · Read me"
"""The first sheet: how to fill in the workbook, in German and English."""

_HEAD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DCE9E4")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_ROWS_WITH_LISTS = 500
"""Rows that get the drop-down lists: far more than a programme has items."""


def canonical_data(programme: Programme) -> dict[str, Any]:
    """The programme as plain data that :func:`~handlungsprogramm.from_data` accepts:
    field order as the input format, money and other exact numbers as strings."""
    data: dict[str, Any] = programme.model_dump(mode="json", exclude_none=True)
    return data


def canonical_json(programme: Programme) -> str:
    """:func:`canonical_data` as JSON text: the same programme always gives the same text."""
    return json.dumps(canonical_data(programme), ensure_ascii=False, indent=2) + "\n"


def headers(table: Table, languages: list[str]) -> list[tuple[str, Column | None, str | None]]:
    """Every column of ``table``'s sheet: its header, the value it holds and its language.

    The first columns (``Column`` None) name the items a row belongs to; a text has a
    column per language (``title (de)``), a text that may be one plain string also a
    column without a language (``name``)."""
    out: list[tuple[str, Column | None, str | None]] = []
    for ancestor in _ancestors(table):
        out.append((f"↑ {ancestor.sheet}", None, None))
    partner = languages[-1]
    for column in table.columns:
        head = f"{header_name(column.path, partner)} · {column.name}"
        if column.kind == "union":
            out.append((head, column, None))
        if column.kind in ("text", "union"):
            out += [(f"{head} ({lang})", column, lang) for lang in languages]
        else:
            out.append((head, column, None))
    return out


def _ancestors(table: Table) -> list[Table]:
    """The tables whose items a row of ``table`` belongs to, outermost first."""
    chain: list[Table] = []

    def find(node: Table, trail: list[Table]) -> bool:
        if node is table:
            chain.extend(trail)
            return True
        return any(find(child, [*trail, node]) for child in node.children)

    find(tables(), [])
    return chain[1:]  # the programme itself is not a key


def value_at(item: dict[str, Any], path: tuple[str, ...]) -> Any:
    """The value at ``path`` in plain data, None where the path does not lead."""
    for part in path:
        if not isinstance(item, dict) or part not in item:
            return None
        item = item[part]
    return item


def items(data: dict[str, Any], table: Table) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every item of ``table`` in ``data`` with the keys of the items it belongs to: a
    code, or the item's position (``#2``) where it has none."""
    trail = [*_ancestors(table), table]
    yield from _descend(data, (), trail, 0)


def _descend(
    node: dict[str, Any], keys: tuple[str, ...], trail: list[Table], depth: int
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    table = trail[depth]
    parent_path = trail[depth - 1].path if depth else ()
    relative = table.path[len(parent_path) :]
    found = value_at(node, relative)
    for position, item in enumerate(found if isinstance(found, list) else [], start=1):
        if depth == len(trail) - 1:
            yield keys, item
        else:
            key = str(item.get("code")) if table.keyed else f"#{position}"
            yield from _descend(item, (*keys, key), trail, depth + 1)


def _cell(column: Column, value: Any) -> Any:
    """A value as a cell: a real date for a month or a date, a number for an amount."""
    if value is None:
        return None
    if column.kind == "month" and isinstance(value, str) and len(value) == 7:
        return dt.date(int(value[:4]), int(value[5:]), 1)
    if column.kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if column.kind == "number" and isinstance(value, str):
        return Decimal(value)
    if column.kind == "list" and isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if column.kind == "mapping" and isinstance(value, dict):
        return "; ".join(f"{key}: {amount}" for key, amount in value.items()) or None
    return value


def number_format(value: Any) -> str | None:
    """The display format that keeps an exact amount's written decimals (``210000.00``
    shows and reads back as such), with thousands separated; None for other values."""
    if not isinstance(value, str):
        return None
    places = len(value.partition(".")[2])
    return "#,##0" + ("." + "0" * places if places else "")


def storable(value: Any) -> Any:
    """``value`` as a cell can hold it: each character XML forbids (control characters,
    which Excel cannot store either) replaced by U+FFFD, which shows the coordinator
    that something was there and keeps a name of nothing but such characters non-empty."""
    return clean_text(value) if isinstance(value, str) else value


def _values(item: dict[str, Any], spec: list[tuple[str, Column | None, str | None]],
            keys: tuple[str, ...]) -> list[Any]:  # fmt: skip
    row: list[Any] = list(keys)
    for _, column, lang in spec[len(keys) :]:
        assert column is not None  # noqa: S101 - key columns come first
        value = value_at(item, column.path)
        if column.kind in ("text", "union"):
            if lang is None:  # the plain-string column of a union
                row.append(value if isinstance(value, str) else None)
            else:
                row.append(value.get(lang) if isinstance(value, dict) else None)
        else:
            row.append(_cell(column, value))
    return [storable(value) for value in row]


def _style(sheet: Worksheet, spec: list[tuple[str, Column | None, str | None]]) -> None:
    for index, (head, column, lang) in enumerate(spec, start=1):
        letter = get_column_letter(index)
        wide = column is not None and column.kind in ("text", "union") and lang is not None
        # wide enough for its header, which wraps beyond 36 characters, and for the
        # values of a column that does not wrap (codes, ids), up to 80 characters
        longest = max((len(str(c.value)) for c in sheet[letter][1:] if c.value), default=0)
        fit = max(14, min(len(head) + 2, 36), min(longest + 2, 80))
        sheet.column_dimensions[letter].width = 48 if wide else fit
        for cell in sheet[letter][1:]:
            cell.alignment = _WRAP if wide else _TOP
            if column is not None and column.kind == "month":
                cell.number_format = "yyyy-mm"
            elif column is not None and column.kind == "date":
                cell.number_format = "yyyy-mm-dd"
        if column is not None and column.kind == "enum":
            rule = DataValidation(type="list", formula1=f'"{",".join(column.choices)}"')
            rule.add(f"{letter}2:{letter}{_ROWS_WITH_LISTS}")
            sheet.add_data_validation(rule)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = _HEAD, _HEAD_FILL, _WRAP
    sheet.row_dimensions[1].height = 30  # two lines: a long header wraps
    sheet.freeze_panes = "A2"
    _as_text(sheet)
    _fit_rows(sheet)
    _printable(sheet)


def _as_text(sheet: Worksheet) -> None:
    """A text that starts with ``=`` stays text: openpyxl would write it as a formula,
    which a spreadsheet would calculate (or a crafted one run)."""
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


def _fit_rows(sheet: Worksheet) -> None:
    """Rows as tall as their wrapped texts: neither Excel nor Calc measures the rows of a
    file on opening it, so a long text would otherwise run over the row below."""
    widths = {
        letter: (dimension.width or 10) for letter, dimension in sheet.column_dimensions.items()
    }
    for row in sheet.iter_rows(min_row=2):
        lines = 1
        for cell in row:
            wraps = cell.alignment is not None and cell.alignment.wrap_text
            if isinstance(cell.value, str) and cell.value and wraps:
                per_line = max(8, int(widths.get(cell.column_letter, 10) * 1.15))
                lines = max(
                    lines,
                    sum(max(1, -(-len(part) // per_line)) for part in cell.value.split("\n")),
                )
        sheet.row_dimensions[row[0].row or 0].height = min(409, 15 * lines)


def _printable(sheet: Worksheet) -> None:
    """Printed (or turned into a PDF), a sheet is landscape with its header row on every
    page; not shrunk to the page's width, which would make a wide sheet unreadable."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "1:1"


def _root_sheet(book: Workbook, root: Table, data: dict[str, Any], languages: list[str]) -> None:
    """The programme's own fields, one per row: field, a column per language, value."""
    sheet = book.create_sheet(root.sheet)
    value_head = f"{header_name(('value',), languages[-1])} · value"
    sheet.append([header_name(("field",), languages[-1]), "field", *languages, value_head])
    for column in root.columns:
        value = value_at(data, column.path)
        texts: list[Any] = [None] * len(languages)
        plain = None
        if column.kind in ("text", "union") and isinstance(value, dict):
            texts = [value.get(lang) for lang in languages]
        elif column.kind in ("text", "union"):
            plain = value
        else:
            plain = _cell(column, value)
        row = (header_name(column.path, languages[-1]), column.name, *texts, plain)
        sheet.append([storable(v) for v in row])
        shown = number_format(value) if column.kind == "number" else None
        value_cell = sheet.cell(sheet.max_row, len(languages) + 3)
        if shown is not None:
            value_cell.number_format = shown
        if column.kind == "month":
            value_cell.number_format = "yyyy-mm"
        elif column.kind == "date":
            value_cell.number_format = "yyyy-mm-dd"
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 26
    for index in range(3, len(languages) + 3):
        sheet.column_dimensions[get_column_letter(index)].width = 60
    sheet.column_dimensions[get_column_letter(len(languages) + 3)].width = 24
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP
    for cell in sheet[1]:
        cell.font, cell.fill = _HEAD, _HEAD_FILL
    sheet.freeze_panes = "C2"
    _as_text(sheet)
    _fit_rows(sheet)
    _printable(sheet)


def _read_me(book: Workbook, languages: list[str]) -> None:
    """The first sheet: how to fill in the workbook, and what each sheet holds."""
    sheet = book.create_sheet(README_SHEET)
    lines = [
        ("Liesmich", "Read me"),
        (
            "Diese Arbeitsmappe enthält ein gemeinsames Handlungsprogramm. Füllen Sie sie"
            " aus und lesen Sie sie mit `handlungsprogramm import MAPPE.xlsx --out"
            " programm.yaml` wieder ein; Fehler werden mit Blatt und Zelle gemeldet.",
            "This workbook holds a joint programme of action. Fill it in and read it back"
            " with `handlungsprogramm import BOOK.xlsx --out programme.yaml`; problems are"
            " reported with their sheet and cell.",
        ),
        (
            f"Texte stehen je Sprache in einer eigenen Spalte ({', '.join(languages)});"
            " die ersten Spalten (↑) nennen den Code des Eintrags, zu dem eine Zeile gehört."
            " Auswahlfelder haben eine Liste. Überschriften nicht ändern.",
            f"Texts have a column per language ({', '.join(languages)}); the first columns"
            " (↑) give the code of the item a row belongs to. Choices have a drop-down"
            " list. Do not change the headers.",
        ),
        ("", ""),
        ("Blatt / sheet", ""),
    ]
    for row in lines:
        sheet.append(list(row))
    for name, (german, english) in SHEET_NOTES.items():
        sheet.append([f"{name}: {german}", english])
    sheet.column_dimensions["A"].width = 80
    sheet.column_dimensions["B"].width = 80
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
    sheet["A1"].font = sheet["B1"].font = Font(bold=True, size=14)
    sheet["A5"].font = _HEAD
    _printable(sheet)


MAX_CELL_CHARACTERS = 32_767
"""The most characters a cell holds (Excel's limit; openpyxl cuts longer texts)."""


def _check_lengths(value: Any, path: tuple[str | int, ...] = ()) -> None:
    """Refuse a text no cell can hold, naming its field, rather than cut it."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_lengths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_lengths(item, (*path, index))
    elif isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
        from handlungsprogramm.errors import ExportError
        from handlungsprogramm.i18n.formatting import format_decimal
        from handlungsprogramm.location import format_path

        length = tuple(format_decimal(len(value), lang) for lang in ("en", "de"))
        raise ExportError("HP911", field=format_path(path), length=length)


def to_workbook(programme: Programme) -> bytes:
    """The programme as an .xlsx workbook (see the module's description).

    Raises :class:`~handlungsprogramm.errors.ExportError` (HP911) for a text longer
    than a cell holds."""
    data = canonical_data(programme)
    _check_lengths(data)
    languages = [str(lang) for lang in data["languages"]]
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    root = tables()
    _read_me(book, languages)
    _root_sheet(book, root, data, languages)
    for table in walk(root)[1:]:
        sheet = book.create_sheet(table.sheet)
        spec = headers(table, languages)
        sheet.append([head for head, _, _ in spec])
        for keys, item in items(data, table):
            sheet.append(_values(item, spec, keys))
            for index, (_, column, _lang) in enumerate(spec, start=1):
                if column is not None and column.kind == "number":
                    shown = number_format(value_at(item, column.path))
                    if shown is not None:
                        sheet.cell(sheet.max_row, index).number_format = shown
        _style(sheet, spec)
    meta = book.create_sheet(META_SHEET)
    meta.append(["schema_version", data.get("schema_version")])
    meta.append(["languages", "; ".join(languages)])
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
