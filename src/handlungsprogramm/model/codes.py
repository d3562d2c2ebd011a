"""Code types of the model: ISO 639-1 languages, ISO 3166-1 countries, ISO 4217 currencies.

Each is checked against Babel's copy of CLDR, which is loaded lazily and cached; kept
apart from the other value types because these alone depend on that data (and
define which currencies money may be planned in).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated

from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import list_currencies
from pydantic import (
    AfterValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

_LANG_RE = re.compile(r"^[a-z]{2}$")


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
