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

from asn1crypto import x509 as asn1_x509
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator.errors import InvalidCertificateError

from handlungsprogramm.errors import PdfError, SigningError
from handlungsprogramm.input_files import read_material, read_reason
from handlungsprogramm.pdf.fields import incremental_writer
from handlungsprogramm.pdf.reading import READ_ERRORS, quiet_pyhanko, read_pdf, signature_field_list
from handlungsprogramm.pdf.verification import FieldReport, verify_pdf, verify_reader

__all__ = ["FieldReport", "has_signatures", "sign_pdf", "signature_fields", "verify_pdf"]

_MAX_PKCS12_BYTES = 1024 * 1024
"""A PKCS#12 file holds a key and a few certificates: some KB."""

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
    pdf: bytes, *, field: str, pkcs12: str | os.PathLike[str] | bytes, passphrase: bytes
) -> bytes:
    """Sign the empty field ``field`` with the key in ``pkcs12``; return the new PDF.

    ``pkcs12`` is the PKCS#12 file's path (``str`` or ``Path``) or its bytes, for a host
    that keeps key material in a vault rather than a file."""
    reader = read_pdf(pdf)
    reports = verify_reader(pdf, reader, roots=())
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
    signer = _load_signer(pkcs12, passphrase)
    _check_certificate(signer.signing_cert)
    writer = incremental_writer(pdf)
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256")
    try:
        with quiet_pyhanko():
            out = signers.sign_pdf(writer, meta, signer=signer, existing_fields_only=True)
    except _SIGN_ERRORS as exc:
        raise SigningError("HP833", detail=str(exc)) from None
    signed: bytes = out.getvalue()
    _check_result(signed, field, signer)
    return signed


def _load_signer(pkcs12: str | os.PathLike[str] | bytes, passphrase: bytes) -> signers.SimpleSigner:
    """The key and certificates of a PKCS#12 file (read as a regular file to a limit) or
    of its bytes."""
    try:
        data = read_material(pkcs12, _MAX_PKCS12_BYTES)
    except OSError as exc:  # only a path fails to be read
        raise SigningError("HP801", path=str(pkcs12), reason=read_reason(exc)) from None
    with quiet_pyhanko():
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(data, (), passphrase=passphrase)
        except (ValueError, TypeError):
            signer = None
    if signer is None:
        name = (
            ("the PKCS#12 data", "die PKCS#12-Daten") if isinstance(pkcs12, bytes) else str(pkcs12)
        )
        raise SigningError("HP834", name=name)
    return signer  # type: ignore[no-any-return]


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


def _check_result(signed: bytes, field: str, signer: signers.SimpleSigner) -> None:
    """Verify the new signature as ``verify`` will, trusting the signer's own root.

    Trust in the root is the verifier's decision; everything else — a weak key or
    algorithm, a certificate not meant for signatures, a change our rule rejects — is
    known now, and the file is not written.
    """
    cert = signer.signing_cert
    chain = [c for c in signer.cert_registry if c.subject == c.issuer] or [cert]
    reports = verify_reader(signed, read_pdf(signed), chain)
    for other in reports:
        if other.signed and not other.ok:
            reason = other.findings[0] if other.findings else ("not valid", "nicht gültig")
            raise SigningError("HP838", field=other.field, reason=reason)
    report = next(r for r in reports if r.field == field)
    problem = None if report.trusted else report.trust_problem
    if problem is not None and not problem[0].startswith("no chain"):
        raise SigningError("HP839", reason=problem)
