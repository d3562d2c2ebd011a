"""How a change reads in the change document: its place and its values in words, in
German and the partner language.

The change set names places and values as the input format writes them
(``measures[M-03].resources.money[0].amount``, ``"secured"``, ``"2026-03"``); a council
member reads "Maßnahme M-03 › Finanzielle Ressourcen 1 › Betrag", "gesichert",
"März 2026". Names of fields come from the workbook's names (five languages), names of
items and choices from the label catalogue, numbers, money and dates from
:mod:`handlungsprogramm.i18n.formatting`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from handlungsprogramm.compose.values import Bi
from handlungsprogramm.i18n.formatting import (
    format_date,
    format_decimal,
    format_money,
    format_month,
)
from handlungsprogramm.i18n.labels import LABELS, label
from handlungsprogramm.model import YearMonth
from handlungsprogramm.workbook.words import field_name

__all__ = ["Display"]

_TOKEN = re.compile(r"([A-Za-z0-9_]+)(?:\[([^\]]+)\])?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_LANG_KEY = re.compile(r"[a-z]{2,3}")
_NUMERIC = frozenset({"amount", "value", "per_euro", "share", "estimated_reduction", "year",
                      "target_year", "since", "originals"})  # fmt: skip
_CODED = frozenset({"fields_of_action", "strategic_objectives", "operational_objectives",
                    "measures", "references"})  # fmt: skip
_ITEM = {
    "measures": "measure.measure", "fields_of_action": "measure.field_of_action",
    "strategic_objectives": "objective.strategic",
    "operational_objectives": "objective.operational", "milestones": "measure.milestone",
    "partners": "measure.partner", "money": "measure.money",
    "personnel": "measure.personnel", "total_cost": "measure.total_cost",
    "challenges": "baseline.challenge", "hazards": "baseline.hazard",
    "indicators": "objective.indicator",
}  # fmt: skip
"""The label of one item of a list, by the list's name."""
_ENUMS = {
    "priority": "priority", "pillar": "pillar", "location": "location",
    "recipient": "side", "municipality": "side", "unit": "personnel_unit",
    "hazard": "hazard", "hazards": "hazard", "likelihood": "level", "impact": "level",
    "frequency": "frequency", "direction": "direction",
}  # fmt: skip
"""The label prefix of each field holding a choice (``side``, ``status`` and ``kind``
depend on where they stand, see :meth:`Display.prefix`)."""


def _markdown(text: str) -> str:
    """A Markdown text as read: emphasis marks dropped, a line wrapped in the file joined
    (a blank line or a list item starts a new line)."""
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    return re.sub(r"(?<!\n)\n(?!\n|\s*(?:[-*+]|\d+\.)\s)", " ", text)


class Display:
    """Places and values of changes in German and one partner language."""

    def __init__(self, partner: str) -> None:
        self.partner = partner

    def both(self, make: Any) -> Bi:
        """``make(lang)`` in German and in the partner language."""
        return Bi(make("de"), make(self.partner))

    # -- places --------------------------------------------------------------------

    def place(self, path: str) -> Bi:
        """Where a change is, in words: ``Maßnahme M-02 › Titel › Deutsch``."""
        return self.both(lambda lang: " › ".join(self._parts(path, lang)))

    def _parts(self, path: str, lang: str) -> list[str]:
        parts: list[str] = []
        tokens = _TOKEN.findall(path)
        for index, (name, key) in enumerate(tokens):
            last = index == len(tokens) - 1
            if not key and last and _LANG_KEY.fullmatch(name) and name not in LABELS:
                parts.append(_language(name, lang))
            elif key:
                number = key if name in _CODED or not key.isdigit() else str(int(key) + 1)
                parts.append(f"{self._item(name, lang)} {number}")
            else:
                parts.append(field_name((name,), lang))
        return parts

    def _item(self, name: str, lang: str) -> str:
        key = _ITEM.get(name)
        return label(key, lang) if key else field_name((name,), lang)

    # -- values --------------------------------------------------------------------

    def prefix(self, path: str, key: str) -> str | None:
        """The label prefix of a choice at ``path`` (its last field ``key``), if it is one."""
        if key == "status":
            return "funding_status" if ".money[" in path else "status"
        if key == "side":
            return "lead_side" if path.endswith("lead.side") else "side"
        if key == "kind":
            return "partnership_kind" if path == "partnership.kind" else "municipality_kind"
        return _ENUMS.get(key)

    def value(self, value: Any, path: str, unit: str | None = None) -> str:
        """A value in words, German and partner language one under the other where they
        differ: a text's languages, an item by its code and title, a choice by its
        label, money with its currency, a date or month spelled out."""
        key = _TOKEN.findall(path)[-1][0] if _TOKEN.findall(path) else ""
        if value is None or value == "" or value == [] or value == {}:
            return "–"
        if isinstance(value, dict):
            return self._mapping(value, path)
        if isinstance(value, list):
            return "; ".join(self.value(item, f"{path}.{key}") for item in value)
        return self.both(lambda lang: self._scalar(value, path, key, lang, unit)).joined("\n")

    def _mapping(self, value: dict[str, Any], path: str) -> str:
        if value and all(isinstance(k, str) and _LANG_KEY.fullmatch(k) for k in value):
            order = ["de", self.partner, *(k for k in value if k not in ("de", self.partner))]
            return "\n".join(_markdown(str(value[k])) for k in order if value.get(k))
        if isinstance(value.get("code"), str):
            title = value.get("title")
            words = self.value(title, f"{path}.title") if title is not None else ""
            return f"{value['code']} {words}".strip()
        lines = []
        unit = value.get("currency") if isinstance(value.get("currency"), str) else None
        for name, item in value.items():
            if item is None or item == "" or item == [] or item == {}:
                continue
            shown = self.value(
                item, f"{path}.{name}", unit if name in ("amount", "by_year") else None
            )
            lines.append(
                f"{self.both(lambda lang, n=name: field_name((n,), lang)).joined()}: {shown}"
            )
        return "\n".join(lines)

    def _scalar(self, value: Any, path: str, key: str, lang: str, unit: str | None) -> str:
        if isinstance(value, bool):
            return label("changes.yes" if value else "changes.no", lang)
        text = str(value)
        prefix = self.prefix(path, key)
        if prefix and f"{prefix}.{text}" in LABELS:
            return label(f"{prefix}.{text}", lang)
        if _DATE.fullmatch(text):
            return format_date(dt.date.fromisoformat(text), lang)
        if _MONTH.fullmatch(text) and key not in _NUMERIC:
            return format_month(YearMonth.parse(text), lang)
        if _NUMBER.fullmatch(text) and (key in _NUMERIC or unit or key.isdigit()):
            number = Decimal(text)
            if unit:
                return format_money(number, unit, lang)
            return text if key in ("year", "target_year", "since") else format_decimal(number, lang)
        return _markdown(text)


def _language(code: str, lang: str) -> str:
    """The name of language ``code`` in ``lang`` (``fr`` in German: "Französisch")."""
    from babel import Locale

    return str(Locale.parse(lang.replace("-", "_")).languages.get(code, code))
