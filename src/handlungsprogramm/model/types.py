"""Value types shared by the model: codes, bilingual text, months, money amounts.

Each type validates with a stable error code (`PydanticCustomError`) so the loader
can render the message in English or German and tests can assert on the code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def _currency(value: str) -> str:
    if value not in _currencies():
        raise PydanticCustomError(
            "currency_code",
            "'{value}' is not an ISO 4217 currency code (e.g. EUR, XOF, TZS)",
            {"value": value},
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
Year = Annotated[int, Field(ge=1900, le=2200)]
Amount = Annotated[
    Decimal,
    Field(ge=0, le=10**15, allow_inf_nan=False, max_digits=20, decimal_places=4),
    BeforeValidator(_no_float),
]
# Bounded: a value like 1e400 would pass as a Decimal but break formatting and charts.
Quantity = Annotated[
    Decimal, Field(allow_inf_nan=False, ge=-(10**15), le=10**15), BeforeValidator(_no_float)
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
        if not 1 <= self.month <= 12 or not 1900 <= self.year <= 2200:
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
                pass
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
