"""Where a signing key comes from: a PKCS#12 file, or a smart card or token (PKCS#11).

A German mayor signs with a qualified signature card in a reader, a partner
municipality often with a token of its national trust service; both are reached
through the PKCS#11 module their vendor ships. The key never leaves the card: pyHanko
asks the card to sign the digest. A PKCS#12 file (``.p12``/``.pfx``) is read into
memory instead. Either way :func:`open_signer` yields a pyHanko signer and closes the
card's session afterwards, and every way this can fail is a
:class:`~handlungsprogramm.errors.SigningError` with its message code.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

from pyhanko.sign import signers

from handlungsprogramm.errors import SigningError
from handlungsprogramm.input_files import read_material, read_reason
from handlungsprogramm.pdf.reading import quiet_pyhanko

__all__ = ["Pkcs11Key", "open_signer"]

_MAX_PKCS12_BYTES = 1024 * 1024
"""A PKCS#12 file holds a key and a few certificates: some KB."""


@dataclass(frozen=True, slots=True)
class Pkcs11Key:
    """A key on a smart card or token, and how to unlock it.

    ``module`` is the card's PKCS#11 library (``/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so``
    for many cards, the vendor's for others); the token is found by its label and the key
    by its label (the certificate by ``cert_label``, else by the key's label). ``pin``
    logs in; ``pin_pad`` leaves the PIN to the reader's own keypad instead (protected
    authentication path); with neither, the module is asked without logging in.
    """

    module: str | os.PathLike[str]
    token_label: str
    key_label: str
    cert_label: str | None = None
    pin: str | None = None
    pin_pad: bool = False


@contextlib.contextmanager
def open_signer(
    *,
    pkcs12: str | os.PathLike[str] | bytes | None = None,
    passphrase: bytes | None = None,
    pkcs11: Pkcs11Key | None = None,
) -> Iterator[signers.Signer]:
    """A pyHanko signer for the key in ``pkcs12`` or on the token ``pkcs11`` (exactly one)."""
    if (pkcs12 is None) == (pkcs11 is None):
        raise ValueError("give exactly one of pkcs12 and pkcs11")
    if pkcs11 is None:
        yield _pkcs12_signer(pkcs12, passphrase or b"")  # type: ignore[arg-type]
        return
    with _pkcs11_signer(pkcs11) as signer:
        yield signer


def _pkcs12_signer(pkcs12: str | os.PathLike[str] | bytes, passphrase: bytes) -> signers.Signer:
    """The key and certificates of a PKCS#12 file (read as a regular file to a limit) or
    of its bytes."""
    try:
        data = read_material(pkcs12, _MAX_PKCS12_BYTES)
    except OSError as exc:  # only a path fails to be read
        raise SigningError("HP801", path=str(pkcs12), reason=read_reason(exc)) from None
    with quiet_pyhanko():
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(data, (), passphrase=passphrase)
        except (ValueError, TypeError, AttributeError):  # AttributeError: no key or no cert
            signer = None
    if signer is not None and (signer.signing_cert is None or signer.signing_key is None):
        signer = None
    if signer is None:
        name = (
            ("the PKCS#12 data", "die PKCS#12-Daten") if isinstance(pkcs12, bytes) else str(pkcs12)
        )
        raise SigningError("HP834", name=name)
    return signer  # type: ignore[no-any-return]


@contextlib.contextmanager
def _pkcs11_signer(key: Pkcs11Key) -> Iterator[signers.Signer]:
    """Open the token's session, log in, find key and certificate; close it afterwards.

    python-pkcs11 and pyHanko's PKCS#11 support are imported only here: a signature
    with a PKCS#12 file does not need them.
    """
    import pkcs11
    from pkcs11 import exceptions as p11
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    module = str(key.module)
    try:
        pkcs11.lib(module)
    except (OSError, RuntimeError, p11.PKCS11Error) as exc:
        raise SigningError("HP843", module=module, detail=str(exc) or type(exc).__name__) from None
    pin: object = pkcs11.PROTECTED_AUTH if key.pin_pad else key.pin
    try:
        session = open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=key.token_label), user_pin=pin
        )
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
        raise SigningError("HP845", token=key.token_label) from None
    except p11.PinLocked:
        raise SigningError("HP846", token=key.token_label) from None
    except p11.PKCS11Error as exc:
        raise SigningError(
            "HP844", token=key.token_label, module=module, detail=str(exc) or type(exc).__name__
        ) from None
    try:
        signer = PKCS11Signer(
            session,
            key_label=key.key_label,
            cert_label=key.cert_label or key.key_label,
            other_certs_to_pull=None,  # the whole chain the token holds
        )
        try:
            cert = signer.signing_cert  # finds key and certificate now, not mid-signature
        except p11.PKCS11Error as exc:
            what = (
                ("key", "Schlüssel") if "private key" in str(exc) else ("certificate", "Zertifikat")
            )
            label = key.key_label if what[0] == "key" else key.cert_label or key.key_label
            raise SigningError("HP847", what=what, label=label, token=key.token_label) from None
        # Every EC token signs a digest (CKM_ECDSA); not all hash as well (SoftHSM and
        # many cards refuse CKM_ECDSA_SHA256), so the digest is made here for EC keys.
        signer.use_raw_mechanism = cert.public_key.algorithm == "ec"
        yield signer
    finally:
        session.close()
