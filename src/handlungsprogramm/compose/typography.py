"""Typography for the programme's texts: the spaces a French reader expects, one
apostrophe in every language, and each language's quotation marks.

French sets a narrow no-break space (U+202F) before ``;``, ``:``, ``!`` and ``?`` and
inside guillemets (« … »), so a line never starts with a lone colon or closing
guillemet, and uses one apostrophe, the typographic one (’), as the labels do. Texts
typed on a keyboard carry plain spaces, the straight apostrophe and straight double
quotes ("…"); here they are set as the labels are, so one page never shows two
typographies, and a quotation reads as each language prints one: „…“ in German, “…”
in English, «…» in Spanish and Portuguese, « … » in French. Only spacing and the
glyphs of apostrophes and quotation marks change, never a word. Code spans
(`` `…` ``), web addresses and Markdown link targets are left exactly as written.
"""

from __future__ import annotations

import re

from handlungsprogramm.i18n.labels import base_language

__all__ = ["typeset"]

_NARROW = "\u202f"
_PROTECTED = re.compile(r"`[^`]*`|<[^>\s]+>|\]\([^)]*\)|\b(?:https?|ftp|mailto):\S+|\S+@\S+")
"""Code spans, autolinks, Markdown link targets, addresses, e-mail: never touched."""
_BEFORE = re.compile(r"[ \u00a0]+(?=[;:!?»])")
"""Plain or no-break spaces before high punctuation or a closing guillemet."""
_AFTER = re.compile(r"(?<=«)[ \u00a0]+")
_APOSTROPHE = re.compile(r"(?<=[\w*_])'(?=[\w*_])|(?<=\w)'(?=\w)")
"""An apostrophe inside a word, also at Markdown emphasis (``l'**atténuation**``)."""
_POSSESSIVE = re.compile(r"(?<=[A-Za-z]s)'(?=[\s.,;:!?)*_]|$)")
"""English plural possessive ("the councils' resolutions"): the apostrophe after the s."""
_OPENING = re.compile(r'(?:(?<=^)|(?<=[\s(\[{\u2013\u2014/*_]))"(?=\S)')
"""A straight double quote that opens: at the start or after a space, bracket, dash or
Markdown emphasis (``**"…"**``), before a character."""
_CLOSING = re.compile(r'(?<=\S)"')
"""One that closes: after a character. One between spaces is no quotation: it stays."""
_QUOTES = {"de": ("\u201e", "\u201c"), "en": ("\u201c", "\u201d"), "es": ("«", "»"),
           "pt": ("«", "»"), "fr": ("«" + _NARROW, _NARROW + "»")}  # fmt: skip
"""Opening and closing quotation marks by language (a language not listed keeps the
straight ones)."""


def typeset(text: str, lang: str) -> str:
    """``text`` as ``lang`` sets it in print: French spacing for French; in every
    language the typographic apostrophe, as the labels have it (a German text quoting a
    French name, "Centre d'appui", showed the two apostrophes on one page)."""
    if not text:
        return text
    base = base_language(lang)
    out, start = [], 0
    for match in _PROTECTED.finditer(text):
        out.append(_set(text[start : match.start()], base))
        out.append(match.group())
        start = match.end()
    out.append(_set(text[start:], base))
    return "".join(out)


def _set(text: str, lang: str) -> str:
    if '"' in text and lang in _QUOTES:
        opening, closing = _QUOTES[lang]
        text = _CLOSING.sub(closing, _OPENING.sub(opening, text))
    if lang == "fr":
        text = _BEFORE.sub(_NARROW, text)
        text = _AFTER.sub(_NARROW, text)
    if lang == "en":
        text = _POSSESSIVE.sub("\u2019", text)
    return _APOSTROPHE.sub("\u2019", text)
