"""Comparing two drafts: a set of edits on an example gives exactly those changes and
nothing else, identical drafts give none, and the change document is read back (Word
with python-docx; PDF with pdftotext, qpdf and pdffonts)."""

from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from handlungsprogramm import from_data, load
from handlungsprogramm.cli import app
from handlungsprogramm.diff import DIFF_FORMAT, Kind, compare
from handlungsprogramm.diff.document import change_docx
from handlungsprogramm.diff.words import Mark, word_diff
from handlungsprogramm.fingerprint import fingerprint, grouped
from handlungsprogramm.workbook import canonical_data, canonical_yaml
from tests.conftest import ROOT

PFINZTAL = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}


def _edited() -> tuple[dict[str, Any], set[tuple[str, str]]]:
    """Pfinztal with five edits, and the (kind, path) each must give."""
    data = canonical_data(load(PFINZTAL))
    measures = data["measures"]
    measures[1]["title"]["de"] = "Photovoltaik für Rathaus und Schulen in Kidira"
    measures[2]["resources"]["money"][0]["amount"] = "275000.00"
    removed = measures.pop(3)
    added = copy.deepcopy(measures[0])
    added["code"] = "M-18"
    measures.append(added)
    measures[4]["field_of_action"] = "3"
    expected = {
        ("changed", "measures[M-02].title.de"),
        ("changed", "measures[M-03].resources.money[0].amount"),
        ("removed", f"measures[{removed['code']}]"),
        ("added", "measures[M-18]"),
        ("moved", f"measures[{measures[4]['code']}]"),
    }
    return data, expected


def cli(*args: str, lang: str = "en") -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={**ENV, "HANDLUNGSPROGRAMM_LANG": lang})
    return result.exit_code, result.stdout, result.stderr


def test_a_set_of_edits_gives_exactly_those_changes() -> None:
    data, expected = _edited()
    changes = compare(load(PFINZTAL), from_data(data))
    assert {(c.kind.value, c.path) for c in changes.changes} == expected
    assert len(changes.changes) == len(expected)
    summary = changes.summary
    assert summary.measures[Kind.ADDED] == ["M-18"]
    assert summary.measures[Kind.REMOVED] == ["M-04"]
    assert summary.measures[Kind.CHANGED] == ["M-02", "M-03"]
    assert summary.measures[Kind.MOVED] == ["M-06"]
    moved = next(c for c in changes.changes if c.kind is Kind.MOVED)
    assert moved.old == {"field_of_action": "1", "objectives": ["1.2.3"]}
    assert moved.new == {"field_of_action": "3", "objectives": ["1.2.3"]}
    amount = next(c for c in changes.changes if c.path.endswith(".amount"))
    assert (amount.old, amount.new) == ("250000", "275000.00")


def test_identical_drafts_give_no_change_whatever_their_formatting(tmp_path: Path) -> None:
    """The same programme written anew (no comments, other quoting and order of keys
    within the format) is identical; so are 60000 and 60000.00."""
    programme = load(PFINZTAL)
    rewritten = tmp_path / "rewritten.yaml"
    rewritten.write_text(canonical_yaml(programme), encoding="utf-8")
    assert compare(programme, load(rewritten)).identical
    data = canonical_data(programme)
    data["measures"][0]["resources"]["money"][0]["amount"] += ".00"
    assert compare(programme, from_data(data)).identical
    code, out, _ = cli("diff", str(PFINZTAL), str(rewritten))
    assert code == 0
    assert "the two drafts say the same" in out


def test_amounts_are_compared_exactly() -> None:
    data = canonical_data(load(PFINZTAL))
    code, index, money = next(
        (m["code"], i, money) for m in data["measures"]
        for i, money in enumerate(m["resources"].get("money", [])) if not money.get("by_year")
    )  # fmt: skip
    money["amount"] = str(money["amount"]) + ".01"
    (change,) = compare(load(PFINZTAL), from_data(data)).changes
    assert change.path == f"measures[{code}].resources.money[{index}].amount"


def test_an_objective_moved_to_another_parent_is_one_change() -> None:
    data = canonical_data(load(PFINZTAL))
    fields = data["fields_of_action"]
    first, second = fields[0]["strategic_objectives"][0], fields[0]["strategic_objectives"][1]
    objective = first["operational_objectives"].pop(0)
    second["operational_objectives"].append(objective)
    changes = compare(load(PFINZTAL), from_data(data)).changes
    assert [(c.kind, c.path) for c in changes] == [
        (Kind.MOVED, f"fields_of_action[1].strategic_objectives[{second['code']}]"
                     f".operational_objectives[{objective['code']}]"),
    ]  # fmt: skip
    assert str(changes[0].old).startswith(
        f"fields_of_action[1].strategic_objectives[{first['code']}]"
    )


def test_removing_an_item_without_code_does_not_shift_the_others() -> None:
    data = canonical_data(load(PFINZTAL))
    measure = next(m for m in data["measures"] if len(m.get("milestones", [])) >= 2)
    gone = measure["milestones"].pop(0)
    changes = compare(load(PFINZTAL), from_data(data)).changes
    assert [(c.kind, c.path, c.old) for c in changes] == [
        (Kind.REMOVED, f"measures[{measure['code']}].milestones[0]", gone)
    ]


def test_a_text_changed_word_by_word() -> None:
    parts = word_diff(
        "Zwei Fachleute begleiten die Hausmeister.",
        "Drei Fachleute begleiten die Hausmeister in Ouidah.",
    )
    assert parts == [
        (Mark.DELETED, "Zwei"), (Mark.INSERTED, "Drei"),
        (Mark.SAME, " Fachleute begleiten die Hausmeister"), (Mark.INSERTED, " in Ouidah"),
        (Mark.SAME, "."),
    ]  # fmt: skip


def test_json_names_both_drafts_and_every_change(tmp_path: Path) -> None:
    data, expected = _edited()
    new = tmp_path / "new.yaml"
    new.write_text(canonical_yaml(from_data(data)), encoding="utf-8")
    code, out, _ = cli("diff", str(PFINZTAL), str(new), "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert result["format"] == DIFF_FORMAT
    assert result["old"] == {
        "file": str(PFINZTAL), "version": "1.0", "date": "2025-07-10",
        "fingerprint": fingerprint(load(PFINZTAL)),
    }  # fmt: skip
    assert result["new"]["fingerprint"] == fingerprint(load(new))
    assert {(c["kind"], c["path"]) for c in result["changes"]} == expected
    assert set(result["changes"][0]) == {"kind", "path", "old", "new"}
    assert result["summary"]["budget"]["EUR"] == {"old": "3060000", "new": "2590000.00"}


def test_text_report_in_german(tmp_path: Path) -> None:
    data, _ = _edited()
    new = tmp_path / "new.yaml"
    new.write_text(canonical_yaml(from_data(data)), encoding="utf-8")
    code, out, _ = cli("diff", str(PFINZTAL), str(new), lang="de")
    assert code == 1
    lines = out.splitlines()
    assert (
        lines[1] == "5 Änderung(en); Maßnahmen: 1 hinzugefügt, 1 entfernt, 2 geändert, 1 verschoben"
    )
    assert "Mittel in EUR: vorher 3.060.000,00 €, nachher 2.590.000,00 €" in lines
    assert (
        "~ measures[M-02].title.de: Photovoltaik für Rathaus[-, Gesundheitsposten-] und Schulen in Kidira"
        in lines
    )


def test_a_file_that_does_not_load_is_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    code, _, err = cli("diff", str(PFINZTAL), str(broken))
    assert code == 2
    assert "broken.yaml:" in err
    assert "Traceback" not in err


def test_the_change_document_is_read_back() -> None:
    data, _ = _edited()
    old, new = load(PFINZTAL), from_data(data)
    changes = compare(old, new, old_name="v1.yaml", new_name="v2.yaml")
    document = docx.Document(io.BytesIO(change_docx(changes, new)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Änderungen gegenüber der früheren Fassung" in text
    assert "Modifications par rapport à la version précédente" in text
    assert grouped(fingerprint(old)) in cells
    assert grouped(fingerprint(new)) in cells
    assert "Neue Maßnahmen\nNouvelles mesures" in cells
    assert "M-02, M-03" in cells
    assert "3.060.000,00\xa0€\n3\u202f060\u202f000,00\xa0€" in cells
    runs = [run for table in document.tables for row in table.rows for cell in row.cells
            for p in cell.paragraphs for run in p.runs]  # fmt: skip
    struck = [run.text for run in runs if run.font.strike]
    underlined = [run.text for run in runs if run.font.underline]
    assert ", Gesundheitsposten" in struck
    assert any(t.startswith("M-18 ") for t in underlined)
    assert any(t.startswith("M-04 ") for t in struck)


def test_identical_drafts_make_a_short_document() -> None:
    programme = load(PFINZTAL)
    document = docx.Document(io.BytesIO(change_docx(compare(programme, programme), programme)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Die beiden Fassungen sagen dasselbe. / Les deux versions disent la même chose." in text
    assert len(document.tables) == 1  # the versions only


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
def test_the_change_document_as_pdf(tmp_path: Path, layout: str) -> None:
    data, _ = _edited()
    new = tmp_path / "new.yaml"
    new.write_text(canonical_yaml(from_data(data)), encoding="utf-8")
    out = tmp_path / "changes.pdf"
    code, _, err = cli("diff", str(PFINZTAL), str(new), "--out", str(out), "--layout", layout)
    assert code == 1, err
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Änderungen gegenüber der früheren Fassung" in text
    assert grouped(fingerprint(load(new)))[:19] in text
    assert "Maßnahme M-02 › Titel" in text.replace("\n", " ")
    subprocess.run(["qpdf", "--check", str(out)], check=True, capture_output=True)
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout
    rows = [row.split() for row in fonts.splitlines()[2:]]
    assert rows
    assert all(row[-5] == "yes" for row in rows)  # embedded
    assert all("NotoSans" in row[0] for row in rows)  # one family: no glyph from elsewhere
    code, _, _ = cli("diff", str(PFINZTAL), str(new), "--out", str(out))
    assert code == 3  # never replaced without --force
    assert shutil.which("pdftoppm")


# -- what a review found (each reproduced before it was mended) --------------------------


def _changes(edit: Any) -> list[tuple[str, str]]:
    data = canonical_data(load(PFINZTAL))
    edit(data)
    return [(c.kind.value, c.path) for c in compare(load(PFINZTAL), from_data(data)).changes]


def test_a_new_order_of_the_measures_is_a_change() -> None:
    def swap(data: dict[str, Any]) -> None:
        data["measures"][0], data["measures"][1] = data["measures"][1], data["measures"][0]

    assert _changes(swap) == [("moved", "measures")]


def test_items_without_code_are_paired_by_likeness_not_position() -> None:
    def edit(data: dict[str, Any]) -> None:
        milestones = data["measures"][0]["milestones"]
        milestones.pop(0)
        milestones[0]["title"]["de"] += " (neu)"

    assert _changes(edit) == [
        ("changed", "measures[M-01].milestones[0].title.de"),
        ("removed", "measures[M-01].milestones[0]"),
    ]

    def partner(data: dict[str, Any]) -> None:
        partners = data["measures"][0]["partners"]
        partners[0]["role"]["de"] += " und mehr"
        partners.insert(0, {"name": "Neuer Partner", "role": {"de": "Beratung", "fr": "Conseil"}})

    assert _changes(partner) == [
        ("added", "measures[M-01].partners[0]"),
        ("changed", "measures[M-01].partners[1].role.de"),
    ]


def test_an_objective_moved_into_a_new_field_of_action_is_found() -> None:
    def edit(data: dict[str, Any]) -> None:
        first = data["fields_of_action"][0]["strategic_objectives"][0]
        moved = first["operational_objectives"].pop(1)
        moved["title"]["de"] += " neu"
        data["fields_of_action"].append({
            "code": "9", "title": {"de": "Neu", "fr": "Nouveau"},
            "strategic_objectives": [{"code": "9.1", "title": {"de": "Z", "fr": "Z"},
                                      "operational_objectives": [moved]}],
        })  # fmt: skip

    changes = _changes(edit)
    new = "fields_of_action[9].strategic_objectives[9.1].operational_objectives[1.1.2]"
    assert changes == [
        ("added", "fields_of_action[9]"),
        ("moved", new),
        ("changed", f"{new}.title.de"),
    ]


def test_an_empty_list_on_one_side_is_items_added_or_removed() -> None:
    draft = load(ROOT / "examples" / "drafts" / "lemgo-ouidah" / "programme.yaml")
    data = canonical_data(draft)
    data["measures"] = []
    changes = compare(from_data(data), draft)
    assert [(c.kind.value, c.path) for c in changes.changes] == [
        ("added", "measures[M-01]"), ("added", "measures[M-02]"),
    ]  # fmt: skip
    assert changes.summary.measures[Kind.ADDED] == ["M-01", "M-02"]


def test_a_text_that_became_one_name_is_compared_per_language() -> None:
    def edit(data: dict[str, Any]) -> None:
        money = data["measures"][0]["resources"]["money"][0]
        money["funding_source"] = {"de": money["funding_source"], "fr": "BMZ / FKKP (EG, fr)"}

    assert _changes(edit) == [("changed", "measures[M-01].resources.money[0].funding_source.fr")]


def test_a_removed_section_keeps_its_place_in_the_order() -> None:
    def edit(data: dict[str, Any]) -> None:
        del data["vision"]
        data["measures"][0]["title"]["de"] += "!"

    assert [path for _, path in _changes(edit)] == ["vision", "measures[M-01].title.de"]


def test_the_same_amounts_written_differently_are_explained() -> None:
    data = canonical_data(load(PFINZTAL))
    money = data["measures"][0]["resources"]["money"][0]
    money["amount"] = f"{money['amount']}.0"
    for year in money.get("by_year", {}):
        money["by_year"][year] = f"{money['by_year'][year]}.0"
    from handlungsprogramm.diff.report import report_lines

    changes = compare(load(PFINZTAL), from_data(data))
    assert changes.identical
    assert (
        "the fingerprints differ because numbers are written differently"
        in report_lines(changes, "en")[-1]
    )


def test_the_document_speaks_in_words_not_in_data() -> None:
    data, _ = _edited()
    data["measures"][2]["priority"] = "low"
    old, new = load(PFINZTAL), from_data(data)
    document = docx.Document(io.BytesIO(change_docx(compare(old, new), new)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Maßnahme M-03 › Priorität\nMesure M-03 › Priorité\n(geändert / modification)" in cells
    assert "Niedrig\nBasse" in cells
    assert "275.000,00\xa0€\n275\u202f000,00\xa0€" in cells  # money, with its currency
    assert not any("measures[" in cell for cell in cells)
    assert not any(cell in ("low", "high") for cell in cells)


def test_out_must_be_a_new_document(tmp_path: Path) -> None:
    copy_ = tmp_path / "v1.yaml"
    shutil.copy(PFINZTAL, copy_)
    for out in (tmp_path / "changes.txt", copy_):
        code, _, err = cli("diff", str(PFINZTAL), str(copy_), "--out", str(out), "--force")
        assert code == 2
        assert "HP939" in err
    assert copy_.read_bytes() == PFINZTAL.read_bytes()


def test_what_the_user_wrote_stays_literal_in_every_output() -> None:
    """A control character (which Word cannot store) becomes U+FFFD in the document and
    an escape in the terminal; markup and template syntax stay as written."""
    data = canonical_data(load(PFINZTAL))
    data["measures"][0]["title"]["de"] += " \x0b {{ x }} [red]rot[/red]"
    data["title"]["de"] += "\x01"
    old, new = load(PFINZTAL), from_data(data)
    changes = compare(old, new)
    from handlungsprogramm.diff.report import report_lines

    line = report_lines(changes, "en")[-1]
    assert line.endswith("{+ \\x0b {{ x }} [red]rot[/red]+}")
    document = docx.Document(io.BytesIO(change_docx(changes, new)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(cell.endswith("Kidira \ufffd {{ x }} [red]rot[/red]") for cell in cells)
