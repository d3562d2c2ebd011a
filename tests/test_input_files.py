"""Every input file must be a regular file: devices, pipes, folders and sockets are refused.

``/dev/zero`` read without end (until the machine ran out of memory) and a named pipe
(FIFO) with no writer blocked forever, in ``fill-form``, ``sign`` and ``verify``. Each
command runs in a child process with a timeout here, so a hang fails the test instead
of hanging the suite; each must end within seconds with its documented exit code and a
message naming the file and what it is, and write nothing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from handlungsprogramm.input_files import InputFileError, read_regular
from tests.conftest import EXAMPLE, ROOT

FORM = ROOT / "templates" / "summary-form.pdf"
MAPPING = ROOT / "templates" / "summary-form.mapping.yaml"
TIMEOUT = 30  # seconds; each command needs one or two


def _run(*args: str, lang: str = "en") -> tuple[int, str]:
    env = {
        **os.environ,
        "HANDLUNGSPROGRAMM_LANG": lang,
        "HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": "pw",
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }
    env.pop("HANDLUNGSPROGRAMM_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "handlungsprogramm", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe nobody writes to: opening it for reading blocks, reading it waits."""
    path = tmp_path / "pipe.pdf"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock.yaml"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    try:
        yield path
    finally:
        server.close()


ZERO = Path("/dev/zero")

# (command line with {bad} for the special file, exit code); {out} is the output
COMMANDS: dict[str, tuple[list[str], int]] = {
    "check": (["check", "{bad}"], 2),
    "build": (["build", "{bad}", "--out", "{out}"], 2),
    "fill-form form": (
        ["fill-form", "{bad}", "--programme", str(EXAMPLE), "--mapping", str(MAPPING),
         "--out", "{out}/x.pdf"],
        7,
    ),
    "fill-form mapping": (
        ["fill-form", str(FORM), "--programme", str(EXAMPLE), "--mapping", "{bad}",
         "--out", "{out}/x.pdf"],
        7,
    ),
    "fill-form programme": (
        ["fill-form", str(FORM), "--programme", "{bad}", "--mapping", str(MAPPING),
         "--out", "{out}/x.pdf"],
        2,
    ),
    "sign pdf": (
        ["sign", "{bad}", "--field", "sig", "--pkcs12", str(FORM), "--out", "{out}/x.pdf"],
        7,
    ),
    "sign pkcs12": (
        ["sign", str(FORM), "--field", "sig", "--pkcs12", "{bad}", "--out", "{out}/x.pdf"],
        7,
    ),
    "verify pdf": (["verify", "{bad}"], 7),
    "verify trust": (["verify", str(FORM), "--trust", "{bad}"], 7),
    "build template": (["build", str(EXAMPLE), "--template", "{bad}", "--out", "{out}"], 4),
}  # fmt: skip


def _args(command: str, bad: Path, out: Path) -> list[str]:
    return [a.format(bad=bad, out=out) for a in COMMANDS[command][0]]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_dev_zero_is_refused(command: str, tmp_path: Path) -> None:
    """/dev/zero (a device without end) is refused by every command, in a few seconds."""
    out = tmp_path / "out"
    code, output = _run(*_args(command, ZERO, out))
    assert code == COMMANDS[command][1], output
    assert "/dev/zero" in output
    assert "a device" in output or "regular file" in output, output
    assert "Traceback" not in output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_fifo_is_refused(command: str, fifo: Path, tmp_path: Path) -> None:
    """A named pipe with no writer is refused at once, not waited on."""
    out = tmp_path / "out"
    code, output = _run(*_args(command, fifo, out))
    assert code == COMMANDS[command][1], output
    assert str(fifo) in output
    assert "named pipe" in output or "regular file" in output, output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("command", ["check", "fill-form mapping", "verify pdf", "sign pkcs12"])
def test_folder_and_socket_are_refused(command: str, unix_socket: Path, tmp_path: Path) -> None:
    """A folder and a socket are named as what they are, with the command's exit code."""
    for bad, what in ((tmp_path, "a folder"), (unix_socket, "a socket")):
        code, output = _run(*_args(command, bad, tmp_path / "out"))
        assert code == COMMANDS[command][1], output
        assert what in output, output


def test_messages_are_german_with_lang_de(fifo: Path) -> None:
    """The refusal is in the user's language."""
    code, output = _run("verify", str(fifo), lang="de")
    assert code == 7
    assert "ist eine benannte Pipe (FIFO), keine gewöhnliche Datei" in output
    code, output = _run("check", str(fifo), lang="de")
    assert code == 2
    assert "ist eine benannte Pipe (FIFO), keine gewöhnliche Datei" in output


def test_read_regular_reads_at_most_the_limit(tmp_path: Path) -> None:
    """A regular file is read whole up to the limit; a larger one is refused unread,
    and so is one that grows past the limit while it is read."""
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * 100)
    assert read_regular(path, 100) == b"x" * 100
    with pytest.raises(InputFileError) as info:
        read_regular(path, 99)
    assert info.value.kind == "too_large"
    assert "100 bytes" in info.value.message("en")
    assert "100 Bytes" in info.value.message("de")
    assert isinstance(info.value, OSError)  # callers that catch OSError still catch it


def test_read_regular_names_a_missing_file(tmp_path: Path) -> None:
    """A missing file is an OSError with the operating system's reason."""
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "nope.pdf", 100)


def test_logo_that_is_a_fifo_is_a_finding(tmp_path: Path) -> None:
    """A logo that is a named pipe is HP405 ("is a named pipe"), and check ends at once."""
    import json

    from tests.conftest import complete_data

    os.mkfifo(tmp_path / "logo.png")
    data = complete_data()
    data["partnership"]["german"]["logo"] = "logo.png"
    source = tmp_path / "p.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, output = _run("check", str(source))
    assert code == 1, output
    assert "HP405" in output
    assert "the logo logo.png of Pfinztal is a named pipe (FIFO), not a regular file" in output
