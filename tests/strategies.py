"""Hypothesis strategies: hostile user text, and the free-text fields of a programme to put it in.

``hostile_text()`` mixes what a programme's author (or an attacker) can type: any
Unicode scalar value, the characters XML 1.0 cannot hold, Jinja and docxtpl syntax,
Markdown, raw HTML and XML, right-to-left and combining characters, emoji sequences,
and, sparingly, very long strings. ``TEXT_FIELDS`` lists every field of
:func:`rich_data` that holds free text, found by trying which strings the model takes.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st
from pydantic import ValidationError

from handlungsprogramm import Programme
from tests.conftest import complete_data

__all__ = [
    "CONSTRAINED_FIELDS",
    "MARKDOWN_FIELDS",
    "NOT_SHOWN",
    "TEMPLATE_FIELDS",
    "TEXT_FIELDS",
    "WHITE_SPACE",
    "XML_INVALID",
    "Edit",
    "FieldPath",
    "displayed",
    "edited_programmes",
    "get_path",
    "hostile_text",
    "is_markdown",
    "plain_words",
    "rich_data",
    "set_path",
    "text_fields",
]

FieldPath = tuple[str | int, ...]
Edit = tuple[FieldPath, str]

# pydantic trims the Unicode White_Space characters (Rust's trim), a narrower set than
# Python's str.strip(), which also removes the ASCII separators \x1c-\x1f.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)

# XML 1.0, production [2]: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
# | [#x10000-#x10FFFF]. Written from the specification, not copied from the renderer.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# -- hostile text ------------------------------------------------------------------------

_CONTROLS = "".join(map(chr, range(0x20))) + "\x7f" + "".join(map(chr, range(0x80, 0xA0)))
_NONCHARACTERS = "\ufdd0\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff"

JINJA = (
    "{{ x }}", "{{ 7*7 }}", "{% if x %}", "{% endif %}", "{# comment", "#}", "{% raw %}",
    "{% endraw %}", "{{", "}}", "{%", "%}", "{%- for i in range(9) -%}", "{{ ''.__class__ }}",
    "{{ cycler.__init__.__globals__ }}", "{% include 'x' %}", "{{ programme.title }}",
)  # fmt: skip
DOCXTPL = (
    "{%p if x %}", "{%p endif %}", "{%tr for r in rows %}", "{%tc x %}", "{{r x }}", "{{p x }}",
    "{{p blocks.cover }}", "{%r x %}", "{_{", "}_}", "{_%", "%_}",
)  # fmt: skip
MARKDOWN = (
    "**", "*", "_", "__bold__", "# Heading", "\n# Heading\n", "## ", "[a](javascript:x)",
    "[b](https://example.org)", "[c][r]\n\n[r]: https://example.org", "![img](x.png)",
    "<https://example.org>", "| a | b |\n|---|---|\n| 1 | 2 |", "- item\n- item\n  - nested",
    "1. one\n2. two", "99999999. big", "> quote", "```\ncode\n```", "`code`", "    indented",
    "\\*", "\\", "---", "===", "  \n", "- - - - - - - - - - - - - - - - - - - - - - - - x",
    "> > > > > > > > > > > > > > > > > > > > > > > > > x", "[[[[[[[[[[[[[[[[[[[[[[[[",
)  # fmt: skip
MARKUP = (
    "<w:p>", "</w:t>", "<w:r><w:t>x</w:t></w:r>", "</w:body>", "]]>", "<![CDATA[x]]>",
    "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;", "&amp;", "&#65;", "&lt;",
    "&#0;", "&#xFFFE;", "<script>alert(1)</script>", "<b>bold</b>", "<!-- c -->", "\"'", "&",
    "<?xml version='1.0'?>", '<a href="javascript:alert(1)">x</a>',
)  # fmt: skip
SCRIPTS = (
    "مرحبا بالعالم", "שלום", "\u202e", "\u202dabc\u202c", "\u200f", "\u200e", "\u2067x\u2069",
    "e\u0301", "e" + "\u0301" * 60, "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357",
    "\u0915\u094d\u0937", "ባሕር ዳር", "漢字", "🌍", "👩\u200d👩\u200d👧\u200d👦",
    "🏳\ufe0f\u200d🌈", "\u200d", "\ufeff", "\u00ad", "ǅ", "ﷺ", "ß", "İ",
)  # fmt: skip
SPACES = ("\t", "\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\xa0", "\u3000", " ", "  ")
GROUPS = (JINJA, DOCXTPL, MARKDOWN, MARKUP, SCRIPTS, SPACES)

_any_char = st.characters(codec="utf-8")  # every scalar value; lone surrogates cannot be UTF-8
_fragment = st.one_of(*(st.sampled_from(group) for group in GROUPS))  # each kind as likely
_short = st.one_of(
    st.text(_any_char, max_size=40),
    st.text(st.sampled_from(_CONTROLS + _NONCHARACTERS), min_size=1, max_size=8),
    _fragment,
    st.lists(
        st.one_of(_fragment, st.text(_any_char, max_size=6), st.sampled_from(_CONTROLS)),
        min_size=2,
        max_size=8,
    ).map("".join),
)


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // max(len(piece), 1) + 1))[:size]


_long = st.builds(
    _repeat,
    st.one_of(_fragment, st.text(_any_char, min_size=1, max_size=12)),
    st.integers(min_value=5_000, max_value=40_000),
)


def hostile_text() -> st.SearchStrategy[str]:
    """Text a user can type, chosen to break documents: see the module docstring.

    A very long string (5,000 to 40,000 characters) comes in about one draw in
    twelve; shrinking moves towards the short ones.
    """
    return st.integers(min_value=0, max_value=11).flatmap(lambda n: _long if n == 11 else _short)


# Letters, marks, digits and emoji joined by single spaces: no Markdown syntax, nothing a
# Markdown renderer changes, so the words must appear exactly as written.
_word_char = st.one_of(
    st.characters(categories=("Lu", "Ll", "Lt", "Lo", "Nd"), codec="utf-8"),
    st.sampled_from(("é", "e\u0301", "ß", "ب", "ש", "ክ", "漢", "🌍", "👩\u200d👧", "\u0301")),
)
_word = st.builds(
    lambda first, rest: first + "".join(rest),
    st.characters(categories=("Lu", "Ll", "Lo"), codec="utf-8"),
    st.lists(_word_char, max_size=12),
)


def plain_words() -> st.SearchStrategy[str]:
    """Words in any script (RTL, combining marks, emoji) without Markdown metacharacters.

    At most 40 characters, so that every text field takes them (the version is the shortest).
    """
    return st.lists(_word, min_size=1, max_size=6).map(lambda words: " ".join(words)[:40].strip())


# -- the programme and its text fields ----------------------------------------------------


def _t(de: str, fr: str) -> dict[str, str]:
    return {"de": de, "fr": fr}


def rich_data() -> dict[str, Any]:
    """The complete programme of ``conftest`` with every optional text field filled in."""
    data = complete_data()
    data["subtitle"] = _t("Untertitel", "Sous-titre")
    data["preamble"] = _t("Vorwort", "Préambule")
    data["partnership"]["kind"] = "twinning"
    data["baseline"] = {
        "german": {
            "challenges": [
                {
                    "challenge": _t("Hitze", "Chaleur"),
                    "affected": _t("Ältere", "Personnes âgées"),
                    "plans": _t("Hitzeplan", "Plan canicule"),
                    "projects": _t("Trinkbrunnen", "Fontaines"),
                }
            ],
            "hazards": [
                {
                    "hazard": "heat",
                    "description": _t("Heiße Sommer", "Étés chauds"),
                    "likelihood": "high",
                    "impact": "medium",
                }
            ],
        },
        # no text here: the partner's baseline only keeps the programme complete (HP506)
        "partner": {"hazards": [{"hazard": "drought", "likelihood": "high", "impact": "high"}]},
    }
    field = data["fields_of_action"][0]
    field["guiding_principle"] = _t("Leitlinie", "Principe directeur")
    field["strategic_objectives"][0]["operational_objectives"][0]["indicator"]["source"] = (
        "Statistikamt"
    )
    measure = data["measures"][0]
    measure["lead"]["contact"] = {
        "name": "Moussa Beispiel",
        "email": "m@example.org",
        "phone": "+221 00 000",
    }
    measure["partners"] = [
        {"name": "Stadtwerke", "role": _t("Technik", "Technique")},
        {"name": _t("Verein", "Association")},
    ]
    measure["milestones"] = [{"date": "2025-06", "title": _t("Ausschreibung", "Appel d'offres")}]
    measure["resources"]["material"] = _t("Pumpen", "Pompes")
    measure["resources"]["institutional"] = _t("Ausschuss", "Comité")
    measure["resources"]["money"][0]["year"] = 2025
    data["measures"][1]["resources"]["personnel"][0]["note"] = _t("Gärtner", "Jardinier")
    data["monitoring"]["method"] = _t("Berichte", "Rapports")
    data["outlook"]["financing"] = _t("Fördermittel", "Subventions")
    data["signatories"][0]["place"] = "Pfinztal-Berghausen"
    return data


def get_path(data: Any, path: FieldPath) -> Any:
    """The value at ``path`` inside nested dicts and lists."""
    for part in path:
        data = data[part]
    return data


def set_path(data: Any, path: FieldPath, value: object) -> None:
    """Replace the value at ``path`` (which must exist) inside nested dicts and lists."""
    get_path(data, path[:-1])[path[-1]] = value


def _string_leaves(value: Any, path: FieldPath = ()) -> Iterator[FieldPath]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_leaves(item, (*path, index))


# Takes any string, but is a file name relative to the programme, not text for the document.
_PATHS = frozenset({"logo"})
_PROBE = "Freier Text – texte libre {x} <y> & 'z'"


def _refuses(path: FieldPath, value: str) -> bool:
    """Whether the model refuses :func:`rich_data` with ``value`` at ``path``."""
    data = copy.deepcopy(_RICH)
    set_path(data, path, value)
    try:
        Programme.model_validate(data)
    except ValidationError:
        return True
    return False


def _text_fields() -> tuple[FieldPath, ...]:
    """The string leaves that take prose; codes, enums, dates, currencies, e-mails do not."""
    Programme.model_validate(_RICH)  # the base must load, or every probe fails
    return tuple(
        path
        for path in _string_leaves(_RICH)
        if not any(part in _PATHS for part in path) and not _refuses(path, _PROBE)
    )


_RICH = rich_data()

TEXT_FIELDS: tuple[FieldPath, ...] = _text_fields()
"""Every string leaf of :func:`rich_data` that is free text (titles, names, texts …)."""

_MARKDOWN_PARENTS: tuple[FieldPath, ...] = (
    ("vision",),
    ("preamble",),
    ("background",),
    ("fields_of_action", 0, "guiding_principle"),
    ("measures", 0, "description"),
    ("measures", 1, "description"),
    ("monitoring", "responsible"),
    ("monitoring", "method"),
    ("outlook", "financing"),
    ("outlook", "next_steps"),
)
MARKDOWN_FIELDS = frozenset(p for p in TEXT_FIELDS if p[:-1] in _MARKDOWN_PARENTS)
"""The fields rendered as Markdown (the model says "Markdown allowed"; sections decide)."""

NOT_SHOWN = frozenset(
    p
    for p in TEXT_FIELDS
    if p[-2:] == ("indicator", "source") or ("personnel" in p and "note" in p)
)
"""Fields the standard document does not print: an indicator's data source, a personnel note."""


TEMPLATE_FIELDS: tuple[FieldPath, ...] = (
    ("title", "de"),
    ("title", "fr"),
    ("subtitle", "de"),
    ("subtitle", "fr"),
    ("version",),
)
"""Fields the standard template prints through Jinja variables (cover title, footer),
not through the renderer's own paragraphs: a different path to the same document."""


CONSTRAINED_FIELDS: tuple[FieldPath, ...] = tuple(
    p for p in TEXT_FIELDS if _refuses(p, "") or _refuses(p, "x" * 1000)
)
"""Free-text fields with a minimum or maximum length (names, the version)."""


def is_markdown(path: FieldPath) -> bool:
    """Whether ``path`` is rendered as Markdown, so its text is not shown character for character."""
    return path in MARKDOWN_FIELDS


def text_fields() -> st.SearchStrategy[FieldPath]:
    """One of :data:`TEXT_FIELDS`; half the time one whose text takes a path of its own."""
    special = tuple(dict.fromkeys(TEMPLATE_FIELDS + CONSTRAINED_FIELDS))
    return st.one_of(st.sampled_from(TEXT_FIELDS), st.sampled_from(special))


def displayed(text: str) -> str:
    """What a plain (not Markdown) text reads as in the document, per the documented steps.

    pydantic trims white space on loading; the renderer removes what XML cannot hold,
    and the model trims again; a carriage return is a line break in Word, which
    python-docx reads back as a line feed.
    """
    shown = XML_INVALID.sub("", text.strip(WHITE_SPACE)).strip(WHITE_SPACE)
    return shown.replace("\r", "\n")


@st.composite
def edited_programmes(
    draw: st.DrawFn, texts: st.SearchStrategy[str] | None = None, max_edits: int = 3
) -> tuple[dict[str, Any], list[Edit]]:
    """:func:`rich_data` with one to ``max_edits`` distinct text fields set to drawn text."""
    paths = draw(st.lists(text_fields(), min_size=1, max_size=max_edits, unique=True))
    data = copy.deepcopy(_RICH)
    edits: list[Edit] = []
    for path in paths:
        text = draw(hostile_text() if texts is None else texts)
        set_path(data, path, text)
        edits.append((path, text))
    return data, edits
