"""The chapters of the standard structure, each planned by its own module.

:func:`chapters` names every block a template may place and how to plan it;
a chapter is planned only when asked for (the template may leave it out).
"""

from __future__ import annotations

from collections.abc import Callable

from handlungsprogramm.compose.chapters import (
    closing,
    front,
    measures,
    objectives,
    resources,
    signing,
    situation,
    summary,
)
from handlungsprogramm.compose.chapters.base import MISSING, Composer
from handlungsprogramm.compose.plan import Section

__all__ = ["CHAPTERS", "MISSING", "Composer", "chapters"]

CHAPTERS = (
    "cover",
    "imprint",
    "summary",
    "abbreviations",
    "references",
    "vision",
    "preamble",
    "background",
    "baseline",
    "fields",
    "objectives",
    "measures_overview",
    "measures",
    "resources",
    "responsibilities",
    "monitoring",
    "outlook",
    "adoptions",
    "signatures",
    "findings",
)
"""Every block name, in the standard template's order."""


def chapters(c: Composer, *, draft: bool) -> dict[str, Callable[[], Section | None]]:
    """A planner for every chapter by block name; ``findings`` only in a draft."""
    p = c.programme
    planners: dict[str, Callable[[], Section | None]] = {
        "cover": lambda: front.cover(c),
        "imprint": lambda: front.imprint(c),
        "summary": lambda: summary.summary(c),
        "abbreviations": lambda: front.abbreviations(c),
        "references": lambda: front.references(c),
        "vision": lambda: front.text(c, p.vision),
        "preamble": lambda: front.text(c, p.preamble),
        "background": lambda: front.text(c, p.background),
        "baseline": lambda: situation.baseline(c),
        "fields": lambda: situation.fields(c),
        "objectives": lambda: objectives.objectives(c),
        "measures_overview": lambda: measures.overview(c),
        "measures": lambda: measures.sheets(c),
        "resources": lambda: resources.resources(c),
        "responsibilities": lambda: closing.responsibilities(c),
        "monitoring": lambda: closing.monitoring(c),
        "outlook": lambda: closing.outlook(c),
        "adoptions": lambda: closing.adoptions(c),
        "signatures": lambda: signing.signatures(c),
        "findings": (lambda: closing.findings(c)) if draft else (lambda: None),
    }
    assert tuple(planners) == CHAPTERS  # noqa: S101 - one list of names, kept in step
    return planners
