"""Export every example programme to a workbook for a workshop, and read each back.

Run: .venv/bin/python examples/scripts/export_workbooks.py [OUT]   (default: workbooks)
What a coordinator does before a workshop: one workbook per programme, to fill in with
Excel or LibreOffice Calc; `handlungsprogramm import BOOK.xlsx --out P.yaml` brings it
back. Each workbook is read back at once, to show that nothing is lost on the way.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from openpyxl import load_workbook
from rich.console import Console
from rich.table import Table

from handlungsprogramm import load
from handlungsprogramm.workbook import canonical_json, from_workbook, to_workbook

EXAMPLES = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Write ``<example>.xlsx`` for every example into the folder named (default ``workbooks``)."""
    out = Path(argv[1]) if len(argv) > 1 else Path("workbooks")
    out.mkdir(parents=True, exist_ok=True)
    table = Table(title="Workbooks for workshops")
    for column in ("Workbook", "Sheets", "Measures", "Money rows", "Read back"):
        table.add_column(column)
    for source in sorted(EXAMPLES.glob("*/programme.yaml")):
        programme = load(source)
        data = to_workbook(programme)
        path = out / f"{source.parent.name}.xlsx"
        path.write_bytes(data)
        book = load_workbook(io.BytesIO(data), read_only=True)
        visible = [sheet.title for sheet in book.worksheets if sheet.sheet_state == "visible"]
        money = sum(len(m.resources.money) for m in programme.measures)
        same = canonical_json(from_workbook(data, str(path))) == canonical_json(programme)
        table.add_row(str(path), str(len(visible)), str(len(programme.measures)), str(money),
                      "unchanged" if same else "CHANGED")  # fmt: skip
        book.close()
    Console(width=120).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
