"""Private temporary folders of a build, which the next build removes if they were left.

A PDF build works in temporary folders: the Word files to convert (``hp-build-…``,
``hp-pdf-…``) and a LibreOffice profile per batch (``hp-lo-profile-…``), in which
LibreOffice also keeps its own temporary files. They are removed when the build ends,
also on a timeout, Ctrl-C or SIGTERM. A build killed with SIGKILL runs no clean-up: during
the conversion the watchdog (:mod:`~handlungsprogramm.pdf.watchdog`) removes them, but a
build killed before or after it leaves them behind.

So each folder holds a lock (``.lock``, ``flock``) for as long as its build runs, and
every build that makes a folder first removes those whose lock nobody holds: their build
is gone, whatever the process ids say now. A folder without a lock is left alone (it may
be one that is being made at this moment), and so is every other user's.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: folders are removed, leftovers stay
    fcntl = None  # type: ignore[assignment]

__all__ = ["PREFIXES", "private_folder", "remove_leftovers"]

PREFIXES = ("hp-build-", "hp-pdf-", "hp-lo-profile-")
"""The names this library gives its temporary folders."""

_LOCK = ".lock"


@contextlib.contextmanager
def private_folder(prefix: str) -> Iterator[Path]:
    """A new folder in TMPDIR, locked while in use and removed afterwards.

    Leftovers of killed builds are removed first (:func:`remove_leftovers`).
    """
    remove_leftovers()
    path = Path(tempfile.mkdtemp(prefix=prefix))
    lock = _hold_lock(path)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        if lock is not None:
            os.close(lock)


def _hold_lock(folder: Path) -> int | None:
    """Lock ``folder`` for this process; the open descriptor that holds the lock.

    The lock is taken on a file of another name and then renamed into place, so that
    no other build ever sees ``.lock`` unlocked while this one is alive. The descriptor
    is not inherited by child processes (LibreOffice must not keep a dead build's lock).
    """
    if fcntl is None:  # pragma: no cover
        return None
    staging = folder / f"{_LOCK}.{os.getpid()}"
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    staging.rename(folder / _LOCK)
    return fd


def remove_leftovers(folder: Path | None = None) -> list[Path]:
    """Remove this library's folders in ``folder`` (TMPDIR) that no running build holds.

    Returns what was removed. Only folders of this user, with a lock file that can be
    locked at once (so no process holds it), are touched.
    """
    if fcntl is None:  # pragma: no cover
        return []
    base = Path(folder or tempfile.gettempdir())
    removed = []
    try:
        entries = list(base.iterdir())
    except OSError:
        return []
    for entry in entries:
        if not entry.name.startswith(PREFIXES):
            continue
        try:
            if entry.is_symlink() or entry.lstat().st_uid != os.getuid():
                continue
            fd = os.open(entry / _LOCK, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue  # no lock (being made, or not ours): leave it
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # its build is running
        try:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
        finally:
            os.close(fd)
    return removed
