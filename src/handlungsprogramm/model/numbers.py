"""Number types of the model: exact decimals (amounts, quantities, shares, rates) and years.

Numbers come in as ``Decimal``, ``int``, plain text or a float taken as the decimal
its shortest form spells (``24500.5``), and are bounded in magnitude and in decimal places; text that readers take in different
ways (``0x10``, ``010``, ``1_000``, ``-0``) is refused with the number to write
instead. The loader uses :data:`PLAIN_NUMBER` too, so both agree on what a number is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
)
from pydantic_core import PydanticCustomError


def _no_float(value: Any) -> Any:
    """A binary float as the decimal it is written as: its shortest repr (``24500.5``
    from a web form's JSON is ``Decimal('24500.5')``, never ``24500.5000000000…``).
    A float whose shortest form has more places than the field allows (``0.1 + 0.2``
    is ``0.30000000000000004``) is then refused by the places check, naming the
    limit; YAML and JSON files are read straight into Decimal and never come here."""
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


MIN_YEAR, MAX_YEAR = 1900, 2200
"""Years a programme can speak of: partnerships, adoptions, baselines, targets, time plans."""


MAX_MAGNITUDE = 10**15
"""Largest amount or value (a quadrillion): far above any municipal budget in any currency."""


AMOUNT_PLACES = 4
"""Decimal places of a sum of money (cents need 2; exchange-rate results may carry 4)."""


QUANTITY_PLACES = 6
"""Decimal places of a measured value, an indicator or personnel (a millionth)."""


PLAIN_NUMBER = re.compile(r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
"""A number as everyone reads it alike: decimal digits, optionally a sign, a decimal
point and an exponent (``45000``, ``-12.5``, ``.5``, ``1.5e6``). YAML 1.2 reads the
same text the same way, and so do YAML 1.1, JSON and people."""


_OTHER_BASE = re.compile(r"[-+]?0(?:[xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)")


_LEADING_ZERO = re.compile(r"([-+]?)0+([0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)")


_SEPARATED = re.compile(r"[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")


def is_negative_zero(text: str) -> bool:
    """``-0``, ``-0.0``, ``-.0e5``: a plain number that is a zero with a minus sign."""
    return text.startswith("-") and Decimal(text).is_zero()


def _number_text(text: str) -> Decimal | str:
    """The number a text spells, refusing forms that readers take in different ways.

    Returns a Decimal for a plain number, or the text unchanged for anything that is not
    meant as a number at all (pydantic then says "expected a number").
    """
    text = text.strip()
    if PLAIN_NUMBER.fullmatch(text):
        if is_negative_zero(text):
            raise PydanticCustomError(
                "negative_zero", "{value} is a negative zero", {"value": text}
            )
        return Decimal(text)
    if _OTHER_BASE.fullmatch(text):
        digits = text.replace("_", "")
        plain: str | tuple[str, str] = (
            str(int(digits, 0))
            if len(digits) <= 20
            else ("the number in decimal digits", "die Zahl in Dezimalziffern")
        )
        raise PydanticCustomError(
            "number_base",
            "{value} is written in another base than ten; write {plain}",
            {"value": text, "plain": plain},
        )
    leading = _LEADING_ZERO.fullmatch(text)
    if leading:
        plain = (leading.group(1) + leading.group(2)).replace("_", "")
        raise PydanticCustomError(
            "number_leading_zero",
            "{value} starts with a zero, which YAML 1.1 reads as an octal number; write {plain}",
            {"value": text, "plain": plain},
        )
    if "_" in text and _SEPARATED.fullmatch(text):
        raise PydanticCustomError(
            "number_separator",
            "{value} has digit separators, which not every reader allows; write {plain}",
            {"value": text, "plain": text.replace("_", "")},
        )
    return text


def _exact_number(places: int) -> Callable[[Any], Any]:
    """A validator for exact decimals: no float, a plain form, no negative zero, at
    most ``places`` decimal places.

    Bounds the representation as well as the value: ``1e-100000`` lies between the
    limits of any range, yet formatting it writes 100,000 digits and crashed the build.
    With the magnitude limit (10**15) a value has at most 16 + ``places`` digits.
    """

    def validate(value: Any) -> Any:
        value = _no_float(value)
        if isinstance(value, str):
            value = _number_text(value)
        if not isinstance(value, Decimal) or not value.is_finite():
            return value  # ints, and NaN and infinity: pydantic's own checks say what is wrong
        if value.is_zero() and value.is_signed():
            raise PydanticCustomError(
                "negative_zero", "{value} is a negative zero", {"value": str(value)}
            )
        exponent = value.as_tuple().exponent
        if not isinstance(exponent, int) or exponent >= -places or abs(value) > MAX_MAGNITUDE:
            return value  # too large: pydantic's range check names the limit
        if value.is_zero():
            return Decimal(0)  # 0E-100000: zero, written with a huge exponent
        normal = value.normalize().as_tuple().exponent
        if isinstance(normal, int) and normal >= -places:
            # only trailing zeros beyond the limit (5.0000000): the same number, shorter
            return value.quantize(Decimal(1).scaleb(-places))
        raise PydanticCustomError(
            "decimal_max_places",
            "at most {decimal_places} decimal places allowed",
            {"decimal_places": places},
        )

    return validate


def _whole_number(value: Any) -> Any:
    """Years written as text must be plain digits too (``2_025``, ``0x7E9`` are refused)."""
    if isinstance(value, str):
        number = _number_text(value)
        if isinstance(number, Decimal) and number == number.to_integral_value():
            return int(number) if abs(number) < 10**6 else value
    return value


Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR), BeforeValidator(_whole_number)]


# Bounded in magnitude and in decimal places: a value like 1e400 or 1e-100000 would
# pass as a Decimal but break formatting and charts.
Amount = Annotated[
    Decimal,
    Field(ge=0, le=MAX_MAGNITUDE, allow_inf_nan=False),
    BeforeValidator(_exact_number(AMOUNT_PLACES)),
]


Share = Annotated[
    Decimal,
    Field(gt=0, le=100, allow_inf_nan=False),
    BeforeValidator(_exact_number(QUANTITY_PLACES)),
]
"""A percentage, more than 0 and at most 100 (e.g. `90` for a grant rate of 90 %)."""


Rate = Annotated[
    Decimal,
    Field(gt=0, le=MAX_MAGNITUDE, allow_inf_nan=False),
    BeforeValidator(_exact_number(QUANTITY_PLACES)),
]
"""A positive exact number, e.g. an exchange rate."""


Quantity = Annotated[
    Decimal,
    Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE),
    BeforeValidator(_exact_number(QUANTITY_PLACES)),
]
