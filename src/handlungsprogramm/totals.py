"""Sums of money and personnel, always per currency: different currencies are never added.

Used by the documents' resources summary and by PDF form filling
(``totals.money.EUR``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from handlungsprogramm.model import (
    FundingStatus,
    Measure,
    Money,
    PersonnelUnit,
    Pillar,
    Programme,
    Side,
    Text,
)

__all__ = ["CurrencyTotals", "Totals", "compute_totals", "funding_source_key"]

K = TypeVar("K", bound=Hashable)


def funding_source_key(source: Text | str | None) -> str:
    """A stable key for grouping by funding source: its German text or plain name."""
    if source is None:
        return ""
    if isinstance(source, Text):
        return source.get("de") or next(iter(source.root.values()), "")
    return source


@dataclass(slots=True)
class CurrencyTotals:
    """All sums in one currency, broken down the ways a council asks for."""

    currency: str
    total: Decimal = Decimal(0)
    by_status: dict[FundingStatus, Decimal] = field(default_factory=dict)
    by_source: dict[str, Decimal] = field(default_factory=dict)
    by_source_status: dict[tuple[str, FundingStatus], Decimal] = field(default_factory=dict)
    by_pillar: dict[Pillar, Decimal] = field(default_factory=dict)
    by_field: dict[str, Decimal] = field(default_factory=dict)
    by_year: dict[int | None, Decimal] = field(default_factory=dict)


@dataclass(slots=True)
class Totals:
    """Money per currency and personnel per side and unit."""

    money: dict[str, CurrencyTotals]
    personnel: dict[tuple[Side, PersonnelUnit], Decimal]
    sources: dict[str, Text | str]
    """The first spelling of each funding source, by its grouping key."""


def _add(bucket: dict[K, Decimal], key: K, amount: Decimal) -> None:
    bucket[key] = bucket.get(key, Decimal(0)) + amount


def _year(measure: Measure, money: Money) -> int | None:
    if money.year is not None:
        return money.year
    return measure.timeline.start.year if measure.timeline else None


def compute_totals(programme: Programme) -> Totals:
    """Add up every measure's resources, per currency; iteration order is document order."""
    money: dict[str, CurrencyTotals] = {}
    personnel: dict[tuple[Side, PersonnelUnit], Decimal] = defaultdict(Decimal)
    sources: dict[str, Text | str] = {}
    for measure in programme.measures:
        for item in measure.resources.money:
            t = money.setdefault(item.currency, CurrencyTotals(item.currency))
            source = funding_source_key(item.funding_source)
            if item.funding_source is not None:
                sources.setdefault(source, item.funding_source)
            t.total += item.amount
            _add(t.by_status, item.status, item.amount)
            _add(t.by_source, source, item.amount)
            _add(t.by_source_status, (source, item.status), item.amount)
            _add(t.by_pillar, measure.pillar, item.amount)
            _add(t.by_field, measure.field_of_action or "", item.amount)
            _add(t.by_year, _year(measure, item), item.amount)
        for staff in measure.resources.personnel:
            personnel[(staff.side, staff.unit)] += staff.amount
    return Totals(money, dict(personnel), sources)
