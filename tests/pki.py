"""A throw-away certificate authority for signature tests: never for real signatures.

Tests make their own root, issue signer certificates under it (good ones and the kinds
a verifier must refuse), and write PKCS#12 bundles; nothing here is ever committed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "handlungsprogramm test PKI"),
        ]
    )


def _usage(*, signing: bool, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing, content_commitment=signing, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip


@dataclass(frozen=True)
class Authority:
    """A root certificate and its key; ``pem`` is the file a verifier is told to trust."""

    key: PrivateKey
    certificate: x509.Certificate
    pem: Path

    def issue(
        self,
        folder: Path,
        name: str,
        passphrase: bytes,
        *,
        key_usage: bool = True,
        server_auth_only: bool = False,
        weak: bool = False,
    ) -> Path:
        """A signer certificate under this root, as ``<name>.p12`` (key, certificate, root).

        ``key_usage=False`` leaves the key usage extension out; ``server_auth_only``
        gives a TLS server certificate; ``weak`` an RSA-1024 key certified with SHA-1.
        """
        key: PrivateKey = (
            rsa.generate_private_key(65537, 1024)  # noqa: S505 - the weak key to refuse
            if weak
            else ec.generate_private_key(ec.SECP256R1())
        )
        now = dt.datetime.now(dt.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(name))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        )
        if server_auth_only:
            builder = builder.add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=False, key_encipherment=True,
                    data_encipherment=False, key_agreement=False, key_cert_sign=False,
                    crl_sign=False, encipher_only=False, decipher_only=False,
                ),
                critical=True,
            ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)  # fmt: skip
        elif key_usage:
            builder = builder.add_extension(_usage(signing=True, ca=False), critical=True)
        cert = builder.sign(self.key, hashes.SHA256())
        if weak:
            cert = _resign_with_sha1(cert, self.key)
        stem = "".join(c if c.isalnum() else "-" for c in name)
        path = folder / f"{stem}.p12"
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                name.encode(), key, cert, [self.certificate],
                serialization.BestAvailableEncryption(passphrase),
            )
        )  # fmt: skip
        return path


def _resign_with_sha1(cert: x509.Certificate, key: PrivateKey) -> x509.Certificate:
    """The same certificate signed with SHA-1, which ``cryptography`` no longer writes."""
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    parsed = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    tbs = parsed["tbs_certificate"]
    tbs["signature"] = {"algorithm": "sha1_ecdsa"}
    signature = key.sign(tbs.dump(force=True), ec.ECDSA(hashes.SHA1()))  # noqa: S303 - the weak hash to refuse
    resigned = asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": "sha1_ecdsa"},
            "signature_value": signature,
        }
    )
    return x509.load_der_x509_certificate(resigned.dump())


def make_authority(folder: Path, name: str = "Test Root CA") -> Authority:
    """A self-signed root, valid for a month, written as ``<name>.pem``."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(_name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(signing=False, ca=True), critical=True)
        .sign(key, hashes.SHA256())
    )
    stem = "".join(c if c.isalnum() else "-" for c in name)
    pem = folder / f"{stem}.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Authority(key, cert, pem)
