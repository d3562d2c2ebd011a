"""The commands that work on a finished PDF: ``verify`` and ``fill-form`` (``sign`` is in
:mod:`.signing`).

Grouped because each reads a PDF from disk (refusing devices and pipes), reports a
PDF problem as exit 7 and writes a PDF back.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import (
    LangOption,
    _default_lang,
    _load_or_exit,
    console,
    read_input,
    require_file,
    say,
    write_output,
)
from handlungsprogramm.errors import UsageError
from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n.lang import Lang


class VerifyFormat(StrEnum):
    """Output formats of ``verify``."""

    TEXT = "text"
    JSON = "json"


def verify_command(
    pdf: Annotated[Path, typer.Argument(help="The PDF to verify.")],
    trust: Annotated[
        list[Path] | None,
        typer.Option("--trust", help="A trusted certificate (PEM/DER), repeatable."),
    ] = None,
    require_trust: Annotated[
        bool, typer.Option("--require-trust", help="Also require every signer to be trusted.")
    ] = False,
    output_format: Annotated[
        VerifyFormat, typer.Option("--format", help="text for people, json for programs.")
    ] = VerifyFormat.TEXT,
    lang: LangOption = None,
) -> None:
    """Report on every signature field; exit 0 only when all are signed, intact and valid."""
    from handlungsprogramm.pdf.signing import verify_pdf
    from handlungsprogramm.reporting import (
        verification_findings,
        verification_json,
        verification_table,
        verification_verdict,
    )

    language: Lang = (lang or _default_lang()).value
    data = read_input(pdf)
    for certificate in trust or []:
        require_file(certificate)
    reports = verify_pdf(data, trust=trust or [])
    ok = bool(reports) and all(r.ok and (r.trusted or not require_trust) for r in reports)
    asked = bool(trust) or require_trust
    if output_format is VerifyFormat.JSON:
        code = ExitCode.OK if ok else ExitCode.INCOMPLETE
        document = verification_json(str(pdf), reports, language, trust=asked, exit_code=code)
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        # piped or redirected, the table is as wide as it needs: a log keeps every column
        out = console(width=None if sys.stdout.isatty() else 200)
        out.print(verification_table(reports, language))
        for line in verification_findings(reports, language, trust=asked):
            typer.echo(line)
        if reports:
            typer.echo(verification_verdict(reports, language, ok=ok))
    if require_trust and not trust:
        say("HP958", language)
    if not reports:
        say("HP959", language)
    raise typer.Exit(ExitCode.OK if ok else ExitCode.INCOMPLETE)


def fill_form_command(
    form: Annotated[Path | None, typer.Argument(help="The PDF form to fill.")] = None,
    programme_file: Annotated[
        Path | None, typer.Option("--programme", help="The programme file.")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", help="Mapping of form fields to paths (YAML).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="The filled PDF.")] = None,
    flatten: Annotated[
        bool, typer.Option("--flatten", help="Turn the fields into page content.")
    ] = False,
    list_paths: Annotated[
        bool, typer.Option("--list-paths", help="List the paths a mapping can use, then stop.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Fill even a form that carries signatures (breaks them)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Fill a PDF form from a programme, following a mapping file."""
    from handlungsprogramm.pdf.forms import fill_form, load_mapping, value_paths

    language: Lang = (lang or _default_lang()).value
    if programme_file is None:
        raise UsageError("HP922", what="--programme", command="handlungsprogramm fill-form")
    programme = _load_or_exit(programme_file, language)
    if list_paths:
        for path in value_paths(programme):
            typer.echo(path)
        return
    if form is None or mapping is None or out is None:
        raise UsageError("HP923", command="handlungsprogramm fill-form")
    form_bytes = read_input(form)
    filled = fill_form(form_bytes, programme, load_mapping(mapping), flatten=flatten, force=force)
    write_output(out, filled)
    say("HP950", language, path=str(out))
