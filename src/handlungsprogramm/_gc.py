"""Pause Python's cyclic garbage collector around work that builds many objects.

Reading a large programme, checking it and rendering it each create hundreds of
thousands of small objects (tuples, strings, proxies) and no reference cycles; every
few hundred of them triggered a collection over everything built so far, which was
more than half of the reading time and made checking and rendering of very large
programmes grow faster than linearly. Reference counting still frees memory at once;
the collector runs again afterwards. Nested pauses are fine.

Charts are the exception: a matplotlib figure is a web of cycles (artists point to
their figure and back), so with the collector paused every closed figure stayed in
memory until the end of rendering — 260 MB for the 45 images of 1,000 measures.
Chart drawing runs with the collector on (``running_gc``), inside a paused render,
and with everything older frozen, so that collecting stays cheap.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["paused_gc", "running_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore its previous state after."""
    if not _in_main_thread():
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def running_gc() -> Iterator[None]:
    """Collect the cycles made inside the block (even within ``paused_gc``); restore after.

    Everything that exists on entry is frozen (``gc.freeze``): the collector then looks
    only at what the block makes. Without that, each of its rounds went through the
    whole programme and document built so far — millions of objects at 5,000 measures,
    for every few charts.
    """
    if not _in_main_thread():
        yield
        return
    was_enabled = gc.isenabled()
    # a host application may have frozen its own objects: those stay as they are
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()
        if freeze:
            gc.unfreeze()


def _in_main_thread() -> bool:
    """The collector's switch is global: only the main thread turns it.

    A host application that renders in several threads would otherwise see one thread's
    pause end another's, or the collector left off; there rendering runs with the
    collector as the application left it (slower for very large programmes, never wrong).
    """
    return threading.current_thread() is threading.main_thread()
