"""Read a programme back from a workbook, every problem located at its sheet and cell.

The sheets are read into the same plain data a YAML file gives (see :mod:`.layout`);
the loader's validation then reports what is wrong by field path, and each path is
turned back into the cell it came from (``Maßnahmen!F12``). What only the workbook
can get wrong — a row of a sheet that names an item no other sheet has, a code given
twice, a formula whose value was never calculated, a cell that is not a date — is
found here, all at once, before anything is validated.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from handlungsprogramm.errors import LoadProblem, ProgrammeLoadError
from handlungsprogramm.location import SourceLocation
from handlungsprogramm.model import Programme
from handlungsprogramm.workbook.layout import OPTIONAL_SHEETS, Column, Table, tables, walk
from handlungsprogramm.workbook.write import headers, value_at

__all__ = ["CellLocation", "from_workbook"]

_Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class CellLocation(SourceLocation):
    """A cell of a workbook: ``programme.xlsx:Maßnahmen!F12`` (``line`` is the row,
    ``column`` the column's number, so tools that read lines and columns still can)."""

    sheet: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.sheet}!{get_column_letter(self.column)}{self.line}"


class _Reader:
    """One workbook being read: the data built so far, where each value came from, and
    the problems found."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.data: dict[str, Any] = {}
        self.cells: dict[_Path, CellLocation] = {}
        self.problems: list[LoadProblem] = []
        self.unread: set[tuple[str, ...]] = set()
        """Tables that could not be read: their children's rows are not judged."""
        self.keyed: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[_Path, dict[str, Any]]] = {}
        """For each table path and item keys: the item's data path and its dict."""

    def at(self, sheet: str, row: int, column: int) -> CellLocation:
        return CellLocation(self.name, row, column, sheet)

    def problem(self, kind: str, where: CellLocation, **ctx: object) -> None:
        """Record a problem of the workbook itself (HP013, an invalid value) at ``where``."""
        self.problems.append(LoadProblem("HP013", kind, (), where, dict(ctx)))


def _value(column: Column, raw: Any, shown: str = "General") -> Any:
    """A cell's value as the input format writes it (None for an empty cell); ``shown``
    is the cell's number format, whose decimals an exact amount keeps."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if column.kind == "month":
        if isinstance(raw, dt.datetime | dt.date):
            return f"{raw.year:04d}-{raw.month:02d}"
        return str(raw).strip()
    if column.kind == "date":
        if isinstance(raw, dt.datetime):
            return raw.date().isoformat()
        if isinstance(raw, dt.date):
            return raw.isoformat()
        return str(raw).strip()
    if column.kind == "number":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int | float):
            # the shortest decimal that is this number, to the places its format shows
            number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
            places = len(shown.rpartition(".")[2]) if "." in shown else 0
            exponent = number.as_tuple().exponent
            fits = isinstance(exponent, int) and -exponent <= places
            if places and shown.endswith("0" * places) and fits:
                number = number.quantize(Decimal(1).scaleb(-places))
            return number
        return str(raw).strip()
    if column.kind == "integer" and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if column.kind == "list":
        return [part.strip() for part in str(raw).split(";") if part.strip()]
    if column.kind == "mapping":
        pairs = [part.partition(":") for part in str(raw).split(";") if part.strip()]
        return {key.strip(): amount.strip() for key, _, amount in pairs}
    if isinstance(raw, str):
        return raw.strip() if column.kind not in ("text", "union") else raw
    return raw


def _texts(cells: dict[str, Any]) -> dict[str, Any]:
    """A text's language cells as the input format has them: empty when every cell is;
    else every language, an empty cell as an empty text (``fr: ""``, a translation
    still to write), so a draft's placeholders survive the trip."""
    if all(value in (None, "") for value in cells.values()):
        return {}
    return {lang: "" if value is None else value for lang, value in cells.items()}


def _put(item: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    _get_or_dict(item, path[:-1])[path[-1]] = value


def _field_key(head: object) -> str:
    """What a header says about its column (``pillar``, ``title (fr)``, ``↑ Maßnahmen``):
    the part after `` · ``; the names before it may be edited without harm."""
    text = str(head or "").strip()
    return text.rpartition(" · ")[2].strip() if " · " in text else text


def _root_languages(reader: _Reader, book: Any, root: Table) -> list[str] | None:
    """The languages of the Programm sheet's text columns, from its header row
    (``field``, the languages, ``value``); None and a problem if it is not that."""
    header = [_field_key(cell.value) for cell in book[root.sheet][1]]
    if len(header) < 4 or header[1] != "field" or "value" not in header[3:]:
        reader.problem("workbook_bad_header", reader.at(root.sheet, 1, 1), sheet=root.sheet)
        return None
    return header[2 : header.index("value", 3)]


def _read_root(reader: _Reader, book: Any, root: Table, languages: list[str]) -> None:
    sheet: Worksheet = book[root.sheet]
    by_name = {column.name: column for column in root.columns}
    seen: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=2):
        name = row[1].value if len(row) > 1 else None
        if not isinstance(name, str) or not name.strip():
            continue
        column = by_name.get(name.strip())
        line = row[0].row or 0
        where = reader.at(root.sheet, line, 2)
        if column is None:
            reader.problem("workbook_unknown_field", where, field=name.strip())
            continue
        if column.name in seen:
            reader.problem("workbook_field_twice", where, field=column.name, row=seen[column.name])
            continue
        seen[column.name] = line
        cells = [row[i].value if i < len(row) else None for i in range(2, len(languages) + 3)]
        texts = _texts({lang: cells[i] for i, lang in enumerate(languages)})
        plain = cells[len(languages)]
        path: _Path = column.path
        if column.kind == "union" and texts and plain not in (None, ""):
            reader.problem("workbook_union_both", where, field=column.name)
            continue
        if column.kind in ("text", "union") and texts:
            _put(reader.data, column.path, texts)
            for i, lang in enumerate(languages):
                reader.cells[(*path, lang)] = reader.at(root.sheet, line, i + 3)
        else:
            cell = row[len(languages) + 2] if len(row) > len(languages) + 2 else None
            value = _value(column, plain, cell.number_format if cell is not None else "General")
            if value is not None:
                _put(reader.data, column.path, value)
        reader.cells[path] = reader.at(root.sheet, line, len(languages) + 3)


def _empty_texts(item: dict[str, Any], columns: list[Column]) -> None:
    """An empty cell of a required text is an empty text, as ``name: ''`` is in YAML
    (whether it may stay empty is for ``check`` to say, not for loading)."""
    for column in columns:
        if column.required and column.kind in ("string", "union"):
            holder = _get_existing(item, column.path[:-1])
            if holder is not None:
                holder.setdefault(column.path[-1], "")


def _read_table(
    reader: _Reader, book: Any, table: Table, languages: list[str], parent: Table
) -> None:
    if parent.path in reader.unread:
        reader.unread.add(table.path)  # its rows would all name items not read
        return
    if table.sheet not in book.sheetnames:
        if table.path in OPTIONAL_SHEETS:
            return
        reader.problem("workbook_missing_sheet", reader.at(table.sheet, 1, 1), sheet=table.sheet)
        reader.unread.add(table.path)
        return
    sheet: Worksheet = book[table.sheet]
    spec = headers(table, languages)
    found = [_field_key(cell.value) for cell in sheet[1]]
    position = {
        head: found.index(_field_key(head)) for head, _, _ in spec if _field_key(head) in found
    }
    missing = [_field_key(head) for head, _, _ in spec if head not in position]
    if missing:
        reader.problem(
            "workbook_missing_column", reader.at(table.sheet, 1, 1),
            columns=", ".join(missing), sheet=table.sheet,
        )  # fmt: skip
        reader.unread.add(table.path)
        return
    keys_count = sum(1 for _, column, _ in spec if column is None)
    relative = table.path[len(parent.path) :]
    counts: dict[tuple[str, ...], int] = {}
    for row in sheet.iter_rows(min_row=2):
        values = {head: row[i].value if i < len(row) else None for head, i in position.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        number = row[0].row or 0
        keys = tuple(str(values.get(head) or "").strip() for head, _, _ in spec[:keys_count])
        if keys_count:
            owner = reader.keyed.get((parent.path, keys))
            if owner is None:
                key_column = position.get(spec[keys_count - 1][0], 0) + 1
                reader.problem(
                    "workbook_unknown_parent", reader.at(table.sheet, number, key_column),
                    key=keys[-1] or "–", sheet=parent.sheet,
                )  # fmt: skip
                continue
            owner_path, owner_item = owner
        else:
            owner_path, owner_item = (), reader.data
        container: dict[str, Any] = owner_item
        for part in relative[:-1]:
            container = container.setdefault(part, {})
        rows = container.setdefault(relative[-1], [])
        path: _Path = (*owner_path, *relative, len(rows))
        item: dict[str, Any] = {}
        for head, column, lang in spec[keys_count:]:
            assert column is not None  # noqa: S101 - key columns come first
            if head not in position:
                continue
            index = position[head]
            where = reader.at(table.sheet, number, index + 1)
            raw = values[head]
            if column.kind in ("text", "union") and lang is not None:
                if raw not in (None, ""):
                    holder = _get_existing(item, column.path)
                    if column.kind == "union" and holder is None and value_at(item, column.path):
                        reader.problem("workbook_union_both", where, field=column.name)
                        continue
                    current = _get_or_dict(item, column.path)
                    current[lang] = raw
                    for other in languages:  # an empty cell is a translation still to write
                        current.setdefault(other, "")
                    reader.cells[(*path, *column.path, lang)] = where
                continue
            value = _value(column, raw, row[index].number_format)
            reader.cells[(*path, *column.path)] = where
            if value is not None:
                _put(item, column.path, value)
        _empty_texts(item, table.columns)
        rows.append(item)
        reader.cells[path] = reader.at(table.sheet, number, keys_count + 1)
        if table.keyed:
            code = str(item.get("code", "")).strip()
            key = (*keys, code)
            if (table.path, key) in reader.keyed:
                reader.problem(
                    "workbook_duplicate_code", reader.cells[path], code=code, sheet=table.sheet
                )
            reader.keyed[(table.path, key)] = (path, item)
        else:
            counts[keys] = counts.get(keys, 0) + 1
            reader.keyed[(table.path, (*keys, f"#{counts[keys]}"))] = (path, item)


def _get_existing(item: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any] | None:
    """The object at ``path`` in ``item`` if the row filled it, else None."""
    for part in path:
        found = item.get(part)
        if not isinstance(found, dict):
            return None
        item = found
    return item


def _get_or_dict(item: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    for part in path:
        item = item.setdefault(part, {})
    return item


def _locate(reader: _Reader, problem: LoadProblem) -> LoadProblem:
    """``problem`` at the cell its field path came from (the nearest one that did)."""
    path: _Path = problem.path
    while path and path not in reader.cells:
        path = path[:-1]
    where = reader.cells.get(path) if path else None
    return LoadProblem(problem.code, problem.kind, problem.path, where, dict(problem.ctx))


def from_workbook(content: bytes, name: str = "<workbook>") -> Programme:
    """The programme in a workbook as :func:`~.write.to_workbook` writes it.

    Raises :class:`~handlungsprogramm.errors.ProgrammeLoadError` with every problem,
    each at its sheet and cell."""
    from handlungsprogramm.loading import from_data

    reader = _Reader(name)
    try:
        book = load_workbook(io.BytesIO(content), data_only=True)
        formulas = load_workbook(io.BytesIO(content), data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise ProgrammeLoadError(
            [LoadProblem("HP004", "workbook_unreadable", (), None, {"reason": str(exc)})]
        ) from None
    _uncalculated(reader, book, formulas)
    root = tables()
    if root.sheet not in book.sheetnames:
        raise ProgrammeLoadError(
            [LoadProblem("HP007", "workbook_no_programme", (), None, {"sheet": root.sheet})]
        )
    found = _root_languages(reader, book, root)
    if found is None:
        raise ProgrammeLoadError(reader.problems)
    languages = found
    _read_root(reader, book, root, languages)
    _empty_texts(reader.data, root.columns)
    parents = {id(child): table for table in walk(root) for child in table.children}
    for table in walk(root)[1:]:
        _read_table(reader, book, table, languages, parents[id(table)])
    if reader.problems:
        raise ProgrammeLoadError(reader.problems)
    try:
        return from_data(reader.data)
    except ProgrammeLoadError as exc:
        raise ProgrammeLoadError([_locate(reader, p) for p in exc.problems]) from None


def _uncalculated(reader: _Reader, book: Any, formulas: Any) -> None:
    """A formula whose value was never calculated (a file written by a program, not
    saved from Excel or Calc) has no value to read: each such cell is a problem."""
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                formula = isinstance(cell.value, str) and cell.value.startswith("=")
                if formula and book[sheet.title][cell.coordinate].value is None:
                    reader.problem(
                        "workbook_formula_without_value",
                        reader.at(sheet.title, cell.row or 0, cell.column or 0),
                        formula=cell.value,
                    )
