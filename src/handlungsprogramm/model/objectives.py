"""The goal hierarchy: field of action → strategic objective → operational objective."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from handlungsprogramm.model.base import Model
from handlungsprogramm.model.enums import Direction, Side
from handlungsprogramm.model.types import Code, Quantity, Text, Year

__all__ = [
    "FieldOfAction",
    "Indicator",
    "IndicatorValue",
    "OperationalObjective",
    "StrategicObjective",
]


class IndicatorValue(Model):
    """A value of an indicator in a given year."""

    value: Quantity
    """The value, in the indicator's unit."""
    year: Year
    """The year it refers to."""


class Indicator(Model):
    """How an operational objective is measured."""

    name: Text
    """What is measured, e.g. waste per inhabitant and year."""
    unit: Text | str
    """Unit; a plain string (`%`, `t CO2e`, `kWh`) when it is the same in both languages."""
    baseline: IndicatorValue | None = None
    """Starting value and its year."""
    target: IndicatorValue | None = None
    """Target value and its year."""
    interim_targets: list[IndicatorValue] = []
    """Values to reach on the way, e.g. 2027 on the way to the 2030 target."""
    direction: Direction | None = None
    """`increase`, `decrease` or `maintain`: where the value should go."""
    municipality: Side | None = None
    """Where it is measured, when an objective has one indicator per municipality."""
    source: Text | Annotated[str, Field(min_length=1, max_length=500)] | None = None
    """Where the values come from."""

    @property
    def change(self) -> Decimal | None:
        """Target minus baseline, when both are known."""
        if self.baseline is None or self.target is None:
            return None
        return self.target.value - self.baseline.value


class OperationalObjective(Model):
    """A concrete, measurable objective, e.g. `2.1.3`."""

    code: Code
    """Hierarchical code, e.g. `2.1.3`."""
    title: Text
    """The objective."""
    indicator: Indicator | None = None
    """Indicator with baseline and target."""
    indicators: list[Indicator] = []
    """Several indicators instead of `indicator`, e.g. the same one measured in both
    municipalities (each with `municipality:`)."""

    @model_validator(mode="after")
    def _one_way_of_giving_indicators(self) -> Self:
        if self.indicator is not None and self.indicators:
            raise PydanticCustomError(
                "indicator_and_indicators",
                "give either `indicator:` or `indicators:`, not both",
                {},
            )
        return self

    def all_indicators(self) -> list[tuple[tuple[str | int, ...], Indicator]]:
        """Every indicator with its path below the objective."""
        if self.indicator is not None:
            return [(("indicator",), self.indicator)]
        return [(("indicators", i), ind) for i, ind in enumerate(self.indicators)]


class StrategicObjective(Model):
    """A long-term objective, e.g. `2.1` for 2030."""

    code: Code
    """Hierarchical code, e.g. `2.1`."""
    title: Text
    """The objective."""
    target_year: Year | None = None
    """Year by which it should be reached."""
    references: list[Code] = []
    """Codes of the programme's `references` it contributes to (SDGs, strategies)."""
    operational_objectives: list[OperationalObjective] = []
    """The operational objectives that make it concrete."""


class FieldOfAction(Model):
    """A field of action (Handlungsfeld) with its guiding principle."""

    code: Code
    """Code, e.g. `2`."""
    title: Text
    """Title, e.g. waste management."""
    guiding_principle: Text | None = None
    """The guiding principle (Leitlinie)."""
    cross_cutting: bool = False
    """A cross-cutting field (coordination, education, monitoring): its measures may
    serve objectives of every field, and every measure may serve its objectives."""
    strategic_objectives: list[StrategicObjective] = []
    """Strategic objectives of this field."""
