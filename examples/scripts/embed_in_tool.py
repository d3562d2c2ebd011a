"""What a municipal web tool does: programme from Python data → check → DOCX and PDF bytes.

Run: .venv/bin/python examples/scripts/embed_in_tool.py
No file is read or written: the programme is built from a dict (as a web form would
deliver it), checked, and rendered to bytes that a web application would send to the
browser. The script prints what it got.
"""

from __future__ import annotations

import sys
from decimal import Decimal

from handlungsprogramm import ProgrammeLoadError, check, from_data
from handlungsprogramm.build import render_pdf
from handlungsprogramm.render.docx import render_docx


def form_data() -> dict[str, object]:
    """What a web form might post: a small but complete programme (illustrative, fictional)."""

    def t(de: str, fr: str) -> dict[str, str]:
        return {"de": de, "fr": fr}

    return {
        "title": t(
            "Gemeinsames Handlungsprogramm Lemgo – Ouidah",
            "Programme d'action commun Lemgo – Ouidah",
        ),
        "version": "1.0",
        "date": "2026-03-01",
        "languages": ["de", "fr"],
        "period": {"start": "2026-01", "end": "2028-12"},
        "partnership": {
            "german": {"name": "Lemgo", "country": "DE", "kind": "city"},
            "partner": {"name": "Commune de Ouidah", "country": "BJ"},
        },
        "vision": t("Gemeinsam klimafest.", "Ensemble, résilients face au climat."),
        "background": t("Illustratives Beispiel.", "Exemple illustratif."),
        "baseline": {
            "german": {
                "hazards": [{"hazard": "heavy_rain", "likelihood": "medium", "impact": "high"}]
            },
            "partner": {
                "hazards": [{"hazard": "flood", "likelihood": "high", "impact": "high"}],
                "challenges": [{"challenge": t("Überflutete Schulhöfe", "Cours d'école inondées")}],
            },
        },
        "fields_of_action": [
            {
                "code": "1",
                "title": t("Energie und Wasser", "Énergie et eau"),
                "strategic_objectives": [
                    {
                        "code": "1.1",
                        "title": t("Schulen sind klimafest", "Les écoles sont résilientes"),
                        "target_year": 2030,
                        "operational_objectives": [
                            {
                                "code": "1.1.1",
                                "title": t(
                                    "Solarstrom für Schulen", "Électricité solaire pour les écoles"
                                ),
                                "indicator": {
                                    "name": t(
                                        "Schulen mit Solaranlage",
                                        "Écoles avec installation solaire",
                                    ),
                                    "unit": t("Schulen", "écoles"),
                                    "baseline": {"value": 1, "year": 2025},
                                    "target": {"value": 6, "year": 2028},
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
                "title": t("Solaranlagen für Schulen", "Installations solaires pour les écoles"),
                "description": t(
                    "Sechs Schulen erhalten Solaranlagen.",
                    "Six écoles reçoivent des installations solaires.",
                ),
                "field_of_action": "1",
                "objectives": ["1.1.1"],
                "pillar": "both",
                "location": "partner",
                "lead": {
                    "side": "partner",
                    "department": t("Technischer Dienst", "Service technique"),
                },
                "timeline": {"start": "2026-03", "end": "2027-12"},
                "resources": {
                    "money": [
                        {
                            "amount": Decimal("60000"),
                            "currency": "EUR",
                            "funding_source": "BMZ / Nakopa",
                            "status": "applied",
                        }
                    ]
                },
                "estimated_reduction": Decimal("25"),
                "hazards": ["heat"],
            },
            {
                "code": "M-02",
                "title": t("Fachaustausch", "Échange d'experts"),
                "description": t(
                    "Fachleute aus Lemgo beraten.", "Des experts de Lemgo conseillent."
                ),
                "field_of_action": "1",
                "objectives": ["1.1.1"],
                "pillar": "both",
                "location": "both",
                "lead": {"side": "german", "department": "Stadtwerke Lemgo"},
                "timeline": {"start": "2026-01", "ongoing": True},
                "resources": {"personnel": [{"side": "german", "amount": 20}]},
                "estimated_reduction": Decimal("2"),
                "hazards": ["heat"],
            },
        ],
        "monitoring": {
            "responsible": t("Steuerungsgruppe", "Comité de pilotage"),
            "frequency": "annually",
        },
        "outlook": {"next_steps": t("Umsetzung", "Mise en œuvre")},
        "adoptions": [
            {"side": "german", "body": "Rat der Alten Hansestadt Lemgo", "date": "2026-02-12"},
            {"side": "partner", "body": "Conseil municipal de Ouidah", "date": "2026-02-20"},
        ],
        "signatories": [
            {"side": "german", "name": "Jana Beispiel", "function": t("Bürgermeisterin", "Maire")},
            {"side": "partner", "name": "Koffi Exemple", "function": t("Bürgermeister", "Maire")},
        ],
    }


def main() -> int:
    """Build, check and render in memory; print sizes and the verdict."""
    try:
        programme = from_data(form_data())
    except ProgrammeLoadError as exc:
        for problem in exc.problems:
            print(f"input error at {problem.dotted_path}: {problem.message('de')}")
        return 2
    report = check(programme)
    print(
        f"check: ok={report.ok} ready_for_signing={report.ready_for_signing} findings={report.codes()}"
    )
    docx = render_docx(programme)
    print(f"docx: {len(docx.data)} bytes, draft={docx.draft}, fingerprint={docx.fingerprint[:16]}")
    pdf = render_pdf(programme)
    print(f"pdf: {len(pdf)} bytes, starts with {pdf[:8]!r}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
