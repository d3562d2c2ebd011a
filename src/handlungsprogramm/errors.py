"""One exception hierarchy for everything the library refuses to do.

Each exception subclasses :class:`HandlungsprogrammError` *and* the builtin whose
meaning it carries, so host applications can catch either the library's root or the
familiar builtin. Every exception that a user can cause carries enough structure
(code, file, line, field path) for the CLI to print a located message without a
traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handlungsprogramm.i18n import catalogue
from handlungsprogramm.i18n.lang import Lang

if TYPE_CHECKING:
    from handlungsprogramm.location import SourceLocation

__all__ = [
    "ConversionError",
    "ExportError",
    "HandlungsprogrammError",
    "IncompleteProgrammeError",
    "LoadProblem",
    "OutputExistsError",
    "PdfError",
    "ProgrammeLoadError",
    "SigningError",
    "SofficeNotFoundError",
    "TemplateError",
    "UsageError",
    "WriteError",
]


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """One reason why a programme could not be loaded.

    ``code`` is stable (``HP0xx``); ``kind`` is the finer machine-readable reason
    (a pydantic error type such as ``extra_forbidden`` or one of the loader's own);
    ``path`` is the field path in the input (``("measures", 2, "lead")``).
    """

    code: str
    kind: str
    path: tuple[str | int, ...]
    location: SourceLocation | None
    ctx: dict[str, object] = field(default_factory=dict)

    def message(self, lang: Lang = "en") -> str:
        """The plain-language message in ``lang`` (English or German)."""
        from handlungsprogramm.i18n.messages import load_problem_message

        return load_problem_message(self, lang)

    def title(self, lang: Lang = "en") -> str:
        """The short name of this problem's code in ``lang`` (``unknown key``)."""
        from handlungsprogramm.i18n.messages import LOAD_CODES

        entry = LOAD_CODES[self.code]
        return entry.text(entry.title, lang)

    def fix(self, lang: Lang = "en") -> str:
        """How to fix it, in ``lang``: the same kind of hint a completeness finding gives."""
        from handlungsprogramm.i18n.messages import load_problem_fix

        return load_problem_fix(self, lang)

    @property
    def dotted_path(self) -> str:
        """The field path as people write it: ``measures[2].lead``."""
        from handlungsprogramm.location import format_path

        return format_path(self.path)

    def __str__(self) -> str:
        where = str(self.location) if self.location else "<input>"
        path = f" {self.dotted_path}:" if self.path else ""
        return f"{where}: {self.code}{path} {self.message('en')}"


class HandlungsprogrammError(Exception):
    """Root of every exception this library raises on purpose.

    Carries a stable message code (``HP812``) and the context its sentence is filled
    with; :meth:`message` and :meth:`fix` render it in English or German from the one
    catalogue (:mod:`handlungsprogramm.i18n.catalogue`), and :attr:`exit_code` is the
    exit status a command ends with. ``str(exc)`` is the English message, for logs.
    """

    def __init__(self, code: str, /, **ctx: object) -> None:
        if catalogue.MESSAGES[code].exit is None:  # a note is never an error: a programming mistake
            raise ValueError(f"{code} is a note, not an error message")
        self.code = code
        self.ctx: dict[str, object] = ctx
        super().__init__(self.message("en"))

    @property
    def exit_code(self) -> int:
        """The exit status of a command that stops with this error."""
        code = catalogue.MESSAGES[self.code].exit
        return 70 if code is None else int(code)

    def message(self, lang: Lang = "en") -> str:
        """What went wrong, in ``lang``."""
        return catalogue.text(self.code, lang, self.ctx)

    def fix(self, lang: Lang = "en") -> str | None:
        """How to fix it, in ``lang``; None when the message says it all."""
        return catalogue.fix(self.code, lang, self.ctx)


class ProgrammeLoadError(HandlungsprogrammError, ValueError):
    """The input could not be turned into a :class:`~handlungsprogramm.Programme`.

    Carries *all* problems found at once (not just the first), each located; the
    message lists them, one a line.
    """

    def __init__(self, problems: Sequence[LoadProblem]) -> None:
        if not problems:
            raise ValueError("ProgrammeLoadError needs at least one problem")
        self.problems: tuple[LoadProblem, ...] = tuple(problems)
        super().__init__("HP900", count=len(self.problems))

    def message(self, lang: Lang = "en") -> str:
        """The count and every problem on a line of its own, in ``lang``."""
        lines = [super().message(lang) + ":"]
        for p in self.problems:
            where = str(p.location) if p.location else "<input>"
            path = f" {p.dotted_path}:" if p.path else ""
            lines.append(f"{where}: {p.code}{path} {p.message(lang)}")
        return "\n".join(lines)


class OutputExistsError(HandlungsprogrammError, FileExistsError):
    """A command would overwrite a file the user did not ask to replace."""


class IncompleteProgrammeError(HandlungsprogrammError, ValueError):
    """A final document was asked for while completeness errors remain."""

    def __init__(self, errors: int) -> None:
        self.errors = errors
        super().__init__("HP901", errors=errors)


class TemplateError(HandlungsprogrammError, ValueError):
    """A Word template is unusable: not a .docx, unsafe, broken Jinja, or a sandbox violation.

    The message names the template first: ``template vorlage.docx: is empty (0 bytes)…``.
    """

    def __init__(self, template: str, code: str, /, **ctx: object) -> None:
        self.template = template
        super().__init__(code, **ctx)

    def message(self, lang: Lang = "en") -> str:
        """``template NAME: reason`` in ``lang`` (``Vorlage NAME: …``)."""
        word = "template" if lang == "en" else "Vorlage"
        return f"{word} {self.template}: {super().message(lang)}"


class SofficeNotFoundError(HandlungsprogrammError, FileNotFoundError):
    """LibreOffice is not installed (or HANDLUNGSPROGRAMM_SOFFICE points nowhere)."""


class ConversionError(HandlungsprogrammError, RuntimeError):
    """LibreOffice failed, crashed or hung while converting to PDF."""


class PdfError(HandlungsprogrammError, ValueError):
    """A PDF cannot be used: unreadable, no signature boxes, would lose signatures."""


class SigningError(HandlungsprogrammError, ValueError):
    """Signing failed: unknown or already signed field, wrong passphrase, unusable key."""


class UsageError(HandlungsprogrammError, ValueError):
    """The command line asks for something impossible (options that exclude each other,
    an unknown rule code); raised by the command line only."""


class WriteError(HandlungsprogrammError, OSError):
    """An output cannot be written: its folder is missing or read-only, a folder is in the
    way, the disk is full. The system's reason is given in the user's language."""

    def __init__(self, path: object, exc: OSError) -> None:
        from handlungsprogramm.input_files import os_reason

        self.path = path
        super().__init__(
            "HP910", path=str(path), reason=(os_reason(exc, "en"), os_reason(exc, "de"))
        )


class ExportError(HandlungsprogrammError, ValueError):
    """A programme cannot be written in the format asked for (a text longer than a
    workbook cell holds)."""
