"""ASCII names for files and PDF fields, from municipality names."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify"]

# German umlauts are written out (Säckingen → saeckingen), as Germans do in addresses.
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slugify(text: str, fallback: str = "programme") -> str:
    """Lower-case ASCII words joined by hyphens: ``Commune de Kidira`` → ``commune-de-kidira``."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_GERMAN))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or fallback
