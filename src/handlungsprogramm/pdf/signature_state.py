"""The state of a signature field while it is judged, and the report that comes of it.

A module of its own so that the parts of the verification (:mod:`.verification`
judging signatures and what changed after them, :mod:`.levels` the PAdES level) share
one record without importing each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

__all__ = ["FieldReport", "Judged", "Message"]

Message = tuple[str, str]
"""A finding in English and German."""


@dataclass(frozen=True, slots=True)
class FieldReport:
    """The state of one signature field, and what was found wrong with it.

    ``findings`` say, in English and German, what changed after the signature, what
    in the signature cannot be read, or why the field should not be there;
    ``trust_problem`` says why a signer is not trusted (None when trusted or unsigned).
    """

    field: str
    signed: bool
    signer: str = ""
    signing_time: dt.datetime | None = None
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    changes_permitted: bool = False
    covers_whole_file: bool = False
    findings: tuple[Message, ...] = ()
    trust_problem: Message | None = None
    timestamp: dt.datetime | None = None
    """When a time-stamping authority confirmed the signature existed (None: no time stamp)."""
    level: str = ""
    """The PAdES level reached: ``B-B``, ``B-T``, ``B-LT`` or ``B-LTA`` ("" unsigned)."""
    validation_data: bool = False
    """Whether the file carries this signature's validation data (CRLs, OCSP answers)."""

    @property
    def ok(self) -> bool:
        """Signed, intact, valid, and nothing after it but what we allow."""
        return self.signed and self.intact and self.valid and self.changes_permitted


@dataclass(slots=True)
class Judged:
    """A signed field while it is being judged."""

    name: str
    embedded: EmbeddedPdfSignature | None
    report: FieldReport
    revision: int = -1
    level: ModificationLevel | None = None
    findings: list[Message] = field(default_factory=list)
    timestamped: bool = False
    """A valid time stamp: the signature's own, or the document time stamp itself."""
