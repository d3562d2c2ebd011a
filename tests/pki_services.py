"""A throw-away PKI with live services on 127.0.0.1: time stamps, OCSP and CRLs.

Long-term validation (PAdES B-LT, B-LTA) embeds the revocation data of every
certificate in the chain, and B-T needs an RFC 3161 time stamp; the tests fetch both
over HTTP from a local server, never from outside. Certomancer (a test dependency)
issues the certificates from a configuration written here, with fresh keys and a
validity around today, and its WSGI application answers the time-stamp, OCSP and CRL
requests; werkzeug serves it in a thread for as long as the test session runs.

Nothing here is committed: keys and certificates are made in a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import CertomancerConfig, ServiceLabel
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from werkzeug.serving import make_server

__all__ = ["LiveAuthority", "live_authority"]

_SIGNERS = ("mayor-de", "mayor-partner")


@dataclass(frozen=True)
class LiveAuthority:
    """The root to trust, the signers' keys and certificates, and the services' URLs."""

    folder: Path
    root_pem: Path
    timestamp_url: str
    passphrase: bytes

    def p12(self, signer: str) -> Path:
        """The signer's key, certificate and root as a PKCS#12 file."""
        return self.folder / f"{signer}.p12"

    def key_pem(self, signer: str) -> Path:
        """The signer's private key (PKCS#8 PEM), to import into a token."""
        return self.folder / f"{signer}.key.pem"

    def cert_der(self, signer: str) -> Path:
        """The signer's certificate (DER), to store on a token beside its key."""
        return self.folder / f"{signer}.crt"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _config(prefix: str) -> str:
    now = dt.datetime.now(dt.UTC)
    since = (now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    until = (now + dt.timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    validity = f'validity: {{valid-from: "{since}", valid-to: "{until}"}}'
    revocation = (
        "          - id: crl_distribution_points\n"
        "            smart-value: {schema: crl-dist-url, params: {crl-repo-names: [root]}}\n"
        "          - id: authority_information_access\n"
        "            smart-value: {schema: aia-urls, params: {ocsp-responder-names: [root]}}\n"
    )
    signers = "".join(
        f"      {name}:\n"
        f"        issuer: root\n"
        f"        {validity}\n"
        "        extensions:\n"
        "          - id: key_usage\n"
        "            critical: true\n"
        "            smart-value: {schema: key-usage, params: [digital_signature, non_repudiation]}\n"
        + revocation
        for name in _SIGNERS
    )
    keys = "".join(
        f"      {n}: {{path: {n}.key.pem}}\n" for n in ("root", "tsa", "ocsp", *_SIGNERS)
    )
    entities = "".join(f"      {n}: {{common-name: {n}}}\n" for n in ("ocsp", "tsa", *_SIGNERS))
    return f"""
external-url-prefix: "{prefix}"
keysets:
  test:
    keys:
{keys}
pki-architectures:
  test:
    keyset: test
    entity-defaults: {{country-name: DE, organization-name: handlungsprogramm test PKI}}
    entities:
      root: {{common-name: test root}}
{entities}
    certs:
      root:
        subject: root
        issuer: root
        {validity}
        extensions:
          - id: basic_constraints
            critical: true
            value: {{ca: true}}
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, key_cert_sign, crl_sign]}}
      ocsp:
        issuer: root
        {validity}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature]}}
          - id: extended_key_usage
            critical: true
            value: [ocsp_signing]
          - id: ocsp_no_check
      tsa:
        issuer: root
        {validity}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature]}}
          - id: extended_key_usage
            critical: true
            value: [time_stamping]
{revocation}{signers}
    services:
      ocsp:
        root: {{for-issuer: root, responder-cert: ocsp, signing-key: ocsp}}
      crl-repo:
        root: {{for-issuer: root, signing-key: root, simulated-update-schedule: "P30D"}}
      time-stamping:
        tsa: {{signing-key: tsa, signing-cert: tsa}}
"""


def live_authority(
    folder: Path, passphrase: bytes = b"test"
) -> Generator[LiveAuthority, None, None]:
    """Make the PKI in ``folder``, serve it on 127.0.0.1, yield it; stop the server after.

    For a session-scoped fixture: ``yield from live_authority(tmp)``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    keys: dict[str, ec.EllipticCurvePrivateKey] = {}
    for name in ("root", "tsa", "ocsp", *_SIGNERS):
        keys[name] = ec.generate_private_key(ec.SECP256R1())
        pem = keys[name].private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        (folder / f"{name}.key.pem").write_bytes(pem)
    port = _free_port()
    prefix = f"http://127.0.0.1:{port}"
    config = CertomancerConfig.from_yaml(_config(prefix), key_search_dir=str(folder))
    arch = config.get_pki_arch("test")  # type: ignore[arg-type]
    root = x509.load_der_x509_certificate(arch.get_cert("root").dump())  # type: ignore[arg-type]
    root_pem = folder / "root.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    for name in _SIGNERS:
        cert = x509.load_der_x509_certificate(arch.get_cert(name).dump())  # type: ignore[arg-type]
        (folder / f"{name}.crt").write_bytes(cert.public_bytes(serialization.Encoding.DER))
        bundle = pkcs12.serialize_key_and_certificates(
            name.encode(), keys[name], cert, [root],
            serialization.BestAvailableEncryption(passphrase),
        )  # fmt: skip
        (folder / f"{name}.p12").write_bytes(bundle)
    app = Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False)
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveAuthority(
            folder,
            root_pem,
            arch.service_registry.get_tsa_info(ServiceLabel("tsa")).url,
            passphrase,
        )
    finally:
        server.shutdown()
        thread.join(timeout=10)
