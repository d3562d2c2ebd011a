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

This module holds the limits, the budget and the environment; what each operation,
filter and the output would make is measured in :mod:`.sandbox_measures`.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NoReturn

from jinja2 import nodes
from jinja2.runtime import Context
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
)
from jinja2.utils import generate_lorem_ipsum
from markupsafe import Markup

from handlungsprogramm.errors import TemplateError
from handlungsprogramm.render.blocks import LazyBlocks
from handlungsprogramm.render.sandbox_measures import (
    _CHECKS,
    _check_string_method,
    _CodeGenerator,
    _EscapeFormatter,
    _Formatter,
    _length,
    _lipsum_check,
    _printf_widths,
    _Template,
    _whole,
)

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

    def stop(self, code: str, **ctx: object) -> NoReturn:
        """Raise the refusal ``code`` (``HP750``–``HP756``: a limit reached) with ``ctx``."""
        raise TemplateError(self.template, code, **ctx)

    def step(self) -> None:
        """One loop iteration or call: count it and look at the clock."""
        self.steps += 1
        if self.steps > self.max_steps:
            self.stop("HP750", limit=self.max_steps)
        self.tick()

    def tick(self) -> None:
        """Stop when the time is up."""
        if time.monotonic() > self.deadline:
            self.stop("HP751", limit=self.seconds)

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
            self.stop("HP752", size=value, limit=MAX_WIDTH)

    def expect(self, size: int, items: bool = False) -> None:
        """Refuse to make a value of ``size`` characters (or items) over :data:`MAX_VALUE`."""
        if size > MAX_VALUE:
            unit = ("items", "Elementen") if items else ("characters", "Zeichen")
            self.stop("HP753", size=size, limit=MAX_VALUE, unit=unit)

    def bits(self, size: int) -> None:
        """Refuse to compute a whole number of ``size`` bits over :data:`MAX_INT_BITS`."""
        if size > MAX_INT_BITS:
            self.stop("HP756", size=size, limit=MAX_INT_BITS)

    def made_value(self, value: Any) -> Any:
        """Measure ``value`` (just made by an expression) against the limits; return it."""
        if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
            size = len(value)
            self.expect(size, items=not isinstance(value, str | bytes))
            self.made += size
            if self.made > MAX_MADE:
                self.stop("HP754", limit=MAX_MADE)
        elif isinstance(value, int) and not isinstance(value, bool):
            self.bits(value.bit_length())
        return value

    def wrote(self, size: int) -> None:
        """``size`` more characters of output."""
        self.output += size
        if self.output > MAX_OUTPUT:
            self.stop("HP755", limit=MAX_OUTPUT)
        self.tick()


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
