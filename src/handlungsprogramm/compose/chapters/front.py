"""The front matter: title page, imprint, abbreviations, frameworks referred to, the
long texts."""

from __future__ import annotations

from collections import defaultdict

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import (
    Cell,
    ColumnRow,
    Columns,
    CoverFunders,
    CoverParties,
    CoverParty,
    Markdown,
    Node,
    Para,
    Role,
    Section,
    Table,
)
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.fingerprint import grouped
from handlungsprogramm.i18n.formatting import colon
from handlungsprogramm.model import Side, Text

__all__ = ["abbreviations", "cover", "imprint", "references", "text"]


def cover(c: Composer) -> Section:
    """The title page below the titles: both municipalities with their logos, the
    partnership, period, version and date in two columns (German left), and at the
    foot of the page the funders with their logos. Publisher, contact and the funders'
    notices stand in the imprint on the back of the title page (:func:`imprint`)."""
    p, v = c.programme, c.v
    parties = []
    for side in Side:
        municipality = p.partnership.municipality(side)
        country = v.country(municipality.country)
        kind = v.enum(municipality.kind)
        parties.append(
            CoverParty(
                name=municipality.name,
                meta=_kind_country(kind, country),
                logo=c.logo(municipality.logo),
            )
        )
    rows: list[ColumnRow] = []
    partnership = _partnership(c)
    if partnership:
        rows.append(ColumnRow(None, tuple(partnership)))
    rows.append(ColumnRow(None, (_labelled(c, "cover.period", v.programme_period()),)))
    version = v.label("footer.version", version=p.version)
    if p.date is not None:
        dated = _labelled(c, "cover.date", v.date(p.date))
        version = Bi(f"{version.de} · {dated.de}", f"{version.partner} · {dated.partner}")
    rows.append(ColumnRow(None, (version,)))
    nodes: list[Node] = [
        CoverParties((parties[0], parties[1])),
        Para("", Role.COVER_META),
        Columns(tuple(rows)),
    ]
    if p.funders:
        names = tuple(v.text(f.name) for f in p.funders if c.logo(f.logo) is None)
        logos = tuple(data for f in p.funders if (data := c.logo(f.logo)) is not None)
        nodes.append(CoverFunders(v.label("cover.funded_by"), names, logos))
    return tuple(nodes)


def _kind_country(kind: Bi, country: Bi) -> str:
    """ "Gemeinde · Deutschland", below it "Commune · Allemagne": each language on its
    own line (joined, they broke inside a country's name)."""
    de, partner = f"{kind.de} · {country.de}", f"{kind.partner} · {country.partner}"
    return de if de == partner else f"{de}\n{partner}"


def _partnership(c: Composer) -> list[Bi]:
    """The partnership by name (unless the title names both towns already) and by kind,
    with the year it began: "Thematische Partnerschaft seit 2021"."""
    p, v = c.programme, c.v
    lines: list[Bi] = []
    german = p.partnership.german.town or p.partnership.german.name
    partner = p.partnership.partner.town or p.partnership.partner.name
    title = v.text(p.title)
    if not all(town in text for town in (german, partner) for text in (title.de, title.partner)):
        name = v.label("doc.climate_partnership")
        lines.append(Bi(f"{name.de} {german} – {partner}", f"{name.partner} {german} – {partner}"))
    kind, since = p.partnership.kind, p.partnership.since
    if kind is not None and since is not None:
        lines.append(
            v.label_each("cover.partnership_kind_since", kind=v.enum(kind), year=str(since))
        )
    elif kind is not None:
        lines.append(v.enum(kind))
    elif since is not None:
        lines.append(v.label("cover.partnership_since", year=since))
    return lines


def _labelled(c: Composer, key: str, value: Bi) -> Bi:
    """``Label: value`` with each language's colon ("Période : janvier 2025 …")."""
    name = c.v.label(key)
    return Bi(f"{name.de}{colon('de')}{value.de}", f"{name.partner}{colon(c.lang)}{value.partner}")


def imprint(c: Composer) -> Section:
    """The back of the title page: publisher and contact, version and date, the full
    content fingerprint, the funders and their notices, in two columns."""
    p, v = c.programme, c.v
    rows: list[ColumnRow] = []
    if p.publisher is not None:
        publisher = p.publisher
        lines = [v.text(publisher.name)]
        if publisher.address:
            lines += [
                Bi(x, x)
                for x in (" ".join(line.split()) for line in publisher.address.splitlines())
                if x
            ]
        lines += [Bi(x, x) for x in (publisher.email, publisher.url) if x]
        rows.append(ColumnRow(v.label("cover.publisher"), tuple(lines)))
    version = v.label("footer.version", version=p.version)
    if p.date is not None:
        version = Bi(
            f"{version.de}, {v.date(p.date).de}", f"{version.partner}, {v.date(p.date).partner}"
        )
    rows.append(ColumnRow(v.label("cover.date"), (version,)))
    groups = grouped(c.fingerprint)
    rows.append(
        ColumnRow(
            v.label("imprint.fingerprint"),
            (Bi(groups, groups), v.label("imprint.fingerprint_hint")),
        )
    )
    if p.funders:
        rows.append(ColumnRow(v.label("cover.funded_by"), tuple(v.text(f.name) for f in p.funders)))
        notices = tuple(v.text(f.notice) for f in p.funders if f.notice is not None)
        if notices:
            rows.append(ColumnRow(v.label("imprint.funding_notice"), notices))
    return (
        Para(v.label("imprint.title"), Role.IMPRINT_HEADING),
        Columns(tuple(rows), Role.IMPRINT),
    )


def abbreviations(c: Composer) -> Section | None:
    """The abbreviations used in the texts, alphabetically, with both expansions."""
    if not c.programme.abbreviations:
        return None
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (a.short, c.v.text(a.expansion))
        for a in sorted(c.programme.abbreviations, key=lambda a: a.short.casefold())
    )
    header = (c.v.label("abbreviations.short"), c.v.label("abbreviations.expansion"))
    caption = c.table_caption(c.v.label("section.abbreviations"))
    return (Table(header, rows, (3.2, 13.4), caption=caption),)


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
    caption = c.table_caption(c.v.label("section.references"))
    return (Table(header, tuple(rows), (2.6, 10.0, 4.0), caption=caption),)


def text(c: Composer, value: Text | None) -> Section | None:
    """A chapter that is one long text (vision, preamble, background)."""
    if value is None:
        return None
    return (Markdown(c.text_pair(value)),)
