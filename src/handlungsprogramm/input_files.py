"""Read an input file only if it is a regular file, and never more than a limit.

Every file a command reads -- a programme, a mapping, a form, a PDF to sign or verify,
a certificate, a logo -- comes through here or :func:`require_regular`. A path can
name things that are not files: ``/dev/zero`` reads without end (``read()`` filled the
memory until the process was killed), a named pipe (FIFO) without a writer blocks the
open and the read forever, a folder or a socket cannot be read at all. So the path is
checked with ``stat`` before it is opened (a device is never opened), opened without
blocking (a pipe swapped in after the check does not hang), checked again on the open
descriptor, and read with a limit (a file that grows while it is read stops at it).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Literal

from handlungsprogramm.i18n.messages import Lang

__all__ = ["MAX_PDF_BYTES", "InputFileError", "read_reason", "read_regular", "require_regular"]

MAX_PDF_BYTES = 512 * 1024 * 1024
"""Largest PDF read to fill, sign or verify (512 MiB; a built programme needs a few MB)."""

Kind = Literal["not_regular", "too_large"]


class InputFileError(OSError):
    """A path that is not a regular file, or a file over the limit, with en/de wording.

    An ``OSError``, so code that already reports unreadable files reports these too;
    :meth:`message` gives the reason in the user's language.
    """

    def __init__(
        self,
        path: str,
        kind: Kind,
        reason: tuple[str, str],
        *,
        what: tuple[str, str] | None = None,
        size: int | None = None,
        limit: int | None = None,
    ) -> None:
        super().__init__(reason[0])
        self.strerror = reason[0]
        self.filename = path
        self.kind = kind
        self.reason = reason
        self.what = what
        """What the path is instead of a file (``not_regular``): a folder, a device, …"""
        self.size = size
        """The file's size in bytes (``too_large``), None when it grew while being read."""
        self.limit = limit

    def message(self, lang: Lang = "en") -> str:
        """Why the file cannot be read, in ``lang`` (without the path)."""
        return self.reason[0] if lang == "en" else self.reason[1]


_WHAT: tuple[tuple[int, tuple[str, str]], ...] = (
    (stat.S_IFDIR, ("a folder", "ein Ordner")),
    (stat.S_IFIFO, ("a named pipe (FIFO)", "eine benannte Pipe (FIFO)")),
    (stat.S_IFSOCK, ("a socket", "ein Socket")),
    (stat.S_IFCHR, ("a device", "ein Gerät")),
    (stat.S_IFBLK, ("a device", "ein Gerät")),
)


def _not_regular(path: str, mode: int) -> InputFileError:
    kind = stat.S_IFMT(mode)
    what = next((w for k, w in _WHAT if k == kind), ("not a file", "keine Datei"))
    return InputFileError(
        path,
        "not_regular",
        (f"is {what[0]}, not a regular file", f"ist {what[1]}, keine gewöhnliche Datei"),
        what=what,
    )


def _too_large(path: str, size: int | None, limit: int) -> InputFileError:
    has = (
        (f"has {size}", f"hat {size}")
        if size is not None
        else (f"has more than {limit}", f"hat mehr als {limit}")
    )
    return InputFileError(
        path,
        "too_large",
        (
            f"{has[0]} bytes; the limit is {limit} bytes",
            f"{has[1]} Bytes; erlaubt sind höchstens {limit} Bytes",
        ),
        size=size,
        limit=limit,
    )


def require_regular(path: str | os.PathLike[str]) -> os.stat_result:
    """``stat`` of ``path`` if it is a regular file (symbolic links followed), without
    opening it; :class:`InputFileError` otherwise, ``OSError`` if it cannot be found.

    For files another library opens by name (a PKCS#12 key, a trusted certificate).
    """
    info = Path(path).stat()
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(str(path), info.st_mode)
    return info


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`InputFileError` for anything that is not a regular file or is larger
    than ``limit`` bytes, and ``OSError`` (``FileNotFoundError``, ``PermissionError``)
    when the file cannot be opened.
    """
    name = str(path)
    before = require_regular(path)
    if before.st_size > limit:
        raise _too_large(name, before.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)  # the file opened, not what the name pointed to a moment ago
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(name, info.st_mode)
        if info.st_size > limit:
            raise _too_large(name, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise _too_large(name, None, limit)
    return data


def read_material(source: str | os.PathLike[str] | bytes, limit: int) -> bytes:
    r"""Key material or a certificate: given as bytes (a host's vault), or read from the
    regular file at the path, at most ``limit`` bytes (``OSError`` as for
    :func:`read_regular`; a failed path is :func:`describe`\ d by the caller)."""
    return source if isinstance(source, bytes) else read_regular(source, limit)


_OS_REASONS_DE = {
    errno.ENOENT: "Datei oder Ordner nicht gefunden",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "nicht erlaubt",
    errno.EISDIR: "ist ein Ordner",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger",
    errno.EROFS: "Dateisystem nur lesbar",
    errno.EEXIST: "existiert bereits",
    errno.ENAMETOOLONG: "Name zu lang",
    errno.ELOOP: "zu viele symbolische Verknüpfungen",
    errno.EIO: "Ein-/Ausgabefehler",
}
"""The operating system's reasons (English in the C locale the tools run in) in German,
for the errors a user meets when reading or writing files."""


def os_reason(exc: OSError, lang: Lang) -> str:
    """Why reading or writing failed, in ``lang`` (the system's words for other errors)."""
    english = exc.strerror or str(exc)
    if lang == "de" and exc.errno in _OS_REASONS_DE:
        return _OS_REASONS_DE[exc.errno]
    return english


def read_reason(exc: OSError) -> tuple[str, str]:
    """Why a file cannot be read, in English and German: what the path is instead of a
    file, that it is too large, or the system's reason (``HP801``'s ``{reason}``)."""
    if isinstance(exc, InputFileError):
        return exc.reason
    return (os_reason(exc, "en"), os_reason(exc, "de"))
