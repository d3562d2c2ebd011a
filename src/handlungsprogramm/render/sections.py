"""The chapters as blocks for the template: each chapter's plan, written into Word.

The plan (:mod:`handlungsprogramm.compose.chapters`) says what a chapter says;
:mod:`.write` lays its nodes out. This module joins the two per block name, lazily
(a chapter is planned and written only when the template places it), and streams the
measure sheets: they are planned, written and serialised a few at a time, so a
programme of 5,000 measures never holds all its sheets as one XML tree.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from docxtpl import DocxTemplate

from handlungsprogramm._memory import give_back
from handlungsprogramm.compose.chapters import Composer, chapters
from handlungsprogramm.compose.plan import MeasureSheets, Section
from handlungsprogramm.render.blocks import AnyBlock, Block, LazyBlocks, StreamedBlock
from handlungsprogramm.render.ooxml import bind_codes
from handlungsprogramm.render.write import (
    LOGO_MAX_WIDTH_CM,
    MAX_FIGURE_HEIGHT_CM,
    write_nodes,
    write_sheet,
)
from handlungsprogramm.render.writer import Writer

__all__ = ["LOGO_MAX_WIDTH_CM", "MAX_FIGURE_HEIGHT_CM", "Sections"]

_SHEETS_PER_PART = 25
"""Measure sheets built as one tree before they are serialised (~4 MB of tree)."""

_STREAM_ABOVE = 20_000
"""XML elements above which a chapter is kept as compressed text, not in the tree: at
5,000 measures the overview (~200 pictures of the time plan, a table of 5,000 rows)
and the responsibilities held ~12 MB of XML in the main tree, several times that as
lxml nodes, until the package was written. Chapters of an ordinary programme stay
in the tree, where a template's later passes can see them."""


class Sections:
    """Every block the template may place, by name, each written from its plan."""

    def __init__(self, tpl: DocxTemplate, composer: Composer, writer: Writer) -> None:
        self.tpl = tpl
        self.composer = composer
        self.w = writer

    def builders(self, *, draft: bool) -> dict[str, Callable[[], AnyBlock | None]]:
        """A builder for every block the template may place, by name."""
        return {
            name: (lambda plan=plan: self._block(plan()))  # type: ignore[misc]
            for name, plan in chapters(self.composer, draft=draft).items()
        }

    def lazy(self, *, draft: bool, template: str) -> LazyBlocks:
        """The blocks, each built only when the template first uses it."""
        return LazyBlocks(self.builders(draft=draft), template=template)

    def _block(self, nodes: Section | None) -> AnyBlock | None:
        if nodes is None:
            return None
        if len(nodes) == 1 and isinstance(nodes[0], MeasureSheets):
            return self._stream(nodes[0])
        block = Block.inside(self.tpl.docx)
        write_nodes(block.document, nodes, self.w)
        bind_codes(block.body)
        packed = self.w.rows is not None and self.w.rows.pending
        if not packed and sum(1 for _ in block.body.iter()) <= _STREAM_ABOVE:
            return block
        streamed = StreamedBlock()
        streamed.add(block, self.w.rows)
        del block
        give_back()  # the chapter's tree, many times its text, is freed
        return streamed

    def _stream(self, sheets: MeasureSheets) -> StreamedBlock:
        """The sheets written :data:`_SHEETS_PER_PART` at a time, each part serialised
        and its tree freed before the next is planned."""
        out = StreamedBlock()
        planned = sheets.sheets()
        first = True
        while part := list(islice(planned, _SHEETS_PER_PART)):
            block = Block.inside(self.tpl.docx)
            for sheet in part:
                write_sheet(block.document, sheet, self.w, new_page=not first)
                first = False
            bind_codes(block.body)
            out.add(block, self.w.rows)
        give_back()  # the last part's tree
        return out
