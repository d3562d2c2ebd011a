"""Why a signer is not trusted, in words: pyHanko's indications in English and German.

A table of wording, apart from the verification logic that only passes the
indication and pyHanko's logged reason on.
"""

from __future__ import annotations

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
