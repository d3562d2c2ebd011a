"""Throw-away signing identities for demonstrations and tests — never for real signatures.

A joint programme is signed with each mayor's certificate from a national trust
service. To try the workflow (``examples/scripts/sign_demo.py``) or to test it, a
self-signed identity is enough: this module makes one on the fly, so no private key is
ever committed. The certificates say "demo" in their organisation name and expire after
``days`` days.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

__all__ = ["DemoIdentity", "make_demo_identity"]

ORGANISATION = "handlungsprogramm demo - not for real signatures"


@dataclass(frozen=True)
class DemoIdentity:
    """Where a demo identity was written: the PKCS#12 bundle and the certificate alone."""

    pkcs12: Path
    certificate: Path


def make_demo_identity(
    folder: str | os.PathLike[str],
    name: str,
    passphrase: bytes,
    *,
    days: int = 30,
    expired: bool = False,
    signing_usage: bool = True,
) -> DemoIdentity:
    """Write ``<name>.p12`` (key + self-signed certificate) and ``<name>.pem`` into ``folder``.

    ``expired`` and ``signing_usage=False`` make the faulty certificates that the
    signing step must refuse with a clear message (used by the tests).
    """
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    if expired:
        start, end = now - dt.timedelta(days=60), now - dt.timedelta(days=1)
    else:
        start, end = now - dt.timedelta(minutes=5), now + dt.timedelta(days=days)
    usage = x509.KeyUsage(
        digital_signature=signing_usage, content_commitment=signing_usage,
        key_encipherment=not signing_usage, data_encipherment=False, key_agreement=False,
        key_cert_sign=True, crl_sign=False, encipher_only=False, decipher_only=False,
    )  # fmt: skip
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)
    p12, pem = Path(folder) / f"{stem}.p12", Path(folder) / f"{stem}.pem"
    encryption = serialization.BestAvailableEncryption(passphrase)
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(name.encode(), key, cert, None, encryption)
    )
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return DemoIdentity(p12, pem)
