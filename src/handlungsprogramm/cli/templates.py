"""The ``template`` command group: ``template check`` for custom Word templates.

A group of its own on the command line, so a module of its own here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import LangOption, _default_lang, say
from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n.lang import Lang


def template_check_command(
    template: Annotated[Path, typer.Argument(help="A .docx with docxtpl tags.")],
    lang: LangOption = None,
) -> None:
    """List variables the template uses that the context does not provide (exit 1 if any)."""
    from handlungsprogramm.render.docx import template_variables

    language: Lang = (lang or _default_lang()).value
    unknown = template_variables(template)  # a TemplateError: the group's handler, exit 4
    if not unknown:
        say("HP956", language, template=str(template))
        return
    for name in sorted(unknown):
        typer.echo(name)
    say("HP957", language, template=str(template), count=len(unknown))
    raise typer.Exit(ExitCode.INCOMPLETE)
