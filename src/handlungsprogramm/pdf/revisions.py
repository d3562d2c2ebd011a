"""The revisions added after the first signature must read the same to every reader.

pyHanko rates what changed after a signature from its own reading of the file, and it
reads leniently: an object listed twice in a cross-reference table, an object stream
that lists a number twice, a reference to an object that does not exist. Viewers read
those differently — poppler keeps the other copy, or throws the table away and
rebuilds it by scanning the file, and then shows objects no table lists. A review of
``verify`` built files whose page 1 showed an attacker's text while pyHanko saw no
change. So the revisions after the first signature are held to the plain shape every
signing tool writes (LibreOffice, pyHanko, Acrobat on a file with classic tables):

* a classic cross-reference table, no cross-reference or object streams;
* each object listed once, each in-use entry pointing at that very object;
* a trailer ``/Size`` that is not inflated (poppler rebuilds the table on an absurd one);
* every reference the revision's objects and trailer make resolves to a listed object
  (poppler rebuilds the table on a dangling one).

With none of poppler's reasons to rebuild left, what it shows is what the tables list,
and that is what pyHanko compared.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.xref import XRefSectionType

__all__ = ["later_revision_findings"]

Message = tuple[str, str]

_SUBSECTION = re.compile(rb"\s*(\d+)\s+(\d+)[ \t]*\r?\n?")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)")
_OBJECT = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_MAX_REFERENCES = 1_000_000


def later_revision_findings(pdf: bytes, reader: PdfFileReader, after: int) -> list[Message]:
    """Findings for every revision after revision ``after`` (the first signed one)."""
    findings: list[Message] = []
    xrefs = reader.xrefs
    previous_size = xrefs.get_xref_container_info(after).size
    for revision in range(after + 1, xrefs.total_revisions):
        number = revision + 1  # people count revisions from 1
        meta = xrefs.get_xref_container_info(revision)
        if meta.xref_section_type != XRefSectionType.STANDARD:
            findings.append(
                (
                    f"revision {number} uses a cross-reference stream; after a signature only"
                    " plain cross-reference tables are accepted",
                    f"Revision {number} nutzt einen Querverweis-Datenstrom; nach einer Signatur"
                    " sind nur einfache Querverweistabellen zulässig",
                )
            )
            continue
        try:
            entries = list(_table_entries(pdf, meta.declared_startxref, meta.end_location))
        except ValueError as exc:
            findings.append(
                (
                    f"the cross-reference table of revision {number} cannot be read: {exc}",
                    f"die Querverweistabelle der Revision {number} ist nicht lesbar: {exc}",
                )
            )
            continue
        counts = Counter(num for num, _gen, _offset, _used in entries)
        twice = sorted(num for num, count in counts.items() if count > 1)
        if twice:
            findings.append(
                (
                    f"revision {number} lists object {twice[0]} more than once (viewers and"
                    " checkers may read different copies)",
                    f"Revision {number} führt Objekt {twice[0]} mehrfach auf (Betrachter und"
                    " Prüfprogramme lesen womöglich verschiedene Fassungen)",
                )
            )
        for num, gen, offset, used in entries:
            if not used:
                continue
            match = _OBJECT.match(pdf, offset)
            if match is None or (int(match.group(1)), int(match.group(2))) != (num, gen):
                findings.append(
                    (
                        f"revision {number} lists object {num} at a place where it is not",
                        f"Revision {number} führt Objekt {num} an einer Stelle, an der es"
                        " nicht steht",
                    )
                )
                break
        highest = max(counts, default=0)
        if meta.size > max(previous_size, highest + 1) or meta.size < highest + 1:
            findings.append(
                (
                    f"revision {number} declares {meta.size} objects (/Size), which does not"
                    " fit its table",
                    f"Revision {number} gibt {meta.size} Objekte an (/Size), was nicht zu"
                    " ihrer Tabelle passt",
                )
            )
        previous_size = max(previous_size, meta.size)
        dangling = _dangling_reference(reader, revision)
        if dangling is not None:
            findings.append(
                (
                    f"revision {number} refers to object {dangling}, which does not exist"
                    " (a viewer then rebuilds the file's table and may show other objects)",
                    f"Revision {number} verweist auf Objekt {dangling}, das es nicht gibt (ein"
                    " Betrachter baut dann die Tabelle neu auf und zeigt womöglich andere"
                    " Objekte)",
                )
            )
    return findings


def _table_entries(pdf: bytes, start: int, end: int) -> Iterator[tuple[int, int, int, bool]]:
    """``(number, generation, offset, in use)`` of a classic table, strictly as written."""
    if not pdf.startswith(b"xref", start):
        raise ValueError("it does not start with 'xref'")
    position = start + len(b"xref")
    while True:
        while position < end and pdf[position : position + 1] in b" \t\r\n":
            position += 1
        if pdf.startswith(b"trailer", position) or position >= end:
            return
        header = _SUBSECTION.match(pdf, position)
        if header is None:
            raise ValueError(f"a subsection header is expected at byte {position}")
        first, count = int(header.group(1)), int(header.group(2))
        position = header.end()
        for index in range(count):
            entry = _ENTRY.match(pdf, position)
            if entry is None:
                raise ValueError(f"entry {first + index} is not 20 bytes as the standard says")
            yield first + index, int(entry.group(2)), int(entry.group(1)), entry.group(3) == b"n"
            position = entry.end()


def _dangling_reference(reader: PdfFileReader, revision: int) -> str | None:
    """The first reference of the revision's objects or trailer that resolves to nothing."""
    xrefs = reader.xrefs
    resolver = reader.get_historical_resolver(revision)
    pending: list[generic.PdfObject] = [resolver.trailer_view]
    for ref in xrefs.explicit_refs_in_revision(revision):
        try:
            pending.append(resolver(ref))
        except Exception:  # noqa: BLE001 - any failure to read it is the finding
            return f"{ref.idnum} {ref.generation}"
    seen = 0
    while pending and seen < _MAX_REFERENCES:
        item = pending.pop()
        seen += 1
        if isinstance(item, generic.IndirectObject):
            ref = item.reference
            if xrefs.get_historical_ref(ref, revision) is None:
                return f"{ref.idnum} {ref.generation}"
        elif isinstance(item, generic.DictionaryObject):
            pending.extend(item.raw_get(key) for key in item)
        elif isinstance(item, generic.ArrayObject):
            pending.extend(item)
    return None
