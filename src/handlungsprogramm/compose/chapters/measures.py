"""Measures: the overview table with the time plan, and one sheet per measure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from babel import Locale

from handlungsprogramm.compose.chapters import measure_resources
from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import (
    Cell,
    FieldRow,
    FieldTable,
    Heading,
    Markdown,
    MeasureSheets,
    Section,
    Table,
)
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.i18n.formatting import colon
from handlungsprogramm.model import Measure

__all__ = ["measure_rows", "overview", "sheets"]


def overview(c: Composer) -> Section | None:
    """All measures in one table (code, title, pillar, lead, period, budget), then the
    time plan."""
    if not c.programme.measures:
        return None
    v = c.v
    keys = ("code", "title", "pillar", "lead", "period", "budget")
    header = tuple(v.label(f"measures.{k}") for k in keys)
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (
            m.code,
            v.text(m.title),
            v.enum(m.pillar),
            v.lead_names(m),
            _compact_period(c, m),
            _budget(c, m) or "–",
        )
        for m in c.programme.measures
    )
    # the period column holds "(fortlaufend)" / "(ongoing)" unbroken
    caption = c.table_caption(v.label("measures.overview"))
    table = Table(header, rows, (1.2, 4.5, 3.0, 2.6, 2.3, 3.0), caption=caption)
    return (table, *c.figures("timeline-"))


def _budget(c: Composer, measure: Measure) -> tuple[Bi, ...]:
    """The measure's money per currency, each in both languages' formats."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for item in measure.resources.money:
        sums[item.currency] += item.amount
    return tuple(c.v.money_cell(amount, currency) for currency, amount in sums.items())


def _compact_period(c: Composer, measure: Measure) -> Cell:
    """``09/2025 – 06/2028``: the same in every language, short enough for a table."""
    tl = measure.timeline
    if tl is None:
        return c.v.label("common.not_specified")
    start = f"{tl.start.month:02d}/{tl.start.year}"
    if tl.end is not None:
        return f"{start} – {tl.end.month:02d}/{tl.end.year}"
    return c.v.label("period.ongoing_from", start=start)


def sheets(c: Composer) -> Section | None:
    """One sheet per measure: heading, description, every field; planned on demand."""
    measures = c.programme.measures
    if not measures:
        return None

    def plan() -> Iterator[tuple[Heading | Markdown | FieldTable, ...]]:
        languages = _language_names(c.lang)
        colons = Bi(colon("de"), colon(c.lang))
        for measure in measures:
            sheet: list[Heading | Markdown | FieldTable] = [
                Heading(c.code_title(measure.code, measure.title), 2)
            ]
            if measure.description is not None:
                sheet.append(Markdown(c.text_pair(measure.description)))
            sheet.append(FieldTable(measure_rows(c, measure), languages, measure.code, colons))
            yield tuple(sheet)

    return (MeasureSheets(len(measures), plan),)


def _language_names(lang: str) -> Bi:
    """The names of the two languages, each in itself (Deutsch, Français)."""
    partner = Locale.parse(lang).get_display_name(lang) or ""
    return Bi("Deutsch", partner[:1].upper() + partner[1:])


def measure_rows(c: Composer, m: Measure) -> tuple[FieldRow, ...]:
    """The fields of a measure sheet, in reading order; empty fields are left out."""
    p, v = c.programme, c.v
    rows: list[FieldRow] = []

    def add(key: str, value: Bi | list[Bi] | None) -> None:
        if value is None or value == []:
            return
        if isinstance(value, Bi):
            rows.append(FieldRow(v.label(key), value.de, value.partner))
        else:
            de, partner = tuple(x.de for x in value), tuple(x.partner for x in value)
            rows.append(FieldRow(v.label(key), de, partner))

    field = p.field_of_action(m.field_of_action) if m.field_of_action else None
    if field is not None:
        add("measure.field_of_action", c.code_title(field.code, field.title))
    objectives = []
    for code in m.objectives:
        op = p.operational_objective(code)
        t = v.text(op.title) if op else Bi("", "")
        objectives.append(Bi(f"{code} {t.de}".strip(), f"{code} {t.partner}".strip()))
    add("measure.objectives", objectives)
    add("measure.further_fields", [c.field_name(code) for code in m.further_fields])
    add("measure.pillar", v.enum(m.pillar))
    add("measure.location", v.location(m.location))
    add("measure.lead", c.leads(m))
    add("measure.contact", _contacts(c, m))
    partners = []
    for partner in m.partners:
        name, role = v.text(partner.name), v.text(partner.role)
        partners.append(
            Bi(
                f"{name.de} – {role.de}" if role.de else name.de,
                f"{name.partner} – {role.partner}" if role.partner else name.partner,
            )
        )
    add("measure.partners", partners)
    add("measure.timeline", v.period(m) if m.timeline else v.label("common.not_specified"))
    add("measure.personnel", measure_resources.personnel(c, m))
    add("measure.money", measure_resources.money(c, m))
    add("measure.total_cost", measure_resources.costs(c, m))
    for key, text in (
        ("measure.material", m.resources.material),
        ("measure.institutional", m.resources.institutional),
    ):
        if text is not None:
            add(key, v.text(text))
    if m.priority is not None:
        add("measure.priority", v.enum(m.priority))
    add("measure.status", v.enum(m.status))
    if m.estimated_reduction is not None:
        reduction, unit = v.number(m.estimated_reduction), v.label("unit.t_co2e_per_year")
        add(
            "measure.estimated_reduction",
            Bi(f"{reduction.de} {unit.de}", f"{reduction.partner} {unit.partner}"),
        )
    if m.hazards:
        add("measure.hazards", v.enums(m.hazards))
    add("measure.milestones", _milestones(c, m))
    add("measure.references", [_reference(c, code) for code in m.references])
    return tuple(rows)


def _contacts(c: Composer, m: Measure) -> list[Bi]:
    """Who to ask: one contact per leading municipality, named by town for a joint lead."""
    if m.lead is None:
        return []
    leads = m.lead.departments()
    contacts = []
    for side, _, person in leads:
        if person is None:
            continue
        contact = ", ".join(x for x in (person.name, person.email, person.phone) if x)
        plain = Bi(contact, contact)
        contacts.append(c.v.named(c.v.town(side), plain) if len(leads) > 1 else plain)
    return contacts


def _milestones(c: Composer, m: Measure) -> list[Bi]:
    """Each milestone with its month spelled out, as the timeline is, and its state."""
    v = c.v
    lines = []
    for ms in m.milestones:
        state = v.label("measure.milestone_reached" if ms.done else "measure.milestone_open")
        t = v.text(ms.title)
        titled = Bi(f"{t.de} ({state.de})", f"{t.partner} ({state.partner})")
        when = v.month(ms.date)
        lines.append(
            Bi(
                v.named(when.de, titled).de,
                v.named(when.partner, titled).partner,
            )
        )
    return lines


def _reference(c: Composer, code: str) -> Bi:
    """A reference by its title (which usually names it: "SDG 7 – Affordable and clean
    energy"); the code is the programme's key, listed in the frameworks section."""
    ref = c.programme.reference(code)
    return c.v.text(ref.title) if ref else Bi(code, code)
