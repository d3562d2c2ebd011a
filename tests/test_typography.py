"""French typography: narrow no-break spaces before ; : ! ? and inside « », one apostrophe.

Asserted on the typesetting function, on the label catalogue and on every partner
text of the French example's document plan (the words the Word file is written from).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from handlungsprogramm import load
from handlungsprogramm.checks import check
from handlungsprogramm.compose.chapters import Composer, chapters
from handlungsprogramm.compose.plan import (
    FieldTable,
    Heading,
    Markdown,
    MeasureSheets,
    Node,
    Para,
    Table,
)
from handlungsprogramm.compose.typography import typeset
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.i18n.labels import catalogue
from handlungsprogramm.totals import compute_totals
from tests.conftest import EXAMPLE

NNBSP = "\u202f"
_WRONG_SPACE = re.compile(r"(?:[ \u00a0][;:!?»]|«[ \u00a0])")
_STRAIGHT = re.compile(r"\w'\w")
_ADDRESS = re.compile(r"`[^`]*`|\]\([^)]*\)|https?:\S+|\S+@\S+")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("égal à égal : elles", f"égal à égal{NNBSP}: elles"),
        ("Pourquoi ? Parce que ; enfin !", f"Pourquoi{NNBSP}? Parce que{NNBSP}; enfin{NNBSP}!"),
        ("« Set Setal »", f"«{NNBSP}Set Setal{NNBSP}»"),
        ("«\u00a0déjà\u00a0»", f"«{NNBSP}déjà{NNBSP}»"),
        ("Programme d'action", "Programme d\u2019action"),
        ("l'une de l'autre", "l\u2019une de l\u2019autre"),
        ("heure: 10:30", "heure: 10:30"),  # no space, nothing to set
        ("voir `a : b`", "voir `a : b`"),
        (
            "[l'exemple](https://a.example/c'd?x=1) !",
            f"[l\u2019exemple](https://a.example/c'd?x=1){NNBSP}!",
        ),
        ("https://a.example/x?y=1 : lien", f"https://a.example/x?y=1{NNBSP}: lien"),
        ("écrire à jean@exemple.fr ; merci", f"écrire à jean@exemple.fr{NNBSP}; merci"),
    ],
)
def test_french_is_set_as_french(text: str, expected: str) -> None:
    assert typeset(text, "fr") == expected


@pytest.mark.parametrize("lang", ["en", "es", "pt", "de"])
def test_other_languages_get_the_apostrophe_only(lang: str) -> None:
    """Their spacing is left as written; the apostrophe is the labels' one everywhere."""
    text = "Hello : it's « here » ? `it's`"
    assert typeset(text, lang) == "Hello : it\u2019s « here » ? `it's`"


def test_french_labels_use_one_space_and_one_apostrophe() -> None:
    """The catalogue itself: every French label is already set (none relies on typeset)."""
    for key, text in catalogue("fr").items():
        assert not _WRONG_SPACE.search(text), key
        assert not _STRAIGHT.search(text), key


def _texts(nodes: tuple[Node, ...]) -> Iterator[str]:
    for node in nodes:
        match node:
            case MeasureSheets():
                for sheet in node.sheets():
                    yield from _texts(sheet)
            case Heading(Bi() as title) | Para(Bi() as title) | Markdown(title):
                yield title.partner
            case Table(header, rows):
                for cell in (*header, *(c for row in rows for c in row)):
                    yield from _cell(cell)
            case FieldTable(rows):
                for row in rows:
                    yield row.label.partner
                    yield from _cell(row.partner)


def _cell(cell: object) -> Iterator[str]:
    if isinstance(cell, Bi):
        yield cell.partner
    elif isinstance(cell, tuple):
        for item in cell:
            yield from _cell(item)


def test_every_french_text_of_the_example_is_set_as_french() -> None:
    """Labels, values and the programme's own texts: no plain space before a colon,
    no straight apostrophe, anywhere in the French column of Pfinztal – Kidira."""
    programme = load(EXAMPLE)
    assert programme.partner_language == "fr"
    composer = Composer(programme, compute_totals(programme), check(programme), "0" * 64, {})
    seen = 0
    for plan in chapters(composer, draft=True).values():
        for text in _texts(plan() or ()):
            bare = _ADDRESS.sub("", text)
            assert not _WRONG_SPACE.search(bare), text
            assert not _STRAIGHT.search(bare), text
            seen += 1
    assert seen > 500  # the whole document was looked at, not an empty plan
