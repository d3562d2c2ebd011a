"""Findings about the file as a whole since the first signature: uncovered bytes, metadata.

pyHanko judges each signature's revision; these two checks look at what a viewer
shows regardless (the bytes after the last revision, the title in the window bar),
so they need only the bytes and the reader, not a signature.
"""

from __future__ import annotations

import re

from lxml import etree
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.rw_common import PdfHandler

from handlungsprogramm.pdf.reading import _WHITESPACE, READ_ERRORS

Message = tuple[str, str]
"""A finding in English and German."""

_STARTXREF = re.compile(rb"startxref\s*(\d+)\s*%%EOF")


# Metadata entries a signing tool may update; every other entry is what readers see
# (the title in the window bar, the author) and must stay as signed.
_INFO_UPDATABLE = frozenset({"/ModDate", "/Producer"})


_XMP_UPDATABLE = frozenset(
    {"ModifyDate", "MetadataDate", "Producer", "InstanceID", "DocumentID", "VersionID"}
)


def _metadata_finding(reader: PdfFileReader, first: int) -> Message | None:
    """Whether the title, author, subject or keywords changed after the first signature.

    pyHanko approves any change of the document information and any well-formed XMP
    packet as validation data; a viewer shows the new title in its window bar.
    """
    try:
        old = reader.get_historical_resolver(first)
        changed = _info(old) != _info(reader) or _xmp(old) != _xmp(reader)
    except READ_ERRORS:
        changed = True
    if not changed:
        return None
    return (
        "the document's title, author, subject or keywords were changed after the first signature",
        "Titel, Autor, Thema oder Stichwörter des Dokuments wurden nach der ersten Signatur"
        " geändert",
    )


def _resolved(handler: PdfHandler, value: object) -> object:
    """``value`` as the revision ``handler`` reads sees it (not as the newest one)."""
    if isinstance(value, generic.IndirectObject):
        return handler.get_object(value.reference)
    return value


def _info(handler: PdfHandler) -> dict[str, str]:
    try:
        info = _resolved(handler, handler.trailer_view.raw_get("/Info"))
    except KeyError:
        return {}
    if not isinstance(info, generic.DictionaryObject):
        return {}
    return {
        str(k): str(_resolved(handler, info.raw_get(k))) for k in info if k not in _INFO_UPDATABLE
    }


def _xmp(handler: PdfHandler) -> list[tuple[str, str]]:
    try:
        metadata = _resolved(handler, handler.root.raw_get("/Metadata"))
    except KeyError:
        return []
    if not isinstance(metadata, generic.StreamObject):
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    tree = etree.fromstring(metadata.data, parser)
    values = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in _XMP_UPDATABLE:
            continue
        attributes = sorted(
            (etree.QName(k).localname, v)
            for k, v in element.attrib.items()
            if etree.QName(k).localname not in _XMP_UPDATABLE
        )
        values.append((element.tag, f"{(element.text or '').strip()}|{attributes}"))
    return sorted(values)


def _tail_finding(pdf: bytes, reader: PdfFileReader) -> Message | None:
    """Whether the file ends where the revision pyHanko analysed ends.

    Viewers follow the last ``startxref`` in the file; pyHanko takes the last
    ``%%EOF`` in the final KiB. Both must name the same revision, and nothing but white
    space may follow it.
    """
    end = pdf.rstrip(_WHITESPACE)
    start = end.rfind(b"startxref")
    match = _STARTXREF.match(end, start) if start >= 0 else None
    if match is None or match.end() != len(end):
        eof = end.rfind(b"%%EOF")
        extra = len(end[eof + len(b"%%EOF") :].lstrip(_WHITESPACE)) if eof >= 0 else len(end)
        return (
            f"{extra} bytes after the last revision are not covered by any signature"
            " (a viewer may show them)",
            f"{extra} Bytes nach der letzten Revision sind von keiner Signatur gedeckt"
            " (ein Betrachter zeigt sie womöglich an)",
        )
    try:
        analysed = reader.xrefs.get_startxref_for_revision(reader.xrefs.total_revisions - 1)
    except READ_ERRORS:
        analysed = -1
    if analysed != int(match.group(1)):
        return (
            "the revision a viewer shows is not the one that was checked: the last"
            " startxref points elsewhere, so it is not covered by any signature",
            "die Revision, die ein Betrachter zeigt, ist nicht die geprüfte: das letzte"
            " startxref zeigt woandershin, sie ist von keiner Signatur gedeckt",
        )
    return None
