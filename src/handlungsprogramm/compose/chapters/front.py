"""The front matter: cover, abbreviations, frameworks referred to, the long texts."""

from __future__ import annotations

from collections import defaultdict

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import (
    Cell,
    CoverParties,
    CoverParty,
    LogoRow,
    Markdown,
    Node,
    Para,
    Role,
    Section,
    Table,
)
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.i18n.formatting import format_period
from handlungsprogramm.model import Side, Text

__all__ = ["abbreviations", "cover", "references", "text"]


def cover(c: Composer) -> Section:
    """Both municipalities side by side with logos, then version, date, period, kind,
    publisher and funders (with their logos and notices)."""
    p, v = c.programme, c.v
    parties = []
    for side in Side:
        municipality = p.partnership.municipality(side)
        country = v.country(municipality.country)
        kind = v.enum(municipality.kind)
        parties.append(
            CoverParty(
                name=municipality.name,
                meta=f"{kind.joined()} · {country.joined()}",
                logo=c.logo(municipality.logo),
            )
        )
    nodes: list[Node] = [CoverParties((parties[0], parties[1])), Para("", Role.COVER_META)]

    def line(key: str, value: str) -> None:
        nodes.append(Para(f"{v.label(key).joined()}: {value}", Role.COVER_META))

    line("cover.version", p.version)
    if p.date is not None:
        line("cover.date", v.date(p.date).joined())
    period = v.pair(lambda lang: _period(c, lang))
    line("cover.period", period.joined())
    if p.partnership.kind is not None:
        line("cover.partnership_kind", v.enum(p.partnership.kind).joined())
    if p.partnership.since is not None:
        since = v.label("cover.partnership_since", year=p.partnership.since)
        nodes.append(Para(since.joined(), Role.COVER_META))
    if p.publisher is not None:
        publisher = p.publisher
        parts = [x for x in (publisher.address, publisher.email, publisher.url) if x]
        address = ", ".join(" ".join(part.split()) for part in parts)
        name = v.text(publisher.name).joined()
        line("cover.publisher", f"{name}, {address}" if address else name)
    if p.funders:
        line("cover.funded_by", "; ".join(v.text(f.name).joined() for f in p.funders))
        logos = tuple(data for f in p.funders if (data := c.logo(f.logo)) is not None)
        if logos:
            nodes.append(LogoRow(logos))
        nodes += [
            Para(v.text(f.notice), Role.COVER_META) for f in p.funders if f.notice is not None
        ]
    return tuple(nodes)


def _period(c: Composer, lang: str) -> str:
    period = c.programme.period
    return format_period(period.start, period.end, False, lang)


def abbreviations(c: Composer) -> Section | None:
    """The abbreviations used in the texts, alphabetically, with both expansions."""
    if not c.programme.abbreviations:
        return None
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (a.short, c.v.text(a.expansion))
        for a in sorted(c.programme.abbreviations, key=lambda a: a.short.casefold())
    )
    header = (c.v.label("abbreviations.short"), c.v.label("abbreviations.expansion"))
    return (Table(header, rows, (3.2, 13.4)),)


def references(c: Composer) -> Section | None:
    """SDGs, strategies and plans the programme refers to, with who refers to them."""
    p = c.programme
    if not p.references:
        return None
    users: dict[str, list[str]] = defaultdict(list)
    for _, _, strategic in p.iter_strategic():
        for code in strategic.references:
            users[code].append(strategic.code)
    for measure in p.measures:
        for code in measure.references:
            users[code].append(measure.code)
    rows: list[tuple[Cell, ...]] = []
    for ref in p.references:
        title: tuple[Bi | str, ...] = (
            (c.v.text(ref.title), ref.url) if ref.url else (c.v.text(ref.title),)
        )
        rows.append((ref.code, title, ", ".join(users.get(ref.code, [])) or "–"))
    header = tuple(
        c.v.label(k) for k in ("references.code", "references.title", "references.used_by")
    )
    return (Table(header, tuple(rows), (2.6, 10.0, 4.0)),)


def text(c: Composer, value: Text | None) -> Section | None:
    """A chapter that is one long text (vision, preamble, background)."""
    if value is None:
        return None
    return (Markdown(c.text_pair(value)),)
