"""Hostile and broken Word templates are refused with a clear message, before any parsing.

Each hostile template is built in ``tmp_path`` from the standard template, changed in
one way: a DTD with external entities or entity expansion in some part, a part or
package too large, too many parts, unsafe or duplicate names, an encrypted or
unknown compression, a damaged package, not a Word document at all. The API raises
:class:`TemplateError` naming the template (and the part and limit), in English and
German; the CLI exits 4 with that message, no traceback, and writes nothing. The
standard template, one re-saved by LibreOffice and a large real document still work.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import time
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from typer.testing import CliRunner

from handlungsprogramm import from_data, load
from handlungsprogramm.cli import app
from handlungsprogramm.errors import TemplateError
from handlungsprogramm.render import sandbox as render_limits
from handlungsprogramm.render import template_guard
from handlungsprogramm.render.docx import render_docx, standard_template
from handlungsprogramm.render.template_guard import (
    MAX_PART_BYTES,
    MAX_PARTS,
    check_template,
)
from tests.conftest import EXAMPLE, complete_data

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
STANDARD = standard_template()
SECRET = "HP-SECRET-3f9c1d"  # noqa: S105 - a marker, not a password
"""The content of the local file the external entities point at; it must never show."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# -- building templates ------------------------------------------------------------------


def parts() -> dict[str, bytes]:
    """The standard template's parts, by name, in package order."""
    with zipfile.ZipFile(io.BytesIO(STANDARD)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(
    members: dict[str, bytes] | list[tuple[str, bytes]],
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A ZIP of ``members`` (a list allows a name twice)."""
    items = list(members.items()) if isinstance(members, dict) else members
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(buffer, "w", compression, compresslevel=1) as archive:
            for name, data in items:
                archive.writestr(
                    zipfile.ZipInfo(name), data, compress_type=compression, compresslevel=1
                )
    return buffer.getvalue()


def replaced(name: str, data: bytes) -> bytes:
    """The standard template with the part ``name`` replaced by ``data``."""
    return pack({**parts(), name: data})


def with_doctype(xml: bytes, subset: str, body: str = "") -> bytes:
    """``xml`` with a DOCTYPE after its declaration and ``body`` as the first paragraph."""
    text = xml.decode("utf-8")
    end = text.index("?>") + 2
    root = text[end:].lstrip().split(None, 1)[0].lstrip("<")
    text = f"{text[:end]}<!DOCTYPE {root} [{subset}]>{text[end:]}"
    if body:
        text = text.replace("<w:body>", f"<w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p>", 1)
    return text.encode("utf-8")


def external_entity(secret: Path, part: str) -> bytes:
    """``part`` declaring an external entity that reads ``secret`` (used in a run)."""
    xml = parts()[part]
    subset = f'<!ENTITY e SYSTEM "{secret.as_uri()}">'
    return replaced(part, with_doctype(xml, subset, "&e;" if part == "word/document.xml" else ""))


def billion_laughs(_: Path) -> bytes:
    """Ten levels of ten-fold entity expansion: 10^9 'lol's from a few hundred bytes."""
    subset = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return replaced("word/document.xml", with_doctype(parts()["word/document.xml"], subset, "&l9;"))


def parameter_entity(secret: Path) -> bytes:
    """An external parameter entity in the internal subset (fetched while reading the DTD)."""
    subset = f'<!ENTITY % p SYSTEM "{secret.as_uri()}">%p;'
    return replaced("word/styles.xml", with_doctype(parts()["word/styles.xml"], subset))


def utf16_doctype(secret: Path) -> bytes:
    """The external entity in a UTF-16 part: no byte of '<!DOCTYPE' in UTF-8 there."""
    xml = with_doctype(
        parts()["word/document.xml"], f'<!ENTITY e SYSTEM "{secret.as_uri()}">', "&e;"
    )
    text = xml.decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    return replaced("word/document.xml", text.encode("utf-16"))


def declared_encoding(encoding: str, codec: str, pad: int = 0) -> Callable[[Path], bytes]:
    """document.xml declared (and encoded) in an encoding OPC does not allow; ``pad``
    spaces before the encoding push it away from the start of the part."""

    def build(secret: Path) -> bytes:
        xml = with_doctype(
            parts()["word/document.xml"], f'<!ENTITY e SYSTEM "{secret.as_uri()}">', "&e;"
        )
        text = xml.decode("utf-8").replace("encoding='UTF-8'", f"{' ' * pad}encoding='{encoding}'")
        if codec == "utf-7":  # the DTD in UTF-7's own spelling, invisible to a byte scan
            head, _, rest = text.partition("?>")
            return replaced("word/document.xml", head.encode() + b"?>" + rest.encode(codec))
        return replaced("word/document.xml", text.encode(codec))

    return build


def added(name: str, data: bytes = b"x") -> Callable[[Path], bytes]:
    """The standard template with one more member ``name``."""
    return lambda _: pack([*parts().items(), (name, data)])


def huge_part(_: Path) -> bytes:
    """A part of zeros one byte over the per-part limit (64 KiB once compressed)."""
    return pack([*parts().items(), ("word/media/image1.png", bytes(MAX_PART_BYTES + 1))])


def many_parts(_: Path) -> bytes:
    """One part more than the limit (tiny ones)."""
    extra = [(f"customXml/item{i}.xml", b"<a/>") for i in range(MAX_PARTS)]
    return pack([*parts().items(), *extra])


def central_entries(data: bytes) -> dict[str, int]:
    """Offsets of each member's central directory entry, by name."""
    offsets: dict[str, int] = {}
    start = 0
    while (at := data.find(b"PK\x01\x02", start)) >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        offsets[data[at + 46 : at + 46 + length].decode("utf-8")] = at
        start = at + 4
    return offsets


def patched(field: int, value: int, name: str = "word/styles.xml") -> Callable[[Path], bytes]:
    """The standard template with one field of one central directory entry changed."""

    def build(_: Path) -> bytes:
        data = bytearray(pack(parts()))
        at = central_entries(bytes(data))[name]
        size = 2 if field == 8 else 4
        data[at + field : at + field + size] = value.to_bytes(size, "little")
        return bytes(data)

    return build


def corrupt_data(_: Path) -> bytes:
    """The compressed bytes of word/styles.xml overwritten in the middle."""
    data = bytearray(pack(parts()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/styles.xml")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    return bytes(data)


def without_document(_: Path) -> bytes:
    members = parts()
    del members["word/document.xml"]
    return pack(members)


def content_type(new: str) -> Callable[[Path], bytes]:
    """The main document part declared as another kind of Office file."""

    def build(_: Path) -> bytes:
        types = parts()["[Content_Types].xml"].decode("utf-8").replace(WORD_MAIN, new)
        return replaced("[Content_Types].xml", types.encode("utf-8"))

    return build


def opendocument(_: Path) -> bytes:
    return pack(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<a/>"},
        zipfile.ZIP_STORED,
    )


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
LINKED_EN = "a template may point outside itself only by hyperlinks to http, https or mailto"
LINKED_DE = "eine Vorlage darf nur mit Hyperlinks auf http-, https- oder mailto-Adressen"
FIELD_EN = "which makes Word or LibreOffice read a file or fetch an address; refused"
FIELD_DE = "mit dem Word oder LibreOffice eine Datei lesen oder eine Adresse abrufen"


def tiny_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A PNG of one colour, ``width`` × ``height`` pixels (sizes tell pictures apart)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )  # fmt: skip


def picture(blip: str, size_emu: int = 1_800_000) -> str:
    """A paragraph with an inline picture whose ``a:blip`` has the attribute ``blip``
    (``r:embed="…"`` for a picture in the package, ``r:link="…"`` for a linked one)."""
    return (
        '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{size_emu}" cy="{size_emu}"/><wp:docPr id="901" name="Picture"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="901" name="Picture"/><pic:cNvPicPr/></pic:nvPicPr>'
        f"<pic:blipFill><a:blip {blip}/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{size_emu}" cy="{size_emu}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def relationship(rid: str, kind: str, target: str, external: bool = True) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{REL}{kind}" Target="{target}"{mode}/>'


def rels_file(*relationships: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        f'"http://schemas.openxmlformats.org/package/2006/relationships">{"".join(relationships)}'
        "</Relationships>"
    ).encode()


def changed(
    members: dict[str, bytes], part: str, body: str = "", rels: tuple[str, ...] = ()
) -> dict[str, bytes]:
    """``members`` with ``body`` at the start of ``part``'s body (or first paragraph of a
    header or footer) and ``rels`` added to the part's relationships."""
    if body:
        xml = members[part].decode("utf-8")
        tag = "<w:body>" if "<w:body>" in xml else "<w:p>"
        at = xml.index(tag) + (len(tag) if tag == "<w:body>" else 0)
        members[part] = (xml[:at] + body + xml[at:]).encode("utf-8")
    if rels:
        folder, _, file = part.rpartition("/")
        rels_part = f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"
        old = members.get(rels_part, rels_file()).decode("utf-8")
        members[rels_part] = old.replace(
            "</Relationships>", "".join(rels) + "</Relationships>"
        ).encode()
    return members


def linked_picture(target: Callable[[Path], str], kind: str = "image") -> Callable[[Path], bytes]:
    """The standard template with a picture in the body that LibreOffice would load from
    ``target`` (computed from the secret file's path)."""

    def build(secret: Path) -> bytes:
        secret.with_suffix(".png").write_bytes(tiny_png(64, 64, (255, 0, 0)))
        rel = relationship("rIdX1", kind, target(secret))
        return pack(changed(parts(), "word/document.xml", picture('r:link="rIdX1"'), (rel,)))

    return build


def external(part: str, kind: str, target: str, body: str = "") -> Callable[[Path], bytes]:
    """The standard template with an external relationship of ``kind`` from ``part``."""
    return lambda _: pack(changed(parts(), part, body, (relationship("rIdX1", kind, target),)))


def field(
    instruction: str | list[str], part: str = "word/document.xml", *, simple: bool = False,
    deleted: bool = False,
) -> Callable[[Path], bytes]:  # fmt: skip
    """The standard template with a field in ``part``: a complex field whose instruction
    is split over the given runs, or a ``w:fldSimple``."""
    pieces = [instruction] if isinstance(instruction, str) else instruction
    tag = "w:delInstrText" if deleted else "w:instrText"

    def build(secret: Path) -> bytes:
        texts = [piece.replace("SECRET", secret.as_posix()) for piece in pieces]
        if simple:
            instr = escape(texts[0], {'"': "&quot;"})
            body = (
                f'<w:p><w:fldSimple w:instr="{instr}"><w:r><w:t>old</w:t></w:r></w:fldSimple></w:p>'
            )
        else:
            runs = "".join(
                f'<w:r><{tag} xml:space="preserve">{escape(t)}</{tag}></w:r>' for t in texts
            )
            body = (
                f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>old</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            )
        return pack(changed(parts(), part, body))

    return build


def nested_field_name(secret: Path) -> bytes:
    """A field whose name is the result of another field (Word evaluates the inner one
    first): ``{ {QUOTE "INCLUDEPICTURE"} "secret" }``."""
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> QUOTE "INCLUDEPICTURE" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> "{secret.as_posix()}" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    return pack(changed(parts(), "word/document.xml", body))


def glossary_link(_: Path) -> bytes:
    """A linked picture in the glossary (building blocks), a part Word keeps out of sight."""
    members = parts()
    members["word/glossary/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:glossaryDocument xmlns:w='
        f'"{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<w:docParts/></w:glossaryDocument>"
    ).encode()
    return pack(
        changed(members, "word/glossary/document.xml", rels=(
            relationship("rIdG1", "image", "file:///etc/hostname"),
        ))
    )  # fmt: skip


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Path], bytes]
    en: str
    """A part of the English message."""
    de: str
    """A part of the German message."""


DTD_EN = "contains a DOCTYPE or ENTITY declaration"
DTD_DE = "enthält eine DOCTYPE- oder ENTITY-Deklaration"
DTD_PARTS = [
    "word/document.xml",
    "word/header1.xml",
    "word/footer1.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "[Content_Types].xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
    "customXml/item1.xml",
]


def _external(part: str) -> Callable[[Path], bytes]:
    return lambda secret: external_entity(secret, part)


CASES = [
    *(
        Case(f"external-entity-{part}", _external(part), f"the part {part} {DTD_EN}", DTD_DE)
        for part in DTD_PARTS
    ),
    Case("billion-laughs", billion_laughs, f"word/document.xml {DTD_EN}", DTD_DE),
    Case("parameter-entity", parameter_entity, f"word/styles.xml {DTD_EN}", DTD_DE),
    Case("doctype-in-utf16", utf16_doctype, f"word/document.xml {DTD_EN}", DTD_DE),
    Case(
        "utf7",
        declared_encoding("UTF-7", "utf-8"),
        "the part word/document.xml is XML in the encoding UTF-7; Word packages use only"
        " UTF-8 or UTF-16",
        "ist XML in der Kodierung UTF-7",
    ),
    Case(
        "utf7-declared-late",
        declared_encoding("UTF-7", "utf-7", pad=300),
        "the part word/document.xml is XML in the encoding UTF-7; Word packages use only",
        "ist XML in der Kodierung UTF-7",
    ),
    Case(
        "declaration-beyond-4-kb",
        declared_encoding("UTF-7", "utf-7", pad=5000),
        "the part word/document.xml is XML in the encoding unknown; Word packages use only",
        "Kodierung unbekannt",
    ),
    Case(
        "ebcdic",
        declared_encoding("cp500", "cp500"),
        "is XML in the encoding UTF-32 or EBCDIC",
        "Kodierung UTF-32 oder EBCDIC",
    ),
    Case(
        "utf32",
        declared_encoding("UTF-32", "utf-32"),
        "is XML in the encoding UTF-32 or EBCDIC",
        "Kodierung UTF-32 oder EBCDIC",
    ),
    Case(
        "huge-part",
        huge_part,
        f"the part word/media/image1.png unpacks to more than {MAX_PART_BYTES} bytes"
        " (the limit per part)",
        f"ist entpackt größer als {MAX_PART_BYTES} Bytes (die Grenze je Teil)",
    ),
    Case(
        "too-many-parts",
        many_parts,
        f"has {len(parts()) + MAX_PARTS} parts; a template may have at most {MAX_PARTS}",
        f"eine Vorlage darf höchstens {MAX_PARTS} haben",
    ),
    *(
        Case(
            f"unsafe-name-{name}",
            added(name),
            f"contains a part with an unsafe name {name!r}",
            "enthält einen Teil mit unsicherem Namen",
        )
        for name in [
            "../evil.xml",
            "/etc/evil.xml",
            "word/../../evil.xml",
            "C:/evil.xml",
            "word\\..\\evil.xml",
        ]
    ),
    Case(
        "duplicate-part",
        added("Word/Document.xml", parts()["word/document.xml"]),
        "contains the part Word/Document.xml more than once",
        "enthält den Teil Word/Document.xml mehrfach",
    ),
    Case(
        "encrypted-part",
        patched(8, 0x1),
        "the part word/styles.xml is encrypted",
        "der Teil word/styles.xml ist verschlüsselt",
    ),
    Case(
        "bzip2",
        lambda _: pack(parts(), zipfile.ZIP_BZIP2),
        "uses ZIP compression method 12; Word writes only stored (0) or deflated (8)",
        "nutzt die ZIP-Kompressionsmethode 12",
    ),
    Case(
        "understated-size",  # the header claims 1000 bytes: only those are read, the CRC fails
        patched(24, 1000),
        "the part word/styles.xml is damaged (Bad CRC-32",
        "der Teil word/styles.xml ist beschädigt",
    ),
    Case(
        "overstated-size",  # the header claims more than the limit: refused unread
        patched(24, 0xFFFFFFF0),
        f"the part word/styles.xml unpacks to more than {MAX_PART_BYTES} bytes",
        "die Grenze je Teil",
    ),
    Case(
        "corrupt-data",
        corrupt_data,
        "the part word/styles.xml is damaged",
        "der Teil word/styles.xml ist beschädigt",
    ),
    Case(
        "relationship-without-type",
        lambda _: replaced(
            "word/_rels/document.xml.rels",
            parts()["word/_rels/document.xml.rels"].replace(b'Id="rId2" Type=', b'Id="rId2" Tywe='),
        ),
        "the part word/_rels/document.xml.rels has a relationship without Type",
        "der Teil word/_rels/document.xml.rels hat eine Beziehung ohne Type",
    ),
    Case(
        "control-characters-in-name",  # shown escaped: no escape sequence reaches the terminal
        added("word/\x1b[2Jevil.xml", b"<!DOCTYPE x><x/>"),
        f"the part word/\\x1b[2Jevil.xml {DTD_EN}",
        DTD_DE,
    ),
    Case(
        "truncated-zip",
        lambda _: STANDARD[: len(STANDARD) // 2],
        "is a damaged ZIP package (truncated: no central directory)",
        "ist ein beschädigtes ZIP-Paket (abgeschnitten",
    ),
    Case(
        "password-protected-or-doc",
        lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024),
        "is a password-protected Word file or an old Word 97–2003 .doc file",
        "ist eine kennwortgeschützte Word-Datei oder eine alte .doc-Datei",
    ),
    Case(
        "text",
        lambda _: b"Dies ist keine Word-Datei.\n",
        "not a .docx file (not a ZIP package)",
        "keine .docx-Datei (kein ZIP-Paket)",
    ),
    Case("empty", lambda _: b"", "is empty (0 bytes)", "ist leer (0 Bytes)"),
    Case(
        "without-document",
        without_document,
        "contains no Word document: the part word/document.xml is missing",
        "enthält kein Word-Dokument: der Teil word/document.xml fehlt",
    ),
    Case(
        "zip-of-text",
        lambda _: pack({"readme.txt": b"not a document"}),
        "is a ZIP archive but not a Word document (no [Content_Types].xml)",
        "ist ein ZIP-Archiv, aber kein Word-Dokument",
    ),
    Case(
        "opendocument",
        opendocument,
        "is an OpenDocument file (.odt), not a .docx",
        "ist eine OpenDocument-Datei (.odt)",
    ),
    Case(
        "excel",
        content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        "is an Excel workbook, not a Word document (.docx)",
        "ist eine Excel-Arbeitsmappe, kein Word-Dokument (.docx)",
    ),
    *(
        Case(
            f"linked-picture-{name}",
            linked_picture(target),
            "the part word/_rels/document.xml.rels has an external relationship (image) to "
            f"{shown}",
            f"der Teil word/_rels/document.xml.rels hat eine externe Beziehung (image) zu {shown}",
        )
        for name, target, shown in [
            ("file-uri", lambda s: s.with_suffix(".png").as_uri(), "file:///"),
            ("absolute-path", lambda s: s.with_suffix(".png").as_posix(), "/"),
            ("relative-path", lambda s: s.with_suffix(".png").name, "secret.png"),
            ("pdf", lambda s: s.with_suffix(".pdf").as_uri(), "file:///"),
            ("svg", lambda s: s.with_suffix(".svg").as_uri(), "file:///"),
            ("http", lambda _: "http://127.0.0.1:9/x.png", "http://127.0.0.1:9/x.png"),
            ("unc", lambda _: "\\\\server\\share\\x.png", "\\\\server"),
        ]
    ),
    *(
        Case(
            f"external-{kind}-{target.split(':')[0]}",
            external(part, kind, target, body),
            f"the part {rels} has an external relationship ({kind}) to {target}; {LINKED_EN}",
            f"hat eine externe Beziehung ({kind}) zu {target}; {LINKED_DE}",
        )
        for part, rels, kind, target, body in [
            (
                "word/settings.xml",
                "word/_rels/settings.xml.rels",
                "attachedTemplate",
                "file:///C:/Users/x/Normal.dotm",
                "",
            ),
            (
                "word/document.xml",
                "word/_rels/document.xml.rels",
                "subDocument",
                "file:///etc/hostname",
                '<w:p><w:subDoc r:id="rIdX1"/></w:p>',
            ),
            (
                "word/header1.xml",
                "word/_rels/header1.xml.rels",
                "oleObject",
                "file:///etc/hostname",
                "",
            ),
            (
                "word/footer1.xml",
                "word/_rels/footer1.xml.rels",
                "externalLinkPath",
                "file:///etc/hostname",
                "",
            ),
            (
                "word/webSettings.xml",
                "word/_rels/webSettings.xml.rels",
                "frame",
                "http://127.0.0.1:9/frame.html",
                "",
            ),
            (
                "word/document.xml",
                "word/_rels/document.xml.rels",
                "hyperlink",
                "file:///etc/hostname",
                "",
            ),
            (
                "word/document.xml",
                "word/_rels/document.xml.rels",
                "hyperlink",
                "javascript:alert(1)",
                "",
            ),
        ]
    ),
    Case(
        "external-in-glossary",
        glossary_link,
        "the part word/glossary/_rels/document.xml.rels has an external relationship (image) to"
        " file:///etc/hostname",
        "der Teil word/glossary/_rels/document.xml.rels hat eine externe Beziehung (image)",
    ),
    Case(
        "hyperlink-used-as-picture",  # an allowed hyperlink target, loaded as a picture
        lambda _: pack(
            changed(
                parts(),
                "word/document.xml",
                picture('r:link="rIdX1"'),
                (relationship("rIdX1", "hyperlink", "http://127.0.0.1:9/x.png"),),
            )
        ),
        "the part word/document.xml uses the hyperlink rIdX1 (http://127.0.0.1:9/x.png) in"
        " a:blip/@r:link; hyperlinks may only be clicked",
        "der Teil word/document.xml verwendet den Hyperlink rIdX1",
    ),
    *(
        Case(
            f"field-{name}",
            build,
            f"the part {part} contains the field {shown}",
            f"der Teil {part} enthält das Feld {shown}",
        )
        for name, build, part, shown in [
            (
                "includepicture",
                field(' INCLUDEPICTURE "SECRET.png" \\d '),
                "word/document.xml",
                "INCLUDEPICTURE",
            ),
            (
                "includepicture-http",
                field(' INCLUDEPICTURE "http://127.0.0.1:9/x.png" '),
                "word/document.xml",
                "INCLUDEPICTURE",
            ),
            (
                "includetext-header",
                field(' INCLUDETEXT "SECRET" ', "word/header1.xml"),
                "word/header1.xml",
                "INCLUDETEXT",
            ),
            (
                "link-footer",
                field(' LINK Word.Document.12 "SECRET" "" \\a ', "word/footer1.xml"),
                "word/footer1.xml",
                "LINK",
            ),
            (
                "ddeauto-simple",
                field(' DDEAUTO cmd "/c calc" ', simple=True),
                "word/document.xml",
                "DDEAUTO",
            ),
            (
                "dde-lowercase-split",
                field([" dd", 'e soffice "SECRET" x ']),
                "word/document.xml",
                "DDE",
            ),
            (
                "include-split",
                field([" INCLUDE", 'PICTURE "SECRET" ']),
                "word/document.xml",
                "INCLUDEPICTURE",
            ),
            (
                "includetext-deleted",
                field(' INCLUDETEXT "SECRET" ', deleted=True),
                "word/document.xml",
                "INCLUDETEXT",
            ),
            ("import", field(' IMPORT "SECRET.png" '), "word/document.xml", "IMPORT"),
            ("rd", field(' RD "SECRET" '), "word/document.xml", "RD"),
            (
                "database",
                field(' DATABASE \\d "SECRET" \\s "SELECT 1" '),
                "word/document.xml",
                "DATABASE",
            ),
        ]
    ),
    Case(
        "field-name-from-jinja",
        field(" {{ 'INCLUDE' ~ 'PICTURE' }} \"SECRET.png\" "),
        "the part word/document.xml contains a field whose name is computed",
        "der Teil word/document.xml enthält ein Feld, dessen Name",
    ),
    Case(
        "field-name-from-a-field",
        nested_field_name,
        "the part word/document.xml contains a field whose name is computed",
        "der Teil word/document.xml enthält ein Feld, dessen Name",
    ),
    Case(
        "dotx",
        content_type(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
        ),
        "is a Word template (.dotx), not a Word document (.docx); save it as .docx",
        "ist eine Word-Vorlage (.dotx)",
    ),
]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file that external entities in hostile templates point at."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def run(*args: str, lang: str = "en") -> tuple[int, str, str]:
    """The CLI in-process: exit code, stdout, stderr."""
    result = runner.invoke(app, list(args), env={**ENV, "HANDLUNGSPROGRAMM_LANG": lang})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def programme_file(folder: Path) -> Path:
    path = folder / "p.json"
    path.write_text(json.dumps(complete_data(), ensure_ascii=False), encoding="utf-8")
    return path


def outputs(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


# -- refused -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_template_is_refused(case: Case, tmp_path: Path, secret: Path) -> None:
    """The API raises TemplateError with the template's name and the reason in en and de;
    the file an entity points at is never read into the message."""
    path = tmp_path / "T.docx"
    path.write_bytes(case.build(secret))
    with pytest.raises(TemplateError) as caught:
        render_docx(from_data(complete_data()), template=path)
    error = caught.value
    assert error.template == str(path)
    assert case.en in error.message("en")
    assert case.de in error.message("de")
    assert str(error) == error.message("en")
    assert SECRET not in error.message("en") + error.message("de")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cli_refuses_hostile_template(case: Case, tmp_path: Path, secret: Path) -> None:
    """build and template check exit 4 with the message on stderr, no traceback, no file."""
    template = tmp_path / "T.docx"
    template.write_bytes(case.build(secret))
    source = programme_file(tmp_path)
    out = tmp_path / "out"
    code, stdout, err = run("build", str(source), "--template", str(template), "--out", str(out))
    assert code == 4
    assert f"template {template}: " in err
    assert case.en in err
    assert "Traceback" not in stdout + err
    assert SECRET not in stdout + err
    assert "\x1b" not in stdout + err
    assert outputs(out) == []
    code, stdout, err = run("template", "check", str(template))
    assert code == 4
    assert case.en in err
    assert "Traceback" not in stdout + err


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.id in {"external-entity-word/document.xml", "huge-part",
                                  "password-protected-or-doc", "without-document",
                                  "linked-picture-file-uri", "field-includepicture"}],
    ids=lambda c: c.id,
)  # fmt: skip
def test_cli_refusal_in_german(case: Case, tmp_path: Path, secret: Path) -> None:
    """With --lang de the refusal is German."""
    template = tmp_path / "T.docx"
    template.write_bytes(case.build(secret))
    code, _, err = run("template", "check", str(template), lang="de")
    assert code == 4
    assert f"Vorlage {template}: " in err
    assert case.de in err


def test_link_refusals_say_why(secret: Path) -> None:
    """Refused links and fields say in both languages what a template may do instead."""
    for build, en, de in [
        (linked_picture(lambda s: s.with_suffix(".png").as_uri()), LINKED_EN, LINKED_DE),
        (field(' INCLUDETEXT "SECRET" '), FIELD_EN, FIELD_DE),
    ]:
        with pytest.raises(TemplateError) as caught:
            check_template(build(secret), "T.docx")
        assert en in caught.value.message("en")
        assert de in caught.value.message("de")


def test_field_made_by_rendering_is_refused(tmp_path: Path, secret: Path) -> None:
    """Jinja can join two harmless-looking instructions into one that fetches: here a
    condition drops a nested field's ``begin``, and ``INCLUDEPIC`` + ``TURE`` become
    INCLUDEPICTURE. The template alone passes; the rendered document is checked again."""
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> INCLUDEPIC</w:instrText></w:r>'
        "<w:r><w:t>{% if false %}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:t>{% endif %}</w:t></w:r>"
        f'<w:r><w:instrText xml:space="preserve">TURE "{secret.with_suffix(".png").as_posix()}"'
        " </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>old</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    template = tmp_path / "T.docx"
    template.write_bytes(pack(changed(parts(), "word/document.xml", body)))
    code, _, err = run("template", "check", str(template))
    assert code == 0, err
    out = tmp_path / "out"
    code, stdout, err = run(
        "build", str(programme_file(tmp_path)), "--template", str(template), "--out", str(out)
    )
    assert code == 4
    assert "the part word/document.xml contains the field INCLUDEPICTURE" in err
    assert "Traceback" not in stdout + err
    assert outputs(out) == []


def test_bytes_template_is_checked_too(secret: Path) -> None:
    """A template passed as bytes goes through the same guard."""
    with pytest.raises(TemplateError, match=r"<template>: the part word/document\.xml contains"):
        render_docx(
            from_data(complete_data()), template=external_entity(secret, "word/document.xml")
        )


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """All parts together are limited too (here lowered below the standard template's 0.85 MB),
    and the message names the limit and the part where it was reached."""
    monkeypatch.setattr(template_guard, "MAX_TOTAL_BYTES", 500_000)
    path = tmp_path / "T.docx"
    path.write_bytes(STANDARD)
    with pytest.raises(TemplateError) as caught:
        render_docx(from_data(complete_data()), template=path)
    message = caught.value.message("en")
    assert "unpacks to more than 500000 bytes in total (the limit; reached at the part" in message
    assert "word/stylesWithEffects.xml" in message or "word/styles.xml" in message


def test_streamed_size_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The size limit is enforced on the bytes actually unpacked, not only on the header:
    with the header check bypassed, the stream still stops at the limit."""
    monkeypatch.setattr(template_guard, "_check_entries", lambda name, infos: None)
    monkeypatch.setattr(template_guard, "MAX_PART_BYTES", 100_000)
    with pytest.raises(TemplateError, match=r"word/styles\.xml unpacks to more than 100000 bytes"):
        check_template(STANDARD, "T.docx")


def test_template_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The template file is measured before it is read."""
    monkeypatch.setattr(template_guard, "MAX_TEMPLATE_BYTES", 1000)
    path = tmp_path / "T.docx"
    path.write_bytes(STANDARD)
    code, _, err = run("template", "check", str(path))
    assert code == 4
    assert f"has {len(STANDARD)} bytes; a template may have at most 1000 bytes" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_special_files_are_refused_without_reading(tmp_path: Path) -> None:
    """A named pipe or a device is refused at once (neither waited on nor read forever)."""
    fifo = tmp_path / "T.docx"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        code, _, err = run("template", "check", str(path))
        assert code == 4
        assert f"template {path}: is not a regular file" in err


# -- still accepted ----------------------------------------------------------------------


def test_standard_template_passes_the_guard() -> None:
    """The bundled template (19 parts, 0.85 MB unpacked) is far inside every limit."""
    check_template(STANDARD, "standard.docx")
    with zipfile.ZipFile(io.BytesIO(STANDARD)) as archive:
        infos = archive.infolist()
    assert len(infos) * 100 < MAX_PARTS
    assert sum(i.file_size for i in infos) * 100 < template_guard.MAX_TOTAL_BYTES


def test_utf16_part_is_accepted() -> None:
    """OPC allows UTF-16 parts; without a DTD such a template renders."""
    text = (
        parts()["word/document.xml"]
        .decode("utf-8")
        .replace("encoding='UTF-8'", "encoding='UTF-16'")
    )
    template = replaced("word/document.xml", text.encode("utf-16"))
    assert render_docx(from_data(complete_data()), template=template, charts=False).data


def test_hyperlinks_and_harmless_fields_are_accepted() -> None:
    """Hyperlinks to web and mail addresses (clicked, never loaded), a picture inside the
    package, and fields that only compute (page numbers, file name, a hyperlink field)
    pass the guard and render; the hyperlinks and fields reach the Word file."""
    hyperlink = (
        '<w:p><w:hyperlink r:id="rIdH1"><w:r><w:t>web</w:t></w:r></w:hyperlink>'
        '<w:hyperlink r:id="rIdH2"><w:r><w:t>mail</w:t></w:r></w:hyperlink></w:p>'
    )
    fields = "".join(
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        for code in ("PAGE", "FILENAME", 'HYPERLINK "https://example.org/{{ lang.partner }}"')
    )
    members = parts()
    members["word/media/inside.png"] = tiny_png(8, 8, (0, 0, 255))
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1
    )
    template = pack(
        changed(
            members, "word/document.xml", hyperlink + picture('r:embed="rIdP1"') + fields,
            (relationship("rIdH1", "hyperlink", "https://example.org/a?b=c&amp;d=e"),
             relationship("rIdH2", "hyperlink", "mailto:klima@example.org"),
             relationship("rIdP1", "image", "media/inside.png", external=False)),
        )
    )  # fmt: skip
    check_template(template, "T.docx")
    data = render_docx(from_data(complete_data()), template=template, charts=False).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    assert 'Target="https://example.org/a?b=c&amp;d=e" TargetMode="External"' in rels
    assert 'Target="mailto:klima@example.org" TargetMode="External"' in rels
    assert 'HYPERLINK "https://example.org/fr"' in body
    assert " FILENAME " in body


def test_large_real_document_is_accepted_as_template(tmp_path: Path) -> None:
    """A full example document (charts as images, every style) passes as a template and
    builds through the CLI."""
    document = render_docx(load(EXAMPLE)).data
    template = tmp_path / "big.docx"
    template.write_bytes(document)
    check_template(document, "big.docx")
    out = tmp_path / "out"
    code, _, err = run(
        "build", str(programme_file(tmp_path)), "--template", str(template), "--out", str(out),
        "--no-charts",
    )  # fmt: skip
    assert code == 0, err
    assert [p.suffix for p in outputs(out)] == [".docx"]


@pytest.mark.slow
def test_template_saved_by_libreoffice_is_accepted(tmp_path: Path) -> None:
    """LibreOffice writes its .docx differently from Word; the guard accepts it."""
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice is missing: run ./dev test, which installs it"
    source = tmp_path / "standard.docx"
    source.write_bytes(STANDARD)
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    check_template((out / "standard.docx").read_bytes(), "standard.docx")


@pytest.mark.slow
def test_filename_field_shows_the_document_name(tmp_path: Path) -> None:
    """A FILENAME field (with and without the path switch) shows the Word file's name in
    the PDF, never the temporary folder the conversion ran in."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{label}: </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>old</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        for label, code in (("NAME", "FILENAME"), ("PATH", "FILENAME \\p"))
    )
    template = tmp_path / "T.docx"
    template.write_bytes(pack(changed(parts(), "word/document.xml", body)))
    out = tmp_path / "out"
    code, _, err = run(
        "build", str(programme_file(tmp_path)), "--template", str(template), "--to", "pdf",
        "--out", str(out), "--no-charts",
    )  # fmt: skip
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", str(out / "pfinztal-kidira.pdf"), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    lines = [line for line in text.splitlines() if line.startswith(("NAME:", "PATH:"))]
    assert lines == ["NAME: pfinztal-kidira.docx", "PATH: pfinztal-kidira.docx"]


# -- rendering is bounded ----------------------------------------------------------------


@dataclass(frozen=True)
class Attack:
    id: str
    expression: str
    """Jinja placed as the template's first paragraph."""
    en: str
    de: str


STEPS_EN = f"ran more than {render_limits.MAX_STEPS} loop steps and calls (the limit"
STEPS_DE = (
    f"mehr als {render_limits.MAX_STEPS} Schleifenschritte und Aufrufe ausgeführt (die Grenze"
)
WIDTH_EN = f"asks for a width or precision of 1000000000; the limit is {render_limits.MAX_WIDTH}"
WIDTH_DE = f"verlangt eine Breite oder Genauigkeit von 1000000000; die Grenze ist {render_limits.MAX_WIDTH}"
VALUE_EN = f"a template may make values of at most {render_limits.MAX_VALUE}"
VALUE_DE = f"eine Vorlage darf Werte von höchstens {render_limits.MAX_VALUE}"

ATTACKS = [
    Attack(
        "nested-range",
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        STEPS_EN, STEPS_DE,
    ),
    Attack(
        "nested-loop-without-calls",
        "{% set r = range(99999)|list %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}",
        STEPS_EN, STEPS_DE,
    ),
    Attack(
        "recursive-macro",
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(40) }}",
        STEPS_EN, STEPS_DE,
    ),
    Attack("string-times", "{{ 'x' * 10**9 }}", f"would make a value of 1000000000 characters; {VALUE_EN}", VALUE_DE),
    Attack("list-times", "{{ ([0] * 10**9)|length }}", "would make a value of 1000000000 items", VALUE_DE),
    Attack("center-filter", "{{ 'x'|center(10**9) }}", WIDTH_EN, WIDTH_DE),
    Attack("center-literal", "{{ 'x'|center(1000000000) }}", WIDTH_EN, WIDTH_DE),  # folded?
    Attack("center-method", "{{ 'x'.center(10**9) }}", WIDTH_EN, WIDTH_DE),
    Attack("ljust-method", "{{ 'x'.ljust(10**9, '-') }}", WIDTH_EN, WIDTH_DE),
    Attack("format-width", "{{ '{:>1000000000}'.format(1) }}", WIDTH_EN, WIDTH_DE),
    Attack("format-nested-width", "{{ '{:>{w}}'.format(1, w=10**9) }}", WIDTH_EN, WIDTH_DE),
    Attack("percent-width", "{{ '%1000000000d' % 1 }}", WIDTH_EN, WIDTH_DE),
    Attack("percent-star", "{{ '%*d' % (10**9, 1) }}", WIDTH_EN, WIDTH_DE),
    Attack("format-filter", "{{ '%.1000000000f'|format(1.5) }}", WIDTH_EN, WIDTH_DE),
    Attack("lipsum", "{{ lipsum(10**9) }}", WIDTH_EN, WIDTH_DE),
    Attack("indent", "{{ ('x\\n' * 100000)|indent(1000) }}", VALUE_EN, VALUE_DE),
    Attack("join-filter", "{{ range(100000)|join('x' * 1000) }}", VALUE_EN, VALUE_DE),
    Attack("join-method", "{{ ('x' * 1000).join(range(100000)|map('string')) }}", VALUE_EN, VALUE_DE),
    Attack("replace-filter", "{{ ('x' * 100000)|replace('x', 'y' * 1000) }}", VALUE_EN, VALUE_DE),
    Attack("replace-method", "{{ ('x' * 100000).replace('x', 'y' * 1000) }}", VALUE_EN, VALUE_DE),
    Attack("expandtabs", "{{ ('\\t' * 100000).expandtabs(1000) }}", VALUE_EN, VALUE_DE),
    Attack("wordwrap", "{{ ('x ' * 100000)|wordwrap(1, wrapstring='y' * 1000) }}", VALUE_EN, VALUE_DE),
    Attack("tojson-indent", "{{ range(100000)|list|tojson(indent=1000) }}", VALUE_EN, VALUE_DE),
    Attack("batch-fill", "{{ [1]|batch(10**9, 0)|list|length }}", "would make a value of 1000000000 items", VALUE_DE),
    Attack("sum-of-lists", "{{ ([[0] * 1000] * 20000)|sum(start=[])|length }}", VALUE_EN, VALUE_DE),
    Attack(
        "doubling-concat",  # namespace() objects are not plain data: recursion instead
        "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}"
        "{% endmacro %}{{ d('x', 40) }}",
        VALUE_EN, VALUE_DE,
    ),
    Attack(
        "doubling-plus",
        "{% macro d(s, n) %}{% if n %}{{ d(s + s, n - 1) }}{% else %}{{ s|length }}{% endif %}"
        "{% endmacro %}{{ d('x', 40) }}",
        VALUE_EN, VALUE_DE,
    ),
    Attack(
        "many-values",
        "{% for i in range(1000) %}{{ ('x' * 9000000)|length }}{% endfor %}",
        f"made more than {render_limits.MAX_MADE} characters and items in all (the limit)",
        f"insgesamt mehr als {render_limits.MAX_MADE} Zeichen und Elemente gemacht (die Grenze)",
    ),
    Attack(
        "power",
        "{{ 10 ** (10 ** 8) }}",
        f"would compute a number of 400000000 bits; the limit is {render_limits.MAX_INT_BITS}",
        f"würde eine Zahl von 400000000 Bit berechnen; die Grenze ist {render_limits.MAX_INT_BITS}",
    ),
    Attack(
        "output",
        "{% set big = 'x' * 5000000 %}{% for i in range(100) %}{{ big }}{% endfor %}",
        f"would write more than {render_limits.MAX_OUTPUT} characters (the limit)",
        f"würde mehr als {render_limits.MAX_OUTPUT} Zeichen schreiben (die Grenze)",
    ),
]  # fmt: skip
HEADLINE = ["nested-range", "nested-loop-without-calls", "string-times", "center-filter",
            "format-width"]  # fmt: skip


def jinja_template(expression: str) -> bytes:
    """The standard template with ``expression`` as its first paragraph."""
    return pack(
        changed(parts(), "word/document.xml", f"<w:p><w:r><w:t>{expression}</w:t></w:r></w:p>")
    )


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.id for a in ATTACKS])
def test_render_attack_is_stopped(attack: Attack) -> None:
    """Each way to make rendering run forever or take gigabytes stops within seconds with
    a TemplateError naming the limit, in English and German."""
    start = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render_docx(from_data(complete_data()), template=jinja_template(attack.expression),
                    charts=False)  # fmt: skip
    elapsed = time.monotonic() - start
    assert attack.en in caught.value.message("en")
    assert attack.de in caught.value.message("de")
    # stopped by its own limit, not by the 60 s deadline: a bound on a hang, not a speed
    # (a busy 2-core machine took 5.4 s for the recursive macro)
    assert elapsed < 20, f"took {elapsed:.1f} s"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("attack", [a for a in ATTACKS if a.id in HEADLINE], ids=lambda a: a.id)
def test_cli_stops_render_attack(attack: Attack, lang: str, tmp_path: Path) -> None:
    """Through the command line (a process of its own, so a regression fails rather than
    hangs): exit 4, the limit named in the user's language, nothing written, quickly."""
    template = tmp_path / "T.docx"
    template.write_bytes(jinja_template(attack.expression))
    out = tmp_path / "out"
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "handlungsprogramm", "build", str(programme_file(tmp_path)),
         "--template", str(template), "--out", str(out), "--to", "docx,pdf", "--no-charts"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, **ENV, "HANDLUNGSPROGRAMM_LANG": lang},
    )  # fmt: skip
    elapsed = time.monotonic() - start
    assert result.returncode == 4, result.stderr
    assert (attack.en if lang == "en" else attack.de) in result.stderr
    assert ("template " if lang == "en" else "Vorlage ") + str(template) in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert outputs(out) == []
    assert elapsed < 10, f"took {elapsed:.1f} s"


def test_render_time_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work that makes nothing large and few steps still ends at the wall-clock limit
    (lowered here from 60 s to 1 s): each step counts a 5-million-character string."""
    monkeypatch.setattr(render_limits, "MAX_SECONDS", 1.0)
    expression = (
        "{% set big = 'x' * 5000000 %}{% for i in range(99999) %}{{ big.count('y') }}{% endfor %}"
    )
    start = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render_docx(from_data(complete_data()), template=jinja_template(expression), charts=False)
    assert "took more than 1 seconds (the limit)" in caught.value.message("en")
    assert "hat länger als 1 Sekunden gebraucht (die Grenze)" in caught.value.message("de")
    assert time.monotonic() - start < 5


def test_building_blocks_does_not_count_against_the_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wall clock measures the template's own work: building the blocks it places
    (seconds for a programme with charts) is the library's and is not counted. With the
    limit far below that time, the standard template still renders. (0.2 s: the template's
    own 20 ms grow while the chart helper process shares a busy machine's cores.)"""
    monkeypatch.setattr(render_limits, "MAX_SECONDS", 0.2)
    start = time.monotonic()
    render_docx(load(EXAMPLE), template=STANDARD)
    assert time.monotonic() - start > 0.6  # the blocks took far longer than the limit


def test_loop_variable_and_namespace_are_readable() -> None:
    """Templates number rows with ``loop.index`` and count with ``namespace()``: both are
    Jinja's own plain objects, readable in the sandbox (they were refused before)."""
    expression = (
        "{% for m in measures %}{{ loop.index }}/{{ loop.length }}{% if loop.last %}!"
        "{% endif %}{{ loop.cycle('a', 'b') }} {% endfor %}"
        "{% set ns = namespace(n=0) %}{% for m in measures %}{% set ns.n = ns.n + 1 %}"
        "{% endfor %}N={{ ns.n }}"
    )
    data = render_docx(load(EXAMPLE), template=jinja_template(expression), charts=False).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode()
    assert "1/17a 2/17b " in body
    assert "17/17!a N=17" in body
    with pytest.raises(TemplateError, match="unsafe"):
        render_docx(load(EXAMPLE), template=jinja_template("{{ namespace().__class__ }}"),
                    charts=False)  # fmt: skip


def test_legitimate_loops_and_text_are_within_the_limits() -> None:
    """What real templates do stays far inside the limits: loops over every measure with
    filters, formatting, joins and string building."""
    expression = (
        "{% for m in measures %}{{ m.code }} {{ m.title_de|upper|center(40) }}"
        " {{ '%-10s|%8.2f'|format(m.code, 1234.5) }} {{ '{:>12}'.format(m.code) }}"
        " {{ m.budget|join(', ') }} {{ (m.title_de ~ ' / ' ~ m.title_partner)|truncate(60) }}"
        "{% endfor %}{{ range(1000)|join(',')|length }}"
        "{% for i in [1, 2, 3] %}[{{ i }}]{% endfor %}"
    )
    data = render_docx(load(EXAMPLE), template=jinja_template(expression), charts=False).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode()
    assert "3889" in body  # the length of the joined numbers
    assert "[1][2][3]" in body
