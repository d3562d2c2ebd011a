"""Throw-away certificates for signing tests: generated on the fly, never committed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def make_identity(
    folder: Path,
    name: str,
    passphrase: bytes,
    *,
    days: int = 30,
    expired: bool = False,
    signing_usage: bool = True,
) -> tuple[Path, Path]:
    """Write ``<name>.p12`` (key + self-signed certificate) and ``<name>.pem``; return both."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "handlungsprogramm tests"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    start, end = (
        (now - dt.timedelta(days=60), now - dt.timedelta(days=1))
        if expired
        else (
            now - dt.timedelta(minutes=5),
            now + dt.timedelta(days=days),
        )
    )
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
    p12 = folder / f"{name}.p12"
    pem = folder / f"{name}.pem"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            name.encode(), key, cert, None, serialization.BestAvailableEncryption(passphrase)
        )
    )
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return p12, pem
