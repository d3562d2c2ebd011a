"""Completeness checks: a registry of rules with stable codes, and the :func:`check` entry point."""

from __future__ import annotations

from collections.abc import Collection

from handlungsprogramm._gc import paused_gc

# Importing the rule modules registers their rules; check() runs them in code order.
from handlungsprogramm.checks import (  # noqa: F401
    coverage,
    measures,
    money,
    objectives,
    references,
    signing,
    texts,
    timelines,
)
from handlungsprogramm.checks.registry import REGISTRY, Finding, Rule, Severity
from handlungsprogramm.checks.report import Report
from handlungsprogramm.model import Programme

__all__ = ["REGISTRY", "Finding", "Report", "Rule", "Severity", "check"]


def check(programme: Programme, *, ignore: Collection[str] = (), final: bool = False) -> Report:
    """Run every registered rule (except those in ``ignore``) and return the report.

    Findings are located in the source file when the programme was loaded from one,
    and ordered as they appear there. ``final`` checks for a final document: what a
    draft may still have (an outdated translation, HP104) is then an error.
    """
    with paused_gc():
        return _check(programme, ignore, final)


def _check(programme: Programme, ignore: Collection[str], final: bool) -> Report:
    if isinstance(ignore, str):  # a single code, not its characters
        ignore = {ignore}
    unknown = set(ignore) - REGISTRY.keys()
    if unknown:
        raise ValueError(f"unknown rule code(s): {', '.join(sorted(unknown))}")
    source = programme.source
    findings: list[Finding] = []
    for code in sorted(REGISTRY):
        if code in ignore:
            continue
        rule = REGISTRY[code]
        for path, ctx in rule.func(programme):
            location = source.value(path) if source else None
            findings.append(Finding(code, rule.severity_for(final), path, ctx, location))
    if source is not None:
        findings.sort(key=lambda f: (f.location.line, f.location.column) if f.location else (0, 0))
    return Report(tuple(findings))
