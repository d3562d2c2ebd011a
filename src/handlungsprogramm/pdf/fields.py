"""Empty signature fields over the signature boxes of the signature page.

The Word document marks each box with a bookmark; LibreOffice exports bookmarks as
named destinations (page and top-left point). The box size comes from
``render.geometry``. The fields are added in one incremental update, after every other
change to the PDF, so nothing invalidates them later.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import SigFieldSpec, append_signature_field
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from handlungsprogramm.errors import PdfError
from handlungsprogramm.model import Programme, Side
from handlungsprogramm.naming import slugify
from handlungsprogramm.render.geometry import (
    SIGNATURE_BOX_HEIGHT_CM,
    SIGNATURE_GAP_CM,
    bookmark_name,
    signature_column_cm,
    signature_columns,
)

__all__ = [
    "SignatureBox",
    "add_signature_fields",
    "field_name",
    "incremental_writer",
    "signature_boxes",
]

_PT_PER_CM = 72 / 2.54


@dataclass(frozen=True, slots=True)
class SignatureBox:
    """Where one signature field goes: page index and rectangle in PDF points."""

    side: Side
    name: str
    page: int
    box: tuple[int, int, int, int]


def field_name(programme: Programme, side: Side, index: int = 0) -> str:
    """``sig-<municipality slug>``, e.g. ``sig-pfinztal``, ``sig-commune-de-kidira``; a
    side's further signatories get ``-2``, ``-3`` (``sig-pfinztal-2``)."""
    slug = slugify(programme.partnership.municipality(side).name, side.value)
    return f"sig-{slug}" + (f"-{index + 1}" if index else "")


def signature_boxes(pdf: bytes, programme: Programme) -> list[SignatureBox]:
    """Find both signature boxes from the named destinations of the converted PDF."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        destinations = reader.named_destinations
    except (PdfReadError, ValueError, KeyError) as exc:
        raise PdfError("HP806", detail=str(exc)) from None
    boxes: list[SignatureBox] = []
    columns = signature_columns(*(len(programme.signatories_of(side)) for side in Side))
    width = (signature_column_cm(columns) - SIGNATURE_GAP_CM) * _PT_PER_CM
    height = SIGNATURE_BOX_HEIGHT_CM * _PT_PER_CM
    for side in Side:
        for index in range(max(1, len(programme.signatories_of(side)))):
            name = bookmark_name(side, index)
            dest = destinations.get(f"/{name}") or destinations.get(name)
            if dest is None or dest.left is None or dest.top is None:
                raise PdfError("HP807", town=programme.partnership.municipality(side).name)
            page = reader.get_destination_page_number(dest)
            if page is None:
                raise PdfError("HP808", name=name)
            # whole points: pyHanko's field boxes are integers; 1 pt is 0.35 mm
            left, top = round(float(dest.left)), round(float(dest.top))
            box = (left, round(top - height), round(left + width), top)
            boxes.append(SignatureBox(side, field_name(programme, side, index), page, box))
    return boxes


def incremental_writer(pdf: bytes) -> IncrementalPdfFileWriter:
    """An incremental writer that leaves the document metadata exactly as it is.

    pyHanko normally rewrites the Info dictionary and the XMP packet on every update;
    it would make them disagree (Producer) and double-escape apostrophes in the XMP
    title, which breaks PDF/A. LibreOffice already wrote both consistently, so the
    metadata step is switched off for our updates.
    """
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    writer._update_meta = lambda: None  # type: ignore[method-assign]
    return writer


def add_signature_fields(pdf: bytes, programme: Programme) -> bytes:
    """Return ``pdf`` with an empty signature field per signatory (at least one per
    municipality)."""
    boxes = signature_boxes(pdf, programme)
    writer = incremental_writer(pdf)
    for box in boxes:
        append_signature_field(
            writer,
            SigFieldSpec(sig_field_name=box.name, on_page=box.page, box=box.box),
        )
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()
