"""Regenerate the reference pages that are generated from the code.

Run: .venv/bin/python docs/generate.py          (writes the pages)
     .venv/bin/python docs/generate.py --check  (exit 1 and name the stale pages)

The rules reference (from the rule registry), the messages reference (from the message
catalogue), the input format reference (from the
model's JSON Schema), the command-line reference (from the commands), the template
context table in templates.md (from CONTEXT_DOC), the table of the public API in
api.md (from ``handlungsprogramm.__all__`` and the docstrings) and the README's
exit-code table are all generated, so none of them can drift from the code;
tests/test_docs.py fails when a committed page differs from what this script writes.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable
from pathlib import Path

import handlungsprogramm
from handlungsprogramm.clidoc import cli_markdown, exit_code_table
from handlungsprogramm.compose.context import context_markdown
from handlungsprogramm.i18n.catalogue.reference import messages_markdown
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


API_GROUPS: dict[str, tuple[str, ...]] = {
    "Loading and the model": (
        "load", "loads", "from_data", "scaffold", "json_schema", "Programme", "Text",
        "YearMonth", "SourceLocation", "LoadProblem",
    ),
    "Checking": ("check", "Report", "Finding", "Rule", "Severity", "REGISTRY"),
    "Documents": (
        "render_docx", "write_docx", "DocxResult", "Layout", "Mode", "render_pdf",
        "build_files", "BuildItem", "Target",
    ),
    "Signing and forms": (
        "sign_pdf", "Pkcs11Key", "Level", "verify_pdf", "FieldReport", "fill_form",
        "load_mapping", "FormMapping",
        "make_demo_identity", "DemoIdentity",
    ),
    "Errors": (
        "HandlungsprogrammError", "ProgrammeLoadError", "IncompleteProgrammeError",
        "TemplateError", "SofficeNotFoundError", "ConversionError", "PdfError", "SigningError",
        "OutputExistsError", "WriteError",
    ),
    "Other": ("__version__",),
}  # fmt: skip
"""The rows of the API table in api.md, grouped; every name of ``__all__`` exactly once."""

_DATA_SUMMARIES = {
    "REGISTRY": "Every completeness rule by code (``HP101`` …): the rules ``check`` runs.",
    "__version__": "The installed version of the package.",
}


def _summary(obj: object, name: str) -> str:
    """The first sentence block of ``obj``'s docstring, as one Markdown line."""
    doc = _DATA_SUMMARIES.get(name) or inspect.getdoc(obj) or ""
    first = " ".join(doc.split("\n\n", 1)[0].split())
    first = re.sub(r":\w+:`~?(?:[\w.]+\.)?(\w+)`", r"`\1`", first)  # :class:`~a.B` → `B`
    return first.replace("``", "`")


def api_markdown() -> str:
    """The table of every public name with its one-line summary and its module."""
    names = [n for group in API_GROUPS.values() for n in group]
    if sorted(names) != sorted(handlungsprogramm.__all__):
        missing = set(handlungsprogramm.__all__) ^ set(names)
        raise SystemExit(f"docs/generate.py: API_GROUPS and __all__ differ in {sorted(missing)}")
    lines = []
    for title, group in API_GROUPS.items():
        lines += [f"**{title}**", "", "| Name | What it is | Also in |", "|---|---|---|"]
        for name in group:
            obj = getattr(handlungsprogramm, name)
            module = getattr(obj, "__module__", None) if callable(obj) else None
            module = module or {"REGISTRY": "handlungsprogramm.checks"}.get(name, "")
            where = f"`{module}`" if module.startswith("handlungsprogramm.") else ""
            lines.append(f"| `{name}` | {_summary(obj, name)} | {where} |")
        lines.append("")
    return "\n".join(lines)


PAGES: dict[Path, Callable[[], str]] = {
    DOCS / "rules.md": lambda: rules_markdown("en"),
    DOCS / "rules.de.md": lambda: rules_markdown("de"),
    DOCS / "messages.md": lambda: messages_markdown("en"),
    DOCS / "messages.de.md": lambda: messages_markdown("de"),
    DOCS / "input-format.md": schema_markdown,
    DOCS / "cli.md": cli_markdown,
    DOCS / "templates.md": lambda: _splice(
        DOCS / "templates.md", "<!-- context:start", "<!-- context:end -->", context_markdown()
    ),
    DOCS / "api.md": lambda: _splice(
        DOCS / "api.md", "<!-- api:start", "<!-- api:end -->", api_markdown()
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
