"""Resources: per currency (never added across currencies) the total, its EUR
equivalent, cost and gap, the money chart and the tables by source and status,
pillar, field and year; then staff time per municipality."""

from __future__ import annotations

from decimal import Decimal

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import Cell, Heading, Node, Para, Role, Section, Table
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.i18n.formatting import colon
from handlungsprogramm.i18n.labels import personnel_key
from handlungsprogramm.model import ExchangeRate, FundingStatus, PersonnelUnit, Side
from handlungsprogramm.totals import CurrencyTotals

__all__ = ["resources"]


def resources(c: Composer) -> Section | None:
    """Totals per currency, then personnel; ``None`` when the measures name neither."""
    if not c.totals.money and not c.totals.personnel:
        return None
    nodes: list[Node] = []
    for currency, t in c.totals.money.items():
        nodes.append(Heading(currency, 2))
        if not t.by_source:  # only a total cost in this currency, no money yet
            nodes.append(_cost_table(c, t))
            continue
        nodes += _currency(c, t)
    if c.totals.personnel:
        nodes.append(Heading(c.v.label("resources.personnel_per_side"), 2))
        nodes += c.figures("personnel")
        nodes.append(_personnel(c))
    return tuple(nodes)


def _currency(c: Composer, t: CurrencyTotals) -> list[Node]:
    v, currency = c.v, t.currency

    def fmt(value: Decimal) -> Bi:
        return v.money_cell(value, currency)

    figures = list(c.figures(f"money-{currency}"))
    total, money = v.label("resources.total"), v.money(t.total, currency)
    line = Bi(
        f"{total.de}{colon('de')}{money.de}", f"{total.partner}{colon(c.lang)}{money.partner}"
    )
    # the currency's heading, total and chart stay together
    nodes: list[Node] = [Para(line, keep_with_next=bool(figures))]
    rate = c.programme.exchange_rate(currency)
    if rate is not None and currency != "EUR":
        nodes.append(_exchange_note(c, rate, t.total))
    if t.total_cost:
        nodes.append(_cost_table(c, t))
    nodes += figures
    nodes.append(Heading(v.label("resources.by_funding_source"), 3))
    statuses = list(FundingStatus)
    header = (
        v.label("measure.funding_source"),
        *(v.enum(s) for s in statuses),
        v.label("resources.total"),
    )
    rows: list[tuple[Cell, ...]] = []
    for source, amount in t.by_source.items():
        amounts = [t.by_source_status.get((source, status)) for status in statuses]
        rows.append(
            (
                v.text(c.totals.sources.get(source, source)),
                *(fmt(x) if x is not None else "–" for x in amounts),
                fmt(amount),
            )
        )
    rows.append(
        (
            v.label("resources.total"),
            *(fmt(t.by_status[s]) if t.by_status.get(s) else "–" for s in statuses),
            fmt(t.total),
        )
    )
    caption = c.table_caption(v.label("resources.by_funding_source"), currency)
    widths = (5.0, 2.9, 2.9, 2.9, 2.9)
    nodes.append(Table(header, tuple(rows), widths, frozenset({len(rows) - 1}), caption))
    years = sorted(t.by_year.items(), key=lambda kv: kv[0] or 0)
    for key, items in (
        ("resources.by_pillar", [(v.enum(k), x) for k, x in t.by_pillar.items()]),
        ("resources.by_field_of_action", [(c.field_name(k), x) for k, x in t.by_field.items()]),
        (
            "resources.by_year",
            [(str(k) if k else v.label("resources.no_year"), x) for k, x in years],
        ),
    ):
        nodes.append(Heading(v.label(key), 3))
        # the total row shows that the breakdown adds up to the whole
        lines: list[tuple[Cell, ...]] = [(name, fmt(x)) for name, x in items]
        lines.append((v.label("resources.total"), fmt(t.total)))
        header2 = (v.label(key), v.label("resources.total"))
        caption = c.table_caption(v.label(key), currency)
        last = frozenset({len(lines) - 1})
        nodes.append(Table(header2, tuple(lines), (11.6, 5.0), last, caption))
        if key == "resources.by_year" and t.spread:
            nodes.append(Para(v.label("resources.by_year_spread"), Role.CAPTION))
    return nodes


def _exchange_note(c: Composer, rate: ExchangeRate, total: Decimal) -> Para:
    """The total's EUR equivalent and the rate it was computed with, with its date
    and source: a council compares XOF amounts in euros."""
    v = c.v
    details: list[Bi] = []
    if rate.date is not None:
        details.append(v.label_each("resources.exchange_rate_as_of", date=v.date(rate.date)))
    if rate.source:
        details.append(Bi(rate.source, rate.source))
    detail = Bi(
        f" ({', '.join(d.de for d in details)})" if details else "",
        f" ({', '.join(d.partner for d in details)})" if details else "",
    )
    note = v.label_each(
        "resources.exchange_rate",
        rate=v.number(rate.per_euro),
        currency=rate.currency,
        detail=detail,
    )
    eur = v.euro_equivalent(total, rate.currency)
    if eur is not None:
        about = v.label_each("money.about", amount=eur)
        note = Bi(
            f"{about.de[:1].upper()}{about.de[1:]}. {note.de}",
            f"{about.partner[:1].upper()}{about.partner[1:]}. {note.partner}",
        )
    return Para(note, Role.CAPTION)


def _cost_table(c: Composer, t: CurrencyTotals) -> Table:
    """Total cost, what is funded and the funding gap of the measures that give a cost."""
    v = c.v
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (v.label(key), v.money(value, t.currency) if value else "–")
        for key, value in (
            ("resources.total_cost", t.total_cost),
            ("resources.funded", t.funded),
            ("resources.gap", t.gap),
        )
    )
    header = (v.label("measure.total_cost"), v.label("resources.total"))
    caption = c.table_caption(v.label("measure.total_cost"), t.currency)
    return Table(header, rows, (11.6, 5.0), frozenset({2}), caption)


def _personnel(c: Composer) -> Table:
    """Staff time per municipality and unit: German side first, then the partner, each
    in the chart's order of units; yearly figures on their own rows, never added to
    one-off ones."""
    v = c.v
    sides, units = list(Side), list(PersonnelUnit)
    ordered = sorted(
        c.totals.personnel.items(),
        key=lambda item: (sides.index(item[0].side), units.index(item[0].unit), item[0].per_year),
    )
    rows: list[tuple[Cell, ...]] = []
    for staff, amount in ordered:
        unit = v.label(personnel_key(staff.unit))
        if staff.per_year:
            per_year = v.label("unit.per_year")
            unit = Bi(f"{unit.de} {per_year.de}", f"{unit.partner} {per_year.partner}")
        rows.append((v.town(staff.side), unit, v.number(amount)))
    header = (
        v.label("common.municipality"),
        v.label("measure.personnel"),
        v.label("resources.total"),
    )
    caption = c.table_caption(v.label("resources.personnel_per_side"))
    return Table(header, tuple(rows), (7.6, 5.0, 4.0), caption=caption)
