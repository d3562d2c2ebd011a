"""The content of each section of the document, as sub-documents for the template.

Each function takes the :class:`Sections` builder's state and returns a
:class:`Block` (or ``None`` when the programme has nothing for that section, so the
template leaves the heading out).
"""

from __future__ import annotations

import io
import struct
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from babel import Locale
from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docxtpl import DocxTemplate

from handlungsprogramm.checks import Report
from handlungsprogramm.compose.values import Values
from handlungsprogramm.files import LOGO_HEIGHT_CM
from handlungsprogramm.files import logo as logo_file
from handlungsprogramm.i18n.formatting import (
    colon,
    format_date,
    format_decimal,
    format_money,
    format_percent,
    format_period,
    semicolon,
)
from handlungsprogramm.i18n.labels import label, personnel_key
from handlungsprogramm.model import (
    ExchangeRate,
    FundingStatus,
    Indicator,
    Measure,
    Money,
    Programme,
    Side,
    Signatory,
    Text,
)
from handlungsprogramm.model.enums import PersonnelUnit
from handlungsprogramm.render.blocks import AnyBlock, Block, LazyBlocks, StreamedBlock
from handlungsprogramm.render.charts import MAX_HEIGHT_IN, Chart
from handlungsprogramm.render.geometry import (
    SIGNATURE_BOX_HEIGHT_CM,
    SIGNATURE_COLUMN_CM,
    bookmark_name,
)
from handlungsprogramm.render.sanitize import clean_text
from handlungsprogramm.render.styles import S, add_paragraph, set_style
from handlungsprogramm.render.writer import TEXT_WIDTH_CM, Bi, Cell, Writer, set_column_widths
from handlungsprogramm.totals import CurrencyTotals, Totals, funded, funding_source_key

__all__ = ["MAX_FIGURE_HEIGHT_CM", "Sections"]

MAX_FIGURE_HEIGHT_CM = MAX_HEIGHT_IN * 2.54
"""A chart is never taller on paper: with its caption it fits one page."""
LOGO_MAX_WIDTH_CM = TEXT_WIDTH_CM / 2 - 0.6
"""A logo stays inside its municipality's half of the cover (minus the cell margins)."""
_SHEETS_PER_PART = 25
"""Measure sheets built as one tree before they are serialised (~4 MB of tree)."""


class Sections:
    """Builds one sub-document per section of the standard structure."""

    def __init__(
        self,
        tpl: DocxTemplate,
        programme: Programme,
        writer: Writer,
        totals: Totals,
        report: Report,
        fingerprint: str,
        charts: Sequence[Chart] | Mapping[str, Chart] = (),
    ) -> None:
        self.tpl = tpl
        self.p = programme
        self.w = writer
        self.lang = programme.partner_language
        self.totals = totals
        self.report = report
        self.fingerprint = fingerprint
        # a mapping may draw a chart only when it is looked up (render.chart_pool)
        self.charts = (
            charts if isinstance(charts, Mapping) else {chart.name: chart for chart in charts}
        )
        self.v = Values(programme)

    def builders(self, *, draft: bool) -> dict[str, Callable[[], AnyBlock | None]]:
        """A builder for every block the template may place, by name."""
        builders: dict[str, Callable[[], AnyBlock | None]] = {
            "cover": self.cover,
            "abbreviations": self.abbreviations,
            "references": self.references,
            "vision": lambda: self._text_section(self.p.vision),
            "preamble": lambda: self._text_section(self.p.preamble),
            "background": lambda: self._text_section(self.p.background),
            "baseline": self.baseline,
            "fields": self.fields,
            "objectives": self.objectives,
            "measures_overview": self.measures_overview,
            "measures": self.measures,
            "resources": self.resources,
            "responsibilities": self.responsibilities,
            "monitoring": self.monitoring,
            "outlook": self.outlook,
            "adoptions": self.adoptions,
            "signatures": self.signatures,
            "findings": self.findings if draft else lambda: None,
        }
        return builders

    def lazy(self, *, draft: bool, template: str) -> LazyBlocks:
        """The blocks, each built only when the template first uses it."""
        return LazyBlocks(self.builders(draft=draft), template=template)

    # -- helpers ---------------------------------------------------------------------

    def _new(self) -> tuple[Block, DocxDocument]:
        block = Block.inside(self.tpl.docx)
        return block, block.document

    def _money_label(self, key: str, amount: Decimal, currency: str) -> Bi:
        """A label with an ``{amount}`` formatted per language."""
        return self.v.label_with(key, amount=lambda lang: format_money(amount, currency, lang))

    def _country(self, code: str) -> Bi:
        de = Locale("de").territories.get(code, code)
        partner = Locale.parse(self.lang).territories.get(code, code)
        return Bi(de, partner)

    def _budget(self, measure: Measure) -> list[Bi]:
        """The measure's money per currency, each in both languages' formats."""
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for item in measure.resources.money:
            sums[item.currency] += item.amount
        return [self.v.money_cell(a, currency) for currency, a in sums.items()]

    def _period(self, measure: Measure) -> Bi:
        tl = measure.timeline
        if tl is None:
            return self.w.bi("common.not_specified")
        return Bi(
            format_period(tl.start, tl.end, tl.ongoing, "de"),
            format_period(tl.start, tl.end, tl.ongoing, self.lang),
        )

    def _compact_period(self, measure: Measure) -> Cell:
        """``09/2025 – 06/2028``: the same in every language, short enough for a table."""
        tl = measure.timeline
        if tl is None:
            return self.w.bi("common.not_specified")
        start = f"{tl.start.month:02d}/{tl.start.year}"
        if tl.end is not None:
            return f"{start} – {tl.end.month:02d}/{tl.end.year}"
        return self.w.bi("period.ongoing_from", start=start)

    def _lead(self, measure: Measure) -> list[Bi]:
        """One line per leading municipality (two for a joint lead), with department."""
        if measure.lead is None:
            return [self.w.bi("common.not_specified")]
        lines = []
        for side, department, _ in measure.lead.departments():
            name = self.p.partnership.municipality(side).name
            dept = self.w.text(department)
            lines.append(
                Bi(
                    f"{name}: {dept.de}" if dept.de else name,
                    f"{name}{colon(self.lang)}{dept.partner}" if dept.partner else name,
                )
            )
        if len(lines) > 1:
            lines.append(self.v.enum(measure.lead.side))
        return lines

    def _charts(self, doc: DocxDocument, prefix: str) -> None:
        """Place every chart whose name starts with ``prefix``, with caption and alt text.

        The picture stays on the page of its caption: its paragraph keeps with the next
        (also when a custom template's figure style does not), and it is never taller than
        :data:`MAX_FIGURE_HEIGHT_CM`, so picture and caption fit one page together (Word and
        LibreOffice part them when they do not).
        """
        for name in self.charts:
            if not name.startswith(prefix):
                continue
            chart = self.charts[name]
            paragraph = add_paragraph(doc, style=S.FIGURE)
            paragraph.paragraph_format.keep_with_next = True
            width, height = _png_size(chart.png)
            if TEXT_WIDTH_CM * height / width > MAX_FIGURE_HEIGHT_CM + 0.05:  # a pixel's rounding
                size = {"height": Cm(MAX_FIGURE_HEIGHT_CM)}  # narrower, same proportions
            else:
                size = {"width": Cm(TEXT_WIDTH_CM)}
            shape = paragraph.add_run().add_picture(io.BytesIO(chart.png), **size)
            doc_pr = shape._inline.docPr
            doc_pr.set("title", Bi(*chart.title).joined())
            doc_pr.set("descr", Bi(*chart.alt).joined())
            self.w.paragraph(doc, Bi(*chart.title), S.CAPTION)

    def _text_section(self, text: object) -> Block | None:
        if text is None:
            return None
        sub, doc = self._new()
        self.w.text_block(doc, text)  # type: ignore[arg-type]
        return sub

    # -- sections ----------------------------------------------------------------------

    def cover(self) -> Block:
        """Both municipalities side by side with logos, then version, date and period."""
        sub, doc = self._new()
        table = doc.add_table(rows=1, cols=2)
        table.style = doc.styles[S.LAYOUT]
        for column, side in enumerate(Side):
            municipality = self.p.partnership.municipality(side)
            cell = table.cell(0, column)
            first = cell.paragraphs[0]
            logo = self._logo(municipality.logo)
            if logo is not None:
                set_style(first, S.COVER_META)
                picture = first.add_run().add_picture(io.BytesIO(logo), height=Cm(LOGO_HEIGHT_CM))
                widest = Cm(LOGO_MAX_WIDTH_CM)
                if picture.width > widest:  # a wide logo keeps to its half of the page
                    picture.height = Emu(picture.height * widest // picture.width)
                    picture.width = widest
                first = cell.add_paragraph()
            set_style(first, S.COVER_MUNICIPALITY)
            first.add_run(municipality.name)
            country = self._country(municipality.country)
            kind = self.v.enum(municipality.kind)
            meta = add_paragraph(cell, style=S.COVER_META)
            meta.add_run(f"{kind.joined()} · {country.joined()}")
        set_column_widths(table, [TEXT_WIDTH_CM / 2] * 2)
        add_paragraph(doc, style=S.COVER_META)
        lines = [self.w.bi("cover.version").joined() + f": {self.p.version}"]
        if self.p.date is not None:
            date = Bi(format_date(self.p.date, "de"), format_date(self.p.date, self.lang))
            lines.append(f"{self.w.bi('cover.date').joined()}: {date.joined()}")
        period = Bi(
            format_period(self.p.period.start, self.p.period.end, False, "de"),
            format_period(self.p.period.start, self.p.period.end, False, self.lang),
        )
        lines.append(f"{self.w.bi('cover.period').joined()}: {period.joined()}")
        if self.p.partnership.kind is not None:
            kind = self.v.enum(self.p.partnership.kind)
            lines.append(f"{self.w.bi('cover.partnership_kind').joined()}: {kind.joined()}")
        if self.p.partnership.since is not None:
            lines.append(
                self.w.bi("cover.partnership_since", year=self.p.partnership.since).joined()
            )
        for line in lines:
            add_paragraph(doc, line, S.COVER_META)
        publisher = self.p.publisher
        if publisher is not None:
            name = self.w.text(publisher.name)
            parts = [p for p in (publisher.address, publisher.email, publisher.url) if p]
            address = ", ".join(" ".join(part.split()) for part in parts)
            line = f"{self.w.bi('cover.publisher').joined()}: {name.joined()}"
            add_paragraph(doc, f"{line}, {address}" if address else line, S.COVER_META)
        if self.p.funders:
            names = "; ".join(self.w.text(f.name).joined() for f in self.p.funders)
            add_paragraph(doc, f"{self.w.bi('cover.funded_by').joined()}: {names}", S.COVER_META)
            logos = [data for f in self.p.funders if (data := self._logo(f.logo)) is not None]
            if logos:
                row = add_paragraph(doc, style=S.COVER_META)
                for data in logos:
                    picture = row.add_run().add_picture(io.BytesIO(data), height=Cm(1.2))
                    if picture.width > Cm(5):
                        picture.height = Emu(picture.height * Cm(5) // picture.width)
                        picture.width = Cm(5)
                    row.add_run("   ")
            for funder in self.p.funders:
                if funder.notice is not None:
                    self.w.paragraph(doc, self.w.text(funder.notice), S.COVER_META)
        return sub

    def abbreviations(self) -> Block | None:
        """The abbreviations used in the texts, alphabetically, with both expansions."""
        if not self.p.abbreviations:
            return None
        sub, doc = self._new()
        rows: list[list[Cell]] = [
            [a.short, self.w.text(a.expansion)]
            for a in sorted(self.p.abbreviations, key=lambda a: a.short.casefold())
        ]
        header = [self.w.bi("abbreviations.short"), self.w.bi("abbreviations.expansion")]
        self.w.table(doc, header, rows, [3.2, 13.4])
        return sub

    def references(self) -> Block | None:
        """SDGs, strategies and plans the programme refers to, with who refers to them."""
        if not self.p.references:
            return None
        sub, doc = self._new()
        users: dict[str, list[str]] = defaultdict(list)
        for _, _, strategic in self.p.iter_strategic():
            for code in strategic.references:
                users[code].append(strategic.code)
        for measure in self.p.measures:
            for code in measure.references:
                users[code].append(measure.code)
        rows: list[list[Cell]] = []
        for ref in self.p.references:
            title: list[Bi | str] = [self.w.text(ref.title)]
            if ref.url:
                title.append(ref.url)
            rows.append([ref.code, title, ", ".join(users.get(ref.code, [])) or "–"])
        header = [
            self.w.bi("references.code"),
            self.w.bi("references.title"),
            self.w.bi("references.used_by"),
        ]
        self.w.table(doc, header, rows, [2.6, 10.0, 4.0])
        return sub

    def _logo(self, logo: str | None) -> bytes | None:
        """The logo's bytes, scaled down if huge, if check accepts it (HP405 reports the others)."""
        if logo is None or self.p.base_dir is None:
            return None
        return logo_file(self.p.base_dir, logo).data

    def baseline(self) -> Block | None:
        """Per municipality: challenges table and climate hazards table."""
        if not any(self.p.baseline.of(s).challenges or self.p.baseline.of(s).hazards for s in Side):
            return None
        sub, doc = self._new()
        for side in Side:
            base = self.p.baseline.of(side)
            name = self.p.partnership.municipality(side).name
            self.w.heading(doc, self.w.bi("baseline.of", municipality=name), 2)
            if base.challenges:
                self.w.heading(doc, self.w.bi("baseline.challenges"), 3)
                rows: list[list[Cell]] = [
                    [
                        self.w.text(c.challenge),
                        self.w.text(c.affected),
                        self.w.text(c.plans),
                        self.w.text(c.projects),
                    ]
                    for c in base.challenges
                ]
                header = [
                    self.w.bi(k)
                    for k in (
                        "baseline.challenge",
                        "baseline.affected",
                        "baseline.plans",
                        "baseline.projects",
                    )
                ]
                self.w.table(doc, header, rows, [4.6, 4.0, 4.0, 4.0])
            if base.hazards:
                self.w.heading(doc, self.w.bi("baseline.hazards"), 3)
                rows = [
                    [
                        self.v.enum(h.hazard),
                        self.v.enum(h.likelihood),
                        self.v.enum(h.impact),
                        self.w.text(h.description),
                    ]
                    for h in base.hazards
                ]
                header = [
                    self.w.bi(k)
                    for k in (
                        "baseline.hazard",
                        "baseline.likelihood",
                        "baseline.impact",
                        "baseline.description",
                    )
                ]
                self.w.table(doc, header, rows, [3.4, 2.6, 2.6, 8.0])
        return sub

    def fields(self) -> Block | None:
        """Each field of action with its guiding principle."""
        if not self.p.fields_of_action:
            return None
        sub, doc = self._new()
        for field in self.p.fields_of_action:
            title = self.w.text(field.title)
            self.w.heading(doc, Bi(f"{field.code} {title.de}", f"{field.code} {title.partner}"), 2)
            if field.cross_cutting:
                self.w.paragraph(doc, self.w.bi("field.cross_cutting"), S.CAPTION)
            if field.guiding_principle is not None:
                self.w.paragraph(doc, self.w.bi("foa.guiding_principle"), S.CAPTION)
                self.w.text_block(doc, field.guiding_principle)
        return sub

    def objectives(self) -> Block | None:
        """Per field: strategic and operational objectives with indicators."""
        if not self.p.fields_of_action:
            return None
        sub, doc = self._new()
        header = [
            self.w.bi("measures.code"),
            self.w.bi("objective.objective"),
            self.w.bi("objective.indicator"),
            self.w.bi("objective.baseline_value"),
            self.w.bi("objective.target_value"),
        ]
        for field in self.p.fields_of_action:
            title = self.w.text(field.title)
            self.w.heading(doc, Bi(f"{field.code} {title.de}", f"{field.code} {title.partner}"), 2)
            rows: list[list[Cell]] = []
            label_rows: set[int] = set()
            for strategic in field.strategic_objectives:
                label_rows.add(len(rows))
                st = self.w.text(strategic.title)
                title_cell: list[Bi] = [_with_year(st, strategic.target_year)]
                if strategic.references:
                    refs = ", ".join(strategic.references)
                    title_cell.append(self.w.bi("objective.references", refs=refs))
                rows.append([strategic.code, title_cell, "", "", ""])
                for op in strategic.operational_objectives:
                    indicators: list[Indicator | None] = [
                        ind for _, ind in op.all_indicators()
                    ] or [None]
                    for number, ind in enumerate(indicators):
                        first = number == 0
                        rows.append(
                            [
                                op.code if first else "",
                                self.w.text(op.title) if first else "",
                                *self._indicator_cells(ind),
                            ]
                        )
            self.w.table(
                doc, header, rows, [1.4, 5.6, 4.4, 2.6, 2.6], label_rows=frozenset(label_rows)
            )
        self._charts(doc, "indicators-")
        return sub

    def _indicator_cells(self, ind: Indicator | None) -> tuple[Cell, Cell, Cell]:
        """Indicator (municipality, name, unit, direction, source), baseline, target with
        the interim targets before it."""
        if ind is None:
            return "", "", ""
        unit = self.w.text(ind.unit)
        name = self.w.text(ind.name)
        where = Bi("", "")
        if ind.municipality is not None:
            town = self.p.partnership.municipality(ind.municipality).name
            where = Bi(f"{town}: ", f"{town}{colon(self.lang)}")
        lines = [
            Bi(
                f"{where.de}{name.de} ({unit.de})",
                f"{where.partner}{name.partner} ({unit.partner})",
            )
        ]
        if ind.direction is not None:
            direction = self.v.enum(ind.direction)
            lines.append(
                Bi(
                    label("objective.direction", "de", direction=direction.de),
                    label("objective.direction", self.lang, direction=direction.partner),
                )
            )
        if ind.source is not None:
            source = self.w.text(ind.source)
            lines.append(
                Bi(
                    label("objective.source_line", "de", source=source.de),
                    label("objective.source_line", self.lang, source=source.partner),
                )
            )

        value = self.v.indicator_value
        base: Cell = value(ind.baseline) if ind.baseline is not None else ""
        targets: list[Bi] = [
            self.v.interim_target(v) for v in sorted(ind.interim_targets, key=lambda v: v.year)
        ]
        if ind.target is not None:
            targets.append(value(ind.target))
        return lines, base, targets

    def measures_overview(self) -> Block | None:
        """All measures in one table."""
        if not self.p.measures:
            return None
        sub, doc = self._new()
        header = [
            self.w.bi(k)
            for k in (
                "measures.code",
                "measures.title",
                "measures.pillar",
                "measures.lead",
                "measures.period",
                "measures.budget",
            )
        ]
        rows: list[list[Cell]] = [
            [
                m.code,
                self.w.text(m.title),
                self.v.enum(m.pillar),
                self.v.lead_names(m),
                self._compact_period(m),
                self._budget(m) or "–",
            ]
            for m in self.p.measures
        ]
        # the period column holds "(fortlaufend)" / "(ongoing)" unbroken
        self.w.table(doc, header, rows, [1.2, 4.5, 3.0, 2.6, 2.3, 3.0])
        self._charts(doc, "timeline-")
        return sub

    def measures(self) -> StreamedBlock | None:
        """One sheet per measure with every field, serialised a few sheets at a time."""
        if not self.p.measures:
            return None
        out = StreamedBlock()
        measures = self.p.measures
        for start in range(0, len(measures), _SHEETS_PER_PART):
            sub, doc = self._new()
            for measure in measures[start : start + _SHEETS_PER_PART]:
                title = self.w.text(measure.title)
                self.w.heading(
                    doc, Bi(f"{measure.code} {title.de}", f"{measure.code} {title.partner}"), 2
                )
                if measure.description is not None:
                    self.w.text_block(doc, measure.description)
                self.w.field_table(doc, self._measure_rows(measure))
            out.add(sub)
        return out

    def _measure_rows(self, m: Measure) -> list[tuple[Bi, Cell, Cell]]:
        w, lang = self.w, self.lang
        rows: list[tuple[Bi, Cell, Cell]] = []

        def add(key: str, value: Bi | list[Bi] | None) -> None:
            if value is None or value == []:
                return
            if isinstance(value, Bi):
                rows.append((w.bi(key), value.de, value.partner))
            else:
                rows.append((w.bi(key), [v.de for v in value], [v.partner for v in value]))

        field = self.p.field_of_action(m.field_of_action) if m.field_of_action else None
        if field is not None:
            t = w.text(field.title)
            add("measure.field_of_action", Bi(f"{field.code} {t.de}", f"{field.code} {t.partner}"))
        objectives = []
        for code in m.objectives:
            op = self.p.operational_objective(code)
            t = w.text(op.title) if op else Bi("", "")
            objectives.append(Bi(f"{code} {t.de}".strip(), f"{code} {t.partner}".strip()))
        add("measure.objectives", objectives)
        add("measure.further_fields", [self._field_name(code) for code in m.further_fields])
        add("measure.pillar", self.v.enum(m.pillar))
        add("measure.location", self.v.location(m.location))
        add("measure.lead", self._lead(m))
        contacts = []
        for side, _, c in m.lead.departments() if m.lead is not None else []:
            if c is None:
                continue
            contact = ", ".join(x for x in (c.name, c.email, c.phone) if x)
            if m.lead is not None and len(m.lead.departments()) > 1:
                town = self.p.partnership.municipality(side).name
                contacts.append(Bi(f"{town}: {contact}", f"{town}{colon(lang)}{contact}"))
            else:
                contacts.append(Bi(contact, contact))
        add("measure.contact", contacts)
        partners = []
        for partner in m.partners:
            name = w.text(partner.name)
            role = w.text(partner.role)
            partners.append(
                Bi(
                    f"{name.de} – {role.de}" if role.de else name.de,
                    f"{name.partner} – {role.partner}" if role.partner else name.partner,
                )
            )
        add("measure.partners", partners)
        add("measure.timeline", self._period(m))
        personnel = []
        for staff in m.resources.personnel:
            # the inline unit, lower case where the language writes it so
            unit_key = personnel_key(staff.unit, inline=True)
            who = self.p.partnership.municipality(staff.side).name
            # "per year" and the note (who): without them 15 days a year read as 15 in all
            note = w.text(staff.note)
            per_year = w.bi("unit.per_year") if staff.per_year else Bi("", "")
            amount, unit = self.v.number(staff.amount), w.bi(unit_key)
            personnel.append(
                self.v.named(
                    who,
                    Bi(
                        f"{amount.de} {unit.de}"
                        + (f" {per_year.de}" if per_year.de else "")
                        + (f" – {note.de}" if note.de else ""),
                        f"{amount.partner} {unit.partner}"
                        + (f" {per_year.partner}" if per_year.partner else "")
                        + (f" – {note.partner}" if note.partner else ""),
                    ),
                )
            )
        add("measure.personnel", personnel)
        money: list[Bi] = []
        for item in m.resources.money:
            money.extend(self._money_lines(m, item))
        add("measure.money", money)
        costs = []
        for cost in m.resources.total_cost:
            gap = cost.amount - funded(m, cost.currency)
            state = (
                self._money_label("money.gap", gap, cost.currency)
                if gap > 0
                else w.bi("money.fully_funded")
            )
            total = self.v.amount(cost.amount, cost.currency)
            costs.append(Bi(f"{total.de} – {state.de}", f"{total.partner} – {state.partner}"))
        add("measure.total_cost", costs)
        for key, text in (
            ("measure.material", m.resources.material),
            ("measure.institutional", m.resources.institutional),
        ):
            if text is not None:
                add(key, w.text(text))
        if m.priority is not None:
            add("measure.priority", self.v.enum(m.priority))
        add("measure.status", self.v.enum(m.status))
        if m.estimated_reduction is not None:
            add(
                "measure.estimated_reduction",
                self._with_unit(self.v.number(m.estimated_reduction), "unit.t_co2e_per_year"),
            )
        add("measure.hazards", [self.v.enum(h) for h in m.hazards])
        milestones = []
        for ms in m.milestones:
            t = w.text(ms.title)
            when = self.v.month(ms.date)  # spelled out, as the timeline is
            state = self.w.bi("measure.milestone_reached" if ms.done else "measure.milestone_open")
            milestones.append(
                Bi(
                    f"{when.de}: {t.de} ({state.de})",
                    f"{when.partner}{colon(self.lang)}{t.partner} ({state.partner})",
                )
            )
        add("measure.milestones", milestones)
        add("measure.references", [self._reference(code) for code in m.references])
        return rows

    def _reference(self, code: str) -> Bi:
        """A reference by its title (which usually names it: "SDG 7 – Affordable and clean
        energy"); the code is the programme's key, listed in the frameworks section."""
        ref = self.p.reference(code)
        return self.w.text(ref.title) if ref else Bi(code, code)

    def _money_lines(self, m: Measure, item: Money) -> list[Bi]:
        """A sum with source, status, year, co-financing and recipient; its yearly
        breakdown on a second line."""
        w = self.w
        amount = self.v.amount(item.amount, item.currency)
        source = w.text(item.funding_source)
        details: list[Bi] = [self.v.enum(item.status)]
        if item.year:
            details.append(Bi(str(item.year), str(item.year)))
        if item.share is not None:
            share = item.share
            details.append(
                self.v.label_with(
                    "money.share", share=lambda lang: format_percent(share / 100, lang)
                )
            )
        if item.contribution_to is not None:
            grant = next((g for g in m.resources.money if g.id == item.contribution_to), None)
            name = w.text(grant.funding_source) if grant and grant.funding_source else None
            details.append(
                Bi(
                    label(
                        "money.contribution_to",
                        "de",
                        grant=name.de if name else item.contribution_to,
                    ),
                    label(
                        "money.contribution_to",
                        self.lang,
                        grant=name.partner if name else item.contribution_to,
                    ),
                )
            )
        if item.recipient is not None:
            who = self.p.partnership.municipality(item.recipient).name
            details.append(w.bi("money.recipient", municipality=who))
        lines = [
            Bi(
                f"{amount.de}{f' – {source.de}' if source.de else ''}"
                f" ({', '.join(d.de for d in details)})",
                f"{amount.partner}{f' – {source.partner}' if source.partner else ''}"
                f" ({', '.join(d.partner for d in details)})",
            )
        ]
        if item.by_year:
            parts = sorted(item.by_year.items())
            lines.append(
                self.v.label_with(
                    "money.by_year",
                    parts=lambda lang: semicolon(lang).join(
                        f"{year}{colon(lang)}{format_money(value, item.currency, lang)}"
                        for year, value in parts
                    ),
                )
            )
        return lines

    def resources(self) -> Block | None:
        """Totals per currency, never mixed, by source and status, pillar, field, year."""
        if not self.totals.money and not self.totals.personnel:
            return None
        sub, doc = self._new()
        statuses = list(FundingStatus)
        for currency, t in self.totals.money.items():
            self.w.heading(doc, currency, 2)
            if not t.by_source:  # only a total cost in this currency, no money yet
                self._cost_table(doc, t)
                continue

            def fmt(value: Decimal, currency: str = currency) -> Bi:
                return self.v.money_cell(value, currency)

            total_line = self.w.paragraph(
                doc,
                self._total_line(t.total, currency),
            )
            rate = self.p.exchange_rate(currency)
            if rate is not None and currency != "EUR":
                self._exchange_note(doc, rate, t.total)
            if t.total_cost:
                self._cost_table(doc, t)
            if f"money-{currency}" in self.charts:  # currency heading, total and chart together
                total_line.paragraph_format.keep_with_next = True
            self._charts(doc, f"money-{currency}")
            self.w.heading(doc, self.w.bi("resources.by_funding_source"), 3)
            header: list[Bi | str] = [
                self.w.bi("measure.funding_source"),
                *(self.v.enum(s) for s in statuses),
                self.w.bi("resources.total"),
            ]
            rows: list[list[Cell]] = []
            for source, total in t.by_source.items():
                name = self.w.text(self.totals.sources.get(source, source))
                cells: list[Cell] = [name]
                for status in statuses:
                    value = t.by_source_status.get((source, status))
                    cells.append(fmt(value) if value is not None else "–")
                cells.append(fmt(total))
                rows.append(cells)
            rows.append(
                [
                    self.w.bi("resources.total"),
                    *(fmt(t.by_status[s]) if t.by_status.get(s) else "–" for s in statuses),
                    fmt(t.total),
                ]
            )
            self.w.table(
                doc, header, rows, [5.0, 2.9, 2.9, 2.9, 2.9], label_rows=frozenset({len(rows) - 1})
            )
            for key, items in (
                ("resources.by_pillar", [(self.v.enum(k), v) for k, v in t.by_pillar.items()]),
                (
                    "resources.by_field_of_action",
                    [(self._field_name(k), v) for k, v in t.by_field.items()],
                ),
                (
                    "resources.by_year",
                    [
                        (str(k) if k else self.w.bi("resources.no_year"), v)
                        for k, v in sorted(t.by_year.items(), key=lambda kv: kv[0] or 0)
                    ],
                ),
            ):
                self.w.heading(doc, self.w.bi(key), 3)
                rows = [[name, fmt(v)] for name, v in items]
                # the total row shows that the breakdown adds up to the whole
                rows.append([self.w.bi("resources.total"), fmt(t.total)])
                self.w.table(
                    doc,
                    [self.w.bi(key), self.w.bi("resources.total")],
                    rows,
                    [11.6, 5.0],
                    label_rows=frozenset({len(rows) - 1}),
                )
                if key == "resources.by_year" and t.spread:
                    self.w.paragraph(doc, self.w.bi("resources.by_year_spread"), S.CAPTION)
        if self.totals.personnel:
            self.w.heading(doc, self.w.bi("resources.personnel_per_side"), 2)
            self._charts(doc, "personnel")
            rows = []
            sides, units = list(Side), list(PersonnelUnit)
            # German side first, then the partner, each in the chart's order of units;
            # yearly figures on their own rows ("per year"), never added to one-off ones
            personnel = sorted(
                self.totals.personnel.items(),
                key=lambda item: (
                    sides.index(item[0].side),
                    units.index(item[0].unit),
                    item[0].per_year,
                ),
            )
            for staff, amount in personnel:
                unit = self.w.bi(personnel_key(staff.unit))
                if staff.per_year:
                    per_year = self.w.bi("unit.per_year")
                    unit = Bi(f"{unit.de} {per_year.de}", f"{unit.partner} {per_year.partner}")
                rows.append(
                    [
                        self.p.partnership.municipality(staff.side).name,
                        unit,
                        self.v.number(amount),
                    ]
                )
            self.w.table(
                doc,
                [
                    self.w.bi("common.municipality"),
                    self.w.bi("measure.personnel"),
                    self.w.bi("resources.total"),
                ],
                rows,
                [7.6, 5.0, 4.0],
            )
        return sub

    def _with_unit(self, number: Bi, unit_key: str) -> Bi:
        """ "50 t CO₂e/Jahr" / "50 t CO₂e/an": a number with its unit in each language."""
        unit = self.w.bi(unit_key)
        return Bi(f"{number.de} {unit.de}", f"{number.partner} {unit.partner}")

    def _total_line(self, total: Decimal, currency: str) -> Bi:
        """ "Gesamt: 3.060.000,00 € / Total : 3 060 000,00 €"."""
        label_ = self.v.label("resources.total")
        money = self.v.money(total, currency)
        return Bi(
            f"{label_.de}{colon('de')}{money.de}",
            f"{label_.partner}{colon(self.lang)}{money.partner}",
        )

    def _exchange_note(self, doc: DocxDocument, rate: ExchangeRate, total: Decimal) -> None:
        """The total's EUR equivalent and the rate it was computed with, with its date
        and source: a council compares XOF amounts in euros."""
        eur = self.v.euro_equivalent(total, rate.currency)
        details: list[Bi] = []
        if rate.date is not None:
            details.append(
                Bi(
                    label("resources.exchange_rate_as_of", "de", date=format_date(rate.date, "de")),
                    label(
                        "resources.exchange_rate_as_of",
                        self.lang,
                        date=format_date(rate.date, self.lang),
                    ),
                )
            )
        if rate.source:
            details.append(Bi(rate.source, rate.source))

        def detail(lang_de: bool) -> str:
            parts = [d.de if lang_de else d.partner for d in details]
            return f" ({', '.join(parts)})" if parts else ""

        note = Bi(
            label(
                "resources.exchange_rate",
                "de",
                rate=format_decimal(rate.per_euro, "de"),
                currency=rate.currency,
                detail=detail(True),
            ),
            label(
                "resources.exchange_rate",
                self.lang,
                rate=format_decimal(rate.per_euro, self.lang),
                currency=rate.currency,
                detail=detail(False),
            ),
        )
        if eur is not None:
            note = Bi(f"≈ {eur.de}. {note.de}", f"≈ {eur.partner}. {note.partner}")
        self.w.paragraph(doc, note, S.CAPTION)

    def _cost_table(self, doc: DocxDocument, t: CurrencyTotals) -> None:
        """Total cost, what is funded and the funding gap of the measures that give a cost."""
        rows: list[list[Cell]] = [
            [self.w.bi(key), self.v.money(value, t.currency) if value else "–"]
            for key, value in (
                ("resources.total_cost", t.total_cost),
                ("resources.funded", t.funded),
                ("resources.gap", t.gap),
            )
        ]
        self.w.table(
            doc,
            [self.w.bi("measure.total_cost"), self.w.bi("resources.total")],
            rows,
            [11.6, 5.0],
            label_rows=frozenset({2}),
        )

    def _code_title(self, code: str, title: Text | str) -> Bi:
        """``M-04 Gefahrenkarte …`` / ``M-04 Flood map …``: a code with its title in each language."""
        t = self.w.text(title)
        return Bi(f"{code} {t.de}", f"{code} {t.partner}")

    def _field_name(self, code: str) -> Bi:
        field = self.p.field_of_action(code)
        if field is None:
            return Bi(code, code)
        t = self.w.text(field.title)
        return Bi(f"{code} {t.de}", f"{code} {t.partner}")

    def responsibilities(self) -> Block | None:
        """Measures per lead municipality and department."""
        led = [m for m in self.p.measures if m.lead is not None]
        if not led:
            return None
        sub, doc = self._new()
        for side in Side:
            groups: dict[str, list[Measure]] = defaultdict(list)
            names: dict[str, Bi] = {}
            for m in led:
                for lead_side, department, _ in m.lead.departments() if m.lead else []:
                    if lead_side is not side or department is None:
                        continue
                    key = funding_source_key(department)
                    groups[key].append(m)
                    names.setdefault(key, self.w.text(department))
            if not groups:
                continue
            self.w.heading(doc, self.p.partnership.municipality(side).name, 2)
            rows: list[list[Cell]] = [
                [names[key], [self._code_title(m.code, m.title) for m in ms]]
                for key, ms in groups.items()
            ]
            self.w.table(
                doc,
                [self.w.bi("measure.department"), self.w.bi("responsibilities.measures")],
                rows,
                [5.6, 11.0],
            )
        return sub

    def monitoring(self) -> Block | None:
        """Who reviews progress, how often, how."""
        mon = self.p.monitoring
        if mon is None:
            return None
        sub, doc = self._new()
        if mon.responsible is not None:
            self.w.heading(doc, self.w.bi("monitoring.responsible"), 2)
            self.w.text_block(doc, mon.responsible)
        if mon.frequency is not None:
            self.w.heading(doc, self.w.bi("monitoring.frequency"), 2)
            self.w.paragraph(doc, self.v.enum(mon.frequency))
        if mon.method is not None:
            self.w.heading(doc, self.w.bi("monitoring.method"), 2)
            self.w.text_block(doc, mon.method)
        return sub

    def outlook(self) -> Block | None:
        """Financing and next steps."""
        out = self.p.outlook
        if out is None:
            return None
        sub, doc = self._new()
        for key, text in (
            ("outlook.financing", out.financing),
            ("outlook.next_steps", out.next_steps),
        ):
            if text is not None:
                self.w.heading(doc, self.w.bi(key), 2)
                self.w.text_block(doc, text)
        return sub

    def adoptions(self) -> Block | None:
        """Council resolutions."""
        if not self.p.adoptions:
            return None
        sub, doc = self._new()
        rows: list[list[Cell]] = []
        for a in self.p.adoptions:
            date = Bi(format_date(a.date, "de"), format_date(a.date, self.lang)) if a.date else ""
            rows.append(
                [
                    self.p.partnership.municipality(a.side).name,
                    self.w.text(a.body),
                    date,
                    a.reference or "",
                ]
            )
        header = [
            self.w.bi("common.municipality"),
            self.w.bi("adoption.body"),
            self.w.bi("adoption.date"),
            self.w.bi("adoption.reference"),
        ]
        self.w.table(doc, header, rows, [3.6, 5.6, 4.2, 3.2])
        return sub

    def signatures(self) -> Block:
        """German municipality left, partner right; fixed geometry for the PDF fields."""
        sub, doc = self._new()
        caption = self.w.bi("footer.fingerprint", fingerprint="")
        self.w.paragraph(
            doc, Bi(caption.de.rstrip(" :"), caption.partner.rstrip(" :\u00a0")), S.FINGERPRINT
        )
        grouped = " ".join(self.fingerprint[i : i + 4] for i in range(0, len(self.fingerprint), 4))
        add_paragraph(doc, f"SHA-256 {grouped}", S.FINGERPRINT)
        add_paragraph(doc, style=S.BODY)
        signers = {side: self.p.signatories_of(side) for side in Side}
        # one row of boxes per signatory: mayors first, then e.g. the town clerks
        for index in range(max(1, *(len(v) for v in signers.values()))):
            if index:
                add_paragraph(doc, style=S.BODY)  # apart, or the two tables run together
            self._signature_row(doc, index, signers)
        return sub

    def _signature_row(
        self, doc: DocxDocument, index: int, signers: dict[Side, list[Signatory]]
    ) -> None:
        """German signatory ``index`` left, the partner's right, each with a box whose
        bookmark the PDF step turns into a signature field."""
        table = doc.add_table(rows=4, cols=2)
        table.style = doc.styles[S.LAYOUT]
        set_column_widths(table, [SIGNATURE_COLUMN_CM, SIGNATURE_COLUMN_CM])
        heights = (None, Cm(2.0), Cm(SIGNATURE_BOX_HEIGHT_CM), None)
        for row, height in zip(table.rows, heights, strict=True):
            if height is not None:
                row.height = height
                row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
            # a signature block is never split: place, box and name on one page
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
        on_behalf = self.w.bi("signature.for_municipality", municipality="")
        for column, side in enumerate(Side):
            people = signers[side]
            if index > 0 and index >= len(people):
                continue  # the other side has more signatories: this column stays empty
            signatory = people[index] if index < len(people) else None
            municipality = self.p.partnership.municipality(side)
            top = table.cell(0, column).paragraphs[0]
            set_style(top, S.SIGNATURE_CAPTION)
            top.add_run(Bi(on_behalf.de.strip(), on_behalf.partner.strip()).joined())
            add_paragraph(table.cell(0, column), municipality.name, S.SIGNATURE_MUNICIPALITY)
            place = table.cell(1, column).paragraphs[0]
            set_style(place, S.BODY)
            place.add_run(f"{self.p.place_of_signing(signatory, side)}, ")
            add_paragraph(
                table.cell(1, column),
                self.w.bi("signature.place_and_date").joined(),
                S.SIGNATURE_LINE,
            )
            box = table.cell(2, column).paragraphs[0]
            set_style(box, S.SIGNATURE_CAPTION)
            _bookmark(box, bookmark_name(side, index), 2 * index + column + 1)
            cell = table.cell(3, column)
            line = cell.paragraphs[0]
            set_style(line, S.SIGNATURE_LINE)
            line.add_run(self.w.bi("signature.signature").joined())
            name = signatory.name if signatory and signatory.name else "…"
            add_paragraph(cell, name, S.SIGNATURE_MUNICIPALITY)
            function = (
                self.w.text(signatory.function) if signatory else self.w.bi("signature.mayor")
            )
            add_paragraph(cell, function.joined(), S.SIGNATURE_CAPTION)
        for row in table.rows[:3]:  # the rows keep with the next: the block stays together
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True

    def findings(self) -> Block:
        """Annex of a draft: every open finding with its location."""
        sub, doc = self._new()
        if not self.report.findings:
            self.w.paragraph(doc, self.w.bi("findings.none"))
            return sub
        self.w.paragraph(doc, self.w.bi("findings.intro"))
        rows: list[list[Cell]] = []
        for f in self.report.findings:
            where = f"{f.location.line}:{f.location.column}" if f.location else ""
            rows.append(
                [
                    f.code,
                    self.w.bi(f"severity.{f.severity.value}"),
                    [f.dotted_path, where] if where else f.dotted_path,
                    clean_text(f.message("de")),  # the report was made before sanitizing
                ]
            )
        header = [
            self.w.bi(k)
            for k in ("findings.code", "findings.severity", "findings.location", "findings.finding")
        ]
        self.w.table(doc, header, rows, [2.0, 2.6, 4.6, 7.4])
        return sub


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header (IHDR, always the first chunk)."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _bookmark(paragraph: object, name: str, ident: int) -> None:
    """An empty bookmark: LibreOffice exports it as a named PDF destination."""
    p = paragraph._p  # type: ignore[attr-defined]
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(900 + ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(900 + ident))
    p.append(start)
    p.append(end)


def _with_year(title: Bi, year: int | None) -> Bi:
    """The title with its target year in brackets, unless the text already names it
    ("Bis 2030 …" does not get "(2030)" again); decided per language."""
    if year is None:
        return title
    mark = str(year)
    return Bi(
        title.de if mark in title.de else f"{title.de} ({mark})",
        title.partner if mark in title.partner else f"{title.partner} ({mark})",
    )
