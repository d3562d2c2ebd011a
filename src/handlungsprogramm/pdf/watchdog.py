"""Run LibreOffice for a build, and stop it when the build ends, however the build ends.

``soffice`` is a shell script that starts ``oosplash``, which starts ``soffice.bin``;
none of them notices when the build that started them is gone. Killed with SIGKILL (no
handler runs), a build left LibreOffice converting without a limit and its temporary
folders in TMPDIR. This small program stands between the two: the build starts it
(``python -I watchdog.py FD [FOLDER …] -- COMMAND …``) and keeps the write end of a pipe
whose read end ``FD`` only the watchdog holds. The watchdog starts ``COMMAND`` in a
process group of its own and waits for whichever comes first:

* LibreOffice ends: whatever it left running in its group is killed, and the watchdog
  ends with LibreOffice's exit code (or its signal);
* the build writes ``s`` ("stop", at its timeout or Ctrl-C): LibreOffice's group is
  killed, the build removes its folders itself;
* the pipe closes without a word: the build is dead. LibreOffice's group is killed and
  the ``FOLDER`` s (its profile with its ``lu*.tmp`` files, the build's work folder)
  are removed, since nobody else will.

It runs with ``-I`` from its file, not as part of the package: only the standard library,
no start-up cost of the library's imports. It is Linux- and macOS-only, as the build's
process groups are.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys
import threading

__all__ = ["main"]


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # already gone
        os.killpg(pgid, signal.SIGKILL)


def main(argv: list[str]) -> int:
    """Run the command in ``argv`` as described above; the exit code to end with."""
    fd = int(argv[1])
    cut = argv.index("--")
    folders, command = argv[2:cut], argv[cut + 1 :]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build decides about Ctrl-C
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, process_group=0)  # noqa: S603 - the build's command
    ended_read, ended_write = os.pipe()

    def wait_for_child() -> None:
        child.wait()
        os.write(ended_write, b"x")

    threading.Thread(target=wait_for_child, daemon=True).start()
    ready, _, _ = select.select([fd, ended_read], [], [])
    if fd in ready:
        stopped = os.read(fd, 1) == b"s"
        _kill_group(child.pid)
        child.wait()
        if not stopped:  # the build is gone: nobody else will clean up
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)
        return 1
    _kill_group(child.pid)  # helpers LibreOffice may leave behind even on success
    code = child.returncode
    if code < 0:  # killed by a signal: end the same way, so the build sees the signal
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
        return 128 - code  # a signal whose default is not to end a process
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
