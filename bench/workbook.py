"""Benchmark: export a programme to a workbook and import it back, 10 to 1,000 measures.

Run:  .venv/bin/python bench/workbook.py            (sizes 10, 100, 1000; 3 runs each)
      .venv/bin/python bench/workbook.py --sizes 10 --repeat 1   (a quick look)

Measures the median wall time of writing the workbook (to_workbook) and of reading it
back (from_workbook, including the validation of the programme), the workbook's size,
and the peak memory of the process; prints a table and stores the figures under
``workbook`` in bench/results.json, which bench/report.py turns into a section of
docs/performance.md. Not part of the pass/fail suite.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from synthetic import synthetic  # noqa: E402

from handlungsprogramm import from_data  # noqa: E402
from handlungsprogramm.workbook import from_workbook, to_workbook  # noqa: E402


def main(argv: list[str]) -> int:
    """Time export and import at each size and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    args = parser.parse_args(argv[1:])
    rows = []
    print("| Measures | Export | Import | Workbook | Peak memory |")
    print("|---:|---:|---:|---:|---:|")
    for size in (int(part) for part in args.sizes.split(",")):
        programme = from_data(synthetic(size))
        exports, imports = [], []
        data = b""
        for _ in range(args.repeat):
            start = time.perf_counter()
            data = to_workbook(programme)
            exports.append(time.perf_counter() - start)
            start = time.perf_counter()
            from_workbook(data, "bench.xlsx")
            imports.append(time.perf_counter() - start)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append({
            "measures": size, "export_s": statistics.median(exports),
            "import_s": statistics.median(imports), "kb": len(data) / 1024, "peak_mb": peak,
        })  # fmt: skip
        print(
            f"| {size:,} | {statistics.median(exports):.2f} s | {statistics.median(imports):.2f} s"
            f" | {len(data) / 1024:,.0f} KB | {peak:,.0f} MB |"
        )
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results["workbook"] = {"repeat": args.repeat, "sizes": rows}
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
