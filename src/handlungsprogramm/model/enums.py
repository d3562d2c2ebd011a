"""Enumerations of the model; their string values are part of the input format.

The values are stable: they appear in YAML files, the JSON Schema and the JSON
report, and the label catalogue translates them for documents.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Direction",
    "Frequency",
    "FundingStatus",
    "Hazard",
    "LeadSide",
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


class LeadSide(StrEnum):
    """Who leads a measure: one municipality, or both jointly."""

    GERMAN = "german"
    PARTNER = "partner"
    BOTH = "both"

    def includes(self, side: Side) -> bool:
        """Whether `side` leads (alone or jointly)."""
        return self.value == side.value or self is LeadSide.BOTH


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
    """The kind of local authority, as it calls itself; shown on the cover.

    German municipalities are cities, municipalities or districts (Landkreise);
    partner municipalities are often town councils (Tanzania, Namibia) or district
    or metropolitan municipalities (Mozambique, South Africa)."""

    CITY = "city"
    TOWN = "town"
    MUNICIPALITY = "municipality"
    DISTRICT = "district"
    TOWN_COUNCIL = "town_council"
    MUNICIPAL_COUNCIL = "municipal_council"
    DISTRICT_MUNICIPALITY = "district_municipality"
    METROPOLITAN_MUNICIPALITY = "metropolitan_municipality"


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
    PERSON_MONTHS = "person_months"
    FTE = "fte"


class Hazard(StrEnum):
    """Climate hazards, following the hazard types of SECAP / CDP-ICLEI reporting."""

    HEAT = "heat"
    DROUGHT = "drought"
    WATER_SCARCITY = "water_scarcity"
    HEAVY_RAIN = "heavy_rain"
    FLASH_FLOOD = "flash_flood"
    FLOOD = "flood"
    STORM = "storm"
    SEA_LEVEL_RISE = "sea_level_rise"
    COASTAL_EROSION = "coastal_erosion"
    WILDFIRE = "wildfire"
    LANDSLIDE = "landslide"
    SOIL_EROSION = "soil_erosion"
    VECTOR_BORNE_DISEASE = "vector_borne_disease"
    SALTWATER_INTRUSION = "saltwater_intrusion"
    COLD_SPELL = "cold_spell"
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


class Direction(StrEnum):
    """The direction an indicator should move in."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"
