"""The result of checking a programme: findings, and what they mean for the document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from handlungsprogramm.checks.registry import Finding, Severity
from handlungsprogramm.i18n.messages import Lang

__all__ = ["Report"]


@dataclass(frozen=True, slots=True)
class Report:
    """All findings for one programme, in the order they appear in the file.

    ``ok`` — no errors: a final document may be built.
    ``ready_for_signing`` — ok, and nothing that blocks signing (such as a missing
    council adoption) is open.
    """

    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors

    @property
    def ready_for_signing(self) -> bool:
        """True when there is no error and nothing else that blocks signing: a council
        adoption missing, or what a final document must not have (an outdated translation)."""
        return self.ok and not any(
            f.rule.blocks_signing or f.rule.error_when_final for f in self.findings
        )

    def counts(self) -> dict[str, int]:
        """Number of findings per severity, every severity present."""
        counter = Counter(f.severity for f in self.findings)
        return {s.value: counter.get(s, 0) for s in Severity}

    def codes(self) -> list[str]:
        """The codes of all findings, in order (handy in tests and scripts)."""
        return [f.code for f in self.findings]

    def finding_dicts(self, lang: Lang = "en") -> list[dict[str, object]]:
        """The findings as JSON-ready dicts (the ``findings`` of ``check --format json``)."""
        return [
            {
                "code": f.code,
                "severity": f.severity.value,
                "title": f.rule.text(f.rule.title, lang),
                "message": f.message(lang),
                "fix": f.fix(lang),
                "path": f.dotted_path,
                "file": f.location.file if f.location else None,
                "line": f.location.line if f.location else None,
                "column": f.location.column if f.location else None,
            }
            for f in self.findings
        ]
