"""The command that compares two drafts: ``diff OLD NEW``.

Prints what changed by code (text or JSON), or writes the bilingual change document
(DOCX or PDF) for a council. Exit 0: the drafts say the same; 1: there are changes;
2: a file cannot be loaded.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import LangOption, _default_lang, _load_or_exit, say
from handlungsprogramm.errors import OutputExistsError, UsageError
from handlungsprogramm.i18n.lang import Lang
from handlungsprogramm.options import Layout

__all__ = ["diff_command"]


class DiffFormat(StrEnum):
    """What ``diff`` prints."""

    TEXT = "text"
    JSON = "json"


def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier draft (.yaml, .yml, .json).")],
    new: Annotated[Path, typer.Argument(help="The later draft.")],
    output_format: Annotated[
        DiffFormat, typer.Option("--format", help="text for people, json for programs.")
    ] = DiffFormat.TEXT,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the change document instead: CHANGES.docx or .pdf."),
    ] = None,
    layout: Annotated[
        Layout,
        typer.Option("--layout", help="Change document: side-by-side or sequential."),
    ] = Layout.SIDE_BY_SIDE,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Show what changed between two drafts, by code. Exit 0: the same; 1: changes; 2:
    a file cannot be loaded."""
    from handlungsprogramm.diff import compare
    from handlungsprogramm.diff.report import report_lines

    language: Lang = (lang or _default_lang()).value
    before = _load_or_exit(old, language)
    after = _load_or_exit(new, language)
    changes = compare(before, after, old_name=str(old), new_name=str(new))
    if out is not None:
        from handlungsprogramm.cli.common import write_output
        from handlungsprogramm.diff.document import change_document

        inputs = {old.resolve(), new.resolve()}
        if out.suffix.lower() not in (".docx", ".pdf") or out.resolve() in inputs:
            raise UsageError("HP939", path=str(out), command="handlungsprogramm diff")
        if out.exists() and not force:
            raise OutputExistsError("HP904", path=str(out))
        pdf = out.suffix.lower() == ".pdf"
        write_output(out, change_document(changes, after, layout=layout, pdf=pdf))
        say("HP950", language, path=str(out))
    if output_format is DiffFormat.JSON:
        typer.echo(json.dumps(changes.as_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(report_lines(changes, language)))
    raise typer.Exit(0 if changes.identical else 1)
