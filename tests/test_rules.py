"""Completeness rules: one failing case per rule code, boundary cases, registry and report.

Every failing case starts from the complete programme of ``conftest.complete_data()``
(which has no findings at all), makes the smallest change that breaks one rule and
asserts the whole finding: codes of the report, field path, severity, context and the
message in English and German.
"""

from __future__ import annotations

import copy
import io
import json
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from handlungsprogramm import files
from handlungsprogramm.checks import REGISTRY, Finding, Report, Severity, check
from handlungsprogramm.loading import from_data, loads
from handlungsprogramm.location import SourceLocation

Data = dict[str, Any]
Mutation = Callable[[Data], None]


# -- building changes to the complete data ------------------------------------------


def _parts(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in path.split(".")]


def _parent(data: Data, path: str) -> tuple[Any, str | int]:
    *head, last = _parts(path)
    node: Any = data
    for part in head:
        node = node[part]
    return node, last


def set_(path: str, value: Any) -> Mutation:
    """Set the value at a dotted path (``measures.0.lead``), replacing what was there."""

    def mutate(data: Data) -> None:
        node, last = _parent(data, path)
        node[last] = copy.deepcopy(value)

    return mutate


def del_(path: str) -> Mutation:
    """Remove the key or list item at a dotted path."""

    def mutate(data: Data) -> None:
        node, last = _parent(data, path)
        del node[last]

    return mutate


def append(path: str, value: Any) -> Mutation:
    """Append a value to the list at a dotted path."""

    def mutate(data: Data) -> None:
        node, last = _parent(data, path)
        node[last].append(copy.deepcopy(value))

    return mutate


def apply(data: Data, *changes: Mutation) -> Data:
    """Apply changes to ``data`` in place and return it."""
    for change in changes:
        change(data)
    return data


def t(de: str, fr: str) -> dict[str, str]:
    """A text in the programme's two languages."""
    return {"de": de, "fr": fr}


def _recorded_with_other_german(text_id: str) -> Mutation:
    """Record the French text at ``text_id`` as translated from another German text."""

    def mutate(data: Data) -> None:
        from handlungsprogramm.translation import german_fingerprint

        french = german_fingerprint(data[text_id]["fr"])
        data["translated_from"] = [{"text": text_id, "german": "00000000", "translation": french}]

    return mutate


OP = "fields_of_action.0.strategic_objectives.0.operational_objectives.0"
OP_PATH = "fields_of_action[0].strategic_objectives[0].operational_objectives[0]"

# -- the failing cases ----------------------------------------------------------------


@dataclass(frozen=True)
class Fail:
    """One rule broken: the change, and the finding it must produce."""

    id: str
    changes: tuple[Mutation, ...]
    codes: tuple[str, ...]
    code: str
    path: str
    severity: Severity
    ctx: dict[str, object]
    en: str
    de: str
    logo: bool = False
    """Check logos against an (empty) folder."""

    @property
    def index(self) -> int:
        """Position of the finding under test: the first with ``code``."""
        return self.codes.index(self.code)


FAILING: list[Fail] = [
    # -- texts ---------------------------------------------------------------------
    Fail(
        "HP101-vision-without-fr",
        (set_("vision", {"de": "Vision"}),),
        ("HP101",),
        "HP101",
        "vision.fr",
        Severity.ERROR,
        {"language": "fr"},
        "the text is missing in French",
        "der Text fehlt auf Französisch",
    ),
    Fail(
        "HP101-blank-de-in-measure",
        (set_("measures.0.description", {"de": "   ", "fr": "Description"}),),
        ("HP101",),
        "HP101",
        "measures[0].description.de",
        Severity.ERROR,
        {"language": "de"},
        "the text is missing in German",
        "der Text fehlt auf Deutsch",
    ),
    Fail(
        "HP102-third-language",
        (set_("vision", {"de": "Vision", "fr": "Vision", "en": "Vision"}),),
        ("HP102",),
        "HP102",
        "vision.en",
        Severity.ERROR,
        {"language": "en", "languages": "de, fr"},
        "the text has a version in English, which is not one of the programme's languages (de, fr)",
        "der Text hat eine Fassung in der Sprache Englisch, die nicht zu den Sprachen des"
        " Programms gehört (de, fr)",
    ),
    Fail(
        "HP103-no-outlook",
        (del_("outlook"),),
        ("HP103",),
        "HP103",
        "outlook",
        Severity.WARNING,
        {"section": ("the outlook", "den Ausblick"), "key": "outlook"},
        "the programme has no section for the outlook",
        "dem Programm fehlt der Abschnitt für den Ausblick",
    ),
    Fail(
        "HP103-no-vision",
        (del_("vision"),),
        ("HP103",),
        "HP103",
        "vision",
        Severity.WARNING,
        {"section": ("the joint vision", "die gemeinsame Vision"), "key": "vision"},
        "the programme has no section for the joint vision",
        "dem Programm fehlt der Abschnitt für die gemeinsame Vision",
    ),
    Fail(
        "HP103-no-background",
        (del_("background"),),
        ("HP103",),
        "HP103",
        "background",
        Severity.WARNING,
        {"section": ("the background", "den Hintergrund"), "key": "background"},
        "the programme has no section for the background",
        "dem Programm fehlt der Abschnitt für den Hintergrund",
    ),
    Fail(
        "HP104-translated-from-an-earlier-german-text",
        (_recorded_with_other_german("vision"),),
        ("HP104",),
        "HP104",
        "vision.fr",
        Severity.WARNING,
        {"language": "fr", "text": "vision"},
        "the German text has changed since the French text was translated from it",
        "der deutsche Text hat sich geändert, seit der Text auf Französisch aus ihm übersetzt"
        " wurde",
    ),
    Fail(
        "HP103-no-monitoring",
        (del_("monitoring"),),
        ("HP103",),
        "HP103",
        "monitoring",
        Severity.WARNING,
        {
            "section": ("monitoring and evaluation", "Monitoring und Evaluation"),
            "key": "monitoring",
        },
        "the programme has no section for monitoring and evaluation",
        "dem Programm fehlt der Abschnitt für Monitoring und Evaluation",
    ),
    # -- goal hierarchy --------------------------------------------------------------
    Fail(
        "HP201-field-without-strategic",
        (append("fields_of_action", {"code": "2", "title": t("Wasser", "Eau")}),),
        ("HP201",),
        "HP201",
        "fields_of_action[1].strategic_objectives",
        Severity.ERROR,
        {"code": "2"},
        "field of action 2 has no strategic objective",
        "Handlungsfeld 2 hat kein strategisches Ziel",
    ),
    Fail(
        "HP202-strategic-without-operational",
        (
            append(
                "fields_of_action.0.strategic_objectives",
                {"code": "1.2", "title": t("Effizienz", "Efficacité"), "target_year": 2030},
            ),
        ),
        ("HP202",),
        "HP202",
        "fields_of_action[0].strategic_objectives[1].operational_objectives",
        Severity.ERROR,
        {"code": "1.2"},
        "strategic objective 1.2 has no operational objective",
        "strategisches Ziel 1.2 hat kein operatives Ziel",
    ),
    Fail(
        "HP203-no-indicator",
        (del_(f"{OP}.indicator"),),
        ("HP203",),
        "HP203",
        f"{OP_PATH}.indicator",
        Severity.ERROR,
        {"code": "1.1.1"},
        "operational objective 1.1.1 has no indicator",
        "operatives Ziel 1.1.1 hat keinen Indikator",
    ),
    Fail(
        "HP204-no-baseline",
        (del_(f"{OP}.indicator.baseline"),),
        ("HP204",),
        "HP204",
        f"{OP_PATH}.indicator.baseline",
        Severity.ERROR,
        {"code": "1.1.1"},
        "the indicator of 1.1.1 has no baseline value and year",
        "der Indikator von 1.1.1 hat keinen Ausgangswert mit Jahr",
    ),
    Fail(
        "HP205-no-target",
        (del_(f"{OP}.indicator.target"),),
        ("HP205",),
        "HP205",
        f"{OP_PATH}.indicator.target",
        Severity.ERROR,
        {"code": "1.1.1"},
        "the indicator of 1.1.1 has no target value and year",
        "der Indikator von 1.1.1 hat keinen Zielwert mit Jahr",
    ),
    Fail(
        "HP206-objective-without-measure",
        (
            append(
                "fields_of_action.0.strategic_objectives.0.operational_objectives",
                {
                    "code": "1.1.2",
                    "title": t("Solardächer", "Toits solaires"),
                    "indicator": {
                        "name": t("Anzahl", "Nombre"),
                        "unit": "kWp",
                        "baseline": {"value": 0, "year": 2024},
                        "target": {"value": 100, "year": 2029},
                    },
                },
            ),
        ),
        ("HP206",),
        "HP206",
        "fields_of_action[0].strategic_objectives[0].operational_objectives[1]",
        Severity.ERROR,
        {"code": "1.1.2"},
        "no measure serves operational objective 1.1.2",
        "keine Maßnahme dient dem operativen Ziel 1.1.2",
    ),
    Fail(
        "HP207-target-before-baseline",
        (set_(f"{OP}.indicator.target.year", 2023),),
        ("HP207",),
        "HP207",
        f"{OP_PATH}.indicator.target.year",
        Severity.ERROR,
        {"code": "1.1.1", "target": 2023, "baseline": 2024},
        "the target year 2023 of 1.1.1 lies before the baseline year 2024",
        "das Zieljahr 2023 von 1.1.1 liegt vor dem Ausgangsjahr 2024",
    ),
    Fail(
        "HP208-no-target-year",
        (del_("fields_of_action.0.strategic_objectives.0.target_year"),),
        ("HP208",),
        "HP208",
        "fields_of_action[0].strategic_objectives[0].target_year",
        Severity.WARNING,
        {"code": "1.1"},
        "strategic objective 1.1 has no target year",
        "strategisches Ziel 1.1 hat kein Zieljahr",
    ),
    Fail(
        "HP209-operational-outside-strategic",
        (
            set_(f"{OP}.code", "1.2.1"),
            set_("measures.0.objectives", ["1.2.1"]),
            set_("measures.1.objectives", ["1.2.1"]),
        ),
        ("HP209",),
        "HP209",
        f"{OP_PATH}.code",
        Severity.WARNING,
        {"code": "1.2.1", "parent": "1.1"},
        "code 1.2.1 does not start with the code of its parent 1.1",
        "Code 1.2.1 beginnt nicht mit dem Code des übergeordneten Elements 1.1",
    ),
    Fail(
        "HP209-strategic-outside-field",
        (
            # "11.1" starts with "1" but not with "1.": the check is per level, not per digit.
            set_("fields_of_action.0.strategic_objectives.0.code", "11.1"),
            set_(f"{OP}.code", "11.1.1"),
            set_("measures.0.objectives", ["11.1.1"]),
            set_("measures.1.objectives", ["11.1.1"]),
        ),
        ("HP209",),
        "HP209",
        "fields_of_action[0].strategic_objectives[0].code",
        Severity.WARNING,
        {"code": "11.1", "parent": "1"},
        "code 11.1 does not start with the code of its parent 1",
        "Code 11.1 beginnt nicht mit dem Code des übergeordneten Elements 1",
    ),
    # -- measures --------------------------------------------------------------------
    Fail(
        "HP313-blank-department",
        (set_("measures.0.lead.department", "   "),),
        ("HP313",),
        "HP313",
        "measures[0].lead.department",
        Severity.ERROR,
        {"code": "M-01", "municipality": "Kidira", "key": "department"},
        "the lead of measure M-01 names no department of Kidira",
        "die Federführung von Maßnahme M-01 nennt keine zuständige Stelle von Kidira",
    ),
    Fail(
        "HP301-no-lead",
        (del_("measures.0.lead"),),
        # M-01 is the only measure the partner leads, so HP502 follows unavoidably.
        ("HP301", "HP502"),
        "HP301",
        "measures[0].lead",
        Severity.ERROR,
        {"code": "M-01"},
        "measure M-01 has no lead",
        "Maßnahme M-01 hat keine Federführung",
    ),
    Fail(
        "HP302-no-timeline",
        (del_("measures.0.timeline"),),
        ("HP302",),
        "HP302",
        "measures[0].timeline",
        Severity.ERROR,
        {"code": "M-01"},
        "measure M-01 has no timeline",
        "Maßnahme M-01 hat keinen Zeitplan",
    ),
    Fail(
        "HP303-no-end-not-ongoing",
        (del_("measures.0.timeline.end"),),
        ("HP303",),
        "HP303",
        "measures[0].timeline",
        Severity.ERROR,
        {"code": "M-01"},
        "the timeline of measure M-01 has no end and is not marked ongoing",
        "der Zeitplan von Maßnahme M-01 hat kein Ende und ist nicht als fortlaufend markiert",
    ),
    Fail(
        "HP304-end-after-period",
        (set_("measures.0.timeline.end", "2031-01"),),
        ("HP304",),
        "HP304",
        "measures[0].timeline.end",
        Severity.ERROR,
        {"code": "M-01", "start": "2025-03", "end": "2031-01", "period": "2025-01 – 2030-12"},
        "measure M-01 runs 2025-03 – 2031-01, outside the programme period 2025-01 – 2030-12",
        "Maßnahme M-01 läuft 2025-03 – 2031-01, außerhalb der Laufzeit 2025-01 – 2030-12",
    ),
    Fail(
        "HP304-ongoing-start-before-period",
        (set_("measures.1.timeline.start", "2024-12"),),
        ("HP304",),
        "HP304",
        "measures[1].timeline.start",
        Severity.ERROR,
        {"code": "M-02", "start": "2024-12", "end": "…", "period": "2025-01 – 2030-12"},
        "measure M-02 runs 2024-12 – …, outside the programme period 2025-01 – 2030-12",
        "Maßnahme M-02 läuft 2024-12 – …, außerhalb der Laufzeit 2025-01 – 2030-12",
    ),
    Fail(
        "HP305-no-resources",
        (del_("measures.1.resources"),),
        ("HP305",),
        "HP305",
        "measures[1].resources",
        Severity.ERROR,
        {"code": "M-02"},
        "measure M-02 names no resources",
        "Maßnahme M-02 nennt keine Ressourcen",
    ),
    Fail(
        "HP306-empty-funding-source",
        (set_("measures.0.resources.money.0.funding_source", ""),),
        ("HP306",),
        "HP306",
        "measures[0].resources.money[0]",
        Severity.ERROR,
        {"code": "M-01", "amount": "45000", "currency": "EUR"},
        "45000 EUR in measure M-01 has no funding source",
        "45000 EUR in Maßnahme M-01 hat keine Finanzierungsquelle",
    ),
    Fail(
        "HP306-no-funding-source",
        (
            del_("measures.0.resources.money.0.funding_source"),
            set_("measures.0.resources.money.0.amount", "1234.50"),
            set_("measures.0.resources.money.0.currency", "XOF"),
        ),
        ("HP306",),
        "HP306",
        "measures[0].resources.money[0]",
        Severity.ERROR,
        {"code": "M-01", "amount": "1234.50", "currency": "XOF"},
        "1234.50 XOF in measure M-01 has no funding source",
        "1234.50 XOF in Maßnahme M-01 hat keine Finanzierungsquelle",
    ),
    Fail(
        "HP307-adaptation-without-hazard",
        (del_("measures.1.hazards"),),
        ("HP307",),
        "HP307",
        "measures[1].hazards",
        Severity.WARNING,
        {"code": "M-02"},
        "adaptation measure M-02 names no climate hazard it addresses",
        "Anpassungsmaßnahme M-02 nennt keine Klimagefahr, auf die sie reagiert",
    ),
    Fail(
        "HP307-both-without-hazard",
        (set_("measures.0.pillar", "both"),),
        ("HP307",),
        "HP307",
        "measures[0].hazards",
        Severity.WARNING,
        {"code": "M-01"},
        "adaptation measure M-01 names no climate hazard it addresses",
        "Anpassungsmaßnahme M-01 nennt keine Klimagefahr, auf die sie reagiert",
    ),
    Fail(
        "HP308-no-objective",
        (set_("measures.0.objectives", []),),
        ("HP308",),
        "HP308",
        "measures[0].objectives",
        Severity.ERROR,
        {"code": "M-01"},
        "measure M-01 is not linked to any operational objective",
        "Maßnahme M-01 ist mit keinem operativen Ziel verknüpft",
    ),
    Fail(
        "HP309-no-field",
        (del_("measures.0.field_of_action"),),
        ("HP309",),
        "HP309",
        "measures[0].field_of_action",
        Severity.ERROR,
        {"code": "M-01"},
        "measure M-01 names no field of action",
        "Maßnahme M-01 nennt kein Handlungsfeld",
    ),
    Fail(
        "HP310-no-description",
        (del_("measures.0.description"),),
        ("HP310",),
        "HP310",
        "measures[0].description",
        Severity.WARNING,
        {"code": "M-01"},
        "measure M-01 has no description",
        "Maßnahme M-01 hat keine Beschreibung",
    ),
    Fail(
        "HP311-no-reduction",
        (del_("measures.0.estimated_reduction"),),
        ("HP311",),
        "HP311",
        "measures[0].estimated_reduction",
        Severity.INFO,
        {"code": "M-01"},
        "measure M-01 serves climate mitigation but gives no estimated reduction (t CO2e per year)",
        "Maßnahme M-01 dient dem Klimaschutz, nennt aber keine geschätzte Minderung (t CO2e pro Jahr)",
    ),
    Fail(
        "HP312-milestone-after-end",
        (
            set_(
                "measures.0.milestones",
                [
                    {"date": "2026-12", "title": t("Fertig", "Terminé")},
                    {"date": "2027-01", "title": t("Zu spät", "Trop tard")},
                ],
            ),
        ),
        ("HP312",),
        "HP312",
        "measures[0].milestones[1].date",
        Severity.WARNING,
        {"code": "M-01", "date": "2027-01"},
        "milestone 2027-01 of measure M-01 lies outside its timeline",
        "Meilenstein 2027-01 von Maßnahme M-01 liegt außerhalb ihres Zeitplans",
    ),
    Fail(
        "HP312-milestone-before-ongoing-start",
        (set_("measures.1.milestones", [{"date": "2024-12", "title": t("Vorher", "Avant")}]),),
        ("HP312",),
        "HP312",
        "measures[1].milestones[0].date",
        Severity.WARNING,
        {"code": "M-02", "date": "2024-12"},
        "milestone 2024-12 of measure M-02 lies outside its timeline",
        "Meilenstein 2024-12 von Maßnahme M-02 liegt außerhalb ihres Zeitplans",
    ),
    # -- references --------------------------------------------------------------------
    Fail(
        "HP401-unknown-objective",
        (set_("measures.0.objectives", ["1.1.9"]),),
        ("HP401",),
        "HP401",
        "measures[0].objectives[0]",
        Severity.ERROR,
        {"code": "M-01", "ref": "1.1.9"},
        "measure M-01 refers to operational objective 1.1.9, which does not exist",
        "Maßnahme M-01 verweist auf das operative Ziel 1.1.9, das es nicht gibt",
    ),
    Fail(
        "HP402-unknown-field",
        (set_("measures.0.field_of_action", "9"),),
        # No HP404 on top: an unknown field is not also a mismatch with its objectives.
        ("HP402",),
        "HP402",
        "measures[0].field_of_action",
        Severity.ERROR,
        {"code": "M-01", "ref": "9"},
        "measure M-01 refers to field of action 9, which does not exist",
        "Maßnahme M-01 verweist auf das Handlungsfeld 9, das es nicht gibt",
    ),
    Fail(
        "HP403-duplicate-measure-code",
        (set_("measures.1.code", "M-01"),),
        ("HP403",),
        "HP403",
        "measures[1].code",
        Severity.ERROR,
        {"code": "M-01", "first": "measures[0]"},
        "code M-01 is used more than once (first at measures[0])",
        "Code M-01 wird mehrfach verwendet (zuerst bei measures[0])",
    ),
    Fail(
        "HP404-objective-of-other-field",
        (
            append(
                "fields_of_action",
                {
                    "code": "2",
                    "title": t("Wasser", "Eau"),
                    "strategic_objectives": [
                        {
                            "code": "2.1",
                            "title": t("Sauberes Wasser", "Eau propre"),
                            "target_year": 2030,
                            "operational_objectives": [
                                {
                                    "code": "2.1.1",
                                    "title": t("Brunnen", "Puits"),
                                    "indicator": {
                                        "name": t("Brunnen", "Puits"),
                                        "unit": "#",
                                        "baseline": {"value": 1, "year": 2024},
                                        "target": {"value": 5, "year": 2029},
                                    },
                                }
                            ],
                        }
                    ],
                },
            ),
            append("measures.0.objectives", "2.1.1"),
        ),
        ("HP404",),
        "HP404",
        "measures[0].objectives[1]",
        Severity.WARNING,
        {"code": "M-01", "field": "1", "ref": "2.1.1", "other": "2"},
        "measure M-01 belongs to field 1 but serves objective 2.1.1 of field 2",
        "Maßnahme M-01 gehört zu Handlungsfeld 1, dient aber Ziel 2.1.1 aus Handlungsfeld 2",
    ),
    Fail(
        "HP405-logo-missing",
        (set_("partnership.german.logo", "pfinztal.png"),),
        ("HP405",),
        "HP405",
        "partnership.german.logo",
        Severity.ERROR,
        {
            "logo": "pfinztal.png",
            "municipality": "Pfinztal",
            "problem": ("does not exist", "existiert nicht"),
        },
        "the logo pfinztal.png of Pfinztal does not exist",
        "das Logo pfinztal.png von Pfinztal existiert nicht",
        logo=True,
    ),
    # -- coverage --------------------------------------------------------------------
    Fail(
        "HP501-no-adaptation",
        (
            set_("measures.1.pillar", "mitigation"),
            # A pure mitigation measure also needs an estimate, or HP311 would follow.
            set_("measures.1.estimated_reduction", "3"),
        ),
        ("HP501",),
        "HP501",
        "measures",
        Severity.ERROR,
        {"pillar": ("climate adaptation", "Klimafolgenanpassung"), "value": "adaptation"},
        "no measure covers climate adaptation",
        "keine Maßnahme deckt Klimafolgenanpassung ab",
    ),
    Fail(
        "HP501-no-mitigation",
        (
            set_("measures.0.pillar", "adaptation"),
            # An adaptation measure also needs a hazard, or HP307 would follow.
            set_("measures.0.hazards", ["drought"]),
        ),
        ("HP501",),
        "HP501",
        "measures",
        Severity.ERROR,
        {"pillar": ("climate mitigation", "Klimaschutz"), "value": "mitigation"},
        "no measure covers climate mitigation",
        "keine Maßnahme deckt Klimaschutz ab",
    ),
    Fail(
        "HP502-partner-leads-nothing",
        (set_("measures.0.lead.side", "german"),),
        ("HP502",),
        "HP502",
        "measures",
        Severity.WARNING,
        {"municipality": "Kidira"},
        "Kidira leads no measure",
        "Kidira hat bei keiner Maßnahme die Federführung",
    ),
    Fail(
        "HP503-no-fields",
        (set_("fields_of_action", []),),
        # Without fields there are no objectives either: both measures' references
        # (HP401 objectives, HP402 field) dangle unavoidably.
        ("HP401", "HP401", "HP402", "HP402", "HP503"),
        "HP503",
        "fields_of_action",
        Severity.ERROR,
        {},
        "the programme has no fields of action",
        "das Programm hat keine Handlungsfelder",
    ),
    Fail(
        "HP504-no-measures",
        (set_("measures", []),),
        # Without measures nothing serves 1.1.1 (HP206), no pillar is covered (HP501 x2)
        # and no municipality leads anything (HP502 x2): all unavoidable.
        ("HP206", "HP501", "HP501", "HP502", "HP502", "HP504"),
        "HP504",
        "measures",
        Severity.ERROR,
        {},
        "the programme has no measures",
        "das Programm hat keine Maßnahmen",
    ),
    Fail(
        "HP505-german-not-in-germany",
        (set_("partnership.german.country", "FR"),),
        ("HP505",),
        "HP505",
        "partnership.german.country",
        Severity.WARNING,
        {"municipality": "Pfinztal", "country": "FR"},
        "the German municipality Pfinztal has country FR, not DE",
        "die deutsche Kommune Pfinztal hat das Land FR, nicht DE",
    ),
    # -- signing ---------------------------------------------------------------------
    Fail(
        "HP601-no-partner-signatory",
        (del_("signatories.1"),),
        ("HP601",),
        "HP601",
        "signatories",
        Severity.ERROR,
        {"municipality": "Kidira", "side": "partner"},
        "no signatory is named for Kidira",
        "für Kidira ist keine unterzeichnende Person genannt",
    ),
    Fail(
        "HP601-blank-name",
        (set_("signatories.0.name", "  "),),
        ("HP601",),
        "HP601",
        "signatories[0].name",
        Severity.ERROR,
        {"municipality": "Pfinztal", "side": "german"},
        "no signatory is named for Pfinztal",
        "für Pfinztal ist keine unterzeichnende Person genannt",
    ),
    Fail(
        "HP602-no-partner-adoption",
        (del_("adoptions.1"),),
        ("HP602",),
        "HP602",
        "adoptions",
        Severity.WARNING,
        {"municipality": "Kidira", "side": "partner"},
        "no council adoption is recorded for Kidira",
        "für Kidira ist kein Ratsbeschluss eingetragen",
    ),
    Fail(
        "HP602-adoption-without-date",
        (del_("adoptions.0.date"),),
        ("HP602",),
        "HP602",
        "adoptions",
        Severity.WARNING,
        {"municipality": "Pfinztal", "side": "german"},
        "no council adoption is recorded for Pfinztal",
        "für Pfinztal ist kein Ratsbeschluss eingetragen",
    ),
    Fail(
        "HP506-no-partner-baseline",
        (del_("baseline.partner"),),
        ("HP506",),
        "HP506",
        "baseline.partner",
        Severity.ERROR,
        {"municipality": "Kidira", "side": "partner"},
        "the programme has no baseline for Kidira",
        "das Programm hat keine Bestandsaufnahme für Kidira",
    ),
    Fail(
        "HP313-joint-lead-without-partner-department",
        (set_("measures.0.lead", {"side": "both", "department": "Umweltamt"}),),
        ("HP313",),
        "HP313",
        "measures[0].lead.partner_department",
        Severity.ERROR,
        {"code": "M-01", "municipality": "Kidira", "key": "partner_department"},
        "the lead of measure M-01 names no department of Kidira",
        "die Federführung von Maßnahme M-01 nennt keine zuständige Stelle von Kidira",
    ),
    Fail(
        "HP314-yearly-amount-after-the-end",
        (set_("measures.0.resources.money.0.by_year", {2026: "40000", 2027: "5000"}),),
        ("HP314",),
        "HP314",
        "measures[0].resources.money[0].by_year[2027]",
        Severity.ERROR,
        {
            "code": "M-01",
            "amount": "5000",
            "currency": "EUR",
            "year": 2027,
            "first": 2025,
            "last": 2026,
        },
        "5000 EUR of measure M-01 are booked to 2027, outside its timeline (2025–2026)",
        "5000 EUR von Maßnahme M-01 sind 2027 eingeplant, außerhalb ihres Zeitplans (2025–2026)",
    ),
    Fail(
        "HP314-year-before-the-start",
        (set_("measures.0.resources.money.0.year", 2024),),
        ("HP314",),
        "HP314",
        "measures[0].resources.money[0].year",
        Severity.ERROR,
        {
            "code": "M-01",
            "amount": "45000",
            "currency": "EUR",
            "year": 2024,
            "first": 2025,
            "last": 2026,
        },
        "45000 EUR of measure M-01 are booked to 2024, outside its timeline (2025–2026)",
        "45000 EUR von Maßnahme M-01 sind 2024 eingeplant, außerhalb ihres Zeitplans (2025–2026)",
    ),
    Fail(
        "HP315-grant-90-contribution-5",
        (
            set_("measures.0.resources.money.0.id", "G1"),
            set_("measures.0.resources.money.0.share", 90),
            append(
                "measures.0.resources.money",
                {
                    "amount": "2500",
                    "currency": "EUR",
                    "funding_source": "Gemeinde",
                    "contribution_to": "G1",
                    "share": 5,
                },
            ),
        ),
        ("HP315",),
        "HP315",
        "measures[0].resources.money[0].share",
        Severity.ERROR,
        {"code": "M-01", "id": "G1", "total": "95"},
        "the shares of grant G1 and its own contributions in measure M-01 add up to 95 %,"
        " not 100 %",
        "die Anteile der Förderung G1 und ihrer Eigenanteile in Maßnahme M-01 ergeben 95 %,"
        " nicht 100 %",
    ),
    Fail(
        "HP316-contribution-to-unknown-grant",
        (
            append(
                "measures.0.resources.money",
                {
                    "amount": "5000",
                    "currency": "EUR",
                    "funding_source": "Gemeinde",
                    "contribution_to": "G9",
                },
            ),
        ),
        ("HP316",),
        "HP316",
        "measures[0].resources.money[1].contribution_to",
        Severity.ERROR,
        {"code": "M-01", "ref": "G9"},
        "a sum of measure M-01 is the own contribution to G9, but the measure has no sum"
        " with `id: G9`",
        "ein Betrag von Maßnahme M-01 ist Eigenanteil zu G9, aber die Maßnahme hat keinen"
        " Betrag mit `id: G9`",
    ),
    Fail(
        "HP317-funded-above-cost",
        (set_("measures.0.resources.total_cost", [{"amount": "40000", "currency": "EUR"}]),),
        ("HP317",),
        "HP317",
        "measures[0].resources.total_cost[0].amount",
        Severity.WARNING,
        {"code": "M-01", "funded": "45000", "cost": "40000", "currency": "EUR"},
        "measure M-01 is funded with 45000 EUR, more than its total cost of 40000 EUR",
        "Maßnahme M-01 ist mit 45000 EUR finanziert, mehr als ihre Gesamtkosten von 40000 EUR",
    ),
    Fail(
        "HP210-decrease-but-target-higher",
        (set_(f"{OP}.indicator.direction", "decrease"),),
        ("HP210",),
        "HP210",
        f"{OP_PATH}.indicator.direction",
        Severity.WARNING,
        {
            "code": "1.1.1",
            "direction": "decrease",
            "direction_de": "sinken",
            "target": "60",
            "baseline": "10",
        },
        "the indicator of 1.1.1 should decrease, but its target 60 does not (baseline 10)",
        "der Indikator von 1.1.1 soll sinken, sein Zielwert 60 tut das aber nicht"
        " (Ausgangswert 10)",
    ),
    Fail(
        "HP211-interim-after-target",
        (set_(f"{OP}.indicator.interim_targets", [{"value": 40, "year": 2029}]),),
        ("HP211",),
        "HP211",
        f"{OP_PATH}.indicator.interim_targets[0].year",
        Severity.WARNING,
        {"code": "1.1.1", "year": 2029},
        "the interim target 2029 of 1.1.1 does not lie between the baseline year and the"
        " target year",
        "das Zwischenziel 2029 von 1.1.1 liegt nicht zwischen Ausgangs- und Zieljahr",
    ),
    Fail(
        "HP205-second-indicator-without-target",
        (
            set_(
                f"{OP}.indicators",
                [
                    {
                        "name": t("A", "A"),
                        "unit": "%",
                        "municipality": "german",
                        "baseline": {"value": 1, "year": 2024},
                        "target": {"value": 2, "year": 2028},
                    },
                    {
                        "name": t("A", "A"),
                        "unit": "%",
                        "municipality": "partner",
                        "baseline": {"value": 1, "year": 2024},
                    },
                ],
            ),
            del_(f"{OP}.indicator"),
        ),
        ("HP205",),
        "HP205",
        f"{OP_PATH}.indicators[1].target",
        Severity.ERROR,
        {"code": "1.1.1"},
        "the indicator of 1.1.1 has no target value and year",
        "der Indikator von 1.1.1 hat keinen Zielwert mit Jahr",
    ),
    Fail(
        "HP406-unknown-reference",
        (set_("measures.0.references", ["SDG-6"]),),
        ("HP406",),
        "HP406",
        "measures[0].references[0]",
        Severity.ERROR,
        {"code": "M-01", "ref": "SDG-6"},
        "M-01 refers to SDG-6, which is not listed under `references:`",
        "M-01 verweist auf SDG-6, das nicht unter `references:` steht",
    ),
    Fail(
        "HP403-money-id-twice",
        (
            set_("measures.0.resources.money.0.id", "G1"),
            append(
                "measures.0.resources.money",
                {"amount": "5", "currency": "EUR", "funding_source": "X", "id": "G1"},
            ),
        ),
        ("HP403",),
        "HP403",
        "measures[0].resources.money[1].id",
        Severity.ERROR,
        {"code": "G1", "first": "measures[0].resources.money[0]"},
        "code G1 is used more than once (first at measures[0].resources.money[0])",
        "Code G1 wird mehrfach verwendet (zuerst bei measures[0].resources.money[0])",
    ),
    Fail(
        "HP604-no-date",
        (del_("date"),),
        ("HP604",),
        "HP604",
        "date",
        Severity.WARNING,
        {},
        "the programme has no date",
        "das Programm hat kein Datum",
    ),
]

COVERED: set[str] = {case.code for case in FAILING}
"""Rule codes with at least one failing case above (see the meta-test)."""


def _report(data: Data, tmp_path: Path | None = None) -> Report:
    return check(from_data(data, base_dir=tmp_path))


@pytest.mark.parametrize("case", FAILING, ids=[c.id for c in FAILING])
def test_rule_fails(case: Fail, data: Data, tmp_path: Path) -> None:
    """Breaking one rule yields exactly its finding at its field path, with both messages."""
    report = _report(apply(data, *case.changes), tmp_path if case.logo else None)
    assert report.codes() == list(case.codes)
    finding = report.findings[case.index]
    assert finding.code == case.code
    assert finding.dotted_path == case.path
    assert finding.severity is case.severity
    assert finding.severity is REGISTRY[case.code].severity
    assert finding.ctx == case.ctx
    assert finding.message("en") == case.en
    assert finding.message("de") == case.de
    assert finding.location is None


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("case", FAILING, ids=[c.id for c in FAILING])
def test_rule_texts_fully_rendered(case: Fail, data: Data, tmp_path: Path) -> None:
    """Every finding's message and fix are rendered: no placeholder is left over."""
    report = _report(apply(data, *case.changes), tmp_path if case.logo else None)
    for finding in report.findings:
        for lang in ("en", "de"):
            assert not PLACEHOLDER.search(finding.message(lang)), finding.message(lang)
            assert not PLACEHOLDER.search(finding.fix(lang)), finding.fix(lang)


def test_every_rule_has_a_failing_case() -> None:
    """Each rule code in the registry is broken by at least one case in this file."""
    assert set(REGISTRY) - COVERED == set()
    assert COVERED - set(REGISTRY) == set()


def test_complete_data_has_no_findings(data: Data, tmp_path: Path) -> None:
    """The complete programme passes every rule, also when logos are checked."""
    report = _report(data, tmp_path)
    assert report.findings == ()
    assert report.ok
    assert report.ready_for_signing


# -- passing and boundary cases -------------------------------------------------------

_SECOND_FIELD: dict[str, object] = {
    "code": "2",
    "title": t("Koordination", "Coordination"),
    "strategic_objectives": [
        {
            "code": "2.1",
            "title": t("Steuerung", "Pilotage"),
            "target_year": 2030,
            "operational_objectives": [
                {
                    "code": "2.1.1",
                    "title": t("Treffen", "Réunions"),
                    "indicator": {
                        "name": t("Sitzungen", "Réunions"),
                        "unit": "n",
                        "baseline": {"value": 1, "year": 2024},
                        "target": {"value": 4, "year": 2027},
                    },
                }
            ],
        }
    ],
}


PASSING: list[tuple[str, tuple[Mutation, ...]]] = [
    # HP101/HP102
    ("text-with-surrounding-spaces", (set_("vision", t("  Vision  ", "Vision")),)),
    ("department-as-plain-string", (set_("measures.1.lead.department", "Umweltamt"),)),
    # HP209
    (
        "two-digit-strategic-under-field",
        (
            set_("fields_of_action.0.strategic_objectives.0.code", "1.10"),
            set_(f"{OP}.code", "1.10.1"),
            set_("measures.0.objectives", ["1.10.1"]),
            set_("measures.1.objectives", ["1.10.1"]),
        ),
    ),
    # HP207
    ("target-year-equals-baseline-year", (set_(f"{OP}.indicator.target.year", 2024),)),
    # HP303/HP304
    ("ongoing-without-end", (set_("measures.0.timeline", {"start": "2025-03", "ongoing": True}),)),
    (
        "timeline-at-period-edges",
        (set_("measures.0.timeline", {"start": "2025-01", "end": "2030-12"}),),
    ),
    (
        "one-month-timeline-at-last-month",
        (set_("measures.0.timeline", {"start": "2030-12", "end": "2030-12"}),),
    ),
    ("ongoing-starting-in-last-month", (set_("measures.1.timeline.start", "2030-12"),)),
    # HP305
    ("material-only", (set_("measures.1.resources", {"material": t("Setzlinge", "Plants")}),)),
    (
        "institutional-only",
        (set_("measures.1.resources", {"institutional": t("Netzwerk", "Réseau")}),),
    ),
    (
        "money-only",
        (
            set_(
                "measures.1.resources",
                {"money": [{"amount": 0, "currency": "XOF", "funding_source": "Budget"}]},
            ),
        ),
    ),
    # HP306
    (
        "funding-source-as-text",
        (set_("measures.0.resources.money.0.funding_source", t("Haushalt", "Budget")),),
    ),
    # HP307/HP311: pillar both
    (
        "both-with-hazards",
        (set_("measures.0.pillar", "both"), set_("measures.0.hazards", ["heat"])),
    ),
    # HP312
    (
        "milestones-at-timeline-edges",
        (
            set_(
                "measures.0.milestones",
                [
                    {"date": "2025-03", "title": t("Start", "Début")},
                    {"date": "2026-12", "title": t("Ende", "Fin")},
                ],
            ),
        ),
    ),
    (
        "milestone-late-in-ongoing-measure",
        (set_("measures.1.milestones", [{"date": "2030-06", "title": t("Später", "Plus tard")}]),),
    ),
    # HP403: measures have their own namespace
    ("measure-code-equal-to-objective-code", (set_("measures.1.code", "1.1.1"),)),
    # HP404: no objective of another field
    ("two-objectives-of-own-field", (append("measures.0.objectives", "1.1.1"),)),
    # HP501
    (
        "adaptation-covered-by-both",
        # a `both` measure also counts as mitigation, so it gives its reduction (HP311)
        (set_("measures.1.pillar", "both"), set_("measures.1.estimated_reduction", "3")),
    ),
    (
        "mitigation-covered-by-both",
        (
            set_("measures.0.pillar", "both"),
            set_("measures.0.hazards", ["flood"]),
            set_("measures.1.pillar", "adaptation"),
        ),
    ),
    # HP502
    (
        "german-leads-two-measures",
        (
            append(
                "measures",
                {
                    "code": "M-03",
                    "title": t("Dritte", "Troisième"),
                    "description": t("B", "D"),
                    "field_of_action": "1",
                    "objectives": ["1.1.1"],
                    "pillar": "both",
                    "hazards": ["heat"],
                    "estimated_reduction": "1",
                    "lead": {"side": "german", "department": "Bauamt"},
                    "timeline": {"start": "2026-01", "ongoing": True},
                    "resources": {"institutional": t("Rat", "Conseil")},
                },
            ),
        ),
    ),
    # HP601/HP603: one signatory per side, in any order
    (
        "signatories-in-reverse-order",
        (
            set_(
                "signatories",
                [
                    {"side": "partner", "name": "Awa Exemple", "function": t("Maire", "Maire")},
                    {
                        "side": "german",
                        "name": "Erika Beispiel",
                        "function": t("Bürgermeisterin", "Maire"),
                    },
                ],
            ),
        ),
    ),
    # HP602: an adoption without reference still counts
    ("adoption-without-reference", (del_("adoptions.0.reference"),)),
    ("extra-undated-adoption", (append("adoptions", {"side": "german", "body": "Ausschuss"}),)),
    # HP506: one kind of baseline entry per side is enough
    (
        "baseline-with-challenges-only",
        (
            del_("baseline.german.hazards"),
            set_("baseline.german.challenges", [{"challenge": t("Hitze", "Chaleur")}]),
        ),
    ),
    # HP313 / HP502: a joint lead with both departments counts for both sides
    (
        "joint-lead-with-both-departments",
        (
            set_(
                "measures.0.lead",
                {
                    "side": "both",
                    "department": "Umweltamt",
                    "partner_department": "Service technique",
                },
            ),
            set_(
                "measures.1.lead",
                {
                    "side": "both",
                    "department": "Umweltamt",
                    "partner_department": "Service technique",
                },
            ),
        ),
    ),
    # HP314: years inside the timeline, an ongoing measure's up to the period's end
    (
        "breakdown-inside-timeline",
        (set_("measures.0.resources.money.0.by_year", {2025: "5000", 2026: "40000"}),),
    ),
    (
        "ongoing-measure-money-in-last-year",
        (
            set_(
                "measures.1.resources.money",
                [{"amount": "100", "currency": "EUR", "funding_source": "X", "year": 2030}],
            ),
        ),
    ),
    # HP315 / HP316: a 90/10 co-financing, and a grant without shares
    (
        "grant-90-contribution-10",
        (
            set_("measures.0.resources.money.0.id", "G1"),
            set_("measures.0.resources.money.0.share", 90),
            append(
                "measures.0.resources.money",
                {
                    "amount": "5000",
                    "currency": "EUR",
                    "funding_source": "Gemeinde",
                    "contribution_to": "G1",
                    "share": "10.0",
                },
            ),
        ),
    ),
    (
        "contribution-without-shares",
        (
            set_("measures.0.resources.money.0.id", "G1"),
            append(
                "measures.0.resources.money",
                {
                    "amount": "5000",
                    "currency": "EUR",
                    "funding_source": "Gemeinde",
                    "contribution_to": "G1",
                },
            ),
        ),
    ),
    # HP317: funded exactly the total cost, or below it in another currency
    (
        "funded-exactly-the-cost",
        (
            set_(
                "measures.0.resources.total_cost",
                [{"amount": "45000", "currency": "EUR"}, {"amount": "9", "currency": "XOF"}],
            ),
        ),
    ),
    # HP210 / HP211: direction followed, interim target between the years (inclusive)
    (
        "direction-and-interim-targets",
        (
            set_(f"{OP}.indicator.direction", "increase"),
            set_(
                f"{OP}.indicator.interim_targets",
                [
                    {"value": 10, "year": 2024},
                    {"value": 40, "year": 2026},
                    {"value": 60, "year": 2028},
                ],
            ),
        ),
    ),
    # HP404 / HP402: cross-cutting field and further fields
    (
        "measure-of-other-field-via-further-fields",
        (
            append("fields_of_action", copy.deepcopy(_SECOND_FIELD)),
            set_("measures.0.objectives", ["1.1.1", "2.1.1"]),
            set_("measures.0.further_fields", ["2"]),
            set_("measures.1.objectives", ["1.1.1", "2.1.1"]),
            set_("fields_of_action.1.cross_cutting", True),
        ),
    ),
    # HP406: a listed reference
    (
        "listed-reference",
        (
            set_("references", [{"code": "SDG-6", "title": "Clean water"}]),
            set_("measures.0.references", ["SDG-6"]),
            set_("fields_of_action.0.strategic_objectives.0.references", ["SDG-6"]),
        ),
    ),
    # HP601: two signatories on one side
    (
        "mayor-and-clerk",
        (
            append(
                "signatories",
                {
                    "side": "german",
                    "name": "Max Muster",
                    "function": t("Stadtdirektor", "Secrétaire général"),
                },
            ),
        ),
    ),
]


@pytest.mark.parametrize("changes", [c for _, c in PASSING], ids=[name for name, _ in PASSING])
def test_boundary_passes(changes: tuple[Mutation, ...], data: Data) -> None:
    """Boundary and alternative forms of a complete programme produce no findings."""
    report = _report(apply(data, *changes))
    assert report.codes() == []


def test_duplicate_field_copies_report_every_duplicated_code(data: Data) -> None:
    """Copying a whole field of action reports each duplicated code where it recurs."""
    data["fields_of_action"].append(data["fields_of_action"][0])
    report = _report(data)
    assert report.codes() == ["HP403", "HP403", "HP403"]
    assert [(f.dotted_path, f.ctx["first"]) for f in report.findings] == [
        ("fields_of_action[1].code", "fields_of_action[0]"),
        (
            "fields_of_action[1].strategic_objectives[0].code",
            "fields_of_action[0].strategic_objectives[0]",
        ),
        (f"{OP_PATH.replace('[0]', '[1]', 1)}.code", OP_PATH),
    ]


def test_text_missing_in_both_languages(data: Data) -> None:
    """An empty text is reported once per programme language, German first."""
    data["background"] = {}
    report = _report(data)
    assert report.codes() == ["HP101", "HP101"]
    assert [(f.dotted_path, f.message("en")) for f in report.findings] == [
        ("background.de", "the text is missing in German"),
        ("background.fr", "the text is missing in French"),
    ]


def test_blank_text_funding_source_fails_hp306(data: Data) -> None:
    """A funding source text with no language filled in is blank: HP306 plus HP101 twice."""
    data["measures"][0]["resources"]["money"][0]["funding_source"] = t("", " ")
    report = _report(data)
    # The text itself is also incomplete in both languages (HP101, at each language key).
    assert report.codes() == ["HP101", "HP101", "HP306"]
    assert [f.dotted_path for f in report.findings] == [
        "measures[0].resources.money[0].funding_source.de",
        "measures[0].resources.money[0].funding_source.fr",
        "measures[0].resources.money[0]",
    ]


def test_blank_text_department_fails_hp313(data: Data) -> None:
    """A department text with no language filled in names no department (not "no lead")."""
    data["measures"][1]["lead"]["department"] = t(" ", "")
    report = _report(data)
    # The text itself is also incomplete in both languages (HP101, at each language key).
    assert report.codes() == ["HP101", "HP101", "HP313"]
    assert report.findings[2].dotted_path == "measures[1].lead.department"
    assert (
        report.findings[2].message("de")
        == "die Federführung von Maßnahme M-02 nennt keine zuständige Stelle von Pfinztal"
    )


def test_first_signatory_blank_and_second_named(data: Data) -> None:
    """Every signatory counts: a blank first one is HP601 although a second is named."""
    data["signatories"][0]["name"] = ""
    data["signatories"].append(
        {"side": "german", "name": "Max Muster", "function": t("Beigeordneter", "Adjoint")}
    )
    report = _report(data)
    assert report.codes() == ["HP601"]
    assert report.findings[0].dotted_path == "signatories[0].name"


def test_two_signatories_on_one_side_pass(data: Data) -> None:
    """Mayor and town clerk may both sign for one municipality (HP603 is retired)."""
    data["signatories"].append(
        {"side": "partner", "name": "Kofi Exemple", "function": t("Stadtdirektor", "Secrétaire")}
    )
    assert _report(data).codes() == []


# -- HP405: logos ---------------------------------------------------------------------

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)
"""A valid 1×1 PNG: logos are decoded, so the signature alone no longer passes."""


@pytest.mark.parametrize("side", ["german", "partner"])
def test_logo_present_passes(side: str, data: Data, tmp_path: Path) -> None:
    """A logo file that exists next to the programme passes HP405."""
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "logo.png").write_bytes(PNG)
    data["partnership"][side]["logo"] = "logos/logo.png"
    assert _report(data, tmp_path).codes() == []


def test_logo_missing_partner(data: Data, tmp_path: Path) -> None:
    """A missing partner logo is an error at the partner's logo field."""
    data["partnership"]["partner"]["logo"] = "kidira.svg"
    report = _report(data, tmp_path)
    assert report.codes() == ["HP405"]
    finding = report.findings[0]
    assert finding.dotted_path == "partnership.partner.logo"
    assert finding.message("en") == "the logo kidira.svg of Kidira does not exist"


@pytest.mark.parametrize(
    ("logo", "content", "problem"),
    [
        ("../outside.png", b"\x89PNG\r\n\x1a\n", "lies outside the programme's folder"),
        ("/etc/hostname", None, "lies outside the programme's folder"),
        ("notes.png", b"just text", "is not an image (PNG, JPEG, GIF, BMP)"),
    ],
)
def test_logo_outside_or_not_an_image(
    data: Data, tmp_path: Path, logo: str, content: bytes | None, problem: str
) -> None:
    """Logos outside the folder or files that are no image fail HP405, as build would drop them."""
    folder = tmp_path / "programme"
    folder.mkdir()
    if content is not None:
        (folder / logo).write_bytes(content)
    data["partnership"]["german"]["logo"] = logo
    report = _report(data, folder)
    assert report.codes() == ["HP405"]
    assert report.findings[0].message("en") == f"the logo {logo} of Pfinztal {problem}"


def test_logo_that_is_a_folder_fails(data: Data, tmp_path: Path) -> None:
    """A logo path naming a folder is not an image file: HP405."""
    (tmp_path / "logo.png").mkdir()
    data["partnership"]["german"]["logo"] = "logo.png"
    assert _report(data, tmp_path).codes() == ["HP405"]


def test_logo_not_checked_without_base_dir(data: Data) -> None:
    """Without a folder to resolve against (in-memory data), logos are not checked."""
    data["partnership"]["german"]["logo"] = "nowhere.png"
    assert _report(data).codes() == []


def _png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` × ``height`` pixels, with next to no data:
    the shape of a decompression bomb (a few bytes, billions of pixels once decoded)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def _image(kind: str, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small real image in ``kind`` (PNG, JPEG)."""
    image = Image.new("RGB", size, (30, 120, 60))
    buffer = io.BytesIO()
    image.save(buffer, kind)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("width", "height"),
    [(6_400, 6_400), (10_000, 10_000), (20_000, 20_000)],
    ids=["above-our-limit", "above-pillows-warning", "above-pillows-error"],
)
def test_logo_decompression_bomb_fails(data: Data, tmp_path: Path, width: int, height: int) -> None:
    """A logo declaring more than 40 million pixels is refused before decoding, whichever
    of our limit or Pillow's own (warning, error) it crosses: HP405, no warning, no crash."""
    (tmp_path / "bomb.png").write_bytes(_png_declaring(width, height))
    data["partnership"]["german"]["logo"] = "bomb.png"
    report = _report(data, tmp_path)
    assert report.codes() == ["HP405"]
    assert report.findings[0].message("en") == (
        "the logo bomb.png of Pfinztal has more than 40 million pixels (a decompression"
        " bomb?); a logo needs about 260 pixels in height"
    )
    assert "hat mehr als 40 Millionen Pixel" in report.findings[0].message("de")


@pytest.mark.parametrize(
    ("width", "height"),
    [(80_000_000, 1), (1, 80_000_000), (20_001, 100), (40_000, 1_000)],
    ids=["1x80M", "80Mx1", "just-too-wide", "40Mpx-strip"],
)
def test_logo_with_a_side_over_20000_pixels_fails(
    data: Data, tmp_path: Path, width: int, height: int
) -> None:
    """A side over 20,000 pixels is refused from the header, before decoding: a 1 × 80
    million PNG passed the pixel limit (exactly 80 million) and took 923 MB to check."""
    (tmp_path / "strip.png").write_bytes(_png_declaring(width, height))
    data["partnership"]["german"]["logo"] = "strip.png"
    report = _report(data, tmp_path)
    assert report.codes() == ["HP405"]
    assert report.findings[0].message("en") == (
        f"the logo strip.png of Pfinztal is {width:,} × {height:,} pixels; no side may"
        " exceed 20,000 pixels (a decompression bomb?): a logo needs about 260 pixels in height"
    )
    assert "keine Seite darf 20.000 Pixel überschreiten" in report.findings[0].message("de")


def _valid_png(width: int, height: int) -> bytes:
    """A complete RGB PNG of ``width`` × ``height`` black pixels, compressed as it goes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    compressor = zlib.compressobj(9)
    block = bytes(1 << 20)  # compressed a megabyte at a time: the test process stays small
    parts: list[bytes] = []
    for _ in range(height):
        parts.append(compressor.compress(b"\0"))  # each row's filter byte
        left = 3 * width
        while left:
            parts.append(compressor.compress(block[: min(left, len(block))]))
            left -= min(left, len(block))
    idat = b"".join(parts) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def test_checking_a_1_by_80_million_logo_stays_small(data: Data, tmp_path: Path) -> None:
    """Peak memory of loading and checking a programme whose logo is a valid 1 × 80
    million pixel PNG (240 MB decoded): it is refused from its header, so the process
    stays near its size without the logo (it used to peak at 826 MB here, 923 MB in
    `handlungsprogramm check`)."""
    import subprocess
    import sys

    (tmp_path / "strip.png").write_bytes(_valid_png(80_000_000, 1))
    script = (
        "import sys\n"
        "from handlungsprogramm import load\n"
        "from handlungsprogramm.checks import check\n"
        "codes = check(load(sys.argv[1])).codes()\n"
        # VmHWM: this process's own peak (ru_maxrss would include the forking parent's)
        "peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "print(codes.count('HP405'), peak[0])\n"
    )
    data["partnership"]["german"]["logo"] = "strip.png"
    source = tmp_path / "p.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", script, str(source)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    refused, peak_kb = map(int, result.stdout.split())
    assert refused == 1
    assert peak_kb < 150_000, f"peak {peak_kb} KB"


def _truncated_png() -> bytes:
    data = _image("PNG")
    return data[: len(data) // 2]


def _bad_checksum_png() -> bytes:
    data = bytearray(_image("PNG"))
    at = data.index(b"IDAT") + 8
    data[at] ^= 0xFF
    return bytes(data)


def _truncated_jpeg() -> bytes:
    data = _image("JPEG", (400, 300))
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("truncated.png", _truncated_png(), "PNG"),
        ("checksum.png", _bad_checksum_png(), "PNG"),
        ("signature-only.png", b"\x89PNG\r\n\x1a\n", "PNG"),
        ("truncated.jpg", _truncated_jpeg(), "JPEG"),
        ("header-only.gif", b"GIF89a", "GIF"),
    ],
)
def test_logo_damaged_fails(
    data: Data, tmp_path: Path, name: str, content: bytes, kind: str
) -> None:
    """A file that starts like an image but cannot be decoded is HP405 at check time
    (build would otherwise fail on it or place a broken picture)."""
    (tmp_path / name).write_bytes(content)
    data["partnership"]["partner"]["logo"] = name
    report = _report(data, tmp_path)
    assert report.codes() == ["HP405"]
    assert report.findings[0].message("en") == (
        f"the logo {name} of Kidira is a damaged or truncated {kind} file that cannot be decoded"
    )
    assert f"beschädigte oder unvollständige {kind}-Datei" in report.findings[0].message("de")


def test_logo_symlink_outside_fails(data: Data, tmp_path: Path) -> None:
    """A symbolic link inside the folder that points outside it is outside: HP405. One
    that points to a file inside the folder is fine."""
    folder = tmp_path / "programme"
    folder.mkdir()
    (tmp_path / "secret.png").write_bytes(PNG)
    (folder / "logo.png").symlink_to(tmp_path / "secret.png")
    (folder / "real.png").write_bytes(PNG)
    (folder / "alias.png").symlink_to("real.png")
    data["partnership"]["german"]["logo"] = "logo.png"
    data["partnership"]["partner"]["logo"] = "alias.png"
    report = _report(data, folder)
    assert report.codes() == ["HP405"]
    assert report.findings[0].dotted_path == "partnership.german.logo"
    assert report.findings[0].message("en") == (
        "the logo logo.png of Pfinztal lies outside the programme's folder"
    )


def test_logo_file_too_large_fails(
    data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A logo file over the size limit (64 MB; lowered here) is refused unread."""
    monkeypatch.setattr(files, "MAX_LOGO_BYTES", len(PNG) - 1)
    (tmp_path / "logo.png").write_bytes(PNG)
    data["partnership"]["german"]["logo"] = "logo.png"
    report = _report(data, tmp_path)
    assert report.codes() == ["HP405"]
    assert "is larger than 64 MB" in report.findings[0].message("en")


# -- check(): ignore --------------------------------------------------------------------


def test_ignore_drops_rule(data: Data) -> None:
    """Ignoring a code drops its findings and keeps the others."""
    del data["measures"][0]["lead"]
    programme = from_data(data)
    assert check(programme).codes() == ["HP301", "HP502"]
    assert check(programme, ignore={"HP301"}).codes() == ["HP502"]
    assert check(programme, ignore=["HP301", "HP502"]).codes() == []


@pytest.mark.parametrize(
    ("ignore", "listed"),
    [({"HP999"}, "HP999"), ({"HP301", "hp301", "X"}, "X, hp301"), (["HP000"], "HP000")],
)
def test_ignore_unknown_code_raises(ignore: set[str] | list[str], listed: str, data: Data) -> None:
    """Unknown codes in ``ignore`` raise ValueError naming them, sorted."""
    with pytest.raises(ValueError, match=rf"^unknown rule code\(s\): {re.escape(listed)}$"):
        check(from_data(data), ignore=ignore)


# -- the registry -----------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_registry_rule_is_well_formed(code: str) -> None:
    """Every rule has a code HPnnn and non-empty English and German title, message and fix."""
    rule = REGISTRY[code]
    assert re.fullmatch(r"HP\d{3}", code)
    assert rule.code == code
    assert isinstance(rule.severity, Severity)
    for texts in (rule.title, rule.message, rule.fix):
        assert len(texts) == 2
        en, de = texts
        assert en.strip()
        assert de.strip()
        assert en == en.strip()
        assert de == de.strip()
    assert rule.text(rule.title, "en") == rule.title[0]
    assert rule.text(rule.title, "de") == rule.title[1]


def test_only_missing_adoption_blocks_signing() -> None:
    """HP602 is the one rule that blocks signing without being an error."""
    assert [c for c, r in REGISTRY.items() if r.blocks_signing] == ["HP602"]


# -- the report -------------------------------------------------------------------------


def test_missing_adoption_is_ok_but_not_ready_for_signing(data: Data) -> None:
    """A missing council adoption leaves the report ok but not ready for signing."""
    del data["adoptions"]
    report = _report(data)
    assert report.codes() == ["HP602", "HP602"]
    assert report.ok
    assert not report.ready_for_signing
    assert report.errors == ()
    assert report.warnings == report.findings
    assert report.counts() == {"error": 0, "warning": 2, "info": 0}


def test_warning_and_info_are_ok_and_ready_for_signing(data: Data) -> None:
    """Warnings and infos that do not block signing leave the report ready for signing."""
    del data["date"]
    del data["measures"][0]["estimated_reduction"]
    report = _report(data)
    assert report.codes() == ["HP311", "HP604"]
    assert report.ok
    assert report.ready_for_signing
    assert report.counts() == {"error": 0, "warning": 1, "info": 1}


def test_error_is_neither_ok_nor_ready_for_signing(data: Data) -> None:
    """An error makes the report not ok and not ready for signing."""
    del data["measures"][0]["timeline"]
    report = _report(data)
    assert report.codes() == ["HP302"]
    assert not report.ok
    assert not report.ready_for_signing
    assert [f.code for f in report.errors] == ["HP302"]
    assert report.warnings == ()
    assert report.counts() == {"error": 1, "warning": 0, "info": 0}


def test_finding_dicts(data: Data) -> None:
    """The JSON-ready findings carry code, severity, texts and path in the chosen language."""
    del data["measures"][0]["description"]
    report = _report(data)
    assert report.finding_dicts("de") == [
        {
            "code": "HP310",
            "severity": "warning",
            "title": "Maßnahme ohne Beschreibung",
            "message": "Maßnahme M-01 hat keine Beschreibung",
            "fix": "`description:` ergänzen",
            "path": "measures[0].description",
            "file": None,
            "line": None,
            "column": None,
        }
    ]


# -- findings located in a YAML file ------------------------------------------------------

# A complete programme except: no `date:` (HP604) and M-01 ends after the period (HP304).
YAML_TEXT = """\
title: {de: Handlungsprogramm, fr: Programme d'action}
version: "1.0"
languages: [de, fr]
period: {start: 2025-01, end: 2030-12}
partnership:
  german: {name: Pfinztal, country: DE}
  partner: {name: Kidira, country: SN}
vision: {de: Vision, fr: Vision}
background: {de: Hintergrund, fr: Contexte}
fields_of_action:
  - code: "1"
    title: {de: Energie, fr: Énergie}
    strategic_objectives:
      - code: "1.1"
        title: {de: Erneuerbare Energie, fr: Énergie renouvelable}
        target_year: 2030
        operational_objectives:
          - code: "1.1.1"
            title: {de: Solarpumpen, fr: Pompes solaires}
            indicator:
              name: {de: Anteil Solarpumpen, fr: Part des pompes solaires}
              unit: "%"
              baseline: {value: 10, year: 2024}
              target: {value: 60, year: 2028}
measures:
  - code: M-01
    title: {de: Solarpumpen, fr: Pompes solaires}
    description: {de: Beschreibung, fr: Description}
    field_of_action: "1"
    objectives: ["1.1.1"]
    pillar: mitigation
    lead: {side: partner, department: Service technique}
    timeline:
      start: 2025-03
      end: 2031-01
    resources:
      money:
        - {amount: 45000, currency: EUR, funding_source: BMZ / Nakopa}
    estimated_reduction: 12.5
  - code: M-02
    title: {de: Hitzeschutz, fr: Protection contre la chaleur}
    description: {de: Bäume pflanzen, fr: Planter des arbres}
    field_of_action: "1"
    objectives: ["1.1.1"]
    pillar: adaptation
    lead: {side: german, department: Umweltamt}
    timeline: {start: 2025-01, ongoing: true}
    resources:
      personnel: [{side: german, amount: 20}]
    hazards: [heat]
monitoring: {responsible: {de: Lenkungsgruppe, fr: Comité de pilotage}}
outlook: {next_steps: {de: Umsetzung, fr: Mise en œuvre}}
adoptions:
  - {side: german, body: Gemeinderat, date: 2025-07-01}
  - {side: partner, body: Conseil municipal, date: 2025-07-15}
signatories:
  - {side: german, name: Erika Beispiel, function: {de: Bürgermeisterin, fr: Maire}}
  - {side: partner, name: Awa Exemple, function: {de: Maire, fr: Maire}}
baseline:
  german: {hazards: [{hazard: heat, likelihood: high, impact: high}]}
  partner: {hazards: [{hazard: drought, likelihood: high, impact: high}]}
"""


def test_findings_located_in_yaml_file() -> None:
    """Findings from a YAML file carry file:line:column and are ordered as in the file."""
    report = check(loads(YAML_TEXT, name="p.yaml"))
    # HP604 (line 1) comes before HP304 (line 35): file order, not code order.
    assert report.codes() == ["HP604", "HP304"]
    no_date, late = report.findings
    # `end: 2031-01` is line 35; its value starts in column 12.
    assert YAML_TEXT.splitlines()[34] == "      end: 2031-01"
    assert late.dotted_path == "measures[0].timeline.end"
    assert late.location == SourceLocation("p.yaml", 35, 12)
    assert str(late) == (
        "p.yaml:35:12: error HP304 measures[0].timeline.end: measure M-01 runs"
        " 2025-03 – 2031-01, outside the programme period 2025-01 – 2030-12"
    )
    # `date:` is not in the file: the finding points at the enclosing mapping, the top.
    assert no_date.dotted_path == "date"
    assert no_date.location == SourceLocation("p.yaml", 1, 1)


def test_missing_field_located_at_its_parent() -> None:
    """A finding on a field absent from the file points at the mapping that should hold it."""
    text = YAML_TEXT.replace("    hazards: [heat]\n", "").replace(
        "      end: 2031-01", "      end: 2030-01"
    )
    text = "date: 2025-06-30\n" + text
    report = check(loads(text, name="p.yaml"))
    assert report.codes() == ["HP307"]
    finding = report.findings[0]
    assert finding.dotted_path == "measures[1].hazards"
    assert finding.location is not None
    # measures[1] begins with `  - code: M-02` (line 41 after the added date line);
    # its mapping starts at the key `code`, column 5.
    assert text.splitlines()[40] == "  - code: M-02"
    assert (finding.location.file, finding.location.line, finding.location.column) == (
        "p.yaml",
        41,
        5,
    )
    assert report.finding_dicts("en")[0]["line"] == 41


def test_logo_checked_relative_to_loads_base_dir(tmp_path: Path) -> None:
    """With ``loads(..., base_dir=...)`` the logo is resolved against that folder."""
    text = "date: 2025-06-30\n" + YAML_TEXT.replace("end: 2031-01", "end: 2030-12").replace(
        "{name: Kidira, country: SN}", "{name: Kidira, country: SN, logo: k.png}"
    )
    missing = check(loads(text, name="p.yaml", base_dir=tmp_path))
    assert missing.codes() == ["HP405"]
    found: Finding = missing.findings[0]
    assert found.location == SourceLocation("p.yaml", 8, 46)
    (tmp_path / "k.png").write_bytes(PNG)
    assert check(loads(text, name="p.yaml", base_dir=tmp_path)).codes() == []


@pytest.mark.parametrize(
    ("change", "codes"),
    [
        # a blank material text is no resource (HP305), and its two empty texts are HP101
        (set_("measures.1.resources", {"material": t("", "")}), ["HP101", "HP101", "HP305"]),
        # an empty text in an undeclared language is not a third version (no HP102)
        (set_("title.en", ""), []),
        # a `both` measure is asked for its estimated reduction like a mitigation one
        (set_("measures.1.pillar", "both"), ["HP311"]),
    ],
)
def test_blank_and_both_cases(data: dict[str, Any], change: Mutation, codes: list[str]) -> None:
    """Blank texts count as absent everywhere; `both` counts for each pillar's rules."""
    change(data)
    assert check(from_data(data)).codes() == codes


def test_ignore_accepts_a_single_code(data: dict[str, Any]) -> None:
    """ignore="HP301" means that code, not its characters."""
    del data["measures"][0]["lead"]
    assert "HP301" not in check(from_data(data), ignore="HP301").codes()
