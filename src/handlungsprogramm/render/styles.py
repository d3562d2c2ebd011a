"""Names of the styles the standard template defines and the renderer uses.

Every visible formatting choice lives in one of these named styles, so a
non-programmer restyles the document in Word or LibreOffice by editing styles; the
renderer never sets fonts, sizes or colours directly.
"""

from __future__ import annotations

from typing import Final

__all__ = ["CHARACTER", "PARAGRAPH", "TABLE", "S"]


class S:
    """Style names (paragraph, character and table styles)."""

    # paragraph styles
    COVER_TITLE: Final = "HP Cover Title"
    COVER_TITLE_PARTNER: Final = "HP Cover Title Partner"
    COVER_SUBTITLE: Final = "HP Cover Subtitle"
    COVER_META: Final = "HP Cover Meta"
    COVER_MUNICIPALITY: Final = "HP Cover Municipality"
    TOC_HEADING: Final = "TOC Heading"
    HEADING_1: Final = "Heading 1"
    HEADING_2: Final = "Heading 2"
    HEADING_3: Final = "Heading 3"
    BODY: Final = "HP Body"
    BODY_PARTNER: Final = "HP Body Partner"
    TABLE_TEXT: Final = "HP Table Text"
    TABLE_HEADER: Final = "HP Table Header"
    TABLE_LABEL: Final = "HP Table Label"
    CAPTION: Final = "HP Caption"
    DRAFT_MARKING: Final = "HP Draft Marking"
    FOOTER: Final = "HP Footer"
    SIGNATURE_MUNICIPALITY: Final = "HP Signature Municipality"
    SIGNATURE_LINE: Final = "HP Signature Line"
    SIGNATURE_CAPTION: Final = "HP Signature Caption"
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
