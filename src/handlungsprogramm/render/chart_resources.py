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
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import ScaledTranslation

from handlungsprogramm.compose.values import in_words
from handlungsprogramm.i18n.labels import enum_label, personnel_key
from handlungsprogramm.model import FundingStatus, PersonnelUnit, Pillar, Programme, Side
from handlungsprogramm.render.chart_draw import (
    Key,
    figure,
    legend,
    row_labels,
    text_lines,
    width_in,
)
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

__all__ = ["money_figure", "personnel_figure", "status_colour"]

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


def _rows_in(names: Sequence[Sequence[str]]) -> list[float]:
    return [max(BAR_IN, len(lines) * LINE_IN) + _ROW_GAP_IN for lines in names]


def _bars(ax: Axes, names: Sequence[Sequence[str]], bars: Sequence[Sequence[Segment]],
          value: Callable[[float], str]) -> list[Text]:  # fmt: skip
    """Horizontal stacked bars in rows as tall as their names, each with its total; the
    names' texts."""
    centres, top = [], 0.0
    for height in _rows_in(names):
        centres.append(top + height / 2)
        top += height
    longest = 0.0
    for centre, segments in zip(centres, bars, strict=True):
        left = 0.0
        for length, style in segments:
            ax.barh(centre, length, left=left, height=BAR_IN, linewidth=0.5, **style)
            left += length
        longest = max(longest, left)
        # no segments: nothing given for that row, which is not a zero ("–", as the tables)
        shown = f" {value(left)}" if segments else " –"
        ax.text(left, centre, shown, va="center", fontsize=LABEL_PT)
    ax.set_ylim(top, 0)
    ax.set_xlim(0, longest * _ROOM or 1)
    ax.grid(axis="x", color="#D5DBE0", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=LABEL_PT)
    return row_labels(ax, centres, names)


def status_colour(colour: str, status: FundingStatus) -> tuple[float, float, float]:
    """``colour`` as lighter for a less certain status: mixed with white, not see-through
    (a translucent bar shows the grid lines behind it)."""
    share = STATUS_STYLE[status][0]
    r, g, b = (share * c + (1 - share) for c in to_rgb(colour))
    return r, g, b


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


def money_figure(programme: Programme, currency: str, totals: Totals, numbers: ChartNumbers,
                 width: float) -> tuple[Figure, int]:  # fmt: skip
    """By field of action (grey) and by pillar (pillar colours), stacked by funding status;
    the figure and its number of fields."""
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
        wrap(f"{f.code} {in_words(f.title, 'de')}", _WRAP) + wrap(in_words(f.title, lang), _WRAP)
        for f in fields
    ] + ([["–"]] if "" in t.by_field else [])  # fmt: skip
    keys = [f.code for f in fields] + ([""] if "" in t.by_field else [])
    pillars = [p for p in Pillar if p in t.by_pillar]
    pillar_names = [
        list(dict.fromkeys(wrap(plain(enum_label(p, "de")), _WRAP)
                           + wrap(plain(enum_label(p, lang)), _WRAP))) for p in pillars
    ]  # fmt: skip
    panels = [sum(_rows_in(names)), sum(_rows_in(pillar_names))]
    height = 0.08 + sum(_TITLE_IN + panel + _AXIS_IN for panel in panels) + 0.12 + 0.3
    fig = figure(width, height)
    titles = ("resources.by_field_of_action", "resources.by_pillar")
    axes = [fig.add_axes((0, 0, 1, 1)) for _ in panels]
    labels = _bars(axes[0], names, [_stack(by_field.get(k, {}), NEUTRAL) for k in keys],
                   numbers.compact)  # fmt: skip
    labels += _bars(axes[1], pillar_names,
                    [_stack(by_pillar[p], PILLAR_COLOURS[p]) for p in pillars], numbers.compact)  # fmt: skip
    left = _LEFT_IN + width_in(fig, labels) + 0.12
    top = 0.08
    for ax, panel, key in zip(axes, panels, titles, strict=True):
        fig.text(_LEFT_IN / width, 1 - top / height, joined(both_label(key, lang)),
                 fontsize=8, va="top")  # fmt: skip
        top += _TITLE_IN + panel
        ax.set_position((left / width, 1 - top / height,
                         (width - left - _RIGHT_IN) / width, panel / height))  # fmt: skip
        ax.xaxis.set_major_formatter(_on_scale(numbers, numbers.scale(ax.get_xlim()[1] / _ROOM)))
        ax.set_xlabel(currency, fontsize=LABEL_PT, labelpad=2)
        top += _AXIS_IN + 0.12
    statuses = [
        Key(joined((plain(enum_label(s, "de")), plain(enum_label(s, lang)))),
            style={"facecolor": status_colour(NEUTRAL, s), "hatch": STATUS_STYLE[s][1],
                   "edgecolor": "white", "linewidth": 0.5})
        for s in FundingStatus
    ]  # fmt: skip
    legend(fig, [statuses], bottom=0.15)
    return fig, len(names)


def personnel_figure(programme: Programme, totals: Totals, units: Sequence[PersonnelUnit],
                     numbers: ChartNumbers, width: float, *, per_year: bool) -> Figure:  # fmt: skip
    """A panel per unit side by side, a bar per municipality in its colour, named by town."""
    lang = programme.partner_language
    sides = list(Side)
    names = []
    for side in sides:
        municipality = programme.partnership.municipality(side)
        names.append(wrap(municipality.town or municipality.name, 24))
    rows = sum(_rows_in(names))
    titles = []
    for unit in units:
        de, partner = both_label(personnel_key(unit), lang)
        titles.append(list(dict.fromkeys(wrap(de, 30) + wrap(partner, 30))))
    title_in = max(len(t) for t in titles) * LINE_IN * 7 / LABEL_PT + 0.12
    height = 0.05 + title_in + rows + 0.32
    fig = figure(width, height)
    axes = [fig.add_axes((0, 0, 1, 1)) for _ in units]
    labels: list[Text] = []
    for index, (ax, unit, title) in enumerate(zip(axes, units, titles, strict=True)):
        given = [totals.personnel.get(PersonnelKey(side, unit, per_year)) for side in sides]
        # a municipality with no staff in this unit gets no bar and "–", not a bar of 0
        bars = [
            [(float(v), {"color": SIDE_COLOURS[s]})] if v is not None else []
            for v, s in zip(given, sides, strict=True)
        ]
        shown = _bars(ax, names, bars, numbers.number)
        if index == 0:
            labels = shown
        else:  # the towns once, left of the first panel
            for text in shown:
                text.remove()
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: numbers.number(value)))
        above = ax.transAxes + ScaledTranslation(0, 0.06, fig.dpi_scale_trans)
        text_lines(ax, (0, 1), title, transform=above, anchor="bottom", size=7)
    left = _LEFT_IN + width_in(fig, labels) + 0.12
    gap = 0.35
    span = (width - left - _RIGHT_IN - gap * (len(axes) - 1)) / len(axes)
    for index, ax in enumerate(axes):
        box = (left + index * (span + gap), 0.32, span, rows)
        ax.set_position((box[0] / width, box[1] / height, box[2] / width, box[3] / height))
    return fig
