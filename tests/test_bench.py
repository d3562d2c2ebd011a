"""The benchmark runs end to end at its smallest size, and its report reads back.

Timings are not asserted (they belong in docs/performance.md, not in pass/fail);
what is checked is that every measurement is taken and every figure is reported.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT


def _module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_bench_runs_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "10", "--repeat", "1",
         "--batch", "2", "--typical", "10", "--out", str(out)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    for key in ("load_check_s", "check_s", "docx_s", "docx_nocharts_s", "raw_docxtpl_s",
                "raw_sheets_s", "peak_mb"):  # fmt: skip
        assert size[key] > 0, key
    pdf = results["pdf"]
    for key in ("convert_cold_per_doc_s", "convert_batch_per_doc_s", "bare_soffice_total_s",
                "build_batch_s", "build_separate_s", "floor_s"):  # fmt: skip
        assert pdf[key] > 0, key
    assert results["machine"]["cores"] >= 1
    report = _module("report")
    page = report.page(results)
    # the row of 10 measures with the size of its YAML file (about 0.06 MB)
    assert re.search(r"\| 10 \| 0\.\d\d MB \|", page), page
    assert "one build within 1.3× of the floor" in page
    report.plot(results, tmp_path / "plot.png")
    assert (tmp_path / "plot.png").read_bytes().startswith(b"\x89PNG")


def test_synthetic_programmes_are_complete() -> None:
    """The synthetic programmes pass the completeness check (they measure real work)."""
    from handlungsprogramm import check, loads

    synthetic = _module("synthetic")
    programme = loads(synthetic.synthetic_yaml(40, variant=3))
    assert len(programme.measures) == 40
    assert check(programme).ok
    assert programme.partnership.german.name == "Pfinztal 3"
