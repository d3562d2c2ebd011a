"""WordprocessingML elements built directly, in schema order, for the hot paths.

python-docx's object API finds the right place for every child element by scanning
the successors the schema allows (and parses a string for every new element); a
1,000-measure programme creates a few hundred thousand elements, and that search was
most of the rendering time. The builders here append elements in the order the
schema wants them, through lxml directly: same XML, a fraction of the work.

Elements are created in place (``SubElement``), inside their parents' namespace
declarations, so moving a finished block into the document stays cheap; and through
their parents, so python-docx's element classes
(``CT_P``, ``CT_Tbl`` …) still apply, and python-docx objects can be wrapped around
them where the rest of the renderer needs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import SubElement

__all__ = [
    "Sink",
    "add_cell",
    "add_p",
    "add_r",
    "add_row",
    "add_tbl",
    "bind_codes",
    "cm_to_twips",
    "container_element",
    "keep_with_next",
    "set_p_style",
    "space_before",
]

_P, _PPR, _PSTYLE, _KEEPNEXT = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:keepNext")
_R, _RPR, _RSTYLE, _T = qn("w:r"), qn("w:rPr"), qn("w:rStyle"), qn("w:t")
_B, _I, _BR, _TAB = qn("w:b"), qn("w:i"), qn("w:br"), qn("w:tab")
_TBL, _TBLPR, _TBLSTYLE, _TBLW = qn("w:tbl"), qn("w:tblPr"), qn("w:tblStyle"), qn("w:tblW")
_TBLLAYOUT, _TBLLOOK, _TBLGRID, _GRIDCOL = (
    qn("w:tblLayout"), qn("w:tblLook"), qn("w:tblGrid"), qn("w:gridCol"),
)  # fmt: skip
_TR, _TRPR, _CANTSPLIT, _TBLHEADER = qn("w:tr"), qn("w:trPr"), qn("w:cantSplit"), qn("w:tblHeader")
_TC, _TCPR, _TCW, _GRIDSPAN = qn("w:tc"), qn("w:tcPr"), qn("w:tcW"), qn("w:gridSpan")
_SECTPR = qn("w:sectPr")
_VAL, _W, _TYPE = qn("w:val"), qn("w:w"), qn("w:type")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def cm_to_twips(cm: float) -> int:
    """Centimetres in twentieths of a point, the unit of widths in tables."""
    return round(cm * 1440 / 2.54)


class Sink:
    """Where new blocks go: the end of a body (before its ``w:sectPr``) or of a cell."""

    def __init__(self, parent: Any) -> None:
        self.parent = parent
        last = parent[-1] if len(parent) else None
        self._anchor = last if last is not None and last.tag == _SECTPR else None

    def add(self, element: Any) -> Any:
        if self._anchor is not None:
            self._anchor.addprevious(element)
        else:
            self.parent.append(element)
        return element

    def new(self, tag: str) -> Any:
        """A new child element at the end (before the ``w:sectPr`` of a body)."""
        element = SubElement(self.parent, tag)
        if self._anchor is not None:
            self._anchor.addprevious(element)
        return element


def container_element(container: Any) -> Any:
    """The element a python-docx container keeps its blocks in: a cell's ``w:tc``, else
    the ``w:body`` of a document (or of a section's own document)."""
    tc = getattr(container, "_tc", None)
    return tc if tc is not None else container.element.body


def add_p(parent: Any, style_id: str | None) -> Any:
    """Append ``<w:p>`` with its paragraph style to ``parent`` (a cell or a paragraph sink)."""
    p = parent.new(_P) if isinstance(parent, Sink) else SubElement(parent, _P)
    if style_id:
        SubElement(SubElement(p, _PPR), _PSTYLE, {_VAL: style_id})
    return p


def space_before(p: Any, twips: int) -> None:
    """Give paragraph ``p`` ``twips`` of space before it (``w:spacing w:before``)."""
    ppr = p[0] if len(p) and p[0].tag == _PPR else None
    if ppr is None:
        ppr = SubElement(p, _PPR)
        p.insert(0, ppr)
    spacing = SubElement(ppr, qn("w:spacing"))
    spacing.set(qn("w:before"), str(twips))


def keep_with_next(p: Any) -> None:
    """Keep paragraph ``p`` on the page of the next one (``w:keepNext``, right after the
    style in ``w:pPr``); in a table row, the row stays with the next row."""
    ppr = p[0] if len(p) and p[0].tag == _PPR else None
    if ppr is None:
        ppr = SubElement(p, _PPR)
        p.insert(0, ppr)
    if ppr.find(_KEEPNEXT) is not None:
        return
    keep = SubElement(ppr, _KEEPNEXT)
    ppr.insert(1 if len(ppr) > 1 and ppr[0].tag == _PSTYLE else 0, keep)


def set_p_style(p: Any, style_id: str) -> None:
    """Set the paragraph style of ``p`` (``w:pStyle`` is the first child of ``w:pPr``)."""
    ppr = p[0] if len(p) and p[0].tag == _PPR else None
    if ppr is None:
        ppr = SubElement(p, _PPR)
        p.insert(0, ppr)
    pstyle = ppr[0] if len(ppr) and ppr[0].tag == _PSTYLE else None
    if pstyle is None:
        pstyle = SubElement(ppr, _PSTYLE)
        ppr.insert(0, pstyle)
    pstyle.set(_VAL, style_id)


def add_r(
    parent: Any,
    text: str,
    style_id: str | None = None,
    *,
    bold: bool = False,
    italic: bool = False,
    line_break: bool = False,
) -> Any:
    """Append a run: character style, bold, italic, an optional line break, then text.

    Tabs become ``<w:tab/>`` and line feeds ``<w:br/>``, as python-docx's ``Run.text``
    does, so text from the model reads the same whichever path wrote it.
    """
    r = SubElement(parent, _R)
    if style_id or bold or italic:
        rpr = SubElement(r, _RPR)
        if style_id:
            SubElement(rpr, _RSTYLE, {_VAL: style_id})
        if bold:
            SubElement(rpr, _B)
        if italic:
            SubElement(rpr, _I)
    if line_break:
        SubElement(r, _BR)
    if text:
        _add_text(r, text)
    return r


def _add_text(r: Any, text: str) -> None:
    if "\t" not in text and "\n" not in text and "\r" not in text:
        _t(r, text)
        return
    chunk = ""
    for char in text:
        if char in "\t\n\r":
            if chunk:
                _t(r, chunk)
                chunk = ""
            SubElement(r, _TAB if char == "\t" else _BR)
        else:
            chunk += char
    if chunk:
        _t(r, chunk)


def _t(r: Any, text: str) -> None:
    t = SubElement(r, _T)
    if text[:1].isspace() or text[-1:].isspace():
        t.set(_SPACE, "preserve")
    t.text = text


_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_CODE = re.compile(r"\b[A-Z][A-Z0-9]{0,5}(-)(?=\d)")
"""The hyphen of a code (M-01, SDG-7, HF-2): a capital, up to five more capitals or
digits, the hyphen, a digit."""


def bind_codes(element: Any) -> None:
    """Make the hyphen inside every code of ``element``'s text a no-break hyphen.

    A line used to break inside a code ("… / M-" and "14 Solarstrom …" on the next
    line, in headings, code lists and running text). Word's own no-break hyphen
    (``<w:noBreakHyphen/>``) keeps the code on one line in Word and LibreOffice, and
    LibreOffice's PDF carries it as a plain hyphen, so searching the PDF for "M-14"
    still finds it (the character U+2011 in the text would have kept the line too, but
    Word's search and python-docx would no longer see "M-14").
    """
    for t in [t for t in element.iter(_T) if t.text and "-" in t.text]:
        text = t.text
        hyphens = [m.start(1) for m in _CODE.finditer(text)]
        if not hyphens:
            continue
        pieces: list[Any] = []
        start = 0
        for at in hyphens:
            pieces.append(text[start:at])
            pieces.append(None)  # the hyphen
            start = at + 1
        pieces.append(text[start:])
        anchor = t
        for piece in pieces:
            if piece == "":
                continue
            if piece is None:
                new = t.makeelement(_NO_BREAK_HYPHEN, {})
            else:
                new = t.makeelement(_T, {})
                new.text = piece
                if piece[:1].isspace() or piece[-1:].isspace():
                    new.set(_SPACE, "preserve")
            anchor.addnext(new)
            anchor = new
        t.getparent().remove(t)


def add_tbl(
    sink: Sink, style_id: str, widths_cm: Sequence[float], *, first_row_look: bool = True
) -> Any:
    """Append an empty table with a fixed grid (Word reads the grid, LibreOffice the cells)."""
    tbl = sink.new(_TBL)
    tbl_pr = SubElement(tbl, _TBLPR)
    SubElement(tbl_pr, _TBLSTYLE, {_VAL: style_id})
    SubElement(tbl_pr, _TBLW, {_W: "0", _TYPE: "auto"})
    SubElement(tbl_pr, _TBLLAYOUT, {_TYPE: "fixed"})
    look = _LOOK if first_row_look else _NO_LOOK
    SubElement(tbl_pr, _TBLLOOK, {qn(f"w:{k}"): v for k, v in look.items()})
    grid = SubElement(tbl, _TBLGRID)
    for width in widths_cm:
        SubElement(grid, _GRIDCOL, {_W: str(cm_to_twips(width))})
    return tbl


_LOOK = {"val": "04A0", "firstRow": "1", "lastRow": "0", "firstColumn": "1",
         "lastColumn": "0", "noHBand": "0", "noVBand": "1"}  # fmt: skip
_NO_LOOK = {"val": "0000", "firstRow": "0", "lastRow": "0", "firstColumn": "0",
            "lastColumn": "0", "noHBand": "0", "noVBand": "0"}  # fmt: skip


def add_row(tbl: Any, *, header: bool = False, cant_split: bool = True) -> Any:
    """Append ``<w:tr>``: kept on one page, and repeated on every page if ``header``."""
    tr = SubElement(tbl, _TR)
    if cant_split or header:
        trpr = SubElement(tr, _TRPR)
        if cant_split:
            SubElement(trpr, _CANTSPLIT)
        if header:
            SubElement(trpr, _TBLHEADER, {_VAL: "true"})
    return tr


def add_cell(tr: Any, width_cm: float, span: int = 1) -> Any:
    """Append ``<w:tc>`` with its width (and span); the caller adds its paragraphs."""
    tc = SubElement(tr, _TC)
    tcpr = SubElement(tc, _TCPR)
    SubElement(tcpr, _TCW, {_W: str(cm_to_twips(width_cm)), _TYPE: "dxa"})
    if span > 1:
        SubElement(tcpr, _GRIDSPAN, {_VAL: str(span)})
    return tc
