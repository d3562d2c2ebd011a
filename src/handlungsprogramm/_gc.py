"""Pause Python's cyclic garbage collector around work that builds many objects.

Reading a large programme, checking it and rendering it each create hundreds of
thousands of small objects (tuples, strings, proxies) and no reference cycles; every
few hundred of them triggered a collection over everything built so far, which was
more than half of the reading time and made checking and rendering of very large
programmes grow faster than linearly. Reference counting still frees memory at once;
the collector runs again afterwards. Nested pauses are fine.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
