"""Words and numbers on a chart that both readers of the programme read alike.

A chart stands once in a bilingual document, so its numbers cannot follow one language:
"1.250" is one and a quarter to an English reader, "1,250" is the same to a German one.
Charts therefore write numbers the way ISO 80000-1 and the SI brochure do, which both
readers know from science and engineering:

- Digits are grouped by threes with a narrow no-break space (U+202F): "41 000",
  "1 250". A grouping mark is never a point or a comma, so neither can be misread.
- The decimal sign is the one both languages write (the comma for German with French,
  Spanish or Portuguese). German and English disagree; there the point is used: the
  English reader knows the comma only as a thousands separator, the German reader meets
  the point as a decimal sign on every calculator and spreadsheet, and with grouping by
  spaces "1.5" cannot be a thousand and a half.
- At most two decimals after a non-zero integer part ("4.5", "1.25"): a sign followed by
  exactly three digits ("4,125") would look like a thousands group to one of the two
  readers. Smaller values keep three significant digits ("0.125"), their leading zero
  marks the sign as decimal. The exact value stands in the tables.
- Amounts on money charts take the SI prefixes k, M, G ("42 k", "2.7 M"), which need no
  translation; the currency code stands on the axis and in the title.
- The minus is an en dash ("–34 %", as German typesetting has it), since the chart font
  has no U+2212; percentages keep a narrow no-break space before "%".

Labels are wrapped into lines at word boundaries, never cut with "…".
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache

from babel.numbers import get_decimal_symbol
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from handlungsprogramm.i18n.formatting import babel_locale
from handlungsprogramm.i18n.labels import label

__all__ = [
    "FALLBACK_FAMILIES",
    "MAIN_FAMILY",
    "ChartNumbers",
    "both_label",
    "drawable",
    "families_for",
    "joined",
    "plain",
    "wrap",
]

GROUP = "\u202f"
"""Narrow no-break space: between digit groups, before a unit prefix and before "%"."""
MINUS = "\u2013"
"""En dash as minus sign (the chart font has no U+2212)."""
MAIN_FAMILY = "Noto Sans"
FALLBACK_FAMILIES = ("Noto Sans Ethiopic", "Noto Sans Arabic", "DejaVu Sans")
"""Fonts for characters Noto Sans lacks (Ethiopic, Arabic); used only when needed."""
_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"))


class ChartNumbers:
    """Numbers for the charts of one language pair (German and ``lang``)."""

    def __init__(self, lang: str) -> None:
        marks = {get_decimal_symbol(babel_locale(code)) for code in ("de", lang)}
        self.decimal = marks.pop() if len(marks) == 1 else "."

    def number(self, value: float | Decimal) -> str:
        """ "41 000", "4.5" (or "4,5"), "0.125", "–3": see the module docstring."""
        exact = float(value)
        if not math.isfinite(exact):
            return str(exact)
        magnitude = abs(exact)
        if magnitude >= 1 or magnitude == 0:
            text = f"{magnitude:.2f}"
        else:  # three significant digits, at most six decimals
            digits = min(6, 2 - math.floor(math.log10(magnitude)))
            text = f"{magnitude:.{digits}f}"
        whole, _, fraction = text.partition(".")
        fraction = fraction.rstrip("0")
        groups: list[str] = []
        while len(whole) > 3:
            whole, group = whole[:-3], whole[-3:]
            groups.insert(0, group)
        shown = GROUP.join([whole, *groups]) + (self.decimal + fraction if fraction else "")
        return MINUS + shown if exact < 0 and shown.strip("0" + self.decimal) else shown

    def scale(self, largest: float) -> tuple[float, str]:
        """The SI prefix for an axis whose largest value is ``largest``: (1e6, "M")."""
        for size, prefix in _PREFIXES:
            if abs(largest) >= size:
                return size, prefix
        return 1.0, ""

    def compact(self, value: float | Decimal, scale: tuple[float, str] | None = None) -> str:
        """An amount with an SI prefix: "42 k", "2.65 M"; ``scale`` fixes the prefix (axes)."""
        rounded = _significant(float(value), 3)  # 999 999 is "1 M", not "1 000 k"
        size, prefix = scale if scale is not None else self.scale(rounded)
        shown = self.number(_significant(rounded / size, 3))
        return f"{shown}{GROUP}{prefix}" if prefix and float(value) else shown

    def change(self, old: Decimal, new: Decimal) -> str | None:
        """The relative change from ``old`` to ``new``: "–34 %", "+1.5 %"; None from 0."""
        if old == 0 or ((old < 0) != (new < 0) and new != 0):
            return None
        percent = float((new - old) / abs(old) * 100)
        rounded = round(percent) if abs(percent) >= 10 else round(percent, 1)
        sign = "+" if rounded > 0 else ""
        return f"{sign}{self.number(rounded)}{GROUP}%"


def _significant(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def plain(text: str) -> str:
    """A label for a chart: soft hyphens (line-break hints for Word) are not drawn."""
    return text.replace("\u00ad", "")


def both_label(key: str, lang: str, **params: object) -> tuple[str, str]:
    """A catalogue label in German and in ``lang``, ready to draw."""
    return plain(label(key, "de", **params)), plain(label(key, lang, **params))


def joined(pair: tuple[str, str]) -> str:
    """ "Deutsch / partner", or the text once when both are the same."""
    return pair[0] if pair[0] == pair[1] else f"{pair[0]} / {pair[1]}"


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words only
    (a longer word keeps its own line); nothing is cut off. The lines are balanced:
    as few as at ``width``, but as even as can be, so no word stands alone on the last."""
    text = drawable(text)
    lines = _lines(text, width)
    if len(lines) < 2:
        return lines or [""]
    for narrower in range(max(len(text) // len(lines), 1), width):
        balanced = _lines(text, narrower)
        if len(balanced) == len(lines):
            return balanced
    return lines


@lru_cache(maxsize=4)
def _charmap(family: str) -> frozenset[int]:
    try:
        path = font_manager.findfont(
            font_manager.FontProperties(family=family), fallback_to_default=False
        )
    except ValueError:  # that font is not installed: its scripts are left out
        return frozenset()
    return frozenset(FT2Font(path).get_charmap())


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Every code point one of the chart fonts can draw."""
    return frozenset().union(*(_charmap(f) for f in (MAIN_FAMILY, *FALLBACK_FAMILIES)))


def drawable(text: str) -> str:
    """``text`` without characters no chart font has (emoji): never a missing-glyph box.

    The document itself keeps every character; only chart labels lose what cannot be drawn.
    """
    covered = _covered()
    return "".join(ch for ch in plain(text) if ord(ch) in covered or ch in "\n ")


def families_for(texts: Iterable[str]) -> Sequence[str]:
    """The font families the charts need: Noto Sans alone, or with its fallbacks when a
    text has a character it lacks. One family is a third faster to draw: matplotlib looks
    up every family of the list for every text it lays out."""
    main = _charmap(MAIN_FAMILY)
    if not main:
        return (MAIN_FAMILY, *FALLBACK_FAMILIES)
    for text in texts:
        if any(ord(ch) not in main for ch in text if ch not in "\n\u00ad"):
            return (MAIN_FAMILY, *FALLBACK_FAMILIES)
    return (MAIN_FAMILY,)
