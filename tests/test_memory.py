"""Freed memory goes back to the system between stages (``_memory.give_back``).

The peak at 5,000 measures is measured in ``bench/`` (docs/performance.md); this checks
that the mechanism it relies on works on this system: memory freed in the middle of the
heap, which ``free`` alone keeps, leaves the process.
"""

from __future__ import annotations

import subprocess
import sys

_CHILD = """
import sys
from handlungsprogramm._memory import give_back

def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) // 1024

chunks = [bytes(1000) + bytes([i % 251]) for i in range(150_000)]  # ~150 MB of heap
kept = chunks[::50]  # one in 50 stays: free() cannot shrink the heap past them
full = rss()
del chunks
freed = rss()
print(full, freed, give_back(), rss())
"""


def test_freed_memory_in_the_middle_of_the_heap_is_given_back() -> None:
    """150 MB freed between live allocations: the process keeps it until ``give_back``."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], check=True, capture_output=True, text=True, timeout=60
    ).stdout.split()
    full, freed, trimmed, after = int(out[0]), int(out[1]), out[2], int(out[3])
    assert trimmed == "True"
    assert full - freed < 50  # free() alone kept most of it
    assert freed - after > 100  # give_back() returned it
