"""The coordinator scripts in examples/scripts run as they are, and their output is read back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT

SCRIPTS = ROOT / "examples" / "scripts"


def run_script(
    name: str, *args: str, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run one script as a coordinator would, with English messages and a wide terminal."""
    return subprocess.run(
        [sys.executable, str(SCRIPTS / name), *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "HANDLUNGSPROGRAMM_LANG": "en", "COLUMNS": "200"},
    )  # fmt: skip


@pytest.mark.slow
def test_embed_in_tool_renders_in_memory(tmp_path: Path) -> None:
    """embed_in_tool builds from Python data, checks, renders DOCX and PDF bytes, writes nothing."""
    result = run_script("embed_in_tool.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "check: ok=True ready_for_signing=True findings=[]"
    assert lines[1].startswith("docx: ")
    assert "draft=False" in lines[1]
    assert lines[2].startswith("pdf: ")
    assert lines[2].endswith("starts with b'%PDF-1.6'")
    assert list(tmp_path.iterdir()) == []  # no files in between


@pytest.mark.slow
def test_build_all_builds_every_example(tmp_path: Path) -> None:
    """build_all writes DOCX and PDF for every example and summarises them in a table."""
    out = tmp_path / "out"
    result = run_script("build_all.py", str(out), timeout=600)
    assert result.returncode == 0, result.stderr
    examples = sorted((ROOT / "examples").glob("*/programme.yaml"))
    assert len(list(out.glob("*.pdf"))) == len(examples)
    assert len(list(out.glob("*.docx"))) == len(examples)
    assert "Pfinztal – Commune de Kidira" in result.stdout
    assert "| 17 " in result.stdout.replace("│", "|")


@pytest.mark.slow
def test_sign_demo_signs_twice_and_verifies(tmp_path: Path) -> None:
    """sign_demo: two throw-away identities sign one after the other; pdfsig sees both valid."""
    out = tmp_path / "demo"
    result = run_script("sign_demo.py", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "signed-both.pdf", "signed-german.pdf", "unsigned.pdf",
    ]  # fmt: skip
    verified = [line for line in result.stdout.splitlines() if line.startswith("verified")]
    assert len(verified) == 2
    assert all(": ok (" in line for line in verified)
    # the keys lived in a temporary folder only
    assert not list(tmp_path.rglob("*.p12"))
    assert not list(tmp_path.rglob("*.pem"))
    for name, valid in (("unsigned.pdf", 0), ("signed-german.pdf", 1), ("signed-both.pdf", 2)):
        report = subprocess.run(
            ["pdfsig", str(out / name)], capture_output=True, text=True, check=False
        ).stdout
        assert report.count("Signature Validation: Signature is Valid.") == valid, name
    both = subprocess.run(["pdfsig", str(out / "signed-both.pdf")], capture_output=True, text=True)
    assert "Katrin Lehmann" in both.stdout
    assert "Abdoulaye Sow" in both.stdout


def test_fill_summary_form_fills_and_flattens(tmp_path: Path) -> None:
    """fill_summary_form: the fillable form carries the values; the flat one shows them as text."""
    out = tmp_path / "forms"
    result = run_script("fill_summary_form.py", str(out), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "measures              17" in result.stdout
    fields = PdfReader(out / "summary-form-filled.pdf").get_fields() or {}
    assert fields["partner_municipality"]["/V"] == "Commune de Kidira"
    assert fields["budget_eur"]["/V"] == "3.060.000,00\u00a0€"
    flat = PdfReader(out / "summary-form-flat.pdf")
    assert not flat.get_fields()
    text = subprocess.run(
        ["pdftotext", str(out / "summary-form-flat.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Commune de Kidira" in text
    assert "Katrin Lehmann" in text
    assert "55 550 000 F CFA" in text.replace("\u00a0", " ")


def test_export_workbooks_writes_one_workbook_per_example(tmp_path: Path) -> None:
    """export_workbooks: a workbook per example, each read back unchanged."""
    from openpyxl import load_workbook

    result = run_script("export_workbooks.py", str(tmp_path / "books"))
    assert result.returncode == 0, result.stderr
    books = sorted((tmp_path / "books").glob("*.xlsx"))
    assert [b.stem for b in books] == sorted(
        p.parent.name for p in ROOT.glob("examples/*/programme.yaml")
    )
    assert result.stdout.count("unchanged") == len(books)
    assert "CHANGED" not in result.stdout
    book = load_workbook(books[0], read_only=True)
    try:
        assert "Maßnahmen" in book.sheetnames
    finally:
        book.close()  # a read-only workbook keeps its file open until closed


@pytest.mark.parametrize(("to", "suffix"), [("xliff", "xlf"), ("po", "po")])
def test_export_translations_writes_what_is_missing_in_every_example(
    tmp_path: Path, to: str, suffix: str
) -> None:
    """export_translations writes a file for the draft (two French texts missing) and
    says 'nothing to translate' for the complete examples; the file is read back."""
    from handlungsprogramm.translation import read_translations

    out = tmp_path / "texts"
    result = run_script("export_translations.py", str(out), to)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"lemgo-ouidah.fr.{suffix}"]
    back = read_translations((out / f"lemgo-ouidah.fr.{suffix}").read_bytes(), "x")
    assert [u.text_id for u in back.units] == ["background", "measures/M-02/description"]
    rows = [line for line in result.stdout.splitlines() if "│" in line]
    assert any("lemgo-ouidah" in row and "│ 2 " in row for row in rows)
    assert sum("nothing to translate" in row for row in rows) == 4
