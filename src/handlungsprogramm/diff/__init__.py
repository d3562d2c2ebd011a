"""Comparing two drafts of a programme: what changed, by code, for the partner and the
councils.

:func:`compare` returns a typed :class:`ChangeSet`; ``handlungsprogramm diff`` prints it
as text or JSON (``handlungsprogramm.diff/1``) or writes it as a bilingual change
document (DOCX, PDF).
"""

from __future__ import annotations

from handlungsprogramm.diff.changes import DIFF_FORMAT, Change, ChangeSet, Kind, Summary, Version
from handlungsprogramm.diff.compare import compare

__all__ = ["DIFF_FORMAT", "Change", "ChangeSet", "Kind", "Summary", "Version", "compare"]
