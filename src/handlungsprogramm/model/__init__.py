"""The typed model of a joint programme of action (pydantic v2)."""

from handlungsprogramm.model.baseline import Baseline, Baselines, Challenge, ClimateHazard
from handlungsprogramm.model.enums import (
    Frequency,
    FundingStatus,
    Hazard,
    Level,
    Location,
    MeasureStatus,
    MunicipalityKind,
    PartnershipKind,
    PersonnelUnit,
    Pillar,
    Priority,
    Side,
)
from handlungsprogramm.model.measures import Contact, Lead, Measure, Milestone, Partner, Timeline
from handlungsprogramm.model.objectives import (
    FieldOfAction,
    Indicator,
    IndicatorValue,
    OperationalObjective,
    StrategicObjective,
)
from handlungsprogramm.model.partnership import Municipality, Partnership
from handlungsprogramm.model.programme import (
    LABEL_LANGUAGES,
    CouncilAdoption,
    Monitoring,
    Outlook,
    Period,
    Programme,
    Signatory,
)
from handlungsprogramm.model.resources import Money, Personnel, Resources
from handlungsprogramm.model.types import Text, YearMonth

__all__ = [
    "LABEL_LANGUAGES",
    "Baseline",
    "Baselines",
    "Challenge",
    "ClimateHazard",
    "Contact",
    "CouncilAdoption",
    "FieldOfAction",
    "Frequency",
    "FundingStatus",
    "Hazard",
    "Indicator",
    "IndicatorValue",
    "Lead",
    "Level",
    "Location",
    "Measure",
    "MeasureStatus",
    "Milestone",
    "Money",
    "Monitoring",
    "Municipality",
    "MunicipalityKind",
    "OperationalObjective",
    "Outlook",
    "Partner",
    "Partnership",
    "PartnershipKind",
    "Period",
    "Personnel",
    "PersonnelUnit",
    "Pillar",
    "Priority",
    "Programme",
    "Resources",
    "Side",
    "Signatory",
    "StrategicObjective",
    "Text",
    "Timeline",
    "YearMonth",
]
