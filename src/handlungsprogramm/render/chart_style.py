"""One colour meaning for every chart of the document, and the sizes they share.

Colours come from Okabe & Ito (2008), distinguishable with every common colour-vision
deficiency, and each stands for one thing only: the three pillars (blue, orange, green),
the two municipalities (sky blue, reddish purple), nothing at all (grey: fields of action
and indicators of no one town). Funding status is told by lightness and hatching, an
ongoing measure by hatching, so a greyscale print still tells them apart, and every
colour is named in a legend or by the label beside it.
"""

from __future__ import annotations

from typing import Any

from handlungsprogramm.model import FundingStatus, Pillar, Side

__all__ = [
    "BAR_IN",
    "DPI",
    "LABEL_PT",
    "LINE_IN",
    "MAX_HEIGHT_IN",
    "NEUTRAL",
    "PILLAR_COLOURS",
    "PITCH",
    "RC",
    "SIDE_COLOURS",
    "STATUS_STYLE",
    "WIDTH_IN",
]

PILLAR_COLOURS = {
    Pillar.MITIGATION: "#0072B2",
    Pillar.ADAPTATION: "#E69F00",
    Pillar.BOTH: "#009E73",
}
SIDE_COLOURS = {Side.GERMAN: "#56B4E9", Side.PARTNER: "#CC79A7"}
"""The municipalities: apart from the pillars' hues (the vermillion used before read as
the orange of adaptation)."""
NEUTRAL = "#5F5F5F"
"""Bars and lines whose colour means nothing (by field of action, indicators of both)."""
# secured solid, applied hatched, planned light and dotted: not told by colour alone
STATUS_STYLE: dict[FundingStatus, tuple[float, str]] = {
    FundingStatus.SECURED: (1.0, ""),
    FundingStatus.APPLIED: (0.75, "///"),
    FundingStatus.PLANNED: (0.35, ".."),
}
WIDTH_IN = 16.6 / 2.54
"""Figures are exactly the text width of the standard template."""
MAX_HEIGHT_IN = 9.0
"""Tallest figure: with its spacing and a two-line caption it fits the 25.1 cm text height
of the standard template, so a chart is never parted from its caption."""
LABEL_PT = 6.5
"""Names beside bars, in the time plan and in indicator cells."""
PITCH = LABEL_PT * 1.2 / 72
"""From one baseline of a label to the next, in inches (1.2 times the type size)."""
LINE_IN = PITCH
"""The height one line of a label adds."""
BAR_IN = 0.2
"""Thickness of a bar."""
DPI = 300
"""Print resolution of the pictures."""

RC: dict[Any, Any] = {
    "font.family": ["Noto Sans"],  # with fallbacks where a name needs them (chart_text)
    "font.size": 8,
    "svg.hashsalt": "handlungsprogramm",  # stable ids inside the SVG
    "svg.fonttype": "path",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.unicode_minus": False,  # the font has no U+2212; ticks are never negative
    "hatch.linewidth": 0.6,
    "figure.dpi": DPI,
    # FreeType's auto-hinter (matplotlib's default) made glyph loading the largest cost
    # of a chart; with anti-aliasing, unhinted glyphs look the same.
    "text.hinting": "no_hinting",
}
