"""Markdown in long texts → real Word paragraphs, runs, lists and hyperlinks.

markdown-it-py parses CommonMark with raw HTML disabled, so whatever a user types
appears as text, never as markup. Formatting is expressed through the template's
named styles (body, list, hyperlink), never through direct formatting, so restyling
the template restyles these texts too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from markdown_it import MarkdownIt
from markdown_it.token import Token

from handlungsprogramm.render.styles import add_paragraph, add_run, set_style

__all__ = ["MarkdownStyles", "ParagraphContainer", "add_markdown"]

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


class ParagraphContainer(Protocol):
    """Anything python-docx can add a paragraph to: a document, a cell, a sub-document."""

    def add_paragraph(self, text: str = ..., style: str | None = ...) -> Paragraph: ...


@dataclass(frozen=True, slots=True)
class MarkdownStyles:
    """The template styles Markdown maps to."""

    body: str = "Body Text"
    bullet: tuple[str, ...] = ("List Bullet", "List Bullet 2", "List Bullet 3")
    number: tuple[str, ...] = ("List Number", "List Number 2", "List Number 3")
    hyperlink: str = "Hyperlink"
    strong: str = "Strong"
    emphasis: str = "Emphasis"
    code: str = "HP Code"
    text: str | None = None
    """Character style for every plain run (marks the partner language inside lists)."""


_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


@dataclass(slots=True)
class _ListState:
    ordered: bool
    start: int = 1
    num_id: int | None = None


def add_markdown(
    container: ParagraphContainer,
    text: str,
    *,
    styles: MarkdownStyles,
    first: Paragraph | None = None,
) -> list[Paragraph]:
    """Append ``text`` (Markdown) to ``container``; reuse ``first`` for the first paragraph.

    Returns the paragraphs written, in order.
    """
    written: list[Paragraph] = []
    lists: list[_ListState] = []
    pending_first = first

    def new_paragraph(style: str) -> Paragraph:
        nonlocal pending_first
        if pending_first is not None:
            paragraph, pending_first = pending_first, None
            set_style(paragraph, style)
        else:
            paragraph = add_paragraph(container, style=style)
        written.append(paragraph)
        return paragraph

    for token in _PARSER.parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            lists.append(
                _ListState(kind == "ordered_list_open", 1 if start is None else int(start))
            )
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "inline":
            if lists:
                state = lists[-1]
                depth = min(len(lists), 3) - 1
                style = (styles.number if state.ordered else styles.bullet)[depth]
                paragraph = new_paragraph(style)
                if state.ordered:
                    state.num_id = _restart_numbering(paragraph, state.num_id, state.start)
            else:
                paragraph = new_paragraph(styles.body)
            _add_inline(paragraph, token.children or [], styles)
        elif kind in ("fence", "code_block"):
            paragraph = new_paragraph(styles.body)
            _add_lines(paragraph, token.content.rstrip("\n"), styles.code)
        elif kind == "hr":
            new_paragraph(styles.body)
    if not written and pending_first is not None:
        set_style(pending_first, styles.body)
        written.append(pending_first)
    return written


def _add_lines(paragraph: Paragraph, text: str, style: str | None) -> None:
    for index, line in enumerate(text.split("\n")):
        run = add_run(paragraph, "", style)
        if index:
            run.add_break(WD_BREAK.LINE)  # after w:rPr, before the text: schema order
        run.add_text(line)


def _add_inline(paragraph: Paragraph, tokens: list[Token], styles: MarkdownStyles) -> None:
    bold = italic = 0
    hyperlink: Any = None
    for token in tokens:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            safe = href.lower().startswith(_SAFE_SCHEMES)
            hyperlink = _hyperlink(paragraph, href) if safe else None
        elif kind == "link_close":
            hyperlink = None
        elif kind == "softbreak":
            _run(paragraph, " ", bold, italic, styles, hyperlink)
        elif kind == "hardbreak":
            run = _run(paragraph, "", bold, italic, styles, hyperlink)
            run.add_break(WD_BREAK.LINE)
        elif kind == "code_inline":
            _run(paragraph, token.content, bold, italic, styles, hyperlink, style=styles.code)
        elif kind in ("text", "html_inline", "image"):  # an image shows its alt text
            _run(paragraph, token.content, bold, italic, styles, hyperlink)


def _run(
    paragraph: Paragraph,
    text: str,
    bold: int,
    italic: int,
    styles: MarkdownStyles,
    hyperlink: Any,
    *,
    style: str | None = None,
) -> Run:
    """Add a run, inside the open hyperlink if there is one, so word order is kept."""
    if style is None:
        style = styles.hyperlink if hyperlink is not None else styles.text
    run = add_run(paragraph, text, style)
    # Bold and italic are character *properties* here because Word's built-in
    # "Strong"/"Emphasis" styles cannot combine; both stay restylable via the theme.
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if hyperlink is not None:
        hyperlink.append(run._r)
    return run


def _hyperlink(paragraph: Paragraph, url: str) -> object:
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), r_id)
    paragraph._p.append(element)
    return element


def _restart_numbering(paragraph: Paragraph, num_id: int | None, start: int) -> int | None:
    """Give each ordered list its own numbering from ``start`` (Word would continue).

    The nesting depth is expressed by the style (List Number 2, 3), each of which has
    its own one-level numbering definition, so the level is always 0.
    """
    style = paragraph.style
    ppr = style.element.pPr if style is not None else None
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    if num_id is None:
        part = paragraph.part
        numbering = part.numbering_part.numbering_definitions._numbering  # type: ignore[attr-defined]
        base = numbering.num_having_numId(ppr.numPr.numId.val)
        num = numbering.add_num(base.abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        num_id = int(num.numId)
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_numId().val = num_id
    numpr.get_or_add_ilvl().val = 0
    return num_id


def split_blocks(text: str) -> list[str]:
    """Split Markdown into its top-level blocks (paragraphs, whole lists, code blocks).

    The side-by-side layout puts block *i* of German next to block *i* of the
    partner language, so translations stay aligned paragraph by paragraph.
    """
    lines = text.split("\n")
    env: dict[str, Any] = {}
    tokens = _PARSER.parse(text, env)
    # Reference-style links ("[text][ref]" with "[ref]: url" elsewhere) only resolve
    # when the definition travels with each block.
    definitions = "".join(
        f"\n\n[{name}]: <{ref['href']}>" for name, ref in env.get("references", {}).items()
    )
    blocks: list[str] = []
    for token in tokens:
        if token.level == 0 and token.map is not None and token.nesting in (1, 0):
            start, end = token.map
            blocks.append("\n".join(lines[start:end]).strip("\n") + definitions)
    return blocks or [text] if text.strip() else []
