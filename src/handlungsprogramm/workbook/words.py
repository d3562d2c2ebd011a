"""The words of a workbook: German names of the fields and what each sheet holds.

Every column header is the field's German name and its name in the input format
(``Federführung › Fachbereich / lead.department (fr)``): the German for the people at a
workshop, the input format's name for the reference and for reading the sheet back.
"""

from __future__ import annotations

__all__ = ["SHEET_NOTES", "german_name"]

_GERMAN: dict[str, str] = {
    "address": "Anschrift", "affected": "Betroffene", "amount": "Betrag",
    "background": "Hintergrund", "baseline": "Ausgangswert", "body": "Gremium",
    "by_year": "Nach Haushaltsjahren", "challenge": "Herausforderung", "code": "Code",
    "contact": "Kontakt", "contribution_to": "Beitrag zu", "country": "Land",
    "cross_cutting": "Querschnittsfeld", "currency": "Währung", "date": "Datum",
    "department": "Fachbereich", "description": "Beschreibung", "direction": "Richtung",
    "done": "Erreicht", "email": "E-Mail", "end": "Ende",
    "estimated_reduction": "Geschätzte Minderung (t CO2e/Jahr)", "expansion": "Langform",
    "field_of_action": "Handlungsfeld", "financing": "Finanzierung", "frequency": "Häufigkeit",
    "function": "Funktion", "funding_source": "Finanzierungsquelle",
    "further_fields": "Weitere Handlungsfelder", "german": "Deutsche Kommune",
    "guiding_principle": "Leitlinie", "hazard": "Klimagefahr", "hazards": "Klimagefahren",
    "id": "Kennung", "impact": "Auswirkung", "indicator": "Indikator",
    "institutional": "Institutionelle Ressourcen", "kind": "Art", "languages": "Sprachen",
    "lead": "Federführung", "likelihood": "Wahrscheinlichkeit", "location": "Ort",
    "logo": "Logo", "material": "Sachmittel", "method": "Methode",
    "monitoring": "Monitoring", "municipality": "Kommune", "name": "Name",
    "next_steps": "Nächste Schritte", "note": "Anmerkung", "notice": "Förderhinweis",
    "objectives": "Operative Ziele", "ongoing": "Daueraufgabe", "originals": "Ausfertigungen",
    "outlook": "Ausblick", "partner": "Partnerkommune", "partner_contact": "Kontakt Partner",
    "partner_department": "Fachbereich Partner", "partnership": "Partnerschaft",
    "per_euro": "Je Euro", "per_year": "Je Jahr", "period": "Zeitraum", "phone": "Telefon",
    "pillar": "Säule", "place": "Ort", "plans": "Pläne", "preamble": "Präambel",
    "priority": "Priorität", "projects": "Projekte", "publisher": "Herausgeber",
    "recipient": "Empfänger", "reference": "Aktenzeichen", "references": "Bezüge",
    "resources": "Ressourcen", "responsible": "Zuständig", "role": "Rolle",
    "schema_version": "Formatversion", "share": "Anteil", "short": "Kürzel", "side": "Seite",
    "signing": "Unterzeichnung", "since": "Seit", "source": "Quelle", "start": "Beginn",
    "status": "Status", "subtitle": "Untertitel", "target": "Zielwert",
    "target_year": "Zieljahr", "timeline": "Zeitplan", "title": "Titel", "town": "Ort",
    "unit": "Einheit", "url": "Internetadresse", "value": "Wert", "version": "Version",
    "vision": "Vision", "year": "Jahr",
}  # fmt: skip


def german_name(path: tuple[str, ...]) -> str:
    """A field's German name: its parts joined (``Federführung › Fachbereich``)."""
    return " › ".join(_GERMAN.get(part, part) for part in path)


SHEET_NOTES: dict[str, tuple[str, str]] = {
    "Programm": (
        "Die Felder des Programms selbst, eines je Zeile: Texte in der Spalte ihrer"
        " Sprache, alles andere in der Spalte Wert.",
        "The programme's own fields, one per row: texts in their language's column,"
        " everything else in the value column.",
    ),
    "Handlungsfelder": (
        "Ein Handlungsfeld je Zeile, mit Code und Leitlinie.",
        "One field of action per row, with its code and guiding principle.",
    ),
    "Strategische Ziele": (
        "Ein strategisches Ziel je Zeile; die erste Spalte nennt den Code seines Handlungsfelds.",
        "One strategic objective per row; the first column gives its field's code.",
    ),
    "Operative Ziele": (
        "Ein operatives Ziel je Zeile mit seinem Indikator (Ausgangs- und Zielwert);"
        " die ersten Spalten nennen Handlungsfeld und strategisches Ziel.",
        "One operational objective per row with its indicator (baseline and target);"
        " the first columns give its field and strategic objective.",
    ),
    "Maßnahmen": (
        "Eine Maßnahme je Zeile: Code, Titel, Ziele, Federführung, Zeitplan, Priorität."
        " Geld, Personal und Meilensteine stehen auf eigenen Blättern.",
        "One measure per row: code, title, objectives, lead, timeline, priority. Money,"
        " personnel and milestones have sheets of their own.",
    ),
    "Finanzmittel": (
        "Ein Betrag je Zeile; die erste Spalte nennt den Code der Maßnahme. Beträge als"
        " Zahl, die Währung in ihrer eigenen Spalte.",
        "One amount per row; the first column gives the measure's code. Amounts as"
        " numbers, the currency in its own column.",
    ),
    "Personal": (
        "Personaleinsatz je Zeile und Seite; die erste Spalte nennt die Maßnahme.",
        "Staff time per row and side; the first column gives the measure.",
    ),
    "Meilensteine": (
        "Ein Meilenstein je Zeile (Monat und Titel); die erste Spalte nennt die Maßnahme.",
        "One milestone per row (month and title); the first column gives the measure.",
    ),
}
"""What the main sheets hold, in German and English (the read-me sheet); the others are
described by their name."""
