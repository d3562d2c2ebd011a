"""The summary (Kurzfassung): the programme's key figures on one or two pages.

A council member reads this instead of a hundred pages: the period, how many fields,
objectives and measures, the measures by pillar and by who leads them, the money per
currency with its secured share (currencies never added), the estimated emission
reduction with how many measures it rests on, and who leads how many measures.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import Cell, Heading, Node, Para, Role, Section, Table
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.model import FundingStatus, LeadSide, Pillar, Side
from handlungsprogramm.totals import estimated_reduction, secured_share

__all__ = ["summary"]


def summary(c: Composer) -> Section | None:
    """Key figures, measures by pillar and lead, money per currency, leads per
    department; ``None`` for a programme without measures (nothing to sum up)."""
    if not c.programme.measures:
        return None
    v = c.v
    nodes: list[Node] = [
        Heading(v.label("summary.at_a_glance"), 2),
        _key_figures(c),
        Heading(v.label("summary.measures_by_pillar_and_lead"), 2),
        _pillar_by_lead(c),
    ]
    if c.totals.money and any(t.total for t in c.totals.money.values()):
        nodes += [Heading(v.label("summary.money_per_currency"), 2), _money(c)]
        if sum(1 for t in c.totals.money.values() if t.total) > 1:
            nodes.append(Para(v.label("summary.currencies_apart"), Role.CAPTION))
    leads = _leads(c)
    if leads is not None:
        nodes += [Heading(v.label("summary.leads"), 2), leads]
        if any(m.lead is not None and m.lead.side is LeadSide.BOTH for m in c.programme.measures):
            nodes.append(Para(v.label("summary.joint_counted_twice"), Role.CAPTION))
    return tuple(nodes)


def _key_figures(c: Composer) -> Table:
    """Period, counts of fields, objectives and measures, estimated reduction."""
    p, v = c.programme, c.v
    period = v.programme_period()
    strategic = sum(1 for _ in p.iter_strategic())
    operational = sum(1 for _ in p.iter_operational())
    rows: list[tuple[Cell, ...]] = [
        (v.label("cover.period"), period),
        (v.label("section.fields_of_action"), v.number(len(p.fields_of_action))),
        (v.label("summary.strategic_objectives"), v.number(strategic)),
        (v.label("summary.operational_objectives"), v.number(operational)),
        (v.label("section.measures"), v.number(len(p.measures))),
    ]
    total, given = estimated_reduction(p)
    if given:
        value = v.label_each("measure.reduction_per_year", value=v.number(total))
        basis = v.label_each(
            "summary.reduction_basis", given=v.number(given), count=v.number(len(p.measures))
        )
        reduction: Cell = Bi(f"{value.de} ({basis.de})", f"{value.partner} ({basis.partner})")
    else:
        reduction = v.label("summary.reduction_none")
    rows.append((v.label("measure.estimated_reduction"), reduction))
    header = (v.label("summary.key_figure"), v.label("summary.value"))
    caption = c.table_caption(v.label("summary.at_a_glance"))
    return Table(header, tuple(rows), (6.0, 10.6), caption=caption)


def _pillar_by_lead(c: Composer) -> Table:
    """Measures counted by pillar (rows) and by who leads them (columns), with totals."""
    p, v = c.programme, c.v
    leads: list[LeadSide | None] = [LeadSide.GERMAN, LeadSide.PARTNER, LeadSide.BOTH]
    if any(m.lead is None for m in p.measures):
        leads.append(None)
    counts = Counter((m.pillar, m.lead.side if m.lead else None) for m in p.measures)

    def count(n: int) -> Bi | str:
        return v.number(n) if n else "–"

    rows: list[tuple[Cell, ...]] = []
    for pillar in Pillar:
        per_lead = [counts[(pillar, lead)] for lead in leads]
        rows.append((v.enum(pillar), *(count(n) for n in per_lead), count(sum(per_lead))))
    column_totals = [sum(counts[(pillar, lead)] for pillar in Pillar) for lead in leads]
    rows.append(
        (
            v.label("resources.total"),
            *(count(n) for n in column_totals),
            v.number(len(p.measures)),
        )
    )
    header: list[Bi | str] = [v.label("measure.pillar")]
    for lead in leads:
        if lead is None:
            header.append(v.label("common.not_specified"))
        elif lead is LeadSide.BOTH:
            header.append(v.label("summary.jointly"))
        else:
            header.append(v.town(Side(lead.value)))
    header.append(v.label("resources.total"))
    other = round((16.6 - 4.6) / (len(leads) + 1), 2)
    widths = (4.6, *(other for _ in range(len(leads) + 1)))
    caption = c.table_caption(v.label("summary.measures_by_pillar_and_lead"))
    return Table(tuple(header), tuple(rows), widths, frozenset({len(rows) - 1}), caption)


def _money(c: Composer) -> Table:
    """Per currency: the total, what is secured of it and the secured share."""
    v = c.v
    rows: list[tuple[Cell, ...]] = []
    for currency, t in c.totals.money.items():
        if not t.total:
            continue  # a currency with a total cost only: the resources chapter shows it
        secured = t.by_status.get(FundingStatus.SECURED, Decimal(0))
        share = secured_share(t)
        rows.append(
            (
                currency,
                # whole amounts, never broken: the columns are wide enough
                v.money(t.total, currency),
                v.money(secured, currency) if secured else "–",
                v.percent(share) if share is not None else "–",
            )
        )
    header = (
        v.label("measure.currency"),
        v.label("resources.total"),
        v.enum(FundingStatus.SECURED),
        v.label("summary.secured_share"),
    )
    caption = c.table_caption(v.label("summary.money_per_currency"))
    return Table(header, tuple(rows), (3.0, 5.0, 5.0, 3.6), caption=caption)


def _leads(c: Composer) -> Table | None:
    """Per municipality the measures it leads, by code, and how many (a joint lead
    counts for both). Which department leads which measure is the chapter on
    responsibilities; here it would make the summary run to a third page."""
    v = c.v
    rows: list[tuple[Cell, ...]] = []
    for side in Side:
        codes = [
            m.code
            for m in c.programme.measures
            if m.lead is not None and m.lead.side.includes(side)
        ]
        if codes:
            rows.append((v.town(side), ", ".join(codes), v.number(len(codes))))
    if not rows:
        return None
    header = (
        v.label("common.municipality"),
        v.label("section.measures"),
        v.label("summary.count"),
    )
    caption = c.table_caption(v.label("summary.leads"))
    return Table(header, tuple(rows), (4.6, 9.4, 2.6), caption=caption)
