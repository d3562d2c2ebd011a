"""Layout primitives: bilingual headings, text blocks, tables, in either layout.

``side-by-side`` puts German and the partner language in two aligned columns,
paragraph by paragraph; ``sequential`` writes German first, then the partner
language in its own style. Sections (``sections.py``) say *what* to write; this
module decides *how* it is laid out, using only the template's named styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from babel import Locale
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from handlungsprogramm.i18n.labels import label
from handlungsprogramm.model import Text
from handlungsprogramm.render.markdown import MarkdownStyles, add_markdown, split_blocks
from handlungsprogramm.render.styles import S, add_paragraph, add_run, set_style

__all__ = ["TEXT_WIDTH_CM", "Bi", "Layout", "Writer", "set_column_widths"]

TEXT_WIDTH_CM = 16.6
"""Width of the text area of the standard template (A4, 2.2 cm margins)."""


class Layout(StrEnum):
    """How the two languages are arranged."""

    SIDE_BY_SIDE = "side-by-side"
    SEQUENTIAL = "sequential"


@dataclass(frozen=True, slots=True)
class Bi:
    """A value in both languages (German, partner); equal values are shown once."""

    de: str
    partner: str

    @property
    def same(self) -> bool:
        """Whether both languages read the same (codes, names, numbers)."""
        return self.de == self.partner

    def joined(self, sep: str = " / ") -> str:
        """``de / partner``, or just one when they are the same."""
        return self.de if self.same or not self.partner else f"{self.de}{sep}{self.partner}"


Cell = str | Bi | Sequence[str | Bi] | None

_DE_MD = MarkdownStyles(
    body=S.BODY,
    bullet=(S.LIST_BULLET, S.LIST_BULLET_2, S.LIST_BULLET_3),
    number=(S.LIST_NUMBER, S.LIST_NUMBER_2, S.LIST_NUMBER_3),
    hyperlink=S.HYPERLINK,
    code=S.CODE,
)
_PARTNER_MD = MarkdownStyles(
    body=S.BODY_PARTNER,
    bullet=_DE_MD.bullet,
    number=_DE_MD.number,
    hyperlink=S.HYPERLINK,
    code=S.CODE,
    text=S.PARTNER,
)


class Writer:
    """Writes bilingual content into python-docx containers, in one layout."""

    def __init__(self, partner_lang: str, layout: Layout, missing: Bi) -> None:
        self.partner_lang = partner_lang
        self.layout = layout
        self.missing = missing

    # -- words ---------------------------------------------------------------------

    def bi(self, key: str, /, **params: object) -> Bi:
        """A label in German and in the partner language."""
        return Bi(label(key, "de", **params), label(key, self.partner_lang, **params))

    def text(self, text: Text | str | None) -> Bi:
        """A model text as a pair; a plain string is the same in both languages."""
        if text is None:
            return Bi("", "")
        if isinstance(text, str):
            return Bi(text, text)
        return Bi(text.get("de"), text.get(self.partner_lang))

    def language_names(self) -> Bi:
        """The names of the two languages, each in itself (Deutsch, français)."""
        partner = Locale.parse(self.partner_lang).get_display_name(self.partner_lang) or ""
        return Bi("Deutsch", partner[:1].upper() + partner[1:])

    # -- blocks --------------------------------------------------------------------

    def heading(self, doc: DocxDocument, title: Bi | str, level: int) -> Paragraph:
        """A heading carrying both languages."""
        text = title.joined() if isinstance(title, Bi) else title
        return add_paragraph(doc, text, f"Heading {level}")

    def paragraph(self, doc: DocxDocument, value: Bi, style: str = S.BODY) -> Paragraph:
        """A short bilingual line (not Markdown): one paragraph in either layout."""
        paragraph = add_paragraph(doc, style=style)
        self._bi_runs(paragraph, value)
        return paragraph

    def text_block(self, doc: DocxDocument, text: Text | None) -> None:
        """A long text (Markdown) in both languages, laid out per the layout."""
        pair = self.text(text)
        de = pair.de or self.missing.de
        partner = pair.partner or self.missing.partner
        if self.layout is Layout.SEQUENTIAL:
            add_markdown(doc, de, styles=_DE_MD)
            add_markdown(doc, partner, styles=_PARTNER_MD)
            return
        left, right = split_blocks(de), split_blocks(partner)
        rows = max(len(left), len(right))
        table = doc.add_table(rows=rows, cols=2)
        table.style = doc.styles[S.LAYOUT]
        self._widths(table, [TEXT_WIDTH_CM / 2] * 2)
        for index, row in enumerate(table.rows):
            cells = row.cells
            for column, blocks, styles in ((0, left, _DE_MD), (1, right, _PARTNER_MD)):
                cell = cells[column]
                source = blocks[index] if index < len(blocks) else ""
                add_markdown(cell, source, styles=styles, first=cell.paragraphs[0])

    def table(
        self,
        doc: DocxDocument,
        header: Sequence[Bi | str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        label_rows: frozenset[int] = frozenset(),
    ) -> Table:
        """A data table with a repeated bilingual header row; widths in cm."""
        table: Table = doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = doc.styles[S.TABLE]
        self._widths(table, widths)
        _repeat_header(table)
        # row.cells once per row: table.cell(r, c) rebuilds the whole cell grid each call
        table_rows = table.rows
        for cell, title in zip(table_rows[0].cells, header, strict=True):
            self._fill(cell, title, S.TABLE_HEADER)
        for index, (row, values) in enumerate(zip(table_rows[1:], rows, strict=True)):
            _keep_row_together(row)
            style = S.TABLE_LABEL if index in label_rows else S.TABLE_TEXT
            for cell, value in zip(row.cells, values, strict=True):
                self._fill(cell, value, style)
        return table

    def field_table(self, doc: DocxDocument, rows: Sequence[tuple[Bi, Cell, Cell]]) -> Table:
        """Label → value rows (a measure sheet): three columns side by side, two otherwise."""
        if self.layout is Layout.SIDE_BY_SIDE:
            names = self.language_names()
            widths = [4.0, (TEXT_WIDTH_CM - 4.0) / 2, (TEXT_WIDTH_CM - 4.0) / 2]
            table = self.table(doc, ["", names.de, names.partner], [], widths)
            for title, de, partner in rows:
                row = table.add_row()  # type: ignore[no-untyped-call]
                _keep_row_together(row)
                cells = row.cells
                self._fill(cells[0], title, S.TABLE_LABEL)
                if de == partner:
                    merged = cells[1].merge(cells[2])
                    self._fill(merged, de, S.TABLE_TEXT)
                else:
                    self._fill(cells[1], de, S.TABLE_TEXT)
                    self._fill(cells[2], partner, S.TABLE_TEXT, partner=True)
            return table
        grid: Table = doc.add_table(rows=0, cols=2)
        grid.style = doc.styles[S.TABLE]
        _no_header_look(grid)
        self._widths(grid, [4.0, TEXT_WIDTH_CM - 4.0])
        for title, de, partner in rows:
            row = grid.add_row()  # type: ignore[no-untyped-call]
            _keep_row_together(row)
            cells = row.cells
            self._fill(cells[0], title, S.TABLE_LABEL)
            self._fill(cells[1], _pair(de, partner), S.TABLE_TEXT)
        set_column_widths(grid, [4.0, TEXT_WIDTH_CM - 4.0])
        return grid

    # -- helpers -------------------------------------------------------------------

    def _bi_runs(
        self, paragraph: Paragraph, value: Bi, *, stacked: bool = False, header: bool = False
    ) -> None:
        paragraph.add_run(value.de)
        if value.same or not value.partner:
            return
        if stacked:
            paragraph.add_run().add_break()
        else:
            paragraph.add_run(" / ")
        add_run(paragraph, value.partner, S.PARTNER_HEADER if header else S.PARTNER)

    def _fill(self, cell: _Cell, value: Cell, style: str, *, partner: bool = False) -> None:
        items: list[str | Bi]
        if value is None:
            items = []
        elif isinstance(value, str | Bi):
            items = [value]
        else:
            items = list(value)
        first = True
        for item in items or [""]:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            set_style(paragraph, style)
            if isinstance(item, Bi):
                self._bi_runs(paragraph, item, stacked=True, header=style == S.TABLE_HEADER)
            elif partner and style == S.TABLE_TEXT:
                add_run(paragraph, item, S.PARTNER)
            else:
                paragraph.add_run(item)

    def _widths(self, table: Table, widths: Sequence[float]) -> None:
        table.autofit = False
        set_column_widths(table, widths)


def _pair(de: Cell, partner: Cell) -> Cell:
    """Stack a German and a partner value in one cell (sequential layout)."""
    if de == partner:
        return de
    if isinstance(de, str) and isinstance(partner, str):
        return Bi(de, partner)
    left = [de] if isinstance(de, str | Bi) or de is None else list(de)
    right = [partner] if isinstance(partner, str | Bi) or partner is None else list(partner)
    out: list[str | Bi] = []
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else ""
        b = right[index] if index < len(right) else ""
        if isinstance(a, Bi) or isinstance(b, Bi):
            out.append(a if isinstance(a, Bi) else b)  # type: ignore[arg-type]
        else:
            out.append(Bi(a or "", b or ""))
    return out


def set_column_widths(table: Table, widths: Sequence[float]) -> None:
    """Fix column widths (cm) in the grid and every cell: Word reads one, LibreOffice the other."""
    grid = table._tbl.tblGrid
    for column, width in zip(grid.gridCol_lst, widths, strict=False):
        column.w = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)


def _keep_row_together(row: Any) -> None:
    """A row is not split across pages (half a measure title on each page reads badly).

    Every data row of every table gets this, the rows of measure sheets included. A row
    taller than a whole page is still split by LibreOffice, so no text is ever cut off.
    """
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _no_header_look(table: Table) -> None:
    """A table without header row: switch off the table style's first-row look."""
    look = OxmlElement("w:tblLook")
    look.set(qn("w:val"), "0000")
    look.set(qn("w:firstRow"), "0")
    table._tbl.tblPr.append(look)


def _repeat_header(table: Table) -> None:
    trpr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)
