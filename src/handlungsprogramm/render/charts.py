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

import contextlib
import gc
import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display, should anyone import pyplot; charts do not need it

from matplotlib.figure import Figure

from handlungsprogramm._gc import running_gc
from handlungsprogramm.compose.values import in_words
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.model import Measure, PersonnelUnit, Programme, Side
from handlungsprogramm.render import chart_resources
from handlungsprogramm.render.chart_indicators import COLUMNS, IndicatorCell, indicator_figure
from handlungsprogramm.render.chart_png import palette_png as _palette_png
from handlungsprogramm.render.chart_pool import ChartPool
from handlungsprogramm.render.chart_style import (
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
    wrap,
)
from handlungsprogramm.render.chart_timeline import FRAME_IN, ROW_GAP_IN, timeline_figure
from handlungsprogramm.totals import Totals, compute_totals

__all__ = [
    "MAX_HEIGHT_IN",
    "MEASURES_PER_TIMELINE",
    "PILLAR_COLOURS",
    "PLACEMENT",
    "SIDE_COLOURS",
    "STATUS_STYLE",
    "Chart",
    "ChartJob",
    "ChartPool",
    "build_charts",
    "drawing",
    "plan_charts",
    "start_charts",
]

MEASURES_PER_TIMELINE = 25
"""Most measures in one timeline image; more, or fewer with long titles, go to the next."""
INDICATORS_PER_IMAGE = 4 * COLUMNS
TIMELINE_WRAP = 64
"""Characters a line of a measure's title in the time plan (about 3.2 in at 6.5 pt)."""
TIMELINE_FRAME_IN = FRAME_IN
"""Axis, legend and margins of the time plan."""


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


ChartJob = tuple[str, Callable[[], Chart]]
"""A chart's name and what draws it: the name is known before anything is drawn."""


def plan_charts(
    programme: Programme, *, svg: bool = True, totals: Totals | None = None
) -> tuple[list[ChartJob], dict[Any, Any]]:
    """Every chart of the programme as a job, in document order, and the matplotlib
    settings to draw them with (:func:`drawing`).

    Planning is cheap (which charts, their names, what goes on each); drawing is where
    the time goes, so the jobs can be shared out (:mod:`.chart_pool`). Each job draws
    its chart alone, from fresh figures, so its bytes do not depend on which process
    draws it nor in which order.
    """
    sums = totals if totals is not None else compute_totals(programme)
    numbers = ChartNumbers(programme.partner_language)
    rc: dict[Any, Any] = {**RC, "font.family": list(families_for(_texts(programme)))}
    jobs = [
        *_timelines(programme, svg),
        *_money(programme, svg, sums, numbers),
        *_personnel(programme, svg, sums, numbers),
        *_indicators(programme, svg, numbers),
    ]
    return jobs, rc


@contextlib.contextmanager
def drawing(rc: dict[Any, Any]) -> Iterator[None]:
    """Where charts are drawn: one thread at a time, with the collector on, in ``rc``.

    matplotlib's rcParams are process-wide: charts drawn from two threads at once came
    out mixed. Threads take turns here (drawing holds the GIL anyway). Figures are
    cyclic: with the collector paused (as during rendering) each finished figure
    would stay in memory until the render ends. ``_save`` collects the figure before
    the one it saves; the last one is collected on leaving, while the collector still
    runs (a chart drawn on demand during rendering is the last one of its block).
    """
    with _DRAWING, running_gc(), matplotlib.rc_context(rc):
        try:
            yield
        finally:
            gc.collect()


def build_charts(
    programme: Programme,
    *,
    svg: bool = True,
    totals: Totals | None = None,
    parallel: bool | None = False,
) -> list[Chart]:
    """Every chart of the programme, in document order; ``svg=False`` skips the SVG (faster).

    ``parallel=None`` shares the drawing with a second process where asked for and
    safe (:func:`start_charts`); by default every chart is drawn here, one after the other.
    """
    if parallel is not False:
        with start_charts(programme, svg=svg, totals=totals, parallel=parallel) as pending:
            return list(pending.values())
    jobs, rc = plan_charts(programme, svg=svg, totals=totals)
    with drawing(rc):
        return [draw() for _, draw in jobs]


PLACEMENT = ("indicators-", "timeline-", "money-", "personnel")
"""The order in which the standard template places the charts: the helper process draws
them in this order, so the first one the document needs is the first one ready."""


def start_charts(
    programme: Programme,
    *,
    svg: bool = False,
    totals: Totals | None = None,
    parallel: bool | None = None,
) -> ChartPool[Chart]:
    """The programme's charts, drawn as they are needed while the caller goes on.

    A mapping from name to :class:`Chart` in document order, to be used as a context
    manager. A second process draws the charts in :data:`PLACEMENT` order from the
    start; a chart the caller asks for that no one has begun is drawn at once by the
    caller, and while the caller waits for one it draws another. ``parallel=None``
    uses the second process when asked for (``HANDLUNGSPROGRAMM_CHART_PROCESS=1``),
    there is a spare core and it is safe to fork (:func:`.chart_pool.can_fork`);
    ``False`` draws everything in this process, on demand; ``True`` forks wherever
    fork exists (tests).
    """
    jobs, rc = plan_charts(programme, svg=svg, totals=totals)
    rank = {prefix: i for i, prefix in enumerate(PLACEMENT)}
    front = sorted(
        range(len(jobs)),
        key=lambda i: next((r for p, r in rank.items() if jobs[i][0].startswith(p)), len(rank)),
    )
    return ChartPool(jobs, front, lambda: drawing(rc), parallel=parallel)


def _ordered(programme: Programme) -> list[Measure]:
    order = {f.code: i for i, f in enumerate(programme.fields_of_action)}
    return sorted(
        programme.measures,
        key=lambda m: (order.get(m.field_of_action or "", len(order)),),
    )


def _timeline_label(measure: Measure, lang: str) -> list[str]:
    german, partner = in_words(measure.title, "de"), in_words(measure.title, lang)
    lines = wrap(f"{measure.code}  {german}", TIMELINE_WRAP)
    if partner != german:
        lines += wrap(partner, TIMELINE_WRAP)
    return lines


def _timeline_chunks(measures: list[Measure], labels: list[list[str]]) -> list[range]:
    """Measures in images: at most 25 each, and no more than fit the tallest image
    with the least space between rows (a title of four lines needs more room)."""
    room = MAX_HEIGHT_IN - TIMELINE_FRAME_IN
    chunks, start, used = [], 0, 0.0
    for index, lines in enumerate(labels):
        need = max(len(lines), 2) * LINE_IN + ROW_GAP_IN[0]
        if index > start and (index - start == MEASURES_PER_TIMELINE or used + need > room):
            chunks.append(range(start, index))
            start, used = index, 0.0
        used += need
    if labels:
        chunks.append(range(start, len(labels)))
    return chunks


def _timelines(programme: Programme, svg_too: bool) -> list[ChartJob]:
    lang = programme.partner_language
    measures = [m for m in _ordered(programme) if m.timeline is not None]
    labels = [_timeline_label(m, lang) for m in measures]
    chunks = _timeline_chunks(measures, labels)
    return [
        (f"timeline-{number}", partial(_timeline, programme, svg_too, measures, labels, chunk,
                                       number, len(chunks)))
        for number, chunk in enumerate(chunks, start=1)
    ]  # fmt: skip


def _timeline(programme: Programme, svg_too: bool, measures: list[Measure],
              labels: list[list[str]], chunk: range, number: int, of: int) -> Chart:  # fmt: skip
    """One image of the time plan: the measures of ``chunk``."""
    lang = programme.partner_language
    fig, bars = timeline_figure(programme, [measures[i] for i in chunk],
                                [labels[i] for i in chunk])  # fmt: skip
    title = both_label("chart.timeline", lang)
    suffix = f" ({number}/{of})" if of > 1 else ""
    png, svg = _save(fig, svg_too)
    first, last = measures[chunk[0]].code, measures[chunk[-1]].code
    alt = both_label("chart.timeline_alt", lang, count=len(chunk), first=first, last=last)
    return Chart(f"timeline-{number}", (title[0] + suffix, title[1] + suffix), alt, png, svg, bars)


def _with_values(alt: tuple[str, str], lang: str) -> tuple[str, str]:
    note = both_label("chart.values_alt", lang)
    return f"{alt[0]} {note[0]}", f"{alt[1]} {note[1]}"


def _money(
    programme: Programme, svg_too: bool, totals: Totals, numbers: ChartNumbers
) -> list[ChartJob]:
    return [
        (f"money-{currency}", partial(_money_chart, programme, svg_too, totals, numbers, currency))
        for currency in totals.money
    ]


def _money_chart(
    programme: Programme, svg_too: bool, totals: Totals, numbers: ChartNumbers, currency: str
) -> Chart:
    lang = programme.partner_language
    t = totals.money[currency]
    fig, fields = chart_resources.money_figure(programme, currency, totals, numbers, WIDTH_IN)
    png, svg = _save(fig, svg_too)
    title = both_label("chart.money", lang, currency=currency)
    alt = (
        label("chart.money_alt", "de", total=format_money(t.total, currency, "de")),
        label("chart.money_alt", lang, total=format_money(t.total, currency, lang)),
    )
    return Chart(f"money-{currency}", title, _with_values(alt, lang), png, svg, fields)


def _personnel(
    programme: Programme, svg_too: bool, totals: Totals, numbers: ChartNumbers
) -> list[ChartJob]:
    """One chart for one-off staff time and one for staff time per year, a panel per
    unit in each: yearly and one-off figures are never added or drawn on one scale."""
    jobs: list[ChartJob] = []
    for per_year in (False, True):
        units = [
            u
            for u in PersonnelUnit
            if any(k.unit is u and k.per_year is per_year for k in totals.personnel)
        ]
        if units:
            name = "personnel-per-year" if per_year else "personnel"
            draw = partial(_personnel_chart, programme, svg_too, totals, numbers, units, per_year)
            jobs.append((name, draw))
    return jobs


def _personnel_chart(programme: Programme, svg_too: bool, totals: Totals, numbers: ChartNumbers,
                     units: list[PersonnelUnit], per_year: bool) -> Chart:  # fmt: skip
    lang = programme.partner_language
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
    return Chart(name, title, alt, png, svg, len(units))


def _indicators(programme: Programme, svg_too: bool, numbers: ChartNumbers) -> list[ChartJob]:
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
    return [
        (f"indicators-{number}", partial(_indicator_chart, programme, svg_too, numbers, towns,
                                         chunk, number, len(chunks)))
        for number, chunk in enumerate(chunks, start=1)
    ]  # fmt: skip


def _indicator_chart(programme: Programme, svg_too: bool, numbers: ChartNumbers,
                     towns: dict[Side, str], chunk: list[IndicatorCell], number: int,
                     of: int) -> Chart:  # fmt: skip
    lang = programme.partner_language
    fig = indicator_figure(chunk, width_in=WIDTH_IN, lang=lang, numbers=numbers,
                           side_colours=SIDE_COLOURS, towns=towns)  # fmt: skip
    png, svg = _save(fig, svg_too)
    title = both_label("chart.indicators", lang)
    suffix = f" ({number}/{of})" if of > 1 else ""
    alt = both_label("chart.indicators_alt", lang, count=len(chunk))
    scale = both_label("chart.indicators_scale_alt", lang)
    return Chart(
        f"indicators-{number}",
        (title[0] + suffix, title[1] + suffix),
        (f"{alt[0]} {scale[0]}", f"{alt[1]} {scale[1]}"),
        png,
        svg,
        len(chunk),
    )
