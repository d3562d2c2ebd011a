"""What every command shares: exit codes, the --lang option, and doing a thing or exiting.

The helpers (read, load, write, report a PDF problem) each end the command with the
documented exit code and a message in the chosen language, so the commands in the
other modules of this package stay a sequence of steps and never decide a code.
"""

from __future__ import annotations

import os
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from handlungsprogramm.errors import (
    PdfError,
    ProgrammeLoadError,
    SigningError,
)
from handlungsprogramm.i18n.messages import Lang
from handlungsprogramm.input_files import (
    MAX_PDF_BYTES,
    describe,
    os_reason,
    read_regular,
    require_regular,
)
from handlungsprogramm.output import write_atomic

if TYPE_CHECKING:
    from handlungsprogramm.model import Programme


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """The console every command prints through: what comes from the input (texts,
    file names, locations such as ``file.yaml:100:11``) prints as written. Rich would
    otherwise turn ``:100:`` or ``:thumbs_up:`` into emoji; markup in our own messages
    is kept, and every input text in them is escaped where the line is built."""
    return Console(highlight=False, soft_wrap=True, emoji=False, stderr=stderr, width=width)


class ExitCode(IntEnum):
    """Exit codes of every command."""

    OK = 0
    INCOMPLETE = 1
    INVALID_INPUT = 2
    OUTPUT_EXISTS = 3
    TEMPLATE_ERROR = 4
    NO_LIBREOFFICE = 5
    CONVERSION_FAILED = 6
    PDF_ERROR = 7
    CANNOT_WRITE = 8
    INTERNAL_ERROR = 70
    INTERRUPTED = 130


class Language(StrEnum):
    """Languages of messages."""

    EN = "en"
    DE = "de"


def _default_lang() -> Language:
    wanted = os.environ.get("HANDLUNGSPROGRAMM_LANG") or os.environ.get("LANG", "")
    return Language.DE if wanted.lower().startswith("de") else Language.EN


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of messages (default: HANDLUNGSPROGRAMM_LANG, else LANG, else en).",
        show_default=False,
    ),
]


def _load_or_exit(file: Path, lang: Lang) -> Programme:
    """Load a programme, or print its located problems and exit 2."""
    from handlungsprogramm.loading import load
    from handlungsprogramm.reporting import CheckResult, print_result

    try:
        return load(file)
    except ProgrammeLoadError as exc:
        print_result(console(stderr=True), CheckResult(str(file), problems=exc.problems), lang)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None


def _read_or_exit(path: Path, lang: Lang) -> bytes:
    """Read an input PDF, or say why not and exit 7 (a device or pipe is refused unread)."""
    try:
        return read_regular(path, MAX_PDF_BYTES)
    except OSError as exc:
        en, de = describe(exc, path)
        _err((f"error: {en}", f"Fehler: {de}"), lang)
        raise typer.Exit(ExitCode.PDF_ERROR) from None


def _require_file_or_exit(path: Path, lang: Lang) -> None:
    """A file another library reads by name (key, certificate) must be a regular file."""
    try:
        require_regular(path)
    except OSError as exc:
        en, de = describe(exc, path)
        _err((f"error: {en}", f"Fehler: {de}"), lang)
        raise typer.Exit(ExitCode.PDF_ERROR) from None


def _write_or_exit(path: Path, data: bytes, lang: Lang) -> Path:
    """Write atomically, or say why not and exit 8."""
    try:
        return write_atomic(path, data)
    except OSError as exc:
        en, de = os_reason(exc, "en"), os_reason(exc, "de")
        _err((f"error: cannot write {path}: {en}", f"Fehler: {path} nicht schreibbar: {de}"), lang)
        raise typer.Exit(ExitCode.CANNOT_WRITE) from None


def _pdf_error(exc: Exception, lang: Lang) -> typer.Exit:
    """Say what went wrong with a PDF; the caller raises the returned exit (code 7)."""
    if isinstance(exc, PdfError | SigningError):
        _err((f"error: {exc.message('en')}", f"Fehler: {exc.message('de')}"), lang)
    else:
        _err((f"error: {exc}", f"Fehler: {exc}"), lang)
    return typer.Exit(ExitCode.PDF_ERROR)


def _err(message: tuple[str, str], lang: Lang) -> None:
    typer.echo(message[0] if lang == "en" else message[1], err=True)


IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="CODE", help="Skip a rule (repeatable), e.g. --ignore HP311."),
]


def _rules_to_ignore(codes: list[str] | None, lang: Lang) -> frozenset[str]:
    """The rule codes of ``--ignore`` (any case), or exit 2 naming the unknown ones."""
    from handlungsprogramm.checks import REGISTRY

    skip = frozenset(code.upper() for code in codes or [])
    unknown = ", ".join(sorted(skip - REGISTRY.keys()))
    if unknown:
        _usage_error(
            (f"unknown rule code(s): {unknown}", f"unbekannte Regelnummer(n): {unknown}"), lang
        )
    return skip


def _usage_error(message: str | tuple[str, str], lang: Lang) -> None:
    text = message if isinstance(message, str) else (message[0] if lang == "en" else message[1])
    prefix = "error" if lang == "en" else "Fehler"
    typer.echo(f"{prefix}: {text}", err=True)
    raise typer.Exit(ExitCode.INVALID_INPUT)
