"""The ``sign`` command: one signature field, with a PKCS#12 file or a card or token.

A module of its own because signing has the most options of any command: where the
key is (``--pkcs12`` or ``--pkcs11-module`` with the token's and key's labels), how it
is unlocked (a passphrase or PIN from the environment or a prompt, or the reader's PIN
pad), and how long the signature is to stay verifiable (``--level`` with
``--timestamp-url``).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import (
    LangOption,
    _default_lang,
    read_input,
    require_file,
    say,
    write_output,
)
from handlungsprogramm.errors import OutputExistsError, SigningError, UsageError
from handlungsprogramm.i18n import catalogue
from handlungsprogramm.i18n.lang import Lang
from handlungsprogramm.options import Level

__all__ = ["sign_command"]

_SIGN = "handlungsprogramm sign"


def _secret(variable: str, prompt: str, lang: Lang) -> str:
    """A passphrase or PIN: from ``variable``, else asked without echo in a terminal."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise SigningError("HP841", variable=variable)
    return getpass.getpass(catalogue.text(prompt, lang, {}))


def sign_command(
    pdf: Annotated[Path, typer.Argument(help="The PDF to sign.")],
    field: Annotated[str, typer.Option("--field", help="Signature field, e.g. sig-pfinztal.")],
    out: Annotated[Path, typer.Option("--out", help="The signed PDF.")],
    pkcs12: Annotated[
        Path | None, typer.Option("--pkcs12", help="Key and certificate in a file (.p12/.pfx).")
    ] = None,
    pkcs11_module: Annotated[
        Path | None,
        typer.Option("--pkcs11-module", help="PKCS#11 module of the card reader or token."),
    ] = None,
    token_label: Annotated[
        str | None, typer.Option("--token-label", help="The token's label (with --pkcs11-module).")
    ] = None,
    key_label: Annotated[
        str | None, typer.Option("--key-label", help="The signing key's label on the token.")
    ] = None,
    cert_label: Annotated[
        str | None,
        typer.Option("--cert-label", help="The certificate's label, if not the key's."),
    ] = None,
    pin_pad: Annotated[
        bool, typer.Option("--pin-pad", help="Enter the PIN on the reader's own keypad.")
    ] = False,
    level: Annotated[
        Level, typer.Option("--level", help="PAdES level: B-B, B-T, B-LT or B-LTA.")
    ] = Level.B_B,
    timestamp_url: Annotated[
        str | None,
        typer.Option("--timestamp-url", help="RFC 3161 time-stamping authority (B-T and up)."),
    ] = None,
    trust: Annotated[
        list[Path] | None,
        typer.Option("--trust", help="Root certificate of the chain (B-LT, B-LTA), repeatable."),
    ] = None,
    allow_draft: Annotated[
        bool, typer.Option("--allow-draft", help="Sign even a draft (to try signing out).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --out file.")] = False,
    lang: LangOption = None,
) -> None:
    """Sign one field (incremental update) with a .p12 file or a card or token (PKCS#11).

    Passphrase: HANDLUNGSPROGRAMM_SIGN_PASSPHRASE, PIN: HANDLUNGSPROGRAMM_PKCS11_PIN, else
    a prompt."""
    from handlungsprogramm.pdf.keys import Pkcs11Key
    from handlungsprogramm.pdf.signing import sign_pdf

    language: Lang = (lang or _default_lang()).value
    if (pkcs12 is None) == (pkcs11_module is None):
        raise UsageError("HP928", command=_SIGN)
    if out.exists() and not force:  # it may be the other mayor's signed file
        raise OutputExistsError("HP904", path=str(out))
    data = read_input(pdf)
    for certificate in trust or []:
        require_file(certificate)
    key: Pkcs11Key | None = None
    passphrase: bytes | None = None
    if pkcs11_module is not None:
        for option, value in (("--token-label", token_label), ("--key-label", key_label)):
            if not value:
                raise UsageError("HP922", what=option, command=_SIGN)
        pin = None if pin_pad else _secret("HANDLUNGSPROGRAMM_PKCS11_PIN", "HP969", language)
        key = Pkcs11Key(
            pkcs11_module, str(token_label), str(key_label), cert_label, pin=pin, pin_pad=pin_pad
        )
    else:
        require_file(pkcs12)  # type: ignore[arg-type]
        secret = _secret("HANDLUNGSPROGRAMM_SIGN_PASSPHRASE", "HP960", language)
        passphrase = secret.encode()
    signed = sign_pdf(
        data, field=field, pkcs12=pkcs12, passphrase=passphrase, pkcs11=key, level=level,
        timestamp_url=timestamp_url, trust=trust or [], allow_draft=allow_draft,
    )  # fmt: skip
    write_output(out, signed)
    say("HP952", language, field=field, path=str(out))
