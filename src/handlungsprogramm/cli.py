"""The ``handlungsprogramm`` command: a thin typer layer over the library's functions.

Exit codes (stable, documented in the README):

* 0 — success; for ``check``: no completeness errors
* 1 — completeness errors (the programme loads but is incomplete)
* 2 — the input cannot be loaded, or the command line is wrong
* 3 — the command would overwrite an existing file (use ``--force``)
"""

from __future__ import annotations

import json
import os
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from handlungsprogramm._version import __version__
from handlungsprogramm.checks import REGISTRY, check
from handlungsprogramm.errors import ProgrammeLoadError
from handlungsprogramm.i18n.messages import Lang
from handlungsprogramm.loading import load
from handlungsprogramm.model.types import is_country_code, is_language_code
from handlungsprogramm.output import write_atomic
from handlungsprogramm.reporting import CheckResult, print_result, results_json, rules_markdown
from handlungsprogramm.scaffold import scaffold
from handlungsprogramm.schema import json_schema

__all__ = ["ExitCode", "app", "main"]


class ExitCode(IntEnum):
    """Exit codes of every command."""

    OK = 0
    INCOMPLETE = 1
    INVALID_INPUT = 2
    OUTPUT_EXISTS = 3


class OutputFormat(StrEnum):
    """Output formats of ``check``."""

    TEXT = "text"
    JSON = "json"


class RulesFormat(StrEnum):
    """Output formats of ``rules``."""

    TEXT = "text"
    MARKDOWN = "markdown"


class Language(StrEnum):
    """Languages of messages."""

    EN = "en"
    DE = "de"


app = typer.Typer(
    name="handlungsprogramm",
    help=(
        "Joint programmes of action of municipal climate partnerships: check them, "
        "build bilingual documents. / Gemeinsame Handlungsprogramme kommunaler "
        "Klimapartnerschaften prüfen und zweisprachige Dokumente erstellen."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _default_lang() -> Language:
    wanted = os.environ.get("HANDLUNGSPROGRAMM_LANG") or os.environ.get("LANG", "")
    return Language.DE if wanted.lower().startswith("de") else Language.EN


def _version(value: bool) -> None:
    if value:
        typer.echo(f"handlungsprogramm {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Joint programmes of action of municipal climate partnerships."""


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of messages (default: HANDLUNGSPROGRAMM_LANG, else LANG, else en).",
        show_default=False,
    ),
]


@app.command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help="Programme files (.yaml, .yml, .json).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text for people, json for programs.")
    ] = OutputFormat.TEXT,
    lang: LangOption = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", metavar="CODE", help="Skip a rule (repeatable), e.g. --ignore HP311."
        ),
    ] = None,
) -> None:
    """Check programmes for completeness. Exit 0: complete; 1: errors; 2: cannot load."""
    language: Lang = (lang or _default_lang()).value
    skip = {code.upper() for code in ignore or []}
    unknown = sorted(skip - REGISTRY.keys())
    if unknown:
        _usage_error(f"unknown rule code(s): {', '.join(unknown)}", language)
    results: list[CheckResult] = []
    for file in files:
        try:
            programme = load(file)
        except ProgrammeLoadError as exc:
            results.append(CheckResult(str(file), problems=exc.problems))
            continue
        results.append(CheckResult(str(file), programme, check(programme, ignore=skip)))
    if output_format is OutputFormat.JSON:
        typer.echo(json.dumps(results_json(results, language), ensure_ascii=False, indent=2))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for result in results:
            print_result(console, result, language)
    raise typer.Exit(max(r.exit_code for r in results))


@app.command("rules")
def rules_command(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", help="text table or a Markdown page.")
    ] = RulesFormat.TEXT,
    lang: LangOption = None,
) -> None:
    """List every completeness rule: code, severity, what it checks, how to fix it."""
    language: Lang = (lang or _default_lang()).value
    if output_format is RulesFormat.MARKDOWN:
        typer.echo(rules_markdown(language), nl=False)
        return
    console = Console(highlight=False, soft_wrap=True)
    for rule in sorted(REGISTRY.values(), key=lambda r: r.code):
        console.print(
            f"{rule.code}  {rule.severity.value:<7}  {rule.text(rule.title, language)}",
            highlight=False,
        )


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the input format (for editors such as VS Code)."""
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command("init")
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
    if out.exists() and not force:
        _err(
            (
                f"{out} exists; use --force to overwrite it",
                f"{out} existiert bereits; mit --force überschreiben",
            ),
            msg_lang,
        )
        raise typer.Exit(ExitCode.OUTPUT_EXISTS)
    write_atomic(out, scaffold(german.strip(), partner.strip(), country, code).encode("utf-8"))
    _err(
        (
            f"wrote {out}; fill it in and run: handlungsprogramm check {out}",
            f"{out} geschrieben; ausfüllen und prüfen mit: handlungsprogramm check {out}",
        ),
        msg_lang,
    )


def _err(message: tuple[str, str], lang: Lang) -> None:
    typer.echo(message[0] if lang == "en" else message[1], err=True)


def _usage_error(message: str | tuple[str, str], lang: Lang) -> None:
    text = message if isinstance(message, str) else (message[0] if lang == "en" else message[1])
    prefix = "error" if lang == "en" else "Fehler"
    typer.echo(f"{prefix}: {text}", err=True)
    raise typer.Exit(ExitCode.INVALID_INPUT)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="handlungsprogramm")


if __name__ == "__main__":  # pragma: no cover
    main()
