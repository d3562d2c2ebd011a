"""Export what is still to translate in every example programme, one file per programme.

Run: .venv/bin/python examples/scripts/export_translations.py [OUT] [xliff|xliff2|po]
(default: translations, xliff). What a coordinator does after a workshop: the German
texts changed, so each partner's translator gets the texts with no translation yet and
those whose German changed since they were translated. `handlungsprogramm import
FILE.xlf --into P.yaml` takes the translated file back. Each file is read back at once,
to show that every unit is in it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal, cast

from rich.console import Console
from rich.table import Table

from handlungsprogramm import load
from handlungsprogramm.translation import State, export_texts, read_translations, text_units

EXAMPLES = Path(__file__).resolve().parent.parent
SUFFIX = {"xliff": "xlf", "xliff2": "xliff", "po": "po"}


def main(argv: list[str]) -> int:
    """Write ``<example>.<language>.<suffix>`` for every example that has texts to translate."""
    out = Path(argv[1]) if len(argv) > 1 else Path("translations")
    to = cast(Literal["xliff", "xliff2", "po"], argv[2] if len(argv) > 2 else "xliff")
    if to not in SUFFIX:
        print(f"unknown format {to!r}: xliff, xliff2 or po", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    table = Table(title="Texts to translate")
    for column in ("Programme", "Language", "Texts", "Missing", "Outdated", "File"):
        table.add_column(column)
    for source in sorted(EXAMPLES.glob("**/programme.yaml")):
        programme = load(source)
        units = text_units(programme)
        missing = sum(unit.state is State.MISSING for unit in units)
        outdated = sum(unit.state is State.OUTDATED for unit in units)
        data = export_texts(programme, to, original=source.name)
        written = "nothing to translate"
        if data is not None:
            path = out / f"{source.parent.name}.{programme.partner_language}.{SUFFIX[to]}"
            path.write_bytes(data)
            back = read_translations(data, str(path))
            assert len(back.units) == missing + outdated  # noqa: S101 - a demonstration
            written = str(path)
        table.add_row(source.parent.name, programme.partner_language, str(len(units)),
                      str(missing), str(outdated), written)  # fmt: skip
    Console(width=120).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
