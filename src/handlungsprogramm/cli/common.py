"""What every command shares: the --lang option, the console, notes, and the one place
where an error becomes output and an exit status.

A command is a sequence of steps that raise the library's exceptions
(:class:`~handlungsprogramm.errors.HandlungsprogrammError`, each with a message code
of the catalogue); :func:`fail` prints the message and its fix in the user's language
and ends the command with the exit code the catalogue gives that code. The command
group (:class:`HandlingGroup`) calls it for whatever a command lets through, so no
command decides an exit code for an error or words an error itself.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from handlungsprogramm.errors import (
    HandlungsprogrammError,
    PdfError,
    ProgrammeLoadError,
    UsageError,
    WriteError,
)
from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n import catalogue
from handlungsprogramm.i18n.lang import Lang
from handlungsprogramm.input_files import (
    MAX_PDF_BYTES,
    read_reason,
    read_regular,
    require_regular,
)
from handlungsprogramm.output import write_atomic

if TYPE_CHECKING:
    from handlungsprogramm.model import Programme

__all__ = ["ExitCode", "HandlingGroup", "fail", "report", "say"]


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """The console every command prints through: what comes from the input (texts,
    file names, locations such as ``file.yaml:100:11``) prints as written. Rich would
    otherwise turn ``:100:`` or ``:thumbs_up:`` into emoji; markup in our own messages
    is kept, and every input text in them is escaped where the line is built."""
    return Console(highlight=False, soft_wrap=True, emoji=False, stderr=stderr, width=width)


class Language(StrEnum):
    """Languages of messages."""

    EN = "en"
    DE = "de"


def _default_lang() -> Language:
    wanted = os.environ.get("HANDLUNGSPROGRAMM_LANG") or os.environ.get("LANG", "")
    return Language.DE if wanted.lower().startswith("de") else Language.EN


_CHOSEN: ContextVar[Language | None] = ContextVar("handlungsprogramm_lang", default=None)
"""The --lang of the running command, for the error handler, which runs outside it."""


def current_lang() -> Lang:
    """The language of messages: the command's --lang, else the environment's."""
    return (_CHOSEN.get() or _default_lang()).value


def _remember(value: Language | None) -> Language | None:
    _CHOSEN.set(value)
    return value


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of messages (default: HANDLUNGSPROGRAMM_LANG, else LANG, else en).",
        show_default=False,
        callback=_remember,
    ),
]


def say(code: str, lang: Lang, /, **ctx: object) -> None:
    """Print the note ``code`` of the catalogue (``wrote FILE``) to stderr."""
    typer.echo(catalogue.text(code, lang, ctx), err=True)


def fail(exc: HandlungsprogrammError, lang: Lang, *, source: str = "<input>") -> NoReturn:
    """Print ``exc`` (:func:`report`) and end the command with the exit code of its
    message code."""
    report(exc, lang, source=source)
    raise typer.Exit(exc.exit_code)


def report(exc: HandlungsprogrammError, lang: Lang, *, source: str = "<input>") -> None:
    """Print ``exc`` in ``lang`` to stderr: ``error HP910: …`` and its fix under it.
    Load problems are printed located, one per line, as ``check`` prints them
    (``source`` names the file). For a command that goes on with its other files."""
    out = console(stderr=True)
    if isinstance(exc, ProgrammeLoadError):
        from handlungsprogramm.reporting import CheckResult, print_result

        print_result(out, CheckResult(source, problems=exc.problems), lang)
    else:
        word = "error" if lang == "en" else "Fehler"
        out.print(f"[bold red]{word}[/] {exc.code}: {escape(exc.message(lang))}")
        fix = exc.fix(lang)
        if fix:
            out.print(f"    [dim]→ {escape(fix)}[/]")


def _load_or_exit(file: Path, lang: Lang) -> Programme:
    """Load a programme, or print its located problems and exit 2."""
    from handlungsprogramm.loading import load

    try:
        return load(file)
    except ProgrammeLoadError as exc:
        fail(exc, lang, source=str(file))


def read_input(path: Path) -> bytes:
    """Read an input PDF (a device or pipe is refused unread); HP801 if it cannot be."""
    try:
        return read_regular(path, MAX_PDF_BYTES)
    except OSError as exc:
        raise PdfError("HP801", path=str(path), reason=read_reason(exc)) from None


def require_file(path: Path) -> None:
    """A file another library reads by name (key, certificate) must be a regular file."""
    try:
        require_regular(path)
    except OSError as exc:
        raise PdfError("HP801", path=str(path), reason=read_reason(exc)) from None


def write_output(path: Path, data: bytes) -> Path:
    """Write atomically, or raise HP910 (exit 8)."""
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise WriteError(path, exc) from None


IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="CODE", help="Skip a rule (repeatable), e.g. --ignore HP311."),
]


def _rules_to_ignore(codes: list[str] | None) -> frozenset[str]:
    """The rule codes of ``--ignore`` (any case); HP921 naming the unknown ones."""
    from handlungsprogramm.checks import REGISTRY

    skip = frozenset(code.upper() for code in codes or [])
    unknown = ", ".join(sorted(skip - REGISTRY.keys()))
    if unknown:
        raise UsageError("HP921", codes=unknown)
    return skip


class HandlingGroup(TyperGroup):
    """The command group: every error a command lets through ends here, once.

    A :class:`~handlungsprogramm.errors.HandlungsprogrammError` is printed by
    :func:`fail`; so is a wrong command line (click's own errors, worded from the
    catalogue by :mod:`handlungsprogramm.cli.usage`).
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except HandlungsprogrammError as exc:
            fail(exc, current_lang())
        except typer.Exit:
            raise
        except Exception as exc:
            from handlungsprogramm.cli.usage import usage_error

            error = usage_error(exc)
            if error is None:
                raise
            fail(error, current_lang())
