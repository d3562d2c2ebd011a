"""The choices a build takes, defined where nothing heavy is imported.

The command line declares its options with these types before it knows which command
runs; defining them next to the renderer or the converter would load python-docx,
matplotlib and pyHanko for ``--version`` or ``check``. The modules that act on them
(:mod:`~handlungsprogramm.render.writer`, :mod:`~handlungsprogramm.render.docx`,
:mod:`~handlungsprogramm.build`, :mod:`~handlungsprogramm.pdf.convert`) import them
from here and keep exporting them under their old names.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["DEFAULT_TIMEOUT", "Layout", "Mode", "Target"]


class Layout(StrEnum):
    """How the two languages are arranged."""

    SIDE_BY_SIDE = "side-by-side"
    SEQUENTIAL = "sequential"


class Mode(StrEnum):
    """Draft or final; ``auto`` is draft exactly when completeness errors remain."""

    AUTO = "auto"
    DRAFT = "draft"
    FINAL = "final"


class Target(StrEnum):
    """The formats :func:`~handlungsprogramm.build.build_files` writes: Word (``docx``)
    and PDF (``pdf``)."""

    DOCX = "docx"
    PDF = "pdf"


DEFAULT_TIMEOUT = 120.0
"""Seconds a single document may take in LibreOffice; a batch gets this per document."""
