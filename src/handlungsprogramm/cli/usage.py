"""A wrong command line, worded like every other error: click's parse errors as
catalogue messages.

Typer carries its own copy of click, whose messages exist in English only ("No such
option: --fomat") and are printed in a box of their own. The command group turns
each kind of parse error into its catalogue message (``HP930``–``HP936``), built from
the exception's own fields (the option, the parameter, the suggestions) rather than
by translating its English text, so a German user reads German and every error has
one form; only a reason a parameter type gives in its own words stays English.
The classes are recognised by name, as :mod:`handlungsprogramm.clidoc` reads
commands by their attributes: click is typer's private copy, not a dependency.
"""

from __future__ import annotations

import re
from typing import Any

from handlungsprogramm.errors import UsageError

__all__ = ["usage_error"]

_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$")
_COMMAND = re.compile(r"^No such command '(?P<name>.*)'\.$")
_CHOICE = re.compile(r"^(?:Value error, )?'?(?P<value>.*?)'? is not one of (?P<choices>.*)\.$")


def _is(exc: BaseException, name: str) -> bool:
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def _hint(exc: Any) -> str:
    """The parameter as click names it in messages: ``'--field'`` or ``'PDF'``."""
    if getattr(exc, "param_hint", None):
        hint = exc.param_hint
        return " / ".join(f"'{h}'" for h in hint) if isinstance(hint, list | tuple) else str(hint)
    param = getattr(exc, "param", None)
    if param is not None and getattr(param, "param_type_name", "") == "argument":
        return f"'{str(param.name).upper()}'"  # as the reference and --help name it: FILES
    if param is not None:
        return str(param.get_error_hint())
    return ""


def usage_error(exc: BaseException) -> UsageError | None:
    """``exc`` as a catalogue error if it is one of click's usage errors, else None."""
    if not _is(exc, "UsageError"):
        return None
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "handlungsprogramm"
    message = str(getattr(exc, "message", "") or "")
    if _is(exc, "NoSuchOption"):
        options = ", ".join(sorted(getattr(exc, "possibilities", None) or []))
        suggestion = (f" (did you mean {options}?)", f" (gemeint: {options}?)") if options else ""
        option = getattr(exc, "option_name", "")
        return UsageError("HP930", option=option, suggestion=suggestion, command=command)
    if _is(exc, "MissingParameter"):
        return UsageError("HP931", param=_hint(exc), command=command)
    if _is(exc, "BadParameter"):
        choice = _CHOICE.match(message)
        detail: object = message
        if choice:
            value, choices = choice["value"], choice["choices"]
            detail = (
                f"'{value}' is not one of {choices}",
                f"'{value}' ist keiner der Werte {choices}",
            )
        return UsageError("HP932", param=_hint(exc), detail=detail, command=command)
    if _is(exc, "BadOptionUsage"):
        return UsageError("HP933", option=getattr(exc, "option_name", ""), command=command)
    if found := _COMMAND.match(message):
        return UsageError("HP934", name=found["name"], command=command)
    if found := _EXTRA.match(message):
        return UsageError("HP935", args=found["args"], command=command)
    return UsageError("HP936", detail=message, command=command)
