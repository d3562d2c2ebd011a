"""Programmes as workbooks: every example survives export and import unchanged, and a
wrong value in a workbook is reported at its sheet and cell, with exit 2 and nothing
written. Workbooks are read back with openpyxl; one is opened and saved by LibreOffice
Calc, as a coordinator's would be."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from handlungsprogramm import from_data, load
from handlungsprogramm.cli import app
from handlungsprogramm.errors import ExportError, ProgrammeLoadError
from handlungsprogramm.workbook import (
    canonical_data,
    canonical_json,
    canonical_yaml,
    from_workbook,
    to_workbook,
)
from handlungsprogramm.workbook.layout import tables, walk
from handlungsprogramm.workbook.write import MAX_CELL_CHARACTERS, storable
from tests.conftest import ROOT
from tests.strategies import Edit, edited_programmes, get_path, plain_words

EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_example_round_trips_unchanged(example: Path) -> None:
    """Export to a workbook, read it back: the same canonical JSON; the same through
    the canonical YAML that ``import`` writes."""
    programme = load(example)
    again = from_workbook(to_workbook(programme), "book.xlsx")
    assert canonical_json(again) == canonical_json(programme)
    from handlungsprogramm import loads

    assert canonical_json(loads(canonical_yaml(again).encode(), name="x.yaml")) == (
        canonical_json(programme)
    )


def test_every_list_of_the_input_format_has_its_sheet() -> None:
    """The sheets come from the input format, so an empty list still has its sheet to
    fill in; each sheet name is one Excel accepts."""
    book = load_workbook(io.BytesIO(to_workbook(load(EXAMPLES[0]))))
    names = [table.sheet for table in walk(tables())]
    assert book.sheetnames[0] == "Liesmich · Read me"
    assert names == book.sheetnames[1 : len(names) + 1]
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)
    assert len(set(names)) == len(names)
    assert book["_handlungsprogramm"].sheet_state == "hidden"


def _cells(sheet: Worksheet) -> dict[str, int]:
    """Each column by the field name its header ends with (``Säule / Pilar · pillar`` →
    ``pillar``); a key column (``↑ Maßnahmen``) and a column per language
    (``title (es)``) as shown."""
    found: dict[str, int] = {}
    for cell in sheet[1]:
        head = str(cell.value)
        found[head.rpartition(" · ")[2] if " · " in head else head] = int(cell.column or 0)
    return found


def test_cells_are_typed_for_a_spreadsheet() -> None:
    """Months and dates are date cells, amounts numbers with their decimals shown, each
    choice has a drop-down list, and the header row stays in view."""
    programme = load(ROOT / "examples" / "marburg-sucre" / "programme.yaml")
    book = load_workbook(io.BytesIO(to_workbook(programme)))
    measures = book["Maßnahmen"]
    columns = _cells(measures)
    start = measures.cell(2, columns["timeline.start"])
    assert isinstance(start, Cell)
    assert start.is_date
    assert start.number_format == "yyyy-mm"
    money = book["Finanzmittel"]
    amounts = [money.cell(row, _cells(money)["amount"]) for row in range(2, money.max_row + 1)]
    assert all(isinstance(cell.value, int | float) for cell in amounts)
    assert any(cell.number_format == "#,##0.00" for cell in amounts)  # 210000.00 BOB
    lists = {str(rule.sqref): rule.formula1 for rule in measures.data_validations.dataValidation}
    pillar = get_column_letter(columns["pillar"])
    assert lists[f"{pillar}2:{pillar}500"] == '"mitigation,adaptation,both"'
    assert measures.freeze_panes == "A2"
    assert "title (es)" in columns  # a column per language
    headers = [str(cell.value) for cell in measures[1]]
    assert "Säule / Pilar · pillar" in headers  # both languages, and the field's name
    assert "Titel / Título · title (es)" in headers


def _edited(edit: Callable[[Workbook], None]) -> bytes:
    book = load_workbook(io.BytesIO(to_workbook(load(EXAMPLES[0]))))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _set(sheet: str, header: str, row: int, value: str) -> Callable[[Workbook], None]:
    def edit(book: Workbook) -> None:
        ws = book[sheet]
        ws.cell(row, _cells(ws)[header]).value = value

    return edit


@pytest.mark.parametrize(
    ("edit", "where", "words"),
    [
        (_set("Maßnahmen", "pillar", 3, "mitigatoin"), "Maßnahmen!", "did you mean 'mitigation'"),
        (_set("Maßnahmen", "timeline.start", 2, "2025-13"), "Maßnahmen!", "month"),
        (_set("Finanzmittel", "amount", 2, "zwölf"), "Finanzmittel!", "expected a number"),
        (_set("Finanzmittel", "currency", 2, "EURO"), "Finanzmittel!", "currency"),
        (
            _set("Operative Ziele", "indicator.target.year", 2, "bald"),
            "Operative Ziele!N2",
            "whole",
        ),
        (_set("Beschlüsse", "date", 2, "gestern"), "Beschlüsse!", "date"),
        (_set("Meilensteine", "↑ Maßnahmen", 2, "M-99"), "Meilensteine!A2", "no row 'M-99'"),
        (_set("Programm", "value", 5, "=1+1"), "Programm!", "no calculated value"),
    ],
    ids=["enum", "month", "amount", "currency", "integer", "date", "parent", "formula"],
)
def test_a_wrong_cell_is_reported_at_its_sheet_and_cell(
    edit: Callable[[Workbook], None], where: str, words: str
) -> None:
    with pytest.raises(ProgrammeLoadError) as caught:
        from_workbook(_edited(edit), "book.xlsx")
    shown = [f"{p.location}: {p.message('en')}" for p in caught.value.problems]
    assert any(where in line and words in line for line in shown), shown
    assert all(line.startswith("book.xlsx:") for line in shown), shown


def test_a_text_starting_with_an_equals_sign_stays_text() -> None:
    """openpyxl writes ``=…`` as a formula; the export keeps it a text (no spreadsheet
    calculates, or runs, what a programme says)."""
    data = canonical_data(load(EXAMPLES[0]))
    data["title"]["de"] = '=HYPERLINK("http://example.org")'
    programme = from_data(data)
    content = to_workbook(programme)
    cell = load_workbook(io.BytesIO(content))["Programm"]["C3"]
    assert cell.data_type == "s"
    assert canonical_json(from_workbook(content, "book.xlsx")) == canonical_json(programme)


def test_a_text_longer_than_a_cell_holds_is_refused_not_cut(tmp_path: Path) -> None:
    data = canonical_data(load(EXAMPLES[0]))
    data["vision"]["de"] = "Klimaschutz. " * 3000
    source = tmp_path / "p.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(source), "--out", str(tmp_path / "b.xlsx")],
                                env=ENV)  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "error HP911: vision.de has a text of 38,999 characters" in result.stderr
    assert not (tmp_path / "b.xlsx").exists()


def test_a_code_given_twice_is_named() -> None:
    def twice(book: Workbook) -> None:
        ws = book["Maßnahmen"]
        code = _cells(ws)["code"]
        ws.cell(3, code).value = ws.cell(2, code).value

    with pytest.raises(ProgrammeLoadError) as caught:
        from_workbook(_edited(twice), "book.xlsx")
    assert any("is given twice in 'Maßnahmen'" in p.message("en") for p in caught.value.problems)


def test_import_refuses_with_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(_edited(_set("Maßnahmen", "pillar", 2, "beides")))
    out = tmp_path / "programme.yaml"
    result = CliRunner().invoke(app, ["import", str(book), "--out", str(out)],
                                env={**ENV, "HANDLUNGSPROGRAMM_LANG": "de"})  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "book.xlsx:Maßnahmen!" in result.stderr
    assert "Fehler HP013" in result.stderr
    assert not out.exists()


def test_not_a_workbook_is_a_clear_error(tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_text("title: not a workbook\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(book), "--out", str(tmp_path / "p.yaml")],
                                env=ENV)  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "not a readable .xlsx workbook" in result.stderr
    assert "Traceback" not in result.output


def test_export_and_import_through_the_command_line(tmp_path: Path) -> None:
    example = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"
    book, back = tmp_path / "p.xlsx", tmp_path / "p.yaml"
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(example), "--out", str(book)], env=ENV)
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["export", str(example), "--out", str(book)], env=ENV)
    assert again.exit_code == 3  # a workbook edited at a workshop is never overwritten
    assert "HP904" in again.stderr
    result = runner.invoke(app, ["import", str(book), "--out", str(back)], env=ENV)
    assert result.exit_code == 0, result.output
    assert canonical_json(load(back)) == canonical_json(load(example))
    exported = runner.invoke(app, ["export", str(example), "--to", "json"], env=ENV)
    assert exported.stdout == canonical_json(load(example))


@pytest.mark.slow
def test_a_workbook_saved_by_libreoffice_calc_reads_back_unchanged(tmp_path: Path) -> None:
    """Calc opens the exported workbook and saves it again (as a coordinator's Calc
    would); the programme read from Calc's file is the exported one — a text that
    starts with ``=`` included, which stays text rather than becoming a formula."""
    data = canonical_data(load(ROOT / "examples" / "jena-maputo" / "programme.yaml"))
    data["measures"][0]["title"]["pt"] = "=1+1 (não é uma fórmula)"
    programme = from_data(data)
    source = tmp_path / "in" / "book.xlsx"
    source.parent.mkdir()
    source.write_bytes(to_workbook(programme))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "out"),
         str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    saved = (tmp_path / "out" / "book.xlsx").read_bytes()
    assert canonical_json(from_workbook(saved, "book.xlsx")) == canonical_json(programme)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited=edited_programmes(texts=plain_words(), max_edits=4))
def test_generated_programmes_round_trip(edited: tuple[dict[str, Any], list[Edit]]) -> None:
    """Programmes with every optional field filled and drawn words in any text field
    come back from their workbook unchanged."""
    data, _ = edited
    programme = from_data(data)
    again = from_workbook(to_workbook(programme), "book.xlsx")
    assert canonical_json(again) == canonical_json(programme)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited=edited_programmes(max_edits=2))
@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")  # long texts' repr
def test_any_text_exports_and_reads_back_as_a_cell_can_hold_it(
    edited: tuple[dict[str, Any], list[Edit]],
) -> None:
    """Hostile text (control characters, markup, emoji, right-to-left marks …) never
    breaks the export; what comes back is the text without what no cell can hold."""
    data, edits = edited
    try:
        programme = from_data(data)
    except ProgrammeLoadError:
        return  # a text the input format itself refuses (tested in test_text_properties)
    if any(len(text) > MAX_CELL_CHARACTERS for _, text in edits):
        with pytest.raises(ExportError, match="a workbook cell holds at most 32,767"):
            to_workbook(programme)
        return
    again = from_workbook(to_workbook(programme), "book.xlsx")
    for path, _text in edits:
        before = get_path(canonical_data(programme), path)
        if not isinstance(before, str) or not storable(before).strip():
            continue  # an empty text and a missing one are the same open translation
        after = get_path(canonical_data(again), path)
        assert after in (storable(before), storable(before).strip())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_import_into_an_unchanged_file_changes_no_byte(example: Path, tmp_path: Path) -> None:
    """``import --into``: a workbook nobody edited leaves the file as it was, its
    comments, quotes and order included."""
    target = tmp_path / "programme.yaml"
    shutil.copy(example, target)
    book = tmp_path / "book.xlsx"
    book.write_bytes(to_workbook(load(example)))
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(target)], env=ENV)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == example.read_bytes()


def test_import_into_changes_only_what_the_workshop_changed(tmp_path: Path) -> None:
    example = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"
    target = tmp_path / "programme.yaml"
    shutil.copy(example, target)

    def workshop(book: Workbook) -> None:
        ws = book["Maßnahmen"]
        ws.cell(2, _cells(ws)["title (de)"]).value = "Solarpumpen für alle Bohrbrunnen"
        ws.cell(3, _cells(ws)["priority"]).value = "medium"

    book = tmp_path / "book.xlsx"
    source = load_workbook(io.BytesIO(to_workbook(load(example))))
    workshop(source)
    source.save(book)
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(target)], env=ENV)
    assert result.exit_code == 0, result.output
    before = example.read_text(encoding="utf-8").splitlines()
    after = target.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert [b.strip() for _, b in changed] == [
        "de: Solarpumpen für alle Bohrbrunnen",
        "priority: medium",
    ]
    assert after[0].startswith("# ====")  # the file's comments stay


def test_import_needs_one_target(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["import", str(tmp_path / "b.xlsx")], env=ENV)
    assert result.exit_code == 2
    assert "HP929" in result.stderr


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (_set("Beteiligte", "name", 2, "Beide"), "filled both as one text for all languages"),
        (lambda book: book.remove(book["Meilensteine"]), "the sheet 'Meilensteine' is missing"),
        (
            lambda book: setattr(book["Maßnahmen"]["A1"], "value", "Code · kode"),
            "has no column code",
        ),
    ],
    ids=["union-both", "missing-sheet", "missing-column"],
)
def test_what_would_be_lost_silently_is_refused(
    edit: Callable[[Workbook], None], words: str
) -> None:
    """A cell filled both ways, a deleted sheet, a renamed column: nothing is dropped
    without a word (the names before `` · `` in a header may change freely)."""
    with pytest.raises(ProgrammeLoadError) as caught:
        from_workbook(_edited(edit), "book.xlsx")
    messages = [p.message("en") for p in caught.value.problems]
    assert any(words in m for m in messages), messages
    assert not any("has no row" in m for m in messages), messages  # no follow-on noise


def test_renaming_the_names_in_a_header_is_harmless() -> None:
    def rename(book: Workbook) -> None:
        cell = book["Maßnahmen"].cell(1, _cells(book["Maßnahmen"])["priority"])
        cell.value = "Wichtigkeit · priority"

    again = from_workbook(_edited(rename), "book.xlsx")
    assert canonical_json(again) == canonical_json(load(EXAMPLES[0]))


def test_a_damaged_workbook_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    import zipfile

    good = to_workbook(load(EXAMPLES[0]))
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(damaged, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet3.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            target.writestr(entry, data)
    book = tmp_path / "book.xlsx"
    book.write_bytes(damaged.getvalue())
    result = CliRunner().invoke(app, ["import", str(book), "--out", str(tmp_path / "p.yaml")],
                                env=ENV)  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "not a readable .xlsx workbook" in result.stderr


def test_import_into_deletes_a_measure_by_its_code(tmp_path: Path) -> None:
    """Measures are matched by code, not position: deleting one removes it with its
    comment, and the next keeps its own."""
    example = ROOT / "examples" / "jena-maputo" / "programme.yaml"
    target = tmp_path / "programme.yaml"
    shutil.copy(example, target)

    def without_m11(book: Workbook) -> None:
        measures = book["Maßnahmen"]
        code = _cells(measures)["code"]
        row = next(
            r for r in range(2, measures.max_row + 1) if measures.cell(r, code).value == "M-11"
        )
        measures.delete_rows(row)
        for name in ("Beteiligte", "Personal", "Finanzmittel", "Gesamtkosten", "Meilensteine"):
            sheet = book[name]
            for r in range(sheet.max_row, 1, -1):
                if sheet.cell(r, 1).value == "M-11":
                    sheet.delete_rows(r)

    source = load_workbook(io.BytesIO(to_workbook(load(example))))
    without_m11(source)
    book = tmp_path / "book.xlsx"
    source.save(book)
    result = CliRunner().invoke(app, ["import", str(book), "--into", str(target)], env=ENV)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "code: M-11" not in text
    assert [m.code for m in load(target).measures] == [
        m.code for m in load(example).measures if m.code != "M-11"
    ]
    before = example.read_text(encoding="utf-8").splitlines()
    assert len(text.splitlines()) < len(before)
    assert "note:" not in result.stderr  # the file kept its layout and comments
