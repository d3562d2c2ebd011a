"""Markdown in long texts → Word paragraphs, runs, lists and hyperlinks, read back as XML."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from handlungsprogramm.render.docx import standard_template
from handlungsprogramm.render.markdown import MarkdownStyles, add_markdown, split_blocks

STYLES = MarkdownStyles()
HYPERLINK = qn("w:hyperlink")
R_ID = qn("r:id")


def blank() -> Document:
    """The standard template with an empty body: every list and character style exists."""
    document = docx.Document(io.BytesIO(standard_template()))
    body = document.element.body
    for child in list(body):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            body.remove(child)
    return document


def render(text: str) -> tuple[Document, list[Paragraph]]:
    """``text`` written into a fresh document; the paragraphs ``add_markdown`` returned."""
    document = blank()
    return document, add_markdown(document, text, styles=STYLES)


def styles_of(paragraphs: list[Paragraph]) -> list[str]:
    """The paragraph style name of each paragraph."""
    return [p.style.name if p.style is not None else "" for p in paragraphs]


def hyperlinks(paragraph: Paragraph) -> list[BaseOxmlElement]:
    """The ``w:hyperlink`` elements of a paragraph."""
    return list(paragraph._p.iter(HYPERLINK))


def external_targets(document: Document) -> list[str]:
    """Targets of every external relationship of the main document part."""
    return [rel.target_ref for rel in document.part.rels.values() if rel.is_external]


def _num_pr_val(paragraph: Paragraph, name: str) -> int:
    """The value of ``w:numPr/w:<name>`` set directly on a list paragraph."""
    element = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn(name)}")
    assert element is not None
    return int(str(element.get(qn("w:val"))))


def num_id(paragraph: Paragraph) -> int:
    """The ``w:numId`` set directly on a list paragraph."""
    return _num_pr_val(paragraph, "w:numId")


def ilvl(paragraph: Paragraph) -> int:
    """The ``w:ilvl`` set directly on a list paragraph."""
    return _num_pr_val(paragraph, "w:ilvl")


def numbering(document: Document) -> BaseOxmlElement:
    """The ``w:numbering`` root element of the document."""
    element = document.part.numbering_part.element
    assert isinstance(element, BaseOxmlElement)
    return element


def num(document: Document, ident: int) -> BaseOxmlElement:
    """The ``w:num`` with ``ident``."""
    matches = [
        n
        for n in numbering(document).iterchildren(qn("w:num"))
        if n.get(qn("w:numId")) == str(ident)
    ]
    assert len(matches) == 1
    element = matches[0]
    assert isinstance(element, BaseOxmlElement)
    return element


def test_blank_lines_split_paragraphs() -> None:
    """Blank lines separate paragraphs; a single newline is a soft break (a space)."""
    _, paragraphs = render("eins\n\nzwei\nnoch zwei\n\n\n\ndrei")
    assert [p.text for p in paragraphs] == ["eins", "zwei noch zwei", "drei"]
    assert styles_of(paragraphs) == [STYLES.body] * 3


def test_bold_and_italic_are_run_properties() -> None:
    """**bold**, *italic* and ***both*** become runs with those properties; no asterisk is left."""
    document, paragraphs = render("normal **fett** und *kursiv* und ***beides*** und __auch__")
    (paragraph,) = paragraphs
    assert paragraph.text == "normal fett und kursiv und beides und auch"
    runs = {run.text: (bool(run.bold), bool(run.italic)) for run in paragraph.runs}
    assert runs["fett"] == (True, False)
    assert runs["kursiv"] == (False, True)
    assert runs["beides"] == (True, True)
    assert runs["auch"] == (True, False)
    assert runs["normal "] == (False, False)
    assert "*" not in "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    assert "_" not in paragraph.text


def test_bullet_lists_use_list_bullet_styles_by_depth() -> None:
    """Bullet items get List Bullet; nested items List Bullet 2 and 3; no dash stays visible."""
    _, paragraphs = render("- eins\n  - zwei\n    - drei\n- vier\n* fünf")
    assert [p.text for p in paragraphs] == ["eins", "zwei", "drei", "vier", "fünf"]
    assert styles_of(paragraphs) == [
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Bullet",
        "List Bullet",
    ]


def test_two_numbered_lists_each_restart_at_one() -> None:
    """Each numbered list has its own w:num with a start override of 1, so the second restarts."""
    document, paragraphs = render("1. a\n2. b\n\nZwischentext\n\n1. c\n1. d")
    assert [p.text for p in paragraphs] == ["a", "b", "Zwischentext", "c", "d"]
    assert styles_of(paragraphs) == [
        "List Number",
        "List Number",
        STYLES.body,
        "List Number",
        "List Number",
    ]
    a, b, _, c, d = paragraphs
    first, second = num_id(a), num_id(c)
    assert num_id(b) == first
    assert num_id(d) == second
    assert first != second
    style_num = document.styles["List Number"].element.find(
        f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"
    )
    assert style_num is not None
    assert int(str(style_num.get(qn("w:val")))) not in (first, second)
    for ident in (first, second):
        overrides = num(document, ident).findall(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert [o.get(qn("w:val")) for o in overrides] == ["1"]
    assert ilvl(a) == ilvl(c) == 0


def test_nested_numbered_items_refer_to_a_defined_level() -> None:
    """A nested numbered item's w:ilvl is a level its abstract numbering defines."""
    document, paragraphs = render("1. a\n2. b\n   1. c\n   2. d")
    assert styles_of(paragraphs) == ["List Number", "List Number", "List Number 2", "List Number 2"]
    root = numbering(document)
    abstracts = {a.get(qn("w:abstractNumId")): a for a in root.iterchildren(qn("w:abstractNum"))}
    for paragraph in paragraphs:
        abstract_id = num(document, num_id(paragraph)).find(qn("w:abstractNumId"))
        assert abstract_id is not None
        abstract = abstracts[abstract_id.get(qn("w:val"))]
        levels = {lvl.get(qn("w:ilvl")) for lvl in abstract.iterchildren(qn("w:lvl"))}
        assert str(ilvl(paragraph)) in levels


def test_numbered_list_keeps_its_start_number() -> None:
    """A list that starts at 3 in Markdown starts at 3 in Word."""
    document, paragraphs = render("3. drei\n4. vier")
    override = num(document, num_id(paragraphs[0])).find(
        f"{qn('w:lvlOverride')}/{qn('w:startOverride')}"
    )
    assert override is not None
    assert override.get(qn("w:val")) == "3"


@pytest.mark.parametrize(
    "url", ["https://example.org", "http://example.org/a?b=1&c=2", "mailto:info@example.org"]
)
def test_link_becomes_external_hyperlink(url: str) -> None:
    """[text](url) becomes a w:hyperlink whose r:id is an external relationship to the URL."""
    document, paragraphs = render(f"Siehe [link]({url}) bitte.")
    (paragraph,) = paragraphs
    assert paragraph.text == "Siehe link bitte."
    (element,) = hyperlinks(paragraph)
    rel = document.part.rels[element.get(R_ID)]
    assert rel.is_external
    assert rel.reltype == RT.HYPERLINK
    assert rel.target_ref == url
    (link,) = paragraph.hyperlinks
    assert link.text == "link"
    assert link.url == url
    assert [r.style.name for r in link.runs if r.style is not None] == [STYLES.hyperlink]


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("[js](javascript:alert(1))", "js"),
        ("[js](JavaScript:alert(1))", "js"),
        ("[vb](vbscript:msgbox(1))", "vb"),
        ("[daten](data:text/html,<b>x</b>)", "daten"),
        ("[datei](file:///etc/passwd)", "datei"),
        ("[ftp](ftp://example.org/f)", "ftp"),
        ("[relativ](../geheim.docx)", "relativ"),
    ],
)
def test_unsafe_link_is_plain_text(text: str, visible: str) -> None:
    """Links other than http(s)/mailto are not hyperlinks; their text stays visible."""
    document, paragraphs = render(text)
    (paragraph,) = paragraphs
    assert visible in paragraph.text
    assert hyperlinks(paragraph) == []
    assert external_targets(document) == []


def test_raw_html_is_literal_text() -> None:
    """Inline and block HTML are text: <b> does not make bold, <script> is shown as typed."""
    text = "<b>x</b> und <script>alert(1)</script>\n\n<div>\n<script>alert(2)</script>\n</div>"
    _, paragraphs = render(text)
    assert paragraphs[0].text == "<b>x</b> und <script>alert(1)</script>"
    assert "<script>alert(2)</script>" in "\n".join(p.text for p in paragraphs)
    assert not any(run.bold for p in paragraphs for run in p.runs)


def test_jinja_syntax_is_literal_text() -> None:
    """Template syntax in user text is neither evaluated nor removed."""
    _, paragraphs = render("{{ x }} und {% if %} und {# c #} und {{ 7*7 }}")
    assert [p.text for p in paragraphs] == ["{{ x }} und {% if %} und {# c #} und {{ 7*7 }}"]


def test_hard_line_breaks() -> None:
    """Two trailing spaces or a backslash end a line inside one paragraph (w:br)."""
    _, paragraphs = render("eins  \nzwei\\\ndrei")
    (paragraph,) = paragraphs
    assert paragraph.text == "eins\nzwei\ndrei"
    assert len(paragraph._p.findall(f"{qn('w:r')}/{qn('w:br')}")) == 2


def test_code_span_uses_code_style() -> None:
    """`code` is a run in the HP Code character style, without backticks."""
    _, paragraphs = render("Datei `programme.yaml` prüfen")
    (paragraph,) = paragraphs
    assert paragraph.text == "Datei programme.yaml prüfen"
    code = [r for r in paragraph.runs if r.text == "programme.yaml"]
    assert len(code) == 1
    assert code[0].style is not None
    assert code[0].style.name == STYLES.code


def test_code_block_keeps_lines_in_code_style() -> None:
    """A fenced code block is one paragraph whose lines are HP Code runs split by w:br."""
    _, paragraphs = render("```\nerste Zeile\nzweite **Zeile**\n```")
    (paragraph,) = paragraphs
    assert paragraph.text == "erste Zeile\nzweite **Zeile**"
    assert {r.style.name for r in paragraph.runs if r.style is not None} == {STYLES.code}


def test_code_block_runs_are_schema_ordered() -> None:
    """In every run of a code block, the run properties come first."""
    _, paragraphs = render("```\neins\nzwei\n```")
    for run in paragraphs[0]._p.iter(qn("w:r")):
        tags = [child.tag for child in run]
        if qn("w:rPr") in tags:
            assert tags[0] == qn("w:rPr"), tags


def test_code_span_inside_link_keeps_its_place() -> None:
    """[`code` text](url): the words stay in order and all belong to the link."""
    _, paragraphs = render("[`hp` Handbuch](https://example.org) lesen")
    (paragraph,) = paragraphs
    assert paragraph.text == "hp Handbuch lesen"
    (link,) = paragraph.hyperlinks
    assert link.text == "hp Handbuch"


def test_headings_and_quotes_become_body_text() -> None:
    """Markdown headings and block quotes keep their words, without # or >."""
    _, paragraphs = render("# Titel\n\n> zitiert")
    assert [p.text for p in paragraphs] == ["Titel", "zitiert"]
    assert styles_of(paragraphs) == [STYLES.body] * 2


def test_first_paragraph_is_reused() -> None:
    """``first=`` becomes the first paragraph written; the others follow it."""
    document = blank()
    first = document.add_paragraph()
    written = add_markdown(document, "eins\n\nzwei", styles=STYLES, first=first)
    assert written[0]._p is first._p
    assert [p.text for p in document.paragraphs] == ["eins", "zwei"]
    assert styles_of(document.paragraphs) == [STYLES.body] * 2


def test_first_paragraph_of_a_table_cell_is_reused() -> None:
    """In a table cell the cell's own first paragraph is filled, so no empty line remains."""
    document = blank()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    add_markdown(cell, "- a\n- b", styles=STYLES, first=cell.paragraphs[0])
    assert [p.text for p in cell.paragraphs] == ["a", "b"]
    assert styles_of(cell.paragraphs) == ["List Bullet", "List Bullet"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text(text: str) -> None:
    """Empty text writes nothing; with ``first=`` that paragraph is kept, empty, as body text."""
    document, written = render(text)
    assert written == []
    assert document.paragraphs == []
    first = document.add_paragraph()
    written = add_markdown(document, text, styles=STYLES, first=first)
    assert [p._p for p in written] == [first._p]
    assert first.text == ""
    assert styles_of([first]) == [STYLES.body]


def test_split_blocks_top_level() -> None:
    """Paragraphs and whole lists are blocks: 'a', 'b' and the two-item list are three."""
    assert split_blocks("a\n\nb\n\n- c\n- d") == ["a", "b", "- c\n- d"]


def test_split_blocks_keeps_code_blocks_and_loose_lists_whole() -> None:
    """A code block with a blank line and a loose list each stay one block."""
    text = "```\nx\n\ny\n```\n\n1. a\n\n2. b"
    assert split_blocks(text) == ["```\nx\n\ny\n```", "1. a\n\n2. b"]


@pytest.mark.parametrize("text", ["", "  ", "\n\n"])
def test_split_blocks_of_empty_text(text: str) -> None:
    """Empty text has no blocks."""
    assert split_blocks(text) == []


def test_blocks_render_like_the_whole_text() -> None:
    """Rendering block by block (side-by-side layout) gives the same words as the whole text."""
    text = "Absatz mit **fett**\n\n- eins\n- zwei\n\n1. drei\n\n[link](https://example.org)"
    _, whole = render(text)
    document = blank()
    parts = [
        p for block in split_blocks(text) for p in add_markdown(document, block, styles=STYLES)
    ]
    assert [p.text for p in parts] == [p.text for p in whole]


def test_blocks_keep_reference_links() -> None:
    """A reference-style link still links when the text is rendered block by block."""
    text = "Siehe [die Seite][ref].\n\n[ref]: https://example.org"
    document = blank()
    parts = [
        p for block in split_blocks(text) for p in add_markdown(document, block, styles=STYLES)
    ]
    assert [p.text for p in parts] == ["Siehe die Seite."]
    assert external_targets(document) == ["https://example.org"]
