"""Charts: in the document with alt text, one bar per measure, deterministic, all scripts."""

from __future__ import annotations

import copy
import gc
import io
import itertools
import re
import struct
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image
from pypdf import PdfReader
from typer.testing import CliRunner

from handlungsprogramm import from_data, load
from handlungsprogramm._gc import paused_gc, running_gc
from handlungsprogramm.cli import app
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.model import FundingStatus, Pillar, Programme, Side
from handlungsprogramm.render import charts
from handlungsprogramm.render.chart_png import palette_png
from handlungsprogramm.render.chart_resources import status_colour
from handlungsprogramm.render.chart_style import DPI, LINE_IN, NEUTRAL
from handlungsprogramm.render.chart_text import ChartNumbers
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


@pytest.mark.parametrize("dpi", [150.0, 300.0])
def test_palette_keeps_every_flat_colour_exact(dpi: float) -> None:
    """Close flat colours that the octree would merge, beside 256 colours of noise, stay exact."""
    rng = np.random.default_rng(7)
    pixels = np.full((300, 600, 4), 255, np.uint8)
    pixels[:, :300, :3] = (245, 248, 250)  # next to white: one octree leaf
    pixels[:, 300:360, :3] = (0, 114, 178)
    pixels[::7, ::3, :3] = rng.integers(0, 255, (43, 200, 3), dtype=np.uint8)
    picture = Image.open(io.BytesIO(palette_png(pixels, dpi)))
    assert picture.mode == "P"
    shown = np.asarray(picture.convert("RGB"))
    for colour in ((245, 248, 250), (255, 255, 255), (0, 114, 178)):
        drawn = np.all(pixels[..., :3] == colour, axis=2)
        assert np.all(shown[drawn] == colour), colour
    assert picture.info["dpi"] == pytest.approx((dpi, dpi), abs=0.1)


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
    assert kind.stdout.startswith("PNG image data, 1960 x")  # 16.6 cm at 300 ppi


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


def _drawn_texts(programme: Programme, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every text drawn on each chart (titles, labels, ticks, values, legends), by chart."""
    drawn: list[list[str]] = []
    save = charts._save

    def capture(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
        fig.canvas.draw()  # tick labels exist once drawn
        shown = []
        for ax in fig.axes:
            low, high = sorted(ax.get_xlim())
            # tick labels the axis does not draw (beyond its limits, or no axis at all)
            hidden = {
                id(t)
                for t in ax.get_xticklabels()
                if not ax.axison or not low - 1e-9 <= t.get_position()[0] <= high + 1e-9
            }
            hidden |= {id(t) for t in ax.get_yticklabels() if not ax.axison}
            shown += [
                t.get_text() for t in ax.findobj(Text) if id(t) not in hidden and t.get_visible()
            ]
        shown += [t.get_text() for t in fig.texts]
        shown += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
        drawn.append([t.strip() for t in shown if t.strip()])
        return save(fig, svg_too)

    monkeypatch.setattr(charts, "_save", capture)
    names = [c.name for c in build_charts(programme, svg=False)]
    return dict(zip(names, drawn, strict=True))


def _two_fields(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with a second field of action, ``2``, that M-02 belongs to."""
    extra = copy.deepcopy(data["fields_of_action"][0])
    extra["code"] = "2"
    extra["title"] = {"de": "Anpassung", "fr": "Adaptation"}
    strategic = extra["strategic_objectives"][0]
    strategic["code"] = "2.1"
    strategic["operational_objectives"][0]["code"] = "2.1.1"
    data["fields_of_action"].append(extra)
    data["measures"][1].update(field_of_action="2", objectives=["2.1.1"])
    return data


@pytest.mark.parametrize(("lang", "decimal"), [("fr", ","), ("en", "."), ("es", ","), ("pt", ",")])
def test_chart_numbers_read_alike_in_both_languages(
    lang: str, decimal: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ticks and values are grouped by narrow spaces ("41 000"), never by a point or a
    comma that one of the two readers takes for a decimal sign; the decimal sign is the
    one both languages write (the point for German with English), amounts take SI
    prefixes ("1,5 M"): the same number reads the same in both languages."""
    data = complete_data()
    for item in [data, *data["measures"], *data["fields_of_action"]]:
        for key in ("title", "description", "vision", "background"):
            if isinstance(item.get(key), dict):
                item[key][lang] = item[key].pop("fr")
    data["languages"] = ["de", lang]
    indicator = data["fields_of_action"][0]["strategic_objectives"][0][
        "operational_objectives"][0]["indicator"]  # fmt: skip
    indicator["name"] = {"de": "Verbrauch", lang: "Consumption"}
    indicator["baseline"]["value"] = "1.5"
    indicator["target"]["value"] = "41000"
    data["measures"][0]["resources"]["money"][0]["amount"] = "1500000"
    personnel = data["measures"][1]["resources"]["personnel"]
    personnel.append({"side": "german", "amount": "2.5", "unit": "fte"})
    texts = _drawn_texts(from_data(data), monkeypatch)
    group, point = "\u202f", decimal
    assert {"1" + point + "5", "41" + group + "000"} <= set(texts["indicators-1"])
    money = texts["money-EUR"]
    assert "1" + point + "5" + group + "M" in money  # the bar's value
    assert [t for t in money if re.fullmatch(rf"0\{point}\d{group}M", t)]  # ticks
    assert {"2" + point + "5", "0" + point + "5", "1" + point + "5"} <= set(texts["personnel"])
    everything = [t for ts in texts.values() for t in ts]
    # a point or comma before exactly three digits would be a thousands group to one reader
    assert [t for t in everything if re.search(r"\d[.,]\d{3}(?!\d)", t)] == []
    other = "," if point == "." else "."
    # objective codes ("1.1.1") are not numbers; no other number uses the other sign
    numbers = [re.sub(r"\b\d+(\.\d+){2,}\b", "", t) for t in everything]
    assert [t for t in numbers if re.search(rf"\d\{other}\d", t)] == []


def test_chart_numbers() -> None:
    """Grouping, decimals, prefixes and relative change as the charts write them."""
    fr, en = ChartNumbers("fr"), ChartNumbers("en")
    assert (fr.decimal, en.decimal) == (",", ".")
    assert fr.number(Decimal("1250")) == "1\u202f250"
    assert fr.number(Decimal("4.125")) == "4,12"  # never three digits after the sign
    assert fr.number(Decimal("0.125")) == "0,125"  # a leading zero marks it as decimal
    assert en.number(-3) == "\u20133"
    assert en.number(-0.0) == "0"
    assert en.compact(42_000) == "42\u202fk"
    assert en.compact(2_650_000) == "2.65\u202fM"
    assert en.compact(999_999) == "1\u202fM"  # not "1 000 k"
    assert en.compact(500_000, en.scale(2_000_000)) == "0.5\u202fM"
    assert en.change(Decimal(41000), Decimal(36000)) == "\u201312\u202f%"
    assert en.change(Decimal(200), Decimal(197)) == "\u20131.5\u202f%"
    assert en.change(Decimal(0), Decimal(40)) is None


def test_indicator_cells_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cell names its indicator and unit in both languages, the town it is measured
    in, its values with interim targets, and the relative change; the legend says what
    the marks mean."""
    data = complete_data()
    objective = data["fields_of_action"][0]["strategic_objectives"][0]["operational_objectives"][0]
    indicator = objective.pop("indicator")
    indicator["unit"] = {"de": "MWh pro Jahr", "fr": "MWh par an"}
    indicator.update(
        baseline={"value": 41000, "year": 2024},
        target={"value": 36000, "year": 2029},
        interim_targets=[{"value": 38500, "year": 2027}],
        municipality="german",
    )
    share = {**copy.deepcopy(indicator), "unit": "%", "municipality": "partner"}
    share.update(baseline={"value": 62, "year": 2024}, target={"value": 95, "year": 2029})
    share.pop("interim_targets")
    objective["indicators"] = [indicator, share]
    texts = _drawn_texts(from_data(data), monkeypatch)["indicators-1"]
    assert {"1.1.1 · Pfinztal", "1.1.1 · Kidira", "MWh pro Jahr / MWh par an"} <= set(texts)
    assert {"Anteil Solarpumpen", "Part des pompes solaires"} <= set(texts)
    assert {"41\u202f000", "38\u202f500", "36\u202f000", "\u201312\u202f%"} <= set(texts)
    # a change of a share would be percentage points: none is written for "%"
    assert not [t for t in texts if t.startswith("+")]
    legend = {"Zwischenziel / Objectif intermédiaire", "Pfinztal", "Kidira"}
    assert legend <= set(texts)
    assert any(label("chart.indicator_note", "fr") in t for t in texts)


def test_no_label_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long titles of measures and fields are wrapped into lines, never cut with "…"."""
    data = complete_data()
    long_de = "Gemeinsames Programm zur Wiederaufforstung von Mangroven und zum Küstenschutz in beiden Gemeinden"
    long_fr = "Programme commun de reboisement des mangroves et de protection du littoral dans les deux communes"
    data["measures"][0]["title"] = {"de": long_de, "fr": long_fr}
    data["fields_of_action"][0]["title"] = {"de": long_de, "fr": long_fr}
    texts = _drawn_texts(from_data(data), monkeypatch)
    everything = [t for ts in texts.values() for t in ts]
    assert not [t for t in everything if "…" in t]
    for chart in ("timeline-1", "money-EUR"):
        shown = " ".join(" ".join(texts[chart]).split())
        assert long_de in shown
        assert long_fr in shown


def test_bars_carry_their_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bar of 42 k beside one of 2.7 M still says what it is: every bar has its value."""
    data = _two_fields(complete_data())
    data["measures"][0]["resources"]["money"][0]["amount"] = "42000"
    data["measures"][1]["resources"]["money"] = [
        {"amount": "2700000", "currency": "EUR", "funding_source": "KfW", "status": "secured"}
    ]
    texts = _drawn_texts(from_data(data), monkeypatch)
    assert {"42\u202fk", "2,7\u202fM"} <= set(texts["money-EUR"])
    assert {"20", "0"} <= set(texts["personnel"])  # person-days: Pfinztal 20, Kidira none


def test_one_colour_meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pillar colours only for pillars, the municipalities' colours only for sides, grey
    for the rest: bars by field of action are grey, not the blue of mitigation."""
    data = _two_fields(complete_data())
    data["measures"][1]["resources"]["money"] = [
        {"amount": "1000", "currency": "EUR", "funding_source": "KfW", "status": "secured"}
    ]
    colours: dict[str, list[set[str]]] = {}
    save = charts._save

    def capture(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
        name = f"chart-{len(colours)}"
        colours[name] = [{to_hex(p.get_facecolor()).upper() for p in ax.patches} for ax in fig.axes]
        return save(fig, svg_too)

    monkeypatch.setattr(charts, "_save", capture)
    built = {c.name: i for i, c in enumerate(build_charts(from_data(data), svg=False))}
    by_field, by_pillar = colours[f"chart-{built['money-EUR']}"]
    secured = to_hex(status_colour(NEUTRAL, FundingStatus.SECURED)).upper()
    greys = {to_hex(status_colour(NEUTRAL, status)).upper() for status in FundingStatus}
    assert secured in by_field <= greys
    assert to_hex(charts.PILLAR_COLOURS[Pillar.ADAPTATION]).upper() in by_pillar
    (personnel,) = colours[f"chart-{built['personnel']}"]
    # the partner has no staff in this example's unit: no bar for it, not one of length 0
    assert personnel == {charts.SIDE_COLOURS[Side.GERMAN]}
    assert not set(charts.SIDE_COLOURS.values()) & set(charts.PILLAR_COLOURS.values())


def _png_dpi(png: bytes) -> tuple[float, float]:
    """Pixels per inch from the PNG's pHYs chunk (unit: metre)."""
    position = png.index(b"pHYs")
    x, y, unit = struct.unpack(">IIB", png[position + 4 : position + 13])
    assert unit == 1
    return x * 0.0254, y * 0.0254


def test_pictures_are_print_resolution() -> None:
    """Every picture is at least 300 ppi at its size in the document (the text width)."""
    for chart in build_charts(load(EXAMPLE), svg=False):
        x, y = _png_dpi(chart.png)
        assert min(x, y) >= 299.9, chart.name
        width = struct.unpack(">I", chart.png[16:20])[0]
        assert width / (16.6 / 2.54) >= 299.9, chart.name


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


def test_label_lines_have_one_pitch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lines of a name stand on baselines equally far apart, also where a line has
    a tall letter ("Ü", "É"): matplotlib's own multi-line text spread those apart."""
    data = complete_data()
    data["measures"][0]["title"] = {
        "de": "Überprüfung der Trinkwasserbrunnen in allen Ortsteilen der Gemeinde Pfinztal",
        "fr": "Étude des puits d'eau potable dans tous les quartiers de la commune de Kidira",
    }
    baselines: list[list[float]] = []
    save = charts._save

    def capture(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
        fig.canvas.draw()
        ys = [
            t.get_transform().transform(t.get_position())[1]
            for t in fig.axes[0].texts
            if t.get_text().strip()
        ]
        baselines.append(ys)
        return save(fig, svg_too)

    monkeypatch.setattr(charts, "_save", capture)
    build_charts(from_data(data), svg=False)
    lines = baselines[0][:4]  # M-01: two lines German, two French
    steps = {round(a - b, 3) for a, b in itertools.pairwise(lines)}
    assert len(steps) == 1
    assert steps.pop() == pytest.approx(LINE_IN * DPI, abs=0.01)


def test_personnel_named_by_town_and_not_squashed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Marburg–Sucre: the panels share the width of the picture, the bars are named by
    town (not "Gobierno Autónomo Municipal de Sucre" taking half the width)."""
    widths: list[list[float]] = []
    save = charts._save

    def capture(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
        widths.append([ax.get_position().width * fig.get_figwidth() for ax in fig.axes])
        return save(fig, svg_too)

    monkeypatch.setattr(charts, "_save", capture)
    programme = load(ROOT / "examples" / "marburg-sucre" / "programme.yaml")
    names = [c.name for c in build_charts(programme, svg=False)]
    panels = widths[names.index("personnel")]
    assert len(panels) == 2
    assert min(panels) > 2.0  # inches, of 6.5
    assert max(panels) - min(panels) < 0.01
    texts = _drawn_texts(programme, monkeypatch)["personnel"]
    assert {"Marburg", "Sucre"} <= set(texts)


def test_long_titles_take_more_timeline_pictures() -> None:
    """Titles of four lines need taller rows: a timeline image then holds fewer than 25
    measures, and is still short enough for its caption."""
    data = many_measures(40)
    for number, measure in enumerate(data["measures"]):
        measure["title"] = {
            "de": f"Maßnahme {number}: Gemeinsame Wiederaufforstung von Mangroven und Küstenschutz in beiden Gemeinden",
            "fr": f"Mesure {number} : reboisement commun des mangroves et protection du littoral dans les deux communes",
        }
    timelines = [
        c for c in build_charts(from_data(data), svg=False) if c.name.startswith("timeline-")
    ]
    assert len(timelines) > -(-40 // MEASURES_PER_TIMELINE)  # more than 25 a picture would need
    assert sum(c.count for c in timelines) == 40
    assert all(c.count <= MEASURES_PER_TIMELINE for c in timelines)
    assert all(_png_height_in(c.png) <= MAX_HEIGHT_IN + 0.01 for c in timelines)


def test_a_municipality_without_staff_in_a_unit_is_a_dash_not_a_zero(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing given is not nothing done: the bar's place says "–", as the tables do."""
    texts: dict[str, list[str]] = {}
    save = charts._save

    def capture(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
        texts[f"chart-{len(texts)}"] = [t.get_text() for ax in fig.axes for t in ax.texts]
        return save(fig, svg_too)

    monkeypatch.setattr(charts, "_save", capture)
    built = {c.name: i for i, c in enumerate(build_charts(from_data(complete_data()), svg=False))}
    labels = [t.strip() for t in texts[f"chart-{built['personnel']}"]]
    assert "–" in labels
    assert "0" not in labels
