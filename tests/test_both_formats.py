"""Every value of the examples appears in the document in both languages' formats.

A partner column that shows "1.250,50 €" to an English reader says 1.25; the document
must show each amount, number, month and date in German and in the partner language's
own format (../shared/design/document.md, "Two languages, equal").
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from handlungsprogramm import Programme, load
from handlungsprogramm.i18n.formatting import (
    format_date,
    format_decimal,
    format_money,
    format_month,
)
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.totals import compute_totals
from tests.conftest import ROOT
from tests.test_docx import paragraphs

EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))


def _text(programme: Programme) -> str:
    document = docx.Document(io.BytesIO(render_docx(programme, charts=False).data))
    # an amount may wrap before its currency in a table cell (a plain space there)
    return "\n".join(p.text for p in paragraphs(document)).replace("\u00a0", " ")


def _expected(programme: Programme) -> Iterator[tuple[str, str]]:
    """(what, text) for every value the document shows, in both languages."""
    langs = ("de", programme.partner_language)
    for measure in programme.measures:
        for item in measure.resources.money:
            for lang in langs:
                yield f"{measure.code} money", format_money(item.amount, item.currency, lang)
        for ms in measure.milestones:
            for lang in langs:
                yield f"{measure.code} milestone", format_month(ms.date, lang)
    for currency, totals in compute_totals(programme).money.items():
        for lang in langs:
            yield f"total {currency}", format_money(totals.total, currency, lang)
    for _, _, _, operational in programme.iter_operational():
        for _, indicator in operational.all_indicators():
            for value in (indicator.baseline, indicator.target, *indicator.interim_targets):
                if value is not None:
                    for lang in langs:
                        yield f"{operational.code} value", format_decimal(value.value, lang)
    for adoption in programme.adoptions:
        if adoption.date is not None:
            for lang in langs:
                yield "adoption date", format_date(adoption.date, lang)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_value_in_both_formats(path: Path) -> None:
    programme = load(path)
    text = _text(programme)
    missing = sorted(
        {
            (what, value)
            for what, value in _expected(programme)
            if value.replace("\u00a0", " ") not in text
        }
    )
    assert missing == []
