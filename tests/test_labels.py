"""The label catalogue is complete, consistent and uses the glossary's terms."""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from handlungsprogramm.checks import Severity
from handlungsprogramm.i18n.labels import (
    ENUM_PREFIXES,
    LABEL_LANGUAGES,
    LABELS,
    catalogue,
    enum_label,
    label,
    label_language,
    placeholders,
)
from handlungsprogramm.model import LABEL_LANGUAGES as MODEL_LABEL_LANGUAGES
from handlungsprogramm.model import Hazard, MeasureStatus, Pillar, Side, enums

TRANSLATED = tuple(lang for lang in LABEL_LANGUAGES if lang != "de")

MODEL_ENUMS: tuple[type[StrEnum], ...] = tuple(
    obj
    for name in enums.__all__
    if isinstance(obj := getattr(enums, name), type) and issubclass(obj, StrEnum)
)

# A translation identical to the German text is usually an untranslated copy. These are
# the exceptions where the word really is the same in both languages.
ALLOWED_IDENTICAL: dict[tuple[str, str], str] = {
    ("cover.version", "en"): "same word in English",
    ("changes.codes", "en"): "same word in English",
    ("changes.codes", "fr"): "same word in French",
    ("cover.version", "fr"): "same word in French",
    ("footer.version", "en"): "same word in English",
    ("footer.version", "fr"): "same word in French",
    ("measure.partner", "en"): "same word in English",
    ("signature.name", "en"): "same word in English",
}

# Terms of the glossary in design/domain.md, per catalogue key.
GLOSSARY: dict[str, dict[str, str]] = {
    "doc.programme_of_action": {
        "de": "Gemeinsames Handlungsprogramm",
        "en": "Joint Programme of Action",
        "fr": "Programme d'action commun",
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
    "pillar.mitigation": {
        "de": "Klimaschutz",
        "en": "Climate mitigation",
        "fr": "Atténuation",
        "es": "Mitigación",
        "pt": "Mitigação",
    },
    "pillar.adaptation": {
        "de": "Klimafolgenanpassung",
        "en": "Climate adaptation",
        "fr": "Adaptation",
        "es": "Adaptación",
        "pt": "Adaptação",
    },
    "section.vision": {
        "de": "Gemeinsame Vision",
        "en": "Joint vision",
        "fr": "Vision commune",
        "es": "Visión conjunta",
        "pt": "Visão conjunta",
    },
    "foa.field": {
        "de": "Handlungsfeld",
        "en": "Field of action",
        "fr": "Domaine d'action",
        "es": "Campo de acción",
        "pt": "Área de ação",
    },
    "foa.guiding_principle": {
        "de": "Leitlinie",
        "en": "Guiding principle",
        "fr": "Principe directeur",
        "es": "Principio rector",
        "pt": "Princípio orientador",
    },
    "objective.strategic": {
        "de": "Strategisches Ziel",
        "en": "Strategic objective",
        "fr": "Objectif stratégique",
        "es": "Objetivo estratégico",
        "pt": "Objetivo estratégico",
    },
    "objective.operational": {
        "de": "Operatives Ziel",
        "en": "Operational objective",
        "fr": "Objectif opérationnel",
        "es": "Objetivo operativo",
        "pt": "Objetivo operacional",
    },
    "measure.measure": {
        "de": "Maßnahme",
        "en": "Measure",
        "fr": "Mesure",
        "es": "Medida",
        "pt": "Medida",
    },
    "objective.indicator": {
        "de": "Indikator",
        "en": "Indicator",
        "fr": "Indicateur",
        "es": "Indicador",
        "pt": "Indicador",
    },
    "measure.lead": {
        "de": "Federführung",
        "en": "Lead",
        "fr": "Responsable principal",
        "es": "Responsable principal",
        "pt": "Responsável principal",
    },
    "measure.timeline": {
        "de": "Zeitplan",
        "en": "Timeline",
        "fr": "Calendrier",
        "es": "Cronograma",
        "pt": "Cronograma",
    },
    "draft.marking": {
        "de": "Entwurf",
        "en": "Draft",
        "fr": "Projet",
        "es": "Borrador",
        "pt": "Rascunho",
    },
}

# Keys the Word template relies on; renaming one breaks the template.
REQUIRED_KEYS = (
    "doc.programme_of_action",
    "doc.climate_partnership",
    "doc.climate_mitigation",
    "doc.climate_adaptation",
    "cover.version",
    "cover.date",
    "cover.period",
    "cover.partnership_since",
    "toc.title",
    "section.vision",
    "section.preamble",
    "section.background",
    "section.baseline",
    "baseline.challenge",
    "baseline.affected",
    "baseline.plans",
    "baseline.projects",
    "baseline.hazards",
    "baseline.hazard",
    "baseline.likelihood",
    "baseline.impact",
    "baseline.description",
    "section.fields_of_action",
    "foa.guiding_principle",
    "objective.strategic",
    "objective.operational",
    "objective.target_year",
    "objective.indicator",
    "objective.unit",
    "objective.baseline_value",
    "objective.target_value",
    "objective.year",
    "objective.source",
    "measures.code",
    "measures.title",
    "measures.pillar",
    "measures.lead",
    "measures.period",
    "measures.budget",
    "measure.description",
    "measure.field_of_action",
    "measure.objectives",
    "measure.location",
    "measure.lead_municipality",
    "measure.department",
    "measure.contact",
    "measure.partners",
    "measure.role",
    "measure.timeline",
    "measure.start",
    "measure.end",
    "measure.ongoing",
    "measure.resources",
    "measure.personnel",
    "measure.person_days",
    "measure.fte",
    "measure.money",
    "measure.amount",
    "measure.currency",
    "measure.funding_source",
    "measure.funding_status",
    "measure.material",
    "measure.institutional",
    "measure.priority",
    "measure.status",
    "measure.estimated_reduction",
    "measure.reduction_per_year",
    "unit.t_co2e_per_year",
    "measure.hazards",
    "measure.milestones",
    "measure.milestone_reached",
    "resources.totals_per_currency",
    "resources.by_funding_source",
    "resources.by_funding_status",
    "resources.by_pillar",
    "resources.by_field_of_action",
    "resources.by_year",
    "resources.total",
    "resources.personnel_per_side",
    "responsibilities.by_municipality",
    "responsibilities.by_department",
    "monitoring.responsible",
    "monitoring.frequency",
    "monitoring.method",
    "outlook.financing",
    "outlook.next_steps",
    "adoption.body",
    "adoption.date",
    "adoption.reference",
    "section.signatures",
    "signature.place",
    "signature.date",
    "signature.signature",
    "signature.name",
    "signature.function",
    "signature.for_municipality",
    "footer.page",
    "footer.version",
    "footer.fingerprint",
    "draft.marking",
    "findings.code",
    "findings.severity",
    "findings.location",
    "findings.finding",
    "side.german",
    "side.partner",
    "side.both",
)


def _apostrophes(text: str) -> str:
    return text.replace("’", "'")


def test_label_languages_are_the_models() -> None:
    """The catalogue languages are the model's label languages, German first."""
    assert LABEL_LANGUAGES == MODEL_LABEL_LANGUAGES
    assert LABEL_LANGUAGES[0] == "de"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_key_has_a_text_in_every_language(key: str) -> None:
    """Every key has a non-empty, trimmed text in exactly the five languages."""
    texts = LABELS[key]
    assert tuple(texts) == LABEL_LANGUAGES
    for lang, text in texts.items():
        assert text.strip(), f"{key} is empty in {lang}"
        assert text == text.strip(), f"{key} has surrounding whitespace in {lang}"
        assert "  " not in text, f"{key} has a double space in {lang}"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_keys_are_dotted_and_grouped(key: str) -> None:
    """Keys are `group.name` in lower case, so templates can rely on one shape."""
    assert re.fullmatch(r"[a-z][a-z_]*\.[a-z][a-z0-9_]*", key)


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_the_template_keys_exist(key: str) -> None:
    """Every key the document template uses is in the catalogue."""
    assert key in LABELS


def test_every_model_enum_has_a_prefix() -> None:
    """Each enum of the model is mapped to a key prefix, and prefixes are unique."""
    assert MODEL_ENUMS
    assert set(ENUM_PREFIXES) == set(MODEL_ENUMS)
    assert len(set(ENUM_PREFIXES.values())) == len(ENUM_PREFIXES)


@pytest.mark.parametrize("enum_cls", MODEL_ENUMS, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("lang", LABEL_LANGUAGES)
def test_every_enum_member_has_a_label(enum_cls: type[StrEnum], lang: str) -> None:
    """Every member of every model enum has a non-empty label in every language."""
    for member in enum_cls:
        assert f"{ENUM_PREFIXES[enum_cls]}.{member.value}" in LABELS
        assert enum_label(member, lang).strip()


@pytest.mark.parametrize("lang", LABEL_LANGUAGES)
def test_every_severity_has_a_label(lang: str) -> None:
    """The findings annex can name every severity of the checks."""
    for severity in Severity:
        assert label(f"severity.{severity.value}", lang).strip()


def test_enum_label_reads_the_catalogue() -> None:
    """`enum_label` finds the member's key: pillar, status, hazard, side."""
    assert enum_label(Pillar.MITIGATION, "de") == "Klimaschutz"
    assert enum_label(Pillar.ADAPTATION, "fr") == "Adaptation"
    assert enum_label(MeasureStatus.NOT_STARTED, "es") == "No iniciada"
    assert enum_label(Hazard.SEA_LEVEL_RISE, "pt") == "Elevação do nível do mar"
    assert enum_label(Side.PARTNER, "en") == "Partner side"


def test_enum_label_refuses_an_enum_without_labels() -> None:
    """An enum the catalogue does not know is a programming error, named as such."""
    with pytest.raises(TypeError, match="no labels for enum Severity"):
        enum_label(Severity.ERROR, "de")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_differ_from_german(lang: str) -> None:
    """No translation is a copy of the German text unless it is on the allow-list."""
    copies = {
        (key, lang)
        for key, texts in LABELS.items()
        if texts[lang] == texts["de"] and (key, lang) not in ALLOWED_IDENTICAL
    }
    assert not copies


@pytest.mark.parametrize("entry", sorted(ALLOWED_IDENTICAL))
def test_allow_list_entries_are_still_needed(entry: tuple[str, str]) -> None:
    """Every allow-list entry names a key whose text really equals the German one."""
    key, lang = entry
    assert LABELS[key][lang] == LABELS[key]["de"]


@pytest.mark.parametrize("key", sorted(LABELS))
def test_placeholders_agree_across_languages(key: str) -> None:
    """A placeholder such as {page} appears in every language or in none."""
    expected = placeholders(LABELS[key]["de"])
    for lang in TRANSLATED:
        assert placeholders(LABELS[key][lang]) == expected, f"{key} in {lang}"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_french_typography(key: str) -> None:
    """French texts use the typographic apostrophe and a no-break space before : ; ? !."""
    text = LABELS[key]["fr"]
    assert "'" not in text
    for match in re.finditer(r"[:;?!]", text):
        assert match.start() > 0
        assert text[match.start() - 1] in "\u00a0\u202f", f"{key}: {text!r}"


@pytest.mark.parametrize("key", sorted(GLOSSARY))
def test_glossary_terms_are_used(key: str) -> None:
    """Glossary terms appear exactly as the glossary spells them (apostrophe and soft hyphens aside)."""
    for lang, term in GLOSSARY[key].items():
        assert _apostrophes(LABELS[key][lang]).replace("\u00ad", "") == term


def test_label_fills_placeholders() -> None:
    """Parameters are filled in with str.format."""
    assert label("footer.page", "de", page=3, pages=12) == "Seite 3 von 12"
    assert label("footer.page", "fr", page=3, pages=12) == "Page 3 sur 12"
    assert label("measure.numbered", "es", code="M-07") == "Medida M-07"


def test_label_without_parameters() -> None:
    """A label without placeholders needs no parameters."""
    assert label("draft.marking", "pt") == "Rascunho"


def test_unknown_key_names_the_key_and_close_matches() -> None:
    """A typo in a template fails with the key and a suggestion."""
    with pytest.raises(KeyError, match=r"unknown label key 'footer\.pag'.*footer\.page"):
        label("footer.pag", "de")


def test_missing_parameter_is_named() -> None:
    """Forgetting a parameter says which one the label needs."""
    with pytest.raises(KeyError, match=r"label 'footer\.page' needs the parameter 'pages'"):
        label("footer.page", "en", page=1)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "de"),
        ("fr", "fr"),
        ("pt", "pt"),
        ("pt_BR", "pt"),
        ("es-BO", "es"),
        ("sw", "en"),
        ("am", "en"),
    ],
)
def test_label_language(lang: str, expected: str) -> None:
    """Content languages without a catalogue of their own fall back to English."""
    assert label_language(lang) == expected


def test_labels_for_other_content_languages_are_english() -> None:
    """A Swahili document gets English labels rather than an error."""
    assert label("draft.marking", "sw") == "Draft"
    assert enum_label(Pillar.ADAPTATION, "sw") == "Climate adaptation"


def test_catalogue_is_one_language() -> None:
    """`catalogue` gives every key in one language, for the template context."""
    french = catalogue("fr")
    assert set(french) == set(LABELS)
    assert french["draft.marking"] == "Projet"
    assert catalogue("sw") == catalogue("en")


def test_responsibilities_measures_column() -> None:
    """The measures column of the responsibilities has its own plain label in every language."""
    assert {lang: label("responsibilities.measures", lang) for lang in LABEL_LANGUAGES} == {
        "de": "Maßnahmen",
        "en": "Measures",
        "fr": "Mesures",
        "es": "Medidas",
        "pt": "Medidas",
    }


# German compounds in narrow table columns, with their soft hyphens shown as "-".
SOFT_HYPHENATED = {
    ("baseline.likelihood", "de"): "Eintritts-wahr-schein-lich-keit",
    ("baseline.impact", "de"): "Schadens-ausmaß",
    ("hazard.sea_level_rise", "de"): "Meeres-spiegel-anstieg",
    ("objective.baseline_value", "de"): "Ausgangs-wert",
    ("measures.lead", "de"): "Feder-führung",
    ("pillar.adaptation", "de"): "Klimafolgen-anpassung",
}


@pytest.mark.parametrize(("entry", "expected"), sorted(SOFT_HYPHENATED.items()))
def test_long_compounds_break_at_syllables(entry: tuple[str, str], expected: str) -> None:
    """Words too long for their table column carry soft hyphens at syllable boundaries."""
    key, lang = entry
    assert LABELS[key][lang].replace("\u00ad", "-") == expected


@pytest.mark.parametrize("key", sorted(LABELS))
def test_soft_hyphens_stand_inside_words(key: str) -> None:
    """A soft hyphen only ever stands between two letters (never doubled, never at an edge)."""
    for lang, text in LABELS[key].items():
        for match in re.finditer("\u00ad", text):
            before, after = text[match.start() - 1 : match.start()], text[match.end() :][:1]
            assert before.isalpha(), f"{key} in {lang}: {text!r}"
            assert after.isalpha(), f"{key} in {lang}: {text!r}"
