"""What the programme remembers about its translations: from which German text each was made.

German texts change after every workshop; the partner-language text made from the
earlier German silently falls behind. A record keeps short fingerprints of a
translation and of the German text it was made from (written by ``handlungsprogramm
import`` of a translator's file and by ``translations confirm``), so ``check`` can tell
when the German has changed since (rule HP104) and ``export`` offers the text again for
review.

The records are bookkeeping, not content: they are not part of the programme's content
fingerprint, so recording a translation does not change what the councils sign.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from handlungsprogramm.model.base import Model

__all__ = ["TEXT_ID_PATTERN", "TextId", "TranslationRecord"]

TEXT_ID_PATTERN = r"^[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*$"
"""A text's stable id: its field path with codes for coded items, parts joined by ``/``."""

TextId = Annotated[
    str,
    Field(
        pattern=TEXT_ID_PATTERN,
        max_length=300,
        examples=["measures/M-07/description", "fields_of_action/1/title", "vision"],
    ),
]


_FINGERPRINT = r"^[0-9a-f]{8}$"


class TranslationRecord(Model):
    """One translation and the German text it was made from, as two fingerprints.

    The pair, not the text's place, decides: a translation is current when it was
    recorded with today's German text, and outdated when it was recorded only with
    another one. So an item moved, renumbered or given a new code keeps its record."""

    text: TextId
    """Which text it was recorded for: its id, e.g. `measures/M-07/description` (items
    with a code are named by it, others by their position from 0)."""
    german: str = Field(pattern=_FINGERPRINT, examples=["3f9a1c2e"])
    """The first 8 hex digits of the SHA-256 of the German text (NFC) the translation
    was made from."""
    translation: str = Field(pattern=_FINGERPRINT, examples=["b07c41d2"])
    """The same of the translation itself."""
