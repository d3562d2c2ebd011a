"""Rules on texts: every text in both languages of the programme, and the main sections present."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from handlungsprogramm.checks.registry import Hit, Severity, rule
from handlungsprogramm.location import Path
from handlungsprogramm.model import Programme, Text

__all__ = ["iter_texts"]


def iter_texts(node: object, path: Path = ()) -> Iterator[tuple[Path, Text]]:
    """Every :class:`Text` in a model tree, with its field path, in document order."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_texts(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from iter_texts(item, (*path, index))


@rule(
    "HP101",
    Severity.ERROR,
    title=("Text missing in a language", "Text fehlt in einer Sprache"),
    message=("the text is missing in {language_name}", "der Text fehlt auf {language_name}"),
    fix=(
        "write the {language_name} text under `{language}:`",
        "den Text auf {language_name} unter `{language}:` eintragen",
    ),
)
def text_in_both_languages(programme: Programme) -> Iterator[Hit]:
    """Both councils adopt the same text, so every text must exist in both languages."""
    for path, text in iter_texts(programme):
        for lang in programme.languages:
            if lang not in text.languages:
                yield (*path, lang), {"language": lang}


@rule(
    "HP102",
    Severity.ERROR,
    title=("Text in an undeclared language", "Text in einer nicht angegebenen Sprache"),
    message=(
        "the text has a version in {language_name}, which is not one of the programme's"
        " languages ({languages})",
        "der Text hat eine Fassung in der Sprache {language_name}, die nicht zu den"
        " Sprachen des Programms gehört ({languages})",
    ),
    fix=(
        "rename the key to one of {languages}, or change `languages:`",
        "den Schlüssel in eine der Sprachen {languages} umbenennen oder `languages:` ändern",
    ),
)
def text_only_declared_languages(programme: Programme) -> Iterator[Hit]:
    """A third language would be silently dropped from the documents: say so instead."""
    declared = ", ".join(programme.languages)
    for path, text in iter_texts(programme):
        for lang in text.languages:
            if lang not in programme.languages:
                yield (*path, lang), {"language": lang, "languages": declared}


@rule(
    "HP104",
    Severity.WARNING,
    title=(
        "Translation made from an earlier German text",
        "Übersetzung aus einem früheren deutschen Text",
    ),
    message=(
        "the German text has changed since the {language_name} text was translated from it",
        "der deutsche Text hat sich geändert, seit der Text auf {language_name} aus ihm"
        " übersetzt wurde",
    ),
    fix=(
        "bring the translation up to date (`handlungsprogramm export FILE --to xliff`"
        " offers it for review), then confirm it: `handlungsprogramm translations confirm"
        " FILE {text}`",
        "die Übersetzung anpassen (`handlungsprogramm export DATEI --to xliff` bietet sie zur"
        " Prüfung an), dann bestätigen: `handlungsprogramm translations confirm DATEI {text}`",
    ),
    error_when_final=True,
)
def translation_current(programme: Programme) -> Iterator[Hit]:
    """The councils adopt both versions as equally binding: a translation made from an
    earlier German text says something else. A warning while drafting, since the German
    changes first after every workshop; an error for the final document."""
    if not programme.translated_from:
        return  # nothing recorded, nothing can be outdated: no walk over every text
    from handlungsprogramm.translation.units import State, text_units

    lang = programme.partner_language
    for unit in text_units(programme):
        if unit.state is State.OUTDATED:
            yield (*unit.path, lang), {"language": lang, "text": unit.id}


_SECTIONS = {
    "vision": ("the joint vision", "die gemeinsame Vision"),
    "background": ("the background", "den Hintergrund"),
    "monitoring": ("monitoring and evaluation", "Monitoring und Evaluation"),
    "outlook": ("the outlook", "den Ausblick"),
}


@rule(
    "HP103",
    Severity.WARNING,
    title=("Section missing", "Abschnitt fehlt"),
    message=(
        "the programme has no section for {section}",
        "dem Programm fehlt der Abschnitt für {section}",
    ),
    fix=("add `{key}:` with its texts", "`{key}:` mit den Texten ergänzen"),
)
def sections_present(programme: Programme) -> Iterator[Hit]:
    """Published programmes all have these sections; a missing one is usually forgotten."""
    for key, words in _SECTIONS.items():
        if getattr(programme, key) is None:
            yield (key,), {"section": words, "key": key}
