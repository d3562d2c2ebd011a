"""Shared fixtures: a minimal programme that is complete, to break one rule at a time."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"


def _t(de: str, fr: str) -> dict[str, str]:
    return {"de": de, "fr": fr}


_COMPLETE: dict[str, Any] = {
    "title": _t("Gemeinsames Handlungsprogramm", "Programme d'action commun"),
    "version": "1.0",
    "date": "2025-06-30",
    "languages": ["de", "fr"],
    "period": {"start": "2025-01", "end": "2030-12"},
    "partnership": {
        "german": {"name": "Pfinztal", "country": "DE"},
        "partner": {"name": "Kidira", "country": "SN"},
    },
    "vision": _t("Vision", "Vision"),
    "background": _t("Hintergrund", "Contexte"),
    "baseline": {
        "german": {"hazards": [{"hazard": "heat", "likelihood": "high", "impact": "medium"}]},
        "partner": {"challenges": [{"challenge": _t("Wassermangel", "Manque d'eau")}]},
    },
    "fields_of_action": [
        {
            "code": "1",
            "title": _t("Energie", "Énergie"),
            "strategic_objectives": [
                {
                    "code": "1.1",
                    "title": _t("Erneuerbare Energie", "Énergie renouvelable"),
                    "target_year": 2030,
                    "operational_objectives": [
                        {
                            "code": "1.1.1",
                            "title": _t("Solarpumpen", "Pompes solaires"),
                            "indicator": {
                                "name": _t("Anteil Solarpumpen", "Part des pompes solaires"),
                                "unit": "%",
                                "baseline": {"value": 10, "year": 2024},
                                "target": {"value": "60", "year": 2028},
                            },
                        }
                    ],
                }
            ],
        }
    ],
    "measures": [
        {
            "code": "M-01",
            "title": _t("Solarpumpen", "Pompes solaires"),
            "description": _t("Beschreibung", "Description"),
            "field_of_action": "1",
            "objectives": ["1.1.1"],
            "pillar": "mitigation",
            "location": "partner",
            "lead": {"side": "partner", "department": "Service technique"},
            "timeline": {"start": "2025-03", "end": "2026-12"},
            "resources": {
                "money": [
                    {
                        "amount": "45000",
                        "currency": "EUR",
                        "funding_source": "BMZ / Nakopa",
                        "status": "applied",
                    }
                ]
            },
            "estimated_reduction": "12.5",
        },
        {
            "code": "M-02",
            "title": _t("Hitzeschutz", "Protection contre la chaleur"),
            "description": _t("Bäume pflanzen", "Planter des arbres"),
            "field_of_action": "1",
            "objectives": ["1.1.1"],
            "pillar": "adaptation",
            "location": "german",
            "lead": {"side": "german", "department": _t("Umweltamt", "Service de l'environnement")},
            "timeline": {"start": "2025-01", "ongoing": True},
            "resources": {"personnel": [{"side": "german", "amount": 20}]},
            "hazards": ["heat"],
        },
    ],
    "monitoring": {
        "responsible": _t("Lenkungsgruppe", "Comité de pilotage"),
        "frequency": "annually",
    },
    "outlook": {"next_steps": _t("Umsetzung", "Mise en œuvre")},
    "adoptions": [
        {"side": "german", "body": "Gemeinderat", "date": "2025-07-01", "reference": "GR-1"},
        {"side": "partner", "body": "Conseil municipal", "date": "2025-07-15"},
    ],
    "signatories": [
        {"side": "german", "name": "Erika Beispiel", "function": _t("Bürgermeisterin", "Maire")},
        {"side": "partner", "name": "Awa Exemple", "function": _t("Maire", "Maire")},
    ],
}


def complete_data() -> dict[str, Any]:
    """A fresh deep copy of a minimal programme that passes every rule."""
    return copy.deepcopy(_COMPLETE)


@pytest.fixture
def data() -> dict[str, Any]:
    """A complete programme as plain data, safe to modify in the test."""
    return complete_data()


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text or bytes to a file in a fresh folder and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
