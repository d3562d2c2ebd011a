"""One catalogue of every message the library and the command line show to people.

Each message has a stable code (``HP812``), its sentence in English and German with
``{placeholders}`` for the context, often a line on how to fix it, and the exit code
a command ends with when the message is an error (none for a note such as "wrote
FILE"). The codes are ranged by stage, as the rule codes are:

* ``HP0xx`` — loading the input (:data:`handlungsprogramm.i18n.messages.LOAD_CODES`:
  one code covers many finer kinds, so they keep their own table)
* ``HP1xx``–``HP6xx`` — completeness rules (:mod:`handlungsprogramm.checks`, each rule
  beside the code that finds it)
* ``HP7xx`` — Word templates (:mod:`.templates`)
* ``HP8xx`` — PDF, signing, forms and LibreOffice (:mod:`.pdf`)
* ``HP9xx`` — files, builds and the command line (:mod:`.run`)

Exceptions carry a code and its context and render the message in the language asked
for (:class:`~handlungsprogramm.errors.HandlungsprogrammError`), so a host
application shows German to a German user without parsing English text, and
``docs/messages.md`` is generated from here. This package imports nothing of the
library but the language helpers and the exit codes, so anything can import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n.lang import LANGS, Bilingual, Lang, pick

__all__ = ["MESSAGES", "Message", "fix", "printable", "render", "text"]


@dataclass(frozen=True, slots=True)
class Message:
    """One entry: the sentence, how to fix it, and the exit code if it is an error.

    ``text`` and ``fix`` are ``str.format`` templates over the context the raising code
    passes; a context value may itself be a pair (English, German).
    """

    text: Bilingual
    fix: Bilingual | None = None
    exit: ExitCode | None = None
    """The exit code of a command that stops with this error; None for a note."""


def _entries() -> dict[str, Message]:
    from handlungsprogramm.i18n.catalogue.pdf import PDF
    from handlungsprogramm.i18n.catalogue.run import RUN
    from handlungsprogramm.i18n.catalogue.templates import TEMPLATES

    merged: dict[str, Message] = {}
    for part in (TEMPLATES, PDF, RUN):
        clash = merged.keys() & part.keys()
        if clash:  # a programming error, caught by the first import in the tests
            raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
        merged.update(part)
    return dict(sorted(merged.items()))


MESSAGES: dict[str, Message] = _entries()
"""Every message of templates, PDF work, files, builds and the command line, by code."""


def printable(text: str) -> str:
    """Text from outside (part names, a library's reason, a file name, a programme's
    text) with control characters escaped (``\\x0b``), so a hostile name cannot send
    escape sequences to a terminal."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def _printable(value: object) -> object:
    return printable(value) if isinstance(value, str) else value


def fill(template: Bilingual, lang: Lang, ctx: Mapping[str, object]) -> str:
    """``template`` in ``lang`` with ``ctx`` filled in (pairs picked per language)."""
    values = {key: _printable(pick(value, lang)) for key, value in ctx.items()}
    return template[LANGS.index(lang)].format(**values)


def text(code: str, lang: Lang, ctx: Mapping[str, object]) -> str:
    """The message ``code`` in ``lang``."""
    return fill(MESSAGES[code].text, lang, ctx)


def fix(code: str, lang: Lang, ctx: Mapping[str, object]) -> str | None:
    """How to fix what ``code`` reports, in ``lang``; None when the message says it all."""
    entry = MESSAGES[code].fix
    return None if entry is None else fill(entry, lang, ctx)
