"""LibreOffice stopped in every way leaves no process and no temporary files behind.

Each test gives the build a private TMPDIR and then looks into it: after a conversion
stopped at ``--convert-timeout``, after Ctrl-C and SIGTERM, and after the build itself
is killed with SIGKILL (which no handler sees). LibreOffice's ``lu*.tmp`` folders (tens
of megabytes each) and the build's own folders must be gone, and so must every process
whose command line names that TMPDIR. Both a fake ``soffice`` (a shell script that
fills its temporary folder and hangs) and the real one are used.
"""

from __future__ import annotations

import fcntl
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # LibreOffice converts in (nearly) every test here

ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}


def fake_soffice(folder: Path) -> Path:
    """A LibreOffice that writes 30 MB into a ``lu*.tmp`` folder of its TMPDIR, as the real
    one does, and then hangs in a child process."""
    script = folder / "fake-soffice"
    script.write_text(
        "#!/bin/sh\n"
        'mkdir -p "${TMPDIR:-/tmp}/lu4242fake.tmp"\n'
        'head -c 31457280 /dev/zero > "${TMPDIR:-/tmp}/lu4242fake.tmp/buffer"\n'
        f'touch "{folder}/hang"\n'
        f'tail -f "{folder}/hang" >/dev/null 2>&1 &\n'  # a child naming the test's folder
        "wait\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def processes(mentioning: str) -> list[str]:
    """Command lines of running processes (not zombies) that contain ``mentioning``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError):
            continue
        if state != "Z" and mentioning in command:
            found.append(f"{entry.name}: {command[:200]}")
    return found


def wait_for(condition: Callable[[], object], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


def start_build(
    tmp_path: Path, *options: str, soffice: Path | None = None
) -> tuple[subprocess.Popen[str], Path]:
    """``build --to pdf`` of the example in a process of its own with a private TMPDIR."""
    private = tmp_path / "tmpdir"
    private.mkdir(exist_ok=True)
    env = {**os.environ, **ENV, "TMPDIR": str(private)}
    if soffice is not None:
        env["HANDLUNGSPROGRAMM_SOFFICE"] = str(soffice)
    process = subprocess.Popen(
        [sys.executable, "-m", "handlungsprogramm", "build", str(EXAMPLE), "--to", "pdf",
         "--no-charts", "--out", str(tmp_path / "out"), *options],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    return process, private


def libreoffice_wrote(private: Path) -> bool:
    """Whether LibreOffice has made its ``lu*.tmp`` folder somewhere in ``private``."""
    try:
        return any(private.rglob("lu*.tmp"))
    except OSError:  # a folder went away while looking
        return False


def everything_gone(private: Path, marker: str) -> bool:
    return not any(private.iterdir()) and not processes(marker)


@pytest.mark.parametrize("kind", ["fake", "real"])
def test_timeout_leaves_nothing(tmp_path: Path, kind: str) -> None:
    """A conversion stopped at --convert-timeout: exit 6, and neither a LibreOffice
    process nor a temporary folder (LibreOffice's or the build's) is left."""
    soffice = fake_soffice(tmp_path) if kind == "fake" else None
    process, private = start_build(tmp_path, "--convert-timeout", "1", soffice=soffice)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 6, err
    assert "did not finish within 1 s" in err
    assert wait_for(lambda: everything_gone(private, str(tmp_path)), 5), (
        sorted(p.name for p in private.rglob("*"))[:20],
        processes(str(tmp_path)),
    )


@pytest.mark.parametrize("kind", ["fake", "real"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_leaves_nothing(tmp_path: Path, signum: int, kind: str) -> None:
    """Ctrl-C or SIGTERM while LibreOffice writes its temporary files: exit 130, and no
    process, no ``lu*.tmp`` and no build folder is left in TMPDIR."""
    soffice = fake_soffice(tmp_path) if kind == "fake" else None
    process, private = start_build(tmp_path, soffice=soffice)
    if not wait_for(lambda: libreoffice_wrote(private), 60):
        process.kill()
        pytest.fail(f"LibreOffice never wrote its temporary folder: {process.communicate()}")
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert wait_for(lambda: everything_gone(private, str(tmp_path)), 5), (
        sorted(p.name for p in private.rglob("*"))[:20],
        processes(str(tmp_path)),
    )


@pytest.mark.parametrize("kind", ["fake", "real"])
def test_killed_build_takes_libreoffice_along(tmp_path: Path, kind: str) -> None:
    """The build killed with SIGKILL (no handler runs): LibreOffice and everything it
    started stop within seconds, and its temporary folders and the build's are removed."""
    soffice = fake_soffice(tmp_path) if kind == "fake" else None
    process, private = start_build(tmp_path, soffice=soffice)
    if not wait_for(lambda: libreoffice_wrote(private), 60):
        process.kill()
        pytest.fail(f"LibreOffice never wrote its temporary folder: {process.communicate()}")
    assert [p for p in processes(str(tmp_path)) if not p.startswith(f"{process.pid}:")]
    process.kill()
    process.communicate(timeout=10)
    # LibreOffice would otherwise go on for seconds (the real one until it has converted,
    # 8 s for 300 measures; the fake one for ever)
    assert wait_for(lambda: not processes(str(tmp_path)), 2), processes(str(tmp_path))
    assert wait_for(lambda: not any(private.iterdir()), 5), sorted(private.rglob("*"))[:20]


def test_next_build_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    """Folders a killed build left outside the conversion (its lock no longer held) are
    removed by the next build that converts; a running build's folder (locked) and
    folders of other programs stay."""
    private = tmp_path / "tmpdir"
    private.mkdir()
    for name in ("hp-build-stale", "hp-lo-profile-stale", "hp-pdf-stale"):
        (private / name / "sub").mkdir(parents=True)
        (private / name / ".lock").write_text("")
        (private / name / "sub" / "left.docx").write_bytes(b"x" * 1000)
    live = private / "hp-build-live"
    live.mkdir()
    (private / "hp-build-without-lock").mkdir()
    (private / "other-program").mkdir()
    with (live / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        process, _ = start_build(tmp_path)
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        left = sorted(p.name for p in private.iterdir())
    assert left == ["hp-build-live", "hp-build-without-lock", "other-program"]


def test_watchdog_that_cannot_start_is_a_conversion_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a Python to run the watchdog (an embedded interpreter), the build says so
    (exit 6, no traceback) and leaves its folders behind no more than otherwise."""
    from typer.testing import CliRunner

    from handlungsprogramm.cli import app

    private = tmp_path / "tmpdir"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    result = CliRunner().invoke(
        app, ["build", str(EXAMPLE), "--to", "pdf", "--no-charts", "--out", str(tmp_path / "out")],
        env=ENV,
    )  # fmt: skip
    assert result.exit_code == 6, result.output
    assert "cannot start LibreOffice's watchdog" in result.stderr
    assert not any(private.iterdir())
