"""The commands that check and explain: ``check`` and ``rules``.

Together because both speak in codes (HP0xx, HP1xx…) and print through the same
reporting; neither writes a file.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import (
    IgnoreOption,
    LangOption,
    _default_lang,
    _rules_to_ignore,
    console,
)
from handlungsprogramm.errors import (
    ProgrammeLoadError,
)
from handlungsprogramm.i18n.messages import LOAD_CODES, Lang


class OutputFormat(StrEnum):
    """Output formats of ``check``."""

    TEXT = "text"
    JSON = "json"


class RulesFormat(StrEnum):
    """Output formats of ``rules``."""

    TEXT = "text"
    MARKDOWN = "markdown"


def check_command(
    files: Annotated[list[Path], typer.Argument(help="Programme files (.yaml, .yml, .json).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text for people, json for programs.")
    ] = OutputFormat.TEXT,
    lang: LangOption = None,
    ignore: IgnoreOption = None,
    final: Annotated[
        bool,
        typer.Option(
            "--final",
            help="Check as for a final document: an outdated translation (HP104) is an error.",
        ),
    ] = False,
) -> None:
    """Check programmes for completeness. Exit 0: complete; 1: errors; 2: cannot load."""
    from handlungsprogramm.checks import check
    from handlungsprogramm.loading import load
    from handlungsprogramm.reporting import CheckResult, print_result, results_json

    language: Lang = (lang or _default_lang()).value
    skip = _rules_to_ignore(ignore)
    results: list[CheckResult] = []
    for file in files:
        try:
            programme = load(file)
        except ProgrammeLoadError as exc:
            results.append(CheckResult(str(file), problems=exc.problems))
            continue
        results.append(
            CheckResult(str(file), programme, check(programme, ignore=skip, final=final))
        )
    if output_format is OutputFormat.JSON:
        typer.echo(json.dumps(results_json(results, language), ensure_ascii=False, indent=2))
    else:
        out = console()
        for result in results:
            print_result(out, result, language)
    raise typer.Exit(max(r.exit_code for r in results))


def rules_command(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", help="text table or a Markdown page.")
    ] = RulesFormat.TEXT,
    lang: LangOption = None,
) -> None:
    """List every code check prints: load problems (HP0xx), then completeness rules."""
    from handlungsprogramm.checks import REGISTRY
    from handlungsprogramm.reporting import rules_markdown

    language: Lang = (lang or _default_lang()).value
    if output_format is RulesFormat.MARKDOWN:
        typer.echo(rules_markdown(language), nl=False)
        return
    out = console()
    for code, entry in sorted(LOAD_CODES.items()):
        out.print(f"{code}  {'error':<7}  {entry.text(entry.title, language)}", highlight=False)
    for rule in sorted(REGISTRY.values(), key=lambda r: r.code):
        out.print(
            f"{rule.code}  {rule.severity.value:<7}  {rule.text(rule.title, language)}",
            highlight=False,
        )
