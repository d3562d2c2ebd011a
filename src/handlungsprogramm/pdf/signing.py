"""Sign a signature field and verify every field, with pyHanko.

Each signature is an incremental update: the bytes signed before stay untouched, so the
first mayor's signature stays valid after the second one signs. Verification reports,
per field, whether it is signed, intact, valid, trusted, whether later changes are only
permitted ones (filling the other field), and whether it covers the whole file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.misc import PdfReadError as HankoReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from handlungsprogramm.errors import PdfError, SigningError
from handlungsprogramm.pdf.fields import incremental_writer

__all__ = ["FieldReport", "has_signatures", "sign_pdf", "signature_fields", "verify_pdf"]

_PERMITTED = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}


def _reader(pdf: bytes) -> PdfFileReader:
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except (HankoReadError, ValueError, KeyError) as exc:
        raise PdfError(f"not a readable PDF: {exc}") from None


def signature_fields(pdf: bytes) -> dict[str, bool]:
    """Every signature field of ``pdf`` and whether it is signed."""
    reader = _reader(pdf)
    return {name: value is not None for name, value, _ in enumerate_sig_fields(reader)}


def has_signatures(pdf: bytes) -> bool:
    """Whether any field of ``pdf`` is signed (such a file must not be overwritten)."""
    try:
        return any(signature_fields(pdf).values())
    except PdfError:
        return False


def sign_pdf(pdf: bytes, *, field: str, pkcs12: Path, passphrase: bytes) -> bytes:
    """Sign the empty field ``field`` with the key in ``pkcs12``; return the new PDF."""
    fields = signature_fields(pdf)
    if field not in fields:
        known = ", ".join(fields) or "none"
        raise SigningError(f"the PDF has no signature field '{field}' (fields: {known})")
    if fields[field]:
        raise SigningError(f"the field '{field}' is already signed; sign the other field")
    if not pkcs12.is_file():
        raise SigningError(f"cannot read {pkcs12}: no such file")
    # pyHanko logs and returns None for a wrong passphrase; keep its log quiet, we say it.
    with _quiet_pyhanko():
        try:
            signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
                str(pkcs12), passphrase=passphrase
            )
        except (ValueError, TypeError):
            signer = None
    if signer is None:
        raise SigningError(
            f"cannot open {pkcs12}: wrong passphrase, or not a PKCS#12 file with a key"
        )
    _check_certificate(signer.signing_cert)
    writer = incremental_writer(pdf)
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256")
    try:
        out = signers.sign_pdf(writer, meta, signer=signer, existing_fields_only=True)
    except HankoSigningError as exc:
        raise SigningError(f"signing failed: {exc}") from None
    return out.getvalue()  # type: ignore[no-any-return]


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs whole tracebacks for conditions we report ourselves (untrusted signer)."""
    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _check_certificate(cert: asn1_x509.Certificate) -> None:
    now = dt.datetime.now(dt.UTC)
    validity = cert["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    if now > not_after:
        raise SigningError(f"the certificate expired on {not_after:%Y-%m-%d}")
    if now < not_before:
        raise SigningError(f"the certificate is valid only from {not_before:%Y-%m-%d}")
    usage = cert.key_usage_value
    if usage is not None and not ({"digital_signature", "non_repudiation"} & set(usage.native)):
        raise SigningError("the certificate may not be used for signatures (key usage)")


@dataclass(frozen=True, slots=True)
class FieldReport:
    """The state of one signature field."""

    field: str
    signed: bool
    signer: str = ""
    signing_time: dt.datetime | None = None
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    changes_permitted: bool = False
    covers_whole_file: bool = False

    @property
    def ok(self) -> bool:
        """Signed, intact, valid, and any later change is a permitted one."""
        return self.signed and self.intact and self.valid and self.changes_permitted


def verify_pdf(pdf: bytes, *, trust: Sequence[Path] = ()) -> list[FieldReport]:
    """Report on every signature field, signed or not."""
    reader = _reader(pdf)
    roots = []
    for path in trust:
        try:
            roots.append(load_cert_from_pemder(str(path)))  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as exc:
            raise PdfError(f"cannot read the trusted certificate {path}: {exc}") from None
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    signed = {sig.field_name: sig for sig in reader.embedded_signatures}
    reports: list[FieldReport] = []
    for name, value, _ in enumerate_sig_fields(reader):
        if value is None or name not in signed:
            reports.append(FieldReport(name, signed=False))
            continue
        try:
            with _quiet_pyhanko():
                status = validate_pdf_signature(signed[name], context)
        except (HankoReadError, ValueError, KeyError) as exc:
            raise PdfError(f"the signature in '{name}' cannot be read: {exc}") from None
        cert = status.signing_cert
        reports.append(
            FieldReport(
                field=name,
                signed=True,
                signer=cert.subject.human_friendly if cert is not None else "",
                signing_time=status.signer_reported_dt,
                intact=status.intact,
                valid=status.valid,
                trusted=status.trusted,
                changes_permitted=status.modification_level in _PERMITTED
                and status.docmdp_ok is not False,
                covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
            )
        )
    return reports
