"""Build every example programme to DOCX and PDF and print a summary table.

Run: .venv/bin/python examples/scripts/build_all.py [OUT]   (default: out)
What LAG 21 staff do for a whole project phase: one call, LibreOffice started once per
batch, one line per programme with its measures, open findings, pages and files.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from pypdf import PdfReader
from rich.console import Console
from rich.table import Table

from handlungsprogramm.build import Target, build_files

EXAMPLES = Path(__file__).resolve().parent.parent


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def main(argv: list[str]) -> int:
    """Build all examples into the folder named on the command line (default ``out``)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("out")
    files = sorted(EXAMPLES.glob("*/programme.yaml"))
    items = build_files(files, out, targets=frozenset({Target.DOCX, Target.PDF}))
    table = Table(title="Examples built")
    for column in ("Programme", "Measures", "Findings", "Pages", "Files"):
        table.add_column(column)
    worst = 0
    for item in items:
        worst = max(worst, item.exit_code)
        if item.programme is None or item.result is None:
            table.add_row(str(item.source), "–", "cannot be loaded", "–", "–")
            continue
        pdfs = [p for p in item.written if p.suffix == ".pdf"]
        pages = len(PdfReader(io.BytesIO(pdfs[0].read_bytes())).pages) if pdfs else 0
        counts = item.result.report.counts()
        partnership = item.programme.partnership
        table.add_row(
            f"{partnership.german.name} – {partnership.partner.name}",
            str(len(item.programme.measures)),
            f"{_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}",
            str(pages),
            ", ".join(p.name for p in item.written),
        )
    Console(width=160).print(table)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv))
