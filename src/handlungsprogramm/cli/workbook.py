"""The commands that move a programme between formats: ``export`` and ``import``.

``export`` writes the canonical JSON of a programme, or a workbook to take into a
workshop; ``import`` reads such a workbook back into a programme file, or refuses with
every problem at its sheet and cell (exit 2) and writes nothing. Translators' files
(XLIFF, PO) go the same two ways; :mod:`.translations` handles them.
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
    XLIFF = "xliff"
    XLIFF2 = "xliff2"
    PO = "po"


class OnlyTexts(StrEnum):
    """Which texts ``export --to xliff|xliff2|po`` writes."""

    MISSING = "missing"
    OUTDATED = "outdated"
    ALL = "all"


def export_command(
    file: Annotated[Path, typer.Argument(help="The programme file (.yaml, .yml, .json).")],
    to: Annotated[
        ExportFormat,
        typer.Option(
            "--to",
            help="json (canonical), xlsx (a workbook), or the texts to translate: xliff"
            " (XLIFF 1.2), xliff2 (XLIFF 2.1) or po.",
        ),
    ] = ExportFormat.XLSX,
    only: Annotated[
        OnlyTexts | None,
        typer.Option(
            "--only",
            help="xliff, xliff2, po: only missing or outdated translations, or all texts;"
            " missing and outdated ones without it.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The file to write (json: standard output without it)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Write a programme as canonical JSON, as a workbook to fill in at a workshop, or
    its texts for translators (XLIFF, PO)."""
    from handlungsprogramm.workbook import canonical_json, to_workbook

    language: Lang = (lang or _default_lang()).value
    if to.value in ("xliff", "xliff2", "po"):
        from handlungsprogramm.cli.translations import export_texts_file

        texts = only.value if only else None
        export_texts_file(file, to.value, texts, out, force, language)  # type: ignore[arg-type]
        return
    if only is not None:
        raise UsageError("HP937", option="--only", command="handlungsprogramm export")
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
    book: Annotated[
        Path,
        typer.Argument(help="The workbook (.xlsx), or a translator's file (.xlf, .xliff, .po)."),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="A new programme file to write (.yaml).")
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option("--into", help="An existing programme file to update, comments kept."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    skip_stale: Annotated[
        bool,
        typer.Option(
            "--skip-stale",
            help="Translator's files: leave out units whose German text has changed or is"
            " gone, and take over the others.",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Build a programme file from a workbook, or update one; every problem at its cell.
    Take a translator's file (XLIFF, PO) into the programme it was exported from."""
    from handlungsprogramm.cli.translations import TRANSLATION_SUFFIXES, import_texts_file
    from handlungsprogramm.workbook import canonical_yaml, load_workbook_file
    from handlungsprogramm.workbook.merge import merge_into

    language: Lang = (lang or _default_lang()).value
    if book.suffix.lower() in TRANSLATION_SUFFIXES:
        import_texts_file(book, out, into, skip_stale, language)
        return
    if skip_stale:
        raise UsageError("HP937", option="--skip-stale", command="handlungsprogramm import")
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
