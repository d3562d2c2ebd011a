"""Convert .docx files to PDF with LibreOffice, safely and in batches.

Each call gets its own LibreOffice user profile (``-env:UserInstallation``), so
parallel builds in separate processes never share one; the profile tells LibreOffice to
load nothing that a document merely links to (:func:`write_settings`) and holds its
temporary files (TMPDIR), so they go with it. Each soffice runs under a watchdog
(:mod:`~handlungsprogramm.pdf.watchdog`) in a process group of its own, which is killed
as a whole at the timeout, on Ctrl-C and when the build dies, even by SIGKILL. One
soffice converts a whole batch, and at most as many run at once as there are cores.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

from handlungsprogramm.errors import ConversionError, SofficeNotFoundError
from handlungsprogramm.options import DEFAULT_TIMEOUT
from handlungsprogramm.pdf.scratch import private_folder

__all__ = [
    "DEFAULT_TIMEOUT",
    "convert_many",
    "find_soffice",
    "pdf_filter",
    "updates_indexes",
    "write_settings",
]


def find_soffice() -> str:
    """The soffice program: ``HANDLUNGSPROGRAMM_SOFFICE``, else the one on ``PATH``."""
    configured = os.environ.get("HANDLUNGSPROGRAMM_SOFFICE")
    if configured:
        path = shutil.which(configured)
        if path is None:
            raise SofficeNotFoundError("HP851", value=configured)
        return path
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path is not None:
            return path
    raise SofficeNotFoundError("HP850")


def _filter_options(pdfa: bool) -> dict[str, bool | int]:
    options: dict[str, bool | int] = {
        "UseTaggedPDF": True,
        "ExportBookmarks": True,
        "ExportBookmarksToPDFDestination": True,
        "EmbedStandardFonts": True,
    }
    if pdfa:
        options["SelectPdfVersion"] = 2
    return options


def updates_indexes(soffice: str) -> bool:
    """Whether this LibreOffice runs Python scripts, which the index update needs.

    Debian: ``libreoffice-script-provider-python`` (the set-up installs it). Without
    it, documents are converted as they are and the table of contents keeps the hint
    that Word or LibreOffice updates it on opening.
    """
    program = Path(soffice).resolve().parent
    return (program / "pythonscript.py").is_file()


def pdf_filter(*, pdfa: bool = True) -> str:
    """The writer_pdf_Export filter with its options (LibreOffice ≥ 7.4 reads JSON).

    PDF/A-2b, tagged, bookmarks from headings, Writer bookmarks as named destinations
    (they mark the signature boxes), and fonts embedded (always, in PDF/A).
    """
    options = {
        key: {"type": "boolean" if isinstance(value, bool) else "long", "value": str(value).lower()}
        for key, value in _filter_options(pdfa).items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


# Variables that point an embedded Python at another installation.
_PYTHON_VARIABLES = ("PYTHONHOME", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONUSERBASE", "VIRTUAL_ENV")


def soffice_environment(profile: str) -> dict[str, str]:
    """The environment for LibreOffice: ours, minus what points at another Python, with
    HOME and TMPDIR inside its ``profile``.

    LibreOffice's script provider embeds the system's Python and locates its standard
    library from ``python3`` on ``PATH``. When a virtual environment's ``bin`` comes
    first (an activated venv, or ``.venv/bin`` put on ``PATH``), it found the venv's
    interpreter, loaded a standard library of another build and aborted (exit 134).
    So virtual environments' ``bin`` folders and the Python variables are left out.
    """
    env = {k: v for k, v in os.environ.items() if k not in _PYTHON_VARIABLES}
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and not _in_venv(Path(p))]
    env["PATH"] = os.pathsep.join(path) or os.defpath
    env["HOME"] = profile
    # LibreOffice's own temporary files (lu*.tmp, tens of megabytes) go into the profile,
    # which is removed with it, also when LibreOffice is killed mid-conversion
    env["TMPDIR"] = str(Path(profile) / "tmp")
    return env


_SETTINGS = (
    # Linked pictures and other linked content are loaded only from documents in
    # trusted locations, and this profile trusts none: no local file, share or web
    # address is read for a picture, and no request leaves the machine.
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    # Writer never updates links (sections, objects linked to files) when loading:
    # 0 always, 1 on request, 2 never (officecfg Writer.xcs, Content/Update/Link).
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
)
"""LibreOffice settings of every conversion: the second wall behind the template guard,
which already refuses external relationships and fields that fetch."""


def write_settings(profile: Path) -> None:
    """Write :data:`_SETTINGS` into the fresh user profile ``profile`` (before soffice starts).

    LibreOffice reads ``user/registrymodifications.xcu`` of its profile at start-up; the
    file is what it would write itself after the settings were changed in its dialogs.
    """
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>"
        for path, name, value in _SETTINGS
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        f' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{items}</oor:items>\n',
        encoding="utf-8",
    )


def _in_venv(folder: Path) -> bool:
    """Whether ``folder`` is the ``bin`` (or ``Scripts``) folder of a virtual environment."""
    try:
        return (folder.parent / "pyvenv.cfg").is_file()
    except OSError:
        return False


_WATCHDOG = Path(__file__).with_name("watchdog.py")


class _Soffice:
    """One soffice run under the watchdog (:mod:`~handlungsprogramm.pdf.watchdog`).

    The watchdog starts soffice in a process group of its own and kills that group when
    soffice ends (helpers it left), when :meth:`stop` asks it to (timeout, Ctrl-C) or
    when this process dies, even by SIGKILL: then the pipe it watches closes, and it
    also removes ``cleanup`` (the profile, the build's folder), since nobody else will.
    The watchdog itself runs in a session of its own, out of reach of the terminal's
    Ctrl-C, which the build handles.
    """

    def __init__(self, command: list[str], env: dict[str, str], cleanup: Sequence[Path]) -> None:
        self._lock = threading.Lock()
        read, self._write = os.pipe()  # not inherited by any other child
        try:
            self.process = subprocess.Popen(  # noqa: S603 - our Python, our script, our command
                [sys.executable, "-I", str(_WATCHDOG), str(read), *map(str, cleanup), "--",
                 *command],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                env=env, pass_fds=(read,), start_new_session=True,
            )  # fmt: skip
        except OSError as exc:  # no runnable Python (an embedded interpreter)
            os.close(self._write)
            raise ConversionError("HP852", python=repr(sys.executable), detail=str(exc)) from None
        except BaseException:
            os.close(self._write)
            raise
        finally:
            os.close(read)

    def stop(self) -> None:
        """End soffice and its helpers now (the caller removes the folders); idempotent."""
        with self._lock:
            if self._write >= 0:
                with contextlib.suppress(OSError):  # the watchdog has ended already
                    os.write(self._write, b"s")
                os.close(self._write)
                self._write = -1
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # the watchdog hangs: its whole session goes
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _run_batch(
    soffice: str,
    files: Sequence[Path],
    out_dir: Path,
    timeout: float,
    pdfa: bool,
    running: list[_Soffice],
    cleanup: Sequence[Path],
) -> None:
    with private_folder("hp-lo-profile-") as profile:
        env = soffice_environment(str(profile))
        Path(env["TMPDIR"]).mkdir()
        write_settings(profile)
        base = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
        ]
        if updates_indexes(soffice):
            scripts = profile / "user" / "Scripts" / "python"
            scripts.mkdir(parents=True)
            macro = resources.files("handlungsprogramm.pdf") / "lo_macro.py"
            (scripts / "hp_convert.py").write_bytes(macro.read_bytes())
            job = {
                "files": [[str(f), str(out_dir / f"{f.stem}.pdf")] for f in files],
                "filter": _filter_options(pdfa),
            }
            job_file = profile / "hp-job.json"  # a file: no limit on its size
            job_file.write_text(json.dumps(job), encoding="utf-8")
            env["HP_CONVERT_JOB"] = str(job_file)
            command = [
                *base,
                "vnd.sun.star.script:hp_convert.py$convert?language=Python&location=user",
            ]
        else:
            command = [
                *base,
                "--convert-to",
                pdf_filter(pdfa=pdfa),
                "--outdir",
                str(out_dir),
                *map(str, files),
            ]
        conversion = _Soffice(command, env, [profile, *cleanup])
        running.append(conversion)
        with conversion.process as process:
            try:
                _, stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                conversion.stop()
                raise ConversionError("HP853", seconds=f"{timeout:.0f}") from None
            finally:
                conversion.stop()  # at once, before the profile is removed
        if process.returncode != 0:
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ConversionError("HP854", code=process.returncode, detail=detail[0])


def convert_many(
    files: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    pdfa: bool = True,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    cleanup: Sequence[Path] = (),
) -> list[Path]:
    """Convert ``files`` into ``out_dir``; return the PDFs in the same order.

    The files are split into at most ``workers`` batches (default: the number of
    cores), each converted by one soffice with its own profile. A batch that fails,
    hangs or produces no PDF raises :class:`ConversionError`; no partial PDF remains.
    Should this process be killed while LibreOffice runs, LibreOffice is stopped and
    ``cleanup`` (the caller's temporary folders) removed with its profile.
    """
    if not files:
        return []
    soffice = find_soffice()
    count = max(1, min(workers or os.cpu_count() or 1, len(files)))
    batches = [list(files[i::count]) for i in range(count)]
    out_dir.mkdir(parents=True, exist_ok=True)

    def run(batch: list[Path]) -> None:
        try:
            _run_batch(soffice, batch, out_dir, timeout * len(batch), pdfa, running, cleanup)
        except ConversionError:
            for file in batch:
                (out_dir / f"{file.stem}.pdf").unlink(missing_ok=True)
            raise
        if progress is not None:
            progress(len(batch))

    running: list[_Soffice] = []
    pool = ThreadPoolExecutor(max_workers=count)
    try:
        for future in [pool.submit(run, batch) for batch in batches]:
            future.result()
    except BaseException:
        # Ctrl-C or a failed batch: LibreOffice runs in its own process groups, which
        # no terminal signal reaches; stop them all before waiting for the threads.
        for conversion in list(running):
            conversion.stop()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    results = [out_dir / f"{file.stem}.pdf" for file in files]
    missing = [str(p.name) for p in results if not p.is_file() or p.stat().st_size == 0]
    if missing:
        for p in results:
            p.unlink(missing_ok=True)
        raise ConversionError("HP855", files=", ".join(missing))
    return results
