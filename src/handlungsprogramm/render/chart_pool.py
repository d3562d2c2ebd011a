"""Charts drawn on two cores: a forked helper process and the caller share the jobs.

Drawing the charts is most of the time of a typical document (matplotlib lays out and
rasterises every glyph in Python), and it runs on one core while the machine has two.
The charts do not depend on the rest of the document, so a helper process, forked once
the programme is planned, draws them from the first one the document needs while the
caller writes the other chapters. When the caller needs a chart:

- the helper has drawn it: it is taken;
- no one has begun it: the caller draws it itself, at once;
- the helper is drawing it: the caller draws one from the far end of the list while
  it waits, so neither core idles while charts remain.

Every job is claimed exactly once (a byte per job in shared memory, under a lock), so no
chart is drawn twice. A chart's bytes do not depend on who draws it (each job draws from
fresh figures with the same settings): the output stays byte-identical to drawing
everything in one process.

The helper is off unless asked for (:data:`ENV_SWITCH`): with it, the caller's own
work got slower, which the template's time limit noticed (see there).

Fork, not spawn or a fork server: a new interpreter would import matplotlib and read the
programme again, which costs more than the charts of a typical programme. Forking is
only safe in a process with one thread (a lock held by another thread stays held in the
child), so :func:`can_fork` also asks for that; otherwise, and inside a pool worker
(batch builds already keep every core busy with one document each), the caller draws
every chart itself, on demand. The helper ignores Ctrl-C (the caller stops it), dies on
SIGTERM, sends an exception it raises to the caller (raised when that chart is asked
for), and is killed and reaped when the pool closes, whatever happened.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import multiprocessing
import os
import pickle
import select
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Generic, TypeVar

__all__ = ["ENV_SWITCH", "ChartPool", "can_fork"]

T = TypeVar("T")

ENV_SWITCH = "HANDLUNGSPROGRAMM_CHART_PROCESS"
"""``0`` keeps every chart in the calling process; unset or ``1``, the automatic choice
(``parallel=None``) forks a helper where :func:`can_fork` allows. On by default: on an
idle 2-core machine the DOCX of 30 measures took 0.94 × the time it took before the
charts were redrawn for print (farm-bench, docs/performance.md), 1.27 × without the
helper. On a machine whose cores are busy, the helper takes CPU from the caller (the
template's own time, which has a limit in :mod:`.sandbox`, went from 20 ms to 40-50 ms
on a loaded machine), so hosts that render many documents at once set it to ``0``;
``build`` of several files already renders one per core and forks no helper there."""

_FREE, _HELPER, _CALLER = 0, 1, 2
_NOTICE = struct.Struct("<qQQ")
"""A finished chart: its job, and where its pickle lies in the results file."""
_ERROR = -1


def can_fork() -> bool:
    """Whether a helper process is wanted (:data:`ENV_SWITCH`) and safe: Linux, a spare
    core, one thread, not itself a worker of a process pool."""
    if sys.platform != "linux" or os.environ.get(ENV_SWITCH, "1") == "0":
        return False
    if len(os.sched_getaffinity(0)) < 2:
        return False
    if threading.active_count() != 1 or threading.current_thread() is not threading.main_thread():
        return False
    return multiprocessing.parent_process() is None


class ChartPool(Mapping[str, T], Generic[T]):
    """Jobs by name, drawn on demand by the caller and ahead of time by a helper process.

    ``jobs`` are ``(name, draw)`` in the mapping's order; ``front`` is the order in which
    the helper takes them (the order the caller will probably ask for them); every
    ``draw`` runs inside ``context()``. Use it as a context manager: leaving it stops
    the helper and lets go of the charts. ``parallel``: ``None`` forks when
    :func:`can_fork`, ``True`` whenever the platform can fork, ``False`` never.

    The helper writes each chart into an anonymous in-memory file and a 24-byte notice
    into a pipe; the caller reads notices only when it looks a chart up. No thread
    reads for it: a reader thread took the interpreter lock from the caller whenever a
    chart arrived, which on a busy machine made the template's own time (which has a
    limit, :mod:`.sandbox`) several times longer.
    """

    def __init__(
        self,
        jobs: Sequence[tuple[str, Callable[[], T]]],
        front: Sequence[int],
        context: Callable[[], AbstractContextManager[None]],
        *,
        parallel: bool | None = None,
    ) -> None:
        self._names = [name for name, _ in jobs]
        self._draws = [draw for _, draw in jobs]
        self._index = {name: i for i, name in enumerate(self._names)}
        self._front = list(front)
        self._context = context
        self._done: dict[int, T] = {}
        """Charts drawn and not yet asked for."""
        self._handed: set[int] = set()
        """Jobs already handed to the caller."""
        self._failed: dict[int, BaseException] = {}
        self._gone = True  # no helper (yet): nothing to wait for
        self._pid: int | None = None
        self._notices = -1  # the pipe's reading end
        self._results = -1  # the in-memory file the helper writes the charts into
        self._pending = b""  # a notice read in part
        self._claims: bytearray | mmap.mmap = bytearray(len(jobs))
        self._lock: Any = None
        fork = can_fork() if parallel is None else parallel and hasattr(os, "fork")
        if fork and len(jobs) > 1:
            self._start()

    @property
    def helper_pid(self) -> int | None:
        """The helper process's id while it may run; ``None`` without one."""
        return self._pid

    # -- Mapping ---------------------------------------------------------------------

    def __getitem__(self, name: str) -> T:
        return self._get(self._index[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    # -- context manager -------------------------------------------------------------

    def __enter__(self) -> ChartPool[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the helper (what it draws now is not needed) and reap it, and let go of
        the charts (the document holds those it placed); idempotent."""
        pid, self._pid = self._pid, None
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        for fd in (self._notices, self._results):
            if fd >= 0:
                os.close(fd)
        self._notices = self._results = -1
        self._gone = True
        self._done.clear()

    # -- the caller's side -----------------------------------------------------------

    def _get(self, index: int) -> T:
        if index in self._handed:  # asked for again: drawn again, not kept
            with self._context():
                return self._draws[index]()
        value = self._fetch(index)
        # handed over, not kept: the document holds the picture from now on, and a pool
        # that kept every chart held all of a large programme's pictures (60 MB at 5,000
        # measures) once more until the end
        self._handed.add(index)
        return value

    def _fetch(self, index: int) -> T:
        while True:
            self._receive(wait=False)
            if index in self._done:
                return self._done.pop(index)
            if index in self._failed:
                raise self._failed[index]
            owner = self._claim(index)
            if owner == _CALLER or self._gone:  # ours, or the helper died drawing it
                return self._draw(index, keep=False)
            spare = next((i for i in reversed(self._front) if self._claim(i) == _CALLER
                          and i not in self._done and i not in self._handed), None)  # fmt: skip
            if spare is not None:
                self._draw(spare)
            else:
                self._receive(wait=True)

    def _draw(self, index: int, *, keep: bool = True) -> T:
        """Draw job ``index`` here; ``keep`` it for when it is asked for (a spare job
        drawn while waiting), or hand it over at once."""
        with self._context():
            value = self._draws[index]()
        if keep:
            self._done[index] = value
        return value

    def _claim(self, index: int) -> int:
        """Claim job ``index`` for the caller if it is free; who has it now."""
        with self._locked():
            owner = self._claims[index]
            if owner == _FREE:
                self._claims[index] = owner = _CALLER
            return owner

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if self._lock is None:
            yield
            return
        # a helper killed while holding the lock never gives it back: then no one else
        # claims any more, and the caller goes on without it
        while not self._lock.acquire(timeout=0.2):
            self._receive(wait=False)
            if self._gone:
                yield
                return
        try:
            yield
        finally:
            self._lock.release()

    def _receive(self, *, wait: bool) -> None:
        """Take the charts the helper has finished; with ``wait``, wait for one (or its end)."""
        if self._gone:
            return
        if wait:
            select.select([self._notices], [], [])
        while True:
            try:
                data = os.read(self._notices, 64 * _NOTICE.size)
            except BlockingIOError:
                return
            if not data:  # the helper has ended: the caller draws whatever is missing
                self._gone = True
                return
            data = self._pending + data
            whole = len(data) - len(data) % _NOTICE.size
            self._pending = data[whole:]
            for index, offset, size in _NOTICE.iter_unpack(data[:whole]):
                value = pickle.loads(os.pread(self._results, size, offset))  # noqa: S301 - our child's
                if isinstance(value, _Failure):
                    if index != _ERROR:
                        self._failed[index] = value.exception
                elif index not in self._handed:
                    self._done.setdefault(index, value)

    # -- the helper ------------------------------------------------------------------

    def _start(self) -> None:
        self._claims = mmap.mmap(-1, len(self._names))  # shared with the child
        self._lock = multiprocessing.get_context("fork").Lock()
        self._results = os.memfd_create("handlungsprogramm-charts")
        read, write = os.pipe()
        self._gone = False
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, which never returns
            os.close(read)
            self._helper(write)
        os.close(write)
        os.set_blocking(read, False)
        self._pid, self._notices = pid, read

    def _helper(self, write: int) -> None:  # pragma: no cover - runs in the child
        """Draw every job no one has claimed, in ``front`` order; send each as it is done."""
        code = 1
        index = _ERROR
        offset = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller stops us
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            gc.freeze()  # the inherited heap is never collected here: its pages stay shared
            with self._context():
                for index in self._front:
                    with self._lock:
                        if self._claims[index] != _FREE:
                            continue
                        self._claims[index] = _HELPER
                    offset = self._send(write, offset, index, self._draws[index]())
            code = 0
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the caller
            with contextlib.suppress(BaseException):
                self._send(write, offset, index, _portable(exc))
        finally:
            os._exit(code)

    def _send(self, write: int, offset: int, index: int, value: object) -> int:
        """``value`` into the results file at ``offset``, its notice into the pipe; the
        next offset. A notice is shorter than PIPE_BUF: written whole or not at all."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        done = 0
        while done < len(data):
            done += os.pwrite(self._results, data[done:], offset + done)
        os.write(write, _NOTICE.pack(index, offset, len(data)))
        return offset + len(data)


class _Failure:
    """An exception raised in the helper, wrapped so it is not taken for a chart."""

    def __init__(self, exception: BaseException) -> None:
        self.exception = exception


def _portable(exc: BaseException) -> _Failure:
    """``exc`` as it can cross to the caller: itself with the helper's traceback as a
    note, or (when it cannot be pickled) a RuntimeError naming it."""
    note = "raised in the chart process:\n" + "".join(traceback.format_exception(exc))
    try:
        copy = pickle.loads(pickle.dumps(exc))  # noqa: S301 - a round trip here
    except Exception:  # noqa: BLE001 - any exception type may fail to pickle
        copy = RuntimeError(f"{type(exc).__name__}: {exc}")
    copy.add_note(note)
    return _Failure(copy)
