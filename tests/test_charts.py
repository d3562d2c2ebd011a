"""Charts: in the document with alt text, one bar per measure, deterministic, all scripts."""

from __future__ import annotations

import copy
import gc
import io
import re
import struct
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docx
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image
from pypdf import PdfReader
from typer.testing import CliRunner

from handlungsprogramm import from_data, load
from handlungsprogramm._gc import paused_gc, running_gc
from handlungsprogramm.cli import app
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.render import charts
from handlungsprogramm.render.charts import MAX_HEIGHT_IN, MEASURES_PER_TIMELINE, build_charts
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.render.sections import MAX_FIGURE_HEIGHT_CM
from tests.conftest import EXAMPLE, ROOT, complete_data

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
        "personnel-per-year",  # M-15 and M-16 give staff time per year
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


def test_pictures_are_palette_pngs_with_exact_flat_colours() -> None:
    """8-bit palette PNGs (a third of the bytes); background, band and bars keep their colours."""
    programme = load(EXAMPLE)
    timeline, *others = build_charts(programme, svg=False)
    pictures = {chart.name: Image.open(io.BytesIO(chart.png)) for chart in (timeline, *others)}
    assert {picture.mode for picture in pictures.values()} == {"P"}
    colours = {colour for _, colour in pictures["timeline-1"].convert("RGB").getcolors(4096) or []}
    flat = ["#FFFFFF", "#EEF2F0", *charts.PILLAR_COLOURS.values()]  # background, period band
    for hex_colour in flat:
        rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, hex_colour
    # the anti-aliased text is still there: many shades, not just the flat colours
    assert len(colours) > 16


def test_charts_drawn_from_threads_match_drawn_alone() -> None:
    """A host rendering in several threads gets the same pictures as one at a time.

    pyplot and rcParams are process-wide; without taking turns, 2 of 8 runs differed.
    """
    programme = load(EXAMPLE)
    alone = [chart.png for chart in build_charts(programme, svg=False)]
    with ThreadPoolExecutor(4) as pool:
        runs = list(
            pool.map(lambda _: [c.png for c in build_charts(programme, svg=False)], range(8))
        )
    assert all(run == alone for run in runs)


def test_palette_keeps_every_flat_colour_exact() -> None:
    """Close flat colours that the octree would merge, beside 256 colours of noise, stay exact."""
    rng = np.random.default_rng(7)
    pixels = np.full((300, 600, 4), 255, np.uint8)
    pixels[:, :300, :3] = (245, 248, 250)  # next to white: one octree leaf
    pixels[:, 300:360, :3] = (0, 114, 178)
    pixels[::7, ::3, :3] = rng.integers(0, 255, (43, 200, 3), dtype=np.uint8)
    picture = Image.open(io.BytesIO(charts._palette_png(pixels, 150.0)))
    assert picture.mode == "P"
    shown = np.asarray(picture.convert("RGB"))
    for colour in ((245, 248, 250), (255, 255, 255), (0, 114, 178)):
        drawn = np.all(pixels[..., :3] == colour, axis=2)
        assert np.all(shown[drawn] == colour), colour
    assert picture.info["dpi"] == pytest.approx((150, 150), abs=0.1)


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


@pytest.mark.slow
def test_alt_text_survives_into_tagged_pdf(tmp_path: Path) -> None:
    """The tagged PDF has a Figure element with the alt text for each chart."""
    code = runner.invoke(
        app, ["build", str(EXAMPLE), "--to", "pdf", "--out", str(tmp_path)], env=ENV
    ).exit_code
    assert code == 0
    reader = PdfReader(io.BytesIO((tmp_path / "pfinztal-commune-de-kidira.pdf").read_bytes()))
    found: list[str] = []
    _figures(reader.trailer["/Root"]["/StructTreeRoot"], found)  # type: ignore[index]
    assert len(found) == 7
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
    assert len(names) == 14
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


def _png_height_in(png: bytes) -> float:
    """The height of a chart on paper: charts are exactly the text width (16.6 cm) wide."""
    width, height = struct.unpack(">II", png[16:24])
    return 16.6 / 2.54 * int(height) / int(width)


def test_full_timeline_leaves_room_for_its_caption() -> None:
    """A timeline image of 25 measures is short enough to share a page with its caption,
    and its paragraph in the document keeps with the caption."""
    programme = from_data(many_measures(MEASURES_PER_TIMELINE))
    chart = next(c for c in build_charts(programme, svg=False) if c.name == "timeline-1")
    assert chart.count == MEASURES_PER_TIMELINE
    assert _png_height_in(chart.png) <= MAX_HEIGHT_IN + 0.01
    document = docx.Document(io.BytesIO(render_docx(programme).data))
    title = label("chart.timeline", "de")
    shape = next(
        s for s in document.inline_shapes if s._inline.docPr.get("title").startswith(title)
    )
    assert shape.height.cm <= MAX_FIGURE_HEIGHT_CM + 0.05
    assert round(shape.width.cm, 1) == 16.6
    paragraph = shape._inline.getparent().getparent().getparent()  # inline → drawing → r → p
    assert paragraph.pPr.keepNext is not None
    caption = paragraph.getnext()
    assert caption.pPr.pStyle.val == "HPCaption"


def test_too_tall_chart_is_scaled_to_fit_with_caption() -> None:
    """A chart taller than a page leaves room for (money over 24 fields of action) is
    placed smaller, in proportion, so its caption still fits below it."""
    data = complete_data()
    field, measure = data["fields_of_action"][0], data["measures"][0]
    for number in range(2, 25):
        extra = copy.deepcopy(field)
        extra["code"] = str(number)
        strategic = extra["strategic_objectives"][0]
        strategic["code"] = f"{number}.1"
        strategic["operational_objectives"][0]["code"] = f"{number}.1.1"
        data["fields_of_action"].append(extra)
        spent = copy.deepcopy(measure)
        spent.update(code=f"M-{number + 1:02d}", field_of_action=str(number))
        spent["objectives"] = [f"{number}.1.1"]
        data["measures"].append(spent)
    programme = from_data(data)
    chart = next(c for c in build_charts(programme, svg=False) if c.name == "money-EUR")
    assert _png_height_in(chart.png) > MAX_HEIGHT_IN
    document = docx.Document(io.BytesIO(render_docx(programme).data))
    title = label("chart.money", "de", currency="EUR")
    shape = next(
        s for s in document.inline_shapes if s._inline.docPr.get("title").startswith(title)
    )
    assert abs(shape.height.cm - MAX_FIGURE_HEIGHT_CM) < 0.05
    assert shape.width.cm < 16.6


def test_chart_numbers_are_written_the_german_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticks and values on charts read as the document's tables do ("1,5", "41.000", "1,5 M"),
    not in English notation ("1.5", "41000")."""
    data = complete_data()
    objective = data["fields_of_action"][0]["strategic_objectives"][0]
    indicator = objective["operational_objectives"][0]["indicator"]
    indicator["baseline"]["value"] = "1.5"
    indicator["target"]["value"] = "41000"
    data["measures"][0]["resources"]["money"][0]["amount"] = "1500000"
    personnel = data["measures"][1]["resources"]["personnel"]
    personnel.append({"side": "german", "amount": "2.5", "unit": "fte"})
    drawn: list[list[str]] = []
    save = charts._save

    def capture(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
        fig.canvas.draw()  # tick labels exist once drawn
        drawn.append(
            [
                text.get_text().strip()
                for ax in fig.axes
                if ax.get_visible()
                # an axes drawn without its axis (the indicator grid) has no tick labels
                for text in (*ax.texts, *(ax.get_xticklabels() if ax.axison else ()))
            ]
        )
        return save(fig, svg_too)

    monkeypatch.setattr(charts, "_save", capture)
    names = [c.name for c in build_charts(from_data(data), svg=False)]
    texts = dict(zip(names, drawn, strict=True))
    assert texts["indicators-1"][:2] == ["1,5", "41.000"]
    assert {"1,2\u00a0M", "1,5\u00a0M"} <= set(texts["money-EUR"])
    assert {"2,5", "0,5", "1,5"} <= set(texts["personnel"])
    # objective codes ("1.1.1 (%)", the indicator cells' titles) are not numbers
    numbers = [re.sub(r"^\d+(\.\d+)+ \(.*\)$", "", t) for ts in drawn for t in ts]
    english = [t for t in numbers if re.search(r"\d\.\d{1,2}(?!\d)", t)]
    assert english == []


@pytest.mark.parametrize(
    "example", sorted((ROOT / "examples").glob("*/programme.yaml")), ids=lambda p: p.parent.name
)
def test_no_text_runs_past_the_edge(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Charts are laid out with measured fixed margins (not constrained layout): every
    label, title, value and legend entry must still lie inside the picture."""
    outside: list[str] = []
    save = charts._save

    def capture(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
        fig.canvas.draw()
        edge = fig.bbox
        undrawn: set[int] = set()  # tick labels beyond the axis' limits, or of an axes without axis
        for ax in fig.axes:
            for labels, (low, high), index in (
                (ax.get_xticklabels(), sorted(ax.get_xlim()), 0),
                (ax.get_yticklabels(), sorted(ax.get_ylim()), 1),
            ):
                undrawn.update(
                    id(t)
                    for t in labels
                    if not ax.axison or not low - 1e-9 <= t.get_position()[index] <= high + 1e-9
                )
        for text in fig.findobj(Text):
            if id(text) in undrawn or not text.get_visible() or not text.get_text().strip():
                continue
            box = text.get_window_extent()
            if (
                box.x0 < edge.x0 - 1
                or box.x1 > edge.x1 + 1
                or box.y0 < edge.y0 - 1
                or box.y1 > edge.y1 + 1
            ):
                outside.append(text.get_text())
        return save(fig, svg_too)

    monkeypatch.setattr(charts, "_save", capture)
    assert build_charts(load(example), svg=False)
    assert outside == []


def test_closed_figures_are_freed_while_rendering() -> None:
    """Rendering pauses the cyclic collector; figures are cycles, so chart drawing runs
    with it on — otherwise every figure of a large programme stayed in memory until the
    end (260 MB at 1,000 measures)."""
    programme = from_data(many_measures(16 * MEASURES_PER_TIMELINE))
    gc.collect()  # figures other tests left for the collector do not count
    before = {id(o) for o in gc.get_objects() if isinstance(o, Figure)}
    with paused_gc():
        drawn = build_charts(programme, svg=False)
        alive = sum(isinstance(o, Figure) and id(o) not in before for o in gc.get_objects())
        assert not gc.isenabled()
    assert len(drawn) == 18
    # the collector's rounds free most of them on the way (all 18 were kept before)
    assert alive <= len(drawn) // 2


def test_collector_state_is_left_as_the_host_had_it() -> None:
    """Objects a host application froze stay frozen, and rendering in another thread does
    not touch the collector's global switch (one thread's pause would end another's)."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc(), running_gc():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    states: list[bool] = []

    def render_elsewhere() -> None:
        with paused_gc():
            states.append(gc.isenabled())

    worker = threading.Thread(target=render_elsewhere)
    worker.start()
    worker.join()
    assert states == [True]
    assert gc.isenabled()
