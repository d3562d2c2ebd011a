"""Pictures of the programme: time plan, money and personnel, indicators (matplotlib, Agg).

People read a time plan and a budget split faster from a picture than from a table.
Every chart is deterministic (fixed fonts, no timestamps, fixed SVG ids), uses the
Okabe–Ito colour-blind-safe palette, never adds different currencies, and carries a
title and alt text in both languages for the tagged PDF. Numbers on the charts (ticks,
values) are written the German way ("1,5", "41.000"), as in the document's tables;
amounts in a text of one language (the alt text) follow that language.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

import matplotlib
import numpy as np

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from PIL import Image

from handlungsprogramm._gc import running_gc
from handlungsprogramm.i18n.formatting import format_decimal, format_money
from handlungsprogramm.i18n.labels import enum_label, label, personnel_key
from handlungsprogramm.model import (
    FundingStatus,
    Measure,
    PersonnelUnit,
    Pillar,
    Programme,
    Side,
    YearMonth,
)
from handlungsprogramm.totals import PersonnelKey, Totals, compute_totals

__all__ = ["MAX_HEIGHT_IN", "MEASURES_PER_TIMELINE", "Chart", "build_charts"]

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
PILLAR_COLOURS = {
    Pillar.MITIGATION: "#0072B2",
    Pillar.ADAPTATION: "#E69F00",
    Pillar.BOTH: "#009E73",
}
# secured solid, applied hatched, planned light and dotted: not told by colour alone
STATUS_STYLE: dict[FundingStatus, tuple[float, str]] = {
    FundingStatus.SECURED: (1.0, ""),
    FundingStatus.APPLIED: (0.75, "///"),
    FundingStatus.PLANNED: (0.35, ".."),
}
SIDE_COLOURS = {Side.GERMAN: "#56B4E9", Side.PARTNER: "#D55E00"}
MEASURES_PER_TIMELINE = 25
"""Measures per timeline image; more are split over several images."""
INDICATORS_PER_IMAGE = 12
INDICATOR_COLUMNS = 4
INDICATOR_CELL_IN = 1.6
"""Height of one row of indicator cells."""
WIDTH_IN = 16.6 / 2.54
"""Figures are exactly the text width of the standard template."""
MAX_HEIGHT_IN = 9.0
"""Tallest figure: with its spacing and a two-line caption it fits the 25.1 cm text height
of the standard template, so a chart is never parted from its caption."""
TIMELINE_ROW_IN = 0.34
"""Height of one measure in the time plan; less when a full image would be too tall."""
TIMELINE_FRAME_IN = 1.3
"""Axis, legend and margins of the time plan."""
NUMBER_LANGUAGE = "de"
"""Numbers on charts follow the German document convention, as the tables do."""

_RC: dict[Any, Any] = {
    # Noto covers Latin, Greek, Cyrillic; the fallbacks cover Ethiopic and Arabic names.
    "font.family": ["Noto Sans", "Noto Sans Ethiopic", "Noto Sans Arabic", "DejaVu Sans"],
    "font.size": 8,
    "svg.hashsalt": "handlungsprogramm",  # stable ids inside the SVG
    "svg.fonttype": "path",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 150,
    # FreeType's auto-hinter (matplotlib's default) made glyph loading the largest cost
    # of a chart; at 150 dpi with anti-aliasing, unhinted glyphs look the same.
    "text.hinting": "no_hinting",
}


@dataclass(frozen=True, slots=True)
class Chart:
    """One rendered chart in both formats, with bilingual title and alt text."""

    name: str
    title: tuple[str, str]
    alt: tuple[str, str]
    png: bytes
    svg: bytes
    count: int = 0
    """How many bars (timeline) or panels the drawn figure holds, read back from it."""


def _plain(text: str) -> str:
    """A label for a chart: soft hyphens (line-break hints for Word) are not drawn."""
    return text.replace("\u00ad", "")


def _both(key: str, lang: str, **params: object) -> tuple[str, str]:
    return _plain(label(key, "de", **params)), _plain(label(key, lang, **params))


def _enum_both(member: StrEnum, lang: str) -> tuple[str, str]:
    return _plain(enum_label(member, "de")), _plain(enum_label(member, lang))


def _number(value: float) -> str:
    """A tick or value as the document writes numbers: "1,5", "41.000" (not "1.5", "41000")."""
    if value == 0:
        value = 0.0  # no "-0"
    exact = Decimal(f"{value:.6g}")  # what a tick needs, without binary noise (0.30000000000000004)
    return format_decimal(exact, NUMBER_LANGUAGE)


def _joined(pair: tuple[str, str]) -> str:
    return pair[0] if pair[0] == pair[1] else f"{pair[0]} / {pair[1]}"


def _save(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
    # The figure is exactly the text width, so 7 pt in the chart is 7 pt on paper.
    fig.canvas.draw()  # what savefig draws (figure dpi and face colour), drawn once
    svg = io.BytesIO()
    if svg_too:
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    png = _palette_png(fig.canvas.buffer_rgba(), fig.dpi)  # type: ignore[attr-defined]
    plt.close(fig)
    return png, svg.getvalue()


_FLAT_SHARE = 200
"""A colour covering at least 1/200 of a chart is a flat area (background, bar, band)."""


def _palette_png(rgba: Any, dpi: float) -> bytes:
    """The drawn chart as an 8-bit palette PNG: a third of the size of full colour.

    A chart has a few flat colours and the anti-aliased shades between them, so 256
    colours (Pillow's fast octree, no dithering) show no difference. An octree
    averages each colour with its shades, and may merge two close flat colours: every
    flat colour then gets a palette entry of its own, set exactly, so white stays
    white and a pillar keeps its colour. At 5,000 measures the time plan is ~200
    pictures: 47 MB in full colour, 15 MB as palettes, in memory and in the file.
    The resolution is recorded, so an exported chart keeps its size on paper.
    """
    pixels = np.asarray(rgba)[..., :3]
    # a quarter in each direction is enough to find the flat areas
    sample = pixels[::4, ::4].astype(np.uint32)
    packed = (sample[..., 0] << 16) | (sample[..., 1] << 8) | sample[..., 2]
    colours, first, counts = np.unique(packed, return_index=True, return_counts=True)
    order = np.argsort(-counts, kind="stable")[
        : np.count_nonzero(counts * _FLAT_SHARE >= packed.size)
    ]
    # the octree leaves an entry free for each flat colour, should it need one
    image = Image.fromarray(np.ascontiguousarray(pixels)).quantize(
        256 - len(order), method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    index = np.array(image)
    palette = (image.getpalette() or [])[: 3 * 256]
    palette += [0] * (3 * 256 - len(palette))
    used = np.bincount(index.ravel(), minlength=256)
    free = [entry for entry in range(255, -1, -1) if not used[entry]]
    taken: set[int] = set()
    for colour, position in zip(colours[order].tolist(), first[order].tolist(), strict=True):
        rgb = [colour >> 16, (colour >> 8) & 255, colour & 255]
        # no dithering: every pixel of one colour has the same entry
        entry = int(index[::4, ::4].flat[position])
        if entry in taken:  # merged with a more common flat colour: an entry of its own
            if not free:  # cannot happen (the octree left one per flat colour)
                continue
            entry = free.pop()
            index[(pixels == rgb).all(axis=2)] = entry
        palette[3 * entry : 3 * entry + 3] = rgb
        taken.add(entry)
    out = Image.fromarray(index)
    out.putpalette(palette)
    buffer = io.BytesIO()
    out.save(buffer, format="png", compress_level=6, dpi=(dpi, dpi))
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Every code point one of the chart fonts can draw."""
    points: set[int] = set()
    for family in _RC["font.family"]:
        try:
            path = font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:  # that font is not installed: its scripts are left out
            continue
        points.update(FT2Font(path).get_charmap())
    return frozenset(points)


def _drawable(text: str) -> str:
    """``text`` without characters no chart font has (emoji): never a missing-glyph box.

    The document itself keeps every character; only chart labels lose what cannot be drawn.
    """
    covered = _covered()
    return "".join(ch for ch in text if ord(ch) in covered or ch in "\n ")


def _short(text: str, size: int = 48) -> str:
    text = _drawable(text)
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _month_number(month: YearMonth) -> float:
    return month.year + (month.month - 1) / 12


_DRAWING = threading.Lock()
"""Held while a programme's charts are drawn."""


def build_charts(
    programme: Programme, *, svg: bool = True, totals: Totals | None = None
) -> list[Chart]:
    """Every chart of the programme, in document order; ``svg=False`` skips the SVG (faster)."""
    sums = totals if totals is not None else compute_totals(programme)
    # pyplot's figures and rcParams are process-wide: charts drawn from two threads at
    # once came out mixed. Threads take turns here (drawing holds the GIL anyway).
    # Figures are cyclic: with the collector paused (as during rendering) each closed
    # figure would stay in memory until the render ends.
    with _DRAWING, running_gc(), plt.rc_context(_RC):
        return [
            *_timelines(programme, svg),
            *_money(programme, svg, sums),
            *_personnel(programme, svg, sums),
            *_indicators(programme, svg),
        ]


def _ordered(programme: Programme) -> list[Measure]:
    order = {f.code: i for i, f in enumerate(programme.fields_of_action)}
    return sorted(
        programme.measures,
        key=lambda m: (order.get(m.field_of_action or "", len(order)),),
    )


_TIMELINE_BOTTOM_IN = 0.78
"""Below the bars: the year ticks and the two-row legend."""


def _timelines(programme: Programme, svg_too: bool) -> Iterator[Chart]:
    lang = programme.partner_language
    measures = [m for m in _ordered(programme) if m.timeline is not None]
    if not measures:
        return
    chunks = [
        measures[i : i + MEASURES_PER_TIMELINE]
        for i in range(0, len(measures), MEASURES_PER_TIMELINE)
    ]
    start, end = _month_number(programme.period.start), _month_number(programme.period.end) + 1 / 12
    for number, chunk in enumerate(chunks, start=1):
        row_in = min(TIMELINE_ROW_IN, (MAX_HEIGHT_IN - TIMELINE_FRAME_IN) / len(chunk))
        height = TIMELINE_FRAME_IN + row_in * len(chunk)
        fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
        ax.axvspan(start, end, color="#EEF2F0", zorder=0)
        labels = []
        previous_field = None
        for row, m in enumerate(chunk):
            tl = m.timeline
            assert tl is not None  # noqa: S101 - filtered above
            left = _month_number(tl.start)
            right = _month_number(tl.end) + 1 / 12 if tl.end else end
            ax.barh(row, right - left, left=left, height=0.6, color=PILLAR_COLOURS[m.pillar],
                    hatch="" if tl.end else "///", edgecolor="white" if tl.end else "#333333",
                    linewidth=0.5, zorder=2)  # fmt: skip
            if not tl.end:  # ongoing: an arrow beyond the period's end
                ax.annotate("", xy=(right + 0.25, row), xytext=(right, row),
                            arrowprops={"arrowstyle": "->", "color": "#333333"}, zorder=3)  # fmt: skip
            labels.append(
                f"{m.code}  {_short(m.title.get('de'), 36)}\n{_short(m.title.get(lang), 40)}"
            )
            if m.field_of_action != previous_field and row:
                ax.axhline(row - 0.5, color="#9AA5AF", linewidth=0.6, zorder=1)
            previous_field = m.field_of_action
        ax.set_yticks(range(len(chunk)), labels, fontsize=6.5, linespacing=1.05)
        # Fixed margins instead of constrained layout: only the label column is
        # measured (the text metrics are cached for drawing), which saves a whole
        # layout pass per image — the time plan of a large programme has dozens.
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        left = _label_width_in(fig, ax, renderer) + 0.15  # + tick and padding
        fig.subplots_adjust(
            left=min(left, 0.5 * WIDTH_IN) / WIDTH_IN, right=1 - 0.15 / WIDTH_IN,
            top=1 - 0.1 / height, bottom=_TIMELINE_BOTTOM_IN / height,
        )  # fmt: skip
        ax.invert_yaxis()
        years = range(programme.period.start.year, programme.period.end.year + 2)
        ax.set_xticks(list(years), [str(y) for y in years])
        ax.set_xlim(start - 0.1, end + 0.6)
        ax.grid(axis="x", color="#D5DBE0", linewidth=0.5, zorder=1)
        ax.set_axisbelow(True)
        handles = [
            Patch(
                facecolor=PILLAR_COLOURS[p],
                label=_joined(_enum_both(p, lang)),
            )
            for p in Pillar
        ]
        handles.append(
            Patch(
                facecolor="white",
                edgecolor="#333333",
                hatch="///",
                label=_joined(_both("measure.ongoing", lang)),
            )
        )
        fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=2,
                   frameon=False, fontsize=7)  # fmt: skip
        bars = sum(
            1
            for patch in ax.patches
            if isinstance(patch, Rectangle) and abs(patch.get_height() - 0.6) < 1e-6
        )
        title = _both("chart.timeline", lang)
        suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        png, svg = _save(fig, svg_too)
        first, last = chunk[0].code, chunk[-1].code
        alt = _both("chart.timeline_alt", lang, count=len(chunk), first=first, last=last)
        yield Chart(
            f"timeline-{number}", (title[0] + suffix, title[1] + suffix), alt, png, svg, bars
        )


def _money(programme: Programme, svg_too: bool, totals: Totals) -> Iterator[Chart]:
    lang = programme.partner_language
    statuses = list(FundingStatus)
    for currency, t in totals.money.items():
        fields = [f for f in programme.fields_of_action if f.code in t.by_field] + (
            [None] if "" in t.by_field else []
        )
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(WIDTH_IN, 1.4 + 0.45 * max(len(fields), 3)),
                                       gridspec_kw={"width_ratios": [3, 2]})  # fmt: skip
        # by field of action, stacked by funding status
        names = [
            f"{f.code} {_short(f.title.get('de'), 28)}\n{_short(f.title.get(lang), 30)}"
            if f
            else "–"
            for f in fields
        ]
        per_field_status: dict[tuple[str, FundingStatus], Decimal] = {}
        per_pillar_status: dict[tuple[Pillar, FundingStatus], Decimal] = {}
        for m in programme.measures:
            for item in m.resources.money:
                if item.currency != currency:
                    continue
                key_f = (m.field_of_action or "", item.status)
                per_field_status[key_f] = per_field_status.get(key_f, Decimal(0)) + item.amount
                key_p = (m.pillar, item.status)
                per_pillar_status[key_p] = per_pillar_status.get(key_p, Decimal(0)) + item.amount
        _stacked(
            ax1, names, [f.code if f else "" for f in fields], per_field_status, statuses, "#0072B2"
        )
        ax1.set_title(_joined(_both("resources.by_field_of_action", lang)), fontsize=8, loc="left")
        pillars = [p for p in Pillar if p in t.by_pillar]
        pillar_names = ["\n".join(_enum_both(p, lang)) for p in pillars]
        for index, pillar in enumerate(pillars):
            left = 0.0
            for status in statuses:
                value = float(per_pillar_status.get((pillar, status), Decimal(0)))
                ax2.barh(index, value, left=left, color=PILLAR_COLOURS[pillar], edgecolor="white",
                         linewidth=0.5, alpha=STATUS_STYLE[status][0], hatch=STATUS_STYLE[status][1])  # fmt: skip
                left += value
        ax2.set_yticks(range(len(pillars)), pillar_names, fontsize=7)
        ax2.invert_yaxis()
        ax2.set_title(_joined(_both("resources.by_pillar", lang)), fontsize=8, loc="left")
        for ax in (ax1, ax2):
            ax.xaxis.set_major_formatter(lambda value, _pos: _compact(value))
            ax.grid(axis="x", color="#D5DBE0", linewidth=0.5)
            ax.set_axisbelow(True)
            ax.set_xlabel(currency)
        handles = [
            Patch(
                facecolor="#555555",
                label=_joined(_enum_both(s, lang)),
                alpha=STATUS_STYLE[s][0],
                hatch=STATUS_STYLE[s][1],
            )
            for s in statuses
        ]
        # inside the figure: a legend below it (bbox_to_anchor y < 0) is cut off when saved
        fig.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=7)
        _place_row(fig, (ax1, ax2), (3, 2), top_in=0.3, bottom_in=0.85, gap_in=0.35)
        png, svg = _save(fig, svg_too)
        title = _both("chart.money", lang, currency=currency)
        alt = (
            label("chart.money_alt", "de", total=format_money(t.total, currency, "de")),
            label("chart.money_alt", lang, total=format_money(t.total, currency, lang)),
        )
        yield Chart(f"money-{currency}", title, alt, png, svg, len(fields))


def _place_row(
    fig: Figure, axes: Sequence[Any], ratios: Sequence[float], *, top_in: float,
    bottom_in: float, gap_in: float, right_in: float = 0.15,
) -> None:  # fmt: skip
    """Axes side by side, each starting right of its widest y label, in fixed margins.

    Replaces matplotlib's constrained layout, which draws the whole figure an extra time
    to measure it: only the y labels (names of varying length) are measured here; titles,
    ticks and legends have known heights at the fixed font sizes. The measured text is
    cached for the real drawing.
    """
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    width, height = fig.get_size_inches()
    labels = [_label_width_in(fig, ax, renderer) + 0.12 for ax in axes]  # + tick, padding
    free = max(width - 0.05 - sum(labels) - gap_in * (len(axes) - 1) - right_in, 0.5)
    spans = [free * ratio / sum(ratios) for ratio in ratios]
    # A title starts at its axes' left edge and may run over the gap and the next axes'
    # label column (labels sit lower), but not past the figure's right edge.
    overhang = [gap_in + label_in for label_in in labels[1:]] + [right_in - 0.1]
    needed = [
        _title_width(ax, renderer) / fig.dpi - room for ax, room in zip(axes, overhang, strict=True)
    ]
    short = sum(max(n - s, 0.0) for n, s in zip(needed, spans, strict=True))
    roomy = sum(s for n, s in zip(needed, spans, strict=True) if n < s)
    if short and roomy:
        spans = [s - short * s / roomy if n < s else n for n, s in zip(needed, spans, strict=True)]
    x = 0.05
    for ax, label_in, span in zip(axes, labels, spans, strict=True):
        x += label_in
        box = (x / width, bottom_in / height, span / width, (height - top_in - bottom_in) / height)
        ax.set_position(box)
        x += span + gap_in


def _label_width_in(fig: Figure, ax: Any, renderer: Any) -> float:
    """Width in inches of the axes' widest y label (measured once, cached for drawing)."""
    widths = (t.get_window_extent(renderer).width for t in ax.get_yticklabels())
    return max(widths, default=0.0) / fig.dpi


def _title_width(ax: Any, renderer: Any) -> float:
    """Width in pixels of the axes' widest title (left, centre or right)."""
    wanted = {ax.get_title(loc) for loc in ("left", "center", "right")} - {""}
    return max(
        (
            child.get_window_extent(renderer).width
            for child in ax.get_children()
            if isinstance(child, Text) and child.get_text() in wanted
        ),
        default=0.0,
    )


def _stacked(ax: object, names: Sequence[str], keys: Sequence[str],
             values: dict[tuple[str, FundingStatus], Decimal], statuses: Sequence[FundingStatus],
             colour: str) -> None:  # fmt: skip
    for row, key in enumerate(keys):
        left = 0.0
        for status in statuses:
            value = float(values.get((key, status), Decimal(0)))
            ax.barh(row, value, left=left, color=colour, edgecolor="white", linewidth=0.5,  # type: ignore[attr-defined]
                    alpha=STATUS_STYLE[status][0], hatch=STATUS_STYLE[status][1])  # fmt: skip
            left += value
    ax.set_yticks(range(len(names)), names, fontsize=7)  # type: ignore[attr-defined]
    ax.invert_yaxis()  # type: ignore[attr-defined]


def _compact(value: float) -> str:
    # language-neutral SI prefixes (the chart serves both languages), German digits
    for size, suffix in ((1e9, "\u00a0G"), (1e6, "\u00a0M"), (1e3, "\u00a0k")):
        if abs(value) >= size:
            return f"{_number(value / size)}{suffix}"
    return _number(value)


def _personnel(programme: Programme, svg_too: bool, totals: Totals) -> Iterator[Chart]:
    """One chart for one-off staff time and one for staff time per year, a panel per
    unit in each: yearly and one-off figures are never added or drawn on one scale, and
    a row of at most three panels keeps every label inside the picture."""
    for per_year in (False, True):
        units = [
            u
            for u in PersonnelUnit
            if any(k.unit is u and k.per_year is per_year for k in totals.personnel)
        ]
        if units:
            yield _personnel_chart(programme, svg_too, totals, units, per_year=per_year)


def _personnel_chart(
    programme: Programme,
    svg_too: bool,
    totals: Totals,
    units: list[PersonnelUnit],
    *,
    per_year: bool,
) -> Chart:
    lang = programme.partner_language
    fig, axes = plt.subplots(1, len(units), figsize=(WIDTH_IN, 1.6), squeeze=False)
    for ax, unit in zip(axes[0], units, strict=True):
        sides = list(Side)
        exact = [
            totals.personnel.get(PersonnelKey(side, unit, per_year), Decimal(0)) for side in sides
        ]
        values = [float(value) for value in exact]
        names = [_drawable(programme.partnership.municipality(side).name) for side in sides]
        ax.barh(range(len(sides)), values, color=[SIDE_COLOURS[s] for s in sides])
        ax.set_yticks(range(len(sides)), names, fontsize=7)
        ax.invert_yaxis()
        de, partner = _both(personnel_key(unit), lang)
        ax.set_title(de if de == partner else f"{de}\n{partner}", fontsize=8, loc="left")
        for row, (value, amount) in enumerate(zip(values, exact, strict=True)):
            shown = format_decimal(amount.normalize(), NUMBER_LANGUAGE)
            ax.text(value, row, f" {shown}", va="center", fontsize=7)
        ax.xaxis.set_major_formatter(lambda value, _pos: _number(value))
        ax.grid(axis="x", color="#D5DBE0", linewidth=0.5)
        ax.set_axisbelow(True)
    # room right of each row for the value written after its bar
    _place_row(
        fig, axes[0], (1,) * len(units), top_in=0.42, bottom_in=0.3, gap_in=0.5, right_in=0.45
    )
    png, svg = _save(fig, svg_too)
    title = _both("resources.personnel_per_side", lang)
    if per_year:
        year_de, year_partner = _both("unit.per_year", lang)
        title = (f"{title[0]} ({year_de})", f"{title[1]} ({year_partner})")
    alt = _both("chart.personnel_alt", lang)
    name = "personnel-per-year" if per_year else "personnel"
    return Chart(name, title, alt, png, svg, len(units))


def _indicators(programme: Programme, svg_too: bool) -> Iterator[Chart]:
    lang = programme.partner_language
    items = [
        (
            o.code
            if ind.municipality is None
            else f"{o.code} {programme.partnership.municipality(ind.municipality).name}",
            ind,
        )
        for _, _, _, o in programme.iter_operational()
        for _, ind in o.all_indicators()
        if ind.baseline is not None and ind.target is not None
    ]
    if not items:
        return
    chunks = [
        items[i : i + INDICATORS_PER_IMAGE] for i in range(0, len(items), INDICATORS_PER_IMAGE)
    ]
    for number, chunk in enumerate(chunks, start=1):
        rows = (len(chunk) + INDICATOR_COLUMNS - 1) // INDICATOR_COLUMNS
        fig = plt.figure(figsize=(WIDTH_IN, INDICATOR_CELL_IN * rows))
        # One axes for the whole grid, in cell units (x right, y down): the small
        # multiples are a few lines and texts each, and a matplotlib Axes per cell
        # (ticks, spines, its own layout pass) cost more than everything drawn in it.
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, INDICATOR_COLUMNS)
        ax.set_ylim(rows, 0)
        for index, (code, ind) in enumerate(chunk):
            if ind is None or ind.baseline is None or ind.target is None:  # filtered above
                continue
            row, col = divmod(index, INDICATOR_COLUMNS)
            exact = (ind.baseline.value, ind.target.value)
            unit = ind.unit if isinstance(ind.unit, str) else ind.unit.get("de")
            _indicator_cell(
                ax,
                col,
                row,
                (ind.baseline.year, ind.target.year),
                exact,
                f"{code} ({_short(unit, 18)})",
            )
        png, svg = _save(fig, svg_too)
        title = _both("chart.indicators", lang)
        suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        alt = _both("chart.indicators_alt", lang, count=len(chunk))
        yield Chart(
            f"indicators-{number}",
            (title[0] + suffix, title[1] + suffix),
            alt,
            png,
            svg,
            len(chunk),
        )


# Inside one indicator cell (1 × 1 units): where the plot area, the axis and the title go.
_CELL_LEFT, _CELL_RIGHT = 0.03, 0.94
_CELL_TOP, _CELL_AXIS = 0.2, 0.84
_POINT_INSET = 0.1
"""Baseline and target sit this far inside the plot area, as the former 0.6-year margins did."""


def _indicator_cell(
    ax: Any, col: int, row: int, years: tuple[int, int], exact: tuple[Decimal, Decimal], title: str
) -> None:
    """Baseline and target of one indicator as a line in its cell, with values and years."""
    ys = [float(value) for value in exact]
    low, high = min(ys), max(ys)
    pad = (high - low) * 0.35 or abs(high) * 0.2 or 1
    low, high = low - pad, high + pad
    top, bottom = row + _CELL_TOP + 0.08, row + _CELL_AXIS
    left, right = col + _CELL_LEFT, col + _CELL_RIGHT
    xs = [left + _POINT_INSET, right - _POINT_INSET]
    points = [bottom - (y - low) / (high - low) * (bottom - top) for y in ys]
    colour = "#009E73" if ys[1] >= ys[0] else "#CC79A7"
    # value labels first: they are the cell's first texts (tests read them in this order)
    for x, y, value in zip(xs, points, exact, strict=True):
        ax.annotate(
            format_decimal(value, NUMBER_LANGUAGE),  # as the objectives table shows it
            (x, y), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=6.5,
        )  # fmt: skip
    ax.plot(xs, points, marker="o", color=colour, linewidth=1.5, clip_on=False)
    axis = {"color": "black", "linewidth": 0.8, "solid_capstyle": "butt", "clip_on": False}
    ax.plot([left, left, right], [row + _CELL_TOP, bottom, bottom], **axis)
    for x, year in zip(xs, years, strict=True):
        ax.plot([x, x], [bottom, bottom + 0.025], **axis)
        ax.text(x, bottom + 0.04, str(year), ha="center", va="top", fontsize=6.5)
    ax.text(col + 0.015, row + 0.09, title, ha="left", va="center", fontsize=7)
