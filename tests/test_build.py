"""Batch builds: several programmes are rendered in worker processes, with the same result."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from handlungsprogramm.build import Target, build_files
from handlungsprogramm.errors import TemplateError
from tests.conftest import ROOT

EXAMPLES = [
    ROOT / "examples" / "marburg-sucre" / "programme.yaml",
    ROOT / "examples" / "drafts" / "lemgo-ouidah" / "programme.yaml",
    ROOT / "examples" / "jena-maputo" / "programme.yaml",
]


def _body(path: Path) -> bytes:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as package:
        return package.read("word/document.xml")


def test_parallel_and_sequential_builds_agree(tmp_path: Path) -> None:
    """Workers write the same documents, drafts and reports as rendering in-process."""
    sequential = build_files(EXAMPLES, tmp_path / "one", workers=1, charts=False)
    parallel = build_files(EXAMPLES, tmp_path / "two", workers=2, charts=False)
    for a, b in zip(sequential, parallel, strict=True):
        assert a.result is not None
        assert b.result is not None
        assert (a.result.draft, a.result.fingerprint) == (b.result.draft, b.result.fingerprint)
        assert a.result.report.codes() == b.result.report.codes()
        (doc_a,), (doc_b,) = a.written, b.written
        assert doc_a.name == doc_b.name
        assert _body(doc_a) == _body(doc_b)
    assert [i.result.draft for i in parallel if i.result] == [False, True, False]


def test_both_layouts_build_into_one_folder_as_two_files(tmp_path: Path) -> None:
    """The sequential layout's files carry it in their name: building both layouts into
    one folder keeps both, and each file holds its own layout."""
    from handlungsprogramm.render.writer import Layout

    source = [EXAMPLES[0]]
    side = build_files(source, tmp_path, charts=False)
    sequential = build_files(source, tmp_path, charts=False, layout=Layout.SEQUENTIAL)
    (a,), (b,) = side[0].written, sequential[0].written
    assert a.name == "marburg-gobierno-autonomo-municipal-de-sucre.docx"
    assert b.name == "marburg-gobierno-autonomo-municipal-de-sucre-sequential.docx"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([a.name, b.name])
    assert _body(a) != _body(b)


def test_a_final_build_refuses_drafts_in_workers(tmp_path: Path) -> None:
    """--final in a batch: the incomplete programme is refused (exit 1), the others built."""
    from handlungsprogramm.render.docx import Mode

    items = build_files(EXAMPLES, tmp_path, workers=2, charts=False, mode=Mode.FINAL)
    assert [i.exit_code for i in items] == [0, 1, 0]
    assert items[1].refused is not None
    assert "completeness error" in items[1].refused
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "jena-conselho-municipal-de-maputo.docx",
        "marburg-gobierno-autonomo-municipal-de-sucre.docx",
    ]


def test_template_errors_from_workers_stop_the_batch(tmp_path: Path) -> None:
    """A template that cannot be used is a TemplateError in the caller, as without workers."""
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    messages = []
    for workers in (1, 2):
        with pytest.raises(TemplateError, match=r"bad\.docx") as caught:
            build_files(
                EXAMPLES, tmp_path / "out", workers=workers, template=bad,
                targets=frozenset({Target.DOCX}),
            )  # fmt: skip
        messages.append((caught.value.message("en"), caught.value.message("de")))
    # the German wording survives the trip back from a worker process
    assert messages[0] == messages[1]
    assert messages[1][0] != messages[1][1]


def _marked(marker: str) -> list[int]:
    """Processes whose environment carries ``marker`` (the build and all it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:  # gone, or not ours to read
            continue
    return found


def test_interrupting_a_parallel_build_twice_stops_everything(tmp_path: Path) -> None:
    """Ctrl-C while workers render, and Ctrl-C again during the clean-up: exit 130 at
    once, no traceback, no worker or fork server left, no temporary file."""
    marker = f"HP_TEST_MARKER={os.getpid()}-{time.monotonic_ns()}"
    env = {**os.environ, "HANDLUNGSPROGRAMM_LANG": "en", marker.split("=")[0]: marker.split("=")[1]}
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "handlungsprogramm", "build", *map(str, EXAMPLES), "--to", "docx",
         "--out", str(out)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    for _ in range(300):  # until the render workers run (the build plus at least two)
        if len(_marked(marker)) >= 3:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "interrupted" in err
    for _ in range(100):  # the fork server notices its parent is gone
        if not _marked(marker):
            break
        time.sleep(0.1)
    assert _marked(marker) == []
    assert not list(out.glob(".*")) if out.exists() else True
