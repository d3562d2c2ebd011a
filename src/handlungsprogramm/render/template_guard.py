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
"""

from __future__ import annotations

import codecs
import io
import os
import posixpath
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from typing import NoReturn

from lxml import etree

from handlungsprogramm.errors import TemplateError
from handlungsprogramm.render.fields import FIELD_TAGS, check_field, iter_fields

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

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

_RELATIONSHIP_ATTRIBUTES = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}",
)
"""The namespaces (transitional and strict) of ``r:id``, ``r:embed``, ``r:link`` …"""

_HYPERLINK_TYPES = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink",
    }
)
_HYPERLINK_TARGET = re.compile(r"(?:https?://|mailto:)[^\x00-\x1f\x7f]*", re.IGNORECASE)
"""What an external hyperlink may point at: a web or mail address, no control characters."""

_HYPERLINK_USES = frozenset({"hyperlink", "hlinkClick", "hlinkHover", "hlinkMouseOver"})
"""Elements whose ``r:id`` is a hyperlink that is followed only when clicked."""

_SHOWN = 200
"""Characters of a link target quoted in a message."""

_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
)
"""For the two small package parts read here, after the scan found no DTD in them."""

_MAIN_KINDS: dict[str, tuple[str, str]] = {
    "wordprocessingml.template.main+xml": ("a Word template (.dotx)", "eine Word-Vorlage (.dotx)"),
    "ms-word.document.macroEnabled.main+xml": (
        "a Word document with macros (.docm)",
        "ein Word-Dokument mit Makros (.docm)",
    ),
    "ms-word.template.macroEnabledTemplate.main+xml": (
        "a Word template with macros (.dotm)",
        "eine Word-Vorlage mit Makros (.dotm)",
    ),
    "spreadsheetml.sheet.main+xml": ("an Excel workbook", "eine Excel-Arbeitsmappe"),
    "presentationml.presentation.main+xml": (
        "a PowerPoint presentation",
        "eine PowerPoint-Präsentation",
    ),
}
"""Packages that are Office files but not Word documents, by the end of their main
part's content type."""

_REASONS: dict[str, tuple[str, str]] = {
    "unreadable": ("cannot read the file: {reason}", "Datei nicht lesbar: {reason}"),
    "not_a_file": ("is not a regular file", "ist keine gewöhnliche Datei"),
    "empty": ("is empty (0 bytes), not a .docx file", "ist leer (0 Bytes), keine .docx-Datei"),
    "file_too_large": (
        "has {size} bytes; a template may have at most {limit} bytes",
        "hat {size} Bytes; eine Vorlage darf höchstens {limit} Bytes haben",
    ),
    "ole": (
        "is a password-protected Word file or an old Word 97–2003 .doc file; open it in"
        " Word and save it without a password as a Word document (.docx)",
        "ist eine kennwortgeschützte Word-Datei oder eine alte .doc-Datei (Word 97–2003);"
        " in Word öffnen und ohne Kennwort als Word-Dokument (.docx) speichern",
    ),
    "not_zip": (
        "not a .docx file (not a ZIP package)",
        "keine .docx-Datei (kein ZIP-Paket)",
    ),
    "damaged": (
        "is a damaged ZIP package ({reason}); save it again as .docx",
        "ist ein beschädigtes ZIP-Paket ({reason}); bitte erneut als .docx speichern",
    ),
    "damaged_part": (
        "the part {part} is damaged ({reason}); save the template again as .docx",
        "der Teil {part} ist beschädigt ({reason}); die Vorlage bitte erneut als .docx speichern",
    ),
    "too_many_parts": (
        "has {count} parts; a template may have at most {limit}",
        "hat {count} Teile; eine Vorlage darf höchstens {limit} haben",
    ),
    "unsafe_name": (
        "contains a part with an unsafe name {part!r} (absolute, with .. or a backslash)",
        "enthält einen Teil mit unsicherem Namen {part!r} (absolut, mit .. oder Backslash)",
    ),
    "duplicate": (
        "contains the part {part} more than once",
        "enthält den Teil {part} mehrfach",
    ),
    "encrypted_part": (
        "the part {part} is encrypted (a ZIP password); Word templates are never",
        "der Teil {part} ist verschlüsselt (ZIP-Kennwort); Word-Vorlagen sind das nie",
    ),
    "compression": (
        "the part {part} uses ZIP compression method {method}; Word writes only"
        " stored (0) or deflated (8)",
        "der Teil {part} nutzt die ZIP-Kompressionsmethode {method}; Word schreibt nur"
        " stored (0) oder deflated (8)",
    ),
    "part_too_large": (
        "the part {part} unpacks to more than {limit} bytes (the limit per part)",
        "der Teil {part} ist entpackt größer als {limit} Bytes (die Grenze je Teil)",
    ),
    "total_too_large": (
        "unpacks to more than {limit} bytes in total (the limit; reached at the part {part})",
        "ist entpackt insgesamt größer als {limit} Bytes (die Grenze; erreicht beim Teil {part})",
    ),
    "dtd": (
        "the part {part} contains a DOCTYPE or ENTITY declaration, which Word never writes"
        " and which could read local files or expand without bound; refused",
        "der Teil {part} enthält eine DOCTYPE- oder ENTITY-Deklaration, die Word nie"
        " schreibt und die lokale Dateien lesen oder sich grenzenlos ausdehnen könnte;"
        " abgelehnt",
    ),
    "encoding": (
        "the part {part} is XML in the encoding {encoding}; Word packages use only UTF-8 or UTF-16",
        "der Teil {part} ist XML in der Kodierung {encoding}; Word-Pakete verwenden nur"
        " UTF-8 oder UTF-16",
    ),
    "opendocument": (
        "is an OpenDocument file (.odt), not a .docx; save it in Word format (.docx)",
        "ist eine OpenDocument-Datei (.odt), keine .docx; bitte im Word-Format (.docx) speichern",
    ),
    "not_ooxml": (
        "is a ZIP archive but not a Word document (no [Content_Types].xml)",
        "ist ein ZIP-Archiv, aber kein Word-Dokument (kein [Content_Types].xml)",
    ),
    "no_document": (
        "contains no Word document: the part {part} is missing",
        "enthält kein Word-Dokument: der Teil {part} fehlt",
    ),
    "wrong_kind": (
        "is {kind}, not a Word document (.docx); save it as .docx",
        "ist {kind}, kein Word-Dokument (.docx); bitte als .docx speichern",
    ),
    "bad_relationship": (
        "the part {part} has a relationship without {attribute}",
        "der Teil {part} hat eine Beziehung ohne {attribute}",
    ),
    "external": (
        "the part {part} has an external relationship ({kind}) to {target}; a template may"
        " point outside itself only by hyperlinks to http, https or mailto addresses",
        "der Teil {part} hat eine externe Beziehung ({kind}) zu {target}; eine Vorlage darf"
        " nur mit Hyperlinks auf http-, https- oder mailto-Adressen nach außen zeigen",
    ),
    "hyperlink_misused": (
        "the part {part} uses the hyperlink {rid} ({target}) in {use}; hyperlinks may only"
        " be clicked, not loaded as a picture or an object",
        "der Teil {part} verwendet den Hyperlink {rid} ({target}) in {use}; Hyperlinks"
        " dürfen nur angeklickt, nicht als Bild oder Objekt geladen werden",
    ),
    "bad_xml": (
        "the part {part} is not well-formed XML ({reason})",
        "der Teil {part} ist kein wohlgeformtes XML ({reason})",
    ),
}


def _printable(value: object) -> object:
    """Text from the package (part names, parser messages) with control characters
    escaped, so a hostile name cannot send escape sequences to the user's terminal."""
    if not isinstance(value, str) or value.isprintable():
        return value
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in value)


def _refuse(name: str, reason: str, /, **ctx: object) -> NoReturn:
    """Raise the refusal ``reason``; a ``(en, de)`` pair in ``ctx`` is chosen per language."""
    en, de = _REASONS[reason]
    ctx_en = {k: _printable(v[0] if isinstance(v, tuple) else v) for k, v in ctx.items()}
    ctx_de = {k: _printable(v[1] if isinstance(v, tuple) else v) for k, v in ctx.items()}
    raise TemplateError(name, en.format(**ctx_en), de.format(**ctx_de))


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
                _refuse(name, "not_a_file")
            if info.st_size > MAX_TEMPLATE_BYTES:
                _refuse(name, "file_too_large", size=info.st_size, limit=MAX_TEMPLATE_BYTES)
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(MAX_TEMPLATE_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise TemplateError(name, reason, _REASONS["unreadable"][1].format(reason=reason)) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        _refuse(name, "file_too_large", size=f"> {MAX_TEMPLATE_BYTES}", limit=MAX_TEMPLATE_BYTES)
    return data


def check_template(data: bytes, name: str) -> None:
    """Refuse ``data`` (a template called ``name`` in messages) unless it is a safe .docx.

    Raises :class:`~handlungsprogramm.errors.TemplateError`; returns nothing when the
    package may be given to python-docx and docxtpl.
    """
    if not data:
        _refuse(name, "empty")
    if len(data) > MAX_TEMPLATE_BYTES:
        _refuse(name, "file_too_large", size=len(data), limit=MAX_TEMPLATE_BYTES)
    if data.startswith(_OLE_SIGNATURE):
        _refuse(name, "ole")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(_ZIP_SIGNATURE):
            _refuse(
                name,
                "damaged",
                reason=(
                    "truncated: no central directory",
                    "abgeschnitten: kein zentrales Verzeichnis",
                ),
            )
        _refuse(name, "not_zip")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
        NotImplementedError,
    ) as exc:  # fmt: skip
        _refuse(name, "damaged", reason=str(exc) or type(exc).__name__)
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            _refuse(name, "too_many_parts", count=len(infos), limit=MAX_PARTS)
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
            _refuse(name, "unsafe_name", part=part)
        if part.lower() in seen:  # OPC part names are case-insensitive
            _refuse(name, "duplicate", part=part)
        seen.add(part.lower())
        if info.flag_bits & 0x41:  # encrypted, or strongly encrypted
            _refuse(name, "encrypted_part", part=part)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            _refuse(name, "compression", part=part, method=info.compress_type)
        if info.file_size > MAX_PART_BYTES:
            _refuse(name, "part_too_large", part=part, limit=MAX_PART_BYTES)
        declared += info.file_size
        if declared > MAX_TOTAL_BYTES:
            _refuse(name, "total_too_large", part=part, limit=MAX_TOTAL_BYTES)


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
                    _refuse(name, "part_too_large", part=part, limit=MAX_PART_BYTES)
                if total > MAX_TOTAL_BYTES:
                    _refuse(name, "total_too_large", part=part, limit=MAX_TOTAL_BYTES)
                window = tail + chunk
                if any(marker in window for marker in _MARKERS):
                    _refuse(name, "dtd", part=part)
                tail = window[-_OVERLAP:]
    except TemplateError:
        raise
    except (
        zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
        RuntimeError,
    ) as exc:  # fmt: skip
        _refuse(name, "damaged_part", part=part, reason=str(exc) or type(exc).__name__)
    return total


def _check_encoding(name: str, part: str, head: bytes) -> None:
    """Refuse a part that an XML parser would read in an encoding other than UTF-8/16."""
    if head.startswith(_OTHER_ENCODINGS):
        _refuse(name, "encoding", part=part, encoding=("UTF-32 or EBCDIC", "UTF-32 oder EBCDIC"))
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
        _refuse(name, "encoding", part=part, encoding=("unknown", "unbekannt"))
    match = _DECLARATION.match(text)
    if match and match.group(1).lower() not in _ALLOWED_ENCODINGS:
        _refuse(name, "encoding", part=part, encoding=match.group(1))


def _parse(name: str, archive: zipfile.ZipFile, part: str) -> etree._Element:
    """One small package part (already scanned: no DTD, bounded size) as a tree."""
    try:
        return etree.fromstring(archive.read(part), _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        _refuse(name, "bad_xml", part=part, reason=str(exc))


def _check_main_document(name: str, archive: zipfile.ZipFile, parts: dict[str, str]) -> None:
    """The package is OOXML and its main part (from ``_rels/.rels``) is a Word document."""
    if "[content_types].xml" not in parts:
        if "mimetype" in parts:
            with archive.open(parts["mimetype"]) as stream:
                if stream.read(64).startswith(b"application/vnd.oasis.opendocument"):
                    _refuse(name, "opendocument")
        _refuse(name, "not_ooxml")
    target = None
    if "_rels/.rels" in parts:
        for rel in _parse(name, archive, parts["_rels/.rels"]).iter(
            f"{_RELATIONSHIPS}Relationship"
        ):
            if (
                rel.get("Type", "").endswith("/officeDocument")
                and rel.get("TargetMode") != "External"
            ):
                target = posixpath.normpath(posixpath.join("/", rel.get("Target", ""))).lstrip("/")
                break
    if target is None or target.lower() not in parts:
        _refuse(name, "no_document", part=target or "word/document.xml")
    content_type = _content_type(_parse(name, archive, parts["[content_types].xml"]), target)
    if content_type != _WORD_DOCUMENT:
        kind = next(
            (words for end, words in _MAIN_KINDS.items() if content_type.endswith(end)),
            (f"a package of type {content_type!r}", f"ein Paket vom Typ {content_type!r}"),
        )
        _refuse(name, "wrong_kind", kind=kind)


def _content_type(types: etree._Element, part: str) -> str:
    """The content type ``[Content_Types].xml`` gives ``part``: its override, else its default."""
    for override in types.iter(f"{_CONTENT_TYPES}Override"):
        if override.get("PartName", "").lstrip("/").lower() == part.lower():
            return str(override.get("ContentType", ""))
    extension = part.rsplit(".", 1)[-1].lower()
    for default in types.iter(f"{_CONTENT_TYPES}Default"):
        if default.get("Extension", "").lower() == extension:
            return str(default.get("ContentType", ""))
    return ""


def _check_relationships(
    name: str, archive: zipfile.ZipFile, parts: dict[str, str]
) -> dict[str, dict[str, str]]:
    """Every relationship has the Id, Type and Target the OPC schema requires (python-docx
    would otherwise fail only when saving the rendered document), and none points outside
    the package but a hyperlink to a web or mail address.

    Returns the external hyperlinks by the (lower-case) name of the part they belong to,
    ``{rId: target}``, so that :func:`_check_xml_part` can see how each is used.
    """
    hyperlinks: dict[str, dict[str, str]] = {}
    for lower, part in parts.items():
        if not lower.endswith(".rels"):
            continue
        folder, _, file = lower.rpartition("/")
        source = posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])
        for rel in _parse(name, archive, part).iter(f"{_RELATIONSHIPS}Relationship"):
            for attribute in ("Id", "Type", "Target"):
                if not rel.get(attribute):
                    _refuse(name, "bad_relationship", part=part, attribute=attribute)
            if rel.get("TargetMode", "Internal") == "Internal":
                continue  # a part of the package; python-docx refuses a missing one
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            if kind not in _HYPERLINK_TYPES or not _HYPERLINK_TARGET.fullmatch(target):
                _refuse(
                    name, "external", part=part, kind=kind.rsplit("/", 1)[-1],
                    target=_shorten(target),
                )  # fmt: skip
            hyperlinks.setdefault(source, {})[rel.get("Id", "")] = target
    return hyperlinks


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _check_xml_part(
    name: str, archive: zipfile.ZipFile, part: str, hyperlinks: dict[str, str]
) -> None:
    """Stream one XML part (already scanned: no DTD, bounded size): its fields, and that
    its external hyperlinks are used only as hyperlinks.

    A hyperlink relationship is an allowed target, but LibreOffice loads whatever a
    picture's ``r:link`` names, whatever the relationship's type. Paragraphs are cleared
    once read, so a large part is never held whole.
    """

    def field_elements() -> Iterator[etree._Element]:
        events = etree.iterparse(
            stream, events=("end",), resolve_entities=False, load_dtd=False,
            no_network=True, huge_tree=False,
        )  # fmt: skip
        for _, element in events:
            if hyperlinks:
                _check_uses(name, part, element, hyperlinks)
            if element.tag in FIELD_TAGS:
                yield element
            elif element.tag == _PARAGRAPH:
                element.clear(keep_tail=True)  # its fields have been read

    with archive.open(part) as stream:
        try:
            for found in iter_fields(field_elements()):
                check_field(name, part, found)
        except etree.XMLSyntaxError as exc:
            _refuse(name, "bad_xml", part=part, reason=str(exc))


_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def _check_uses(name: str, part: str, element: etree._Element, hyperlinks: dict[str, str]) -> None:
    """Refuse ``element`` if one of its ``r:`` attributes names an external hyperlink and
    it is not an element that is a hyperlink."""
    for attribute, value in element.attrib.items():
        if not attribute.startswith(_RELATIONSHIP_ATTRIBUTES) or value not in hyperlinks:
            continue
        local = etree.QName(element).localname
        attribute_name = etree.QName(attribute).localname
        if local in _HYPERLINK_USES and attribute_name == "id":
            continue
        use = f"{element.prefix or ''}:{local}/@r:{attribute_name}".lstrip(":")
        _refuse(
            name, "hyperlink_misused", part=part, rid=value, target=_shorten(hyperlinks[value]),
            use=use,
        )  # fmt: skip
