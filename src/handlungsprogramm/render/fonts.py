"""Embed the document's text font in the Word file, as Word does.

A Word file names its fonts; it does not carry them unless they are embedded. On a
municipal PC without Noto Sans, Word substitutes another font, the lines reflow, and
the pages no longer match the PDF that both councils adopt. Word's own remedy, which
this module follows (ECMA-376 Part 1, §17.8.1 *Font Embedding*; the font table's
``embedRegular`` and its siblings in §17.8.3; Part 4 §2.8.1 in the first edition):

- each font file is a part ``/word/fonts/fontN.odttf`` of content type
  ``application/vnd.openxmlformats-officedocument.obfuscatedFont``, related from the
  font table part (``word/fontTable.xml``) with the ``…/relationships/font`` type;
- the font's entry in the font table (``w:font w:name="Noto Sans"``) points to it with
  ``w:embedRegular`` / ``w:embedBold`` / ``w:embedItalic`` / ``w:embedBoldItalic``,
  each with the relationship id and a ``w:fontKey`` GUID;
- the first 32 bytes of the font file are XOR-ed with that GUID (its 16 bytes in
  reverse order of the hexadecimal digits, used twice) — an obfuscation, not a
  protection: it keeps the file from being installed as is by accident;
- ``w:embedTrueTypeFonts`` in ``word/settings.xml`` tells Word to keep them on saving.

The family embedded is the template's text font (the default paragraph style's, else
the document defaults'), in the four styles the template and Markdown can ask for.
Each file is found through fontconfig (``fc-match``), else at the Debian path of the
Noto fonts; a style that is not found, is not TrueType, is a variable font or whose
licence bits forbid embedding (OS/2 ``fsType``) is left out, with no error: the
document then names the font as before. Noto is under the SIL Open Font License,
which allows embedding.

The output stays byte-deterministic: each GUID is derived from the font file's
content (a UUID 5 of its SHA-256), part names and relationship ids are assigned in a
fixed order, and nothing depends on the time.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import struct
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from lxml import etree

__all__ = [
    "FONT_CONTENT_TYPE",
    "STYLES",
    "FontFile",
    "embed_fonts",
    "find_font",
    "font_key",
    "obfuscate",
    "text_font",
]

FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
"""The content type of an obfuscated (embedded) font part."""

_FONT_TABLE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{_W_NS}}}"
_R = f"{{{_R_NS}}}"

STYLES: tuple[tuple[str, str], ...] = (
    ("Regular", "embedRegular"),
    ("Bold", "embedBold"),
    ("Italic", "embedItalic"),
    ("Bold Italic", "embedBoldItalic"),
)
"""Each fontconfig style with its font-table element, in the schema's order (CT_Font)."""

_SETTINGS_BEFORE = frozenset(
    f"{_W}{name}"
    for name in ("writeProtection", "view", "zoom", "removePersonalInformation",
                 "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                 "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData")
)  # fmt: skip
"""The elements CT_Settings puts before ``w:embedTrueTypeFonts``; all others come after."""

_GUID_NAMESPACE = uuid.UUID("6f3a4c1e-2d7b-5e19-9a40-8c5d1b7e2f63")
"""A fixed namespace for the font keys, so the same font file always gets the same key."""

_DEBIAN_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
"""Where Debian's fonts-noto-core puts the Noto fonts (``NotoSans-BoldItalic.ttf``)."""


@dataclass(frozen=True, slots=True)
class FontFile:
    """A font file ready to embed: the obfuscated bytes, their key, what it is."""

    family: str
    style: str
    data: bytes
    """The obfuscated file, as it goes into the package."""
    key: str
    """The GUID the first 32 bytes are XOR-ed with, ``{XXXXXXXX-XXXX-…}``."""
    panose: str
    """The OS/2 PANOSE classification (20 hex digits), for the font table entry."""
    signature: tuple[str, ...]
    """OS/2 Unicode and code page ranges (usb0–3, csb0–1), 8 hex digits each."""


def font_key(data: bytes) -> str:
    """The font key of ``data``: a GUID from the file's content, never random, so two
    renders give the same bytes."""
    digest = hashlib.sha256(data).hexdigest()
    return "{" + str(uuid.uuid5(_GUID_NAMESPACE, digest)).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """``data`` with its first 32 bytes XOR-ed with ``key`` (ECMA-376 §17.8.1).

    The key's 32 hexadecimal digits, read as 16 bytes, are used in reverse order, once
    for bytes 0–15 and again for 16–31. XOR is its own inverse: the same call
    de-obfuscates.
    """
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1] * 2
    head = bytes(a ^ b for a, b in zip(data[:32], mask, strict=False))
    return head + data[32:]


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    """The table directory of a TrueType file: tag → (offset, length); empty when
    ``data`` is not a single TrueType font (OpenType/CFF, a collection, garbage)."""
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return {}
    (count,) = struct.unpack_from(">H", data, 4)
    if len(data) < 12 + 16 * count:
        return {}
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
        if offset + length <= len(data):
            tables[tag] = (offset, length)
    return tables


def _describe(family: str, style: str, data: bytes) -> FontFile | None:
    """The embeddable font of ``data``, or None: not TrueType, a variable font (Word
    would show only its default instance), or licence bits that forbid embedding."""
    tables = _tables(data)
    if b"OS/2" not in tables or b"glyf" not in tables or b"fvar" in tables:
        return None
    offset, length = tables[b"OS/2"]
    if length < 86:  # version 1 or later: code page ranges present
        return None
    (fs_type,) = struct.unpack_from(">H", data, offset + 8)
    # bit 1 alone: restricted licence; bit 9: bitmap embedding only
    if fs_type & 0x000F == 0x0002 or fs_type & 0x0200:
        return None
    panose = data[offset + 32 : offset + 42].hex().upper()
    unicode_ranges = struct.unpack_from(">4L", data, offset + 42)
    code_pages = struct.unpack_from(">2L", data, offset + 78)
    signature = tuple(f"{value:08X}" for value in (*unicode_ranges, *code_pages))
    key = font_key(data)
    return FontFile(family, style, obfuscate(data, key), key, panose, signature)


def _fc_match(family: str, style: str) -> Path | None:
    """The file fontconfig has for ``family`` in ``style`` — only if it is that family
    and style: fc-match always answers, with a substitute when the font is missing."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        answer = subprocess.run(  # noqa: S603 - a fixed program, the pattern as one argument
            [fc_match, "-f", "%{family}\n%{style}\n%{file}", f"{family}:style={style}"],
            capture_output=True, text=True, timeout=10, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    lines = answer.stdout.split("\n")
    if answer.returncode != 0 or len(lines) != 3:
        return None
    families = {name.strip().casefold() for name in lines[0].split(",")}
    styles = {name.strip().casefold() for name in lines[1].split(",")}
    if family.casefold() not in families or style.casefold() not in styles:
        return None
    return Path(lines[2])


def find_font(family: str, style: str) -> Path | None:
    """The font file of ``family`` in ``style`` (``"Bold Italic"``), or None."""
    found = _fc_match(family, style)
    if found is not None and found.is_file():
        return found
    name = f"{family.replace(' ', '')}-{style.replace(' ', '')}.ttf"
    for folder in _DEBIAN_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


@functools.lru_cache(maxsize=16)
def _load(family: str, style: str, path: Path, stamp: tuple[int, int]) -> FontFile | None:
    """Read and obfuscate a font once per process (``stamp``: its size and time of
    change, so a replaced file is read again): a build of many programmes embeds the
    same four files in each."""
    del stamp
    return _describe(family, style, path.read_bytes())


@functools.lru_cache(maxsize=16)
def _located(family: str, style: str) -> Path | None:
    """:func:`find_font`, asked once per process (fc-match is a process of its own)."""
    return find_font(family, style)


def _font(family: str, style: str) -> FontFile | None:
    path = _located(family, style)
    if path is None:
        return None
    try:
        status = path.stat()
        return _load(family, style, path, (status.st_size, status.st_mtime_ns))
    except OSError:
        return None


def text_font(document: DocxDocument) -> str | None:
    """The template's text font: the Latin font (``w:ascii``) of the default paragraph
    style, else of the document defaults; None when it names only a theme font."""
    styles = document.styles.element
    candidates = [
        *styles.xpath("w:style[@w:type='paragraph' and @w:default='1']/w:rPr/w:rFonts"),
        *styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts"),
    ]
    for fonts in candidates:
        name = fonts.get(f"{_W}ascii")
        if name:
            return str(name)
    return None


def _font_table(document: DocxDocument) -> Part:
    """The font table part, made when a template lacks one."""
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            target: Part = rel.target_part
            return target
    blob = f'<w:fonts xmlns:w="{_W_NS}" xmlns:r="{_R_NS}"/>'.encode()
    table = Part(PackURI("/word/fontTable.xml"), _FONT_TABLE_CT, blob, main.package)
    main.relate_to(table, RT.FONT_TABLE)
    return table


def _entry(fonts: etree._Element, family: str, first: FontFile) -> etree._Element:
    """The ``w:font`` entry of ``family``, made from the font's OS/2 table if missing."""
    for font in fonts.iterfind(f"{_W}font"):
        if font.get(f"{_W}name") == family:
            return font
    font = etree.SubElement(fonts, f"{_W}font", {f"{_W}name": family})
    etree.SubElement(font, f"{_W}panose1", {f"{_W}val": first.panose})
    etree.SubElement(font, f"{_W}charset", {f"{_W}val": "00"})
    etree.SubElement(font, f"{_W}family", {f"{_W}val": "swiss"})
    etree.SubElement(font, f"{_W}pitch", {f"{_W}val": "variable"})
    names = ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1")
    etree.SubElement(
        font, f"{_W}sig", {f"{_W}{n}": v for n, v in zip(names, first.signature, strict=True)}
    )
    return font


def _settle_embedding(settings: etree._Element) -> None:
    """``w:embedTrueTypeFonts`` in the settings, at its place in CT_Settings' sequence."""
    if settings.find(f"{_W}embedTrueTypeFonts") is not None:
        return
    index = 0
    for position, child in enumerate(settings):
        if child.tag in _SETTINGS_BEFORE:
            index = position + 1
    settings.insert(index, etree.Element(f"{_W}embedTrueTypeFonts"))


def embed_fonts(document: DocxDocument) -> tuple[str, ...]:
    """Embed the text font of ``document`` in its package, in each style found.

    Styles the template embeds already are kept as they are. Returns the embedded
    styles (``"Noto Sans Bold"``), empty when the font names a theme or no file is found.
    """
    family = text_font(document)
    if family is None:
        return ()
    files = [font for style, _ in STYLES if (font := _font(family, style)) is not None]
    if not files:
        return ()
    table = _font_table(document)
    # python-docx loads the font table as a plain part (bytes); should a later version
    # load it as XML, its tree is edited in place
    xml_part = table if isinstance(table, XmlPart) else None
    fonts = (
        xml_part.element if xml_part is not None
        else etree.fromstring(table.blob, etree.XMLParser(resolve_entities=False))
    )  # fmt: skip
    font = _entry(fonts, family, files[0])
    embedded = []
    for style, element in STYLES:
        file = next((f for f in files if f.style == style), None)
        if file is None or font.find(f"{_W}{element}") is not None:
            continue
        part = Part(
            document.part.package.next_partname("/word/fonts/font%d.odttf"),
            FONT_CONTENT_TYPE, file.data, document.part.package,
        )  # fmt: skip
        rid = table.relate_to(part, RT.FONT)
        etree.SubElement(font, f"{_W}{element}", {f"{_R}id": rid, f"{_W}fontKey": file.key})
        embedded.append(f"{family} {style}")
    # embedding elements last, in the schema's order, after those the template had
    order = {f"{_W}{element}": i for i, (_, element) in enumerate(STYLES)}
    for child in sorted((c for c in font if c.tag in order), key=lambda c: order[c.tag]):
        font.append(child)
    if xml_part is None:
        blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)
        table._blob = blob  # a plain Part holds its bytes here
    if embedded:
        _settle_embedding(document.settings.element)
    return tuple(embedded)
