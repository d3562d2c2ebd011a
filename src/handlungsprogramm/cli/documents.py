"""The commands that make documents: ``build`` (Word and PDF) and ``charts``.

Kept apart from the rest because they alone pull in rendering and LibreOffice and
report progress and written files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handlungsprogramm.cli.common import (
    IgnoreOption,
    LangOption,
    _default_lang,
    _load_or_exit,
    _rules_to_ignore,
    console,
    say,
    write_output,
)
from handlungsprogramm.errors import UsageError
from handlungsprogramm.i18n import catalogue
from handlungsprogramm.i18n.lang import Lang
from handlungsprogramm.options import DEFAULT_TIMEOUT, Layout, Mode, Target


def _targets(value: str) -> frozenset[Target]:
    try:
        targets = frozenset(
            Target(part.strip().lower()) for part in value.split(",") if part.strip()
        )
    except ValueError:
        targets = frozenset()
    if not targets:
        raise UsageError(
            "HP932",
            param="'--to'",
            detail=("use docx, pdf or docx,pdf", "docx, pdf oder docx,pdf angeben"),
            command="handlungsprogramm build",
        )
    return targets


def build_command(
    files: Annotated[list[Path], typer.Argument(help="Programme files (.yaml, .yml, .json).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out"),
    to: Annotated[
        str, typer.Option("--to", help="docx, pdf, or docx,pdf.", metavar="FORMATS")
    ] = "docx",
    layout: Annotated[
        Layout, typer.Option("--layout", help="side-by-side or sequential.")
    ] = Layout.SIDE_BY_SIDE,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="A .docx with docxtpl tags instead of the standard."),
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Always mark the document as a draft.")
    ] = False,
    final: Annotated[
        bool,
        typer.Option("--final", help="Refuse (exit 1, no file) while completeness errors remain."),
    ] = False,
    convert_timeout: Annotated[
        float, typer.Option("--convert-timeout", help="Seconds LibreOffice may take per document.")
    ] = DEFAULT_TIMEOUT,
    pdfa: Annotated[bool, typer.Option("--pdfa/--no-pdfa", help="PDF/A-2b or plain PDF.")] = True,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a PDF that already carries signatures.")
    ] = False,
    charts: Annotated[
        bool, typer.Option("--charts/--no-charts", help="Include the charts or not.")
    ] = True,
    embed_fonts: Annotated[
        bool,
        typer.Option(
            "--embed-fonts/--no-embed-fonts",
            help="Embed the text font (Noto Sans) in the Word file, or only name it.",
        ),
    ] = True,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
) -> None:
    """Build the bilingual documents of each programme into --out (one file per programme)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from handlungsprogramm.build import build_files
    from handlungsprogramm.reporting import CheckResult, print_result

    language: Lang = (lang or _default_lang()).value
    targets = _targets(to)
    if draft and final:
        raise UsageError("HP920", command="handlungsprogramm build")
    mode = Mode.DRAFT if draft else Mode.FINAL if final else Mode.AUTO
    skip = _rules_to_ignore(ignore)
    terminal = console(stderr=True)
    steps = len(files) * (1 + (Target.PDF in targets))
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=terminal, transient=True, disable=len(files) < 2 or not terminal.is_terminal,
    ) as bar:  # fmt: skip
        task = bar.add_task("build", total=steps)
        # a template, LibreOffice or conversion error stops the build: the command
        # group's handler prints it and exits with its code
        items = build_files(
            files, out, targets=targets, layout=layout, template=template, mode=mode,
            timeout=convert_timeout, pdfa=pdfa, force=force, charts=charts,
            embed_fonts=embed_fonts, progress=lambda _: bar.advance(task), ignore=skip,
        )  # fmt: skip
    for item in items:
        if item.problems:
            print_result(terminal, CheckResult(str(item.source), problems=item.problems), language)
        if item.refusal is not None:
            say("HP954", language, source=str(item.source), reason=item.refusal.message(language))
        if item.result is not None:
            for field in item.result.warnings:
                say("HP955", language, source=str(item.source), field=field)
            state = catalogue.text("HP967" if item.result.draft else "HP968", language, {})
            for path in item.written:
                say("HP951", language, path=str(path), state=state)
    raise typer.Exit(max((item.exit_code for item in items), default=0))


def charts_command(
    file: Annotated[Path, typer.Argument(help="The programme file.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out/charts"),
    lang: LangOption = None,
) -> None:
    """Export every chart of the programme as PNG and SVG (for presentations and reports)."""
    from handlungsprogramm.render.charts import build_charts

    language: Lang = (lang or _default_lang()).value
    programme = _load_or_exit(file, language)
    for chart in build_charts(programme, parallel=None):  # two cores where allowed
        for suffix, data in (("png", chart.png), ("svg", chart.svg)):
            path = write_output(out / f"{chart.name}.{suffix}", data)
            say("HP950", language, path=str(path))
