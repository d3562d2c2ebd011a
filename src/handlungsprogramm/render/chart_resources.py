"""Money per currency and staff time per municipality, as bars that carry their values.

Sizes differ by orders of magnitude (42 k next to 2.7 M), so every bar has its total
written at its end: a bar too short to see still says what it is. Names beside the bars
are wrapped into lines, in both languages, never cut off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from handlungsprogramm.i18n.labels import enum_label, personnel_key
from handlungsprogramm.model import FundingStatus, PersonnelUnit, Pillar, Programme, Side
from handlungsprogramm.render.chart_style import (
    BAR_IN,
    LABEL_PT,
    LINE_IN,
    NEUTRAL,
    PILLAR_COLOURS,
    SIDE_COLOURS,
    STATUS_STYLE,
)
from handlungsprogramm.render.chart_text import ChartNumbers, both_label, joined, plain, wrap
from handlungsprogramm.totals import PersonnelKey, Totals

__all__ = ["figure", "label_width_in", "money_figure", "personnel_figure"]

_WRAP = 36
"""Characters a line of a name beside a bar (about 1.9 in at 6.5 pt)."""
_ROW_GAP_IN = 0.12
_TITLE_IN = 0.26
_AXIS_IN = 0.42
"""Tick labels and the axis label under a panel."""
_LEFT_IN, _RIGHT_IN = 0.05, 0.15
_ROOM = 1.17
"""The value axis reaches this far beyond the longest bar: room for its value."""

Segment = tuple[float, dict[str, Any]]
"""A piece of a stacked bar: its length and how it is drawn."""


def figure(width_in: float, height_in: float) -> Figure:
    """A figure drawn by Agg, without pyplot (no figure manager, nothing to close)."""
    fig = Figure(figsize=(width_in, height_in))
    FigureCanvasAgg(fig)
    return fig


def label_width_in(fig: Figure, ax: Any) -> float:
    """Width in inches of the axes' widest y label (measured once, cached for drawing)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    widths = (t.get_window_extent(renderer).width for t in ax.get_yticklabels())
    return max(widths, default=0.0) / fig.dpi


def _rows_in(lines: Sequence[int]) -> list[float]:
    return [max(BAR_IN, n * LINE_IN) + _ROW_GAP_IN for n in lines]


def _bars(ax: Axes, names: Sequence[str], bars: Sequence[Sequence[Segment]],
          value: Callable[[float], str]) -> None:  # fmt: skip
    """Horizontal stacked bars in rows as tall as their names, each with its total."""
    heights = _rows_in([name.count("\n") + 1 for name in names])
    centres, top = [], 0.0
    for height in heights:
        centres.append(top + height / 2)
        top += height
    longest = 0.0
    for centre, segments in zip(centres, bars, strict=True):
        left = 0.0
        for length, style in segments:
            ax.barh(centre, length, left=left, height=BAR_IN, linewidth=0.5, **style)
            left += length
        longest = max(longest, left)
        ax.text(left, centre, f" {value(left)}", va="center", fontsize=LABEL_PT)
    ax.set_yticks(centres, names, fontsize=LABEL_PT, linespacing=1.0)
    ax.set_ylim(top, 0)
    ax.set_xlim(0, longest * _ROOM or 1)
    ax.grid(axis="x", color="#D5DBE0", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=LABEL_PT)


def status_colour(colour: str, status: FundingStatus) -> tuple[float, float, float]:
    """``colour`` as lighter for a less certain status: mixed with white, not see-through
    (a translucent bar shows the grid lines behind it)."""
    share = STATUS_STYLE[status][0]
    return tuple(share * c + (1 - share) for c in to_rgb(colour))  # type: ignore[return-value]


def _stack(amounts: dict[FundingStatus, Decimal], colour: str) -> list[Segment]:
    return [
        (float(amounts.get(status, Decimal(0))),
         {"color": status_colour(colour, status), "edgecolor": "white",
          "hatch": STATUS_STYLE[status][1]})
        for status in FundingStatus
    ]  # fmt: skip


def _on_scale(numbers: ChartNumbers, scale: tuple[float, str]) -> FuncFormatter:
    """Ticks of an amount axis, all with the prefix of its largest value ("0.5 M", "1 M")."""
    return FuncFormatter(lambda value, _pos: numbers.compact(value, scale))


def _height(names: Sequence[str]) -> float:
    return sum(_rows_in([name.count("\n") + 1 for name in names]))


def money_figure(programme: Programme, currency: str, totals: Totals, numbers: ChartNumbers,
                 width_in: float) -> Figure:  # fmt: skip
    """By field of action (grey) and by pillar (pillar colours), stacked by funding status."""
    lang = programme.partner_language
    t = totals.money[currency]
    fields = [f for f in programme.fields_of_action if f.code in t.by_field]
    by_field: dict[str, dict[FundingStatus, Decimal]] = {}
    by_pillar: dict[Pillar, dict[FundingStatus, Decimal]] = {}
    for m in programme.measures:
        for item in m.resources.money:
            if item.currency == currency:
                cell = by_field.setdefault(m.field_of_action or "", {})
                cell[item.status] = cell.get(item.status, Decimal(0)) + item.amount
                cell = by_pillar.setdefault(m.pillar, {})
                cell[item.status] = cell.get(item.status, Decimal(0)) + item.amount
    names = [
        "\n".join(wrap(f"{f.code} {f.title.get('de')}", _WRAP)
                  + wrap(f.title.get(lang), _WRAP)) for f in fields
    ] + (["–"] if "" in t.by_field else [])  # fmt: skip
    keys = [f.code for f in fields] + ([""] if "" in t.by_field else [])
    pillars = [p for p in Pillar if p in t.by_pillar]
    pillar_names = [
        "\n".join(dict.fromkeys(wrap(plain(enum_label(p, "de")), _WRAP)
                                + wrap(plain(enum_label(p, lang)), _WRAP))) for p in pillars
    ]  # fmt: skip
    panels = [_height(names), _height(pillar_names)]
    height = 0.08 + sum(_TITLE_IN + panel + _AXIS_IN for panel in panels) + 0.12 + 0.3
    fig = figure(width_in, height)
    titles = ("resources.by_field_of_action", "resources.by_pillar")
    axes = [fig.add_axes((0, 0, 1, 1)) for _ in panels]
    _bars(axes[0], names, [_stack(by_field.get(k, {}), NEUTRAL) for k in keys], numbers.compact)
    _bars(axes[1], pillar_names, [_stack(by_pillar[p], PILLAR_COLOURS[p]) for p in pillars],
          numbers.compact)  # fmt: skip
    left = _LEFT_IN + max(label_width_in(fig, ax) for ax in axes) + 0.1
    top = 0.08
    for ax, panel, key in zip(axes, panels, titles, strict=True):
        fig.text(_LEFT_IN / width_in, 1 - top / height, joined(both_label(key, lang)),
                 fontsize=8, va="top")  # fmt: skip
        top += _TITLE_IN + panel
        ax.set_position((left / width_in, 1 - top / height,
                         (width_in - left - _RIGHT_IN) / width_in, panel / height))  # fmt: skip
        ax.xaxis.set_major_formatter(_on_scale(numbers, numbers.scale(ax.get_xlim()[1] / _ROOM)))
        ax.set_xlabel(currency, fontsize=LABEL_PT, labelpad=2)
        top += _AXIS_IN + 0.12
    handles = [
        Patch(facecolor=status_colour(NEUTRAL, s), label=joined((plain(enum_label(s, "de")),
                                                                plain(enum_label(s, lang)))),
              hatch=STATUS_STYLE[s][1], edgecolor="white")
        for s in FundingStatus
    ]  # fmt: skip
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.02 / height), ncol=3,
               frameon=False, fontsize=7)  # fmt: skip
    return fig


def personnel_figure(programme: Programme, totals: Totals, units: Sequence[PersonnelUnit],
                     numbers: ChartNumbers, width_in: float, *, per_year: bool) -> Figure:  # fmt: skip
    """A panel per unit side by side, a bar per municipality in its colour, named by town."""
    lang = programme.partner_language
    sides = list(Side)
    names = []
    for side in sides:
        municipality = programme.partnership.municipality(side)
        names.append("\n".join(wrap(municipality.town or municipality.name, 24)))
    rows = _height(names)
    titles = []
    for unit in units:
        de, partner = both_label(personnel_key(unit), lang)
        titles.append("\n".join(dict.fromkeys(wrap(de, 30) + wrap(partner, 30))))
    title_in = max(t.count("\n") + 1 for t in titles) * 7 * 1.362 / 72 + 0.1
    height = 0.05 + title_in + rows + 0.32
    fig = figure(width_in, height)
    axes = [fig.add_axes((0, 0, 1, 1)) for _ in units]
    for ax, unit, title in zip(axes, units, titles, strict=True):
        values = [
            float(totals.personnel.get(PersonnelKey(side, unit, per_year), Decimal(0)))
            for side in sides
        ]
        bars = [[(v, {"color": SIDE_COLOURS[s]})] for v, s in zip(values, sides, strict=True)]
        _bars(ax, names, bars, numbers.number)
        ax.xaxis.set_major_formatter(lambda value, _pos: numbers.number(value))
        ax.set_title(title, fontsize=7, loc="left", linespacing=1.0, pad=4)
    left = _LEFT_IN + label_width_in(fig, axes[0]) + 0.1
    gap = 0.35
    span = (width_in - left - _RIGHT_IN - gap * (len(axes) - 1)) / len(axes)
    for index, ax in enumerate(axes):
        if index:
            ax.tick_params(labelleft=False)
        box = (left + index * (span + gap), 0.32, span, rows)
        ax.set_position((box[0] / width_in, box[1] / height, box[2] / width_in, box[3] / height))
    return fig
