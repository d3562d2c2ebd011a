"""The sandbox's measurements: what an operation, a filter or the output would make.

Each place where one step of a template can make something large (widths in ``%``
and ``str.format``, ``~``, the text a template writes, the methods of a text, the
filters that make more than they are given) is measured here, before the value is
made, against the budget's limits. Apart from :mod:`.sandbox`, which holds the
limits (module constants a host may change) and the budget and wires these in, so
the guarded operations read as one list.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)


class _Budget(Protocol):
    """What a measurement asks of the rendering's :class:`~.sandbox.Budget`."""

    def width(self, value: object) -> None: ...

    def expect(self, size: int, items: bool = False) -> None: ...

    def bits(self, size: int) -> None: ...

    def wrote(self, size: int) -> None: ...


# -- widths in formats -----------------------------------------------------------------

_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])")


def _printf_widths(template: str, values: Any) -> Iterator[int]:
    """The widths and precisions a ``%`` format asks for, ``*`` taken from ``values``."""
    args = list(values) if isinstance(values, tuple) else [values]
    index = 0
    for match in _PRINTF.finditer(template):
        width, precision, kind = match.groups()
        for number in (width, precision):
            if number == "*":
                if index < len(args) and isinstance(args[index], int):
                    yield args[index]
                index += 1
            elif number:
                yield int(number)
        if kind != "%":
            index += 1


_SPEC_NUMBERS = re.compile(r"\d+")


class _Formatter(SandboxedFormatter):
    """``str.format`` with every field's width and precision bounded (after nested
    fields such as ``{:>{w}}`` have been filled in)."""

    def __init__(self, env: ImmutableSandboxedEnvironment, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self._budget: _Budget = env.budget  # type: ignore[attr-defined]

    def format_field(self, value: Any, format_spec: str) -> Any:
        for number in _SPEC_NUMBERS.findall(format_spec):
            self._budget.width(int(number))
        return super().format_field(value, format_spec)


class _EscapeFormatter(_Formatter, SandboxedEscapeFormatter):
    """The same for ``Markup.format`` (escaping what it inserts)."""


# -- sizes of what an operation would make ---------------------------------------------


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def _replaced_size(text: str, old: str, new: str, count: int | None) -> int:
    """The length of ``text.replace(old, new, count)``, computed without making it."""
    occurrences = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        occurrences = min(occurrences, count)
    return len(text) + occurrences * (len(new) - len(old))


class _CodeGenerator(CodeGenerator):
    """Jinja's compiler, with ``~`` measured by :meth:`Sandbox.measured_concat` before it
    joins: ``~`` is no operator that the sandbox can intercept, and doubling a text in a
    recursive macro reached gigabytes."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.measured_concat({join}, (")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class _Template(jinja2.Template):
    """A template whose output is counted as it is written: a loop printing a large value
    makes nothing new, but its output grew without bound."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        budget: _Budget = self.environment.budget  # type: ignore[attr-defined]
        context = self.new_context(dict(*args, **kwargs))
        pieces = []
        try:
            for piece in self.root_render_func(context):
                budget.wrote(len(piece))
                pieces.append(piece)
        except Exception:  # noqa: BLE001 - Jinja's own handling: its traceback, re-raised
            self.environment.handle_exception()
        return self.environment.concat(pieces)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_string_method(
    budget: _Budget, text: str, name: str, args: tuple[Any, ...]
) -> tuple[Any, ...]:
    """Bound the methods of a text that make a longer one; the (possibly read) arguments."""
    if name in {"center", "ljust", "rjust", "zfill"} and args:
        budget.width(args[0])
    elif name == "expandtabs":
        size = args[0] if args and isinstance(args[0], int) else 8
        budget.width(size)
        budget.expect(len(text) + text.count("\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str):
        count = args[2] if len(args) > 2 and isinstance(args[2], int) else None
        budget.expect(_replaced_size(text, args[0], str(args[1]), count))
    elif name == "join" and args:
        items = list(args[0])
        budget.expect(len(text) * max(len(items) - 1, 0) + sum(map(_size_of, items)))
        return (items, *args[1:])
    return args


def _size_of(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


# -- checks of the filters that make more than they are given ----------------------------


def _center_check(budget: _Budget, value: Any, width: Any = 80) -> None:
    budget.width(width)


def _indent_check(budget: _Budget, s: Any, width: Any = 4, **_: Any) -> None:
    text = str(s)
    step = len(width) if isinstance(width, str) else width
    budget.width(step)
    if isinstance(step, int):
        budget.expect(len(text) + (text.count("\n") + 1) * max(step, 0))


def _wordwrap_check(
    budget: _Budget, environment: Any, s: Any, wrapstring: str | None = None, **_: Any
) -> None:
    text = str(s)
    breaks = len(wrapstring if wrapstring is not None else environment.newline_sequence)
    budget.expect(len(text) * (1 + breaks))  # at most one break per character


def _format_check(budget: _Budget, value: Any, args: tuple[Any, ...], kwargs: Any) -> None:
    for number in _printf_widths(str(value), kwargs or args):
        budget.width(number)


def _join_check(
    budget: _Budget, eval_ctx: Any, value: Any, d: Any = "", **_: Any
) -> dict[str, Any]:
    items = list(value)
    budget.expect(len(str(d)) * max(len(items) - 1, 0))
    return {"value": items}


def _replace_check(
    budget: _Budget, eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None
) -> None:
    budget.expect(_replaced_size(str(s), str(old), str(new), count))


def _batch_check(budget: _Budget, value: Any, linecount: Any, fill_with: Any = None) -> None:
    if fill_with is not None and isinstance(linecount, int):
        budget.expect(linecount, items=True)


def _slice_check(budget: _Budget, value: Any, slices: Any, fill_with: Any = None) -> None:
    if isinstance(slices, int):
        budget.expect(slices, items=True)


def _sum_check(
    budget: _Budget, environment: Any, iterable: Any, attribute: Any = None, start: Any = 0
) -> dict[str, Any] | None:
    if not isinstance(start, list | tuple | str):
        return None
    items = list(iterable)
    budget.expect(len(start) + sum(len(i) for i in items if isinstance(i, list | tuple | str)))
    if attribute is None and all(type(i) is type(start) for i in items):
        # builtin sum copies the whole result for each item (quadratic); same result
        return {"iterable": [type(start)(itertools.chain.from_iterable(items))], "start": start}
    return {"iterable": items}


def _lipsum_check(budget: _Budget, n: Any = 5, **options: Any) -> None:
    """``lipsum(n, html, min, max)``: paragraphs and words per paragraph (``min``/``max``)."""
    for number in (n, options.get("min"), options.get("max")):
        budget.width(number)


_CHECKS: dict[str, Callable[..., Mapping[str, Any] | None]] = {
    "center": _center_check,
    "indent": _indent_check,
    "wordwrap": _wordwrap_check,
    "format": _format_check,
    "join": _join_check,
    "replace": _replace_check,
    "batch": _batch_check,
    "slice": _slice_check,
    "sum": _sum_check,
}
