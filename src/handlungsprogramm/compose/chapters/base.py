"""What every chapter needs: the programme, its values in words, totals, charts.

:class:`Composer` is shared by the chapter modules; its helpers are the phrases more
than one chapter uses (a code with its title, a field of action by name, a measure's
leads), so each is worded once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from handlungsprogramm.checks import Report
from handlungsprogramm.compose.plan import ChartLike, Figure
from handlungsprogramm.compose.values import Bi, Values
from handlungsprogramm.files import logo as logo_file
from handlungsprogramm.i18n.formatting import colon
from handlungsprogramm.model import Measure, Programme, Text
from handlungsprogramm.totals import Totals

__all__ = ["MISSING", "Composer"]

MISSING = Bi("[…]", "[…]")
"""Where a long text lacks one language (a draft): visibly missing, never blank."""


@dataclass
class Composer:
    """One programme's chapters are planned from this state."""

    programme: Programme
    totals: Totals
    report: Report
    fingerprint: str
    charts: Mapping[str, ChartLike] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.v = Values(self.programme)
        self.lang = self.programme.partner_language
        self.figure_count = 0
        self.table_count = 0
        self._last_figure = ""
        """The chart (without its part number) that the last figure showed."""
        """Figures planned so far: chapters are planned in the order the template places
        them, so figures are numbered in the order they are printed."""

    # -- phrases more than one chapter uses ------------------------------------------

    def code_title(self, code: str, title: Text | str) -> Bi:
        """``M-04 Gefahrenkarte …`` / ``M-04 Flood map …``: a code with its title."""
        t = self.v.text(title)
        return Bi(f"{code} {t.de}", f"{code} {t.partner}")

    def field_heading(self, code: str, title: Text) -> Bi:
        """A field of action as a heading, named as one ("Handlungsfeld 1: …" / "Domaine
        d’action 1 : …"): under the numbered chapter "8 Handlungsfelder" a bare "1 …"
        would read as chapter 1."""
        name, t = self.v.label("measure.field_of_action"), self.v.text(title)
        # the label and its number stay on one line ("Área de | ação 1" broke them apart)
        de, partner = (f"{n}\u00a0{code}".replace(" ", "\u00a0") for n in (name.de, name.partner))
        return Bi(f"{de}{colon('de')}{t.de}", f"{partner}{colon(self.lang)}{t.partner}")

    def field_name(self, code: str) -> Bi:
        """A field of action by code and title (the code alone if it is unknown)."""
        found = self.programme.field_of_action(code)
        return self.code_title(code, found.title) if found is not None else Bi(code, code)

    def text_pair(self, text: Text | None) -> Bi:
        """A long text in both languages, a missing language marked as such."""
        pair = self.v.text(text)
        return Bi(pair.de or MISSING.de, pair.partner or MISSING.partner)

    def leads(self, measure: Measure) -> list[Bi]:
        """One line per leading municipality (two for a joint lead), with department."""
        if measure.lead is None:
            return [self.v.label("common.not_specified")]
        lines = []
        for side, department, _ in measure.lead.departments():
            name = self.v.town(side)
            dept = self.v.text(department)
            lines.append(
                Bi(
                    f"{name}{colon('de')}{dept.de}" if dept.de else name,
                    f"{name}{colon(self.lang)}{dept.partner}" if dept.partner else name,
                )
            )
        if len(lines) > 1:
            lines.append(self.v.enum(measure.lead.side))
        return lines

    def logo(self, logo: str | None) -> bytes | None:
        """A logo's bytes (scaled down if huge) if check accepts it; HP405 reports others."""
        if logo is None or self.programme.base_dir is None:
            return None
        return logo_file(self.programme.base_dir, logo).data

    def table_caption(self, *title: Bi | str) -> Bi:
        """The next table's caption ("Tabelle 3: Herausforderungen – Jena" / "Tableau 3 :
        …"), its title's parts joined by a dash: tables are numbered through the document,
        in the order the chapters are planned and printed."""
        self.table_count += 1
        parts = [Bi(t, t) if isinstance(t, str) else t for t in title]
        joined = Bi(" – ".join(t.de for t in parts), " – ".join(t.partner for t in parts))
        return self.v.label_each("table.caption", number=str(self.table_count), title=joined)

    def figures(self, prefix: str) -> Iterator[Figure]:
        """Every chart whose name starts with ``prefix``, in the order they were drawn,
        numbered through the document ("Abbildung 3: …" / "Figure 3 : …"). The parts of
        one chart drawn in several pictures (``timeline-1``, ``timeline-2``) share its
        number; their titles count the parts ("(1/2)")."""
        for name in self.charts:  # by name: a chart is drawn only when looked up
            if name.startswith(prefix):
                chart = self.charts[name]
                stem, _, part = name.rpartition("-")
                whole = stem if part.isdigit() else name
                if not (part.isdigit() and part != "1" and whole == self._last_figure):
                    self.figure_count += 1
                self._last_figure = whole
                title = Bi(*chart.title)
                caption = self.v.label_each(
                    "figure.caption", number=str(self.figure_count), title=title
                )
                yield Figure(png=chart.png, caption=caption, title=title, alt=Bi(*chart.alt))
