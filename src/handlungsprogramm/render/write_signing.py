"""The signing page's rows into Word: a fixed geometry the PDF's signature fields are
placed by (:mod:`handlungsprogramm.render.geometry`), so they land in their boxes.

Split from :mod:`.write` along its seam: everything here belongs to one node,
:class:`~handlungsprogramm.compose.plan.SignatureRow`.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from handlungsprogramm.compose.plan import SignatureCell, SignatureRow
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.render.geometry import (
    PLACE_ROW_CM,
    SEAL_ROW_CM,
    SEAL_SIZE_CM,
    SIGNATURE_BOX_HEIGHT_CM,
    signature_column_cm,
)
from handlungsprogramm.render.styles import S, add_paragraph, set_style
from handlungsprogramm.render.writer import set_column_widths

__all__ = ["signature_row"]


def signature_row(doc: DocxDocument, node: SignatureRow) -> None:
    """A fixed-geometry table: caption and municipality, the town and the date line, the
    box (its bookmark becomes the PDF signature field), signature line, name and
    function; below the last row a marked area per side for the official seal."""
    rows = 5 if node.seals is not None else 4
    columns = len(node.cells)
    table = doc.add_table(rows=rows, cols=columns)
    table.style = doc.styles[S.LAYOUT]
    set_column_widths(table, [signature_column_cm(columns)] * columns)
    # the box row is exact (the PDF field is its size); the place row grows when its
    # label wraps in a narrow column, rather than cut it
    exact, least = WD_ROW_HEIGHT_RULE.EXACTLY, WD_ROW_HEIGHT_RULE.AT_LEAST
    heights = (None, (PLACE_ROW_CM, least), (SIGNATURE_BOX_HEIGHT_CM, exact), None,
               (SEAL_ROW_CM, exact))  # fmt: skip
    for row, height in zip(table.rows, heights, strict=False):
        if height is not None:
            row.height = Cm(height[0])
            row.height_rule = height[1]
        # a signature block is never split: place, box and name on one page
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for table_cell in table.rows[1].cells:  # the town sits on the date line
        table_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    for column, cell in enumerate(node.cells):
        if cell is not None:
            _signature_cell(table, column, cell)
    _one_caption_per_side(table, node)
    if node.seals is not None:
        for column, seal in enumerate(node.seals):
            if seal is not None:
                _seal_area(table.cell(4, column), seal)
    # every row keeps with the next: the first blocks stay with the clause above them,
    # the last with the seals and the fingerprint; the page may turn between the rows
    # of several signatories (mayor, then town clerk)
    kept = table.rows if node.seals is not None else table.rows[:-1]
    for row in kept:
        for table_cell in row.cells:
            for paragraph in table_cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _one_caption_per_side(table: Any, node: SignatureRow) -> None:
    """Where a side signs in several columns of one row, its "Für … / For …" and name
    head them once, across: four times a long name in a narrow column took four lines
    each and pushed the seals off the page."""
    column = 0
    while column < len(node.cells):
        first = node.cells[column]
        end = column + 1
        while (
            first is not None
            and end < len(node.cells)
            and (cell := node.cells[end]) is not None
            and cell.municipality == first.municipality
        ):
            end += 1
        if end - column > 1:
            for repeated in range(column + 1, end):
                for paragraph in table.cell(0, repeated).paragraphs[1:]:
                    paragraph._p.getparent().remove(paragraph._p)
                for run in table.cell(0, repeated).paragraphs[0].runs:
                    run._r.getparent().remove(run._r)
            table.cell(0, column).merge(table.cell(0, end - 1))
            merged = table.cell(0, column)
            for paragraph in merged.paragraphs[2:]:  # merge() keeps the emptied paragraphs
                paragraph._p.getparent().remove(paragraph._p)
        column = end


def _signature_cell(table: Any, column: int, s: SignatureCell) -> None:
    top = table.cell(0, column).paragraphs[0]
    set_style(top, S.SIGNATURE_CAPTION)
    top.add_run(s.on_behalf)
    add_paragraph(table.cell(0, column), s.municipality, S.SIGNATURE_MUNICIPALITY)
    place = table.cell(1, column).paragraphs[0]
    set_style(place, S.SIGNATURE_PLACE)
    place.add_run(s.place)
    add_paragraph(table.cell(1, column), s.place_and_date, S.SIGNATURE_LINE)
    box = table.cell(2, column).paragraphs[0]
    set_style(box, S.SIGNATURE_CAPTION)
    _bookmark(box, s.bookmark, s.bookmark_id)
    cell = table.cell(3, column)
    line = cell.paragraphs[0]
    set_style(line, S.SIGNATURE_LINE)
    line.add_run(s.signature)
    add_paragraph(cell, s.name, S.SIGNATURE_NAME)
    add_paragraph(cell, s.function.de, S.SIGNATURE_FUNCTION)
    if not s.function.same and s.function.partner:
        partner = add_paragraph(cell, style=S.SIGNATURE_FUNCTION)
        partner.add_run(s.function.partner, S.PARTNER)


def _seal_area(cell: Any, label: Bi) -> None:
    """A dashed square for the seal, its label inside, at the top-left of ``cell``."""
    set_style(cell.paragraphs[0], S.SIGNATURE_CAPTION)
    area = cell.add_table(rows=1, cols=1)
    area.style = cell.part.document.styles[S.LAYOUT]
    set_column_widths(area, [SEAL_SIZE_CM])
    row = area.rows[0]
    row.height = Cm(SEAL_SIZE_CM)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    tc_pr = area.cell(0, 0)._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "dashed"), ("sz", "6"), ("space", "0"), ("color", "8A96A3")):
            edge.set(qn(f"w:{key}"), value)
        borders.append(edge)
    tc_pr.append(borders)
    align = OxmlElement("w:vAlign")
    align.set(qn("w:val"), "center")
    tc_pr.append(align)
    inside = area.cell(0, 0).paragraphs[0]
    set_style(inside, S.SIGNATURE_SEAL)
    inside.add_run(label.de)
    if not label.same and label.partner:
        add_paragraph(area.cell(0, 0), style=S.SIGNATURE_SEAL).add_run(label.partner, S.PARTNER)
    set_style(cell.paragraphs[-1], S.SIGNATURE_CAPTION)


def _bookmark(paragraph: Any, name: str, ident: int) -> None:
    """An empty bookmark: LibreOffice exports it as a named PDF destination."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(900 + ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(900 + ident))
    p.append(start)
    p.append(end)
