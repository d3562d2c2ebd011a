"""Trust: the certificates a verifier is told to trust, and why a signer is not trusted,
in words (pyHanko's indications in English and German).

Apart from the verification logic, which only passes the indication and pyHanko's
logged reason on; ``sign`` reads its ``--trust`` certificates here too.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data

from handlungsprogramm.errors import PdfError
from handlungsprogramm.input_files import read_material, read_reason
from handlungsprogramm.pdf.reading import READ_ERRORS

_MAX_CERTIFICATE_BYTES = 1024 * 1024
"""A certificate file is a few KB; a MiB leaves room for a PEM bundle."""

Message = tuple[str, str]
"""A finding in English and German."""

_TRUST_WORDS: dict[str, Message] = {
    "CHAIN_CONSTRAINTS_FAILURE": (
        "the certificate's key usage does not allow signing documents"
        " (non-repudiation is required)",
        "die Schlüsselverwendung des Zertifikats erlaubt keine Dokumentsignatur"
        " (Nichtabstreitbarkeit ist erforderlich)",
    ),
    "CRYPTO_CONSTRAINTS_FAILURE": (
        "a weak algorithm or key",
        "ein schwacher Algorithmus oder Schlüssel",
    ),
    "CRYPTO_CONSTRAINTS_FAILURE_NO_POE": (
        "a weak algorithm or key",
        "ein schwacher Algorithmus oder Schlüssel",
    ),
    "NO_CERTIFICATE_CHAIN_FOUND": (
        "no chain to a trusted certificate",
        "keine Kette zu einem vertrauenswürdigen Zertifikat",
    ),
    "OUT_OF_BOUNDS_NO_POE": (
        "the certificate is expired or not yet valid",
        "das Zertifikat ist abgelaufen oder noch nicht gültig",
    ),
    "REVOKED_NO_POE": ("the certificate is revoked", "das Zertifikat ist gesperrt"),
    "REVOKED_CA_NO_POE": (
        "a certificate of the chain is revoked",
        "ein Zertifikat der Kette ist gesperrt",
    ),
}


def _trust_problem(indication: object, log: list[str]) -> Message:
    """Why a signer is not trusted, with pyHanko's own reason where it gave one."""
    name = getattr(indication, "name", str(indication))
    en, de = _TRUST_WORDS.get(name, (f"not trusted ({name})", f"nicht vertrauenswürdig ({name})"))
    if log and name != "NO_CERTIFICATE_CHAIN_FOUND":
        detail = log[-1]
        return f"{en}: {detail}", f"{de}: {detail}"
    return en, de


def trusted_roots(trust: Sequence[str | os.PathLike[str] | bytes]) -> list[asn1_x509.Certificate]:
    """The certificates of ``trust``, each a file's path or its bytes (PEM or DER, one
    certificate each); HP801 or HP840 when one cannot be read."""
    roots = []
    for entry in trust:
        reason: object
        path = "<bytes>" if isinstance(entry, bytes) else Path(entry)
        try:
            data = read_material(entry, _MAX_CERTIFICATE_BYTES)
        except OSError as exc:  # only a path fails to be read
            raise PdfError("HP801", path=str(path), reason=read_reason(exc)) from None
        try:
            certificates = list(load_certs_from_pemder_data(data))
        except READ_ERRORS as exc:
            certificates, reason = [], str(exc)
        else:
            count = len(certificates)
            reason = (
                f"{count} certificates in the file, not one",
                f"{count} Zertifikate in der Datei, nicht eines",
            )
        if len(certificates) != 1:
            raise PdfError("HP840", path=str(path), reason=reason)
        roots.append(certificates[0])
    return roots
