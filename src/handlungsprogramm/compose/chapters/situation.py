"""Where the partners start from: the baseline of each municipality, the fields of action."""

from __future__ import annotations

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import Cell, Heading, Markdown, Node, Para, Role, Section, Table
from handlungsprogramm.model import Side

__all__ = ["baseline", "fields"]


def baseline(c: Composer) -> Section | None:
    """Per municipality: its challenges and its climate hazards, each a table."""
    p, v = c.programme, c.v
    if not any(p.baseline.of(s).challenges or p.baseline.of(s).hazards for s in Side):
        return None
    nodes: list[Node] = []
    for side in Side:
        base = p.baseline.of(side)
        nodes.append(Heading(v.label("baseline.of", municipality=v.town(side)), 2))
        if base.challenges:
            nodes.append(Heading(v.label("baseline.challenges"), 3))
            rows: tuple[tuple[Cell, ...], ...] = tuple(
                (v.text(x.challenge), v.text(x.affected), v.text(x.plans), v.text(x.projects))
                for x in base.challenges
            )
            keys = ("challenge", "affected", "plans", "projects")
            header = tuple(v.label(f"baseline.{k}") for k in keys)
            caption = c.table_caption(v.label("baseline.challenges"), v.town(side))
            nodes.append(Table(header, rows, (4.6, 4.0, 4.0, 4.0), caption=caption))
        if base.hazards:
            nodes.append(Heading(v.label("baseline.hazards"), 3))
            rows = tuple(
                (v.enum(h.hazard), v.enum(h.likelihood), v.enum(h.impact), v.text(h.description))
                for h in base.hazards
            )
            keys = ("hazard", "likelihood", "impact", "description")
            header = tuple(v.label(f"baseline.{k}") for k in keys)
            caption = c.table_caption(v.label("baseline.hazards"), v.town(side))
            nodes.append(Table(header, rows, (3.4, 2.6, 2.6, 8.0), caption=caption))
    return tuple(nodes)


def fields(c: Composer) -> Section | None:
    """Each field of action with its guiding principle; cross-cutting fields say so."""
    if not c.programme.fields_of_action:
        return None
    nodes: list[Node] = []
    for field in c.programme.fields_of_action:
        nodes.append(Heading(c.field_heading(field.code, field.title), 2))
        # the notes keep with the principle under them: a heading and its "Leitlinie"
        # were left at a page's foot with the text overleaf
        if field.cross_cutting:
            nodes.append(Para(c.v.label("field.cross_cutting"), Role.CAPTION, True))
        if field.guiding_principle is not None:
            nodes.append(Para(c.v.label("foa.guiding_principle"), Role.CAPTION, True))
            nodes.append(Markdown(c.text_pair(field.guiding_principle)))
    return tuple(nodes)
