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

if TYPE_CHECKING:
    from handlungsprogramm.i18n.messages import Lang
    from handlungsprogramm.location import SourceLocation

__all__ = [
    "ConversionError",
    "HandlungsprogrammError",
    "IncompleteProgrammeError",
    "LoadProblem",
    "OutputExistsError",
    "PdfError",
    "ProgrammeLoadError",
    "SigningError",
    "SofficeNotFoundError",
    "TemplateError",
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
    """Root of every exception this library raises on purpose."""


class ProgrammeLoadError(HandlungsprogrammError, ValueError):
    """The input could not be turned into a :class:`~handlungsprogramm.Programme`.

    Carries *all* problems found at once (not just the first), each located.
    """

    def __init__(self, problems: Sequence[LoadProblem]) -> None:
        if not problems:
            raise ValueError("ProgrammeLoadError needs at least one problem")
        self.problems: tuple[LoadProblem, ...] = tuple(problems)
        lines = [str(p) for p in self.problems]
        super().__init__(
            f"{len(self.problems)} problem(s) in the programme input:\n" + "\n".join(lines)
        )


class OutputExistsError(HandlungsprogrammError, FileExistsError):
    """A command would overwrite a file the user did not ask to replace."""


class IncompleteProgrammeError(HandlungsprogrammError, ValueError):
    """A final document was asked for while completeness errors remain."""

    def __init__(self, errors: int) -> None:
        self.errors = errors
        super().__init__(f"{errors} completeness error(s) remain; a final document cannot be built")


class TemplateError(HandlungsprogrammError, ValueError):
    """A Word template is unusable: not a .docx, unsafe, broken Jinja, or a sandbox violation.

    ``reason`` is English; ``reason_de`` the German wording where one exists (the
    template guard's refusals), so the CLI can answer in the user's language.
    """

    def __init__(self, template: str, reason: str, reason_de: str | None = None) -> None:
        self.template = template
        self.reason = reason
        self.reason_de = reason_de
        super().__init__(f"{template}: {reason}")

    def message(self, lang: Lang = "en") -> str:
        """``template: reason`` in ``lang`` (English when there is no German wording)."""
        reason = self.reason_de if lang == "de" and self.reason_de else self.reason
        return f"{self.template}: {reason}"


class SofficeNotFoundError(HandlungsprogrammError, FileNotFoundError):
    """LibreOffice is not installed (or HANDLUNGSPROGRAMM_SOFFICE points nowhere)."""


class ConversionError(HandlungsprogrammError, RuntimeError):
    """LibreOffice failed, crashed or hung while converting to PDF."""


class _BilingualError(HandlungsprogrammError):
    """An error whose reason exists in English and, where written, in German.

    ``str(exc)`` stays English (logs, host applications); the CLI asks
    :meth:`message` for the user's language. Without a German wording the English one
    is shown, so a message is never lost for want of a translation.
    """

    def __init__(self, reason: str, reason_de: str | None = None) -> None:
        self.reason = reason
        self.reason_de = reason_de
        super().__init__(reason)

    def message(self, lang: Lang = "en") -> str:
        """The reason in ``lang`` (English when there is no German wording)."""
        return self.reason_de if lang == "de" and self.reason_de else self.reason


class PdfError(_BilingualError, ValueError):
    """A PDF cannot be used: unreadable, no signature boxes, would lose signatures."""


class SigningError(_BilingualError, ValueError):
    """Signing failed: unknown or already signed field, wrong passphrase, unusable key."""
