"""Which PAdES level a signature reaches, read from the file as a verifier finds it.

``B-T`` needs a valid signature time stamp; ``B-LT`` also the validation data of this
very signature in the document security store (its ``/VRI`` entry with OCSP answers or
CRLs, keyed by the SHA-1 of the signature's contents: of its bytes, as PAdES and Acrobat
have it, or of their hexadecimal text, as pyHanko writes it); ``B-LTA`` also a valid
document time stamp in a later revision. What ``sign --level`` promised is thus
checked by ``verify`` rather than believed.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis.rules.form_field_rules import is_field_visible

from handlungsprogramm.pdf.reading import READ_ERRORS
from handlungsprogramm.pdf.signature_state import Judged

__all__ = ["has_validation_data", "is_document_timestamp", "judge_levels", "level_of"]


def has_validation_data(reader: PdfFileReader, contents: bytes) -> bool:
    """Whether the DSS holds revocation data for the signature with ``contents``."""
    try:
        dss: Any = reader.root.get("/DSS")
        vri: Any = dss.get_object().get("/VRI") if dss is not None else None
        if vri is None:
            return False
        table = vri.get_object()
        for key in (contents, contents.hex().encode("ascii")):
            entry = table.get("/" + hashlib.sha1(key).hexdigest().upper())  # noqa: S324 - the key PAdES defines
            entry = entry.get_object() if entry is not None else None
            if entry is not None and any(len(entry.get(k, ())) for k in ("/OCSP", "/CRL")):
                return True
        return False
    except READ_ERRORS:
        return False


def level_of(*, timestamped: bool, validation_data: bool, archived: bool) -> str:
    """The PAdES baseline level these facts add up to."""
    if not timestamped:
        return "B-B"
    if not validation_data:
        return "B-T"
    return "B-LTA" if archived else "B-LT"


def is_document_timestamp(sig: Judged) -> bool:
    """An invisible document time stamp may be added after the signatures (PAdES B-LTA)."""
    embedded = sig.embedded
    if embedded is None or embedded.sig_object_type != "/DocTimeStamp":
        return False
    try:
        return not is_field_visible(embedded.sig_field)  # type: ignore[no-untyped-call]
    except READ_ERRORS:
        return False


def judge_levels(reader: PdfFileReader, signatures: list[Judged]) -> None:
    """Each signature's PAdES level; a broken document time stamp is every signature's
    finding, as a change after them would be."""
    stamps = [sig for sig in signatures if is_document_timestamp(sig)]
    for stamp in stamps:
        for sig in signatures:
            if sig is not stamp:
                sig.findings.extend(stamp.findings)
    for sig in signatures:
        if sig.embedded is None or sig in stamps:
            continue
        data = has_validation_data(reader, sig.embedded.pkcs7_content)
        archived = any(s.timestamped and s.revision > sig.revision for s in stamps)
        level = level_of(timestamped=sig.timestamped, validation_data=data, archived=archived)
        sig.report = replace(sig.report, level=level, validation_data=data)
