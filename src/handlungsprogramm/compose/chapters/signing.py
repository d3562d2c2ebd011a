"""The signing page: the programme's fingerprint, then one row of signature blocks per
signatory, German left, partner right (mayors first, then e.g. the town clerks)."""

from __future__ import annotations

from handlungsprogramm.compose.chapters.base import Composer
from handlungsprogramm.compose.plan import Node, Para, Role, Section, SignatureCell, SignatureRow
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.model import Side, Signatory
from handlungsprogramm.render.geometry import bookmark_name

__all__ = ["signatures"]


def signatures(c: Composer) -> Section:
    """Fingerprint and signature rows; each box carries the bookmark of its PDF field."""
    caption = c.v.label("footer.fingerprint", fingerprint="")
    grouped = " ".join(c.fingerprint[i : i + 4] for i in range(0, len(c.fingerprint), 4))
    nodes: list[Node] = [
        Para(
            Bi(caption.de.rstrip(" :"), caption.partner.rstrip(" :\u00a0\u202f")), Role.FINGERPRINT
        ),
        Para(f"SHA-256 {grouped}", Role.FINGERPRINT),
        Para(""),
    ]
    signers = {side: c.programme.signatories_of(side) for side in Side}
    for index in range(max(1, *(len(people) for people in signers.values()))):
        if index:
            nodes.append(Para(""))  # apart, or the two tables run together
        german, partner = (_cell(c, index, side, signers[side]) for side in Side)
        nodes.append(SignatureRow((german, partner)))
    return tuple(nodes)


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
        function=function.joined(),
    )
