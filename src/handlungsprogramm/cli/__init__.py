"""The ``handlungsprogramm`` command: a thin typer layer over the library's functions.

Exit codes (stable, documented in the README):

* 0 — success; for ``check``: no completeness errors
* 1 — completeness errors (the programme loads but is incomplete); for ``migrate --check``:
  a file is not in the current input format
* 2 — the input cannot be loaded, or the command line is wrong
* 3 — the command would overwrite an existing file (use ``--force``)
* 4 — the Word template cannot be used (not a .docx, Jinja error, sandbox violation)
* 5 — LibreOffice is not installed (the .docx files are still written)
* 6 — LibreOffice failed, crashed or timed out
* 7 — a PDF cannot be read, signed or filled
* 8 — an output file cannot be written (folder missing or read-only, a folder in the way)
* 70 — an internal error (a bug: please report it; HANDLUNGSPROGRAMM_DEBUG=1 shows the traceback)

The commands live in one module per group (:mod:`.checking`, :mod:`.documents`,
:mod:`.pdf`, :mod:`.templates`, :mod:`.input_format`) over the helpers in
:mod:`.common`; this module creates the application, registers the commands in the
order ``--help`` lists them, and runs it (:func:`main`).
"""

from __future__ import annotations

import os
import signal
import sys
import warnings
from typing import Annotated

# cryptography 51 deprecates DSA, and pyHanko imports its DSA key type to recognise such
# keys; the warning is about pyHanko's import, not about anything a user did or can
# change, so the command does not print it. Only this message from pyHanko's modules is
# hidden; the library itself leaves warnings to the application that imports it.
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")

import typer  # noqa: E402

from handlungsprogramm._version import __version__  # noqa: E402
from handlungsprogramm.cli.checking import check_command, rules_command  # noqa: E402
from handlungsprogramm.cli.common import HandlingGroup, current_lang  # noqa: E402
from handlungsprogramm.cli.diff import diff_command  # noqa: E402
from handlungsprogramm.cli.documents import build_command, charts_command  # noqa: E402
from handlungsprogramm.cli.input_format import init_command, migrate_command, schema_command  # noqa: E402
from handlungsprogramm.cli.pdf import fill_form_command, verify_command  # noqa: E402
from handlungsprogramm.cli.signing import sign_command  # noqa: E402
from handlungsprogramm.cli.templates import template_check_command  # noqa: E402
from handlungsprogramm.cli.translations import confirm_command  # noqa: E402
from handlungsprogramm.cli.workbook import export_command, import_command  # noqa: E402
from handlungsprogramm.exit_codes import ExitCode  # noqa: E402
from handlungsprogramm.i18n import catalogue  # noqa: E402

__all__ = ["ExitCode", "app", "main"]


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
    cls=HandlingGroup,
)


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


# The commands in the order --help and docs/cli.md list them.
app.command("check")(check_command)
app.command("rules")(rules_command)
app.command("build")(build_command)
app.command("charts")(charts_command)
app.command("diff")(diff_command)
app.command("sign")(sign_command)
app.command("verify")(verify_command)
app.command("fill-form")(fill_form_command)
template_app = typer.Typer(
    help="Work with Word templates.", no_args_is_help=True, cls=HandlingGroup
)
app.add_typer(template_app, name="template")
template_app.command("check")(template_check_command)
app.command("schema")(schema_command)
app.command("init")(init_command)
app.command("migrate")(migrate_command)
app.command("export")(export_command)
app.command("import")(import_command)
translations_app = typer.Typer(
    help="Keep translations current: record from which German text they were made.",
    no_args_is_help=True,
    cls=HandlingGroup,
)
app.add_typer(translations_app, name="translations")
translations_app.command("confirm")(confirm_command)


class Interrupted(BaseException):
    """Ctrl-C or a termination signal; a BaseException, so no ``except Exception`` eats it."""


def _interrupt(signum: int, _frame: object) -> None:
    # Further signals are ignored from here on: a second Ctrl-C must not break off the
    # clean-up (killing LibreOffice and the render workers) that the first one starts.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Interrupted(signum)


def main() -> None:
    """Console-script entry point: a bug ends with exit 70 and one line, not a traceback.

    Ctrl-C and SIGTERM (a job runner's timeout) become :class:`Interrupted`, which
    unwinds normally: LibreOffice's process groups are killed, temporary files are
    removed and every output is the previous file or the complete new one. Python's
    default for SIGTERM would end the process at once, leaving all of that behind.
    """
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        app(prog_name="handlungsprogramm")
    except Interrupted:
        typer.echo(catalogue.text("HP990", current_lang(), {}), err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except Exception as exc:
        if os.environ.get("HANDLUNGSPROGRAMM_DEBUG"):
            raise
        lang, ctx = current_lang(), {"detail": f"{type(exc).__name__}: {exc}"}
        typer.echo(
            f"{catalogue.text('HP999', lang, ctx)} ({catalogue.fix('HP999', lang, ctx)})", err=True
        )
        sys.exit(ExitCode.INTERNAL_ERROR)
