"""Indicator small multiples: baseline, interim targets and target of each indicator.

Every cell has a scale of its own that starts at 0. The height a line rises or falls is
then its share of the value: a fall of 1.5 % is nearly flat, one of 34 % drops by a
third, and the relative change ("–34 %") is written above the cell. A scale shared by all
cells (relative to the baseline) was the alternative, but most indicators of new things
(trees planted, wells built) start at 0, where a relative scale has no meaning. Values
carry their numbers and the unit stands in both languages under the name; the change
is left out for units in percent (a change of a share would be percentage points) and
for a baseline of 0.

Colour says where an indicator is measured, as everywhere in the document: the
municipalities' colours for an indicator of one town (its name beside the code), grey
for the others; the legend says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from handlungsprogramm.model import Indicator, Side
from handlungsprogramm.render.chart_draw import figure, text_lines
from handlungsprogramm.render.chart_style import LABEL_PT as _SIZE
from handlungsprogramm.render.chart_style import LINE_IN as _LINE_IN
from handlungsprogramm.render.chart_style import NEUTRAL
from handlungsprogramm.render.chart_text import ChartNumbers, both_label, drawable, joined, wrap

__all__ = ["COLUMNS", "IndicatorCell", "indicator_figure"]

COLUMNS = 3
"""Cells side by side: room for names of about 40 characters a line."""
_WRAP = 40
_GAP_IN = 0.22
_PLOT_IN = 0.7
"""Height of the plot area of a cell."""
_ABOVE_IN = 0.22
"""Room above the plot for a value written over the highest point."""
_HEAD = 1.5 + 0.35
"""Lines of a cell's head besides names and unit: the code line, a gap before the unit."""
_BELOW_IN = 0.2
"""The years under the axis."""
_ROW_GAP_IN = 0.14
_LEGEND_IN = 0.55


@dataclass(slots=True)
class _Marks:
    """Lines and points of all cells, drawn together: a few artists for the whole grid
    instead of a dozen per cell (creating and drawing each costs more than its pixels)."""

    axes: list[list[tuple[float, float]]] = field(default_factory=list)
    lines: list[list[tuple[float, float]]] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    points: dict[tuple[str, str], list[tuple[float, float]]] = field(default_factory=dict)

    def draw(self, ax: Axes) -> None:
        ax.add_collection(LineCollection(self.axes, colors="black", linewidths=0.6,
                                         capstyle="butt", clip_on=False))  # fmt: skip
        ax.add_collection(LineCollection(self.lines, colors=self.colours, linewidths=1.4,
                                         clip_on=False, zorder=2))  # fmt: skip
        for (kind, colour), xy in sorted(self.points.items()):
            hollow = kind == "interim"
            ax.plot([x for x, _ in xy], [y for _, y in xy], linestyle="none",
                    marker="o" if hollow else kind, markersize=4.2 if hollow else 4.8,
                    color=colour, markerfacecolor="white" if hollow else colour,
                    markeredgewidth=1, clip_on=False, zorder=3)  # fmt: skip


@dataclass(frozen=True, slots=True)
class IndicatorCell:
    """One indicator as its cell shows it."""

    code: str
    town: str | None
    indicator: Indicator


def _header(cell: IndicatorCell, lang: str) -> list[str]:
    ind = cell.indicator
    name_de, name_partner = ind.name.get("de"), ind.name.get(lang)
    lines = wrap(name_de, _WRAP)
    if name_partner and name_partner != name_de:
        lines += wrap(name_partner, _WRAP)
    return lines


def _unit(cell: IndicatorCell, lang: str) -> list[str]:
    unit = cell.indicator.unit
    if isinstance(unit, str):
        return wrap(unit, _WRAP)
    return wrap(joined((unit.get("de"), unit.get(lang) or unit.get("de"))), _WRAP)


def indicator_figure(
    cells: Sequence[IndicatorCell],
    *,
    width_in: float,
    lang: str,
    numbers: ChartNumbers,
    side_colours: Mapping[Side, str],
    towns: Mapping[Side, str],
) -> Figure:
    """A grid of ``cells``, :data:`COLUMNS` a row, with a legend below."""
    headers = [_header(cell, lang) for cell in cells]
    units = [_unit(cell, lang) for cell in cells]
    rows = [
        range(start, min(start + COLUMNS, len(cells))) for start in range(0, len(cells), COLUMNS)
    ]
    heights = [
        _LINE_IN * (_HEAD + max(len(headers[i]) + len(units[i]) for i in row)) + _ABOVE_IN
        + _PLOT_IN + _BELOW_IN
        for row in rows
    ]  # fmt: skip
    height = sum(heights) + _ROW_GAP_IN * (len(rows) - 1) + _LEGEND_IN + 0.1
    fig = figure(width_in, height)
    # One axes for the whole grid, in inches (x right, y down): the small multiples are
    # a few lines and texts each, and a matplotlib Axes per cell (ticks, spines, its own
    # layout pass) cost more than everything drawn in it.
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, width_in)
    ax.set_ylim(height, 0)
    cell_in = (width_in - 0.1) / COLUMNS
    top = 0.05
    marks = _Marks()
    for row, row_height in zip(rows, heights, strict=True):
        lines = max(len(headers[i]) + len(units[i]) for i in row)
        for col, index in enumerate(row):
            left = 0.05 + col * cell_in
            _cell(ax, marks, cells[index], (headers[index], units[index]),
                  (left, top, cell_in - _GAP_IN), lines, numbers, side_colours)  # fmt: skip
        top += row_height + _ROW_GAP_IN
    marks.draw(ax)
    _legend(fig, cells, lang, side_colours, towns)
    return fig


def _cell(ax: Axes, marks: _Marks, cell: IndicatorCell, texts: tuple[list[str], list[str]],
          box: tuple[float, float, float], lines: int, numbers: ChartNumbers,
          side_colours: Mapping[Side, str]) -> None:  # fmt: skip
    """One cell: code, town and change; names; the unit over the scale; the values over
    the years. ``lines`` is the most lines of names and unit in the cell's row."""
    header, unit_lines = texts
    left, top, width = box
    ind = cell.indicator
    assert ind.baseline is not None  # noqa: S101 - filtered before
    assert ind.target is not None  # noqa: S101 - filtered before
    points = sorted(
        [(ind.baseline.year, ind.baseline.value, "o"), (ind.target.year, ind.target.value, "D")]
        + [(v.year, v.value, "interim") for v in ind.interim_targets]
    )  # fmt: skip
    colour = NEUTRAL if ind.municipality is None else side_colours[ind.municipality]
    title = cell.code if cell.town is None else f"{cell.code} · {drawable(cell.town)}"
    text = ax.text
    text(left, top, title, fontsize=7, fontweight="bold", va="top")
    unit = ind.unit if isinstance(ind.unit, str) else ind.unit.get("de")
    change = None if unit.strip() == "%" else numbers.change(ind.baseline.value, ind.target.value)
    if change:
        text(left + width, top, change, fontsize=7, fontweight="bold", va="top", ha="right")
    text_lines(ax, (left, top + _LINE_IN * 1.5), header, transform=ax.transData)
    plot_top = top + _LINE_IN * (_HEAD + lines) + _ABOVE_IN
    plot_bottom = plot_top + _PLOT_IN
    # the unit stands at the head of the scale, as an axis title
    text_lines(ax, (left + 0.09, plot_top - _ABOVE_IN), unit_lines, transform=ax.transData,
               anchor="bottom")  # fmt: skip
    x0, x1 = left + 0.22, left + width - 0.2  # room for "0" left and a value right
    values = [float(value) for _, value, _ in points]
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    first, last = points[0][0], points[-1][0]

    def xy(year: int, value: Decimal) -> tuple[float, float]:
        x = (x0 + x1) / 2 if last == first else x0 + (year - first) / (last - first) * (x1 - x0)
        return x, plot_bottom - (float(value) - low) / span * _PLOT_IN

    zero = plot_bottom - (0 - low) / span * _PLOT_IN
    spine = left + 0.12
    marks.axes += [
        [(spine, plot_top - 0.06), (spine, plot_bottom)],
        [(spine, zero), (left + width, zero)],
    ]
    text(left + 0.09, zero, "0", fontsize=6, ha="right", va="center")
    coords = [xy(year, value) for year, value, _ in points]
    marks.lines.append(coords)
    marks.colours.append(colour)
    for (year, value, kind), (x, y) in zip(points, coords, strict=True):
        marks.points.setdefault((kind, colour), []).append((x, y))
        text(x, y - 0.07, numbers.number(value), fontsize=6, ha="center", va="bottom",
             color="#333333" if kind == "interim" else "black")  # fmt: skip
        marks.axes.append([(x, plot_bottom), (x, plot_bottom + 0.03)])
        text(x, plot_bottom + 0.05, str(year), fontsize=6, ha="center", va="top")


def _legend(fig: Figure, cells: Sequence[IndicatorCell], lang: str,
            side_colours: Mapping[Side, str], towns: Mapping[Side, str]) -> None:  # fmt: skip
    """What the marks and colours mean, and how the scales are read."""
    marker = {"linestyle": "none", "color": NEUTRAL, "markersize": 5}
    handles = [
        Line2D([], [], marker="o", label=joined(both_label("objective.baseline_value", lang)),
               **marker),  # type: ignore[arg-type]
        Line2D([], [], marker="o", markerfacecolor="white",
               label=joined(both_label("chart.interim_target", lang)), **marker),  # type: ignore[arg-type]
        Line2D([], [], marker="D", label=joined(both_label("objective.target_value", lang)),
               **marker),  # type: ignore[arg-type]
    ]  # fmt: skip
    for side in Side:
        if any(cell.indicator.municipality is side for cell in cells):
            handles.append(
                Line2D([], [], color=side_colours[side], linewidth=2, label=drawable(towns[side]))
            )
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.27 / fig.get_figheight()),
               ncol=len(handles), frameon=False, fontsize=_SIZE, handlelength=1.5,
               columnspacing=1.2)  # fmt: skip
    note = list(dict.fromkeys(both_label("chart.indicator_note", lang)))
    text_lines(fig, (0.5, 0.03 / fig.get_figheight()), note, transform=fig.transFigure,
               anchor="bottom", ha="center")  # fmt: skip
