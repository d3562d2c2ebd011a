"""The coordinator scripts in examples/scripts run as they are, and their output is read back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPTS = ROOT / "examples" / "scripts"


def run_script(name: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / name)],
        cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "HANDLUNGSPROGRAMM_LANG": "en"},
    )  # fmt: skip


def test_embed_in_tool_renders_in_memory(tmp_path: Path) -> None:
    """embed_in_tool builds from Python data, checks, renders DOCX and PDF bytes, writes nothing."""
    result = run_script("embed_in_tool.py", tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "check: ok=True ready_for_signing=True findings=[]"
    assert lines[1].startswith("docx: ")
    assert "draft=False" in lines[1]
    assert lines[2].startswith("pdf: ")
    assert lines[2].endswith("starts with b'%PDF-1.6'")
    assert list(tmp_path.iterdir()) == []  # no files in between


def test_build_all_builds_every_example(tmp_path: Path) -> None:
    """build_all writes DOCX and PDF for every example and summarises them in a table."""
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_all.py"), str(out)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    examples = sorted((ROOT / "examples").glob("*/programme.yaml"))
    assert len(list(out.glob("*.pdf"))) == len(examples)
    assert len(list(out.glob("*.docx"))) == len(examples)
    assert "Pfinztal – Commune de Kidira" in result.stdout
    assert "| 17 " in result.stdout.replace("│", "|")
