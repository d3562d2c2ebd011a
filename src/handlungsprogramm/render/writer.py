"""Layout primitives: bilingual headings, text blocks, tables, in either layout.

``side-by-side`` puts German and the partner language in two aligned columns,
paragraph by paragraph; ``sequential`` writes German first, then the partner
language in its own style. Sections (``sections.py``) say *what* to write; this
module decides *how* it is laid out, using only the template's named styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from handlungsprogramm.compose.values import Bi
from handlungsprogramm.options import Layout
from handlungsprogramm.render.blocks import RowPacker
from handlungsprogramm.render.markdown import MarkdownStyles, markdown_into, split_blocks
from handlungsprogramm.render.ooxml import (
    Sink,
    add_cell,
    add_p,
    add_r,
    add_row,
    add_tbl,
    container_element,
    keep_with_next,
    space_before,
)
from handlungsprogramm.render.spool import PictureSpool
from handlungsprogramm.render.styles import S, StyleIds, add_paragraph, style_id

__all__ = ["TEXT_WIDTH_CM", "Bi", "Layout", "Writer", "keep_row_with_next", "set_column_widths"]

TEXT_WIDTH_CM = 16.6
"""Width of the text area of the standard template (A4, 2.2 cm margins)."""


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

    def __init__(
        self, layout: Layout, spool: PictureSpool | None = None, rows: RowPacker | None = None
    ) -> None:
        self.layout = layout
        self.spool = spool
        """Where the charts' bytes wait for the package (:mod:`.spool`); none: in memory."""
        self.rows = rows
        """Where long tables' rows wait as text (:class:`~.blocks.RowPacker`); none: in
        the tree."""

    # -- blocks --------------------------------------------------------------------

    def heading(
        self, doc: DocxDocument, title: Bi | str, level: int, style: str | None = None
    ) -> Paragraph:
        """A heading carrying both languages, in ``style`` if the template has it (a
        template made before that style existed gets the plain heading of ``level``)."""
        text = title.joined() if isinstance(title, Bi) else title
        if style is not None:
            try:
                return add_paragraph(doc, text, style)
            except KeyError:
                pass
        return add_paragraph(doc, text, f"Heading {level}")

    def paragraph(
        self, doc: DocxDocument, value: Bi, style: str = S.BODY, fallback: str | None = None
    ) -> Paragraph:
        """A short bilingual line (not Markdown): one paragraph in either layout; in
        ``fallback`` if the template lacks ``style`` (made before that style existed)."""
        try:
            paragraph = add_paragraph(doc, style=style)
        except KeyError:
            if fallback is None:
                raise
            paragraph = add_paragraph(doc, style=fallback)
        self._bi_runs(paragraph, value)
        return paragraph

    def markdown(self, doc: DocxDocument, text: Bi) -> None:
        """A long text (Markdown) in both languages, laid out per the layout."""
        part = doc.part
        sink = Sink(container_element(doc))
        if self.layout is Layout.SEQUENTIAL:
            markdown_into(sink, part, text.de, styles=_DE_MD)
            markdown_into(sink, part, text.partner, styles=_PARTNER_MD)
            return
        left, right = split_blocks(text.de), split_blocks(text.partner)
        half = TEXT_WIDTH_CM / 2
        tbl = add_tbl(sink, style_id(part, S.LAYOUT), [half, half])
        for index in range(max(len(left), len(right))):
            tr = add_row(tbl, cant_split=False)
            for blocks, styles in ((left, _DE_MD), (right, _PARTNER_MD)):
                tc = add_cell(tr, half)
                source = blocks[index] if index < len(blocks) else ""
                markdown_into(tc, part, source, styles=styles, first=add_p(tc, None))

    def parallel(self, doc: DocxDocument, paragraphs: Sequence[Bi], style: str) -> None:
        """Plain paragraphs in both languages side by side, German left, partner right,
        paragraph against paragraph, in either layout: the signing clause stands above
        the two signature blocks of the same sides, and German first, then the partner
        language, took the signing page past its seals. They keep with what follows (a
        clause stays with the signatures it introduces)."""
        part = doc.part
        ids = StyleIds(part)
        sink = Sink(container_element(doc))
        half = TEXT_WIDTH_CM / 2
        tbl = add_tbl(sink, ids[S.LAYOUT], [half, half], first_row_look=False)
        for value in paragraphs:
            tr = add_row(tbl)
            for text, partner in ((value.de, False), (value.partner, True)):
                p = add_p(add_cell(tr, half), ids[style])
                keep_with_next(p)
                add_r(p, text, ids[S.PARTNER] if partner else None)

    def table(
        self,
        doc: DocxDocument,
        header: Sequence[Bi | str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        label_rows: frozenset[int] = frozenset(),
    ) -> Table:
        """A data table with a repeated bilingual header row; widths in cm.

        The header row stays with the first row (never alone at a page's foot); a short
        table (about a third of a page) stays on one page; a longer one is left to break.
        Built element by element (:mod:`~handlungsprogramm.render.ooxml`): tables are
        most of a large document, and python-docx's object API was most of its cost.
        """
        ids = StyleIds(doc.part)
        tbl = add_tbl(Sink(container_element(doc)), ids[S.TABLE], widths)
        tr = add_row(tbl, header=True, cant_split=False)
        for title, width in zip(header, widths, strict=True):
            self._fill_tc(add_cell(tr, width), title, S.TABLE_HEADER, ids)
        _keep(tr)
        kept = _kept_rows(rows, widths)
        batch: list[Any] = []
        for index, values in enumerate(rows):
            tr = add_row(tbl)
            style = S.TABLE_LABEL if index in label_rows else S.TABLE_TEXT
            for value, width in zip(values, widths, strict=True):
                self._fill_tc(add_cell(tr, width), value, style, ids)
            if index in kept:
                _keep(tr)
            batch.append(tr)
            # a full batch goes to text once the next has begun: the last rows stay, for a
            # caption that keeps with the table's last row
            if self.rows is not None and len(batch) > 2 * self.rows.BATCH:
                self.rows.pack(tbl, batch[: self.rows.BATCH])
                del batch[: self.rows.BATCH]
        return Table(tbl, doc)

    def field_table(
        self,
        doc: DocxDocument,
        rows: Sequence[tuple[Bi, Cell, Cell]],
        names: Bi,
        code: str,
        colon: Bi,
    ) -> Table:
        """A measure sheet's fields. Side by side: a column per language, headed by the
        code and the language's name; each field's name (in ``Label``) runs into its value,
        ``colon`` between them. Sequential: the field names in a column of their own.
        The header row, repeated on every page the sheet runs to, names the measure.

        Side by side, the names used to be a third column: every field took two lines
        for its two names, even a one-word value, and most sheets ran a few rows onto a
        page of their own."""
        ids = StyleIds(doc.part)
        sink = Sink(container_element(doc))
        if self.layout is Layout.SIDE_BY_SIDE:
            half = TEXT_WIDTH_CM / 2
            tbl = add_tbl(sink, ids[S.TABLE], [half, half])
            tr = add_row(tbl, header=True, cant_split=False)
            for name in (names.de, names.partner):
                heading = f"{code}\u2003{name}" if code else name  # an em space apart
                self._fill_tc(add_cell(tr, half), heading, S.TABLE_HEADER, ids)
            _keep(tr)
            for title, de, partner in rows:
                tr = add_row(tbl)
                if de == partner:
                    run_in = title.joined() + (colon.de if title.same else colon.partner)
                    self._fill_tc(add_cell(tr, 2 * half, span=2), de, S.TABLE_TEXT, ids,
                                  label=run_in)  # fmt: skip
                else:
                    self._fill_tc(add_cell(tr, half), de, S.TABLE_TEXT, ids,
                                  label=title.de + colon.de)  # fmt: skip
                    self._fill_tc(add_cell(tr, half), partner, S.TABLE_TEXT, ids, partner=True,
                                  label=title.partner + colon.partner)  # fmt: skip
            return Table(tbl, doc)
        widths = [4.0, TEXT_WIDTH_CM - 4.0]
        tbl = add_tbl(sink, ids[S.TABLE], widths)
        tr = add_row(tbl, header=True, cant_split=False)
        for name, width in zip([code, names.joined()], widths, strict=True):
            self._fill_tc(add_cell(tr, width), name, S.TABLE_HEADER, ids)
        _keep(tr)
        for title, de, partner in rows:
            tr = add_row(tbl)
            self._fill_tc(add_cell(tr, widths[0]), title, S.TABLE_LABEL, ids)
            self._fill_tc(add_cell(tr, widths[1]), _pair(de, partner), S.TABLE_TEXT, ids)
        return Table(tbl, doc)

    # -- helpers -------------------------------------------------------------------

    def _bi_runs(
        self, paragraph: Paragraph, value: Bi, *, stacked: bool = False, header: bool = False
    ) -> None:
        self._bi_into(paragraph._p, value, StyleIds(paragraph.part), stacked=stacked, header=header)

    def _bi_into(
        self, p: Any, value: Bi, ids: StyleIds, *, stacked: bool = False, header: bool = False
    ) -> None:
        add_r(p, value.de)
        if value.same or not value.partner:
            return
        style = ids[S.PARTNER_HEADER if header else S.PARTNER]
        if stacked:
            add_r(p, value.partner, style, line_break=True)
        else:
            add_r(p, " / ")
            add_r(p, value.partner, style)

    def _fill_tc(
        self,
        tc: Any,
        value: Cell,
        style: str,
        ids: StyleIds,
        *,
        partner: bool = False,
        label: str | None = None,
    ) -> None:
        """``value`` as the cell's paragraphs; ``label`` (with its colon) runs into the
        first (a line of its own above a list took a line on every sheet for nothing)."""
        items: list[str | Bi]
        if value is None:
            items = []
        elif isinstance(value, str | Bi):
            items = [value]
        else:
            items = list(value)
        style_id_ = ids[style]
        header = style == S.TABLE_HEADER
        run_in = label
        for item in items or [""]:
            p = add_p(tc, style_id_)
            if run_in is not None:
                add_r(p, run_in, ids[S.EMPHASIS_LABEL])
                run_in = None
            if isinstance(item, Bi) and not header and not item.same and item.partner:
                # Both languages in the same type: the partner's text is its own paragraph,
                # set a little apart, so where one language ends is seen without italics.
                add_r(p, item.de)
                q = add_p(tc, style_id_)
                space_before(q, _PARTNER_GAP_TWIPS)
                add_r(q, item.partner, ids[S.PARTNER])
            elif isinstance(item, Bi):
                self._bi_into(p, item, ids, stacked=True, header=header)
            elif partner and style == S.TABLE_TEXT:
                add_r(p, item, ids[S.PARTNER])
            else:
                add_r(p, item)


KEEP_LINES = 30
"""A table of at most about this many lines of text, half a page, is kept on one page:
a two-row adoption table is never split 1 + 1, an eight-row table of hazards not 4 + 4.
A taller one is left to break, or it would leave its heading alone at the foot of the
page before; but its last row keeps with the one before, so no row stands alone at
the head of a page."""
_CHARS_PER_CM = 6.0
"""Characters of 9 pt Noto Sans in a centimetre of column, on average."""


def _lines(value: Cell, width_cm: float) -> int:
    """About how many lines ``value`` takes in a column ``width_cm`` wide."""
    per_line = max(1, int((width_cm - 0.3) * _CHARS_PER_CM))
    return sum(max(1, -(-len(text) // per_line)) for text in _texts(value))


def _texts(value: Cell) -> list[str]:
    """The paragraphs of a cell: a pair in two languages is two."""
    if value is None:
        return [""]
    texts: list[str] = []
    for item in [value] if isinstance(value, str | Bi) else value:
        if isinstance(item, Bi):
            texts += [item.de, item.partner] if not item.same and item.partner else [item.de]
        else:
            texts.append(item)
    return texts


def _kept_rows(rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> frozenset[int]:
    """The rows that keep with the next: all but the last of a short table; of a taller
    one the first (two rows under the header) and the last but one (two rows overleaf)."""
    heights = [max(_lines(v, w) for v, w in zip(row, widths, strict=True)) for row in rows]
    if sum(heights) <= KEEP_LINES:
        return frozenset(range(len(rows) - 1))
    return frozenset({0, len(rows) - 2}) if len(rows) >= 4 else frozenset()


def keep_row_with_next(tr: Any) -> None:
    """Keep table row ``tr`` on the page of what follows it (a row, or a note)."""
    for p in tr.iter(_P):
        keep_with_next(p)


_keep = keep_row_with_next


_P = qn("w:p")

_PARTNER_GAP_TWIPS = 50
"""2.5 pt between a German text and its partner-language version in one table cell."""


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
