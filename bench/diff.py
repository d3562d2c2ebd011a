"""Benchmark: comparing two drafts, 100 to 5,000 measures.

Run:  .venv/bin/python bench/diff.py            (sizes 100, 1000, 5000; 3 runs each)
      .venv/bin/python bench/diff.py --sizes 100 --repeat 1   (a quick look)

The new draft is the old with a title changed in every tenth measure and every
twentieth measure removed. Measures the median wall time of ``compare`` (both
programmes' data, fingerprints and money totals included) and of the change document
in Word (``change_docx``), the number of changes and the process's peak memory; prints a
table and stores the figures under ``diff`` in bench/results.json, which
bench/report.py turns into a section of docs/performance.md. Not part of the pass/fail
suite.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from synthetic import synthetic  # noqa: E402

from handlungsprogramm import from_data  # noqa: E402
from handlungsprogramm.diff import compare  # noqa: E402
from handlungsprogramm.diff.document import change_docx  # noqa: E402


def _edited(data: dict[str, Any]) -> dict[str, Any]:
    new = copy.deepcopy(data)
    for index, measure in enumerate(new["measures"]):
        if index % 10 == 0:
            measure["title"]["de"] += " (überarbeitet)"
    new["measures"] = [m for i, m in enumerate(new["measures"]) if i % 20 != 19]
    return new


def main(argv: list[str]) -> int:
    """Time compare and the change document at each size and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    args = parser.parse_args(argv[1:])
    rows = []
    print("| Measures | Changes | Compare | Change document (DOCX) | Peak memory |")
    print("|---:|---:|---:|---:|---:|")
    for size in (int(part) for part in args.sizes.split(",")):
        data = synthetic(size)
        old, new = from_data(data), from_data(_edited(data))
        compares, documents = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            changes = compare(old, new)
            compares.append(time.perf_counter() - start)
            start = time.perf_counter()
            change_docx(changes, new)
            documents.append(time.perf_counter() - start)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        row = {
            "measures": size, "changes": len(changes.changes),
            "compare_s": statistics.median(compares), "docx_s": statistics.median(documents),
            "peak_mb": peak,
        }  # fmt: skip
        rows.append(row)
        print(
            f"| {size:,} | {row['changes']:,} | {row['compare_s']:.2f} s | {row['docx_s']:.2f} s"
            f" | {peak:,.0f} MB |"
        )
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results["diff"] = {"repeat": args.repeat, "sizes": rows}
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
