"""Every example and both layouts convert with LibreOffice; the PDF text has both languages.

CI installs LibreOffice through the README's set-up command, so these tests never skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from handlungsprogramm import load
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.render.docx import write_docx
from handlungsprogramm.render.writer import Layout
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))


def convert(docx_file: Path, workdir: Path) -> Path:
    """Convert with soffice in its own profile; return the PDF path."""
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice is missing: run ./dev test, which installs it"
    profile = workdir / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(workdir), str(docx_file)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(workdir)},
    )  # fmt: skip
    pdf = workdir / (docx_file.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
@pytest.mark.parametrize("layout", list(Layout), ids=[layout.value for layout in Layout])
def test_example_converts(example: Path, layout: Layout, tmp_path: Path) -> None:
    """The built document converts to PDF; both languages and every measure are in it."""
    programme = load(example)
    path, _ = write_docx(programme, tmp_path, layout=layout)
    text = pdftotext(convert(path, tmp_path))
    flat = " ".join(text.split())
    assert programme.title["de"].split()[0] in flat
    partner = programme.partner_language
    assert programme.measures[0].title[partner].split()[0] in flat
    for measure in programme.measures:
        assert measure.code in flat
    signatory = programme.signatories[0]
    assert signatory.name in flat
    # an amount too wide for its column wraps before the currency, never inside its code
    for code in {item.currency for m in programme.measures for item in m.resources.money}:
        if format_money(Decimal(1), code, "de").endswith(code):
            words = set(flat.split())
            assert code[:2] not in words, code
            assert code[1:] not in words, code


def test_conversion_works_inside_an_activated_virtual_environment(tmp_path: Path) -> None:
    """An activated venv (its bin first on PATH) once made LibreOffice's Python abort (134)."""
    venv_bin = ROOT / ".venv" / "bin"
    env = {
        **os.environ,
        "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(ROOT / ".venv"),
        "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run(
        [str(venv_bin / "handlungsprogramm"), "build", str(ROOT / "examples/marburg-sucre/programme.yaml"),
         "--to", "pdf", "--out", str(tmp_path), "--no-charts"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (pdf,) = tmp_path.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Sucre" in text


def test_soffice_environment_leaves_out_other_pythons(tmp_path: Path) -> None:
    """Virtual environments' bin folders and PYTHON* variables do not reach LibreOffice."""
    from handlungsprogramm.pdf.convert import soffice_environment

    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    old = dict(os.environ)
    try:
        os.environ["PATH"] = f"{venv / 'bin'}{os.pathsep}/usr/bin"
        os.environ["PYTHONHOME"] = "/elsewhere"
        os.environ["VIRTUAL_ENV"] = str(venv)
        env = soffice_environment(str(tmp_path / "profile"))
    finally:
        os.environ.clear()
        os.environ.update(old)
    assert env["PATH"] == "/usr/bin"
    assert "PYTHONHOME" not in env
    assert "VIRTUAL_ENV" not in env
    assert env["HOME"] == str(tmp_path / "profile")
