"""Every command shown in README.md and docs/ runs, in a fresh folder, as documented.

Convention for the pages: ```bash and ```python blocks are run, each block as one
session in its own empty folder (with `examples/`, `templates/` and `.venv` linked in,
and `.venv/bin` on PATH). A command expected to fail ends with ``# exit N``. ```sh
blocks are shown only (set-up commands and commands needing the reader's own system);
a test below makes sure no `handlungsprogramm` command hides in them, so nothing the
documentation promises escapes this test. `./dev …` lines are skipped: they are the
set-up and test commands that run this very test.

The signing pages use `mayor-de.p12`, `maire-kidira.p12` (passphrase from
HANDLUNGSPROGRAMM_SIGN_PASSPHRASE) and their roots `de-root.pem`, `sn-root.pem`; the
folder gets throw-away identities under those names. A block that signs with a card
(it names ``$PKCS11_MODULE``) gets a SoftHSM token as the card, a local time-stamping
authority (``$TSA_URL``) and the card's root ``card-root.pem``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from handlungsprogramm.pdf.demo import make_demo_identity
from tests.conftest import ROOT
from tests.pki_services import live_authority
from tests.softhsm import make_token

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
CLI = re.compile(r"^\s*(?:\S*/)?(?:handlungsprogramm|python -m handlungsprogramm)\s")
EXPECT = re.compile(r"\s+#\s*exit (\d+)\b.*$")
PASSPHRASE = "demo passphrase"  # noqa: S105 - for throw-away identities


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    code: str

    @property
    def id(self) -> str:
        return f"{self.page.name}:{self.line}"


def blocks() -> list[Block]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(Block(page, line, match.group(1), match.group(2)))
    return found


RUN = [b for b in blocks() if b.lang in ("bash", "python")]


def test_every_shown_command_is_run() -> None:
    """No `handlungsprogramm` command is shown in a block this test does not run."""
    hidden = [
        f"{b.id}: {line.strip()}"
        for b in blocks()
        if b.lang not in ("bash", "python") and b.page.name != "cli.md"
        for line in b.code.splitlines()
        if CLI.match(line) and "[OPTIONS]" not in line
    ]
    assert hidden == []
    assert len(RUN) >= 15  # the pages really have runnable examples


def script(block: Block) -> str:
    """The block as a bash script: stop at the first failure, honour ``# exit N``."""
    out = ["set -euo pipefail"]
    for raw in block.code.splitlines():
        if raw.strip().startswith("./dev "):
            continue
        expected = EXPECT.search(raw)
        if expected:
            command = raw[: expected.start()]
            out.append(
                f"set +e; {command}; rc=$?; set -e; "
                f'[ "$rc" -eq {expected.group(1)} ] || '
                f'{{ echo "expected exit {expected.group(1)}, got $rc: {command.strip()}" >&2; '
                "exit 99; }"
            )
        else:
            out.append(raw)
    return "\n".join(out) + "\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    for name in ("examples", "templates"):
        (tmp_path / name).symlink_to(ROOT / name)
    # the documented commands call .venv/bin/…: there, the environment running the tests
    # (its prefix, whose pyvenv.cfg makes its python the environment's), wherever it is
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    german = make_demo_identity(tmp_path, "Katrin Lehmann", PASSPHRASE.encode())
    partner = make_demo_identity(tmp_path, "Abdoulaye Sow", PASSPHRASE.encode())
    german.pkcs12.rename(tmp_path / "mayor-de.p12")
    partner.pkcs12.rename(tmp_path / "maire-kidira.p12")
    german.certificate.rename(tmp_path / "de-root.pem")
    partner.certificate.rename(tmp_path / "sn-root.pem")
    return tmp_path


_CONVERTS = re.compile(r"--to [a-z,]*pdf|build_all|sign_demo|embed_in_tool|diff .*--out \S+\.pdf")
"""What in a block makes LibreOffice convert: a build to PDF, the scripts that do."""


def _uses_libreoffice(block: Block) -> bool:
    return bool(_CONVERTS.search(block.code))


@pytest.mark.parametrize(
    "block",
    [pytest.param(b, marks=pytest.mark.slow) if _uses_libreoffice(b) else b for b in RUN],
    ids=[b.id for b in RUN],
)
def test_documented_block_runs(block: Block, workspace: Path) -> None:
    """The block runs as shown and ends as documented (exit 0 unless ``# exit N``)."""
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": PASSPHRASE,
        "HANDLUNGSPROGRAMM_LANG": "en",
        "COLUMNS": "200",
    }
    with contextlib.ExitStack() as stack:
        if "PKCS11_MODULE" in block.code:
            env.update(stack.enter_context(_signature_card(workspace)))
        _run_block(block, workspace, env)


@contextlib.contextmanager
def _signature_card(workspace: Path) -> Iterator[dict[str, str]]:
    """For the blocks that sign with a card: a SoftHSM token as the card (labels as the
    page shows them), a local time-stamping authority, and the card's root as
    ``card-root.pem``; the block reads module, address and PIN from the environment."""
    services = live_authority(workspace / ".pki")
    authority = next(services)
    try:
        token = make_token(workspace / ".hsm", "Signaturkarte", "123456")
        root_der = workspace / ".pki" / "root.der"
        root_der.write_bytes(
            x509.load_pem_x509_certificate(authority.root_pem.read_bytes()).public_bytes(
                serialization.Encoding.DER
            )
        )
        token.put_key(
            "Signaturschluessel",
            authority.key_pem("mayor-de"),
            authority.cert_der("mayor-de"),
            root_der,
        )
        shutil.copy(authority.root_pem, workspace / "card-root.pem")
        yield {
            **token.env,
            "PKCS11_MODULE": str(token.module),
            "TSA_URL": authority.timestamp_url,
            "HANDLUNGSPROGRAMM_PKCS11_PIN": token.pin,
        }
    finally:
        services.close()


def _run_block(block: Block, workspace: Path, env: dict[str, str]) -> None:
    if block.lang == "python":
        command = [sys.executable, "-c", block.code]
    else:
        command = [shutil.which("bash") or "/bin/bash", "-c", script(block)]
    result = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{block.id}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr
