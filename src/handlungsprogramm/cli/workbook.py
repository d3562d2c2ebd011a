"""The commands that move a programme between formats: ``export`` and ``import``.

``export`` writes the canonical JSON of a programme, or a workbook to take into a
workshop; ``import`` reads such a workbook back into a programme file, or refuses with
every problem at its sheet and cell (exit 2) and writes nothing.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import (
    LangOption,
    _default_lang,
    _load_or_exit,
    fail,
    say,
    write_output,
)
from handlungsprogramm.errors import OutputExistsError, ProgrammeLoadError, UsageError
from handlungsprogramm.i18n.lang import Lang

__all__ = ["export_command", "import_command"]


class ExportFormat(StrEnum):
    """What ``export`` writes."""

    JSON = "json"
    XLSX = "xlsx"


def export_command(
    file: Annotated[Path, typer.Argument(help="The programme file (.yaml, .yml, .json).")],
    to: Annotated[
        ExportFormat, typer.Option("--to", help="json (canonical) or xlsx (a workbook).")
    ] = ExportFormat.XLSX,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The file to write (json: standard output without it)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Write a programme as canonical JSON or as a workbook to fill in at a workshop."""
    from handlungsprogramm.workbook import canonical_json, to_workbook

    language: Lang = (lang or _default_lang()).value
    programme = _load_or_exit(file, language)
    if to is ExportFormat.JSON:
        text = canonical_json(programme)
        if out is None:
            sys.stdout.write(text)
            return
        data = text.encode("utf-8")
    else:
        out = out or Path(file.stem + ".xlsx")
        data = to_workbook(programme)
    if out.exists() and not force:  # a workbook edited at a workshop is never lost
        raise OutputExistsError("HP904", path=str(out))
    write_output(out, data)
    say("HP950", language, path=str(out))


def import_command(
    book: Annotated[Path, typer.Argument(help="The workbook (.xlsx) to read.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="A new programme file to write (.yaml).")
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option("--into", help="An existing programme file to update, comments kept."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Build a programme file from a workbook, or update one; every problem at its cell."""
    from handlungsprogramm.workbook import canonical_yaml, load_workbook_file
    from handlungsprogramm.workbook.merge import merge_into

    language: Lang = (lang or _default_lang()).value
    if (out is None) == (into is None):
        raise UsageError("HP929", command="handlungsprogramm import")
    try:
        programme = load_workbook_file(book)
        kept = True
        if into is not None:
            (text, kept), target = merge_into(into, programme), into
        else:
            assert out is not None  # noqa: S101 - one of them, checked above
            if out.exists() and not force:
                raise OutputExistsError("HP904", path=str(out))
            text, target = canonical_yaml(programme), out
    except ProgrammeLoadError as exc:
        fail(exc, language, source=str(book))
    write_output(target, text.encode("utf-8"))
    say("HP970", language, path=str(target))
    if not kept:
        say("HP971", language, path=str(target))
