"""Drawing the charts share: a figure without pyplot, names set line by line.

matplotlib sets a multi-line text with each line as tall as its tallest letter, so a line
with "Ü" or "É" stands further from the next than one without: in a list of names in two
languages the gaps wandered. Names are set here a line at a time on baselines of fixed
pitch, as a word processor does; that is also cheaper than tick labels (a tick is four
artists) or matplotlib's own multi-line layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.textpath import text_to_path
from matplotlib.transforms import ScaledTranslation, Transform

from handlungsprogramm.render.chart_style import LABEL_PT, PITCH

__all__ = ["Key", "figure", "legend", "legend_width", "row_labels", "text_lines", "width_in"]

_CAP = 0.714
"""Height of a capital of Noto Sans, in em: what centres a block of lines by eye."""
_ASCENT = 0.8
"""Room above the first baseline of a block set from its top, in em (accents included)."""
_DESCENT = 0.25
"""Room below the last baseline of a block set on its bottom, in em."""


def figure(width: float, height: float) -> Figure:
    """A figure drawn by Agg, without pyplot (no figure manager, nothing to close)."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def text_lines(
    where: Axes | Figure,
    xy: tuple[float, float],
    lines: Sequence[str],
    *,
    transform: Transform,
    anchor: Literal["top", "center", "bottom"] = "top",
    size: float = LABEL_PT,
    **style: Any,
) -> list[Text]:
    """``lines`` one under the other from the point ``xy`` (in ``transform``), on
    baselines :data:`PITCH` apart scaled to ``size``; the block's top, centre or bottom
    at the point."""
    fig = where if isinstance(where, Figure) else where.figure
    em = size / 72
    pitch = PITCH * size / LABEL_PT
    count = len(lines)
    if anchor == "top":
        first = -_ASCENT * em
    elif anchor == "center":
        first = ((count - 1) * pitch + _CAP * em) / 2 - _CAP * em
    else:
        first = _DESCENT * em + (count - 1) * pitch
    texts = []
    for number, line in enumerate(lines):
        shift = ScaledTranslation(0, first - number * pitch, fig.dpi_scale_trans)
        texts.append(
            where.text(
                *xy, line, transform=transform + shift, va="baseline", fontsize=size, **style
            )
        )
    return texts


def row_labels(ax: Axes, centres: Sequence[float], names: Sequence[Sequence[str]]) -> list[Text]:
    """Names left of the axes at the rows' centres (data), with a tick each."""
    ax.set_yticks([])
    fig = ax.figure
    rows = ax.get_yaxis_transform()  # x in axes, y in data
    left = rows + ScaledTranslation(-5 / 72, 0, fig.dpi_scale_trans)
    texts = [
        text
        for centre, lines in zip(centres, names, strict=True)
        for text in text_lines(ax, (0, centre), lines, transform=left, anchor="center", ha="right")
    ]
    ax.plot(np.zeros(len(centres)), centres, linestyle="none", marker=0, markersize=3.5,
            markeredgewidth=0.8, color="black", transform=rows, clip_on=False)  # fmt: skip
    return texts


def width_in(fig: Figure, texts: Sequence[Text]) -> float:
    """Width in inches of the widest of ``texts`` (measured once, cached for drawing)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    return max((t.get_window_extent(renderer).width for t in texts), default=0.0) / fig.dpi


@dataclass(frozen=True, slots=True)
class Key:
    """One entry of a legend: a swatch (a patch, a marker or a line) and its label."""

    label: str
    kind: Literal["patch", "marker", "line"] = "patch"
    style: Mapping[str, Any] = field(default_factory=dict)


_KEY_IN = (0.25, 0.1)
"""Width and height of a swatch."""
_KEY_GAP_IN = (0.08, 0.2)
"""From a swatch to its label, and from a label to the next swatch."""


def _label_in(label: str, size: float) -> float:
    """Width of ``label`` in inches, from the font itself (no figure needed)."""
    font = FontProperties(size=size)
    return float(text_to_path.get_text_width_height_descent(label, font, False)[0]) / 72


def legend_width(labels: Sequence[str], size: float = 7) -> float:
    """Width in inches of one row of keys with these labels."""
    return sum(_KEY_IN[0] + _KEY_GAP_IN[0] + _label_in(label, size) for label in labels) + (
        _KEY_GAP_IN[1] * (len(labels) - 1)
    )


def legend(fig: Figure, rows: Sequence[Sequence[Key]], *, bottom: float, size: float = 7,
           pitch: float = 0.2) -> None:  # fmt: skip
    """Keys in rows, centred, the lowest row's middle ``bottom`` inches above the figure's
    foot, ``pitch`` inches from row to row; in rows of equal length the columns line up.

    Drawn as plain patches and texts: matplotlib's legend builds a tree of boxes to lay
    out a few entries, which took longer than everything in it.
    """
    widths = [[_label_in(key.label, size) for key in row] for row in rows]
    aligned = len({len(row) for row in rows}) == 1
    if aligned:  # one width a column, the widest of its labels
        columns = [max(column) for column in zip(*widths, strict=True)]
        widths = [columns for _ in rows]
    inches = fig.dpi_scale_trans
    for number, (row, sizes) in enumerate(zip(rows, widths, strict=True)):
        middle = bottom + (len(rows) - 1 - number) * pitch
        span = sum(_KEY_IN[0] + _KEY_GAP_IN[0] + w for w in sizes) + _KEY_GAP_IN[1] * (len(row) - 1)
        x = (fig.get_figwidth() - span) / 2
        for key, width in zip(row, sizes, strict=True):
            left, low = x, middle - _KEY_IN[1] / 2
            if key.kind == "patch":
                swatch: Artist = Rectangle((left, low), *_KEY_IN, transform=inches, **key.style)
            else:
                xs = [left + _KEY_IN[0] / 2] if key.kind == "marker" else [left, left + _KEY_IN[0]]
                swatch = Line2D(xs, [middle] * len(xs), transform=inches, **key.style)
            fig.add_artist(swatch)
            fig.text(left + _KEY_IN[0] + _KEY_GAP_IN[0], middle, key.label, transform=inches,
                     va="center_baseline", fontsize=size)  # fmt: skip
            x += _KEY_IN[0] + _KEY_GAP_IN[0] + width + _KEY_GAP_IN[1]
