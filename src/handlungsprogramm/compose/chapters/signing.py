"""The signing page: the closing clause (the council resolutions, the originals, both
versions equally authentic), one row of signature blocks per signatory, German left,
partner right (mayors first, then e.g. the town clerks), the official seal of each
municipality below, and the programme's content fingerprint at the foot."""

from __future__ import annotations

import re

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import (
    Node,
    Para,
    Parallel,
    Role,
    Section,
    SignatureCell,
    SignatureRow,
)
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.fingerprint import grouped
from handlungsprogramm.i18n.formatting import colon
from handlungsprogramm.model import CouncilAdoption, Side, Signatory
from handlungsprogramm.render.geometry import bookmark_name, signature_columns

__all__ = ["clause", "signatures"]


def signatures(c: Composer) -> Section:
    """Clause, signature rows with the seals below, fingerprint; each box carries the
    bookmark of its PDF field."""
    nodes: list[Node] = [Parallel(clause(c), Role.CLAUSE)]
    signers = {side: c.programme.signatories_of(side) for side in Side}
    count = {side: max(1, len(people)) for side, people in signers.items()}
    seal = c.v.label("signature.seal")
    if signature_columns(count[Side.GERMAN], count[Side.PARTNER]) > 2:
        # everybody in one row: the seals below the first column of each side
        cells = [_cell(c, i, side, signers[side]) for side in Side for i in range(count[side])]
        seals = [seal if i in (0, count[Side.GERMAN]) else None for i in range(len(cells))]
        nodes.append(Para("", keep_with_next=True))  # apart from the clause
        nodes.append(SignatureRow(tuple(cells), tuple(seals)))
    else:
        rows = max(count.values())
        for index in range(rows):
            nodes.append(Para("", keep_with_next=True))  # apart, or the tables run together
            pair = tuple(_cell(c, index, side, signers[side]) for side in Side)
            nodes.append(SignatureRow(pair, (seal, seal) if index == rows - 1 else None))
    nodes.append(Para("", Role.FINGERPRINT, keep_with_next=True))
    nodes += _fingerprint(c)
    return tuple(nodes)


def clause(c: Composer) -> tuple[Bi, ...]:
    """The closing clause, paragraph by paragraph: who adopted the programme (body, date
    and reference of each resolution), then in how many originals it is signed, each in
    both languages, both equally authentic."""
    v = c.v
    paragraphs: list[Bi] = []
    adoptions = sorted(c.programme.adoptions, key=lambda a: list(Side).index(a.side))
    if adoptions:
        paragraphs.append(v.label("signing.adopted"))
        paragraphs += [_resolution(c, a) for a in adoptions]
    originals = c.programme.signing.originals
    german, partner = v.language("de"), v.language(c.lang)
    if originals == 1:
        paragraphs.append(v.label_each("signing.original", german=german, language=partner))
    else:
        count = v.label(f"signing.count_{originals}")
        paragraphs.append(
            v.label_each("signing.originals", count=count, german=german, language=partner)
        )
    return tuple(paragraphs)


def _resolution(c: Composer, adoption: CouncilAdoption) -> Bi:
    """``– Gemeinderat Pfinztal, Beschluss vom 24. Juni 2025 (GR 2025/087)``."""
    v = c.v
    body = v.text(adoption.body)
    line = (
        v.label_each("signing.resolution", body=body, date=v.date(adoption.date))
        if adoption.date is not None
        else body
    )
    reference = f" ({_keep_number(adoption.reference)})" if adoption.reference else ""
    return Bi(f"– {line.de}{reference}", f"– {line.partner}{reference}")


_NUMBER_SIGN = re.compile(r"\b(N\.?\s?[º°o]\.?|n\.?\s?[º°o]\.?|No\.|Nr\.)\s+")


def _keep_number(reference: str) -> str:
    """A reference's number sign stays with its number ("N.º 312/2025", "n° 012")."""
    return _NUMBER_SIGN.sub(lambda m: m.group(1) + "\u00a0", reference)


def _fingerprint(c: Composer) -> tuple[Para, Para]:
    """``Prüfsumme des Inhalts / Empreinte du contenu (SHA-256) :`` and the 64 hex
    digits in groups of four, the small print at the foot of the page."""
    caption = c.v.label("footer.fingerprint", fingerprint="")
    names = Bi(caption.de.rstrip(" :"), caption.partner.rstrip(" :\u00a0\u202f")).joined()
    digits = grouped(c.fingerprint)
    return (
        Para(f"{names} (SHA-256){colon(c.lang).rstrip()}", Role.FINGERPRINT, keep_with_next=True),
        Para(digits, Role.FINGERPRINT),
    )


def _cell(c: Composer, index: int, side: Side, people: list[Signatory]) -> SignatureCell | None:
    """Signatory ``index`` of ``side``; ``None`` where the other side has more signatories.
    A side without signatories still gets a block for its mayor, name left open."""
    if index > 0 and index >= len(people):
        return None
    v = c.v
    signatory = people[index] if index < len(people) else None
    on_behalf = v.label("signature.for_municipality", municipality="")
    function = v.text(signatory.function) if signatory else v.label("signature.mayor")
    column = list(Side).index(side)
    return SignatureCell(
        on_behalf=Bi(on_behalf.de.strip(), on_behalf.partner.strip()).joined(),
        municipality=c.programme.partnership.municipality(side).name,
        place=f"{c.programme.place_of_signing(signatory, side)}, ",
        place_and_date=v.label("signature.place_and_date").joined(),
        bookmark=bookmark_name(side, index),
        bookmark_id=2 * index + column + 1,
        signature=v.label("signature.signature").joined(),
        name=signatory.name if signatory and signatory.name else "…",
        function=function,
    )
