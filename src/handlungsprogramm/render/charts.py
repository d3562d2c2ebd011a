"""Pictures of the programme: time plan, money and personnel, indicators (matplotlib, Agg).

People read a time plan and a budget split faster from a picture than from a table.
Every chart is deterministic (fixed fonts, no timestamps, fixed SVG ids), never adds
different currencies, and carries a title and alt text in both languages for the tagged
PDF. A chart serves both readers at once, so:

- Its words are in both languages: titles, names beside bars (wrapped into lines, never
  cut), units, legends; municipalities are named by their town.
- Its numbers are in a form both read alike, not in one language's format ("1.250" is
  one and a quarter to an English reader): digits grouped by narrow no-break spaces
  ("41 000"), SI prefixes for amounts ("42 k", "2.7 M"), the decimal sign both
  languages share (the point for German with English), never three digits after it.
  :mod:`.chart_text` gives the reasons.
- Its colours mean one thing across the document (:mod:`.chart_style`): pillars,
  municipalities, or nothing (grey); status and "ongoing" are told by hatching too.
- Bars carry their values, indicator scales start at 0 and carry the relative change
  (:mod:`.chart_indicators`).

Amounts in a text of one language (the alt text) follow that language. Pictures are
300 ppi palette PNGs, exactly the text width wide.
"""

from __future__ import annotations

import gc
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

import matplotlib

matplotlib.use("Agg")  # no display, should anyone import pyplot; charts do not need it

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from handlungsprogramm._gc import running_gc
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.i18n.labels import enum_label, label
from handlungsprogramm.model import Measure, PersonnelUnit, Pillar, Programme, YearMonth
from handlungsprogramm.render import chart_resources
from handlungsprogramm.render.chart_draw import Key, figure, legend, row_labels, width_in
from handlungsprogramm.render.chart_indicators import COLUMNS, IndicatorCell, indicator_figure
from handlungsprogramm.render.chart_png import palette_png as _palette_png
from handlungsprogramm.render.chart_style import (
    BAR_IN,
    LINE_IN,
    MAX_HEIGHT_IN,
    PILLAR_COLOURS,
    RC,
    SIDE_COLOURS,
    STATUS_STYLE,
    WIDTH_IN,
)
from handlungsprogramm.render.chart_text import (
    ChartNumbers,
    both_label,
    families_for,
    joined,
    plain,
    wrap,
)
from handlungsprogramm.totals import Totals, compute_totals

__all__ = [
    "MAX_HEIGHT_IN",
    "MEASURES_PER_TIMELINE",
    "PILLAR_COLOURS",
    "SIDE_COLOURS",
    "STATUS_STYLE",
    "Chart",
    "build_charts",
]

MEASURES_PER_TIMELINE = 25
"""Most measures in one timeline image; more, or fewer with long titles, go to the next."""
INDICATORS_PER_IMAGE = 4 * COLUMNS
TIMELINE_WRAP = 64
"""Characters a line of a measure's title in the time plan (about 3.2 in at 6.5 pt)."""
TIMELINE_FRAME_IN = 1.0
"""Axis, legend and margins of the time plan."""
_ROW_GAP_IN = (0.05, 0.1)
"""Space between two measures of the time plan: at least, and at most."""
_TIMELINE_BOTTOM_IN = 0.78
"""Below the bars: the year ticks and the two-row legend."""


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


def _save(fig: Figure, svg_too: bool) -> tuple[bytes, bytes]:
    # The figure is exactly the text width, so 7 pt in the chart is 7 pt on paper.
    fig.canvas.draw()  # what savefig draws (figure dpi and face colour), drawn once
    svg = io.BytesIO()
    if svg_too:
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    png = _palette_png(fig.canvas.buffer_rgba(), fig.dpi)  # type: ignore[attr-defined]
    # Figures are webs of cycles (their texts keep the renderer, and with it the 20 MB
    # picture at 300 ppi): collecting here frees the last one at once, not figures later.
    gc.collect()
    return png, svg.getvalue()


def _month_number(month: YearMonth) -> float:
    return month.year + (month.month - 1) / 12


_DRAWING = threading.Lock()
"""Held while a programme's charts are drawn."""


def _texts(programme: Programme) -> Iterator[str]:
    """Every name of the programme a chart may draw."""
    for m in programme.measures:
        yield from m.title.root.values()
    for f in programme.fields_of_action:
        yield from f.title.root.values()
    for side_municipality in (programme.partnership.german, programme.partnership.partner):
        yield side_municipality.name
        yield side_municipality.town or ""
    for _, _, _, o in programme.iter_operational():
        for _, ind in o.all_indicators():
            yield from ind.name.root.values()
            yield from [ind.unit] if isinstance(ind.unit, str) else ind.unit.root.values()


def build_charts(
    programme: Programme, *, svg: bool = True, totals: Totals | None = None
) -> list[Chart]:
    """Every chart of the programme, in document order; ``svg=False`` skips the SVG (faster)."""
    sums = totals if totals is not None else compute_totals(programme)
    numbers = ChartNumbers(programme.partner_language)
    rc = {**RC, "font.family": list(families_for(_texts(programme)))}
    # matplotlib's rcParams are process-wide: charts drawn from two threads at once came
    # out mixed. Threads take turns here (drawing holds the GIL anyway). Figures are
    # cyclic: with the collector paused (as during rendering) each finished figure
    # would stay in memory until the render ends.
    with _DRAWING, running_gc(), matplotlib.rc_context(rc):
        return list(
            chain(
                _timelines(programme, svg),
                _money(programme, svg, sums, numbers),
                _personnel(programme, svg, sums, numbers),
                _indicators(programme, svg, numbers),
            )
        )


def _ordered(programme: Programme) -> list[Measure]:
    order = {f.code: i for i, f in enumerate(programme.fields_of_action)}
    return sorted(
        programme.measures,
        key=lambda m: (order.get(m.field_of_action or "", len(order)),),
    )


def _timeline_label(measure: Measure, lang: str) -> list[str]:
    lines = wrap(f"{measure.code}  {measure.title.get('de')}", TIMELINE_WRAP)
    if measure.title.get(lang) != measure.title.get("de"):
        lines += wrap(measure.title.get(lang), TIMELINE_WRAP)
    return lines


def _timeline_chunks(measures: list[Measure], labels: list[list[str]]) -> list[range]:
    """Measures in images: at most 25 each, and no more than fit the tallest image
    with the least space between rows (a title of four lines needs more room)."""
    room = MAX_HEIGHT_IN - TIMELINE_FRAME_IN
    chunks, start, used = [], 0, 0.0
    for index, lines in enumerate(labels):
        need = max(len(lines), 2) * LINE_IN + _ROW_GAP_IN[0]
        if index > start and (index - start == MEASURES_PER_TIMELINE or used + need > room):
            chunks.append(range(start, index))
            start, used = index, 0.0
        used += need
    if labels:
        chunks.append(range(start, len(labels)))
    return chunks


def _timelines(programme: Programme, svg_too: bool) -> Iterator[Chart]:
    lang = programme.partner_language
    measures = [m for m in _ordered(programme) if m.timeline is not None]
    labels = [_timeline_label(m, lang) for m in measures]
    chunks = _timeline_chunks(measures, labels)
    start, end = _month_number(programme.period.start), _month_number(programme.period.end) + 1 / 12
    for number, chunk in enumerate(chunks, start=1):
        lines = [max(len(labels[i]), 2) * LINE_IN for i in chunk]
        spare = (MAX_HEIGHT_IN - TIMELINE_FRAME_IN - sum(lines)) / len(chunk)
        gap = min(_ROW_GAP_IN[1], max(_ROW_GAP_IN[0], spare))
        rows = [line + gap for line in lines]
        height = TIMELINE_FRAME_IN + sum(rows)
        fig = figure(WIDTH_IN, height)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.axvspan(start, end, color="#EEF2F0", zorder=0)
        centres, top, previous_field = [], 0.0, None
        for row, index in enumerate(chunk):
            m = measures[index]
            tl = m.timeline
            assert tl is not None  # noqa: S101 - filtered above
            centre = top + rows[row] / 2
            centres.append(centre)
            if m.field_of_action != previous_field and row:
                ax.axhline(top, color="#9AA5AF", linewidth=0.6, zorder=1)
            previous_field = m.field_of_action
            top += rows[row]
            left = _month_number(tl.start)
            right = _month_number(tl.end) + 1 / 12 if tl.end else end
            ax.barh(centre, right - left, left=left, height=BAR_IN, color=PILLAR_COLOURS[m.pillar],
                    hatch="" if tl.end else "///", edgecolor="white" if tl.end else "#333333",
                    linewidth=0.5, zorder=2)  # fmt: skip
            if not tl.end:  # ongoing: an arrow beyond the period's end
                ax.annotate("", xy=(right + 0.25, centre), xytext=(right, centre),
                            arrowprops={"arrowstyle": "->", "color": "#333333"}, zorder=3)  # fmt: skip
        names = row_labels(ax, centres, [labels[i] for i in chunk])
        ax.set_ylim(top, 0)
        # Fixed margins instead of constrained layout: only the label column is
        # measured (the text metrics are cached for drawing), which saves a whole
        # layout pass per image — the time plan of a large programme has dozens.
        left = width_in(fig, names) + 0.15  # + tick and padding
        left = min(left, 0.5 * WIDTH_IN)
        ax.set_position((left / WIDTH_IN, _TIMELINE_BOTTOM_IN / height,
                         (WIDTH_IN - left - 0.15) / WIDTH_IN, top / height))  # fmt: skip
        years = range(programme.period.start.year, programme.period.end.year + 2)
        ax.set_xticks(list(years), [str(y) for y in years], fontsize=7)
        ax.set_xlim(start - 0.1, end + 0.6)
        ax.grid(axis="x", color="#D5DBE0", linewidth=0.5, zorder=1)
        ax.set_axisbelow(True)
        keys = {p: Key(joined(_enum_both(p, lang)), style={"facecolor": PILLAR_COLOURS[p]})
                for p in Pillar}  # fmt: skip
        ongoing = Key(joined(both_label("measure.ongoing", lang)),
                      style={"facecolor": "white", "edgecolor": "#333333", "hatch": "///",
                             "linewidth": 0.5})  # fmt: skip
        legend(fig, [[keys[Pillar.MITIGATION], keys[Pillar.BOTH]],
                     [keys[Pillar.ADAPTATION], ongoing]], bottom=0.12)  # fmt: skip
        bars = sum(
            1
            for patch in ax.patches
            if isinstance(patch, Rectangle) and abs(patch.get_height() - BAR_IN) < 1e-6
        )
        title = both_label("chart.timeline", lang)
        suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        png, svg = _save(fig, svg_too)
        first, last = measures[chunk[0]].code, measures[chunk[-1]].code
        alt = both_label("chart.timeline_alt", lang, count=len(chunk), first=first, last=last)
        yield Chart(
            f"timeline-{number}", (title[0] + suffix, title[1] + suffix), alt, png, svg, bars
        )


def _enum_both(member: Pillar, lang: str) -> tuple[str, str]:
    return plain(enum_label(member, "de")), plain(enum_label(member, lang))


def _with_values(alt: tuple[str, str], lang: str) -> tuple[str, str]:
    note = both_label("chart.values_alt", lang)
    return f"{alt[0]} {note[0]}", f"{alt[1]} {note[1]}"


def _money(
    programme: Programme, svg_too: bool, totals: Totals, numbers: ChartNumbers
) -> Iterator[Chart]:
    lang = programme.partner_language
    for currency, t in totals.money.items():
        fig, fields = chart_resources.money_figure(programme, currency, totals, numbers, WIDTH_IN)
        png, svg = _save(fig, svg_too)
        title = both_label("chart.money", lang, currency=currency)
        alt = (
            label("chart.money_alt", "de", total=format_money(t.total, currency, "de")),
            label("chart.money_alt", lang, total=format_money(t.total, currency, lang)),
        )
        yield Chart(f"money-{currency}", title, _with_values(alt, lang), png, svg, fields)


def _personnel(
    programme: Programme, svg_too: bool, totals: Totals, numbers: ChartNumbers
) -> Iterator[Chart]:
    """One chart for one-off staff time and one for staff time per year, a panel per
    unit in each: yearly and one-off figures are never added or drawn on one scale."""
    lang = programme.partner_language
    for per_year in (False, True):
        units = [
            u
            for u in PersonnelUnit
            if any(k.unit is u and k.per_year is per_year for k in totals.personnel)
        ]
        if not units:
            continue
        fig = chart_resources.personnel_figure(
            programme, totals, units, numbers, WIDTH_IN, per_year=per_year
        )
        png, svg = _save(fig, svg_too)
        title = both_label("resources.personnel_per_side", lang)
        if per_year:
            year_de, year_partner = both_label("unit.per_year", lang)
            title = (f"{title[0]} ({year_de})", f"{title[1]} ({year_partner})")
        alt = _with_values(both_label("chart.personnel_alt", lang), lang)
        name = "personnel-per-year" if per_year else "personnel"
        yield Chart(name, title, alt, png, svg, len(units))


def _indicators(programme: Programme, svg_too: bool, numbers: ChartNumbers) -> Iterator[Chart]:
    lang = programme.partner_language
    partnership = programme.partnership
    towns = {
        side: partnership.municipality(side).town or partnership.municipality(side).name
        for side in SIDE_COLOURS
    }
    cells = [
        IndicatorCell(o.code, None if ind.municipality is None else towns[ind.municipality], ind)
        for _, _, _, o in programme.iter_operational()
        for _, ind in o.all_indicators()
        if ind.baseline is not None and ind.target is not None
    ]
    chunks = [
        cells[i : i + INDICATORS_PER_IMAGE] for i in range(0, len(cells), INDICATORS_PER_IMAGE)
    ]
    for number, chunk in enumerate(chunks, start=1):
        fig = indicator_figure(chunk, width_in=WIDTH_IN, lang=lang, numbers=numbers,
                               side_colours=SIDE_COLOURS, towns=towns)  # fmt: skip
        png, svg = _save(fig, svg_too)
        title = both_label("chart.indicators", lang)
        suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        alt = both_label("chart.indicators_alt", lang, count=len(chunk))
        scale = both_label("chart.indicators_scale_alt", lang)
        yield Chart(
            f"indicators-{number}",
            (title[0] + suffix, title[1] + suffix),
            (f"{alt[0]} {scale[0]}", f"{alt[1]} {scale[1]}"),
            png,
            svg,
            len(chunk),
        )
