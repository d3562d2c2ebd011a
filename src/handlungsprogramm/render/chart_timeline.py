"""The time plan: a bar per measure from its start to its end, by pillar colour.

Apart from :mod:`.charts` (which plans the images and saves them) so that both stay
readable; an image's measures and their wrapped names come in from there.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from handlungsprogramm.i18n.labels import enum_label
from handlungsprogramm.model import Measure, Pillar, Programme, YearMonth
from handlungsprogramm.render.chart_draw import Key, figure, legend, row_labels, width_in
from handlungsprogramm.render.chart_style import (
    BAR_IN,
    LINE_IN,
    MAX_HEIGHT_IN,
    PILLAR_COLOURS,
    WIDTH_IN,
)
from handlungsprogramm.render.chart_text import both_label, joined, plain

__all__ = ["FRAME_IN", "ROW_GAP_IN", "month_number", "timeline_figure"]

FRAME_IN = 1.0
"""Axis, legend and margins of the time plan."""
ROW_GAP_IN = (0.05, 0.1)
"""Space between two measures of the time plan: at least, and at most."""
_BOTTOM_IN = 0.78
"""Below the bars: the year ticks and the two-row legend."""


def month_number(month: YearMonth) -> float:
    """A month as a year with a fraction: the time plan's x axis."""
    return month.year + (month.month - 1) / 12


def timeline_figure(programme: Programme, measures: Sequence[Measure],
                    labels: Sequence[Sequence[str]]) -> tuple[Figure, int]:  # fmt: skip
    """The time plan of ``measures`` (each with a timeline), named by ``labels``; the
    figure and the number of bars drawn on it."""
    lang = programme.partner_language
    start, end = month_number(programme.period.start), month_number(programme.period.end) + 1 / 12
    lines = [max(len(names), 2) * LINE_IN for names in labels]
    spare = (MAX_HEIGHT_IN - FRAME_IN - sum(lines)) / len(measures)
    gap = min(ROW_GAP_IN[1], max(ROW_GAP_IN[0], spare))
    rows = [line + gap for line in lines]
    height = FRAME_IN + sum(rows)
    fig = figure(WIDTH_IN, height)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.axvspan(start, end, color="#EEF2F0", zorder=0)
    centres, top, previous_field = [], 0.0, None
    for row, m in enumerate(measures):
        tl = m.timeline
        assert tl is not None  # noqa: S101 - filtered above
        centre = top + rows[row] / 2
        centres.append(centre)
        if m.field_of_action != previous_field and row:
            ax.axhline(top, color="#9AA5AF", linewidth=0.6, zorder=1)
        previous_field = m.field_of_action
        top += rows[row]
        left = month_number(tl.start)
        right = month_number(tl.end) + 1 / 12 if tl.end else end
        ax.barh(centre, right - left, left=left, height=BAR_IN, color=PILLAR_COLOURS[m.pillar],
                hatch="" if tl.end else "///", edgecolor="white" if tl.end else "#333333",
                linewidth=0.5, zorder=2)  # fmt: skip
        if not tl.end:  # ongoing: an arrow beyond the period's end
            ax.annotate("", xy=(right + 0.25, centre), xytext=(right, centre),
                        arrowprops={"arrowstyle": "->", "color": "#333333"}, zorder=3)  # fmt: skip
    names = row_labels(ax, centres, labels)
    ax.set_ylim(top, 0)
    # Fixed margins instead of constrained layout: only the label column is
    # measured (the text metrics are cached for drawing), which saves a whole
    # layout pass per image — the time plan of a large programme has dozens.
    left = width_in(fig, names) + 0.15  # + tick and padding
    left = min(left, 0.5 * WIDTH_IN)
    ax.set_position((left / WIDTH_IN, _BOTTOM_IN / height,
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
    return fig, bars


def _enum_both(member: Pillar, lang: str) -> tuple[str, str]:
    return plain(enum_label(member, "de")), plain(enum_label(member, lang))
