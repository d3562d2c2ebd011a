"""The label catalogue: every fixed string of the documents, in five languages.

Why one catalogue: a bilingual programme prints the same headings, column titles and
enum values in German and in the partner's working language. Keeping every fixed
string in one dictionary, keyed by a dotted name, means a template never contains
language-specific text, a terminology fix happens in one place, and the tests can
guarantee completeness: every key has a non-empty text in German, English, French,
Spanish and Portuguese, every member of every model enum has a label, placeholders
agree across languages, and a translation that is identical to the German text must
be on an explicit allow-list (so an untranslated copy cannot slip through).

Terminology follows the glossary in ``design/domain.md``. Portuguese labels avoid
words that differ between Brazil, Portugal and Mozambique where a common term exists
("Ponto focal", "Acompanhamento e avaliação", "Em preparação"); Spanish labels use
terms understood throughout Latin America ("Monto", "financiamiento"). French labels
use the typographic apostrophe and a no-break space before a colon.

Long German compounds that stand in narrow table columns (column headers such as
"Eintritts·wahr·schein·lich·keit", enum values such as "Meeres·spiegel·anstieg") carry
soft hyphens (U+00AD) at their syllable or compound boundaries, so Word and LibreOffice
break them there instead of at an arbitrary letter; where no break is needed they are
invisible. Output that is not a word-processor text (chart labels, PDF metadata) strips
them.

Content can be in any ISO 639-1 language (e.g. Swahili); labels exist only in the five
``LABEL_LANGUAGES``. :func:`label_language` says which catalogue language a content
language uses: its own when there is one, English otherwise.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Literal, get_args

from handlungsprogramm.model.enums import (
    Direction,
    Frequency,
    FundingStatus,
    Hazard,
    LeadSide,
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

__all__ = [
    "ENUM_PREFIXES",
    "FALLBACK_LANGUAGE",
    "LABELS",
    "LABEL_LANGUAGES",
    "LabelLang",
    "catalogue",
    "enum_label",
    "label",
    "label_language",
    "personnel_key",
    "placeholders",
]

LabelLang = Literal["de", "en", "fr", "es", "pt"]
"""A language the label catalogue exists in."""

LABEL_LANGUAGES: Final[tuple[LabelLang, ...]] = get_args(LabelLang)
"""The catalogue languages, German first (the same tuple as the model's)."""

FALLBACK_LANGUAGE: Final[LabelLang] = "en"
"""Catalogue language for content languages without labels of their own (e.g. ``sw``):
English is the working language partners without a catalogue language share with
LAG 21 and SKEW."""

_NNBSP = "\u202f"  # narrow no-break space: French puts one before : ; ! ? (one form throughout)

LABELS: Final[dict[str, dict[str, str]]] = {
    # -- document title words -------------------------------------------------------
    "doc.programme_of_action": {
        "de": "Gemeinsames Handlungsprogramm",
        "en": "Joint Programme of Action",
        "fr": "Programme d’action commun",
        "es": "Programa de acción conjunto",
        "pt": "Programa de ação conjunto",
    },
    "doc.climate_partnership": {
        "de": "Kommunale Klimapartnerschaft",
        "en": "Municipal climate partnership",
        "fr": "Partenariat climatique communal",
        "es": "Asociación climática municipal",
        "pt": "Parceria climática municipal",
    },
    "doc.climate_mitigation": {
        "de": "Klimaschutz",
        "en": "Climate mitigation",
        "fr": "Atténuation du changement climatique",
        "es": "Mitigación del cambio climático",
        "pt": "Mitigação das mudanças climáticas",
    },
    "doc.climate_adaptation": {
        "de": "Klimafolgenanpassung",
        "en": "Climate adaptation",
        "fr": "Adaptation au changement climatique",
        "es": "Adaptación al cambio climático",
        "pt": "Adaptação às mudanças climáticas",
    },
    "doc.subtitle": {
        "de": "für Klimaschutz und Klimafolgenanpassung",
        "en": "for climate mitigation and adaptation",
        "fr": "pour l’atténuation du changement climatique et l’adaptation à ses effets",
        "es": "para la mitigación del cambio climático y la adaptación a sus efectos",
        "pt": "para a mitigação das mudanças climáticas e a adaptação aos seus efeitos",
    },
    "doc.between": {
        "de": "zwischen {german} und {partner}",
        "en": "between {german} and {partner}",
        "fr": "entre {german} et {partner}",
        "es": "entre {german} y {partner}",
        "pt": "entre {german} e {partner}",
    },
    # -- cover ----------------------------------------------------------------------
    "cover.version": {
        "de": "Version",
        "en": "Version",
        "fr": "Version",
        "es": "Versión",
        "pt": "Versão",
    },
    "cover.date": {
        "de": "Stand",
        "en": "Date",
        "fr": "Date",
        "es": "Fecha",
        "pt": "Data",
    },
    "cover.period": {
        "de": "Laufzeit",
        "en": "Period",
        "fr": "Période",
        "es": "Período",
        "pt": "Período",
    },
    "cover.partnership_since": {
        "de": "Partnerschaft seit {year}",
        "en": "Partnership since {year}",
        "fr": "Partenariat depuis {year}",
        "es": "Asociación desde {year}",
        "pt": "Parceria desde {year}",
    },
    "cover.partnership_kind": {
        "de": "Art der Partnerschaft",
        "en": "Type of partnership",
        "fr": "Type de partenariat",
        "es": "Tipo de asociación",
        "pt": "Tipo de parceria",
    },
    # -- title page, imprint and summary (the publication frame) --------------------
    "cover.partnership_kind_since": {
        "de": "{kind} seit {year}",
        "en": "{kind} since {year}",
        "fr": "{kind} depuis {year}",
        "es": "{kind} desde {year}",
        "pt": "{kind} desde {year}",
    },
    "imprint.title": {
        "de": "Impressum",
        "en": "Imprint",
        "fr": "Mentions légales",
        "es": "Créditos",
        "pt": "Ficha técnica",
    },
    "imprint.funding_notice": {
        "de": "Förderhinweis",
        "en": "Funding notice",
        "fr": "Mention du financement",
        "es": "Nota sobre el financiamiento",
        "pt": "Nota sobre o financiamento",
    },
    "imprint.fingerprint": {
        "de": "Prüfsumme des Inhalts (SHA-256)",
        "en": "Content fingerprint (SHA-256)",
        "fr": "Empreinte du contenu (SHA-256)",
        "es": "Huella digital del contenido (SHA-256)",
        "pt": "Impressão digital do conteúdo (SHA-256)",
    },
    "imprint.fingerprint_hint": {
        "de": "Gekürzt in der Fußzeile jeder Seite: Beide Kommunen beschließen und"
        " unterzeichnen den Text mit dieser Prüfsumme.",
        "en": "Shortened in the footer of every page: both municipalities adopt and sign"
        " the text with this fingerprint.",
        "fr": f"Abrégée en pied de chaque page{_NNBSP}: les deux communes adoptent et signent"
        " le texte portant cette empreinte.",
        "es": "Abreviada al pie de cada página: ambos municipios aprueban y firman el texto"
        " con esta huella digital.",
        "pt": "Abreviada no rodapé de cada página: ambos os municípios aprovam e assinam o"
        " texto com esta impressão digital.",
    },
    "section.summary": {
        "de": "Kurzfassung",
        "en": "Summary",
        "fr": "Résumé",
        "es": "Resumen",
        "pt": "Resumo",
    },
    "summary.at_a_glance": {
        "de": "Auf einen Blick",
        "en": "At a glance",
        "fr": "En bref",
        "es": "De un vistazo",
        "pt": "Em síntese",
    },
    "summary.key_figure": {
        "de": "Kennzahl",
        "en": "Key figure",
        "fr": "Chiffre clé",
        "es": "Cifra clave",
        "pt": "Dado-chave",
    },
    "summary.value": {
        "de": "Wert",
        "en": "Value",
        "fr": "Valeur",
        "es": "Valor",
        "pt": "Valor",
    },
    "summary.strategic_objectives": {
        "de": "Strategische Ziele",
        "en": "Strategic objectives",
        "fr": "Objectifs stratégiques",
        "es": "Objetivos estratégicos",
        "pt": "Objetivos estratégicos",
    },
    "summary.operational_objectives": {
        "de": "Operative Ziele",
        "en": "Operational objectives",
        "fr": "Objectifs opérationnels",
        "es": "Objetivos operativos",
        "pt": "Objetivos operacionais",
    },
    "summary.reduction_basis": {
        "de": "Summe der Schätzungen von {given} der {count} Maßnahmen",
        "en": "sum of the estimates of {given} of the {count} measures",
        "fr": "somme des estimations de {given} mesures sur {count}",
        "es": "suma de las estimaciones de {given} de las {count} medidas",
        "pt": "soma das estimativas de {given} das {count} medidas",
    },
    "summary.reduction_none": {
        "de": "von keiner Maßnahme beziffert",
        "en": "not estimated for any measure",
        "fr": "chiffrée pour aucune mesure",
        "es": "no cuantificada en ninguna medida",
        "pt": "não quantificada em nenhuma medida",
    },
    "summary.measures_by_pillar_and_lead": {
        "de": "Maßnahmen nach Säule und Federführung",
        "en": "Measures by pillar and lead",
        "fr": "Mesures par pilier et par responsable principal",
        "es": "Medidas por pilar y responsable principal",
        "pt": "Medidas por pilar e responsável principal",
    },
    "summary.jointly": {
        "de": "Gemeinsam",
        "en": "Jointly",
        "fr": "Conjointement",
        "es": "Conjuntamente",
        "pt": "Em conjunto",
    },
    "summary.money_per_currency": {
        "de": "Finanzmittel je Währung",
        "en": "Funding per currency",
        "fr": "Financement par devise",
        "es": "Financiamiento por moneda",
        "pt": "Financiamento por moeda",
    },
    "summary.secured_share": {
        "de": "Anteil gesichert",
        "en": "Share secured",
        "fr": "Part acquise",
        "es": "Proporción asegurada",
        "pt": "Proporção assegurada",
    },
    "summary.currencies_apart": {
        "de": "Beträge verschiedener Währungen werden nicht addiert.",
        "en": "Amounts in different currencies are not added up.",
        "fr": "Les montants en devises différentes ne sont pas additionnés.",
        "es": "Los montos en monedas distintas no se suman.",
        "pt": "Os valores em moedas diferentes não são somados.",
    },
    "summary.leads": {
        "de": "Federführung nach Kommune",
        "en": "Lead by municipality",
        "fr": "Responsables principaux par commune",
        "es": "Responsables principales por municipio",
        "pt": "Responsáveis principais por município",
    },
    "summary.count": {
        "de": "Anzahl",
        "en": "Number",
        "fr": "Nombre",
        "es": "Número",
        "pt": "Número",
    },
    "summary.joint_counted_twice": {
        "de": "Gemeinsam geleitete Maßnahmen zählen bei beiden Kommunen.",
        "en": "Measures led jointly count for both municipalities.",
        "fr": "Les mesures conduites conjointement comptent pour les deux communes.",
        "es": "Las medidas dirigidas conjuntamente cuentan para ambos municipios.",
        "pt": "As medidas conduzidas em conjunto contam para ambos os municípios.",
    },
    # -- table of contents and sections ---------------------------------------------
    "toc.title": {
        "de": "Inhaltsverzeichnis",
        "en": "Contents",
        "fr": "Table des matières",
        "es": "Índice",
        "pt": "Índice",
    },
    "toc.hint": {
        "de": "Das Verzeichnis wird beim Öffnen in Word aktualisiert (LibreOffice: Extras › Aktualisieren › Alles aktualisieren).",
        "en": "The contents are updated when the document is opened in Word (LibreOffice: Tools › Update › Update All).",
        "fr": "La table est mise à jour à l’ouverture dans Word (LibreOffice\u202f: Outils › Actualiser › Tout actualiser).",
        "es": "El índice se actualiza al abrir el documento en Word (LibreOffice: Herramientas › Actualizar › Actualizar todo).",
        "pt": "O índice é atualizado ao abrir o documento no Word (LibreOffice: Ferramentas › Atualizar › Atualizar tudo).",
    },
    "chart.timeline": {
        "de": "Zeitplan der Maßnahmen",
        "en": "Timeline of the measures",
        "fr": "Calendrier des mesures",
        "es": "Cronograma de las medidas",
        "pt": "Cronograma das medidas",
    },
    "chart.timeline_alt": {
        "de": "Balkendiagramm: {count} Maßnahmen ({first} bis {last}) von Beginn bis Ende, Farbe nach Säule, fortlaufende Maßnahmen schraffiert, die Laufzeit des Programms hinterlegt.",
        "en": "Bar chart: {count} measures ({first} to {last}) from start to end, coloured by pillar, ongoing measures hatched, the programme period shaded.",
        "fr": "Diagramme à barres\u202f: {count} mesures ({first} à {last}) du début à la fin, couleur selon le pilier, mesures en continu hachurées, période du programme en fond.",
        "es": "Diagrama de barras: {count} medidas ({first} a {last}) del inicio al fin, color según el pilar, medidas continuas rayadas, período del programa sombreado.",
        "pt": "Gráfico de barras: {count} medidas ({first} a {last}) do início ao fim, cor por pilar, medidas contínuas tracejadas, período do programa sombreado.",
    },
    "chart.money": {
        "de": "Finanzmittel in {currency}",
        "en": "Funding in {currency}",
        "fr": "Financement en {currency}",
        "es": "Financiamiento en {currency}",
        "pt": "Financiamento em {currency}",
    },
    "chart.money_alt": {
        "de": "Balkendiagramm: insgesamt {total}, nach Handlungsfeld und nach Säule, jeweils gestapelt nach gesichert, beantragt und geplant.",
        "en": "Bar chart: {total} in total, by field of action and by pillar, each stacked by secured, applied for and planned.",
        "fr": "Diagramme à barres\u202f: {total} au total, par domaine d’action et par pilier, empilés selon acquis, demandé et prévu.",
        "es": "Diagrama de barras: {total} en total, por campo de acción y por pilar, apilados según asegurado, solicitado y previsto.",
        "pt": "Gráfico de barras: {total} no total, por área de ação e por pilar, empilhados por garantido, solicitado e previsto.",
    },
    "chart.personnel_alt": {
        "de": "Balkendiagramm: Personaleinsatz je Kommune.",
        "en": "Bar chart: staff time per municipality.",
        "fr": "Diagramme à barres\u202f: ressources humaines par commune.",
        "es": "Diagrama de barras: recursos humanos por municipio.",
        "pt": "Gráfico de barras: recursos humanos por município.",
    },
    "chart.indicators": {
        "de": "Ausgangs- und Zielwerte der Indikatoren",
        "en": "Baseline and target values of the indicators",
        "fr": "Valeurs de référence et valeurs cibles des indicateurs",
        "es": "Líneas de base y metas de los indicadores",
        "pt": "Linhas de base e metas dos indicadores",
    },
    "chart.indicators_alt": {
        "de": "Kleine Liniendiagramme: {count} Indikatoren, jeweils vom Ausgangswert zum Zielwert mit Jahr.",
        "en": "Small line charts: {count} indicators, each from its baseline to its target value with years.",
        "fr": "Petits graphiques linéaires\u202f: {count} indicateurs, chacun de la valeur de référence à la valeur cible, avec les années.",
        "es": "Pequeños gráficos de líneas: {count} indicadores, cada uno de la línea de base a la meta, con los años.",
        "pt": "Pequenos gráficos de linhas: {count} indicadores, cada um da linha de base à meta, com os anos.",
    },
    "section.foreword": {
        "de": "Vorwort",
        "en": "Foreword",
        "fr": "Avant-propos",
        "es": "Prólogo",
        "pt": "Prefácio",
    },
    "section.preamble": {
        "de": "Präambel",
        "en": "Preamble",
        "fr": "Préambule",
        "es": "Preámbulo",
        "pt": "Preâmbulo",
    },
    "section.vision": {
        "de": "Gemeinsame Vision",
        "en": "Joint vision",
        "fr": "Vision commune",
        "es": "Visión conjunta",
        "pt": "Visão conjunta",
    },
    "section.background": {
        "de": "Hintergrund und Organisation",
        "en": "Background and organisation",
        "fr": "Contexte et organisation",
        "es": "Antecedentes y organización",
        "pt": "Contexto e organização",
    },
    "section.baseline": {
        "de": "Bestandsaufnahme",
        "en": "Baseline assessment",
        "fr": "État des lieux",
        "es": "Diagnóstico",
        "pt": "Diagnóstico",
    },
    "section.fields_of_action": {
        "de": "Handlungsfelder",
        "en": "Fields of action",
        "fr": "Domaines d’action",
        "es": "Campos de acción",
        "pt": "Áreas de ação",
    },
    "section.objectives": {
        "de": "Zielsystem",
        "en": "Hierarchy of objectives",
        "fr": "Hiérarchie des objectifs",
        "es": "Jerarquía de objetivos",
        "pt": "Hierarquia de objetivos",
    },
    "section.measures": {
        "de": "Maßnahmen",
        "en": "Measures",
        "fr": "Mesures",
        "es": "Medidas",
        "pt": "Medidas",
    },
    "section.resources": {
        "de": "Ressourcen und Finanzierung",
        "en": "Resources and funding",
        "fr": "Ressources et financement",
        "es": "Recursos y financiamiento",
        "pt": "Recursos e financiamento",
    },
    "section.responsibilities": {
        "de": "Zuständigkeiten",
        "en": "Responsibilities",
        "fr": "Responsabilités",
        "es": "Responsabilidades",
        "pt": "Responsabilidades",
    },
    "section.monitoring": {
        "de": "Monitoring und Evaluation",
        "en": "Monitoring and evaluation",
        "fr": "Suivi et évaluation",
        "es": "Seguimiento y evaluación",
        "pt": "Acompanhamento e avaliação",
    },
    "section.outlook": {
        "de": "Ausblick",
        "en": "Outlook",
        "fr": "Perspectives",
        "es": "Perspectivas",
        "pt": "Perspectivas",
    },
    "section.adoption": {
        "de": "Beschlussfassung in den Räten",
        "en": "Adoption by the councils",
        "fr": "Adoption par les conseils municipaux",
        "es": "Aprobación por los concejos municipales",
        "pt": "Aprovação pelos órgãos deliberativos municipais",
    },
    "section.signatures": {
        "de": "Unterzeichnung",
        "en": "Signatures",
        "fr": "Signatures",
        "es": "Firmas",
        "pt": "Assinaturas",
    },
    "section.annex": {
        "de": "Anhang",
        "en": "Annex",
        "fr": "Annexe",
        "es": "Anexo",
        "pt": "Anexo",
    },
    # -- baseline -------------------------------------------------------------------
    "baseline.of": {
        "de": "Bestandsaufnahme: {municipality}",
        "en": "Baseline assessment: {municipality}",
        "fr": f"État des lieux{_NNBSP}: {{municipality}}",
        "es": "Diagnóstico: {municipality}",
        "pt": "Diagnóstico: {municipality}",
    },
    "baseline.challenges": {
        "de": "Herausforderungen",
        "en": "Challenges",
        "fr": "Défis",
        "es": "Desafíos",
        "pt": "Desafios",
    },
    "baseline.challenge": {
        "de": "Herausforderung",
        "en": "Challenge",
        "fr": "Défi",
        "es": "Desafío",
        "pt": "Desafio",
    },
    "baseline.affected": {
        "de": "Verursacher / Betroffene",
        "en": "Causes / affected groups",
        "fr": "Origine / personnes concernées",
        "es": "Causantes / afectados",
        "pt": "Causadores / afetados",
    },
    "baseline.plans": {
        "de": "Bestehende Pläne und Konzepte",
        "en": "Existing plans and strategies",
        "fr": "Plans et stratégies existants",
        "es": "Planes y estrategias existentes",
        "pt": "Planos e estratégias existentes",
    },
    "baseline.projects": {
        "de": "Laufende Projekte",
        "en": "Ongoing projects",
        "fr": "Projets en cours",
        "es": "Proyectos en curso",
        "pt": "Projetos em curso",
    },
    "baseline.hazards": {
        "de": "Klimabedingte Gefahren",
        "en": "Climate hazards",
        "fr": "Aléas climatiques",
        "es": "Amenazas climáticas",
        "pt": "Ameaças climáticas",
    },
    "baseline.hazard": {
        "de": "Gefahr",
        "en": "Hazard",
        "fr": "Aléa",
        "es": "Amenaza",
        "pt": "Ameaça",
    },
    "baseline.likelihood": {
        "de": "Eintritts\u00adwahr\u00adschein\u00adlich\u00adkeit",
        "en": "Likelihood",
        "fr": "Probabilité",
        "es": "Probabilidad",
        "pt": "Probabilidade",
    },
    "baseline.impact": {
        "de": "Schadens\u00adausmaß",
        "en": "Impact",
        "fr": "Impact",
        "es": "Impacto",
        "pt": "Impacto",
    },
    "baseline.description": {
        "de": "Beschreibung",
        "en": "Description",
        "fr": "Description",
        "es": "Descripción",
        "pt": "Descrição",
    },
    # -- fields of action -----------------------------------------------------------
    "foa.field": {
        "de": "Handlungsfeld",
        "en": "Field of action",
        "fr": "Domaine d’action",
        "es": "Campo de acción",
        "pt": "Área de ação",
    },
    "foa.numbered": {
        "de": "Handlungsfeld {code}",
        "en": "Field of action {code}",
        "fr": "Domaine d’action {code}",
        "es": "Campo de acción {code}",
        "pt": "Área de ação {code}",
    },
    "foa.guiding_principle": {
        "de": "Leitlinie",
        "en": "Guiding principle",
        "fr": "Principe directeur",
        "es": "Principio rector",
        "pt": "Princípio orientador",
    },
    # -- objectives -----------------------------------------------------------------
    "objective.strategic": {
        "de": "Strategisches Ziel",
        "en": "Strategic objective",
        "fr": "Objectif stratégique",
        "es": "Objetivo estratégico",
        "pt": "Objetivo estratégico",
    },
    "objective.strategic_plural": {
        "de": "Strategische Ziele",
        "en": "Strategic objectives",
        "fr": "Objectifs stratégiques",
        "es": "Objetivos estratégicos",
        "pt": "Objetivos estratégicos",
    },
    "objective.strategic_numbered": {
        "de": "Strategisches Ziel {code}",
        "en": "Strategic objective {code}",
        "fr": "Objectif stratégique {code}",
        "es": "Objetivo estratégico {code}",
        "pt": "Objetivo estratégico {code}",
    },
    "objective.operational": {
        "de": "Operatives Ziel",
        "en": "Operational objective",
        "fr": "Objectif opérationnel",
        "es": "Objetivo operativo",
        "pt": "Objetivo operacional",
    },
    "objective.operational_plural": {
        "de": "Operative Ziele",
        "en": "Operational objectives",
        "fr": "Objectifs opérationnels",
        "es": "Objetivos operativos",
        "pt": "Objetivos operacionais",
    },
    "objective.operational_numbered": {
        "de": "Operatives Ziel {code}",
        "en": "Operational objective {code}",
        "fr": "Objectif opérationnel {code}",
        "es": "Objetivo operativo {code}",
        "pt": "Objetivo operacional {code}",
    },
    "objective.target_year": {
        "de": "Zieljahr",
        "en": "Target year",
        "fr": "Année cible",
        "es": "Año meta",
        "pt": "Ano da meta",
    },
    "objective.indicator": {
        "de": "Indikator",
        "en": "Indicator",
        "fr": "Indicateur",
        "es": "Indicador",
        "pt": "Indicador",
    },
    "objective.unit": {
        "de": "Einheit",
        "en": "Unit",
        "fr": "Unité",
        "es": "Unidad",
        "pt": "Unidade",
    },
    "objective.baseline_value": {
        "de": "Ausgangs\u00adwert",
        "en": "Baseline value",
        "fr": "Valeur de référence",
        "es": "Línea de base",
        "pt": "Linha de base",
    },
    "objective.target_value": {
        "de": "Zielwert",
        "en": "Target value",
        "fr": "Valeur cible",
        "es": "Meta",
        "pt": "Meta",
    },
    "objective.year": {
        "de": "Jahr",
        "en": "Year",
        "fr": "Année",
        "es": "Año",
        "pt": "Ano",
    },
    "objective.source": {
        "de": "Datenquelle",
        "en": "Data source",
        "fr": "Source des données",
        "es": "Fuente de datos",
        "pt": "Fonte dos dados",
    },
    "objective.measures": {
        "de": "Zugeordnete Maßnahmen",
        "en": "Related measures",
        "fr": "Mesures associées",
        "es": "Medidas asociadas",
        "pt": "Medidas associadas",
    },
    # -- measures overview ----------------------------------------------------------
    "measures.overview": {
        "de": "Maßnahmenübersicht",
        "en": "Overview of measures",
        "fr": "Vue d’ensemble des mesures",
        "es": "Resumen de las medidas",
        "pt": "Visão geral das medidas",
    },
    "measures.code": {
        "de": "Nr.",
        "en": "No.",
        "fr": "N°",
        "es": "N.º",
        "pt": "N.º",
    },
    "measures.title": {
        "de": "Titel",
        "en": "Title",
        "fr": "Intitulé",
        "es": "Título",
        "pt": "Título",
    },
    "measures.pillar": {
        "de": "Säule",
        "en": "Pillar",
        "fr": "Pilier",
        "es": "Pilar",
        "pt": "Pilar",
    },
    "measures.lead": {
        "de": "Feder\u00adführung",
        "en": "Lead",
        "fr": "Responsable principal",
        "es": "Responsable principal",
        "pt": "Responsável principal",
    },
    "measures.period": {
        "de": "Zeitraum",
        "en": "Period",
        "fr": "Période",
        "es": "Período",
        "pt": "Período",
    },
    "measures.budget": {
        "de": "Finanzmittel",
        "en": "Budget",
        "fr": "Budget",
        "es": "Presupuesto",
        "pt": "Orçamento",
    },
    # -- measure sheet --------------------------------------------------------------
    "measure.measure": {
        "de": "Maßnahme",
        "en": "Measure",
        "fr": "Mesure",
        "es": "Medida",
        "pt": "Medida",
    },
    "measure.numbered": {
        "de": "Maßnahme {code}",
        "en": "Measure {code}",
        "fr": "Mesure {code}",
        "es": "Medida {code}",
        "pt": "Medida {code}",
    },
    "measure.description": {
        "de": "Beschreibung",
        "en": "Description",
        "fr": "Description",
        "es": "Descripción",
        "pt": "Descrição",
    },
    "measure.field_of_action": {
        "de": "Handlungsfeld",
        "en": "Field of action",
        "fr": "Domaine d’action",
        "es": "Campo de acción",
        "pt": "Área de ação",
    },
    "measure.objectives": {
        "de": "Operative Ziele",
        "en": "Operational objectives",
        "fr": "Objectifs opérationnels",
        "es": "Objetivos operativos",
        "pt": "Objetivos operacionais",
    },
    "measure.pillar": {
        "de": "Säule",
        "en": "Pillar",
        "fr": "Pilier",
        "es": "Pilar",
        "pt": "Pilar",
    },
    "measure.location": {
        "de": "Ort der Umsetzung",
        "en": "Location",
        "fr": "Lieu de mise en œuvre",
        "es": "Lugar de ejecución",
        "pt": "Local de execução",
    },
    "measure.lead": {
        "de": "Federführung",
        "en": "Lead",
        "fr": "Responsable principal",
        "es": "Responsable principal",
        "pt": "Responsável principal",
    },
    "measure.lead_municipality": {
        "de": "Federführende Kommune",
        "en": "Lead municipality",
        "fr": "Commune responsable",
        "es": "Municipio responsable",
        "pt": "Município responsável",
    },
    "measure.department": {
        "de": "Fachbereich",
        "en": "Department",
        "fr": "Service",
        "es": "Unidad responsable",
        "pt": "Unidade responsável",
    },
    "measure.contact": {
        "de": "Ansprechperson",
        "en": "Contact person",
        "fr": "Personne de contact",
        "es": "Persona de contacto",
        "pt": "Ponto focal",
    },
    "measure.partners": {
        "de": "Weitere Partner",
        "en": "Further partners",
        "fr": "Autres partenaires",
        "es": "Otros socios",
        "pt": "Outros parceiros",
    },
    "measure.partner": {
        "de": "Partner",
        "en": "Partner",
        "fr": "Partenaire",
        "es": "Socio",
        "pt": "Parceiro",
    },
    "measure.role": {
        "de": "Rolle",
        "en": "Role",
        "fr": "Rôle",
        "es": "Función",
        "pt": "Papel",
    },
    "measure.timeline": {
        "de": "Zeitplan",
        "en": "Timeline",
        "fr": "Calendrier",
        "es": "Cronograma",
        "pt": "Cronograma",
    },
    "measure.start": {
        "de": "Beginn",
        "en": "Start",
        "fr": "Début",
        "es": "Inicio",
        "pt": "Início",
    },
    "measure.end": {
        "de": "Ende",
        "en": "End",
        "fr": "Fin",
        "es": "Fin",
        "pt": "Fim",
    },
    "measure.ongoing": {
        "de": "fortlaufend",
        "en": "ongoing",
        "fr": "en continu",
        "es": "de forma continua",
        "pt": "de forma contínua",
    },
    "measure.resources": {
        "de": "Ressourcen",
        "en": "Resources",
        "fr": "Ressources",
        "es": "Recursos",
        "pt": "Recursos",
    },
    "measure.personnel": {
        "de": "Personal",
        "en": "Staff",
        "fr": "Ressources humaines",
        "es": "Recursos humanos",
        "pt": "Recursos humanos",
    },
    "measure.person_days": {
        "de": "Personentage",
        "en": "Person-days",
        "fr": "Jours-personnes",
        "es": "Días-persona",
        "pt": "Dias-pessoa",
    },
    "unit.person_days": {
        "de": "Personentage",
        "en": "person-days",
        "fr": "jours-personnes",
        "es": "días-persona",
        "pt": "dias-pessoa",
    },
    "unit.person_months": {
        "de": "Personenmonate",
        "en": "person-months",
        "fr": "mois-personnes",
        "es": "meses-persona",
        "pt": "meses-pessoa",
    },
    "unit.per_year": {
        "de": "pro Jahr",
        "en": "per year",
        "fr": "par an",
        "es": "por año",
        "pt": "por ano",
    },
    "unit.fte": {
        "de": "VZÄ",
        "en": "FTE",
        "fr": "ETP",
        "es": "ETC",
        "pt": "ETI",
    },
    "measure.person_months": {
        "de": "Personenmonate",
        "en": "Person-months",
        "fr": "Mois-personnes",
        "es": "Meses-persona",
        "pt": "Meses-pessoa",
    },
    "measure.fte": {
        "de": "Vollzeitäquivalente (VZÄ)",
        "en": "Full-time equivalents (FTE)",
        "fr": "Équivalents temps plein (ETP)",
        "es": "Equivalentes a tiempo completo (ETC)",
        "pt": "Equivalentes a tempo integral (ETI)",
    },
    "measure.money": {
        "de": "Finanzielle Ressourcen",
        "en": "Financial resources",
        "fr": "Ressources financières",
        "es": "Recursos financieros",
        "pt": "Recursos financeiros",
    },
    "measure.amount": {
        "de": "Betrag",
        "en": "Amount",
        "fr": "Montant",
        "es": "Monto",
        "pt": "Valor",
    },
    "measure.currency": {
        "de": "Währung",
        "en": "Currency",
        "fr": "Devise",
        "es": "Moneda",
        "pt": "Moeda",
    },
    "measure.budget_year": {
        "de": "Haushaltsjahr",
        "en": "Budget year",
        "fr": "Exercice budgétaire",
        "es": "Año presupuestario",
        "pt": "Ano orçamental",
    },
    "measure.funding_source": {
        "de": "Finanzierungsquelle",
        "en": "Funding source",
        "fr": "Source de financement",
        "es": "Fuente de financiamiento",
        "pt": "Fonte de financiamento",
    },
    "measure.funding_status": {
        "de": "Finanzierungsstand",
        "en": "Funding status",
        "fr": "État du financement",
        "es": "Estado del financiamiento",
        "pt": "Situação do financiamento",
    },
    "measure.material": {
        "de": "Materielle Ressourcen",
        "en": "Material resources",
        "fr": "Ressources matérielles",
        "es": "Recursos materiales",
        "pt": "Recursos materiais",
    },
    "measure.institutional": {
        "de": "Institutionelle Ressourcen",
        "en": "Institutional resources",
        "fr": "Ressources institutionnelles",
        "es": "Recursos institucionales",
        "pt": "Recursos institucionais",
    },
    "measure.priority": {
        "de": "Priorität",
        "en": "Priority",
        "fr": "Priorité",
        "es": "Prioridad",
        "pt": "Prioridade",
    },
    "measure.status": {
        "de": "Umsetzungsstand",
        "en": "Status",
        "fr": "État d’avancement",
        "es": "Estado de ejecución",
        "pt": "Situação",
    },
    "measure.estimated_reduction": {
        "de": "Geschätzte Emissionsminderung",
        "en": "Estimated emission reduction",
        "fr": "Réduction estimée des émissions",
        "es": "Reducción estimada de emisiones",
        "pt": "Redução estimada de emissões",
    },
    "measure.reduction_per_year": {
        "de": "{value} t CO₂e pro Jahr",
        "en": "{value} t CO₂e per year",
        "fr": "{value} t CO₂e par an",
        "es": "{value} t CO₂e por año",
        "pt": "{value} t CO₂e por ano",
    },
    "measure.hazards": {
        "de": "Berücksichtigte klimabedingte Gefahren",
        "en": "Climate hazards addressed",
        "fr": "Aléas climatiques pris en compte",
        "es": "Amenazas climáticas abordadas",
        "pt": "Ameaças climáticas abordadas",
    },
    "measure.milestones": {
        "de": "Meilensteine",
        "en": "Milestones",
        "fr": "Jalons",
        "es": "Hitos",
        "pt": "Marcos",
    },
    "measure.milestone": {
        "de": "Meilenstein",
        "en": "Milestone",
        "fr": "Jalon",
        "es": "Hito",
        "pt": "Marco",
    },
    "measure.milestone_reached": {
        "de": "erreicht",
        "en": "reached",
        "fr": "atteint",
        "es": "alcanzado",
        "pt": "alcançado",
    },
    "measure.milestone_open": {
        "de": "offen",
        "en": "pending",
        "fr": "en attente",
        "es": "pendiente",
        "pt": "pendente",
    },
    # -- units and periods ----------------------------------------------------------
    "unit.t_co2e_per_year": {
        "de": "t CO₂e/Jahr",
        "en": "t CO₂e/year",
        "fr": "t CO₂e/an",
        "es": "t CO₂e/año",
        "pt": "t CO₂e/ano",
    },
    "period.from": {
        "de": "ab {start}",
        "en": "from {start}",
        "fr": "à partir de {start}",
        "es": "a partir de {start}",
        "pt": "a partir de {start}",
    },
    "period.ongoing_from": {
        "de": "ab {start} (fortlaufend)",
        "en": "from {start} (ongoing)",
        "fr": "à partir de {start} (en continu)",
        "es": "a partir de {start} (de forma continua)",
        "pt": "a partir de {start} (de forma contínua)",
    },
    # -- resources and funding summary ----------------------------------------------
    "resources.totals_per_currency": {
        "de": "Summen je Währung",
        "en": "Totals per currency",
        "fr": "Totaux par devise",
        "es": "Totales por moneda",
        "pt": "Totais por moeda",
    },
    "resources.by_funding_source": {
        "de": "Nach Finanzierungsquelle",
        "en": "By funding source",
        "fr": "Par source de financement",
        "es": "Por fuente de financiamiento",
        "pt": "Por fonte de financiamento",
    },
    "resources.by_funding_status": {
        "de": "Nach Finanzierungsstand",
        "en": "By funding status",
        "fr": "Par état du financement",
        "es": "Por estado del financiamiento",
        "pt": "Por situação do financiamento",
    },
    "resources.by_pillar": {
        "de": "Nach Säule",
        "en": "By pillar",
        "fr": "Par pilier",
        "es": "Por pilar",
        "pt": "Por pilar",
    },
    "resources.by_field_of_action": {
        "de": "Nach Handlungsfeld",
        "en": "By field of action",
        "fr": "Par domaine d’action",
        "es": "Por campo de acción",
        "pt": "Por área de ação",
    },
    "resources.by_year": {
        "de": "Nach Jahr",
        "en": "By year",
        "fr": "Par année",
        "es": "Por año",
        "pt": "Por ano",
    },
    "section.abbreviations": {
        "de": "Abkürzungen",
        "en": "Abbreviations",
        "fr": "Abréviations",
        "es": "Abreviaturas",
        "pt": "Abreviaturas",
    },
    "section.references": {
        "de": "Bezugsrahmen",
        "en": "Frameworks referred to",
        "fr": "Cadres de référence",
        "es": "Marcos de referencia",
        "pt": "Quadros de referência",
    },
    "changes.title": {
        "de": "Änderungen gegenüber der früheren Fassung",
        "en": "Changes from the earlier version",
        "fr": "Modifications par rapport à la version précédente",
        "es": "Cambios respecto de la versión anterior",
        "pt": "Alterações em relação à versão anterior",
    },
    "changes.versions": {
        "de": "Verglichene Fassungen",
        "en": "Versions compared",
        "fr": "Versions comparées",
        "es": "Versiones comparadas",
        "pt": "Versões comparadas",
    },
    "changes.earlier": {
        "de": "Frühere Fassung",
        "en": "Earlier version",
        "fr": "Version précédente",
        "es": "Versión anterior",
        "pt": "Versão anterior",
    },
    "changes.later": {
        "de": "Neue Fassung",
        "en": "New version",
        "fr": "Nouvelle version",
        "es": "Versión nueva",
        "pt": "Nova versão",
    },
    "changes.source": {
        "de": "Quelle",
        "en": "Source",
        "fr": "Source",
        "es": "Fuente",
        "pt": "Fonte",
    },
    "changes.version": {
        "de": "Versionsnummer",
        "en": "Version number",
        "fr": "Numéro de version",
        "es": "Número de versión",
        "pt": "Número da versão",
    },
    "changes.date": {
        "de": "Stand",
        "en": "Dated",
        "fr": "Date",
        "es": "Fecha",
        "pt": "Data",
    },
    "changes.fingerprint": {
        "de": "Inhalts-Fingerabdruck",
        "en": "Content fingerprint",
        "fr": "Empreinte du contenu",
        "es": "Huella digital del contenido",
        "pt": "Impressão digital do conteúdo",
    },
    "changes.summary": {
        "de": "Zusammenfassung der Änderungen",
        "en": "Summary of the changes",
        "fr": "Résumé des modifications",
        "es": "Resumen de los cambios",
        "pt": "Resumo das alterações",
    },
    "changes.measures_added": {
        "de": "Neue Maßnahmen",
        "en": "New measures",
        "fr": "Nouvelles mesures",
        "es": "Medidas nuevas",
        "pt": "Novas medidas",
    },
    "changes.measures_removed": {
        "de": "Gestrichene Maßnahmen",
        "en": "Measures removed",
        "fr": "Mesures supprimées",
        "es": "Medidas suprimidas",
        "pt": "Medidas suprimidas",
    },
    "changes.measures_changed": {
        "de": "Geänderte Maßnahmen",
        "en": "Measures changed",
        "fr": "Mesures modifiées",
        "es": "Medidas modificadas",
        "pt": "Medidas alteradas",
    },
    "changes.measures_moved": {
        "de": "Verschobene Maßnahmen",
        "en": "Measures moved",
        "fr": "Mesures déplacées",
        "es": "Medidas trasladadas",
        "pt": "Medidas transferidas",
    },
    "changes.count": {
        "de": "Anzahl",
        "en": "Number",
        "fr": "Nombre",
        "es": "Número",
        "pt": "Número",
    },
    "changes.codes": {
        "de": "Codes",
        "en": "Codes",
        "fr": "Codes",
        "es": "Códigos",
        "pt": "Códigos",
    },
    "changes.money": {
        "de": "Mittel aller Maßnahmen je Währung",
        "en": "Money of all measures per currency",
        "fr": "Moyens de toutes les mesures par devise",
        "es": "Recursos de todas las medidas por moneda",
        "pt": "Recursos de todas as medidas por moeda",
    },
    "changes.currency": {
        "de": "Währung",
        "en": "Currency",
        "fr": "Devise",
        "es": "Moneda",
        "pt": "Moeda",
    },
    "changes.before": {
        "de": "Bisher",
        "en": "Before",
        "fr": "Avant",
        "es": "Antes",
        "pt": "Antes",
    },
    "changes.after": {
        "de": "Neu",
        "en": "After",
        "fr": "Après",
        "es": "Después",
        "pt": "Depois",
    },
    "changes.difference": {
        "de": "Differenz",
        "en": "Difference",
        "fr": "Écart",
        "es": "Diferencia",
        "pt": "Diferença",
    },
    "changes.place": {
        "de": "Stelle",
        "en": "Place",
        "fr": "Emplacement",
        "es": "Ubicación",
        "pt": "Localização",
    },
    "changes.kind": {
        "de": "Art",
        "en": "Kind",
        "fr": "Nature",
        "es": "Tipo",
        "pt": "Tipo",
    },
    "changes.added": {
        "de": "neu",
        "en": "added",
        "fr": "ajout",
        "es": "añadido",
        "pt": "acrescentado",
    },
    "changes.removed": {
        "de": "gestrichen",
        "en": "removed",
        "fr": "suppression",
        "es": "suprimido",
        "pt": "suprimido",
    },
    "changes.changed": {
        "de": "geändert",
        "en": "changed",
        "fr": "modification",
        "es": "modificado",
        "pt": "alterado",
    },
    "changes.moved": {
        "de": "verschoben",
        "en": "moved",
        "fr": "déplacement",
        "es": "trasladado",
        "pt": "transferido",
    },
    "changes.none": {
        "de": "keine",
        "en": "none",
        "fr": "aucune",
        "es": "ninguna",
        "pt": "nenhuma",
    },
    "changes.legend": {
        "de": "Gestrichener Text ist durchgestrichen, neuer Text unterstrichen.",
        "en": "Deleted text is struck through, new text underlined.",
        "fr": "Le texte supprimé est barré, le texte nouveau souligné.",
        "es": "El texto suprimido aparece tachado; el nuevo, subrayado.",
        "pt": "O texto suprimido aparece riscado; o novo, sublinhado.",
    },
    "changes.identical": {
        "de": "Die beiden Fassungen sagen dasselbe.",
        "en": "The two versions say the same.",
        "fr": "Les deux versions disent la même chose.",
        "es": "Las dos versiones dicen lo mismo.",
        "pt": "As duas versões dizem o mesmo.",
    },
    "changes.general": {
        "de": "Allgemeine Angaben",
        "en": "General information",
        "fr": "Informations générales",
        "es": "Datos generales",
        "pt": "Dados gerais",
    },
    "changes.publication": {
        "de": "Herausgabe und Förderung",
        "en": "Publisher and funders",
        "fr": "Éditeur et bailleurs de fonds",
        "es": "Editor y financiadores",
        "pt": "Editor e financiadores",
    },
    "changes.yes": {"de": "ja", "en": "yes", "fr": "oui", "es": "sí", "pt": "sim"},
    "changes.no": {"de": "nein", "en": "no", "fr": "non", "es": "no", "pt": "não"},
    "changes.footer": {
        "de": "Änderungen von Fassung {old} zu {new}",
        "en": "Changes from version {old} to {new}",
        "fr": "Modifications de la version {old} à la version {new}",
        "es": "Cambios de la versión {old} a la versión {new}",
        "pt": "Alterações da versão {old} para a versão {new}",
    },
    "abbreviations.short": {
        "de": "Abkürzung",
        "en": "Abbreviation",
        "fr": "Abréviation",
        "es": "Abreviatura",
        "pt": "Abreviatura",
    },
    "abbreviations.expansion": {
        "de": "Bedeutung",
        "en": "Meaning",
        "fr": "Signification",
        "es": "Significado",
        "pt": "Significado",
    },
    "references.code": {
        "de": "Kürzel",
        "en": "Code",
        "fr": "Code",
        "es": "Código",
        "pt": "Código",
    },
    "references.title": {
        "de": "Titel",
        "en": "Title",
        "fr": "Titre",
        "es": "Título",
        "pt": "Título",
    },
    "references.url": {
        "de": "Fundstelle",
        "en": "Source",
        "fr": "Source",
        "es": "Fuente",
        "pt": "Fonte",
    },
    "references.used_by": {
        "de": "Bezug in",
        "en": "Referred to by",
        "fr": "Cité par",
        "es": "Referido en",
        "pt": "Referido em",
    },
    "measure.references": {
        "de": "Bezüge",
        "en": "Frameworks",
        "fr": "Cadres de référence",
        "es": "Marcos de referencia",
        "pt": "Quadros de referência",
    },
    "objective.references": {
        "de": "Bezüge: {refs}",
        "en": "Frameworks: {refs}",
        "fr": "Cadres de référence : {refs}",
        "es": "Marcos de referencia: {refs}",
        "pt": "Quadros de referência: {refs}",
    },
    "measure.further_fields": {
        "de": "Weitere Handlungsfelder",
        "en": "Further fields of action",
        "fr": "Autres champs d’action",
        "es": "Otros campos de acción",
        "pt": "Outros campos de ação",
    },
    "field.cross_cutting": {
        "de": "Querschnittsfeld: Seine Maßnahmen dienen Zielen aller Handlungsfelder.",
        "en": "Cross-cutting field: its measures serve objectives of every field of action.",
        "fr": "Champ transversal : ses mesures servent les objectifs de tous les champs d’action.",
        "es": "Campo transversal: sus medidas sirven a objetivos de todos los campos de acción.",
        "pt": "Campo transversal: as suas medidas servem objetivos de todos os campos de ação.",
    },
    "measure.total_cost": {
        "de": "Gesamtkosten",
        "en": "Total cost",
        "fr": "Coût total",
        "es": "Costo total",
        "pt": "Custo total",
    },
    "money.gap": {
        "de": "Finanzierungslücke {amount}",
        "en": "funding gap {amount}",
        "fr": "besoin de financement non couvert : {amount}",
        "es": "brecha de financiamiento {amount}",
        "pt": "lacuna de financiamento {amount}",
    },
    "money.fully_funded": {
        "de": "voll finanziert",
        "en": "fully funded",
        "fr": "entièrement financé",
        "es": "totalmente financiado",
        "pt": "totalmente financiado",
    },
    "money.share": {
        "de": "{share} der Kosten",
        "en": "{share} of the cost",
        "fr": "{share} du coût",
        "es": "{share} del costo",
        "pt": "{share} do custo",
    },
    "money.contribution_to": {
        "de": "Eigenanteil zu {grant}",
        "en": "own contribution to {grant}",
        "fr": "contribution propre à {grant}",
        "es": "contrapartida propia de {grant}",
        "pt": "contrapartida própria de {grant}",
    },
    "table.caption": {
        "de": "Tabelle {number}: {title}",
        "en": "Table {number}: {title}",
        "fr": f"Tableau {{number}}{_NNBSP}: {{title}}",
        "es": "Tabla {number}: {title}",
        "pt": "Tabela {number}: {title}",
    },
    "figure.caption": {
        "de": "Abbildung {number}: {title}",
        "en": "Figure {number}: {title}",
        "fr": f"Figure {{number}}{_NNBSP}: {{title}}",
        "es": "Figura {number}: {title}",
        "pt": "Figura {number}: {title}",
    },
    "money.about": {
        "de": "ca. {amount}",
        "en": "approx. {amount}",
        "fr": "env. {amount}",
        "es": "aprox. {amount}",
        "pt": "aprox. {amount}",
    },
    "money.in_year": {
        "de": "im Jahr {year}",
        "en": "in {year}",
        "fr": "en {year}",
        "es": "en {year}",
        "pt": "em {year}",
    },
    "money.recipient": {
        "de": "Mittelempfänger {municipality}",
        "en": "received by {municipality}",
        "fr": "bénéficiaire {municipality}",
        "es": "receptor {municipality}",
        "pt": "beneficiário {municipality}",
    },
    "money.by_year": {
        "de": "davon {parts}",
        "en": "of which {parts}",
        "fr": "dont {parts}",
        "es": "de ello {parts}",
        "pt": "dos quais {parts}",
    },
    "resources.total_cost": {
        "de": "Gesamtkosten der Maßnahmen mit Kostenangabe",
        "en": "Total cost of the measures that give one",
        "fr": "Coût total des mesures qui l’indiquent",
        "es": "Costo total de las medidas que lo indican",
        "pt": "Custo total das medidas que o indicam",
    },
    "resources.funded": {
        "de": "davon finanziert",
        "en": "of which funded",
        "fr": "dont financé",
        "es": "de ello financiado",
        "pt": "dos quais financiado",
    },
    "resources.gap": {
        "de": "Finanzierungslücke",
        "en": "Funding gap",
        "fr": "Besoin de financement non couvert",
        "es": "Brecha de financiamiento",
        "pt": "Lacuna de financiamento",
    },
    "resources.exchange_rate": {
        "de": "Umrechnung: 1 € = {rate} {currency}{detail}.",
        "en": "Conversion: €1 = {rate} {currency}{detail}.",
        "fr": "Conversion : 1 € = {rate} {currency}{detail}.",
        "es": "Conversión: 1 € = {rate} {currency}{detail}.",
        "pt": "Conversão: 1 € = {rate} {currency}{detail}.",
    },
    "resources.exchange_rate_as_of": {
        "de": "Stand {date}",
        "en": "as of {date}",
        "fr": "au {date}",
        "es": "al {date}",
        "pt": "em {date}",
    },
    "objective.interim": {
        "de": "Zwischenziel {value} ({year})",
        "en": "interim target {value} ({year})",
        "fr": "objectif intermédiaire {value} ({year})",
        "es": "meta intermedia {value} ({year})",
        "pt": "meta intermédia {value} ({year})",
    },
    "objective.source_line": {
        "de": "Quelle: {source}",
        "en": "Source: {source}",
        "fr": "Source : {source}",
        "es": "Fuente: {source}",
        "pt": "Fonte: {source}",
    },
    "objective.direction": {
        "de": "Richtung: {direction}",
        "en": "Direction: {direction}",
        "fr": "Sens : {direction}",
        "es": "Dirección: {direction}",
        "pt": "Sentido: {direction}",
    },
    "cover.publisher": {
        "de": "Herausgeber",
        "en": "Published by",
        "fr": "Éditeur",
        "es": "Editor",
        "pt": "Editor",
    },
    "cover.funded_by": {
        "de": "Gefördert durch",
        "en": "Funded by",
        "fr": "Financé par",
        "es": "Financiado por",
        "pt": "Financiado por",
    },
    "common.municipality": {
        "de": "Kommune",
        "en": "Municipality",
        "fr": "Commune",
        "es": "Municipio",
        "pt": "Município",
    },
    "objective.objective": {
        "de": "Ziel",
        "en": "Objective",
        "fr": "Objectif",
        "es": "Objetivo",
        "pt": "Objetivo",
    },
    "location.both_towns": {
        "de": "{german} und {partner}",
        "en": "{german} and {partner}",
        "fr": "{german} et {partner}",
        "es": "{german} y {partner}",
        "pt": "{german} e {partner}",
    },
    "resources.by_year_spread": {
        "de": "Beträge ohne Jahresangabe sind nach Monaten anteilig auf die Jahre der Laufzeit"
        " ihrer Maßnahme verteilt (bei laufenden Maßnahmen bis zum Ende des Programmzeitraums),"
        " auf die kleinste Währungseinheit gerundet; der Rundungsrest steht im letzten Jahr.",
        "en": "Amounts without a year are spread over the years of their measure's timeline in"
        " proportion to its months (for ongoing measures up to the end of the programme"
        " period), rounded to the smallest currency unit; the rounding remainder is in the"
        " last year.",
        "fr": "Les montants sans année sont répartis sur les années de la durée de leur mesure"
        " au prorata des mois (pour les mesures permanentes jusqu’à la fin de la période du"
        " programme), arrondis à la plus petite unité monétaire\u202f; le reste de l’arrondi figure"
        " dans la dernière année.",
        "es": "Los importes sin año se reparten entre los años de la duración de su medida en"
        " proporción a sus meses (en las medidas permanentes hasta el final del periodo del"
        " programa), redondeados a la unidad monetaria más pequeña; el resto del redondeo"
        " figura en el último año.",
        "pt": "Os montantes sem ano são distribuídos pelos anos da duração da sua medida em"
        " proporção aos meses (nas medidas permanentes até ao fim do período do programa),"
        " arredondados à menor unidade monetária; o resto do arredondamento figura no último"
        " ano.",
    },
    "resources.total": {
        "de": "Gesamt",
        "en": "Total",
        "fr": "Total",
        "es": "Total",
        "pt": "Total",
    },
    "resources.personnel_per_side": {
        "de": "Personaleinsatz je Kommune",
        "en": "Staff time per municipality",
        "fr": "Ressources humaines par commune",
        "es": "Recursos humanos por municipio",
        "pt": "Recursos humanos por município",
    },
    "resources.no_year": {
        "de": "ohne Jahresangabe",
        "en": "no year given",
        "fr": "année non précisée",
        "es": "sin año indicado",
        "pt": "sem ano indicado",
    },
    # -- responsibilities -----------------------------------------------------------
    "responsibilities.by_municipality": {
        "de": "Maßnahmen nach federführender Kommune",
        "en": "Measures by lead municipality",
        "fr": "Mesures par commune responsable",
        "es": "Medidas por municipio responsable",
        "pt": "Medidas por município responsável",
    },
    "responsibilities.by_department": {
        "de": "Maßnahmen nach Fachbereich",
        "en": "Measures by department",
        "fr": "Mesures par service",
        "es": "Medidas por unidad responsable",
        "pt": "Medidas por unidade responsável",
    },
    "responsibilities.measure_count": {
        "de": "Anzahl der Maßnahmen",
        "en": "Number of measures",
        "fr": "Nombre de mesures",
        "es": "Número de medidas",
        "pt": "Número de medidas",
    },
    "responsibilities.measures": {
        "de": "Maßnahmen",
        "en": "Measures",
        "fr": "Mesures",
        "es": "Medidas",
        "pt": "Medidas",
    },
    # -- monitoring -----------------------------------------------------------------
    "monitoring.responsible": {
        "de": "Verantwortlich",
        "en": "Responsible",
        "fr": "Responsable",
        "es": "Responsable",
        "pt": "Responsável",
    },
    "monitoring.frequency": {
        "de": "Turnus",
        "en": "Frequency",
        "fr": "Fréquence",
        "es": "Frecuencia",
        "pt": "Frequência",
    },
    "monitoring.method": {
        "de": "Vorgehen",
        "en": "Method",
        "fr": "Méthode",
        "es": "Método",
        "pt": "Método",
    },
    # -- outlook --------------------------------------------------------------------
    "outlook.financing": {
        "de": "Finanzierung",
        "en": "Financing",
        "fr": "Financement",
        "es": "Financiamiento",
        "pt": "Financiamento",
    },
    "outlook.next_steps": {
        "de": "Nächste Schritte",
        "en": "Next steps",
        "fr": "Prochaines étapes",
        "es": "Próximos pasos",
        "pt": "Próximos passos",
    },
    # -- council adoptions ----------------------------------------------------------
    "adoption.body": {
        "de": "Gremium",
        "en": "Adopting body",
        "fr": "Organe délibérant",
        "es": "Órgano de aprobación",
        "pt": "Órgão deliberativo",
    },
    "adoption.date": {
        "de": "Datum des Beschlusses",
        "en": "Date of resolution",
        "fr": "Date de la délibération",
        "es": "Fecha de la resolución",
        "pt": "Data da deliberação",
    },
    "adoption.reference": {
        "de": "Beschluss-Nr.",
        "en": "Reference",
        "fr": "Numéro de la délibération",
        "es": "N.º de resolución",
        "pt": "N.º da deliberação",
    },
    "adoption.adopted_by": {
        "de": "Beschlossen von {body} am {date}",
        "en": "Adopted by {body} on {date}",
        "fr": "Adopté par {body} le {date}",
        "es": "Aprobado por {body} el {date}",
        "pt": "Aprovado por {body} em {date}",
    },
    # -- signature page -------------------------------------------------------------
    "signature.place": {
        "de": "Ort",
        "en": "Place",
        "fr": "Lieu",
        "es": "Lugar",
        "pt": "Local",
    },
    "signature.date": {
        "de": "Datum",
        "en": "Date",
        "fr": "Date",
        "es": "Fecha",
        "pt": "Data",
    },
    "signature.place_and_date": {
        "de": "Ort, Datum",
        "en": "Place, date",
        "fr": "Lieu, date",
        "es": "Lugar y fecha",
        "pt": "Local e data",
    },
    "signature.signature": {
        "de": "Unterschrift",
        "en": "Signature",
        "fr": "Signature",
        "es": "Firma",
        "pt": "Assinatura",
    },
    "signature.name": {
        "de": "Name",
        "en": "Name",
        "fr": "Nom",
        "es": "Nombre",
        "pt": "Nome",
    },
    "signature.function": {
        "de": "Funktion",
        "en": "Position",
        "fr": "Fonction",
        "es": "Cargo",
        "pt": "Cargo",
    },
    "signature.for_municipality": {
        "de": "Für {municipality}",
        "en": "For {municipality}",
        "fr": "Pour {municipality}",
        "es": "Por {municipality}",
        "pt": "Por {municipality}",
    },
    "signature.mayor": {
        "de": "Bürgermeister/in",
        "en": "Mayor",
        "fr": "Maire",
        "es": "Alcalde / Alcaldesa",
        "pt": "Prefeito(a) / Presidente do Conselho Municipal",
    },
    "signature.seal": {
        "de": "Dienstsiegel",
        "en": "Official seal",
        "fr": "Cachet officiel",
        "es": "Sello oficial",
        "pt": "Carimbo oficial",
    },
    # -- closing clause of the signature page -----------------------------------------
    "signing.adopted": {
        "de": "Dieses gemeinsame Handlungsprogramm wurde von den zuständigen Gremien beider"
        " Kommunen beschlossen:",
        "en": "This joint programme of action was adopted by the competent bodies of both"
        " municipalities:",
        "fr": "Le présent programme d’action commun a été adopté par les organes compétents"
        f" des deux communes{_NNBSP}:",
        "es": "El presente programa de acción conjunto fue aprobado por los órganos"
        " competentes de ambos municipios:",
        "pt": "O presente programa de ação conjunto foi aprovado pelos órgãos competentes"
        " de ambos os municípios:",
    },
    "signing.resolution": {
        "de": "{body}, Beschluss vom {date}",
        "en": "{body}, resolution of {date}",
        "fr": "{body}, délibération du {date}",
        "es": "{body}, resolución del {date}",
        "pt": "{body}, deliberação de {date}",
    },
    "signing.originals": {
        "de": "Ausgefertigt in {count} Originalen, jedes in den Sprachen {german} und"
        " {language}; beide Sprachfassungen sind gleichermaßen verbindlich.",
        "en": "Done in {count} originals, each in {german} and {language}, both language"
        " versions being equally authentic.",
        "fr": "Fait en {count} exemplaires originaux, chacun en {german} et en {language},"
        " les deux versions linguistiques faisant également foi.",
        "es": "Hecho en {count} ejemplares originales, cada uno en {german} y en"
        " {language}; ambas versiones lingüísticas son igualmente auténticas.",
        "pt": "Feito em {count} exemplares originais, cada um em {german} e em {language},"
        " fazendo ambas as versões linguísticas igualmente fé.",
    },
    "signing.original": {
        "de": "Ausgefertigt in einem Original in den Sprachen {german} und {language};"
        " beide Sprachfassungen sind gleichermaßen verbindlich.",
        "en": "Done in one original in {german} and {language}, both language versions"
        " being equally authentic.",
        "fr": "Fait en un exemplaire original, en {german} et en {language}, les deux"
        " versions linguistiques faisant également foi.",
        "es": "Hecho en un ejemplar original, en {german} y en {language}; ambas"
        " versiones lingüísticas son igualmente auténticas.",
        "pt": "Feito em um único exemplar original, em {german} e em {language}, fazendo"
        " ambas as versões linguísticas igualmente fé.",
    },
    # the number of originals, spelled out as a clause spells it
    "signing.count_2": {"de": "zwei", "en": "two", "fr": "deux", "es": "dos", "pt": "dois"},
    "signing.count_3": {"de": "drei", "en": "three", "fr": "trois", "es": "tres", "pt": "três"},
    "signing.count_4": {"de": "vier", "en": "four", "fr": "quatre", "es": "cuatro", "pt": "quatro"},
    "signing.count_5": {"de": "fünf", "en": "five", "fr": "cinq", "es": "cinco", "pt": "cinco"},
    "signing.count_6": {"de": "sechs", "en": "six", "fr": "six", "es": "seis", "pt": "seis"},
    "signing.count_7": {"de": "sieben", "en": "seven", "fr": "sept", "es": "siete", "pt": "sete"},
    "signing.count_8": {"de": "acht", "en": "eight", "fr": "huit", "es": "ocho", "pt": "oito"},
    "signing.count_9": {"de": "neun", "en": "nine", "fr": "neuf", "es": "nueve", "pt": "nove"},
    "signing.count_10": {"de": "zehn", "en": "ten", "fr": "dix", "es": "diez", "pt": "dez"},
    # -- footer ---------------------------------------------------------------------
    "footer.page": {
        "de": "Seite {page} von {pages}",
        "en": "Page {page} of {pages}",
        "fr": "Page {page} sur {pages}",
        "es": "Página {page} de {pages}",
        "pt": "Página {page} de {pages}",
    },
    "footer.version": {
        "de": "Version {version}",
        "en": "Version {version}",
        "fr": "Version {version}",
        "es": "Versión {version}",
        "pt": "Versão {version}",
    },
    "footer.fingerprint": {
        "de": "Prüfsumme des Inhalts: {fingerprint}",
        "en": "Content fingerprint: {fingerprint}",
        "fr": f"Empreinte du contenu{_NNBSP}: {{fingerprint}}",
        "es": "Huella digital del contenido: {fingerprint}",
        "pt": "Impressão digital do conteúdo: {fingerprint}",
    },
    # -- draft marking --------------------------------------------------------------
    "draft.marking": {
        "de": "Entwurf",
        "en": "Draft",
        "fr": "Projet",
        "es": "Borrador",
        "pt": "Rascunho",
    },
    "draft.notice": {
        "de": "Entwurf – noch nicht beschlossen",
        "en": "Draft – not yet adopted",
        "fr": "Projet – pas encore adopté",
        "es": "Borrador – aún no aprobado",
        "pt": "Rascunho – ainda não aprovado",
    },
    "draft.open_findings": {
        "de": "Dieser Entwurf enthält offene Punkte; siehe Anhang.",
        "en": "This draft contains open issues; see the annex.",
        "fr": f"Ce projet comporte des points en suspens{_NNBSP}; voir l’annexe.",
        "es": "Este borrador contiene observaciones pendientes; véase el anexo.",
        "pt": "Este rascunho contém pontos pendentes; ver o anexo.",
    },
    # -- annex of open findings -----------------------------------------------------
    "findings.title": {
        "de": "Offene Punkte",
        "en": "Open issues",
        "fr": "Points en suspens",
        "es": "Observaciones pendientes",
        "pt": "Pontos pendentes",
    },
    "findings.intro": {
        "de": "Die folgenden Punkte sind vor der Beschlussfassung zu klären.",
        "en": "The following issues must be resolved before adoption.",
        "fr": "Les points suivants doivent être réglés avant l’adoption.",
        "es": "Las siguientes observaciones deben resolverse antes de la aprobación.",
        "pt": "Os seguintes pontos devem ser resolvidos antes da aprovação.",
    },
    "findings.code": {
        "de": "Prüfregel",
        "en": "Rule",
        "fr": "Règle",
        "es": "Regla",
        "pt": "Regra",
    },
    "findings.severity": {
        "de": "Schweregrad",
        "en": "Severity",
        "fr": "Gravité",
        "es": "Gravedad",
        "pt": "Gravidade",
    },
    "findings.location": {
        "de": "Fundstelle",
        "en": "Location",
        "fr": "Emplacement",
        "es": "Ubicación",
        "pt": "Localização",
    },
    "findings.finding": {
        "de": "Befund",
        "en": "Finding",
        "fr": "Constat",
        "es": "Observación",
        "pt": "Constatação",
    },
    "findings.none": {
        "de": "Keine offenen Punkte.",
        "en": "No open issues.",
        "fr": "Aucun point en suspens.",
        "es": "No hay observaciones pendientes.",
        "pt": "Não há pontos pendentes.",
    },
    # Keys are the values of checks.registry.Severity (tested there, not imported here:
    # the checks import the i18n package, so this module must not import the checks).
    "severity.error": {
        "de": "Fehler",
        "en": "Error",
        "fr": "Erreur",
        "es": "Error",
        "pt": "Erro",
    },
    "severity.warning": {
        "de": "Warnung",
        "en": "Warning",
        "fr": "Avertissement",
        "es": "Advertencia",
        "pt": "Aviso",
    },
    "severity.info": {
        "de": "Hinweis",
        "en": "Note",
        "fr": "Remarque",
        "es": "Nota",
        "pt": "Nota",
    },
    # -- common words ---------------------------------------------------------------
    "common.yes": {
        "de": "Ja",
        "en": "Yes",
        "fr": "Oui",
        "es": "Sí",
        "pt": "Sim",
    },
    "common.no": {
        "de": "Nein",
        "en": "No",
        "fr": "Non",
        "es": "No",
        "pt": "Não",
    },
    "common.not_specified": {
        "de": "keine Angabe",
        "en": "not specified",
        "fr": "non précisé",
        "es": "sin especificar",
        "pt": "não especificado",
    },
    # -- the two municipalities ("German side / partner side / both sides") -----------
    "side.german": {
        "de": "Deutsche Seite",
        "en": "German side",
        "fr": "Partie allemande",
        "es": "Parte alemana",
        "pt": "Parte alemã",
    },
    "side.partner": {
        "de": "Partnerseite",
        "en": "Partner side",
        "fr": "Partie partenaire",
        "es": "Parte socia",
        "pt": "Parte parceira",
    },
    "side.both": {
        "de": "Beide Seiten",
        "en": "Both sides",
        "fr": "Les deux parties",
        "es": "Ambas partes",
        "pt": "Ambas as partes",
    },
    "municipality.german": {
        "de": "Deutsche Kommune",
        "en": "German municipality",
        "fr": "Commune allemande",
        "es": "Municipio alemán",
        "pt": "Município alemão",
    },
    "municipality.partner": {
        "de": "Partnerkommune",
        "en": "Partner municipality",
        "fr": "Commune partenaire",
        "es": "Municipio socio",
        "pt": "Município parceiro",
    },
    # -- enum: Location (where a measure takes place) ---------------------------------
    "location.german": {
        "de": "Deutsche Kommune",
        "en": "German municipality",
        "fr": "Commune allemande",
        "es": "Municipio alemán",
        "pt": "Município alemão",
    },
    "location.partner": {
        "de": "Partnerkommune",
        "en": "Partner municipality",
        "fr": "Commune partenaire",
        "es": "Municipio socio",
        "pt": "Município parceiro",
    },
    "location.both": {
        "de": "Beide Kommunen",
        "en": "Both municipalities",
        "fr": "Les deux communes",
        "es": "Ambos municipios",
        "pt": "Ambos os municípios",
    },
    # -- enum: Pillar ---------------------------------------------------------------
    "pillar.mitigation": {
        "de": "Klimaschutz",
        "en": "Climate mitigation",
        "fr": "Atténuation",
        "es": "Mitigación",
        "pt": "Mitigação",
    },
    "pillar.adaptation": {
        "de": "Klimafolgen\u00adanpassung",
        "en": "Climate adaptation",
        "fr": "Adaptation",
        "es": "Adaptación",
        "pt": "Adaptação",
    },
    "pillar.both": {
        "de": "Klimaschutz und Klimafolgen\u00adanpassung",
        "en": "Mitigation and adaptation",
        "fr": "Atténuation et adaptation",
        "es": "Mitigación y adaptación",
        "pt": "Mitigação e adaptação",
    },
    # -- enum: MeasureStatus (feminine in fr/es/pt: it qualifies the measure) ----------
    "status.not_started": {
        "de": "Nicht begonnen",
        "en": "Not started",
        "fr": "Non commencée",
        "es": "No iniciada",
        "pt": "Não iniciada",
    },
    "status.planning": {
        "de": "In Planung",
        "en": "Planning",
        "fr": "En préparation",
        "es": "En planificación",
        "pt": "Em preparação",
    },
    "status.implementing": {
        "de": "In Umsetzung",
        "en": "Being implemented",
        "fr": "En cours de mise en œuvre",
        "es": "En ejecución",
        "pt": "Em execução",
    },
    "status.completed": {
        "de": "Abgeschlossen",
        "en": "Completed",
        "fr": "Achevée",
        "es": "Finalizada",
        "pt": "Concluída",
    },
    "status.ongoing": {
        "de": "Daueraufgabe",
        "en": "Ongoing",
        "fr": "Permanente",
        "es": "Permanente",
        "pt": "Permanente",
    },
    # -- enum: Priority (feminine in fr/es/pt: "priorité", "prioridad", "prioridade") --
    "priority.high": {
        "de": "Hoch",
        "en": "High",
        "fr": "Haute",
        "es": "Alta",
        "pt": "Alta",
    },
    "priority.medium": {
        "de": "Mittel",
        "en": "Medium",
        "fr": "Moyenne",
        "es": "Media",
        "pt": "Média",
    },
    "priority.low": {
        "de": "Niedrig",
        "en": "Low",
        "fr": "Basse",
        "es": "Baja",
        "pt": "Baixa",
    },
    # -- enum: FundingStatus (masculine: "financement", "financiamiento") --------------
    "funding_status.secured": {
        "de": "Gesichert",
        "en": "Secured",
        "fr": "Acquis",
        "es": "Asegurado",
        "pt": "Assegurado",
    },
    "funding_status.applied": {
        "de": "Beantragt",
        "en": "Applied for",
        "fr": "Demandé",
        "es": "Solicitado",
        "pt": "Solicitado",
    },
    "funding_status.planned": {
        "de": "Geplant",
        "en": "Planned",
        "fr": "Prévu",
        "es": "Previsto",
        "pt": "Previsto",
    },
    # -- enum: Hazard ---------------------------------------------------------------
    "hazard.heat": {
        "de": "Hitze",
        "en": "Extreme heat",
        "fr": "Chaleur extrême",
        "es": "Calor extremo",
        "pt": "Calor extremo",
    },
    "hazard.drought": {
        "de": "Dürre",
        "en": "Drought",
        "fr": "Sécheresse",
        "es": "Sequía",
        "pt": "Seca",
    },
    "hazard.water_scarcity": {
        "de": "Wasserknappheit",
        "en": "Water scarcity",
        "fr": "Pénurie d’eau",
        "es": "Escasez de agua",
        "pt": "Escassez de água",
    },
    "hazard.heavy_rain": {
        "de": "Starkregen",
        "en": "Heavy rainfall",
        "fr": "Fortes pluies",
        "es": "Lluvias intensas",
        "pt": "Chuvas intensas",
    },
    "hazard.flash_flood": {
        "de": "Sturzflut",
        "en": "Flash flood",
        "fr": "Crue éclair",
        "es": "Inundación repentina",
        "pt": "Inundação repentina",
    },
    "hazard.flood": {
        "de": "Hochwasser",
        "en": "Flooding",
        "fr": "Inondations",
        "es": "Inundaciones",
        "pt": "Inundações",
    },
    "hazard.storm": {
        "de": "Stürme",
        "en": "Storms",
        "fr": "Tempêtes",
        "es": "Tormentas",
        "pt": "Tempestades",
    },
    "hazard.sea_level_rise": {
        "de": "Meeres\u00adspiegel\u00adanstieg",
        "en": "Sea-level rise",
        "fr": "Élévation du niveau de la mer",
        "es": "Aumento del nivel del mar",
        "pt": "Elevação do nível do mar",
    },
    "hazard.coastal_erosion": {
        "de": "Küstenerosion",
        "en": "Coastal erosion",
        "fr": "Érosion côtière",
        "es": "Erosión costera",
        "pt": "Erosão costeira",
    },
    "hazard.wildfire": {
        "de": "Wald- und Flächenbrände",
        "en": "Wildfires",
        "fr": "Feux de végétation",
        "es": "Incendios forestales",
        "pt": "Incêndios florestais",
    },
    "hazard.landslide": {
        "de": "Erdrutsche",
        "en": "Landslides",
        "fr": "Glissements de terrain",
        "es": "Deslizamientos de tierra",
        "pt": "Deslizamentos de terra",
    },
    "hazard.soil_erosion": {
        "de": "Bodenerosion",
        "en": "Soil erosion",
        "fr": "Érosion des sols",
        "es": "Erosión del suelo",
        "pt": "Erosão do solo",
    },
    "hazard.vector_borne_disease": {
        "de": "Durch Vektoren übertragene Krankheiten",
        "en": "Vector-borne diseases",
        "fr": "Maladies à transmission vectorielle",
        "es": "Enfermedades transmitidas por vectores",
        "pt": "Doenças transmitidas por vetores",
    },
    "hazard.saltwater_intrusion": {
        "de": "Versalzung des Grundwassers",
        "en": "Saltwater intrusion",
        "fr": "Intrusion saline",
        "es": "Intrusión salina",
        "pt": "Intrusão salina",
    },
    "hazard.cold_spell": {
        "de": "Kältewelle",
        "en": "Cold spell",
        "fr": "Vague de froid",
        "es": "Ola de frío",
        "pt": "Onda de frio",
    },
    "hazard.other": {
        "de": "Sonstige",
        "en": "Other",
        "fr": "Autre",
        "es": "Otra",
        "pt": "Outra",
    },
    # -- enum: Level (likelihood and impact; masculine, agreeing with "niveau/nivel") --
    "level.low": {
        "de": "Gering",
        "en": "Low",
        "fr": "Faible",
        "es": "Bajo",
        "pt": "Baixo",
    },
    "level.medium": {
        "de": "Mittel",
        "en": "Medium",
        "fr": "Moyen",
        "es": "Medio",
        "pt": "Médio",
    },
    "level.high": {
        "de": "Hoch",
        "en": "High",
        "fr": "Élevé",
        "es": "Alto",
        "pt": "Alto",
    },
    # -- enum: Frequency (spelled out where the adjective would be ambiguous) --------
    "frequency.monthly": {
        "de": "Monatlich",
        "en": "Monthly",
        "fr": "Tous les mois",
        "es": "Mensual",
        "pt": "Mensal",
    },
    "frequency.quarterly": {
        "de": "Vierteljährlich",
        "en": "Quarterly",
        "fr": "Tous les trimestres",
        "es": "Trimestral",
        "pt": "Trimestral",
    },
    "frequency.semi_annually": {
        "de": "Halbjährlich",
        "en": "Every six months",
        "fr": "Tous les six mois",
        "es": "Semestral",
        "pt": "Semestral",
    },
    "frequency.annually": {
        "de": "Jährlich",
        "en": "Annually",
        "fr": "Une fois par an",
        "es": "Anual",
        "pt": "Anual",
    },
    "frequency.biennially": {
        "de": "Alle zwei Jahre",
        "en": "Every two years",
        "fr": "Tous les deux ans",
        "es": "Cada dos años",
        "pt": "De dois em dois anos",
    },
    # -- enum: MunicipalityKind -----------------------------------------------------
    "municipality_kind.city": {
        "de": "Stadt",
        "en": "City",
        "fr": "Ville",
        "es": "Ciudad",
        "pt": "Cidade",
    },
    "municipality_kind.municipality": {
        "de": "Gemeinde",
        "en": "Municipality",
        "fr": "Commune",
        "es": "Municipio",
        "pt": "Município",
    },
    "municipality_kind.district": {
        "de": "Landkreis",
        "en": "District",
        "fr": "District",
        "es": "Distrito",
        "pt": "Distrito",
    },
    "municipality_kind.town": {
        "de": "Stadt",
        "en": "Town",
        "fr": "Ville",
        "es": "Ciudad",
        "pt": "Cidade",
    },
    "municipality_kind.town_council": {
        "de": "Stadtgemeinde",
        "en": "Town Council",
        "fr": "Conseil municipal",
        "es": "Concejo municipal",
        "pt": "Conselho Municipal",
    },
    "municipality_kind.municipal_council": {
        "de": "Stadtverwaltung",
        "en": "Municipal Council",
        "fr": "Conseil municipal",
        "es": "Concejo municipal",
        "pt": "Conselho Municipal",
    },
    "municipality_kind.district_municipality": {
        "de": "Distriktgemeinde",
        "en": "District municipality",
        "fr": "Commune de district",
        "es": "Municipio distrital",
        "pt": "Município distrital",
    },
    "municipality_kind.metropolitan_municipality": {
        "de": "Großstadtgemeinde",
        "en": "Metropolitan municipality",
        "fr": "Commune métropolitaine",
        "es": "Municipio metropolitano",
        "pt": "Município metropolitano",
    },
    # -- enum: PartnershipKind ------------------------------------------------------
    "partnership_kind.twinning": {
        "de": "Städtepartnerschaft",
        "en": "Twinning",
        "fr": "Jumelage",
        "es": "Hermanamiento",
        "pt": "Geminação",
    },
    "partnership_kind.thematic": {
        "de": "Thematische Partnerschaft",
        "en": "Thematic partnership",
        "fr": "Partenariat thématique",
        "es": "Asociación temática",
        "pt": "Parceria temática",
    },
    # -- enum: PersonnelUnit (written after a number: "40 Personentage") -------------
    "personnel_unit.person_days": {
        "de": "Personentage",
        "en": "person-days",
        "fr": "jours-personnes",
        "es": "días-persona",
        "pt": "dias-pessoa",
    },
    "personnel_unit.person_months": {
        "de": "Personenmonate",
        "en": "person-months",
        "fr": "mois-personnes",
        "es": "meses-persona",
        "pt": "meses-pessoa",
    },
    "personnel_unit.fte": {
        "de": "VZÄ",
        "en": "FTE",
        "fr": "ETP",
        "es": "ETC",
        "pt": "ETI",
    },
    # -- enum: LeadSide ----------------------------------------------------------------
    "lead_side.german": {
        "de": "deutsche Kommune",
        "en": "German municipality",
        "fr": "Commune allemande",
        "es": "Municipio alemán",
        "pt": "Município alemão",
    },
    "lead_side.partner": {
        "de": "Partnerkommune",
        "en": "Partner municipality",
        "fr": "Commune partenaire",
        "es": "Municipio socio",
        "pt": "Município parceiro",
    },
    "lead_side.both": {
        "de": "beide Kommunen gemeinsam",
        "en": "both municipalities jointly",
        "fr": "les deux communes conjointement",
        "es": "ambos municipios conjuntamente",
        "pt": "ambos os municípios em conjunto",
    },
    # -- enum: Direction ---------------------------------------------------------------
    "direction.increase": {
        "de": "steigern",
        "en": "increase",
        "fr": "augmenter",
        "es": "aumentar",
        "pt": "aumentar",
    },
    "direction.decrease": {
        "de": "senken",
        "en": "decrease",
        "fr": "réduire",
        "es": "reducir",
        "pt": "reduzir",
    },
    "direction.maintain": {
        "de": "halten",
        "en": "maintain",
        "fr": "maintenir",
        "es": "mantener",
        "pt": "manter",
    },
    # -- charts for both readers (issue 16) -----------------------------------------------
    "chart.interim_target": {
        "de": "Zwischenziel",
        "en": "Interim target",
        "fr": "Objectif intermédiaire",
        "es": "Meta intermedia",
        "pt": "Meta intermédia",
    },
    "chart.indicator_note": {
        "de": "Jede Skala beginnt bei 0; ±\u202f% = Veränderung vom Ausgangs- zum Zielwert",
        "en": "Each scale starts at 0; ±\u202f% = change from baseline to target value",
        "fr": "Chaque échelle commence à 0\u202f; ±\u202f% = variation de la valeur de référence à la valeur cible",
        "es": "Cada escala empieza en 0; ±\u202f% = variación de la línea de base a la meta",
        "pt": "Cada escala começa em 0; ±\u202f% = variação da linha de base à meta",
    },
    "chart.indicators_scale_alt": {
        "de": "Jede Skala beginnt bei 0; Zwischenziele sind als Punkte eingetragen, die Veränderung vom Ausgangs- zum Zielwert steht in Prozent über jeder Grafik.",
        "en": "Each scale starts at 0; interim targets are shown as points, the change from baseline to target in per cent above each chart.",
        "fr": "Chaque échelle commence à 0\u202f; les objectifs intermédiaires sont marqués par des points, la variation de la valeur de référence à la valeur cible figure en pourcentage au-dessus de chaque graphique.",
        "es": "Cada escala empieza en 0; las metas intermedias se muestran como puntos y la variación de la línea de base a la meta, en porcentaje, sobre cada gráfico.",
        "pt": "Cada escala começa em 0; as metas intermédias são mostradas como pontos e a variação da linha de base à meta, em percentagem, sobre cada gráfico.",
    },
    "chart.values_alt": {
        "de": "Die Werte stehen an den Balken.",
        "en": "Each bar carries its value.",
        "fr": "Chaque barre porte sa valeur.",
        "es": "Cada barra lleva su valor.",
        "pt": "Cada barra indica o seu valor.",
    },
}
"""Key → language → text. Texts may contain ``str.format`` placeholders (``{page}``)."""

ENUM_PREFIXES: Final[Mapping[type[StrEnum], str]] = MappingProxyType(
    {
        Side: "side",
        Location: "location",
        Pillar: "pillar",
        MunicipalityKind: "municipality_kind",
        PartnershipKind: "partnership_kind",
        Priority: "priority",
        MeasureStatus: "status",
        FundingStatus: "funding_status",
        PersonnelUnit: "personnel_unit",
        Hazard: "hazard",
        Level: "level",
        Frequency: "frequency",
        LeadSide: "lead_side",
        Direction: "direction",
    }
)
"""Key prefix of each model enum: a member's label is ``f"{prefix}.{member.value}"``."""


def personnel_key(unit: PersonnelUnit, *, inline: bool = False) -> str:
    """The label key of a personnel unit: as a heading (``measure.person_days``,
    "Personentage") or after a number (``unit.person_days``, "person-days")."""
    return f"{'unit' if inline else 'measure'}.{unit.value}"


def base_language(lang: str) -> str:
    """The language of ``lang`` without region or script: ``pt_BR``, ``pt-BR`` → ``pt``."""
    return lang.replace("-", "_").split("_", 1)[0].lower()


def label_language(lang: str) -> LabelLang:
    """The catalogue language for content language ``lang``.

    A content language can be any ISO 639-1 code; documents in, say, Swahili still
    need headings. Such languages get the English labels (:data:`FALLBACK_LANGUAGE`).
    Region or script suffixes are ignored, so ``pt_BR`` and ``pt-BR`` give ``pt``.
    """
    base = base_language(lang)
    for candidate in LABEL_LANGUAGES:
        if candidate == base:
            return candidate
    return FALLBACK_LANGUAGE


def label(key: str, lang: str, /, **params: object) -> str:
    """The text of ``key`` in ``lang``, with ``params`` filled in by ``str.format``.

    Raises ``KeyError`` naming the key (and close matches) when it is unknown, and
    naming the missing parameter when a placeholder is not given: a template with a
    typo should fail loudly while it is written, not print an empty cell.
    """
    try:
        texts = LABELS[key]
    except KeyError:
        close = difflib.get_close_matches(key, LABELS, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"unknown label key {key!r}{hint}") from None
    text = texts[label_language(lang)]
    if not params and not placeholders(text):
        return text
    try:
        return text.format(**params)
    except KeyError as exc:
        raise KeyError(
            f"label {key!r} needs the parameter {exc.args[0]!r}"
            f" (placeholders: {', '.join(sorted(placeholders(text)))})"
        ) from None


def enum_label(member: StrEnum, lang: str) -> str:
    """The label of a model enum member, e.g. ``Pillar.MITIGATION`` → "Klimaschutz"."""
    prefix = ENUM_PREFIXES.get(type(member))
    if prefix is None:
        known = ", ".join(sorted(cls.__name__ for cls in ENUM_PREFIXES))
        raise TypeError(f"no labels for enum {type(member).__name__}; labelled enums: {known}")
    return label(f"{prefix}.{member.value}", lang)


def catalogue(lang: str) -> dict[str, str]:
    """Every label in one language (placeholders unfilled): the template's view."""
    chosen = label_language(lang)
    return {key: texts[chosen] for key, texts in LABELS.items()}


def placeholders(text: str) -> frozenset[str]:
    """The ``str.format`` field names in ``text``, e.g. ``{"page", "pages"}``."""
    return frozenset(
        field for _, field, _, _ in string.Formatter().parse(text) if field is not None
    )
