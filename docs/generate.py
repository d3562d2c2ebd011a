"""Regenerate the reference pages that are generated from the code.

Run: .venv/bin/python docs/generate.py          (writes the pages)
     .venv/bin/python docs/generate.py --check  (exit 1 and name the stale pages)

The rules reference (from the rule registry), the input format reference (from the
model's JSON Schema), the command-line reference (from the commands), the template
context table in templates.md (from CONTEXT_DOC) and the README's exit-code table are
all generated, so none of them can drift from the code; tests/test_docs.py fails when
a committed page differs from what this script writes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from handlungsprogramm.clidoc import cli_markdown, exit_code_table
from handlungsprogramm.render.context import context_markdown
from handlungsprogramm.reporting import rules_markdown
from handlungsprogramm.schema import schema_markdown

DOCS = Path(__file__).resolve().parent
README = DOCS.parent / "README.md"


def _splice(path: Path, start: str, end: str, body: str) -> str:
    """``path``'s text with what lies between the markers ``start`` … ``end`` replaced."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"({re.escape(start)}[^\n]*\n).*?({re.escape(end)})", re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{path}: markers {start!r} … {end!r} not found")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text, count=1)


PAGES: dict[Path, Callable[[], str]] = {
    DOCS / "rules.md": lambda: rules_markdown("en"),
    DOCS / "rules.de.md": lambda: rules_markdown("de"),
    DOCS / "input-format.md": schema_markdown,
    DOCS / "cli.md": cli_markdown,
    DOCS / "templates.md": lambda: _splice(
        DOCS / "templates.md", "<!-- context:start", "<!-- context:end -->", context_markdown()
    ),
    README: lambda: _splice(
        README, "<!-- exit-codes:start", "<!-- exit-codes:end -->", exit_code_table()
    ),
}


def stale() -> list[Path]:
    """The generated pages whose committed text differs from what the code gives."""
    return [
        path
        for path, make in PAGES.items()
        if not path.exists() or path.read_text(encoding="utf-8") != make()
    ]


def main(argv: list[str]) -> int:
    """Write every generated page, or with ``--check`` only report the stale ones."""
    if "--check" in argv:
        old = stale()
        for path in old:
            print(f"stale: {path.relative_to(DOCS.parent)} (run: python docs/generate.py)")
        return 1 if old else 0
    for path, make in PAGES.items():
        text = make()
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
