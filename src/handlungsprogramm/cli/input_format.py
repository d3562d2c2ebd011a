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

from handlungsprogramm.cli.common import LangOption, _default_lang, report, say, write_output
from handlungsprogramm.errors import (
    OutputExistsError,
    ProgrammeLoadError,
    UsageError,
    WriteError,
)
from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n import catalogue
from handlungsprogramm.i18n.lang import LANGS, Lang

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
    init = "handlungsprogramm init"
    if not is_country_code(country):
        raise UsageError("HP924", value=partner_country, command=init)
    if not is_language_code(code):
        raise UsageError("HP925", value=language, command=init)
    if code == "de":
        raise UsageError("HP926", command=init)
    for option, name in (("--german", german), ("--partner", partner)):
        if not name.strip() or any(ord(ch) < 32 for ch in name) or len(name) > 300:
            raise UsageError("HP927", option=option, command=init)
    if out.exists() and not force:
        raise OutputExistsError("HP904", path=str(out))
    write_output(out, scaffold(german.strip(), partner.strip(), country, code).encode("utf-8"))
    say("HP953", msg_lang, path=str(out))


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

    language: Lang = (lang or _default_lang()).value
    codes: list[int] = [ExitCode.OK]
    for file in files:
        try:
            migration = migrate_file(file, write=not check_only)
        except ProgrammeLoadError as exc:
            report(exc, language, source=str(file))
            codes.append(exc.exit_code)
            continue
        except OSError as exc:  # reading is done: this is the write
            error = WriteError(file, exc)
            report(error, language)
            codes.append(error.exit_code)
            continue
        code, ctx = _migration_message(migration, check_only)
        say(code, language, **ctx)
        if check_only and migration.changed:
            codes.append(ExitCode.INCOMPLETE)
    raise typer.Exit(max(codes))


def _migration_message(migration: Migration, check_only: bool) -> tuple[str, dict[str, object]]:
    """The note on what ``migrate`` did to a file, or (``--check``) would do: its code
    and context."""
    name, old, new = migration.name, migration.from_version, migration.to_version
    if not migration.changed:
        return "HP961", {"name": name, "new": new}
    if check_only:
        return ("HP962" if old < new else "HP963"), {"name": name, "old": old}
    done = ("HP964" if old < new else "HP965"), {"name": name, "old": old, "new": new}
    if not migration.relaid:
        return done
    line = tuple(catalogue.text(done[0], lang, done[1]) for lang in LANGS)
    return "HP966", {"done": line}
