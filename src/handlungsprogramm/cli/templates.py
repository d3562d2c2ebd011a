"""The ``template`` command group: ``template check`` for custom Word templates.

A group of its own on the command line, so a module of its own here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import (
    ExitCode,
    LangOption,
    _default_lang,
    _err,
)
from handlungsprogramm.errors import (
    TemplateError,
)
from handlungsprogramm.i18n.messages import Lang


def template_check_command(
    template: Annotated[Path, typer.Argument(help="A .docx with docxtpl tags.")],
    lang: LangOption = None,
) -> None:
    """List variables the template uses that the context does not provide (exit 1 if any)."""
    from handlungsprogramm.render.docx import template_variables

    language: Lang = (lang or _default_lang()).value
    try:
        unknown = template_variables(template)
    except TemplateError as exc:
        _err((f"template {exc.message('en')}", f"Vorlage {exc.message('de')}"), language)
        raise typer.Exit(ExitCode.TEMPLATE_ERROR) from None
    if not unknown:
        _err(
            (
                f"{template}: every variable is provided",
                f"{template}: alle Variablen sind vorhanden",
            ),
            language,
        )
        return
    for name in sorted(unknown):
        typer.echo(name)
    _err(
        (
            f"{template}: {len(unknown)} variable(s) not in the context; see docs/templates.md",
            f"{template}: {len(unknown)} Variable(n) nicht im Kontext; siehe docs/templates.md",
        ),
        language,
    )
    raise typer.Exit(ExitCode.INCOMPLETE)
