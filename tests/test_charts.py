"""Charts: in the document with alt text, one bar per measure, deterministic, all scripts."""

from __future__ import annotations

import copy
import io
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from handlungsprogramm import from_data, load
from handlungsprogramm.cli import app
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.render.charts import MEASURES_PER_TIMELINE, build_charts
from handlungsprogramm.render.docx import render_docx
from tests.conftest import EXAMPLE, complete_data

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}


def many_measures(count: int) -> dict[str, Any]:
    """A complete programme with ``count`` measures."""
    data = complete_data()
    template = data["measures"][0]
    data["measures"] = data["measures"][:1]
    for index in range(1, count):
        measure = copy.deepcopy(template)
        measure["code"] = f"M-{index + 1:03d}"
        data["measures"].append(measure)
    data["measures"][1]["pillar"] = "adaptation"
    data["measures"][1]["hazards"] = ["heat"]
    return data


def test_example_charts() -> None:
    """The example has a timeline with a bar per measure, money per currency, personnel, indicators."""
    programme = load(EXAMPLE)
    charts = build_charts(programme)
    names = [c.name for c in charts]
    assert names == [
        "timeline-1",
        "money-EUR",
        "money-XOF",
        "personnel",
        "indicators-1",
        "indicators-2",
    ]
    assert charts[0].count == len(programme.measures) == 17
    for chart in charts:
        assert chart.png.startswith(b"\x89PNG")
        assert b"<svg" in chart.svg
        assert all(chart.alt)
        assert all(chart.title)


def test_same_input_same_bytes() -> None:
    """Building twice gives byte-identical PNG and SVG files (no timestamps, fixed ids)."""
    programme = load(EXAMPLE)
    first, second = build_charts(programme), build_charts(programme)
    assert [(c.png, c.svg) for c in first] == [(c.png, c.svg) for c in second]


@pytest.mark.parametrize("count", [2, 26, 200])
def test_timeline_splits_and_counts_bars(count: int) -> None:
    """Up to 25 measures per image; the bars over all images equal the measures."""
    charts = [
        c for c in build_charts(from_data(many_measures(count))) if c.name.startswith("timeline-")
    ]
    assert len(charts) == -(-count // MEASURES_PER_TIMELINE)
    assert sum(c.count for c in charts) == count


def test_ethiopic_and_arabic_names_have_glyphs() -> None:
    """Names in Ethiopic and Arabic script render without missing-glyph warnings (errors here)."""
    data = complete_data()
    data["measures"][0]["title"]["fr"] = "ባሕር ዳር የአየር ንብረት – مرحبا"
    data["fields_of_action"][0]["title"]["fr"] = "ባሕር ዳር"
    charts = build_charts(
        from_data(data)
    )  # filterwarnings=error turns a missing glyph into a failure
    assert charts


def test_charts_in_document_with_alt_text() -> None:
    """Every chart is an inline picture with bilingual title and alt text; --no-charts has none."""
    programme = load(EXAMPLE)
    document = docx.Document(io.BytesIO(render_docx(programme).data))
    shapes = document.inline_shapes
    assert len(shapes) == len(build_charts(programme))
    for shape in shapes:
        doc_pr = shape._inline.docPr
        assert " / " in doc_pr.get("descr")
        assert doc_pr.get("title")
    timeline_alt = label("chart.timeline_alt", "fr", count=17, first="M-01", last="M-17")
    assert any(timeline_alt in shape._inline.docPr.get("descr") for shape in shapes)
    plain = docx.Document(io.BytesIO(render_docx(programme, charts=False).data))
    assert len(plain.inline_shapes) == 0


def _figures(node: Any, found: list[str]) -> None:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            _figures(child, found)
        return
    if not hasattr(node, "get"):
        return
    if node.get("/S") == "/Figure" and "/Alt" in node:
        found.append(str(node["/Alt"]))
    if "/K" in node:
        _figures(node["/K"], found)


def test_alt_text_survives_into_tagged_pdf(tmp_path: Path) -> None:
    """The tagged PDF has a Figure element with the alt text for each chart."""
    code = runner.invoke(
        app, ["build", str(EXAMPLE), "--to", "pdf", "--out", str(tmp_path)], env=ENV
    ).exit_code
    assert code == 0
    reader = PdfReader(io.BytesIO((tmp_path / "pfinztal-commune-de-kidira.pdf").read_bytes()))
    found: list[str] = []
    _figures(reader.trailer["/Root"]["/StructTreeRoot"], found)  # type: ignore[index]
    assert len(found) == 6
    assert any(
        label("chart.timeline_alt", "de", count=17, first="M-01", last="M-17") in alt
        for alt in found
    )


def test_charts_command(tmp_path: Path) -> None:
    """charts writes every chart as PNG and SVG; the PNG opens as an image."""
    result = runner.invoke(app, ["charts", str(EXAMPLE), "--out", str(tmp_path)], env=ENV)
    assert result.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "timeline-1.png" in names
    assert "timeline-1.svg" in names
    assert len(names) == 12
    kind = subprocess.run(
        ["file", "-b", str(tmp_path / "money-EUR.png")], capture_output=True, text=True
    )
    assert kind.stdout.startswith("PNG image data, 980 x")


def test_emoji_are_left_out_of_charts_only() -> None:
    """Characters no chart font has (emoji) are dropped from chart labels, not drawn as boxes."""
    data = complete_data()
    data["measures"][0]["title"]["de"] = "Solarpumpen 🌍 für Kidira"
    charts = build_charts(from_data(data), svg=False)  # a missing glyph would be a warning → error
    assert charts[0].count == 2
