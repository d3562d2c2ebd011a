"""The baseline (Bestandsaufnahme) of each municipality: challenges and hazards."""

from __future__ import annotations

from handlungsprogramm.model.base import Model
from handlungsprogramm.model.enums import Hazard, Level, Side
from handlungsprogramm.model.types import Text

__all__ = ["Baseline", "Baselines", "Challenge", "ClimateHazard"]


class Challenge(Model):
    """One row of the baseline table."""

    challenge: Text
    """The challenge itself."""
    affected: Text | None = None
    """Who causes it and who is affected."""
    plans: Text | None = None
    """Existing plans and concepts that address it."""
    projects: Text | None = None
    """Ongoing projects."""


class ClimateHazard(Model):
    """A climate hazard the municipality faces."""

    hazard: Hazard
    """The kind of hazard."""
    description: Text | None = None
    """What it means locally."""
    likelihood: Level
    """How likely it is."""
    impact: Level
    """How severe its impact is."""


class Baseline(Model):
    """The stocktaking of one municipality."""

    challenges: list[Challenge] = []
    """Challenges with who is affected, plans and projects."""
    hazards: list[ClimateHazard] = []
    """Climate hazards with likelihood and impact."""


class Baselines(Model):
    """One baseline per municipality."""

    german: Baseline = Baseline()
    """Baseline of the German municipality."""
    partner: Baseline = Baseline()
    """Baseline of the partner municipality."""

    def of(self, side: Side) -> Baseline:
        """The baseline of `side`."""
        return self.german if side is Side.GERMAN else self.partner
