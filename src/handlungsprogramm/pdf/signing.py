"""Sign a signature field with pyHanko — only a file that verifies, only with a usable key.

Each signature is an incremental update: the bytes signed before stay untouched, so the
first mayor's signature stays valid after the second one signs. Before signing, the
existing signatures must verify by the rule of :mod:`.verification` (the second mayor
must not sign a file changed after the first signature), and the certificate must be
one that ``verify`` accepts for a signature: key usage non-repudiation, no weak
algorithm or key. The new signature is checked by the same verification before the
file is handed back, so ``sign`` never writes what ``verify`` would reject.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.timestamps.requests_client import HTTPTimeStamper
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator.errors import InvalidCertificateError

from handlungsprogramm.errors import PdfError, SigningError
from handlungsprogramm.options import DRAFT_KEYWORD, Level
from handlungsprogramm.pdf.appearance import stamp_parameters, stamp_style
from handlungsprogramm.pdf.fields import incremental_writer
from handlungsprogramm.pdf.keys import Pkcs11Key, open_signer
from handlungsprogramm.pdf.longterm import add_validation_data
from handlungsprogramm.pdf.reading import READ_ERRORS, quiet_pyhanko, read_pdf, signature_field_list
from handlungsprogramm.pdf.verification import (
    FieldReport,
    trusted_roots,
    verify_pdf,
    verify_reader,
)

__all__ = [
    "FieldReport",
    "Level",
    "Pkcs11Key",
    "has_signatures",
    "is_draft",
    "sign_pdf",
    "signature_fields",
    "verify_pdf",
]

_SIGN_ERRORS: tuple[type[Exception], ...] = (HankoSigningError, *READ_ERRORS)

# the key usages pyHanko's validation demands of a signer (non-repudiation)
_KEY_USAGE = KeyUsageConstraints(
    key_usage=PdfSignatureStatus.key_usage, extd_key_usage=PdfSignatureStatus.extd_key_usage
)


def signature_fields(pdf: bytes) -> dict[str, bool]:
    """Every signature field of ``pdf`` and whether it is signed."""
    return {name: value is not None for name, value, _ in signature_field_list(read_pdf(pdf))}


def has_signatures(pdf: bytes) -> bool:
    """Whether ``pdf`` carries, or may carry, a signature (such a file is not overwritten).

    A file that cannot be read is judged by its bytes: a signature dictionary always has
    a ``/ByteRange``. pyHanko cannot read a signed file with junk after its last
    ``%%EOF``, yet poppler still shows both signatures valid — that file must be kept.
    """
    try:
        return any(signature_fields(pdf).values()) or b"/ByteRange" in pdf
    except PdfError:
        return b"/ByteRange" in pdf


def sign_pdf(
    pdf: bytes,
    *,
    field: str,
    pkcs12: str | os.PathLike[str] | bytes | None = None,
    passphrase: bytes | None = None,
    pkcs11: Pkcs11Key | None = None,
    level: Level | str = Level.B_B,
    timestamp_url: str | None = None,
    trust: Sequence[str | os.PathLike[str] | bytes] = (),
    allow_draft: bool = False,
) -> bytes:
    """Sign the empty field ``field``; return the new PDF.

    The key is in a PKCS#12 file (``pkcs12``: its path or its bytes, with
    ``passphrase``) or on a smart card or token (``pkcs11``). ``level`` B-T and above
    take a time stamp from ``timestamp_url`` (RFC 3161); B-LT and B-LTA embed the
    validation data, fetched from the certificates' CRL and OCSP addresses, for a chain
    that ends in one of the certificates of ``trust`` (or a root that came with the
    key). A draft (keyword ``Entwurf``, which ``build`` gives a draft) is refused unless
    ``allow_draft``."""
    level = Level(level)
    if level is not Level.B_B and not timestamp_url:
        raise SigningError("HP849", level=level.value)
    reader = read_pdf(pdf)
    if not allow_draft and is_draft(reader):
        raise SigningError("HP842")
    reports = verify_reader(pdf, reader, roots=())
    _check_field(reports, field)
    roots = trusted_roots(trust)
    with open_signer(pkcs12=pkcs12, passphrase=passphrase, pkcs11=pkcs11) as signer:
        cert = signer.signing_cert
        _check_certificate(cert)
        chain = roots + [c for c in signer.cert_registry if c.subject == c.issuer]
        signed = _sign(pdf, field, signer, level, timestamp_url, chain or [cert])
        _check_result(signed, field, chain or [cert])
    return signed


def _check_field(reports: list[FieldReport], field: str) -> None:
    """The field exists and is empty, and every signature already made verifies."""
    names = [report.field for report in reports]
    if field not in names:
        known = (", ".join(names), ", ".join(names)) if names else ("none", "keine")
        raise SigningError("HP830", field=field, known=known)
    for report in reports:
        if report.field == field and report.signed:
            raise SigningError("HP831", field=field)
        if report.signed and not report.ok:
            reason = report.findings[0] if report.findings else ("not valid", "nicht gültig")
            raise SigningError("HP832", field=report.field, reason=reason)


def _sign(
    pdf: bytes,
    field: str,
    signer: signers.Signer,
    level: Level,
    timestamp_url: str | None,
    roots: list[asn1_x509.Certificate],
) -> bytes:
    """The signature at ``level`` with its appearance; for B-LT and B-LTA then the
    validation data (and the document time stamp), each an incremental update."""
    meta = signers.PdfSignatureMetadata(
        field_name=field, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES
    )
    stamper = (
        HTTPTimeStamper(timestamp_url)  # type: ignore[no-untyped-call]
        if timestamp_url and level is not Level.B_B
        else None
    )
    cert = signer.signing_cert
    name = "" if cert is None else cert.subject.native.get("common_name", "")
    params = stamp_parameters(str(name), dt.datetime.now(dt.UTC))
    pdf_signer = signers.PdfSigner(meta, signer, timestamper=stamper, stamp_style=stamp_style())
    try:
        with quiet_pyhanko():
            out = pdf_signer.sign_pdf(
                incremental_writer(pdf), existing_fields_only=True, appearance_text_params=params
            )
    except TimestampRequestError as exc:
        raise SigningError("HP860", url=timestamp_url, detail=str(exc)) from None
    except _SIGN_ERRORS as exc:
        raise SigningError("HP833", detail=str(exc)) from None
    except Exception as exc:  # a card's own refusal mid-signature (python-pkcs11's errors)
        if type(exc).__module__.split(".")[0] != "pkcs11":
            raise
        raise SigningError("HP833", detail=f"{type(exc).__name__} {exc}".strip()) from None
    signed: bytes = out.getvalue()
    if level in (Level.B_LT, Level.B_LTA):
        archive = stamper if level is Level.B_LTA else None
        signed = add_validation_data(signed, field, roots, archive, timestamp_url)
    return signed


def is_draft(reader: PdfFileReader) -> bool:
    """Whether the PDF is a draft: ``build`` puts the keyword ``Entwurf`` first in a
    draft's keywords (PDF Info and XMP alike), beside ``ENTWURF`` on every page."""
    info = reader.trailer_view.get("/Info")
    info = info.get_object() if info is not None else None
    keywords = str(info.get("/Keywords", "")) if isinstance(info, dict) else ""
    return DRAFT_KEYWORD in (word.strip() for word in keywords.split(","))


def _check_certificate(cert: asn1_x509.Certificate) -> None:
    """Refuse what verify would refuse, before anything is signed."""
    now = dt.datetime.now(dt.UTC)
    validity = cert["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    if now > not_after:
        raise SigningError("HP835", date=(f"{not_after:%Y-%m-%d}", f"{not_after:%d.%m.%Y}"))
    if now < not_before:
        raise SigningError("HP836", date=(f"{not_before:%Y-%m-%d}", f"{not_before:%d.%m.%Y}"))
    try:
        _KEY_USAGE.validate(cert)
    except InvalidCertificateError as exc:
        raise SigningError("HP837", detail=str(exc)) from None


def _check_result(signed: bytes, field: str, chain: list[asn1_x509.Certificate]) -> None:
    """Verify the new signature as ``verify`` will, trusting the signer's own root.

    Trust in the root is the verifier's decision; everything else — a weak key or
    algorithm, a certificate not meant for signatures, a change our rule rejects — is
    known now, and the file is not written.
    """
    reports = verify_reader(signed, read_pdf(signed), chain)
    for other in reports:
        if other.signed and not other.ok:
            reason = other.findings[0] if other.findings else ("not valid", "nicht gültig")
            raise SigningError("HP838", field=other.field, reason=reason)
    report = next(r for r in reports if r.field == field)
    problem = None if report.trusted else report.trust_problem
    if problem is not None and not problem[0].startswith("no chain"):
        raise SigningError("HP839", reason=problem)
