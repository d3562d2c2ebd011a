"""ASCII names for files and PDF fields, from municipality names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_SLUG", "slugify"]

# German umlauts are written out (Säckingen → saeckingen), as Germans do in addresses.
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

MAX_SLUG = 100
"""Longest slug: a file name (at most 255 bytes) also carries a suffix, and a temporary
file's name a prefix; two 300-character municipality names would not fit."""


def slugify(text: str, fallback: str = "programme") -> str:
    """Lower-case ASCII words joined by hyphens: ``Commune de Kidira`` → ``commune-de-kidira``.

    At most :data:`MAX_SLUG` characters, cut after a whole word where there is one.
    """
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_GERMAN))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:MAX_SLUG]
    return slug or fallback
