"""Codes never break at their hyphen: Word's no-break hyphen in the document, a plain
hyphen when the text is read back (python-docx) and in the PDF (see test_pages)."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn

from handlungsprogramm import load
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.render.ooxml import bind_codes
from tests.conftest import EXAMPLE

_NBH = qn("w:noBreakHyphen")


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("siehe M-14 und M-01", 2),
        ("SDG-7, HF-2 (OZ-12)", 3),
        ("LED-Leuchten, 2025-2030, Nord-Süd, E-Mail, CO2-Bilanz", 0),  # words and ranges break
        ("M-", 0),
        ("-14", 0),
    ],
)
def test_the_hyphen_of_a_code_is_bound(text: str, bound: int) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph(text)
    bind_codes(document.element.body)
    assert len(list(paragraph._p.iter(_NBH))) == bound
    assert paragraph.text == text  # read back as written


def test_every_code_of_the_document_is_bound() -> None:
    """No text of the example's document holds a code with a breakable hyphen, and the
    sheets' headings still read "M-01 …" to python-docx."""
    result = render_docx(load(EXAMPLE), charts=False)
    document = docx.Document(io.BytesIO(result.data))
    for t in document.element.body.iter(qn("w:t")):
        assert not re.search(r"\b[A-Z][A-Z0-9]{0,5}-\d", t.text or ""), t.text
    headings = [p.text for p in document.paragraphs if p.text.startswith("M-01 ")]
    assert headings
    assert len(list(document.element.body.iter(_NBH))) > 50
