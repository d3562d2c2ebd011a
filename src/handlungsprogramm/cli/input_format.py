"""The commands about the input format: ``init``, ``migrate`` and ``schema``.

Together because each writes or describes programme files rather than reading one to
check or build it.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handlungsprogramm.cli.common import (
    ExitCode,
    LangOption,
    _default_lang,
    _err,
    _usage_error,
    _write_or_exit,
    console,
)
from handlungsprogramm.errors import (
    ProgrammeLoadError,
)
from handlungsprogramm.i18n.messages import Lang
from handlungsprogramm.input_files import os_reason

if TYPE_CHECKING:
    from handlungsprogramm.migrate import Migration


class SchemaFormat(StrEnum):
    """Output of ``schema``."""

    JSON = "json"
    MARKDOWN = "markdown"


def schema_command(
    output_format: Annotated[
        SchemaFormat,
        typer.Option("--format", help="json for editors, markdown for the reference page."),
    ] = SchemaFormat.JSON,
) -> None:
    """Print the JSON Schema of the input format (for editors such as VS Code)."""
    from handlungsprogramm.schema import json_schema, schema_markdown

    if output_format is SchemaFormat.MARKDOWN:
        typer.echo(schema_markdown(), nl=False)
        return
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def init_command(
    out: Annotated[Path, typer.Argument(help="The new programme file, e.g. programme.yaml.")],
    german: Annotated[str, typer.Option("--german", help="Name of the German municipality.")],
    partner: Annotated[str, typer.Option("--partner", help="Name of the partner municipality.")],
    partner_country: Annotated[
        str, typer.Option("--partner-country", help="ISO 3166-1 alpha-2 code, e.g. SN.")
    ],
    language: Annotated[
        str, typer.Option("--language", help="The partner's working language (ISO 639-1), e.g. fr.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Write a new programme with every section present, ready to fill in."""
    from handlungsprogramm.model.types import is_country_code, is_language_code
    from handlungsprogramm.scaffold import scaffold

    msg_lang: Lang = (lang or _default_lang()).value
    country = partner_country.strip().upper()
    code = language.strip().lower()
    if not is_country_code(country):
        _usage_error(
            (
                f"--partner-country: '{partner_country}' is not an ISO 3166-1 alpha-2 code",
                f"--partner-country: '{partner_country}' ist kein Ländercode"
                " nach ISO 3166-1 alpha-2",
            ),
            msg_lang,
        )
    if not is_language_code(code):
        _usage_error(
            (
                f"--language: '{language}' is not an ISO 639-1 language code",
                f"--language: '{language}' ist kein Sprachcode nach ISO 639-1",
            ),
            msg_lang,
        )
    if code == "de":
        _usage_error(
            (
                "--language: the partner's language must not be German",
                "--language: die Sprache des Partners darf nicht Deutsch sein",
            ),
            msg_lang,
        )
    for option, name in (("--german", german), ("--partner", partner)):
        if not name.strip() or any(ord(ch) < 32 for ch in name) or len(name) > 300:
            _usage_error(
                (
                    f"{option}: give the municipality's name (1–300 characters, no line breaks)",
                    f"{option}: den Namen der Kommune angeben (1–300 Zeichen, ohne Zeilenumbruch)",
                ),
                msg_lang,
            )
    if out.exists() and not force:
        _err(
            (
                f"{out} exists; use --force to overwrite it",
                f"{out} existiert bereits; mit --force überschreiben",
            ),
            msg_lang,
        )
        raise typer.Exit(ExitCode.OUTPUT_EXISTS)
    _write_or_exit(
        out, scaffold(german.strip(), partner.strip(), country, code).encode("utf-8"), msg_lang
    )
    _err(
        (
            f"wrote {out}; fill it in and run: handlungsprogramm check {out}",
            f"{out} geschrieben; ausfüllen und prüfen mit: handlungsprogramm check {out}",
        ),
        msg_lang,
    )


def migrate_command(
    files: Annotated[list[Path], typer.Argument(help="Programme files (.yaml, .yml, .json).")],
    check_only: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if a file is not current (for CI)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Bring programme files to the current input format, in place; comments and order kept."""
    from handlungsprogramm.migrate import migrate_file
    from handlungsprogramm.reporting import CheckResult, print_result

    language: Lang = (lang or _default_lang()).value
    out = console(stderr=True)
    codes = [ExitCode.OK]
    for file in files:
        try:
            migration = migrate_file(file, write=not check_only)
        except ProgrammeLoadError as exc:
            print_result(out, CheckResult(str(file), problems=exc.problems), language)
            codes.append(ExitCode.INVALID_INPUT)
            continue
        except OSError as exc:  # reading is done: this is the write
            _err(
                (
                    f"error: cannot write {file}: {os_reason(exc, 'en')}",
                    f"Fehler: {file} nicht schreibbar: {os_reason(exc, 'de')}",
                ),
                language,
            )
            codes.append(ExitCode.CANNOT_WRITE)
            continue
        _err(_migration_message(migration, check_only), language)
        if check_only and migration.changed:
            codes.append(ExitCode.INCOMPLETE)
    raise typer.Exit(max(codes))


def _migration_message(migration: Migration, check_only: bool) -> tuple[str, str]:
    """One line on what ``migrate`` did to a file, or (``--check``) would do."""
    name, old, new = migration.name, migration.from_version, migration.to_version
    if not migration.changed:
        return (
            f"{name}: input format {new}, current; nothing to change",
            f"{name}: Eingabeformat {new}, aktuell; nichts zu ändern",
        )
    if check_only:
        what = (
            (f"is written for input format {old}", f"ist im Eingabeformat {old} geschrieben")
            if old < new
            else ("has no schema_version", "hat kein schema_version")
        )
        return (
            f"{name}: {what[0]}, not current; run: handlungsprogramm migrate {name}",
            f"{name}: {what[1]}, nicht aktuell; ausführen: handlungsprogramm migrate {name}",
        )
    done = (
        (
            f"{name}: updated from input format {old} to {new}",
            f"{name}: vom Eingabeformat {old} auf {new} umgestellt",
        )
        if old < new
        else (
            f"{name}: added schema_version: {new} (the format was already current)",
            f"{name}: schema_version: {new} eingetragen (das Format war schon aktuell)",
        )
    )
    if not migration.relaid:
        return done
    return (
        f"{done[0]}; its indentation or spacing was rewritten too: review the changes",
        f"{done[1]}; auch Einrückung oder Abstände wurden neu geschrieben:"
        " bitte die Änderungen prüfen",
    )
