"""Where the signature boxes are, so the PDF step can put signature fields exactly there.

The signature page is a table of fixed column width whose box row has an exact height:
every signatory in one row when there are at most four (German left, the partner's
right), else two columns and a row per pair. A bookmark named after the side marks the
top-left of each box.
LibreOffice exports bookmarks as named PDF destinations, which give the page and the
position; width and height come from here.
"""

from __future__ import annotations

from typing import Final

from handlungsprogramm.model import Side

__all__ = [
    "PLACE_ROW_CM",
    "SEAL_ROW_CM",
    "SEAL_SIZE_CM",
    "SIGNATURE_BOX_HEIGHT_CM",
    "SIGNATURE_COLUMN_CM",
    "SIGNATURE_GAP_CM",
    "bookmark_name",
    "signature_column_cm",
    "signature_columns",
]

SIGNATURE_COLUMN_CM: Final = 8.3
"""Width of each of two signature columns (half the text width of the standard template)."""
SIGNATURE_BOX_HEIGHT_CM: Final = 3.0
"""Exact height of the row that holds the handwritten or digital signature."""
SIGNATURE_GAP_CM: Final = 0.3
"""Right padding of each signature column (the layout table's right cell margin)."""
PLACE_ROW_CM: Final = 1.4
"""Exact height of the row with the town, room to write the date, and its line."""
SEAL_SIZE_CM: Final = 3.6
"""Side of the dashed square marked for the official seal (round seals are 3–3.5 cm)."""
SEAL_ROW_CM: Final = SEAL_SIZE_CM + 0.5
"""Exact height of the row that holds the seal areas, with room above them."""


SIGNATURES_IN_ONE_ROW: Final = 4
"""Most signatories side by side: with a mayor and a town clerk on each side, a column
is still 4.1 cm, room for a signature and a seal. A second row of signatures (a mayor
and a clerk below each other) pushed the last signatures and the seals onto a page
of their own."""


def signature_columns(german: int, partner: int) -> int:
    """Columns of the signature table for ``german`` and ``partner`` signatories (each
    side has at least one block, its mayor's, even before the names are known)."""
    total = max(1, german) + max(1, partner)
    return total if total <= SIGNATURES_IN_ONE_ROW else 2


def signature_column_cm(columns: int) -> float:
    """Width of each of ``columns`` signature columns: the text width shared equally."""
    return 2 * SIGNATURE_COLUMN_CM / columns


def bookmark_name(side: Side, index: int = 0) -> str:
    """The bookmark (and PDF destination) that marks the signature box of ``side``'s
    signatory number ``index`` (0 for the first, who keeps the name without a number)."""
    # Letters and digits only: LibreOffice escapes other characters in destination names.
    number = str(index + 1) if index else ""
    return f"HPSignature{side.value.capitalize()}{number}"
