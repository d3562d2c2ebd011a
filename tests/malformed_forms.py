"""Small malformed PDF forms, written byte by byte, for the fill-form robustness tests.

Each form is a one-page PDF with one text field ``name`` (or a broken variant of it),
about 1 KB, built from raw objects so a test can put anything where a valid form has
a field: a cycle, a number instead of a name, a compressed bomb. The cross-reference
table is computed, so pypdf reads the objects as written rather than repairing them.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter

__all__ = ["FORMS", "MalformedForm", "build_pdf", "form"]

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
_WIDGET = (
    b"/Type /Annot /Subtype /Widget /FT /Tx /Rect [50 700 300 720] /P 3 0 R /DA (/Helv 10 Tf 0 g)"
)


def build_pdf(objects: Mapping[int, bytes], *, trailer: bytes = b"") -> bytes:
    """A PDF whose object ``n`` is ``objects[n]`` (object 1 is the catalog)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    size = max(objects) + 1
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        if number in offsets:
            out.write(b"%010d 00000 n \n" % offsets[number])
        else:
            out.write(b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root 1 0 R " % size + trailer + b">>\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def form(
    field: bytes = b"<< " + _WIDGET + b" /T (name) >>",
    *,
    fields: bytes = b"[4 0 R]",
    annots: bytes = b"[4 0 R]",
    contents: bytes | None = None,
    extra: Mapping[int, bytes] | None = None,
) -> bytes:
    """A one-page form: catalog 1, pages 2, page 3, field 4, font 5, ``extra`` from 6 on."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + annots
    page += b" /Resources << /Font << /Helv 5 0 R >> >>"
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields " + fields
        + b" /DA (/Helv 10 Tf 0 g) /DR << /Font << /Helv 5 0 R >> >> >> >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        4: field,
        5: _FONT,
    }  # fmt: skip
    if contents is not None:
        page += b" /Contents 9 0 R"
        objects[9] = contents
    objects[3] = page + b" >>"
    objects.update(extra or {})
    return build_pdf(objects)


def _stream(data: bytes, filters: bytes = b"") -> bytes:
    head = b"<< /Length %d" % len(data) + (b" /Filter " + filters if filters else b"") + b" >>"
    return head + b"\nstream\n" + data + b"\nendstream"


def _bomb(size: int) -> bytes:
    """``size`` zero bytes deflated twice: each pass shrinks zeros about a thousandfold."""
    inner = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    once = b"".join(inner.compress(chunk) for _ in range(size >> 20)) + inner.flush()
    return zlib.compress(once, 9)


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(form())))
    owner = "owner"  # a test form's password
    writer.encrypt(user_password=user_password, owner_password=owner, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _nested_kids(depth: int) -> bytes:
    """A field whose /Kids are arrays inside arrays, ``depth`` deep (written directly)."""
    return b"<< /T (name) /Kids " + b"[" * depth + b"]" * depth + b" >>"


def _deep_chain(depth: int) -> dict[int, bytes]:
    """Fields 4 → 10 → 11 → … each the only kid of the one before: a very deep tree."""
    objects = {4: b"<< /T (name) /Kids [10 0 R] >>"}
    for n in range(10, 10 + depth):
        objects[n] = b"<< /T (f%d) /Parent %d 0 R /Kids [%d 0 R] >>" % (n, n - 1, n + 1)
    objects[10 + depth] = b"<< " + _WIDGET + b" /T (leaf) /Parent %d 0 R >>" % (9 + depth)
    return objects


def _shared_kids(levels: int) -> dict[int, bytes]:
    """Each level's field lists the next level's twice: 2**levels paths through 40 objects."""
    objects = {4: b"<< /T (name) /Kids [10 0 R 10 0 R] >>"}
    for n in range(10, 10 + levels):
        objects[n] = b"<< /T (k) /Kids [%d 0 R %d 0 R] >>" % (n + 1, n + 1)
    objects[10 + levels] = b"<< " + _WIDGET + b" /T (leaf) >>"
    return objects


def _with_object_streams(padded: Mapping[int, int]) -> bytes:
    """The one-field form with objects ``padded`` each in an object stream of its own,
    padded with spaces to the given size and deflated twice (an xref stream lists them)."""
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R]"
        b" /DA (/Helv 10 Tf 0 g) /DR << /Font << /Helv 5 0 R >> >> >> /Extra ["
        + b" ".join(b"%d 0 R" % n for n in padded if n > 5)
        + b"] >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R]"
        b" /Resources << /Font << /Helv 5 0 R >> >> >>",
        4: b"<< " + _WIDGET + b" /T (name) >>",
        5: _FONT,
        **{n: b"null" for n in padded if n not in (1, 2, 3, 4, 5)},
    }
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    entries: dict[int, tuple[int, int, int]] = {}
    stream_number = max(plain) + 1
    for number, body in sorted(plain.items()):
        if number in padded:
            continue
        entries[number] = (1, out.tell(), 0)
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    for number in sorted(padded):
        head = b"%d 0 " % number
        inner = zlib.compressobj(9)
        chunks = [inner.compress(head + plain[number] + b" ")]
        spaces = b" " * (1 << 20)
        chunks += [inner.compress(spaces) for _ in range(padded[number] >> 20)]
        data = zlib.compress(b"".join(chunks) + inner.flush(), 9)
        entries[stream_number] = (1, out.tell(), 0)
        entries[number] = (2, stream_number, 0)
        out.write(
            b"%d 0 obj\n<< /Type /ObjStm /N 1 /First %d /Length %d"
            b" /Filter [/FlateDecode /FlateDecode] >>\nstream\n"
            % (stream_number, len(head), len(data))
            + data
            + b"\nendstream\nendobj\n"
        )
        stream_number += 1
    xref_number = stream_number
    size = xref_number + 1
    entries[xref_number] = (1, out.tell(), 0)
    rows = b"".join(
        bytes([entries.get(n, (0, 0, 0))[0]])
        + entries.get(n, (0, 0, 0))[1].to_bytes(4, "big")
        + entries.get(n, (0, 0, 0))[2].to_bytes(2, "big")
        for n in range(size)
    )
    xref_at = out.tell()
    out.write(
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % (xref_number, size, len(rows))
        + rows
        + b"\nendstream\nendobj\n"
    )
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


@dataclass(frozen=True)
class MalformedForm:
    """One malformed form, whether to flatten it, and what fill-form must do with it."""

    data: Callable[[], bytes]
    flatten: bool = False
    fills: bool = False
    """True: the form is odd but usable and must be filled; False: refused with exit 7."""
    field: str = "name"


FORMS: dict[str, MalformedForm] = {
    # a widget on the page, outside /Fields, whose parents point at each other
    "widget-parent-cycle": MalformedForm(
        lambda: form(
            annots=b"[4 0 R 8 0 R]",
            extra={
                6: b"<< /T (a) /Parent 7 0 R >>",
                7: b"<< /T (b) /Parent 6 0 R >>",
                8: b"<< " + _WIDGET + b" /T (other) /Parent 6 0 R >>",
            },
        )
    ),
    "widget-own-parent": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET + b" /T (name) /Parent 4 0 R >>")
    ),
    "kids-cycle": MalformedForm(
        lambda: form(
            field=b"<< /T (name) /Kids [6 0 R] >>",
            extra={6: b"<< " + _WIDGET + b" /T (x) /Parent 4 0 R /Kids [4 0 R] >>"},
        )
    ),
    "t-is-a-number": MalformedForm(lambda: form(field=b"<< " + _WIDGET + b" /T 5 >>"), field="5"),
    "t-is-a-dictionary": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET + b" /T << /T (name) >> >>")
    ),
    "t-is-an-array": MalformedForm(lambda: form(field=b"<< " + _WIDGET + b" /T [(name)] >>")),
    "encrypted-with-password": MalformedForm(lambda: _encrypted("secret")),
    "encrypted-without-user-password": MalformedForm(lambda: _encrypted("")),
    "indirect-reference-cycle": MalformedForm(
        lambda: form(
            field=b"<< " + _WIDGET + b" /T (name) /Parent 6 0 R >>",
            extra={6: b"7 0 R", 7: b"6 0 R"},
        )
    ),
    "kids-not-an-array": MalformedForm(lambda: form(field=b"<< /T (name) /Kids 7 >>")),
    "fields-not-an-array": MalformedForm(lambda: form(fields=b"(fields)")),
    "annots-hold-a-number": MalformedForm(lambda: form(annots=b"[4 0 R 42 null (x)]"), fills=True),
    "nested-kids-arrays": MalformedForm(lambda: form(field=_nested_kids(5_000))),
    "deep-field-tree": MalformedForm(lambda: form(extra=_deep_chain(3_000)), field="name"),
    "shared-kids-tree": MalformedForm(lambda: form(extra=_shared_kids(40))),
    "many-fields": MalformedForm(
        lambda: form(fields=b"[" + b"4 0 R " * 200_000 + b"]"),
    ),
    "missing-appearance": MalformedForm(lambda: form(), fills=True),
    "rect-missing": MalformedForm(
        lambda: form(field=b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /P 3 0 R >>")
    ),
    "rect-not-numbers": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"[50 700 300 720]", b"[0 0 (a) /b]") + b" /T (name) >>")
    ),
    "rect-huge": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"[50 700 300 720]", b"[0 0 " + b"9" * 40 + b" 20]") + b" /T (name) >>")
    ),
    "rect-not-an-array": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"[50 700 300 720]", b"5") + b" /T (name) >>")
    ),
    "other-widget-without-rect": MalformedForm(
        lambda: form(
            annots=b"[4 0 R 8 0 R]",
            extra={8: b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (other) /P 3 0 R >>"},
        ),
    ),
    "da-garbage": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"(/Helv 10 Tf 0 g)", b"(Tf Tf /x [)") + b" /T (name) >>"),
        fills=True,
    ),
    "da-font-size-huge": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"(/Helv 10 Tf 0 g)", b"(/Helv 99999999999 Tf 0 g)") + b" /T (name) >>"),
        fills=True,
    ),
    "da-font-size-auto": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"(/Helv 10 Tf 0 g)", b"(/Helv 0 Tf 0 g)") + b" /T (name) >>"),
        fills=True,
    ),
    "da-unknown-font": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"(/Helv 10 Tf 0 g)", b"(/Nope 10 Tf 0 g)") + b" /T (name) >>"),
        fills=True,
    ),
    "appearance-direct": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET + b" /T (name) /AP << /N << /Off 5 0 R >> >> >>"),
        fills=True,
    ),
    "appearance-not-a-dictionary": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET + b" /T (name) /AP 5 >>"),
        fills=True,
    ),
    "checkbox-without-appearance": MalformedForm(
        lambda: form(field=b"<< " + _WIDGET.replace(b"/FT /Tx", b"/FT /Btn") + b" /T (name) >>"),
    ),
    "annots-not-an-array": MalformedForm(lambda: form(annots=b"5")),
    "acroform-not-a-dictionary": MalformedForm(
        lambda: form().replace(b"/AcroForm << /Fields [4 0 R]", b"/AcroForm 7 /X << /Fields [4 0 R]")
    ),
    "page-tree-cycle": MalformedForm(
        lambda: form(extra={2: b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"})
    ),
    # flattening appends to the page content and never decodes it: filled, in a second
    "content-bomb-flatten": MalformedForm(
        lambda: form(contents=_stream(_bomb(400_000_000), b"[/FlateDecode /FlateDecode]")),
        flatten=True,
        fills=True,
    ),
    "content-bomb-array-flatten": MalformedForm(
        lambda: form(
            contents=b"",
            extra={9: b"[" + b"10 0 R " * 2_000 + b"]", 10: _stream(zlib.compress(b"\0" * 2_000_000, 9), b"/FlateDecode")},
        ),
        flatten=True,
        fills=True,
    ),
    # the field itself inside an object stream that unpacks to 400 MB
    "object-stream-bomb": MalformedForm(lambda: _with_object_streams({4: 400_000_000})),
    # three object streams of 30 MB each: each under the limit, together over it
    "object-streams-over-budget": MalformedForm(
        lambda: _with_object_streams({10: 30_000_000, 11: 30_000_000, 12: 30_000_000})
    ),
    "not-a-pdf": MalformedForm(lambda: b"%PDF-1.7\n" + b"garbage " * 100),
    "truncated": MalformedForm(lambda: form()[:400]),
}  # fmt: skip
"""The corpus: at least ten malformed forms, each a few kilobytes at most (one is larger)."""
