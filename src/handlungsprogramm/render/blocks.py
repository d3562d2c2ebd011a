"""Blocks: each section's content, built apart and placed where the template asks.

A template prints ``{{p blocks.measures }}``; what it gets is a one-paragraph marker
(:class:`BlockMarker`), and the block's content takes the marker's place after
docxtpl has rendered. Two kinds of block:

- :class:`Block`, a body of its own inside the main document's XML tree, moved into
  the main body by :meth:`LazyBlocks.splice`;
- :class:`StreamedBlock`, content kept as serialised, compressed XML, written into
  the main document part while the package is written
  (:mod:`~handlungsprogramm.render.package`). The
  measure sheets are nine tenths of a large document: at 5,000 measures, held as one
  XML tree, they took ~900 MB; built and serialised a few sheets at a time they take
  the size of their compressed text (:class:`Streams` writes them in). Any chapter
  too large for the tree takes this form too, and the rows of its long tables are
  turned into text while the table grows (:class:`RowPacker`).
"""

from __future__ import annotations

import copy
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import IO, Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from handlungsprogramm.errors import TemplateError
from handlungsprogramm.render.ooxml import bind_codes

__all__ = [
    "AnyBlock",
    "Block",
    "BlockMarker",
    "LazyBlocks",
    "RowPacker",
    "StreamedBlock",
    "Streams",
]


class Block:
    """One section's content, built in a body of its own inside the main document.

    A python-docx ``Document`` around an unattached ``w:document`` element that belongs
    to the main document's XML tree and declares the same namespaces: blocks are
    written with the usual API, moving their elements into the main body later is cheap
    (between separate XML trees lxml would reconcile the namespaces of every node), and
    their serialised text uses the main document's prefixes. The ``w:sectPr`` copied
    from the main document gives python-docx the page width it wants for tables.
    """

    __slots__ = ("document",)

    def __init__(self, document: DocxDocument) -> None:
        self.document = document

    @classmethod
    def inside(cls, main: DocxDocument) -> Block:
        root = main.element
        holder = root.makeelement(qn("w:document"), {}, nsmap=root.nsmap)
        body = holder.makeelement(qn("w:body"), {})
        holder.append(body)
        sect_pr = root.body.find(qn("w:sectPr"))
        body.append(
            copy.deepcopy(sect_pr) if sect_pr is not None else body.makeelement(qn("w:sectPr"), {})
        )
        return cls(DocxDocument(holder, main.part))

    @property
    def body(self) -> Any:
        return self.document.element.body


class RowPacker:
    """Rows of long tables kept as compressed text while the table is still being built.

    At 5,000 measures the overview and the responsibilities are tables of 5,000 rows:
    as lxml nodes, the overview alone held some 100 MB until its chapter was serialised.
    The writer hands over each full batch of rows (:meth:`pack`); they are serialised,
    compressed and replaced in the table by a comment, which :meth:`StreamedBlock.add`
    replaces by the rows' text again. A chapter with packed rows is always streamed
    (:meth:`pending`), since only a streamed chapter is written from text.
    """

    BATCH = 256
    """Rows serialised together: small enough to keep the tree small, large enough for
    the compressor."""

    def __init__(self) -> None:
        self._packed: dict[int, tuple[bytes, int]] = {}
        """Each batch's compressed text and its size uncompressed."""
        self._next = 0

    @property
    def pending(self) -> bool:
        """Whether rows wait to be written back into their chapter's text."""
        return bool(self._packed)

    def pack(self, tbl: Any, rows: list[Any]) -> None:
        """Replace ``rows`` (consecutive ``w:tr`` of ``tbl``) by a comment, keeping their text."""
        root = tbl.getroottree().getroot()
        holder = root.makeelement(qn("w:tbl"), {}, nsmap=root.nsmap)
        rows[0].addprevious(etree.Comment(f"{_ROWS}{self._next}"))
        for row in rows:
            holder.append(row)  # moved out of the table
        bind_codes(holder)  # as the chapter's other text will be
        xml = etree.tostring(holder, encoding="UTF-8", xml_declaration=False)
        # '<w:tbl xmlns:…="…">rows</w:tbl>', as a block's body: the rows without declarations
        rows_xml = xml[xml.index(b">") + 1 : xml.rindex(b"</")]
        self._packed[self._next] = zlib.compress(rows_xml, 1), len(rows_xml)
        self._next += 1

    def take(self, number: int) -> tuple[bytes, int]:
        """The compressed text of batch ``number`` and its size, handed over once."""
        return self._packed.pop(number)


class StreamedBlock:
    """A block kept as text: its content is added a part at a time and serialised at once.

    Each part (a :class:`Block`, e.g. a few measure sheets) is written out as the XML
    of its body's children, in the main document's namespace prefixes, compressed
    (zlib level 1: a tenth of the size for little time), and its tree is freed. Its
    pictures keep their relationships (held by the main part); their ids (``wp:docPr``)
    are numbered with the main document's when the package is written
    (:meth:`Streams.write`).
    """

    __slots__ = ("_parts", "pictures", "size")

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self.size = 0
        """Bytes of XML, uncompressed."""
        self.pictures = False
        """Whether a part holds a picture (whose id is numbered on writing)."""

    def add(self, part: Block, rows: RowPacker | None = None) -> None:
        """Serialise ``part``'s content (not its ``w:sectPr``) and keep it compressed,
        with the table rows that ``rows`` packed meanwhile back in their places."""
        body = part.body
        for sect_pr in body.findall(qn("w:sectPr")):
            body.remove(sect_pr)
        if not len(body):
            return
        if next(body.iter(qn("wp:docPr")), None) is not None:
            self.pictures = True
        xml = etree.tostring(body, encoding="UTF-8", xml_declaration=False)
        # '<w:body xmlns:…="…">children</w:body>': the children, whose namespaces the
        # start tag declared (attribute values never hold a raw '>')
        content = xml[xml.index(b">") + 1 : xml.rindex(b"</")]
        position = 0
        for match in _ROWS_COMMENT.finditer(content) if rows is not None else ():
            self._keep(content[position : match.start()])
            packed, size = rows.take(int(match.group(1)))  # type: ignore[union-attr]
            self.size += size
            self._parts.append(packed)
            position = match.end()
        self._keep(content[position:])

    def _keep(self, content: bytes) -> None:
        if content:
            self.size += len(content)
            self._parts.append(zlib.compress(content, 1))

    def xml(self) -> Iterator[bytes]:
        """The content's XML, a part at a time."""
        for part in self._parts:
            yield zlib.decompress(part)


AnyBlock = Block | StreamedBlock


class BlockMarker:
    """What a template prints for a block: a marker paragraph, replaced after rendering.

    docxtpl would serialise every block to text, run its regular-expression passes over
    it and parse the whole document again; for a large programme that was a third of
    the rendering time. The template gets a one-paragraph marker instead, and
    :meth:`LazyBlocks.splice` puts the block's content in its place afterwards.
    """

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __html__(self) -> str:
        # a comment: printed user text is escaped and can never produce one
        return f"<w:p><!--{_MARKER}{self.index}--></w:p>"

    __str__ = __html__


_MARKER = "HP-BLOCK-7f3a:"
_STREAM = "HP-STREAM-7f3a:"
"""The text of the XML comment that stands for a streamed block in the saved package
(a comment: user text cannot produce one, and it serialises the same in any template)."""
_STREAM_COMMENT = re.compile(rb"<!--" + re.escape(_STREAM.encode()) + rb"(\d+)-->")
_ROWS = "HP-ROWS-7f3a:"
"""The text of the XML comment that stands for a batch of packed table rows."""
_ROWS_COMMENT = re.compile(rb"<!--" + re.escape(_ROWS.encode()) + rb"(\d+)-->")
_PICTURE_ID = re.compile(rb"(<[A-Za-z_][\w.-]*:docPr\s[^>]*?\bid=\")\d+(\")")
"""A picture's id in serialised XML (a raw '<' is never text, so never user text)."""


def _move_before(anchor: Any, element: Any) -> None:
    """Move ``element`` before ``anchor``; a long table row by row.

    lxml's cost of moving one subtree grows faster than its size (a 1,000-row table
    took 1.4 s in one move, against 0.2 s for ten times as many nodes in small pieces),
    so a long table moves as its frame first and then one row at a time.
    """
    if element.tag != qn("w:tbl") or len(element) < 64:
        anchor.addprevious(element)
        return
    rows = [child for child in element if child.tag == qn("w:tr")]
    for row in rows:
        element.remove(row)
    anchor.addprevious(element)
    for row in rows:
        element.append(row)


class LazyBlocks(Mapping[str, "BlockMarker | None"]):
    """Blocks built on first use, so a custom template pays only for what it places.

    A block needs the standard template's styles; a template without them gets a
    :class:`TemplateError` naming the missing style (not a ``KeyError``, which Jinja
    would silently turn into an undefined value).
    """

    def __init__(
        self, builders: Mapping[str, Callable[[], AnyBlock | None]], *, template: str
    ) -> None:
        self._builders = builders
        self._built: dict[str, BlockMarker | None] = {}
        self._subdocs: list[AnyBlock] = []
        self._template = template

    def __getitem__(self, name: str) -> BlockMarker | None:
        if name not in self._built:
            build = self._builders[name]  # unknown names: KeyError → undefined in Jinja
            try:
                sub = build()
            except KeyError as exc:
                raise TemplateError(
                    self._template, "HP729", block=name, style=exc.args[0]
                ) from None
            if sub is None:
                self._built[name] = None
            else:
                self._built[name] = BlockMarker(len(self._subdocs))
                self._subdocs.append(sub)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)

    def splice(self, document: DocxDocument) -> Streams:
        """Replace every marker paragraph in ``document``'s body by its block's content.

        A block placed more than once is copied for all but its last place. Picture ids
        (``wp:docPr``) are renumbered afterwards, as docxtpl does, since each block
        counted its own. A streamed block leaves an XML comment, written over when the
        package is written (:meth:`Streams.write`). A marker that is the last paragraph
        of a table cell stays, emptied: a cell must end with a paragraph. The builders
        are released: they hold the template and the charts' pictures, which the
        document now holds.
        """
        self._refuse_outside_body(document)
        body = document.element.body
        count = len(self._subdocs)
        markers = [(c, i) for c in body.iter(etree.Comment) if 0 <= (i := _marker_index(c)) < count]
        left = Counter(index for _, index in markers)
        streams = Streams()
        for comment, index in markers:
            paragraph = comment.getparent()
            block = self._subdocs[index]
            left[index] -= 1
            if isinstance(block, StreamedBlock):
                paragraph.addprevious(etree.Comment(f"{_STREAM}{index}"))
                streams.place(index, block)
            else:
                for child in [c for c in block.body if c.tag != qn("w:sectPr")]:
                    _move_before(paragraph, copy.deepcopy(child) if left[index] else child)
            parent = paragraph.getparent()
            if parent.tag == qn("w:tc") and paragraph.getnext() is None:
                paragraph.remove(comment)
            else:
                parent.remove(paragraph)
        for number, doc_pr in enumerate(body.iter(qn("wp:docPr")), start=1):
            doc_pr.set("id", str(number))
        self._builders, self._subdocs = {}, []
        return streams

    def _refuse_outside_body(self, document: DocxDocument) -> None:
        """Blocks belong in the body: one placed in a header or footer is a template error
        (it would stay there as a bare marker).

        The parts are read through the main part's relationships: docxtpl replaces the
        rendered headers and footers there, where python-docx's section API does not look.
        """
        for rel in document.part.rels.values():
            if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
                continue
            element = getattr(rel.target_part, "element", None)
            if element is None:
                continue
            if any(_marker_index(c) >= 0 for c in element.iter(etree.Comment)):
                raise TemplateError(self._template, "HP730")


def _marker_index(comment: Any) -> int:
    """The block index a marker comment stands for, or -1 for any other comment."""
    text = comment.text or ""
    if not text.startswith(_MARKER) or not text[len(_MARKER) :].isdigit():
        return -1
    return int(text[len(_MARKER) :])


class Streams:
    """The streamed blocks a document places, to be written into its main part."""

    def __init__(self) -> None:
        self._blocks: dict[int, StreamedBlock] = {}
        self._placed = 0
        self.size = 0
        """Bytes the placed blocks add to the main part (at most: their comments go)."""

    def place(self, index: int, block: StreamedBlock) -> None:
        """Record that the comment for block ``index`` stands in the main part."""
        self._blocks[index] = block
        self._placed += 1
        self.size += block.size

    def write(self, xml: bytes, stream: IO[bytes]) -> None:
        """Write the main part's ``xml`` to ``stream``, each block where its comment stands.

        When a streamed block holds pictures, every picture id of the part is numbered
        anew in document order, as :meth:`LazyBlocks.splice` numbers those in the tree:
        the same ids as if the block had been in the tree, and unique where a block is
        placed twice.
        """
        pictures = any(block.pictures for block in self._blocks.values())
        number = itertools.count(1)

        def out(text: bytes, numbered: bool) -> None:
            if numbered:
                text = _PICTURE_ID.sub(lambda m: b"%s%d%s" % (m[1], next(number), m[2]), text)
            stream.write(text)

        position = 0
        found = 0
        for match in _STREAM_COMMENT.finditer(xml) if self._placed else ():
            out(xml[position : match.start()], pictures)
            block = self._blocks[int(match.group(1))]
            for text in block.xml():
                out(text, block.pictures)
            position = match.end()
            found += 1
        out(xml[position:] if position else xml, pictures)
        if found != self._placed:  # a template cannot remove a comment; a bug if it happens
            raise RuntimeError(f"{found} of {self._placed} streamed blocks found in the part")
