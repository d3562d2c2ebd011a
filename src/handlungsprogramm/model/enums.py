"""Enumerations of the model; their string values are part of the input format.

The values are stable: they appear in YAML files, the JSON Schema and the JSON
report, and the label catalogue translates them for documents.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Frequency",
    "FundingStatus",
    "Hazard",
    "Level",
    "Location",
    "MeasureStatus",
    "MunicipalityKind",
    "PartnershipKind",
    "PersonnelUnit",
    "Pillar",
    "Priority",
    "Side",
]


class Side(StrEnum):
    """One of the two partner municipalities."""

    GERMAN = "german"
    PARTNER = "partner"


class Location(StrEnum):
    """Where a measure takes place."""

    GERMAN = "german"
    PARTNER = "partner"
    BOTH = "both"


class Pillar(StrEnum):
    """The two pillars of the programme: mitigation and adaptation."""

    MITIGATION = "mitigation"
    ADAPTATION = "adaptation"
    BOTH = "both"

    def covers(self, pillar: Pillar) -> bool:
        """Whether a measure of this pillar counts towards `pillar`."""
        return self is pillar or self is Pillar.BOTH


class MunicipalityKind(StrEnum):
    """City, municipality or district (Landkreis)."""

    CITY = "city"
    MUNICIPALITY = "municipality"
    DISTRICT = "district"


class PartnershipKind(StrEnum):
    """A full twinning or a partnership on a theme."""

    TWINNING = "twinning"
    THEMATIC = "thematic"


class Priority(StrEnum):
    """Priority of a measure."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class MeasureStatus(StrEnum):
    """Implementation status of a measure."""

    NOT_STARTED = "not_started"
    PLANNING = "planning"
    IMPLEMENTING = "implementing"
    COMPLETED = "completed"
    ONGOING = "ongoing"


class FundingStatus(StrEnum):
    """How certain a sum of money is."""

    SECURED = "secured"
    APPLIED = "applied"
    PLANNED = "planned"


class PersonnelUnit(StrEnum):
    """Unit of a personnel resource."""

    PERSON_DAYS = "person_days"
    FTE = "fte"


class Hazard(StrEnum):
    """Climate hazards, following the hazard types of SECAP / CDP-ICLEI reporting."""

    HEAT = "heat"
    DROUGHT = "drought"
    WATER_SCARCITY = "water_scarcity"
    HEAVY_RAIN = "heavy_rain"
    FLOOD = "flood"
    STORM = "storm"
    SEA_LEVEL_RISE = "sea_level_rise"
    COASTAL_EROSION = "coastal_erosion"
    WILDFIRE = "wildfire"
    LANDSLIDE = "landslide"
    SOIL_EROSION = "soil_erosion"
    VECTOR_BORNE_DISEASE = "vector_borne_disease"
    OTHER = "other"


class Level(StrEnum):
    """Likelihood or impact of a hazard."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Frequency(StrEnum):
    """How often monitoring takes place."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMI_ANNUALLY = "semi_annually"
    ANNUALLY = "annually"
    BIENNIALLY = "biennially"
