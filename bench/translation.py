"""Benchmark: texts out to translators and back, 100 to 5,000 measures.

Run:  .venv/bin/python bench/translation.py            (sizes 100, 1000, 5000; 3 runs each)
      .venv/bin/python bench/translation.py --sizes 100 --repeat 1   (a quick look)

Measures the median wall time of exporting every text as XLIFF 1.2 and as PO, of
reading the XLIFF file back and taking every unit over (``take_over``, which validates
the programme with the translations and their records), and of ``check`` once every
text is recorded (rule HP104 then walks all texts); the XLIFF file's size and the
process's peak memory. Prints a table and stores the figures under ``translation`` in
bench/results.json, which bench/report.py turns into a section of docs/performance.md.
Not part of the pass/fail suite.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from synthetic import synthetic  # noqa: E402

from handlungsprogramm import Programme, check, from_data  # noqa: E402
from handlungsprogramm.translation import (  # noqa: E402
    Only,
    Outcome,
    export_texts,
    read_translations,
    take_over,
    text_units,
)


def _median(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _import(programme: Programme, data: bytes) -> Outcome:
    return take_over(programme, read_translations(data, "bench.xlf"))


def main(argv: list[str]) -> int:
    """Time export, import and check at each size and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    args = parser.parse_args(argv[1:])
    rows = []
    print(
        "| Measures | Texts | Export XLIFF | Export PO | Import | Check, all recorded | XLIFF | Peak memory |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(part) for part in args.sizes.split(",")):
        programme = from_data(synthetic(size))
        texts = len(text_units(programme))
        xliff_s, data = _median(partial(export_texts, programme, "xliff", Only.ALL), args.repeat)
        po_s, _ = _median(partial(export_texts, programme, "po", Only.ALL), args.repeat)
        # every text is translated, so every unit comes back finished and is recorded
        import_s, outcome = _median(partial(_import, programme, data), args.repeat)
        check_s, _ = _median(partial(check, outcome.programme), args.repeat)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append({
            "measures": size, "texts": texts, "xliff_s": xliff_s, "po_s": po_s,
            "import_s": import_s, "check_s": check_s, "kb": len(data) / 1024, "peak_mb": peak,
        })  # fmt: skip
        print(
            f"| {size:,} | {texts:,} | {xliff_s:.2f} s | {po_s:.2f} s | {import_s:.2f} s"
            f" | {check_s:.2f} s | {len(data) / 1024:,.0f} KB | {peak:,.0f} MB |"
        )
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results["translation"] = {"repeat": args.repeat, "sizes": rows}
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
