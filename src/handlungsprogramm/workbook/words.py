"""The words of a workbook: the fields' names in five languages and what each sheet holds.

Every column header names the field in German and in the partner's language and gives
its name in the input format (``Federführung › Fachbereich / Responsable principal ›
Service · lead.department (fr)``): both languages for the people at a workshop on
either side, the input format's name for the reference and for reading the sheet back.
"""

from __future__ import annotations

__all__ = ["SHEET_NOTES", "field_name", "german_name", "header_name"]

# German, English, French, Spanish, Portuguese name of each part of a field's path
_NAMES: dict[str, tuple[str, str, str, str, str]] = {
    "address": ("Anschrift", "Address", "Adresse", "Dirección", "Endereço"),
    "affected": ("Betroffene", "Affected", "Personnes concernées", "Afectados", "Afetados"),
    "amount": ("Betrag", "Amount", "Montant", "Importe", "Montante"),
    "background": ("Hintergrund", "Background", "Contexte", "Contexto", "Contexto"),
    "baseline": ("Ausgangswert", "Baseline", "Valeur de référence", "Línea de base", "Linha de base"),
    "body": ("Gremium", "Body", "Organe", "Órgano", "Órgão"),
    "by_year": ("Nach Haushaltsjahren", "By budget year", "Par exercice", "Por año presupuestario", "Por ano orçamental"),
    "challenge": ("Herausforderung", "Challenge", "Défi", "Desafío", "Desafio"),
    "code": ("Code", "Code", "Code", "Código", "Código"),
    "contact": ("Kontakt", "Contact", "Contact", "Contacto", "Contacto"),
    "contribution_to": ("Beitrag zu", "Contribution to", "Contribution à", "Contribución a", "Contribuição para"),
    "country": ("Land", "Country", "Pays", "País", "País"),
    "cross_cutting": ("Querschnittsfeld", "Cross-cutting", "Transversal", "Transversal", "Transversal"),
    "currency": ("Währung", "Currency", "Devise", "Moneda", "Moeda"),
    "date": ("Datum", "Date", "Date", "Fecha", "Data"),
    "department": ("Fachbereich", "Department", "Service", "Departamento", "Departamento"),
    "description": ("Beschreibung", "Description", "Description", "Descripción", "Descrição"),
    "direction": ("Richtung", "Direction", "Sens", "Dirección", "Sentido"),
    "done": ("Erreicht", "Reached", "Atteint", "Alcanzado", "Alcançado"),
    "email": ("E-Mail", "E-mail", "Courriel", "Correo electrónico", "E-mail"),
    "end": ("Ende", "End", "Fin", "Fin", "Fim"),
    "estimated_reduction": ("Geschätzte Minderung (t CO2e/Jahr)", "Estimated reduction (t CO2e/year)", "Réduction estimée (t CO2e/an)", "Reducción estimada (t CO2e/año)", "Redução estimada (t CO2e/ano)"),
    "expansion": ("Langform", "Expansion", "Forme longue", "Forma completa", "Forma por extenso"),
    "field": ("Feld", "Field", "Champ", "Campo", "Campo"),
    "field_of_action": ("Handlungsfeld", "Field of action", "Domaine d'action", "Área de acción", "Área de ação"),
    "financing": ("Finanzierung", "Financing", "Financement", "Financiación", "Financiamento"),
    "fingerprint": ("Fingerabdruck", "Fingerprint", "Empreinte", "Huella", "Impressão digital"),
    "frequency": ("Häufigkeit", "Frequency", "Fréquence", "Frecuencia", "Frequência"),
    "function": ("Funktion", "Function", "Fonction", "Cargo", "Cargo"),
    "funding_source": ("Finanzierungsquelle", "Funding source", "Source de financement", "Fuente de financiación", "Fonte de financiamento"),
    "further_fields": ("Weitere Handlungsfelder", "Further fields", "Autres domaines", "Otras áreas", "Outras áreas"),
    "german": ("Deutsche Kommune", "German municipality", "Commune allemande", "Municipio alemán", "Município alemão"),
    "guiding_principle": ("Leitlinie", "Guiding principle", "Principe directeur", "Principio rector", "Princípio orientador"),
    "hazard": ("Klimagefahr", "Climate hazard", "Aléa climatique", "Amenaza climática", "Perigo climático"),
    "hazards": ("Klimagefahren", "Climate hazards", "Aléas climatiques", "Amenazas climáticas", "Perigos climáticos"),
    "id": ("Kennung", "Identifier", "Identifiant", "Identificador", "Identificador"),
    "impact": ("Auswirkung", "Impact", "Impact", "Impacto", "Impacto"),
    "indicator": ("Indikator", "Indicator", "Indicateur", "Indicador", "Indicador"),
    "institutional": ("Institutionelle Ressourcen", "Institutional resources", "Ressources institutionnelles", "Recursos institucionales", "Recursos institucionais"),
    "kind": ("Art", "Kind", "Type", "Tipo", "Tipo"),
    "languages": ("Sprachen", "Languages", "Langues", "Idiomas", "Línguas"),
    "lead": ("Federführung", "Lead", "Responsable principal", "Responsable principal", "Responsável principal"),
    "likelihood": ("Wahrscheinlichkeit", "Likelihood", "Probabilité", "Probabilidad", "Probabilidade"),
    "location": ("Ort", "Location", "Lieu", "Lugar", "Local"),
    "logo": ("Logo", "Logo", "Logo", "Logotipo", "Logótipo"),
    "material": ("Sachmittel", "Material resources", "Moyens matériels", "Recursos materiales", "Recursos materiais"),
    "method": ("Methode", "Method", "Méthode", "Método", "Método"),
    "monitoring": ("Monitoring", "Monitoring", "Suivi", "Seguimiento", "Monitorização"),
    "municipality": ("Kommune", "Municipality", "Commune", "Municipio", "Município"),
    "name": ("Name", "Name", "Nom", "Nombre", "Nome"),
    "next_steps": ("Nächste Schritte", "Next steps", "Prochaines étapes", "Próximos pasos", "Próximos passos"),
    "note": ("Anmerkung", "Note", "Remarque", "Nota", "Nota"),
    "notice": ("Förderhinweis", "Funding notice", "Mention du financement", "Aviso de financiación", "Menção do financiamento"),
    "objectives": ("Operative Ziele", "Operational objectives", "Objectifs opérationnels", "Objetivos operativos", "Objetivos operacionais"),
    "ongoing": ("Daueraufgabe", "Ongoing", "Permanent", "Permanente", "Permanente"),
    "originals": ("Ausfertigungen", "Originals", "Exemplaires originaux", "Ejemplares originales", "Exemplares originais"),
    "outlook": ("Ausblick", "Outlook", "Perspectives", "Perspectivas", "Perspetivas"),
    "partner": ("Partnerkommune", "Partner municipality", "Commune partenaire", "Municipio socio", "Município parceiro"),
    "partner_contact": ("Kontakt Partner", "Partner contact", "Contact partenaire", "Contacto del socio", "Contacto do parceiro"),
    "partner_department": ("Fachbereich Partner", "Partner department", "Service partenaire", "Departamento del socio", "Departamento do parceiro"),
    "partnership": ("Partnerschaft", "Partnership", "Partenariat", "Asociación", "Parceria"),
    "per_euro": ("Je Euro", "Per euro", "Par euro", "Por euro", "Por euro"),
    "per_year": ("Je Jahr", "Per year", "Par an", "Por año", "Por ano"),
    "period": ("Zeitraum", "Period", "Période", "Período", "Período"),
    "phone": ("Telefon", "Phone", "Téléphone", "Teléfono", "Telefone"),
    "pillar": ("Säule", "Pillar", "Pilier", "Pilar", "Pilar"),
    "place": ("Ort", "Place", "Lieu", "Lugar", "Local"),
    "plans": ("Pläne", "Plans", "Plans", "Planes", "Planos"),
    "preamble": ("Präambel", "Preamble", "Préambule", "Preámbulo", "Preâmbulo"),
    "priority": ("Priorität", "Priority", "Priorité", "Prioridad", "Prioridade"),
    "projects": ("Projekte", "Projects", "Projets", "Proyectos", "Projetos"),
    "publisher": ("Herausgeber", "Publisher", "Éditeur", "Editor", "Editor"),
    "recipient": ("Empfänger", "Recipient", "Bénéficiaire", "Beneficiario", "Beneficiário"),
    "reference": ("Aktenzeichen", "Reference", "Référence", "Referencia", "Referência"),
    "references": ("Bezüge", "References", "Références", "Referencias", "Referências"),
    "resources": ("Ressourcen", "Resources", "Ressources", "Recursos", "Recursos"),
    "responsible": ("Zuständig", "Responsible", "Responsable", "Responsable", "Responsável"),
    "role": ("Rolle", "Role", "Rôle", "Función", "Papel"),
    "schema_version": ("Formatversion", "Format version", "Version du format", "Versión del formato", "Versão do formato"),
    "share": ("Anteil", "Share", "Part", "Proporción", "Parte"),
    "short": ("Kürzel", "Abbreviation", "Sigle", "Sigla", "Sigla"),
    "side": ("Seite", "Side", "Côté", "Lado", "Lado"),
    "signing": ("Unterzeichnung", "Signing", "Signature", "Firma", "Assinatura"),
    "since": ("Seit", "Since", "Depuis", "Desde", "Desde"),
    "source": ("Quelle", "Source", "Source", "Fuente", "Fonte"),
    "start": ("Beginn", "Start", "Début", "Inicio", "Início"),
    "status": ("Status", "Status", "Statut", "Estado", "Estado"),
    "subtitle": ("Untertitel", "Subtitle", "Sous-titre", "Subtítulo", "Subtítulo"),
    "target": ("Zielwert", "Target", "Valeur cible", "Meta", "Meta"),
    "target_year": ("Zieljahr", "Target year", "Année cible", "Año meta", "Ano meta"),
    "text": ("Text", "Text", "Texte", "Texto", "Texto"),
    "timeline": ("Zeitplan", "Timeline", "Calendrier", "Cronograma", "Calendário"),
    "title": ("Titel", "Title", "Titre", "Título", "Título"),
    "town": ("Ort", "Town", "Ville", "Localidad", "Localidade"),
    "unit": ("Einheit", "Unit", "Unité", "Unidad", "Unidade"),
    "url": ("Internetadresse", "Web address", "Adresse web", "Dirección web", "Endereço web"),
    "value": ("Wert", "Value", "Valeur", "Valor", "Valor"),
    "version": ("Version", "Version", "Version", "Versión", "Versão"),
    "vision": ("Vision", "Vision", "Vision", "Visión", "Visão"),
    "year": ("Jahr", "Year", "Année", "Año", "Ano"),
}  # fmt: skip
_LANGUAGES = ("de", "en", "fr", "es", "pt")


def german_name(path: tuple[str, ...]) -> str:
    """A field's German name: its parts joined (``Federführung › Fachbereich``)."""
    return field_name(path, "de")


def field_name(path: tuple[str, ...], lang: str) -> str:
    """A field's name in ``lang`` (German for a language without names): its parts
    joined (``Responsable principal › Service``)."""
    index = _LANGUAGES.index(lang) if lang in _LANGUAGES else 0
    return " › ".join(_NAMES[part][index] if part in _NAMES else part for part in path)


def header_name(path: tuple[str, ...], partner: str) -> str:
    """The header of a field in both languages of the programme: ``Titel / Titre``,
    one name where both are the same (``Code``)."""
    german, other = field_name(path, "de"), field_name(path, partner)
    return german if german == other else f"{german} / {other}"


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
    "Übersetzungsstand": (
        "Aus welchem deutschen Text jede Übersetzung gemacht wurde (geschrieben von import"
        " und translations confirm); nicht von Hand ändern.",
        "From which German text each translation was made (written by import and"
        " translations confirm); do not edit by hand.",
    ),
}
"""What the main sheets hold, in German and English (the read-me sheet); the others are
described by their name."""
