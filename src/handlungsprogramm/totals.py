"""Sums of money and personnel, always per currency: different currencies are never added.

Used by the documents' resources summary and by PDF form filling
(``totals.money.EUR``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from typing import NamedTuple, TypeVar

from babel.numbers import get_currency_precision

from handlungsprogramm.model import (
    FundingStatus,
    Measure,
    Money,
    PersonnelUnit,
    Pillar,
    Programme,
    Side,
    Text,
    YearMonth,
)

__all__ = [
    "CurrencyTotals",
    "PersonnelKey",
    "Totals",
    "compute_totals",
    "estimated_reduction",
    "funded",
    "funding_source_key",
    "secured_share",
    "spread_over_years",
]

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
    spread: bool = False
    """Whether an amount without a year was spread over its measure's years (the
    document says how under the "by year" table)."""
    total_cost: Decimal = Decimal(0)
    """Sum of the measures' total cost in this currency (only measures that give one)."""
    funded: Decimal = Decimal(0)
    """What those measures' sums of money cover of their total cost."""

    @property
    def gap(self) -> Decimal:
        """Total cost not covered by money (the funding gap); never negative per measure."""
        return self.total_cost - self.funded


class PersonnelKey(NamedTuple):
    """Personnel is added up per side and unit, and yearly figures apart from one-off
    ones: 15 person-days a year and 40 person-days in all are not 55 of anything."""

    side: Side
    unit: PersonnelUnit
    per_year: bool


@dataclass(slots=True)
class Totals:
    """Money per currency and personnel per side, unit and period."""

    money: dict[str, CurrencyTotals]
    personnel: dict[PersonnelKey, Decimal]
    sources: dict[str, Text | str]
    """The first spelling of each funding source, by its grouping key."""


def _add(bucket: dict[K, Decimal], key: K, amount: Decimal) -> None:
    bucket[key] = bucket.get(key, Decimal(0)) + amount


def spread_over_years(
    amount: Decimal, start: YearMonth, end: YearMonth, currency: str
) -> dict[int, Decimal]:
    """``amount`` over the calendar years from ``start`` to ``end``, pro rata by months.

    Each year but the last is rounded to the currency's minor unit (Babel's CLDR data:
    2 places for EUR, none for XOF); the last year takes the remainder, so the years add
    up to ``amount`` exactly. When rounding up the earlier years would leave the last
    one negative (2 XOF over four years: 1, 1, 1, −1), they are rounded down instead.
    """
    if end < start:
        end = start
    months = end.index - start.index + 1
    quantum = Decimal(1).scaleb(-get_currency_precision(currency))
    for rounding in (ROUND_HALF_EVEN, ROUND_DOWN):
        shares: dict[int, Decimal] = {}
        given = Decimal(0)
        for year in range(start.year, end.year):
            first = start.month if year == start.year else 1
            share = (amount * (12 - first + 1) / months).quantize(quantum, rounding=rounding)
            shares[year] = share
            given += share
        shares[end.year] = amount - given
        if shares[end.year] >= 0:
            break
    return shares


def _years(programme: Programme, measure: Measure, money: Money) -> dict[int | None, Decimal]:
    """Where ``money`` belongs in the "by year" table: its own year, else its measure's.

    An amount without a year is spread over the years of its measure's timeline; an
    ongoing measure's over the years from its start to the end of the programme period.
    Booking it all to the start year would state a multi-year measure's money wrongly in a
    document councils adopt.
    """
    if money.year is not None:
        return {money.year: money.amount}
    if money.by_year:
        return dict(sorted(money.by_year.items()))
    timeline = measure.timeline
    if timeline is None:
        return {None: money.amount}
    end = timeline.end or programme.period.end
    years: dict[int | None, Decimal] = {}
    for year, share in spread_over_years(money.amount, timeline.start, end, money.currency).items():
        years[year] = share
    return years


def funded(measure: Measure, currency: str) -> Decimal:
    """What a measure's sums of money in ``currency`` add up to."""
    return sum((m.amount for m in measure.resources.money if m.currency == currency), Decimal(0))


def compute_totals(programme: Programme) -> Totals:
    """Add up every measure's resources, per currency; iteration order is document order."""
    money: dict[str, CurrencyTotals] = {}
    personnel: dict[PersonnelKey, Decimal] = defaultdict(Decimal)
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
            years = _years(programme, measure, item)
            t.spread = t.spread or (len(years) > 1 and not item.by_year)
            for year, amount in years.items():
                _add(t.by_year, year, amount)
        for cost in measure.resources.total_cost:
            t = money.setdefault(cost.currency, CurrencyTotals(cost.currency))
            t.total_cost += cost.amount
            t.funded += min(cost.amount, funded(measure, cost.currency))
        for staff in measure.resources.personnel:
            personnel[PersonnelKey(staff.side, staff.unit, staff.per_year)] += staff.amount
    return Totals(money, dict(personnel), sources)


def secured_share(t: CurrencyTotals) -> Decimal | None:
    """The secured part of a currency's money in percent, to a tenth (``62.5``; a whole
    number without decimals: ``100``); ``None`` when there is no money in it."""
    if not t.total:
        return None
    share = (t.by_status.get(FundingStatus.SECURED, Decimal(0)) * 100 / t.total).quantize(
        Decimal("0.1")
    )
    return share.quantize(Decimal(1)) if share == share.to_integral_value() else share


def estimated_reduction(programme: Programme) -> tuple[Decimal, int]:
    """The measures' estimated emission reductions (t CO2e per year) added up, and how
    many measures give one: a sum over a few measures must say so."""
    given = [m.estimated_reduction for m in programme.measures if m.estimated_reduction is not None]
    return sum(given, Decimal(0)), len(given)
