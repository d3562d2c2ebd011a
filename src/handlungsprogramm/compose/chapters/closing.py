"""The closing chapters: responsibilities, monitoring, outlook, adoptions, and a
draft's annex of open findings."""

from __future__ import annotations

from collections import defaultdict

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import Cell, Heading, Markdown, Node, Para, Section, Table
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.model import Measure, Side
from handlungsprogramm.render.sanitize import clean_text
from handlungsprogramm.totals import funding_source_key

__all__ = ["adoptions", "findings", "monitoring", "outlook", "responsibilities"]


def responsibilities(c: Composer) -> Section | None:
    """Per municipality, its departments with the measures each leads (a joint lead
    appears under both municipalities)."""
    led = [m for m in c.programme.measures if m.lead is not None]
    if not led:
        return None
    v = c.v
    nodes: list[Node] = []
    for side in Side:
        groups: dict[str, list[Measure]] = defaultdict(list)
        names: dict[str, Bi] = {}
        for m in led:
            for lead_side, department, _ in m.lead.departments() if m.lead else []:
                if lead_side is not side or department is None:
                    continue
                key = funding_source_key(department)
                groups[key].append(m)
                names.setdefault(key, v.text(department))
        if not groups:
            continue
        nodes.append(Heading(v.town(side), 2))
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (names[key], tuple(c.code_title(m.code, m.title) for m in ms))
            for key, ms in groups.items()
        )
        header = (v.label("measure.department"), v.label("responsibilities.measures"))
        caption = c.table_caption(v.label("section.responsibilities"), v.town(side))
        nodes.append(Table(header, rows, (5.6, 11.0), caption=caption))
    return tuple(nodes)


def monitoring(c: Composer) -> Section | None:
    """Who reviews progress, how often, how."""
    mon = c.programme.monitoring
    if mon is None:
        return None
    nodes: list[Node] = []
    if mon.responsible is not None:
        nodes += [
            Heading(c.v.label("monitoring.responsible"), 2),
            Markdown(c.text_pair(mon.responsible)),
        ]
    if mon.frequency is not None:
        nodes += [Heading(c.v.label("monitoring.frequency"), 2), Para(c.v.enum(mon.frequency))]
    if mon.method is not None:
        nodes += [Heading(c.v.label("monitoring.method"), 2), Markdown(c.text_pair(mon.method))]
    return tuple(nodes)


def outlook(c: Composer) -> Section | None:
    """Financing and next steps."""
    out = c.programme.outlook
    if out is None:
        return None
    nodes: list[Node] = []
    for key, text in (("outlook.financing", out.financing), ("outlook.next_steps", out.next_steps)):
        if text is not None:
            nodes += [Heading(c.v.label(key), 2), Markdown(c.text_pair(text))]
    return tuple(nodes)


def adoptions(c: Composer) -> Section | None:
    """The council resolutions: who adopted the programme, when, under which reference."""
    if not c.programme.adoptions:
        return None
    v = c.v
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (v.town(a.side), v.text(a.body), v.date(a.date) if a.date else "", a.reference or "")
        for a in c.programme.adoptions
    )
    keys = ("common.municipality", "adoption.body", "adoption.date", "adoption.reference")
    header = tuple(v.label(k) for k in keys)
    caption = c.table_caption(v.label("section.adoption"))
    return (Table(header, rows, (3.6, 5.6, 4.2, 3.2), caption=caption),)


def findings(c: Composer) -> Section:
    """Annex of a draft: every open finding with its location."""
    v = c.v
    if not c.report.findings:
        return (Para(v.label("findings.none")),)
    rows: list[tuple[Cell, ...]] = []
    for f in c.report.findings:
        where = f"{f.location.line}:{f.location.column}" if f.location else ""
        rows.append(
            (
                f.code,
                v.label(f"severity.{f.severity.value}"),
                (f.dotted_path, where) if where else f.dotted_path,
                clean_text(f.message("de")),  # the report was made before sanitizing
            )
        )
    keys = ("findings.code", "findings.severity", "findings.location", "findings.finding")
    header = tuple(v.label(k) for k in keys)
    caption = c.table_caption(v.label("findings.title"))
    table = Table(header, tuple(rows), (2.0, 2.6, 4.6, 7.4), caption=caption)
    return (Para(v.label("findings.intro")), table)
