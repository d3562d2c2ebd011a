"""Charts on two cores: the same bytes, errors surfacing as raised, no process left over."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import signal
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from handlungsprogramm import load
from handlungsprogramm.render import chart_pool
from handlungsprogramm.render.chart_pool import ChartPool, can_fork
from handlungsprogramm.render.charts import build_charts, start_charts
from handlungsprogramm.render.docx import render_docx
from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _gone(pid: int) -> bool:
    """Whether no process ``pid`` exists any more (reaped, not a zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _pool(draws: list[Callable[[], str]], parallel: bool = True) -> ChartPool[str]:
    jobs = [(f"job-{i}", draw) for i, draw in enumerate(draws)]
    return ChartPool(jobs, range(len(jobs)), contextlib.nullcontext, parallel=parallel)


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.01)


def test_parallel_charts_are_the_serial_bytes() -> None:
    """Whoever draws a chart, in whatever order it is asked for: the same bytes."""
    programme = load(ROOT / "examples" / "pforzheim-mtwara" / "programme.yaml")
    serial = build_charts(programme, svg=False)
    assert build_charts(programme, svg=False, parallel=True) == serial
    with start_charts(programme, parallel=True) as pending:
        assert pending.helper_pid is not None
        backwards = [pending[name] for name in reversed(list(pending))]
    assert backwards[::-1] == serial
    assert list(pending) == [chart.name for chart in serial]


def test_document_is_the_same_with_the_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document's text and pictures do not depend on the helper process."""

    def parts(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return {
                name: package.read(name)
                for name in package.namelist()
                if name.startswith("word/media/") or name == "word/document.xml"
            }

    programme = load(EXAMPLE)
    monkeypatch.setattr(chart_pool, "can_fork", lambda: True)
    forked = parts(render_docx(programme).data)
    monkeypatch.setenv(chart_pool.ENV_SWITCH, "0")
    monkeypatch.setattr(chart_pool, "can_fork", lambda: False)
    alone = parts(render_docx(programme).data)
    assert forked == alone
    assert any(name.startswith("word/media/") for name in alone)


def test_every_job_once_and_in_order(tmp_path: Path) -> None:
    """Each job is drawn by exactly one of the two processes; the mapping keeps its order."""
    log = tmp_path / "drawn"

    def job(i: int) -> Callable[[], str]:
        def draw() -> str:
            with log.open("a") as out:  # one short line per write: appends do not interleave
                out.write(f"{i}\n")
            time.sleep(0.02)
            return f"chart {i}"

        return draw

    with _pool([job(i) for i in range(12)]) as pool:
        values = [pool[name] for name in pool]
    assert values == [f"chart {i}" for i in range(12)]
    assert sorted(int(line) for line in log.read_text().split()) == list(range(12))


def test_error_in_the_helper_is_raised_as_itself(tmp_path: Path) -> None:
    """A chart that fails in the helper raises the same exception in the caller, noted."""
    started = tmp_path / "started"
    parent = os.getpid()

    def failing() -> str:
        if os.getpid() != parent:
            started.touch()
            raise ValueError("no such currency: XXX")
        return "drawn by the caller"

    with _pool([failing, lambda: "fine"]) as pool:
        _wait_for(started)
        pid = pool.helper_pid
        assert pid is not None
        with pytest.raises(ValueError, match="no such currency") as raised:
            pool["job-0"]
        assert any("raised in the chart process" in note for note in raised.value.__notes__)
        assert pool["job-1"] == "fine"  # the helper is gone: the caller draws the rest
    assert _gone(pid)


def test_an_exception_that_cannot_be_pickled_still_arrives(tmp_path: Path) -> None:
    started = tmp_path / "started"

    class LocalError(Exception):  # a local class cannot be pickled
        pass

    def failing() -> str:
        started.touch()
        raise LocalError("odd")

    with _pool([failing, lambda: "fine"]) as pool:
        _wait_for(started)
        time.sleep(0.2)  # the message on its way
        with pytest.raises((RuntimeError, LocalError), match="odd"):
            pool["job-0"]


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, RuntimeError])
def test_helper_stopped_and_reaped_when_the_caller_fails(
    tmp_path: Path, interrupt: type[BaseException]
) -> None:
    """Ctrl-C or an error in the caller: the helper, busy with a long chart, is gone at once."""
    started = tmp_path / "started"

    def slow() -> str:
        started.touch()
        time.sleep(120)
        return "late"

    begin = time.monotonic()
    pids: list[int | None] = []

    def render() -> None:
        with _pool([slow, slow]) as pool:
            _wait_for(started)
            pids.append(pool.helper_pid)
            raise interrupt

    with pytest.raises(interrupt):
        render()
    (pid,) = pids
    assert pid is not None
    assert _gone(pid)
    assert time.monotonic() - begin < 30


def test_helper_killed_from_outside(tmp_path: Path) -> None:
    """A helper that dies without a word (out of memory, killed): the caller draws its charts."""
    started = tmp_path / "started"
    parent = os.getpid()

    def slow() -> str:
        if os.getpid() != parent:
            started.touch()
            time.sleep(120)
        return "drawn"

    with _pool([slow, slow, slow]) as pool:
        _wait_for(started)
        pid = pool.helper_pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        assert [pool[name] for name in pool] == ["drawn"] * 3
    assert _gone(pid)


def test_no_helper_without_a_spare_core_or_with_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking is the default where it pays (a spare core) and is safe; it is left out
    when switched off, with threads, on one core or in a pool worker; the charts are then
    drawn by the caller, on demand."""
    monkeypatch.delenv(chart_pool.ENV_SWITCH, raising=False)
    assert can_fork() is (len(os.sched_getaffinity(0)) >= 2)
    monkeypatch.setenv(chart_pool.ENV_SWITCH, "1")
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: seen.append(can_fork()))
    thread.start()
    thread.join()
    assert seen == [False]
    monkeypatch.setenv(chart_pool.ENV_SWITCH, "0")
    assert not can_fork()
    with _pool([lambda: "a", lambda: "b"], parallel=False) as pool:
        assert pool.helper_pid is None
        assert dict(pool) == {"job-0": "a", "job-1": "b"}


def _children() -> set[int]:
    """This process's children (running or not yet reaped), from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.add(int(stat.parent.name))
    return found


@pytest.fixture(autouse=True)
def _no_children_left() -> Iterator[None]:
    """No test leaves a child process behind (still running, or a zombie not reaped);
    children from earlier tests (a fork server) are not this module's."""
    before = _children()
    yield
    assert _children() <= before


def test_charts_drawn_on_demand_are_freed_during_rendering() -> None:
    """A chart drawn on demand inside a render (collector paused) leaves no figure behind:
    a 300 ppi figure holds a 20 MB picture, and each one kept took 1.5 GB at 1,000 measures."""
    from matplotlib.figure import Figure

    from handlungsprogramm._gc import paused_gc

    programme = load(EXAMPLE)
    with paused_gc(), start_charts(programme, parallel=False) as pending:
        for name in pending:
            pending[name]
            assert not [o for o in gc.get_objects() if isinstance(o, Figure)], name


def test_a_chart_is_handed_over_not_kept() -> None:
    """The pool lets go of a chart once the document has it (at 5,000 measures it held
    60 MB of pictures once more); asked for again, it is drawn again."""
    calls: list[int] = []

    def draw(n: int) -> Callable[[], str]:
        return lambda: calls.append(n) or f"chart {n}"  # type: ignore[func-returns-value]

    with _pool([draw(0), draw(1)], parallel=False) as pool:
        assert pool["job-0"] == "chart 0"
        assert 0 not in pool._done
        assert pool["job-0"] == "chart 0"
    assert calls == [0, 0]
