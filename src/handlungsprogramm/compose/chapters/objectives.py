"""Objectives: per field of action, strategic and operational objectives with their
indicators, baselines and targets; then the indicator charts."""

from __future__ import annotations

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import Cell, Heading, Node, Para, Role, Section, Table
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.model import Indicator

__all__ = ["objectives"]


def objectives(c: Composer) -> Section | None:
    """Per field, each strategic objective as a heading (with its year and references)
    over a table of its operational objectives, one row per indicator.

    A heading, not a row of one table per field: a heading keeps with the table under
    it, so a strategic objective never stands alone at a page's foot, which a row could
    not promise (LibreOffice keeps no table row with the next).
    """
    if not c.programme.fields_of_action:
        return None
    v = c.v
    header = tuple(
        v.label(k)
        for k in (
            "measures.code",
            "objective.objective",
            "objective.indicator",
            "objective.baseline_value",
            "objective.target_value",
        )
    )
    nodes: list[Node] = []
    for field in c.programme.fields_of_action:
        nodes.append(Heading(c.field_heading(field.code, field.title), 2))
        for strategic in field.strategic_objectives:
            title = _with_year(v.text(strategic.title), strategic.target_year)
            code = strategic.code
            nodes.append(Heading(Bi(f"{code} {title.de}", f"{code} {title.partner}"), 3))
            if strategic.references:
                refs = ", ".join(strategic.references)
                nodes.append(Para(v.label("objective.references", refs=refs), Role.CAPTION, True))
            rows: list[tuple[Cell, ...]] = []
            for op in strategic.operational_objectives:
                indicators: list[Indicator | None] = [ind for _, ind in op.all_indicators()]
                for number, ind in enumerate(indicators or [None]):
                    first = number == 0
                    rows.append(
                        (
                            op.code if first else "",
                            v.text(op.title) if first else "",
                            *_indicator_cells(c, ind),
                        )
                    )
            if rows:
                label = v.label("summary.operational_objectives")
                caption = c.table_caption(label, code)
                widths = (1.4, 5.6, 4.4, 2.6, 2.6)
                nodes.append(Table(header, tuple(rows), widths, caption=caption))
    nodes += c.figures("indicators-")
    return tuple(nodes)


def _indicator_cells(c: Composer, ind: Indicator | None) -> tuple[Cell, Cell, Cell]:
    """Indicator (municipality, name, unit, direction, source), baseline, and the target
    with the interim targets before it."""
    if ind is None:
        return "", "", ""
    v = c.v
    unit, name = v.text(ind.unit), v.text(ind.name)
    named = Bi(f"{name.de} ({unit.de})", f"{name.partner} ({unit.partner})")
    lines = [v.named(v.town(ind.municipality), named) if ind.municipality is not None else named]
    if ind.direction is not None:
        direction = v.enum(ind.direction)
        lines.append(v.label_each("objective.direction", direction=direction))
    if ind.source is not None:
        source = v.text(ind.source)
        lines.append(v.label_each("objective.source_line", source=source))
    base: Cell = v.indicator_value(ind.baseline) if ind.baseline is not None else ""
    targets = [v.interim_target(x) for x in sorted(ind.interim_targets, key=lambda x: x.year)]
    if ind.target is not None:
        targets.append(v.indicator_value(ind.target))
    return tuple(lines), base, tuple(targets)


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
