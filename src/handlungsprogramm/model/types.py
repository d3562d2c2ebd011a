"""Value types shared by the model: codes, bilingual text, months, money amounts.

Each type validates with a stable error code (`PydanticCustomError`) so the loader
can render the message in English or German and tests can assert on the code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any

from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import list_currencies
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    RootModel,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

__all__ = [
    "Amount",
    "Code",
    "CountryCode",
    "CurrencyCode",
    "Date",
    "LanguageCode",
    "Name",
    "Quantity",
    "Text",
    "Year",
    "YearMonth",
    "is_blank",
    "is_country_code",
    "is_language_code",
]

_LANG_RE = re.compile(r"^[a-z]{2}$")
_CODE_RE = r"^[A-Za-z0-9]+(?:[.\-_][A-Za-z0-9]+)*$"

# Babel's territory list mixes ISO 3166-1 alpha-2 codes with UN M.49 regions and a
# few groupings; these alphabetic ones are not countries a municipality can be in.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    codes = (str(code) for code in Locale("en").territories)
    return frozenset(
        code for code in codes if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


@lru_cache(maxsize=1)
def _current_currencies() -> frozenset[str]:
    """Codes that CLDR (via Babel) lists as in use somewhere with no end date.

    Babel's list of codes also holds withdrawn currencies (DEM, FRF, the old Bolivian
    BOL); money planned in a programme is in a currency still in use. Codes in use
    without being legal tender (XDR, the funds codes BOV, CLF, UYW) count as in use.
    The answer depends on Babel's data, not on today's date, so a programme that loads
    today loads tomorrow.
    """
    return frozenset(
        code
        for entries in get_global("territory_currencies").values()
        for code, _start, end, _tender in entries
        if end is None
    )


@lru_cache(maxsize=1024)
def is_language_code(value: str) -> bool:
    """Whether ``value`` is an ISO 639-1 code that Babel (CLDR) knows."""
    return bool(_LANG_RE.match(value)) and localedata.exists(value)


def is_country_code(value: str) -> bool:
    """Whether ``value`` is an ISO 3166-1 alpha-2 country code."""
    return value in _countries()


def _language(value: str) -> str:
    if not is_language_code(value):
        raise PydanticCustomError(
            "language_code",
            "'{value}' is not an ISO 639-1 language code (two lower-case letters, e.g. de, fr)",
            {"value": value},
        )
    return value


def _country(value: str) -> str:
    if not is_country_code(value):
        raise PydanticCustomError(
            "country_code",
            "'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. DE, SN, TZ)",
            {"value": value},
        )
    return value


_NOT_MONEY: dict[str, tuple[str, str]] = {
    "XXX": ("the code for 'no currency'", "der Code für „keine Währung“"),
    "XTS": ("reserved for testing", "für Tests reserviert"),
    **dict.fromkeys(("XAU", "XAG", "XPT", "XPD"), ("a precious metal", "ein Edelmetall")),
    **dict.fromkeys(
        ("XBA", "XBB", "XBC", "XBD"),
        ("a unit of the European bond market", "eine Einheit des europäischen Anleihemarkts"),
    ),
}
"""ISO 4217 codes that are not money a programme can plan with (en, de: what they are).

Units of account that funders do use stay accepted: XDR (the IMF's special drawing
rights), XUA (the African Development Bank's unit), XSU (the ALBA sucre)."""


def _currency(value: str) -> str:
    if value not in _currencies():
        raise PydanticCustomError(
            "currency_code",
            "'{value}' is not an ISO 4217 currency code (e.g. EUR, XOF, TZS)",
            {"value": value},
        )
    if value in _NOT_MONEY:
        raise PydanticCustomError(
            "currency_not_money",
            "'{value}' is not a currency money can be planned in",
            {"value": value, "reason": _NOT_MONEY[value]},
        )
    if value not in _current_currencies():
        raise PydanticCustomError(
            "currency_withdrawn",
            "'{value}' is a withdrawn currency, no longer legal tender anywhere",
            {"value": value},
        )
    return value


def _no_float(value: Any) -> Any:
    # A binary float cannot hold 0.10 exactly; money and measured values must come in
    # as Decimal, int or str (YAML and JSON input is read straight into Decimal).
    if isinstance(value, float):
        raise PydanticCustomError(
            "float_not_allowed",
            "a binary float is not exact; pass a Decimal, an int or a string such as '1234.50'",
        )
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


def _date_in_range(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise PydanticCustomError(
            "year_out_of_range",
            "{value} lies outside the years {min_year}–{max_year}",
            {"value": value.isoformat(), "min_year": MIN_YEAR, "max_year": MAX_YEAR},
        )
    return value


LanguageCode = Annotated[
    str,
    AfterValidator(_language),
    WithJsonSchema({"type": "string", "pattern": "^[a-z]{2}$", "description": "ISO 639-1"}),
]
CountryCode = Annotated[
    str,
    AfterValidator(_country),
    WithJsonSchema(
        {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"}
    ),
]
CurrencyCode = Annotated[
    str,
    AfterValidator(_currency),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217"}),
]
Code = Annotated[
    str,
    Field(pattern=_CODE_RE, max_length=40, examples=["2", "2.1", "2.1.3", "M-07"]),
]
Name = Annotated[str, Field(min_length=1, max_length=300)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR), BeforeValidator(_whole_number)]
Date = Annotated[dt.date, AfterValidator(_date_in_range)]
"""A day, `YYYY-MM-DD`, in the years 1900–2200 (year 1 or 9999 is a typo, not a plan)."""
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


class Text(RootModel[dict[LanguageCode, str]]):
    """A text in each language of the programme: `{de: "...", fr: "..."}`.

    Long texts may use Markdown. Whether both languages are present is a
    completeness question (rule HP101), not a loading one, so drafts still load.
    """

    # Same trimming as every other string of the model (YAML block scalars end in "\n").
    model_config = ConfigDict(str_strip_whitespace=True)

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.root)

    def __contains__(self, lang: object) -> bool:
        return lang in self.root

    def get(self, lang: str, default: str = "") -> str:
        """The text in `lang`, or `default` when that language is missing."""
        return self.root.get(lang, default)

    @property
    def languages(self) -> frozenset[str]:
        """The languages that carry a non-blank text."""
        return frozenset(lang for lang, text in self.root.items() if text.strip())


@dataclass(frozen=True, slots=True, order=True)
class YearMonth:
    """A calendar month; time plans of programmes are month-precise.

    Written `YYYY-MM` in input files (YAML keeps `2025-03` a string, so no
    quoting is needed).
    """

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"not a valid month: {self.year:04d}-{self.month:02d}")

    @classmethod
    def parse(cls, value: str) -> YearMonth:
        """Parse `YYYY-MM`; raise `ValueError` otherwise."""
        m = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
        if not m:
            raise ValueError(f"not a month in the form YYYY-MM: {value!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def index(self) -> int:
        """Months since year 0: makes differences and ranges simple arithmetic."""
        return self.year * 12 + self.month - 1

    @classmethod
    def _validate(cls, value: Any) -> YearMonth:
        if isinstance(value, YearMonth):
            return value
        if isinstance(value, str):
            try:
                return cls.parse(value)
            except ValueError:
                m = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", value.strip())
                if m and not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
                    raise PydanticCustomError(
                        "year_out_of_range",
                        "{value} lies outside the years {min_year}–{max_year}",
                        {"value": value.strip(), "min_year": MIN_YEAR, "max_year": MAX_YEAR},
                    ) from None
        raise PydanticCustomError(
            "year_month",
            "expected a month as YYYY-MM (e.g. 2025-03), got {value}",
            {"value": repr(value)},
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": r"^\d{4}-(0[1-9]|1[0-2])$",
            "description": "A month, YYYY-MM",
            "examples": ["2025-03"],
        }


def is_blank(value: Text | str | None) -> bool:
    """True for a missing value, an empty string, or a text with no language filled in."""
    if value is None:
        return True
    if isinstance(value, Text):
        return not value.languages
    return not value.strip()
