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

__all__ = ["DEFAULT_TIMEOUT", "DRAFT_KEYWORD", "Layout", "Level", "Mode", "Target"]


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


DRAFT_KEYWORD = "Entwurf"
"""The first keyword of a draft's PDF (the German draft marking): ``sign`` refuses a
file that carries it, ``build`` gives it to every draft."""


class Level(StrEnum):
    """PAdES baseline levels of a signature: how long it stays verifiable.

    ``B-B`` is the signature alone; ``B-T`` adds a time stamp from a time-stamping
    authority, proving the signature existed then; ``B-LT`` also embeds what a verifier
    needs years later (the certificates, CRLs and OCSP answers); ``B-LTA`` adds a document
    time stamp over all of it, which can be renewed before its algorithms age.
    """

    B_B = "B-B"
    B_T = "B-T"
    B_LT = "B-LT"
    B_LTA = "B-LTA"
