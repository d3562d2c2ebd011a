"""A measure's resources in words: staff time, money lines, total cost and funding gap."""

from __future__ import annotations

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.i18n.formatting import colon, semicolon
from handlungsprogramm.i18n.labels import personnel_key
from handlungsprogramm.model import Measure, Money
from handlungsprogramm.totals import funded

__all__ = ["costs", "money", "personnel"]


def personnel(c: Composer, m: Measure) -> list[Bi]:
    """``Pfinztal: 15 Personentage pro Jahr – Klimaschutzmanagement``: who, how much,
    whether per year, and the note; without "per year" 15 days a year read as 15 in all."""
    v = c.v
    lines = []
    for staff in m.resources.personnel:
        amount = v.number(staff.amount)
        unit = v.label(personnel_key(staff.unit, inline=True))  # lower case where written so
        extras = [v.label("unit.per_year")] if staff.per_year else []
        note = v.text(staff.note)
        lines.append(
            v.named(
                v.town(staff.side),
                Bi(
                    " ".join([amount.de, unit.de, *(x.de for x in extras)])
                    + (f" – {note.de}" if note.de else ""),
                    " ".join([amount.partner, unit.partner, *(x.partner for x in extras)])
                    + (f" – {note.partner}" if note.partner else ""),
                ),
            )
        )
    return lines


def money(c: Composer, m: Measure) -> list[Bi]:
    """Every sum of the measure, each followed by its yearly breakdown where given."""
    lines: list[Bi] = []
    for item in m.resources.money:
        lines.extend(_money_lines(c, m, item))
    return lines


def _money_lines(c: Composer, m: Measure, item: Money) -> list[Bi]:
    """A sum with its source, then as a sentence its status, year, co-financing and
    recipient; its yearly breakdown on a second line.

    ``90.000,00 € – BMZ / Nakopa (Engagement Global). Geplant; 90 % der Kosten;
    Mittelempfänger Pfinztal``: the details follow the source as a sentence of their
    own, as a source's name often ends in brackets of its own.
    """
    v = c.v
    amount = v.amount(item.amount, item.currency)
    source = v.text(item.funding_source)
    details: list[Bi] = [v.enum(item.status)]
    if item.year:
        details.append(v.label("money.in_year", year=item.year))
    if item.share is not None:
        details.append(v.label_each("money.share", share=v.percent(item.share)))
    if item.contribution_to is not None:
        grant = next((g for g in m.resources.money if g.id == item.contribution_to), None)
        name = v.text(grant.funding_source) if grant and grant.funding_source else None
        details.append(v.label_each("money.contribution_to", grant=name or item.contribution_to))
    if item.recipient is not None:
        details.append(v.label("money.recipient", municipality=v.town(item.recipient)))
    lines = [
        v.pair(
            lambda lang: (
                amount.get(lang)
                + (f" – {source.get(lang)}" if source.get(lang) else "")
                + f". {semicolon(lang).join(d.get(lang) for d in details)}"
            )
        )
    ]
    if item.by_year:
        parts = [
            (year, v.money(value, item.currency)) for year, value in sorted(item.by_year.items())
        ]
        lines.append(
            v.label_with(
                "money.by_year",
                parts=lambda lang: semicolon(lang).join(
                    f"{year}{colon(lang)}{money.get(lang)}" for year, money in parts
                ),
            )
        )
    return lines


def costs(c: Composer, m: Measure) -> list[Bi]:
    """The total cost per currency and what is still missing ("funding gap")."""
    v = c.v
    lines = []
    for cost in m.resources.total_cost:
        gap = cost.amount - funded(m, cost.currency)
        if gap > 0:
            state = v.label_each("money.gap", amount=v.money(gap, cost.currency))
        else:
            state = v.label("money.fully_funded")
        total = v.amount(cost.amount, cost.currency)
        lines.append(Bi(f"{total.de} – {state.de}", f"{total.partner} – {state.partner}"))
    return lines
