"""The rule registry: every completeness rule with its stable code, severity and wording.

A rule is a generator that yields *hits* (a field path and a context dict). The
registry turns hits into :class:`Finding` objects; the wording lives next to the rule
in English and German, and is rendered only when someone reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

from babel import Locale

from handlungsprogramm.i18n.messages import LANGS, Lang
from handlungsprogramm.location import Path, SourceLocation, format_path
from handlungsprogramm.model import Programme

__all__ = [
    "REGISTRY",
    "RETIRED",
    "Finding",
    "Hit",
    "Rule",
    "RuleFunc",
    "Severity",
    "plain_number",
    "rule",
]


class Severity(StrEnum):
    """How much a finding matters: errors make a document a draft."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


Hit: TypeAlias = tuple[Path, dict[str, object]]
RuleFunc: TypeAlias = Callable[[Programme], Iterator[Hit]]
Bilingual: TypeAlias = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Rule:
    """A completeness rule: code, severity and its texts in English and German."""

    code: str
    severity: Severity
    title: Bilingual
    message: Bilingual
    fix: Bilingual
    blocks_signing: bool
    func: RuleFunc = field(repr=False, compare=False)
    error_when_final: bool = False
    """A warning while drafting that a final document must not have (an outdated
    translation): ``check(final=True)`` and ``build --final`` report it as an error."""

    def severity_for(self, final: bool) -> Severity:
        """The severity of this rule's findings, for a draft or for a final document."""
        return Severity.ERROR if final and self.error_when_final else self.severity

    def text(self, which: Bilingual, lang: Lang) -> str:
        """Pick the ``lang`` variant of one of this rule's texts."""
        return which[LANGS.index(lang)]


def plain_number(value: Decimal) -> str:
    """A number for a message as people write it: `4.5E+4` and `9E+1` read 45000 and 90."""
    return format(value.normalize(), "f")


REGISTRY: dict[str, Rule] = {}
"""Every rule, by code, in the order the rule modules define them."""

RETIRED: dict[str, Bilingual] = {
    "HP603": (
        "More than one signatory — retired: a municipality may name several signatories"
        " (e.g. mayor and town clerk); each gets a signature box and field.",
        "Mehr als eine unterzeichnende Person — entfallen: eine Kommune kann mehrere"
        " Personen nennen (z. B. Bürgermeister und Stadtdirektor); jede erhält ein"
        " Unterschriftsfeld.",
    ),
}
"""Codes no longer reported; never given to another rule, so old reports stay readable."""


def rule(
    code: str,
    severity: Severity,
    *,
    title: Bilingual,
    message: Bilingual,
    fix: Bilingual,
    blocks_signing: bool = False,
    error_when_final: bool = False,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under ``code``; codes are unique and never reused."""

    def register(func: RuleFunc) -> RuleFunc:
        if code in REGISTRY:
            raise RuntimeError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(
            code, severity, title, message, fix, blocks_signing, func, error_when_final
        )
        return func

    return register


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of one rule at one place in the programme."""

    code: str
    severity: Severity
    path: Path
    ctx: dict[str, object]
    location: SourceLocation | None = None

    @property
    def rule(self) -> Rule:
        """The rule that produced this finding."""
        return REGISTRY[self.code]

    @property
    def dotted_path(self) -> str:
        """The field path as people write it: ``measures[3].lead``."""
        return format_path(self.path)

    def message(self, lang: Lang = "en") -> str:
        """The finding in plain words, in English or German."""
        return _render(self.rule.text(self.rule.message, lang), self.ctx, lang)

    def fix(self, lang: Lang = "en") -> str:
        """How to fix it."""
        return _render(self.rule.text(self.rule.fix, lang), self.ctx, lang)

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity} {self.code} {self.dotted_path}: {self.message('en')}"


def language_name(code: str, lang: Lang) -> str:
    """Name of language ``code`` in ``lang`` (``fr`` → French / Französisch), via Babel."""
    name = Locale(lang).languages.get(code)
    return name if name else code


def _render(template: str, ctx: dict[str, object], lang: Lang) -> str:
    values = dict(ctx)
    if isinstance(ctx.get("language"), str):
        values["language_name"] = language_name(str(ctx["language"]), lang)
    for key, value in ctx.items():
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
            values[key] = value[LANGS.index(lang)]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
