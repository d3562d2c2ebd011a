"""Jinja's sandbox, bounded: how long a template may run and how much it may make.

Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` keeps a template away
from Python's internals but not from the machine's time and memory: two nested
``range(99999)`` loops ran for hours, and ``'x' * 10**9``, ``'x'|center(10**9)`` or
``'{:>1000000000}'.format(1)`` each took 5 GB. A custom template comes from outside,
so rendering it has a budget, checked while it runs (:class:`Budget`):

* **steps**: every loop iteration and every call (filter, function, method, macro)
  counts; a loop over a plain list counts too, since each ``for`` is rewritten to step
  through :meth:`Budget.step` (:meth:`Sandbox._parse`);
* **time**: the wall clock, checked at every step, at every attribute looked up and at
  every piece of output; the time the library spends building the blocks a template
  places (a large programme's measure sheets) is not counted;
* **size**: what would be too large is refused *before* it is made, where one
  operation can multiply its input: ``*`` and ``+`` on text and lists, ``**`` on
  numbers, ``~``, widths and precisions in ``%``, ``format``, ``str.format`` and
  ``center``/``ljust``/``rjust``/``zfill``/``expandtabs``/``indent``/``lipsum``,
  ``join``, ``replace``, ``wordwrap``, ``tojson``, ``batch``, ``slice``, ``sum``.
  Every value that calls, filters and operators return is then measured, one by one
  and all together, and so is the text the template writes.

The limits are far above what real templates need (a loop over 5,000 measures with ten
filters each takes 70,000 steps) and are module constants, so a host application can
change them. Each refusal is a
:class:`~handlungsprogramm.errors.TemplateError` naming the limit, in English and German.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import itertools
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NoReturn

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import generate_lorem_ipsum
from markupsafe import Markup

from handlungsprogramm.errors import TemplateError
from handlungsprogramm.render.blocks import LazyBlocks

__all__ = [
    "MAX_INT_BITS",
    "MAX_MADE",
    "MAX_OUTPUT",
    "MAX_SECONDS",
    "MAX_STEPS",
    "MAX_VALUE",
    "MAX_WIDTH",
    "Budget",
    "Sandbox",
]

MAX_STEPS = 1_000_000
"""Loop iterations and calls in one rendering. A loop over 5,000 measures with ten
filters each takes 70,000; a million plain loop steps take 0.15 s, a million macro
calls 3.5 s."""

MAX_SECONDS = 60.0
"""Wall-clock seconds of the template's own work in one rendering."""

MAX_WIDTH = 1_000
"""Widths, precisions and counts given to formatting (``center(80)``, ``'%8.2f'``,
``indent(4)``, ``lipsum(5)``): a page is about 100 characters wide."""

MAX_VALUE = 10_000_000
"""Characters of a text, or items of a list, that one expression makes."""

MAX_MADE = 100_000_000
"""Characters and items that all expressions of a rendering make together."""

MAX_OUTPUT = 100_000_000
"""Characters of XML a rendering writes (all parts together; the standard template
writes about 10,000, since the large sections are blocks)."""

MAX_INT_BITS = 4_096
"""Bits of a whole number made by ``*`` or ``**`` (1,233 decimal digits)."""

_LOOP_FILTER = "hp_loop_steps"
"""The filter every ``for`` loop's iterable is passed through (see :meth:`Sandbox._parse`)."""

_MESSAGES: dict[str, tuple[str, str]] = {
    "steps": (
        "rendering stopped: the template ran more than {limit} loop steps and calls (the"
        " limit; a loop that does not end?)",
        "Rendern abgebrochen: die Vorlage hat mehr als {limit} Schleifenschritte und Aufrufe"
        " ausgeführt (die Grenze; eine Schleife ohne Ende?)",
    ),
    "time": (
        "rendering stopped: the template took more than {limit:g} seconds (the limit)",
        "Rendern abgebrochen: die Vorlage hat länger als {limit:g} Sekunden gebraucht (die Grenze)",
    ),
    "width": (
        "rendering stopped: the template asks for a width or precision of {size}; the limit"
        " is {limit}",
        "Rendern abgebrochen: die Vorlage verlangt eine Breite oder Genauigkeit von {size};"
        " die Grenze ist {limit}",
    ),
    "value": (
        "rendering stopped: the template would make a value of {size} {unit}; a template"
        " may make values of at most {limit} (the limit)",
        "Rendern abgebrochen: die Vorlage würde einen Wert von {size} {unit_de} machen; eine"
        " Vorlage darf Werte von höchstens {limit} machen (die Grenze)",
    ),
    "made": (
        "rendering stopped: the template made more than {limit} characters and items in all"
        " (the limit)",
        "Rendern abgebrochen: die Vorlage hat insgesamt mehr als {limit} Zeichen und Elemente"
        " gemacht (die Grenze)",
    ),
    "output": (
        "rendering stopped: the template would write more than {limit} characters (the limit)",
        "Rendern abgebrochen: die Vorlage würde mehr als {limit} Zeichen schreiben (die Grenze)",
    ),
    "number": (
        "rendering stopped: the template would compute a number of {size} bits; the limit"
        " is {limit}",
        "Rendern abgebrochen: die Vorlage würde eine Zahl von {size} Bit berechnen; die"
        " Grenze ist {limit}",
    ),
}


class Budget:
    """What one rendering has used: steps, values made, output written, time.

    The limits are read from the module when the budget is made, so a host application
    (or a test) can set them beforehand.
    """

    def __init__(self, template: str) -> None:
        self.template = template
        self.steps = 0
        self.made = 0
        self.output = 0
        self.max_steps = MAX_STEPS
        self.seconds = MAX_SECONDS
        self.deadline = time.monotonic() + MAX_SECONDS

    def stop(self, reason: str, **ctx: object) -> NoReturn:
        """Raise the refusal ``reason`` with ``ctx`` in both languages."""
        en, de = _MESSAGES[reason]
        raise TemplateError(self.template, en.format(**ctx), de.format(**ctx))

    def step(self) -> None:
        """One loop iteration or call: count it and look at the clock."""
        self.steps += 1
        if self.steps > self.max_steps:
            self.stop("steps", limit=self.max_steps)
        self.tick()

    def tick(self) -> None:
        """Stop when the time is up."""
        if time.monotonic() > self.deadline:
            self.stop("time", limit=self.seconds)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Work of the library's own (building a block) moves the deadline on."""
        start = time.monotonic()
        try:
            yield
        finally:
            self.deadline += time.monotonic() - start

    def width(self, value: object) -> None:
        """Refuse a width, precision or count over :data:`MAX_WIDTH`."""
        if isinstance(value, int) and value > MAX_WIDTH:
            self.stop("width", size=value, limit=MAX_WIDTH)

    def expect(self, size: int, items: bool = False) -> None:
        """Refuse to make a value of ``size`` characters (or items) over :data:`MAX_VALUE`."""
        if size > MAX_VALUE:
            unit, unit_de = ("items", "Elementen") if items else ("characters", "Zeichen")
            self.stop("value", size=size, limit=MAX_VALUE, unit=unit, unit_de=unit_de)

    def bits(self, size: int) -> None:
        """Refuse to compute a whole number of ``size`` bits over :data:`MAX_INT_BITS`."""
        if size > MAX_INT_BITS:
            self.stop("number", size=size, limit=MAX_INT_BITS)

    def made_value(self, value: Any) -> Any:
        """Measure ``value`` (just made by an expression) against the limits; return it."""
        if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
            size = len(value)
            self.expect(size, items=not isinstance(value, str | bytes))
            self.made += size
            if self.made > MAX_MADE:
                self.stop("made", limit=MAX_MADE)
        elif isinstance(value, int) and not isinstance(value, bool):
            self.bits(value.bit_length())
        return value

    def wrote(self, size: int) -> None:
        """``size`` more characters of output."""
        self.output += size
        if self.output > MAX_OUTPUT:
            self.stop("output", limit=MAX_OUTPUT)
        self.tick()


# -- widths in formats -----------------------------------------------------------------

_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])")
_SPEC_NUMBERS = re.compile(r"\d+")


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


class _Formatter(SandboxedFormatter):
    """``str.format`` with every field's width and precision bounded (after nested
    fields such as ``{:>{w}}`` have been filled in)."""

    def __init__(self, env: Sandbox, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self._budget = env.budget

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
        budget: Budget = self.environment.budget  # type: ignore[attr-defined]
        context = self.new_context(dict(*args, **kwargs))
        pieces = []
        try:
            for piece in self.root_render_func(context):
                budget.wrote(len(piece))
                pieces.append(piece)
        except Exception:  # noqa: BLE001 - Jinja's own handling: its traceback, re-raised
            self.environment.handle_exception()
        return self.environment.concat(pieces)


class Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with attributes of plain data only, and a :class:`Budget`.

    The context holds plain data, labels and ready-made blocks; a template may read and
    loop, never reach an object's methods (a block's document, a path), which is how
    sandboxes are escaped. ``plain`` lists the types whose attributes may be read.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _CodeGenerator
    template_class = _Template

    def __init__(self, template: str, plain: tuple[type, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.budget = Budget(template)
        self._plain = plain
        for name in list(self.filters):
            self.filters[name] = self._bounded(self.filters[name], _CHECKS.get(name))
        self.filters[_LOOP_FILTER] = self._loop_steps
        self.globals["lipsum"] = self._bounded(generate_lorem_ipsum, _lipsum_check)
        self.policies["json.dumps_function"] = self._dumps

    # -- parsing and compiling ----------------------------------------------------------

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Jinja's tree, with every ``for`` loop's iterable stepping through the budget.

        Jinja compiles a loop over a list to a plain Python loop that calls nothing of
        the environment; passing the iterable through a filter is the one place each
        iteration can be counted.
        """
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _LOOP_FILTER, [], [], None, None,
                                     lineno=loop.lineno)  # fmt: skip
        return tree

    def _loop_steps(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.budget.step()
            yield item

    # -- the sandbox's hooks -------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, self._plain) and super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, LazyBlocks):
            with self.budget.paused():  # the block is built on first use: library time
                return super().getattr(obj, attribute)
        self.budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, LazyBlocks):
            with self.budget.paused():
                return super().getitem(obj, argument)
        self.budget.tick()
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget = __self.budget
        budget.step()
        receiver = getattr(__obj, "__self__", None)
        if isinstance(receiver, str):
            args = _check_string_method(budget, receiver, getattr(__obj, "__name__", ""), args)
        return budget.made_value(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = self.budget
        budget.tick()
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                size = _length(sequence)
                if size is not None and isinstance(count, int):
                    budget.expect(size * count, items=not isinstance(sequence, str))
            if _whole(left) and _whole(right):
                budget.bits(left.bit_length() + right.bit_length())
        elif operator == "**" and _whole(left) and _whole(right):
            if abs(left) > 1 and right > 0:
                budget.bits(right * left.bit_length())
        elif operator == "%" and isinstance(left, str):
            for number in _printf_widths(left, right):
                budget.width(number)
        elif operator == "+":
            sizes = (_length(left), _length(right))
            if sizes[0] is not None and sizes[1] is not None:
                budget.expect(sizes[0] + sizes[1], items=not isinstance(left, str))
        return budget.made_value(super().call_binop(context, operator, left, right))

    def measured_concat(self, join: Callable[[Iterable[Any]], str], values: tuple[Any, ...]) -> str:
        """``a ~ b ~ c``: measured before it is joined (see :class:`_CodeGenerator`)."""
        self.budget.tick()
        texts = [value if isinstance(value, str) else str(value) for value in values]
        self.budget.expect(sum(map(len, texts)))
        return self.budget.made_value(join(values))  # type: ignore[no-any-return]

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map`` with the widths of their fields bounded."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        owner: str = value.__self__
        formatter: _Formatter
        if isinstance(owner, Markup):
            formatter = _EscapeFormatter(self, escape=owner.escape)
        else:
            formatter = _Formatter(self)
        is_map = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    return wrapped(*args, **kwargs)  # Jinja's own error message
                kwargs, args = args[0], ()
            return type(owner)(formatter.vformat(owner, args, kwargs))

        return functools.update_wrapper(bounded, value)

    # -- filters and functions -----------------------------------------------------------

    def _bounded(
        self, func: Callable[..., Any], check: Callable[..., Mapping[str, Any] | None] | None
    ) -> Callable[..., Any]:
        """``func`` (a filter or function) counted as a step and its result measured;
        ``check`` sees the bound arguments first and may replace some (an iterable it
        had to read, as a list)."""
        signature = inspect.signature(func) if check is not None else None
        budget = self.budget

        @functools.wraps(func)  # keeps Jinja's pass_context & co.
        def bounded(*args: Any, **kwargs: Any) -> Any:
            budget.step()
            if check is not None and signature is not None:
                bound = signature.bind(*args, **kwargs)
                bound.apply_defaults()
                replaced = check(budget, **bound.arguments)
                if replaced:
                    bound.arguments.update(replaced)
                    args, kwargs = bound.args, bound.kwargs
            return budget.made_value(func(*args, **kwargs))

        return bounded

    def _dumps(self, value: Any, **kwargs: Any) -> str:
        """``tojson``, written piece by piece and stopped at :data:`MAX_VALUE`."""
        self.budget.width(kwargs.get("indent"))
        size = 0
        pieces = []
        for piece in json.JSONEncoder(**kwargs).iterencode(value):
            size += len(piece)
            self.budget.expect(size)
            pieces.append(piece)
        return "".join(pieces)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_string_method(
    budget: Budget, text: str, name: str, args: tuple[Any, ...]
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


def _center_check(budget: Budget, value: Any, width: Any = 80) -> None:
    budget.width(width)


def _indent_check(budget: Budget, s: Any, width: Any = 4, **_: Any) -> None:
    text = str(s)
    step = len(width) if isinstance(width, str) else width
    budget.width(step)
    if isinstance(step, int):
        budget.expect(len(text) + (text.count("\n") + 1) * max(step, 0))


def _wordwrap_check(
    budget: Budget, environment: Any, s: Any, wrapstring: str | None = None, **_: Any
) -> None:
    text = str(s)
    breaks = len(wrapstring if wrapstring is not None else environment.newline_sequence)
    budget.expect(len(text) * (1 + breaks))  # at most one break per character


def _format_check(budget: Budget, value: Any, args: tuple[Any, ...], kwargs: Any) -> None:
    for number in _printf_widths(str(value), kwargs or args):
        budget.width(number)


def _join_check(budget: Budget, eval_ctx: Any, value: Any, d: Any = "", **_: Any) -> dict[str, Any]:
    items = list(value)
    budget.expect(len(str(d)) * max(len(items) - 1, 0))
    return {"value": items}


def _replace_check(
    budget: Budget, eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None
) -> None:
    budget.expect(_replaced_size(str(s), str(old), str(new), count))


def _batch_check(budget: Budget, value: Any, linecount: Any, fill_with: Any = None) -> None:
    if fill_with is not None and isinstance(linecount, int):
        budget.expect(linecount, items=True)


def _slice_check(budget: Budget, value: Any, slices: Any, fill_with: Any = None) -> None:
    if isinstance(slices, int):
        budget.expect(slices, items=True)


def _sum_check(
    budget: Budget, environment: Any, iterable: Any, attribute: Any = None, start: Any = 0
) -> dict[str, Any] | None:
    if not isinstance(start, list | tuple | str):
        return None
    items = list(iterable)
    budget.expect(len(start) + sum(len(i) for i in items if isinstance(i, list | tuple | str)))
    if attribute is None and all(type(i) is type(start) for i in items):
        # builtin sum copies the whole result for each item (quadratic); same result
        return {"iterable": [type(start)(itertools.chain.from_iterable(items))], "start": start}
    return {"iterable": items}


def _lipsum_check(budget: Budget, n: Any = 5, **options: Any) -> None:
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
