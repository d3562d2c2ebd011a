"""Plan nodes into Word: each node of :mod:`handlungsprogramm.compose.plan` becomes
paragraphs and tables with the template's styles.

Nothing here decides a word: texts, labels and values come finished in the nodes.
What is decided here is how they look on the page: which style, which widths, what
keeps with what, where pictures and bookmarks go.
"""

from __future__ import annotations

import io
import struct
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu

from handlungsprogramm.compose.plan import (
    Columns,
    CoverFunders,
    CoverParties,
    FieldTable,
    Figure,
    Heading,
    Markdown,
    MeasureSheets,
    Node,
    Para,
    Parallel,
    Role,
    SignatureRow,
    Table,
)
from handlungsprogramm.files import LOGO_HEIGHT_CM
from handlungsprogramm.render.charts import MAX_HEIGHT_IN
from handlungsprogramm.render.styles import S, add_paragraph, set_style
from handlungsprogramm.render.write_signing import signature_row
from handlungsprogramm.render.writer import (
    TEXT_WIDTH_CM,
    Writer,
    keep_row_with_next,
    set_column_widths,
)

__all__ = ["LOGO_MAX_WIDTH_CM", "MAX_FIGURE_HEIGHT_CM", "write_nodes", "write_sheet"]

MAX_FIGURE_HEIGHT_CM = MAX_HEIGHT_IN * 2.54
"""A chart is never taller on paper: with its caption it fits one page."""
LOGO_MAX_WIDTH_CM = TEXT_WIDTH_CM / 2 - 0.6
"""A logo stays inside its municipality's half of the cover (minus the cell margins)."""

_ROLE_STYLES = {
    Role.BODY: S.BODY,
    Role.CAPTION: S.CAPTION,
    Role.COVER_META: S.COVER_META,
    Role.IMPRINT: S.IMPRINT,
    Role.IMPRINT_HEADING: S.IMPRINT_HEADING,
    Role.FINGERPRINT: S.FINGERPRINT,
    Role.CLAUSE: S.SIGNING_CLAUSE,
}


def write_nodes(doc: DocxDocument, nodes: tuple[Node, ...], w: Writer) -> None:
    """Write ``nodes`` in order into ``doc`` (a block's body)."""
    previous: Node | None = None
    last_table: Any = None
    for node in nodes:
        if isinstance(previous, Markdown) and _uncaptioned_table(node):
            # side by side, a text is a table too: two tables in a row are one table to
            # Word and LibreOffice, and the data table's header would no longer repeat
            add_paragraph(doc, style=S.CAPTION)
        if isinstance(node, Para) and node.role is Role.CAPTION and last_table is not None:
            keep_row_with_next(last_table.rows[-1]._tr)  # a table's note stays under it
        last_table = None
        previous = node
        match node:
            case Heading(title, level):
                w.heading(doc, title, level)
            case Para(text, role, keep):
                paragraph = (
                    add_paragraph(doc, text, _ROLE_STYLES[role])
                    if isinstance(text, str)
                    else w.paragraph(doc, text, _ROLE_STYLES[role])
                )
                if keep:
                    paragraph.paragraph_format.keep_with_next = True
            case Markdown(text):
                w.markdown(doc, text)
            case Parallel(paragraphs, role):
                w.parallel(doc, paragraphs, _ROLE_STYLES[role])
            case Table(header, rows, widths, label_rows, caption):
                if caption is not None:  # above the table; the style keeps it with it
                    w.paragraph(doc, caption, S.TABLE_CAPTION, S.CAPTION)
                last_table = w.table(doc, header, rows, widths, label_rows=label_rows)
            case FieldTable(rows, languages, code, colon):
                fields = [(r.label, r.de, r.partner) for r in rows]
                w.field_table(doc, fields, languages, code, colon)
            case Figure():
                _figure(doc, node, w)
            case CoverParties():
                _cover_parties(doc, node)
            case Columns():
                _columns(doc, node)
            case CoverFunders():
                _cover_funders(doc, node)
            case SignatureRow():
                signature_row(doc, node)
            case MeasureSheets():
                raise ValueError("measure sheets are streamed, not written in a block")
            case _:  # pragma: no cover - every node type is handled above
                raise TypeError(f"not a plan node: {node!r}")


def _uncaptioned_table(node: Node) -> bool:
    return isinstance(node, FieldTable) or (isinstance(node, Table) and node.caption is None)


def write_sheet(
    doc: DocxDocument, sheet: tuple[Node, ...], w: Writer, *, new_page: bool = True
) -> None:
    """A measure sheet: its heading (``HP Measure Heading``, which the page header of
    the sheets names) starts a new page, but for the first sheet, which the chapter's
    heading has brought to a new page; the rest is written as any plan."""
    heading, *rest = sheet
    if isinstance(heading, Heading):
        paragraph = w.heading(doc, heading.title, heading.level, S.MEASURE_HEADING)
        if not new_page:
            paragraph.paragraph_format.page_break_before = False
        write_nodes(doc, tuple(rest), w)
    else:
        write_nodes(doc, sheet, w)


def _figure(doc: DocxDocument, figure: Figure, w: Writer) -> None:
    """The picture with its caption below and its title and alt text for the tagged PDF.

    The picture stays on the page of its caption: its paragraph keeps with the next
    (also when a custom template's figure style does not), and it is never taller than
    :data:`MAX_FIGURE_HEIGHT_CM`, so picture and caption fit one page together (Word and
    LibreOffice part them when they do not).
    """
    paragraph = add_paragraph(doc, style=S.FIGURE)
    paragraph.paragraph_format.keep_with_next = True
    width, height = _png_size(figure.png)
    if TEXT_WIDTH_CM * height / width > MAX_FIGURE_HEIGHT_CM + 0.05:  # a pixel's rounding
        size = {"height": Cm(MAX_FIGURE_HEIGHT_CM)}  # narrower, same proportions
    else:
        size = {"width": Cm(TEXT_WIDTH_CM)}
    run = paragraph.add_run()
    if w.spool is not None:
        shape = w.spool.picture(run, figure.png, **size)
    else:
        shape = run.add_picture(io.BytesIO(figure.png), **size)
    doc_pr = shape._inline.docPr
    doc_pr.set("title", figure.title.joined())
    doc_pr.set("descr", figure.alt.joined())
    w.paragraph(doc, figure.caption, S.CAPTION)


def _cover_parties(doc: DocxDocument, node: CoverParties) -> None:
    """Both municipalities side by side: logo, name, kind and country."""
    table = doc.add_table(rows=1, cols=2)
    table.style = doc.styles[S.LAYOUT]
    for column, party in enumerate(node.parties):
        cell = table.cell(0, column)
        first = cell.paragraphs[0]
        if party.logo is not None:
            set_style(first, S.COVER_META)
            run = first.add_run()
            picture = run.add_picture(io.BytesIO(party.logo), height=Cm(LOGO_HEIGHT_CM))
            widest = Cm(LOGO_MAX_WIDTH_CM)
            if picture.width > widest:  # a wide logo keeps to its half of the page
                picture.height = Emu(picture.height * widest // picture.width)
                picture.width = widest
            first = cell.add_paragraph()
        set_style(first, S.COVER_MUNICIPALITY)
        first.add_run(party.name)
        meta = add_paragraph(cell, style=S.COVER_META)
        meta.add_run(party.meta)
    set_column_widths(table, [TEXT_WIDTH_CM / 2] * 2)


def _columns(doc: DocxDocument, node: Columns) -> None:
    """Two columns, German left and the partner language right, in either layout (the
    title page and the imprint are the same in both): per row the label in the
    character style *HP Label* (in the imprint: the paragraph style *HP Imprint Label*),
    then its lines, in the role's paragraph style."""
    style = _ROLE_STYLES[node.role]
    table = doc.add_table(rows=len(node.rows), cols=2)
    table.style = doc.styles[S.LAYOUT]
    for row, item in zip(table.rows, node.rows, strict=True):
        for column, lang in enumerate(("de", "partner")):
            cell = row.cells[column]
            paragraph = cell.paragraphs[0]
            set_style(paragraph, style)
            texts = [line.de if lang == "de" else line.partner for line in item.lines]
            if item.label is not None:
                label = item.label.de if lang == "de" else item.label.partner
                if node.role is Role.IMPRINT:  # a label of its own, set apart from the last item
                    set_style(paragraph, S.IMPRINT_LABEL)
                    paragraph.add_run(label, S.PARTNER if lang == "partner" else None)
                else:
                    paragraph.add_run(label, S.EMPHASIS_LABEL)
                paragraph = None
            for text in texts:
                target = paragraph if paragraph is not None else add_paragraph(cell, style=style)
                target.add_run(text, S.PARTNER if lang == "partner" else None)
                paragraph = None
        # an item stays on one page, and the rows of a block together
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    set_column_widths(table, [TEXT_WIDTH_CM / 2] * 2)


_FOOT_OF_PAGE = {
    "w": str(round(TEXT_WIDTH_CM / 2.54 * 1440)),  # the text width, in twips
    "wrap": "around",
    "hAnchor": "margin",
    "vAnchor": "margin",
    "xAlign": "center",
    "yAlign": "bottom",
}
"""Frame properties that set a paragraph at the foot of the text area of its page.
LibreOffice honours them on paragraphs only (not in a paragraph style), so they are
set on each paragraph of the funders' block; its look is the style *HP Cover Funders*."""


def _at_foot_of_page(paragraph: Any) -> None:
    frame = OxmlElement("w:framePr")
    for key, value in _FOOT_OF_PAGE.items():
        frame.set(qn(f"w:{key}"), value)
    ppr = paragraph._p.get_or_add_pPr()
    style = ppr.find(qn("w:pStyle"))
    if style is not None:  # the schema's order: pStyle, keepNext, …, framePr
        style.addnext(frame)
    else:
        ppr.insert(0, frame)


def _cover_funders(doc: DocxDocument, node: CoverFunders) -> None:
    """The funders at the foot of the title page: caption, names, logos in one line."""
    paragraphs = [add_paragraph(doc, node.caption.joined(), S.COVER_FUNDERS)]
    for name in node.names:
        paragraphs.append(add_paragraph(doc, name.joined(), S.COVER_FUNDERS))
    if node.logos:
        row = add_paragraph(doc, style=S.COVER_FUNDERS)
        for index, data in enumerate(node.logos):
            if index:
                row.add_run("\u2003\u2003")  # two em spaces between logos
            picture = row.add_run().add_picture(io.BytesIO(data), height=Cm(node.height_cm))
            widest = Cm(node.max_width_cm)
            if picture.width > widest:
                picture.height = Emu(picture.height * widest // picture.width)
                picture.width = widest
        paragraphs.append(row)
    for paragraph in paragraphs:
        _at_foot_of_page(paragraph)


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header (IHDR, always the first chunk)."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
