"""A fingerprint of the programme's content, so both sides can confirm they sign the same text.

SHA-256 over a canonical JSON form: keys sorted, no insignificant white space,
decimals as strings, UTF-8. Two files that differ only in formatting, comments or key
order have the same fingerprint; any change of content changes it.
"""

from __future__ import annotations

import hashlib
import json

from handlungsprogramm.model import Programme

__all__ = ["CONTENT_EXCLUDES", "canonical_json", "fingerprint", "grouped", "short_fingerprint"]


CONTENT_EXCLUDES = frozenset({"translated_from"})
"""Fields that are bookkeeping, not content: which German text a translation was made
from changes nothing the councils adopt, so recording it keeps the fingerprint."""


def canonical_json(programme: Programme) -> bytes:
    """The canonical byte form the fingerprint is computed over."""
    data = programme.model_dump(mode="json", exclude_none=True, exclude=set(CONTENT_EXCLUDES))
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def fingerprint(programme: Programme) -> str:
    """The full SHA-256 of the content, 64 hex digits."""
    return hashlib.sha256(canonical_json(programme)).hexdigest()


def short_fingerprint(programme: Programme | str) -> str:
    """The first 16 hex digits in groups of four (``3f2a 9c41 07be d5e0``), for footers.

    Pass the full fingerprint when it is already known, to hash only once.
    """
    return grouped((programme if isinstance(programme, str) else fingerprint(programme))[:16])


def grouped(digits: str) -> str:
    """Hex digits in groups of four, as people read them aloud and compare them."""
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
