"""Golden files: the Word document of every example, in both layouts, pinned as XML.

Every change to what is rendered shows up here as a diff of ``word/document.xml``
(pretty-printed, one element per line), so it is a decision, not an accident. When a
change is wanted, look at the pages, then write the new files with

    HANDLUNGSPROGRAMM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

and commit them with the change; the diff in the commit is the review.
"""

from __future__ import annotations

import difflib
import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from handlungsprogramm import load
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.render.writer import Layout
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))
CASES = [(path, layout) for path in EXAMPLES for layout in Layout]
UPDATE = os.environ.get("HANDLUNGSPROGRAMM_UPDATE_GOLDEN") == "1"


def normalised(docx_bytes: bytes) -> str:
    """``word/document.xml`` with one element per line: readable, line-diffable.

    Nothing is dropped: the build is byte-deterministic, so any difference is a change.
    """
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as package:
        xml = package.read("word/document.xml")
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(xml, parser)
    return str(etree.tostring(root, pretty_print=True, encoding="unicode"))


@pytest.mark.parametrize(
    ("path", "layout"), CASES, ids=[f"{p.parent.name}-{layout.value}" for p, layout in CASES]
)
def test_document_matches_its_golden_file(path: Path, layout: Layout) -> None:
    """The document of each example is exactly the pinned one."""
    actual = normalised(render_docx(load(path), layout=layout).data)
    golden = GOLDEN / f"{path.parent.name}.{layout.value}.xml"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), (
        f"no golden file {golden.name}: run with HANDLUNGSPROGRAMM_UPDATE_GOLDEN=1"
    )
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "golden", "now", n=2, lineterm=""
        )
        shown = list(diff)
        pytest.fail(
            f"{golden.name} differs in {sum(1 for d in shown if d[:1] in '+-') - 2} lines;"
            " if the change is wanted, look at the pages and update (see the module doc):\n"
            + "\n".join(shown[:80]),
            pytrace=False,
        )


def test_every_example_has_its_golden_files() -> None:
    """No golden file is left over from an example that was renamed or removed."""
    expected = {f"{p.parent.name}.{layout.value}.xml" for p, layout in CASES}
    assert {p.name for p in GOLDEN.glob("*.xml")} == expected


def test_the_comparison_sees_a_one_character_change() -> None:
    """A changed character in one text gives a different normalised document."""
    programme = load(EXAMPLES[0])
    before = normalised(render_docx(programme, charts=False).data)
    programme.measures[0].title.root["de"] += "!"
    after = normalised(render_docx(programme, charts=False).data)
    assert before != after
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert any("!" in line for line in changed)
