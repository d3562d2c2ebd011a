"""Value types shared by the model: codes, bilingual text, months, money amounts.

Each type validates with a stable error code (`PydanticCustomError`) so the loader
can render the message in English or German and tests can assert on the code.

The kinds of type live in their own modules, re-exported here: ISO codes in
:mod:`.codes`, exact numbers and years in :mod:`.numbers`; this module holds the
text, month and date types and the programme's own codes and names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    RootModel,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from handlungsprogramm.model.codes import (
    CountryCode,
    CurrencyCode,
    LanguageCode,
    is_country_code,
    is_language_code,
)
from handlungsprogramm.model.numbers import AMOUNT_PLACES as AMOUNT_PLACES
from handlungsprogramm.model.numbers import MAX_MAGNITUDE as MAX_MAGNITUDE
from handlungsprogramm.model.numbers import MAX_YEAR, MIN_YEAR, Amount, Quantity, Year
from handlungsprogramm.model.numbers import PLAIN_NUMBER as PLAIN_NUMBER
from handlungsprogramm.model.numbers import QUANTITY_PLACES as QUANTITY_PLACES
from handlungsprogramm.model.numbers import Rate as Rate
from handlungsprogramm.model.numbers import Share as Share
from handlungsprogramm.model.numbers import is_negative_zero as is_negative_zero

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


_CODE_RE = r"^[A-Za-z0-9]+(?:[.\-_][A-Za-z0-9]+)*$"


def _date_in_range(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise PydanticCustomError(
            "year_out_of_range",
            "{value} lies outside the years {min_year}–{max_year}",
            {"value": value.isoformat(), "min_year": MIN_YEAR, "max_year": MAX_YEAR},
        )
    return value


Code = Annotated[
    str,
    Field(pattern=_CODE_RE, max_length=40, examples=["2", "2.1", "2.1.3", "M-07"]),
]


Name = Annotated[str, Field(min_length=1, max_length=300)]


Date = Annotated[dt.date, AfterValidator(_date_in_range)]
"""A day, `YYYY-MM-DD`, in the years 1900–2200 (year 1 or 9999 is a typo, not a plan)."""


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
