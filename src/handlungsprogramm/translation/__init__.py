"""Texts out to translators and back: XLIFF 1.2, XLIFF 2.1 and PO files, and the record
of which German text each translation was made from.

``handlungsprogramm export --to xliff|xliff2|po`` writes :func:`export_texts`;
``import FILE.xlf|.po --into P.yaml`` reads the file (:func:`load_translation_file`),
takes the units over (:func:`take_over`) and merges the result into the programme file;
``translations confirm`` records translations made by hand (:func:`record`). ``check``
reports a translation whose German text changed since (rule HP104).
"""

from __future__ import annotations

import os
from typing import Literal

from handlungsprogramm.model import Programme
from handlungsprogramm.translation.apply import Outcome, record, take_over
from handlungsprogramm.translation.returned import Returned, ReturnedUnit
from handlungsprogramm.translation.units import (  # the rule HP104 reads only these
    Only,
    State,
    TextUnit,
    german_fingerprint,
    text_units,
    units_by_id,
)

__all__ = [
    "MAX_TRANSLATION_BYTES",
    "Only",
    "Outcome",
    "Returned",
    "ReturnedUnit",
    "State",
    "TextUnit",
    "export_texts",
    "german_fingerprint",
    "load_translation_file",
    "read_translations",
    "record",
    "take_over",
    "text_units",
    "units_by_id",
]

Exchange = Literal["xliff", "xliff2", "po"]

MAX_TRANSLATION_BYTES = 64 * 1024 * 1024
"""Largest translator's file read (64 MiB; one of every text of a large programme has
a few MB)."""


def export_texts(
    programme: Programme,
    to: Exchange = "xliff",
    only: Only | None = None,
    original: str = "programme.yaml",
) -> bytes | None:
    """The texts to translate as an XLIFF 1.2 (``xliff``), XLIFF 2.1 (``xliff2``) or PO
    file; by default the missing and outdated ones (``only``: just one kind, or all).
    None when there is no such text: XLIFF 2 cannot hold a file without units, and an
    empty file sent to a translator helps nobody. ``original`` names the programme file."""
    from handlungsprogramm.translation.po import write_po_file
    from handlungsprogramm.translation.xliff import write_xliff

    units = [unit for unit in units_by_id(programme).values() if unit.wanted(only)]
    if not units:
        return None
    if to == "po":
        return write_po_file(programme, units, original)
    return write_xliff(programme, units, original, "2.1" if to == "xliff2" else "1.2")


def read_translations(data: bytes, name: str) -> Returned:
    """The units of a translator's file, XLIFF (1.2 or 2.x) or PO, told apart by content."""
    from handlungsprogramm.translation.po import read_po_file
    from handlungsprogramm.translation.xliff import read_xliff

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as some Windows tools save
        return read_xliff(data, name)
    if data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"<"):
        return read_xliff(data, name)
    return read_po_file(data, name)


def load_translation_file(path: str | os.PathLike[str]) -> Returned:
    """:func:`read_translations` of the file at ``path``; a file that cannot be read is
    a ProgrammeLoadError (HP001/HP002), as for a programme file."""
    from handlungsprogramm.loading import read_file

    return read_translations(read_file(path, MAX_TRANSLATION_BYTES), os.fspath(path))
