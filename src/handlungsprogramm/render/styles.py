"""Names of the styles the standard template defines and the renderer uses.

Every visible formatting choice lives in one of these named styles, so a
non-programmer restyles the document in Word or LibreOffice by editing styles; the
renderer never sets fonts, sizes or colours directly.
"""

from __future__ import annotations

from typing import Any, Final

from docx.styles import BabelFish
from docx.text.paragraph import Paragraph

from handlungsprogramm.render.ooxml import Sink, add_p, add_r, container_element, set_p_style

__all__ = [
    "CHARACTER",
    "PARAGRAPH",
    "TABLE",
    "S",
    "StyleIds",
    "add_paragraph",
    "set_style",
    "style_id",
]


class S:
    """Style names (paragraph, character and table styles)."""

    # paragraph styles
    COVER_TITLE: Final = "HP Cover Title"
    COVER_TITLE_PARTNER: Final = "HP Cover Title Partner"
    COVER_SUBTITLE: Final = "HP Cover Subtitle"
    COVER_META: Final = "HP Cover Meta"
    COVER_MUNICIPALITY: Final = "HP Cover Municipality"
    COVER_FUNDERS: Final = "HP Cover Funders"
    IMPRINT_HEADING: Final = "HP Imprint Heading"
    IMPRINT: Final = "HP Imprint"
    IMPRINT_LABEL: Final = "HP Imprint Label"
    TOC_HEADING: Final = "TOC Heading"
    HEADING_1: Final = "Heading 1"
    HEADING_2: Final = "Heading 2"
    HEADING_3: Final = "Heading 3"
    MEASURE_HEADING: Final = "HP Measure Heading"
    BODY: Final = "HP Body"
    BODY_PARTNER: Final = "HP Body Partner"
    TABLE_TEXT: Final = "HP Table Text"
    TABLE_HEADER: Final = "HP Table Header"
    TABLE_LABEL: Final = "HP Table Label"
    CAPTION: Final = "HP Caption"
    TABLE_CAPTION: Final = "HP Table Caption"
    FIGURE: Final = "HP Figure"
    DRAFT_MARKING: Final = "HP Draft Marking"
    FOOTER: Final = "HP Footer"
    RUNNING_HEADER: Final = "HP Running Header"
    SECTION_BREAK: Final = "HP Section Break"
    SIGNATURE_MUNICIPALITY: Final = "HP Signature Municipality"
    SIGNATURE_LINE: Final = "HP Signature Line"
    SIGNATURE_CAPTION: Final = "HP Signature Caption"
    SIGNATURE_NAME: Final = "HP Signature Name"
    SIGNATURE_FUNCTION: Final = "HP Signature Function"
    SIGNATURE_PLACE: Final = "HP Signature Place"
    SIGNATURE_SEAL: Final = "HP Signature Seal"
    SIGNING_CLAUSE: Final = "HP Signing Clause"
    FINGERPRINT: Final = "HP Fingerprint"
    LIST_BULLET: Final = "List Bullet"
    LIST_BULLET_2: Final = "List Bullet 2"
    LIST_BULLET_3: Final = "List Bullet 3"
    LIST_NUMBER: Final = "List Number"
    LIST_NUMBER_2: Final = "List Number 2"
    LIST_NUMBER_3: Final = "List Number 3"
    # character styles
    PARTNER: Final = "HP Partner"
    PARTNER_HEADER: Final = "HP Partner Header"
    CODE: Final = "HP Code"
    HYPERLINK: Final = "Hyperlink"
    EMPHASIS_LABEL: Final = "HP Label"
    # table styles
    TABLE: Final = "HP Table"
    LAYOUT: Final = "HP Layout"


PARAGRAPH: Final = tuple(
    v for k, v in vars(S).items() if not k.startswith("_") and k not in {
        "PARTNER", "PARTNER_HEADER", "CODE", "HYPERLINK", "EMPHASIS_LABEL", "TABLE", "LAYOUT"
    }
)  # fmt: skip
CHARACTER: Final = (S.PARTNER, S.PARTNER_HEADER, S.CODE, S.HYPERLINK, S.EMPHASIS_LABEL)
TABLE: Final = (S.TABLE, S.LAYOUT)


# -- applying styles fast -------------------------------------------------------------
# python-docx resolves a style name by scanning every style, twice, on each
# assignment; a 1,000-measure document makes hundreds of thousands of assignments.
# The ids are looked up once per document and written straight into the XML.

# Keyed by id() *and* holding the element itself: while it is cached, its id cannot be
# reused by another document's styles element.
_IDS: dict[int, tuple[Any, dict[str, str]]] = {}


def style_id(part: Any, name: str) -> str:
    """The style id of style ``name`` in the document that ``part`` belongs to."""
    element = part.styles.element  # the main document part's styles
    cached = _IDS.get(id(element))
    ids = cached[1] if cached is not None and cached[0] is element else None
    if ids is None:
        ids = {
            BabelFish.internal2ui(s.name_val): s.styleId
            for s in element.style_lst
            if s.name_val is not None
        }
        if len(_IDS) > 64:  # documents come and go; keep the cache small
            _IDS.clear()
        _IDS[id(element)] = (element, ids)
    try:
        return ids[name]
    except KeyError:
        raise KeyError(f"the template has no style named {name!r}") from None


class StyleIds:
    """Style ids of one document for one table or text, looked up once per name.

    :func:`style_id` already caches per document, but reaching the document's styles
    from a part costs more than the lookup; a table with hundreds of cells asks for
    the same three or four styles again and again.
    """

    def __init__(self, part: Any) -> None:
        self.part = part
        self._ids: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = style_id(self.part, name)
        return found


def set_style(paragraph: Paragraph, name: str) -> Paragraph:
    """Give ``paragraph`` the paragraph style ``name``."""
    set_p_style(paragraph._p, style_id(paragraph.part, name))
    return paragraph


def add_paragraph(container: Any, text: str = "", style: str | None = None) -> Paragraph:
    """``container.add_paragraph``, built directly (see :mod:`.ooxml`).

    python-docx finds the place before a body's ``w:sectPr`` by scanning all children,
    which made every heading of a 5,000-measure programme cost more than the last.
    """
    p = add_p(
        Sink(container_element(container)), style_id(container.part, style) if style else None
    )
    if text:
        add_r(p, text)
    return Paragraph(p, container)
