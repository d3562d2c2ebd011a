"""A real PKCS#11 token for signature tests: SoftHSM2, set up in a temporary folder.

SoftHSM implements the same PKCS#11 interface as a mayor's signature card or a
trust service's token; the tests put a key and its certificate on it with the
tools an administrator would use (``softhsm2-util`` imports the key, opensc's
``pkcs11-tool`` stores the certificates) and sign through its module, as ``sign
--pkcs11-module`` does with a card reader. Nothing here is committed: the token's
folder is the test's own.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Token", "make_token", "softhsm_module"]

_MODULES = (
    Path("/usr/lib/softhsm/libsofthsm2.so"),
    Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
    Path("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
)


def softhsm_module() -> Path:
    """SoftHSM's PKCS#11 module (the README's set-up installs Debian's softhsm2)."""
    for module in _MODULES:
        if module.is_file():
            return module
    raise FileNotFoundError("SoftHSM2 is not installed (Debian: apt-get install softhsm2)")


@dataclass(frozen=True)
class Token:
    """An initialised token: its module, label, PIN, and the configuration to reach it."""

    module: Path
    label: str
    pin: str
    config: Path

    @property
    def env(self) -> dict[str, str]:
        """What a process needs to see this token (SoftHSM reads its configuration from it)."""
        return {"SOFTHSM2_CONF": str(self.config)}

    def _run(self, *command: str) -> None:
        import os

        subprocess.run(
            command, check=True, capture_output=True, timeout=60, env={**os.environ, **self.env}
        )

    def put_key(self, label: str, key_pem: Path, cert_der: Path, *chain_der: Path) -> None:
        """Import a private key (PKCS#8 PEM) under ``label`` with its certificate, and
        the chain's certificates, as a card carries them."""
        key_id = label.encode().hex()
        self._run(
            "softhsm2-util", "--import", str(key_pem), "--token", self.label, "--label", label,
            "--id", key_id, "--pin", self.pin,
        )  # fmt: skip
        for index, cert in enumerate((cert_der, *chain_der)):
            name = label if index == 0 else f"{label}-chain-{index}"
            self._run(
                "pkcs11-tool", "--module", str(self.module), "--token-label", self.label,
                "--login", "--pin", self.pin, "--write-object", str(cert), "--type", "cert",
                "--label", name, "--id", key_id if index == 0 else f"{key_id}{index:02x}",
            )  # fmt: skip


def make_token(folder: Path, label: str, pin: str, so_pin: str = "87654321") -> Token:
    """A new, empty token in ``folder`` (its own SoftHSM configuration and store)."""
    store = folder / "tokens"
    store.mkdir(parents=True, exist_ok=True)
    config = folder / "softhsm2.conf"
    config.write_text(
        f"directories.tokendir = {store}\nobjectstore.backend = file\nlog.level = ERROR\n",
        encoding="utf-8",
    )
    token = Token(softhsm_module(), label, pin, config)
    token._run(
        "softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin,
        "--so-pin", so_pin,
    )  # fmt: skip
    return token
