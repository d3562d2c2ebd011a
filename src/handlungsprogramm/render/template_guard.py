"""Refuse hostile or broken Word templates before any XML parser sees them.

A custom template is a ZIP package of XML parts, made by whoever sent it. python-docx
parses the parts it knows with ``resolve_entities=False``, but docxtpl re-parses with
lxml's defaults (internal entities expanded), parts python-docx does not know pass
through to the output untouched, and LibreOffice parses the output once more. Rather
than depend on every parser's settings, the package is checked here, once, against
what Word itself writes and the Open Packaging Conventions (ECMA-376 Part 2) demand:

* no DTD in any part (OPC M1.18: "shall treat the presence of DTD declarations as an
  error"). DTDs are how XML reads local files (external entities) and how it explodes
  (billion laughs). The check is a byte scan, so nothing is parsed before it;
* XML only in UTF-8 or UTF-16 (OPC M1.17), so the scan, which looks for the markers
  in UTF-8, UTF-16 and UTF-32, cannot be dodged by declaring another encoding;
* bounded: the file, the number of parts, each part's and all parts' unpacked size.
  Sizes are counted while streaming each part (a ZIP header can lie), a megabyte at
  a time; nothing is unpacked to disk or held whole in memory. The stream also
  checks each part's CRC, so a damaged package is found here, not halfway through;
* part names that are relative and stay inside the package, each name once, only
  the compression methods Word uses;
* and that it is a Word document at all: not an OLE file (a password-protected Word
  file or an old .doc), not OpenDocument, a main document part of Word's type;
* that it points nowhere outside itself but by hyperlinks. A relationship with
  ``TargetMode="External"`` makes LibreOffice (and Word) load a picture, a
  sub-document, an attached template or an OLE object from a local file, a share or a
  web address while converting: the file's content ended up in the PDF. Only
  hyperlinks to http, https and mailto addresses are allowed, and only where a
  hyperlink is clicked (``w:hyperlink``, ``a:hlinkClick``), never as a picture. Word
  fields that fetch (``INCLUDEPICTURE``, ``INCLUDETEXT``, ``LINK``, ``DDE`` …) are
  refused in every part (:mod:`~handlungsprogramm.render.fields`).

Each refusal is a :class:`~handlungsprogramm.errors.TemplateError` that names the part
and the limit, in English and German.

This module holds the limits and the checks on the package and the bytes of its
parts (the ZIP directory, the streamed scan); what the parts say (main document,
relationships, hyperlinks, fields) is checked in :mod:`.template_parts`; every
refusal is a code of the message catalogue (:mod:`handlungsprogramm.i18n.catalogue`).
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import zipfile
import zlib

from handlungsprogramm.errors import TemplateError
from handlungsprogramm.input_files import os_reason
from handlungsprogramm.render.template_parts import (
    _check_main_document,
    _check_relationships,
    _check_xml_part,
)
from handlungsprogramm.render.template_refusals import _refuse

__all__ = [
    "MAX_PARTS",
    "MAX_PART_BYTES",
    "MAX_TEMPLATE_BYTES",
    "MAX_TOTAL_BYTES",
    "check_template",
    "read_template",
]

MIB = 1024 * 1024

MAX_TEMPLATE_BYTES = 64 * MIB
"""The template file itself. The standard template has 40 KB; a corporate template
with photos and embedded fonts has a few MB, rarely 30."""

MAX_PARTS = 4096
"""Parts in the package. The standard template has 19; Word documents with hundreds of
images have a few hundred."""

MAX_PART_BYTES = 64 * MIB
"""One part, unpacked. The standard template's largest part has 0.44 MB
(word/stylesWithEffects.xml); a large photo or embedded font has 10–20 MB."""

MAX_TOTAL_BYTES = 256 * MIB
"""All parts, unpacked. The standard template unpacks to 0.85 MB. The whole package is
held in memory while rendering, so this also bounds the renderer's memory."""

_CHUNK = MIB

_DECLARATION_BYTES = 4096
"""An XML declaration must end within a part's first bytes (Word's has 55)."""

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""OLE compound files: Word 97–2003 .doc, and every password-protected Office file."""

_ZIP_SIGNATURE = b"PK\x03\x04"

_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
"""The starts of DTD declarations in every encoding an XML parser detects by itself."""

_OVERLAP = max(len(marker) for marker in _MARKERS) - 1

_OTHER_ENCODINGS = (
    b"\x00\x00\xfe\xff",  # UTF-32 big-endian byte order mark
    b"\xff\xfe\x00\x00",  # UTF-32 little-endian byte order mark
    b"\x00\x00\x00<",  # UCS-4 without byte order mark, in each byte order
    b"<\x00\x00\x00",
    b"\x00\x00<\x00",
    b"\x00<\x00\x00",
    b"\x4c\x6f\xa7\x94",  # "<?xm" in EBCDIC
)
"""Starts by which libxml2 detects an encoding that OPC does not allow."""

_DECLARATION = re.compile(r"<\?xml\s[^>]*?\bencoding\s*=\s*[\"']([^\"']*)[\"']")
_ALLOWED_ENCODINGS = frozenset({"utf-8", "utf-16"})


def read_template(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the template file at ``path``, refused if not a regular file or too large.

    The size is checked before reading and the read stops after the limit, so a huge
    file, a growing one or a device such as ``/dev/zero`` cannot exhaust memory. The
    file is opened without blocking, so a named pipe is refused rather than waited on.
    """
    name = str(path)
    try:
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                _refuse(name, "HP702")
            if info.st_size > MAX_TEMPLATE_BYTES:
                _refuse(name, "HP704", size=info.st_size, limit=MAX_TEMPLATE_BYTES)
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(MAX_TEMPLATE_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        _refuse(name, "HP701", reason=(os_reason(exc, "en"), os_reason(exc, "de")))
    if len(data) > MAX_TEMPLATE_BYTES:
        _refuse(name, "HP704", size=f"> {MAX_TEMPLATE_BYTES}", limit=MAX_TEMPLATE_BYTES)
    return data


def check_template(data: bytes, name: str) -> None:
    """Refuse ``data`` (a template called ``name`` in messages) unless it is a safe .docx.

    Raises :class:`~handlungsprogramm.errors.TemplateError`; returns nothing when the
    package may be given to python-docx and docxtpl.
    """
    if not data:
        _refuse(name, "HP703")
    if len(data) > MAX_TEMPLATE_BYTES:
        _refuse(name, "HP704", size=len(data), limit=MAX_TEMPLATE_BYTES)
    if data.startswith(_OLE_SIGNATURE):
        _refuse(name, "HP705")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(_ZIP_SIGNATURE):
            _refuse(
                name,
                "HP707",
                reason=(
                    "truncated: no central directory",
                    "abgeschnitten: kein zentrales Verzeichnis",
                ),
            )
        _refuse(name, "HP706")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
        NotImplementedError,
    ) as exc:  # fmt: skip
        _refuse(name, "HP707", reason=str(exc) or type(exc).__name__)
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            _refuse(name, "HP709", count=len(infos), limit=MAX_PARTS)
        _check_entries(name, infos)
        total = 0
        for info in infos:
            if not info.is_dir():
                total = _scan_part(name, archive, info, total)
        parts = {info.filename.lower(): info.filename for info in infos}
        _check_main_document(name, archive, parts)
        hyperlinks = _check_relationships(name, archive, parts)
        for lower, part in parts.items():
            if lower.endswith((".xml", ".vml")) and lower != "[content_types].xml":
                _check_xml_part(name, archive, part, hyperlinks.get(lower, {}))


def _unsafe(part: str) -> bool:
    """Whether a member name is absolute, climbs out with ``..`` or uses Windows syntax."""
    if not part or "\x00" in part or "\\" in part or part.startswith("/"):
        return True
    if re.match(r"[A-Za-z]:", part):
        return True
    return any(segment in {".", ".."} for segment in part.split("/"))


def _check_entries(name: str, infos: list[zipfile.ZipInfo]) -> None:
    """Names, duplicates, encryption, compression and declared sizes, from the directory."""
    seen: set[str] = set()
    declared = 0
    for info in infos:
        part = info.filename
        if _unsafe(part):
            _refuse(name, "HP710", part=part)
        if part.lower() in seen:  # OPC part names are case-insensitive
            _refuse(name, "HP711", part=part)
        seen.add(part.lower())
        if info.flag_bits & 0x41:  # encrypted, or strongly encrypted
            _refuse(name, "HP712", part=part)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            _refuse(name, "HP713", part=part, method=info.compress_type)
        if info.file_size > MAX_PART_BYTES:
            _refuse(name, "HP714", part=part, limit=MAX_PART_BYTES)
        declared += info.file_size
        if declared > MAX_TOTAL_BYTES:
            _refuse(name, "HP715", part=part, limit=MAX_TOTAL_BYTES)


def _scan_part(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, total: int) -> int:
    """Stream one part: count its real size, verify its CRC, look for DTDs and encodings.

    zipfile never yields more than the directory declares (checked already) and checks
    the CRC at the end, so a header that understates a size shows as a damaged part;
    the count here holds the limits even so, whatever the header says. Returns the
    running total of unpacked bytes.
    """
    part = info.filename
    size = 0
    tail = b""
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                if size == 0:
                    _check_encoding(name, part, chunk[:_DECLARATION_BYTES])
                size += len(chunk)
                total += len(chunk)
                if size > MAX_PART_BYTES:
                    _refuse(name, "HP714", part=part, limit=MAX_PART_BYTES)
                if total > MAX_TOTAL_BYTES:
                    _refuse(name, "HP715", part=part, limit=MAX_TOTAL_BYTES)
                window = tail + chunk
                if any(marker in window for marker in _MARKERS):
                    _refuse(name, "HP716", part=part)
                tail = window[-_OVERLAP:]
    except TemplateError:
        raise
    except (
        zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
        RuntimeError,
    ) as exc:  # fmt: skip
        _refuse(name, "HP708", part=part, reason=str(exc) or type(exc).__name__)
    return total


def _check_encoding(name: str, part: str, head: bytes) -> None:
    """Refuse a part that an XML parser would read in an encoding other than UTF-8/16."""
    if head.startswith(_OTHER_ENCODINGS):
        _refuse(name, "HP717", part=part, encoding=("UTF-32 or EBCDIC", "UTF-32 oder EBCDIC"))
    codec = "utf-8"
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    elif head.startswith((codecs.BOM_UTF16_LE, b"<\x00")):
        codec = "utf-16-le"
    elif head.startswith((codecs.BOM_UTF16_BE, b"\x00<")):
        codec = "utf-16-be"
    text = head.decode(codec, errors="replace").lstrip("\ufeff")
    if text.startswith("<?xml") and "?>" not in text:
        # padding could push an encoding (UTF-7, which hides "<!DOCTYPE" from the
        # scan) past what is read here: a declaration must end within the bytes read
        _refuse(name, "HP717", part=part, encoding=("unknown", "unbekannt"))
    match = _DECLARATION.match(text)
    if match and match.group(1).lower() not in _ALLOWED_ENCODINGS:
        _refuse(name, "HP717", part=part, encoding=match.group(1))
