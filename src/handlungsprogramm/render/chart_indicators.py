"""Indicator small multiples: baseline, interim targets and target of each indicator.

Every cell has a scale of its own that starts at 0. The height a line rises or falls is
then its share of the value: a fall of 1.5 % is nearly flat, one of 34 % drops by a
third, and the relative change ("–34 %") stands in the cell's top corner. A scale shared
by all cells (relative to the baseline) was the alternative, but most indicators of new
things (trees planted, wells built) start at 0, where a relative scale has no meaning.
Each value carries its number, interim targets are hollow points, and the unit stands
in both languages at the head of the scale; the change is left out for units in
percent (a change of a share would be percentage points) and for a baseline of 0.

Colour says where an indicator is measured, as everywhere in the document: the
municipalities' colours for an indicator of one town (its name beside the code), grey
for the others; the legend says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from handlungsprogramm.compose.values import in_words
from handlungsprogramm.model import Indicator, Side
from handlungsprogramm.render.chart_draw import Key, figure, legend, legend_width, text_lines
from handlungsprogramm.render.chart_style import LABEL_PT as _SIZE
from handlungsprogramm.render.chart_style import LINE_IN as _LINE_IN
from handlungsprogramm.render.chart_style import NEUTRAL
from handlungsprogramm.render.chart_text import ChartNumbers, both_label, drawable, joined, wrap

__all__ = ["COLUMNS", "IndicatorCell", "indicator_figure"]

COLUMNS = 3
"""Cells side by side: room for names of about 40 characters a line."""
_WRAP = 40
_TITLE_WRAP = 26
"""Characters a line of the bold title, leaving room for the change beside it."""
_TITLE_PT = 7
_GAP_IN = 0.22
_PLOT_IN = 0.7
"""Height of the plot area of a cell."""
_ABOVE_IN = 0.22
"""Room above the plot for a value written over the highest point."""
_HEAD = 0.35 + 0.35
"""Lines of a cell's head besides title, names and unit: gaps after the title and before
the unit."""
_BELOW_IN = 0.2
"""The years under the axis."""
_ROW_GAP_IN = 0.14
_LEGEND_IN = 0.55


@dataclass(slots=True)
class _Marks:
    """Lines and points of all cells, drawn together: a few artists for the whole grid
    instead of a dozen per cell (creating and drawing each costs more than its pixels);
    ``fig`` takes the cells' texts."""

    fig: Figure
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


def _title(cell: IndicatorCell) -> list[str]:
    """The code, and the town where the indicator is measured (wrapped: a long name of a
    municipality would run into the next cell)."""
    return [cell.code] if cell.town is None else wrap(f"{cell.code} · {cell.town}", _TITLE_WRAP)


def _header(cell: IndicatorCell, lang: str) -> list[str]:
    ind = cell.indicator
    name_de = in_words(ind.name, "de")
    name_partner = in_words(ind.name, lang) if ind.name.get(lang) else None
    lines = wrap(name_de, _WRAP)
    if name_partner and name_partner != name_de:
        lines += wrap(name_partner, _WRAP)
    return lines


def _unit(cell: IndicatorCell, lang: str) -> list[str]:
    unit = cell.indicator.unit
    if isinstance(unit, str):
        return wrap(unit, _WRAP)
    return wrap(joined((in_words(unit, "de"), in_words(unit, lang))), _WRAP)


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
    titles = [_title(cell) for cell in cells]
    headers = [_header(cell, lang) for cell in cells]
    units = [_unit(cell, lang) for cell in cells]
    # the title's lines are a little taller (7 pt); in lines of 6.5 pt
    lines_of = [
        len(t) * _TITLE_PT / _SIZE + len(h) + len(u)
        for t, h, u in zip(titles, headers, units, strict=True)
    ]
    rows = [
        range(start, min(start + COLUMNS, len(cells))) for start in range(0, len(cells), COLUMNS)
    ]
    heights = [
        _LINE_IN * (_HEAD + max(lines_of[i] for i in row)) + _ABOVE_IN
        + _PLOT_IN + _BELOW_IN
        for row in rows
    ]  # fmt: skip
    two_rows = _legend_too_wide(cells, lang, towns, width_in)
    legend_in = _LEGEND_IN + (0.2 if two_rows else 0.0)
    height = sum(heights) + _ROW_GAP_IN * (len(rows) - 1) + legend_in + 0.1
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
    marks = _Marks(fig)
    for row, row_height in zip(rows, heights, strict=True):
        lines = max(lines_of[i] for i in row)
        for col, index in enumerate(row):
            left = 0.05 + col * cell_in
            _cell(ax, marks, cells[index], (titles[index], headers[index], units[index]),
                  (left, top, cell_in - _GAP_IN), lines, numbers, side_colours)  # fmt: skip
        top += row_height + _ROW_GAP_IN
    marks.draw(ax)
    _legend(fig, cells, lang, side_colours, towns, two_rows=two_rows)
    return fig


def _cell(ax: Axes, marks: _Marks, cell: IndicatorCell,
          texts: tuple[list[str], list[str], list[str]], box: tuple[float, float, float],
          lines: float, numbers: ChartNumbers, side_colours: Mapping[Side, str]) -> None:  # fmt: skip
    """One cell: code, town and change; names; the unit over the scale; the values over
    the years. ``lines`` is the most lines of title, names and unit in the cell's row."""
    title, header, unit_lines = texts
    left, top, width = box
    ind = cell.indicator
    assert ind.baseline is not None  # noqa: S101 - filtered before
    assert ind.target is not None  # noqa: S101 - filtered before
    points = sorted(
        [(ind.baseline.year, ind.baseline.value, "o"), (ind.target.year, ind.target.value, "D")]
        + [(v.year, v.value, "interim") for v in ind.interim_targets]
    )  # fmt: skip
    colour = NEUTRAL if ind.municipality is None else side_colours[ind.municipality]
    # texts of the figure, placed in the axes' inches: an axes clips each of its texts to
    # itself, which cost more than drawing these few letters
    fig = marks.fig
    text = partial(fig.text, transform=ax.transData)
    text_lines(fig, (left, top), title, transform=ax.transData, size=_TITLE_PT, fontweight="bold")
    unit = ind.unit if isinstance(ind.unit, str) else ind.unit.get("de")
    change = None if unit.strip() == "%" else numbers.change(ind.baseline.value, ind.target.value)
    if change:
        text_lines(fig, (left + width, top), [change], transform=ax.transData, size=_TITLE_PT,
                   fontweight="bold", ha="right")  # fmt: skip
    below_title = top + _LINE_IN * (len(title) * _TITLE_PT / _SIZE + 0.35)
    text_lines(fig, (left, below_title), header, transform=ax.transData)
    plot_top = top + _LINE_IN * (_HEAD + lines) + _ABOVE_IN
    plot_bottom = plot_top + _PLOT_IN
    # the unit stands at the head of the scale, as an axis title
    text_lines(fig, (left + 0.09, plot_top - _ABOVE_IN), unit_lines, transform=ax.transData,
               anchor="bottom")  # fmt: skip
    x0, x1 = left + 0.32, left + width - 0.25  # room for "0" left and for values
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


def _legend_labels(cells: Sequence[IndicatorCell], lang: str,
                   towns: Mapping[Side, str]) -> tuple[list[tuple[str, str]], list[Side]]:  # fmt: skip
    """The marks the legend explains (kind, label), and the sides whose colour it names."""
    marks = [("o", joined(both_label("objective.baseline_value", lang)))]
    if any(cell.indicator.interim_targets for cell in cells):
        marks.append(("interim", joined(both_label("chart.interim_target", lang))))
    marks.append(("D", joined(both_label("objective.target_value", lang))))
    sides = [s for s in Side if any(cell.indicator.municipality is s for cell in cells)]
    return marks, sides


def _legend_too_wide(cells: Sequence[IndicatorCell], lang: str, towns: Mapping[Side, str],
                     width: float) -> bool:  # fmt: skip
    """Whether marks and towns would not fit one line (measured with the font itself: the
    figure's height depends on it, so there is no figure to measure in yet)."""
    marks, sides = _legend_labels(cells, lang, towns)
    labels = [label for _, label in marks] + [drawable(towns[side]) for side in sides]
    return legend_width(labels, _SIZE) > 0.97 * width


def _legend(fig: Figure, cells: Sequence[IndicatorCell], lang: str,
            side_colours: Mapping[Side, str], towns: Mapping[Side, str], *,
            two_rows: bool) -> None:  # fmt: skip
    """What the marks and colours mean, and how the scales are read."""
    kinds, sides = _legend_labels(cells, lang, towns)
    marker = {"linestyle": "none", "color": NEUTRAL, "markersize": 5}
    marks = [
        Key(label, "marker", {**marker, "marker": "o" if kind == "interim" else kind,
                              "markerfacecolor": "white" if kind == "interim" else NEUTRAL})
        for kind, label in kinds
    ]  # fmt: skip
    colours = [
        Key(drawable(towns[side]), "line", {"color": side_colours[side], "linewidth": 2})
        for side in sides
    ]
    rows = [marks, colours] if two_rows else [marks + colours]
    legend(fig, rows, bottom=0.34, size=_SIZE)
    note = list(dict.fromkeys(both_label("chart.indicator_note", lang)))
    text_lines(fig, (0.5, 0.03 / fig.get_figheight()), note, transform=fig.transFigure,
               anchor="bottom", ha="center")  # fmt: skip
