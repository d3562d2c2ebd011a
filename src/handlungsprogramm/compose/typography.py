"""Typography for the programme's texts: the spaces a French reader expects, and one
apostrophe in every language.

French sets a narrow no-break space (U+202F) before ``;``, ``:``, ``!`` and ``?`` and
inside guillemets (« … »), so a line never starts with a lone colon or closing
guillemet, and uses one apostrophe, the typographic one (’), as the labels do. Texts
typed on a keyboard carry plain spaces and the straight apostrophe; here they are set
as the labels are, so one page never shows two typographies. Only spacing and the
apostrophe's glyph change, never a word. Code spans (`` `…` ``) and web addresses
are left exactly as written.
"""

from __future__ import annotations

import re

from handlungsprogramm.i18n.labels import base_language

__all__ = ["typeset"]

_NARROW = "\u202f"
_PROTECTED = re.compile(r"`[^`]*`|<[^>\s]+>|\]\([^)\s]*\)|\b(?:https?|ftp|mailto):\S+|\S+@\S+")
"""Code spans, autolinks, Markdown link targets, addresses, e-mail: never touched."""
_BEFORE = re.compile(r"[ \u00a0]+(?=[;:!?»])")
"""Plain or no-break spaces before high punctuation or a closing guillemet."""
_AFTER = re.compile(r"(?<=«)[ \u00a0]+")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def typeset(text: str, lang: str) -> str:
    """``text`` as ``lang`` sets it in print: French spacing for French; in every
    language the typographic apostrophe, as the labels have it (a German text quoting a
    French name, "Centre d'appui", showed the two apostrophes on one page)."""
    if not text:
        return text
    french = base_language(lang) == "fr"
    out, start = [], 0
    for match in _PROTECTED.finditer(text):
        out.append(_set(text[start : match.start()], french))
        out.append(match.group())
        start = match.end()
    out.append(_set(text[start:], french))
    return "".join(out)


def _set(text: str, french: bool) -> str:
    if french:
        text = _BEFORE.sub(_NARROW, text)
        text = _AFTER.sub(_NARROW, text)
    return _APOSTROPHE.sub("\u2019", text)
