"""With HANDLUNGSPROGRAMM_LANG=de every error path of the commands speaks German.

Each case is a user mistake (a name used twice, a folder that cannot be written, a
missing key file, a file that is no PDF, an unknown rule …); the test fails on any
English sentence in what the command prints, so a message written in English only is
found here, not by a German coordinator. File names in the output are the test's own
and carry no English words.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handlungsprogramm.cli import app
from tests.conftest import EXAMPLE

ENGLISH = re.compile(
    r"\b(the|is|are|not|cannot|can't|already|used|error|written|carries|such|file|"
    r"wrong|missing|expected|unknown|must|no|of|and|or|to|found|readable|signature)\b",
    re.IGNORECASE,
)
"""Words of English sentences that German messages never contain."""


def _cases(folder: Path) -> dict[str, tuple[list[str], int]]:
    a, b = folder / "a", folder / "b"
    for side in (a, b):
        side.mkdir()
        shutil.copy(EXAMPLE, side / "programm.yaml")
    (folder / "kaputt.pdf").write_bytes(b"hallo")
    (folder / "kaputt.docx").write_bytes(b"hallo")
    blocked = folder / "blockiert"
    blocked.write_text("eine Datei, kein Ordner", encoding="utf-8")
    pdf, yaml = str(folder / "kaputt.pdf"), str(a / "programm.yaml")
    return {
        "same output name": (["build", yaml, str(b / "programm.yaml"), "--out", str(folder / "o")], 3),
        "output folder is a file": (["build", yaml, "--out", str(blocked)], 8),
        "charts into a file": (["charts", yaml, "--out", str(blocked / "x")], 8),
        "unknown rule": (["check", yaml, "--ignore", "HP999"], 2),
        "unknown rule in build": (["build", yaml, "--ignore", "HP999", "--out", str(folder / "o")], 2),
        "draft and final": (["build", yaml, "--draft", "--final", "--out", str(folder / "o")], 2),
        "missing programme": (["check", str(folder / "fehlt.yaml")], 2),
        "template not a docx": (["build", yaml, "--template", str(folder / "kaputt.docx"), "--out", str(folder / "o")], 4),
        "template missing": (["build", yaml, "--template", str(folder / "fehlt.docx"), "--out", str(folder / "o")], 4),
        "verify no pdf": (["verify", pdf], 7),
        "verify missing": (["verify", str(folder / "fehlt.pdf")], 7),
        "sign no pdf": (["sign", pdf, "--field", "x", "--pkcs12", str(folder / "fehlt.p12"), "--out", str(folder / "s.pdf")], 7),
        "fill no pdf": (["fill-form", pdf, "--programme", yaml, "--mapping", str(folder / "fehlt.yaml"), "--out", str(folder / "f.pdf")], 7),
        "migrate missing": (["migrate", str(folder / "fehlt.yaml")], 2),
        "template check no docx": (["template", "check", str(folder / "kaputt.docx")], 4),
        "unknown option": (["check", yaml, "--formt", "json"], 2),
        "missing option": (["sign", pdf], 2),
        "option without value": (["check", yaml, "--format"], 2),
        "bad choice": (["check", yaml, "--format", "xml"], 2),
        "bad --to": (["build", yaml, "--to", "odt"], 2),
        "unknown command": (["pruefen", yaml], 2),
        "extra argument": (["verify", pdf, pdf], 2),
        "init bad country": (["init", str(folder / "n.yaml"), "--german", "Jena", "--partner", "Maputo", "--partner-country", "XX", "--language", "pt"], 2),
        "init exists": (["init", yaml, "--german", "Jena", "--partner", "Maputo", "--partner-country", "MZ", "--language", "pt"], 3),
        "fill without programme": (["fill-form", pdf], 2),
        "programme behind a file": (["check", str(blocked / "programm.yaml")], 2),
    }  # fmt: skip


@pytest.mark.parametrize(
    "case",
    [
        "same output name", "output folder is a file", "charts into a file", "unknown rule",
        "unknown rule in build", "draft and final", "missing programme", "template not a docx",
        "template missing", "verify no pdf", "verify missing", "sign no pdf", "fill no pdf",
        "migrate missing", "template check no docx", "unknown option", "missing option",
        "option without value", "bad choice", "bad --to", "unknown command", "extra argument",
        "init bad country", "init exists", "fill without programme", "programme behind a file",
    ],
)  # fmt: skip
def test_error_paths_speak_german(tmp_path: Path, case: str) -> None:
    argv, exit_code = _cases(tmp_path)[case]
    result = CliRunner().invoke(
        app, argv, env={"HANDLUNGSPROGRAMM_LANG": "de", "NO_COLOR": "1", "COLUMNS": "200"}
    )
    text = result.stdout + result.stderr
    assert result.exit_code == exit_code, text
    assert text.strip(), "the command said nothing"
    # commands in backticks (`handlungsprogramm build --help`) and options are code
    readable = re.sub(r"`[^`]*`|--[\w-]+", "", text.replace(str(tmp_path), ""))
    english = sorted({m.group(0) for m in ENGLISH.finditer(readable)})
    assert english == [], f"English in the German output ({english}):\n{text}"
