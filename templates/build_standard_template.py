"""Build ``templates/standard.docx``, the standard Word template, from code.

Run ``.venv/bin/python templates/build_standard_template.py`` after changing it, and
commit both files. The result is an ordinary .docx: every look is a named style that
can be changed in Word or LibreOffice (Format → Styles), and the content is docxtpl
(Jinja) tags whose context is documented in docs/templates.md.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any, cast

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from handlungsprogramm.render.styles import S

OUT = Path(__file__).with_name("standard.docx")

FONT = "Noto Sans"
TEXT = RGBColor(0x1F, 0x29, 0x33)
ACCENT = RGBColor(0x0B, 0x5F, 0x4B)  # deep green: municipal, calm, prints well in grey
PARTNER = RGBColor(0x1D, 0x4E, 0x89)  # links
MUTED = RGBColor(0x5B, 0x66, 0x70)
DRAFT = RGBColor(0xB4, 0x1E, 0x1E)

# Sections of the body in order: (block key, heading key, page break before).
SECTIONS: tuple[tuple[str, str, bool], ...] = (
    ("summary", "summary", False),  # the contents end with a page break
    ("abbreviations", "abbreviations", False),  # flows on: the summary may end early
    ("vision", "vision", False),  # after the abbreviations, not after their last row
    ("preamble", "preamble", False),
    ("background", "background", False),
    ("references", "references", False),
    ("baseline", "baseline", True),
    ("fields", "fields", True),
    ("objectives", "objectives", False),
    ("measures_overview", "measures_overview", True),
    ("measures", "measures", True),
    ("resources", "resources", True),
    ("responsibilities", "responsibilities", False),
    ("monitoring", "monitoring", False),
    ("outlook", "outlook", False),
    ("adoptions", "adoptions", False),
    ("signatures", "signatures", True),
    ("findings", "findings", True),
)


def _paragraph_style(doc: DocumentObject, name: str, base: str = "Normal") -> ParagraphStyle:
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base] if name != base else None
    style.quick_style = True
    return cast(ParagraphStyle, style)


def _set_font(style: ParagraphStyle, size: float, *, bold: bool = False, italic: bool = False,
              colour: RGBColor = TEXT) -> None:  # fmt: skip
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = colour
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _spacing(style: ParagraphStyle, before: float, after: float, line: float = 1.15) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr")  # fmt: skip
"""The schema's order of paragraph properties (CT_PPrBase): Word refuses others."""


def _insert_ppr(ppr: Any, element: Any) -> None:
    """Put ``element`` into ``ppr`` at its place in the schema's order."""
    rank = {qn(f"w:{name}"): index for index, name in enumerate(_PPR_ORDER)}
    mine = rank[element.tag]
    later = [child for child in ppr if rank.get(child.tag, len(rank)) > mine]
    if later:
        later[0].addprevious(element)
    else:
        ppr.append(element)


def _border(style_element: Any, side: str, size: int, colour: str) -> None:
    ppr = style_element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        _insert_ppr(ppr, borders)
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", "4"), ("color", colour)):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)


def _no_hyphenation(style: ParagraphStyle) -> None:
    """``w:suppressAutoHyphens`` in the style's paragraph properties, in schema order
    (after the borders, before the spacing)."""
    ppr = style.element.get_or_add_pPr()
    element = OxmlElement("w:suppressAutoHyphens")
    later = ("w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
             "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing",
             "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc")  # fmt: skip
    for child in ppr:
        if child.tag in {qn(tag) for tag in later}:
            child.addprevious(element)
            return
    ppr.append(element)


def build_styles(doc: DocumentObject) -> None:
    """Define every named style of the template."""
    normal = doc.styles["Normal"]
    _set_font(normal, 10)
    _spacing(normal, 0, 4)
    normal.paragraph_format.widow_control = True  # no line left alone at a page's foot or head

    body = _paragraph_style(doc, S.BODY)
    _set_font(body, 10)
    _spacing(body, 0, 6, 1.2)
    partner = _paragraph_style(doc, S.BODY_PARTNER, S.BODY)
    # Both versions are equally authentic: the same type, weight and colour. The partner
    # language is told apart by its place (after the German, or its own column), its
    # language tag, and in running text a thin rule on the left, never by demotion.
    _set_font(partner, 10)
    partner.paragraph_format.left_indent = Cm(0.4)
    _border(partner.element, "left", 8, "B8C2CC")

    for level, size, before in ((1, 16, 18), (2, 13, 14), (3, 11, 10)):
        heading = _paragraph_style(doc, f"Heading {level}", "Normal")
        _set_font(heading, size, bold=True, colour=ACCENT)
        _spacing(heading, before, 6, 1.1)
        heading.paragraph_format.keep_with_next = True
        if level == 1:
            _border(heading.element, "bottom", 8, "0B5F4B")
    # a measure sheet starts on a new page; its heading is a Heading 2 in all else
    # (outline level 2: in the contents and the PDF's bookmarks)
    sheet = _paragraph_style(doc, S.MEASURE_HEADING, "Heading 2")
    sheet.paragraph_format.page_break_before = True
    toc = _paragraph_style(doc, S.TOC_HEADING, "Normal")
    _set_font(toc, 16, bold=True, colour=ACCENT)
    _spacing(toc, 0, 12)
    for level in (1, 2):
        entry = _paragraph_style(doc, f"TOC {level}", "Normal")
        _set_font(entry, 10 if level == 1 else 9, bold=level == 1)
        entry.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        # the sub-entries set close (a long programme's contents run to three pages)
        _spacing(entry, 4, 2) if level == 1 else _spacing(entry, 0, 1, 1.1)

    title = _paragraph_style(doc, S.COVER_TITLE)
    _set_font(title, 19, bold=True, colour=ACCENT)
    _spacing(title, 36, 8, 1.05)
    title_p = _paragraph_style(doc, S.COVER_TITLE_PARTNER)
    _set_font(title_p, 19, bold=True, colour=ACCENT)
    _spacing(title_p, 0, 14, 1.05)
    subtitle = _paragraph_style(doc, S.COVER_SUBTITLE)
    _set_font(subtitle, 12, colour=MUTED)
    _spacing(subtitle, 0, 48)
    municipality = _paragraph_style(doc, S.COVER_MUNICIPALITY)
    _set_font(municipality, 14, bold=True)
    _spacing(municipality, 6, 2)
    meta = _paragraph_style(doc, S.COVER_META)
    _set_font(meta, 10, colour=MUTED)
    _spacing(meta, 0, 2)
    funders = _paragraph_style(doc, S.COVER_FUNDERS)
    _set_font(funders, 9, colour=MUTED)
    _spacing(funders, 0, 4)
    # the back of the title page: a small heading, then publisher, version, fingerprint
    # and the funders' notices in small type
    imprint_heading = _paragraph_style(doc, S.IMPRINT_HEADING)
    _set_font(imprint_heading, 11, bold=True, colour=ACCENT)
    _spacing(imprint_heading, 0, 8)
    imprint = _paragraph_style(doc, S.IMPRINT)
    _set_font(imprint, 8.5)
    _spacing(imprint, 0, 1, 1.15)
    imprint_label = _paragraph_style(doc, S.IMPRINT_LABEL, S.IMPRINT)
    _set_font(imprint_label, 8.5, bold=True, colour=ACCENT)
    _spacing(imprint_label, 6, 1, 1.15)
    imprint_label.paragraph_format.keep_with_next = True

    table_styles: tuple[tuple[str, float, bool, RGBColor], ...] = (
        (S.TABLE_TEXT, 9, False, TEXT),
        (S.TABLE_HEADER, 9, True, RGBColor(0xFF, 0xFF, 0xFF)),
        (S.TABLE_LABEL, 9, True, ACCENT),
        (S.CAPTION, 8, False, MUTED),
        (S.FOOTER, 7.5, False, MUTED),
        (S.FINGERPRINT, 8, False, MUTED),
        (S.SIGNATURE_CAPTION, 8, False, MUTED),
    )
    for name, points, bold, colour in table_styles:
        style = _paragraph_style(doc, name)
        _set_font(style, points, bold=bold, colour=colour)
        # single line spacing in tables (Noto's own line height is generous): a measure
        # sheet a few lines over a page would otherwise spill its last rows overleaf
        _spacing(style, 0, 1.5, 1.0)
    # a table's caption stands above it (a figure's below), apart from the text before
    table_caption = _paragraph_style(doc, S.TABLE_CAPTION, S.CAPTION)
    _spacing(table_caption, 6, 3, 1.0)
    table_caption.paragraph_format.keep_with_next = True
    figure = _paragraph_style(doc, S.FIGURE)
    _spacing(figure, 8, 2, 1.0)
    figure.paragraph_format.keep_with_next = True
    section_break = _paragraph_style(doc, S.SECTION_BREAK)
    _set_font(section_break, 1)
    _spacing(section_break, 0, 0, 1.0)
    running = _paragraph_style(doc, S.RUNNING_HEADER)
    _set_font(running, 7.5, colour=MUTED)
    _spacing(running, 0, 4, 1.0)
    # no rule under it: the pages before the first chapter (imprint, contents) have an
    # empty running header, and a rule alone there reads as a stray line
    running.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))  # as the chapter heading
    # a long measure title's second line under the first's text, not under the number
    running.paragraph_format.left_indent = Cm(1.0)
    running.paragraph_format.first_line_indent = Cm(-1.0)
    draft = _paragraph_style(doc, S.DRAFT_MARKING)
    _set_font(draft, 11, bold=True, colour=DRAFT)
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sig_m = _paragraph_style(doc, S.SIGNATURE_MUNICIPALITY)
    _set_font(sig_m, 12, bold=True, colour=ACCENT)
    _spacing(sig_m, 0, 4)
    sig_line = _paragraph_style(doc, S.SIGNATURE_LINE)
    _set_font(sig_line, 9)
    _spacing(sig_line, 0, 2)
    _border(sig_line.element, "top", 6, "1F2933")
    # the signing page: a clause in body type, names and functions as readable as the
    # text they sign, the town on the date line, the seal areas marked in grey
    clause = _paragraph_style(doc, S.SIGNING_CLAUSE)
    _set_font(clause, 9.5)
    _spacing(clause, 0, 4, 1.15)
    sig_place = _paragraph_style(doc, S.SIGNATURE_PLACE)
    _set_font(sig_place, 10.5)
    _spacing(sig_place, 0, 1)
    sig_name = _paragraph_style(doc, S.SIGNATURE_NAME)
    _set_font(sig_name, 11.5, bold=True)
    _spacing(sig_name, 2, 1)
    sig_function = _paragraph_style(doc, S.SIGNATURE_FUNCTION)
    _set_font(sig_function, 9.5)
    _spacing(sig_function, 0, 1, 1.1)
    for name in (S.SIGNATURE_MUNICIPALITY, S.SIGNATURE_PLACE, S.SIGNATURE_NAME):
        _no_hyphenation(doc.styles[name])  # names and towns are never broken
    sig_seal = _paragraph_style(doc, S.SIGNATURE_SEAL)
    _set_font(sig_seal, 8, colour=MUTED)
    _spacing(sig_seal, 0, 0, 1.0)
    sig_seal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for name in (S.LIST_BULLET, S.LIST_BULLET_2, S.LIST_BULLET_3,
                 S.LIST_NUMBER, S.LIST_NUMBER_2, S.LIST_NUMBER_3):  # fmt: skip
        style = doc.styles[name]
        style.base_style = doc.styles[S.BODY]
        _spacing(style, 0, 3, 1.2)

    characters = doc.styles
    character_styles: tuple[tuple[str, bool, RGBColor | None, bool], ...] = (
        # equal weight: no italics, no colour of its own (the paragraph's, as German)
        (S.PARTNER, False, None, False),
        (S.PARTNER_HEADER, False, None, False),
        (S.CODE, False, TEXT, True),
        (S.HYPERLINK, False, PARTNER, False),
        (S.EMPHASIS_LABEL, False, ACCENT, False),
    )
    for name, italic, char_colour, mono in character_styles:
        try:
            style = characters[name]
        except KeyError:
            style = characters.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.font.italic = italic
        if char_colour is not None:  # None: the paragraph's colour, as German text has
            style.font.color.rgb = char_colour
        if mono:
            style.font.name = "Liberation Mono"
        if name == S.HYPERLINK:
            style.font.underline = True
        if name == S.EMPHASIS_LABEL:
            style.font.bold = True
    _table_styles(doc)


def _table_styles(doc: DocumentObject) -> None:
    grid = doc.styles.add_style(S.TABLE, WD_STYLE_TYPE.TABLE)
    grid.base_style = doc.styles["Normal Table"]
    grid.font.size = Pt(9)
    tblpr = OxmlElement("w:tblPr")
    grid.element.append(tblpr)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:color"), "B8C2CC")
        borders.append(edge)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", "40"), ("left", "80"), ("bottom", "40"), ("right", "80")):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), width)
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tblpr.append(margins)
    first_row = OxmlElement("w:tblStylePr")
    first_row.set(qn("w:type"), "firstRow")
    tcpr = OxmlElement("w:tcPr")
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "0B5F4B")
    tcpr.append(shading)
    first_row.append(tcpr)
    grid.element.append(first_row)

    layout = doc.styles.add_style(S.LAYOUT, WD_STYLE_TYPE.TABLE)
    layout.base_style = doc.styles["Normal Table"]
    lpr = OxmlElement("w:tblPr")
    layout.element.append(lpr)
    lmargins = OxmlElement("w:tblCellMar")
    for side, width in (("top", "0"), ("left", "0"), ("bottom", "0"), ("right", "170")):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), width)
        edge.set(qn("w:type"), "dxa")
        lmargins.append(edge)
    lpr.append(lmargins)


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a Word field (PAGE, NUMPAGES, TOC …) as begin/instr/separate/result/end."""

    def char(kind: str) -> None:
        run = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            fld.set(qn("w:dirty"), "true")
        run.append(fld)
        paragraph._p.append(run)

    char("begin")
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    paragraph._p.append(instr_run)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def _tag(doc: DocumentObject, text: str, style: str | None = None) -> Paragraph:
    return doc.add_paragraph(text, style=style)


def build_body(doc: DocumentObject) -> None:
    """The document's skeleton: cover, contents, one heading and block per section."""
    _tag(doc, "{{ cover.title_de }}", S.COVER_TITLE)
    _tag(doc, "{{ cover.title_partner }}", S.COVER_TITLE_PARTNER)
    _tag(doc, "{%p if cover.subtitle %}")
    _tag(doc, "{{ cover.subtitle }}", S.COVER_SUBTITLE)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{{p blocks.cover }}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # the back of the title page: the imprint
    _tag(doc, "{%p if blocks.imprint %}")
    _tag(doc, "{{p blocks.imprint }}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _tag(doc, "{%p endif %}")

    _tag(doc, "{{ h.toc }}", S.TOC_HEADING)
    toc = doc.add_paragraph(style=S.BODY)
    _field(toc, 'TOC \\o "1-2" \\h \\z \\u', "{{ toc_placeholder }}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for block, heading, page_break in SECTIONS:
        if block == "measures":
            # The measure sheets are a section of their own, whose page header names
            # the measure of the page (a sheet that runs on is known by its title on
            # every page). The break before it stays even without measures: it ends the
            # section of the title page, whose first page has no header or footer.
            _section_break(doc)
        _tag(doc, f"{{%p if blocks.{block} %}}")
        paragraph = doc.add_paragraph(style=S.HEADING_1)
        # "page break before" (Format › Paragraph in Word), not a break inside the
        # heading: a break character starts the page with an empty line of its own
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        paragraph.add_run(f"{{{{ h.{heading} }}}}")
        _tag(doc, f"{{{{p blocks.{block} }}}}")
        if block == "measures":
            _section_break(doc)
        _tag(doc, "{%p endif %}")


def _section_break(doc: DocumentObject) -> None:
    """End the section here, in a paragraph of its own that takes no room (HP Section
    Break): python-docx moves the section's properties to it and starts the next."""
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.paragraphs[-1].style = doc.styles[S.SECTION_BREAK]


def _running_header(header: Any, instruction: str = "STYLEREF 1") -> None:
    """The draft marking (drafts only: no empty line in its place when final), then the
    chapter's number and ``instruction``'s text (the chapter's name, or the measure's
    heading in the measure sheets' section)."""
    header.paragraphs[0].add_run("{%p if draft_marking %}")
    header.add_paragraph("{{ draft_marking }}", style=S.DRAFT_MARKING)
    header.add_paragraph("{%p endif %}")
    running = header.add_paragraph(style=S.RUNNING_HEADER)
    _field(running, "STYLEREF 1 \\n", "")
    running.add_run("\t")
    _field(running, instruction, "")


def _footer(paragraph: Paragraph) -> None:
    """Page X of Y in both languages, the version and the content's fingerprint."""
    paragraph.style = S.FOOTER
    for lang in ("de", "partner"):
        if lang == "partner":
            paragraph.add_run(" / ")
        paragraph.add_run(f"{{{{ footer.page_{lang}[0] }}}}")
        _field(paragraph, "PAGE")
        paragraph.add_run(f"{{{{ footer.page_{lang}[1] }}}}")
        _field(paragraph, "NUMPAGES")
        paragraph.add_run(f"{{{{ footer.page_{lang}[2] }}}}")
    paragraph.add_run("  ·  {{ footer.version }}  ·  {{ footer.fingerprint }}")


def build_header_footer(doc: DocumentObject) -> None:
    """The chapter's name and the draft marking on every page; page X of Y, version and
    fingerprint in the footer. Three sections: up to the measures (its first page, the
    title page, without header and footer), the measure sheets (each page's header names
    its measure), the rest.

    The chapter's number and name are ``STYLEREF 1 \\n`` and ``STYLEREF 1`` fields (of
    the last "Heading 1"), the measure's ``STYLEREF "HP Measure Heading"``, which Word
    updates as it lays out pages. LibreOffice 7.4 keeps a STYLEREF's stored result, so
    the conversion replaces them by LibreOffice's chapter fields (pdf/lo_macro.py).
    """
    front, sheets, rest = doc.sections
    _running_header(front.header)
    _footer(front.footer.paragraphs[0])
    # the title page has no running footer ("different first page"); a draft's marking
    # stays on it, empty in a final document
    front.different_first_page_header_footer = True
    first = front.first_page_header.paragraphs[0]
    first.style = doc.styles[S.DRAFT_MARKING]
    first.add_run("{{ draft_marking }}")
    front.first_page_footer.paragraphs[0].style = doc.styles[S.FOOTER]
    # the chapter's first page names the chapter; the sheets after it their measure
    # (a header or footer not "linked to previous" has a part of its own: python-docx
    # would otherwise hand out the previous section's to fill)
    sheets.different_first_page_header_footer = True
    for part in (sheets.first_page_header, sheets.first_page_footer, sheets.header, rest.header):
        part.is_linked_to_previous = False
    _running_header(sheets.first_page_header)
    _footer(sheets.first_page_footer.paragraphs[0])
    _running_header(sheets.header, f'STYLEREF "{S.MEASURE_HEADING}"')
    _running_header(rest.header)


def _no_hyphens(doc: DocumentObject, names: tuple[str, ...]) -> None:
    """Titles and headings are not hyphenated ("Kom-|munalen" in a title reads badly);
    body text and table cells are."""
    for name in names:
        _insert_ppr(doc.styles[name].element.get_or_add_pPr(), OxmlElement("w:suppressAutoHyphens"))


def _one_font_family(doc: DocumentObject) -> None:
    """Every style in the template's font: python-docx's default heading styles name
    theme fonts (Calibri Light), which win over the font set by name, so headings came
    out in another family than the body."""
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{theme}"), None)


def _numbered_chapters(doc: DocumentObject) -> None:
    """Chapters numbered 1, 2, 3 … through the "Heading 1" style's own list, so the
    contents, the bookmarks and the running header carry the number, and a user who
    restyles the heading in Word keeps it (or switches it off in one place)."""
    numbering = doc.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.iter(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))]
    abstract_id, num_id = max(ids, default=-1) + 1, max(nums, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    kind = OxmlElement("w:multiLevelType")
    kind.set(qn("w:val"), "singleLevel")
    abstract.append(kind)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for name, value in (("start", "1"), ("numFmt", "decimal"), ("pStyle", "Heading1"),
                        ("suff", "tab"), ("lvlText", "%1"), ("lvlJc", "left")):  # fmt: skip
        element = OxmlElement(f"w:{name}")
        element.set(qn("w:val"), value)
        level.append(element)
    ppr = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), "567")  # 1 cm: a second line of the heading aligns with its text
    indent.set(qn("w:hanging"), "567")
    ppr.append(indent)
    level.append(ppr)
    abstract.append(level)
    last = list(numbering.iter(qn("w:abstractNum")))
    if last:
        last[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    num_pr = OxmlElement("w:numPr")
    for name, value in (("ilvl", "0"), ("numId", str(num_id))):
        element = OxmlElement(f"w:{name}")
        element.set(qn("w:val"), value)
        num_pr.append(element)
    _insert_ppr(doc.styles[S.HEADING_1].element.get_or_add_pPr(), num_pr)


def _text_font_bullets(doc: DocumentObject) -> None:
    """Bullets as "•" in the text's font: python-docx's lists use the private-use glyph
    of the Symbol font, which LibreOffice replaces with OpenSymbol, a second family
    embedded in every PDF with a list."""
    numbering = doc.part.numbering_part.element
    for level_text in numbering.iter(qn("w:lvlText")):
        if level_text.get(qn("w:val")) == "\uf0b7":
            level_text.set(qn("w:val"), "•")
    for fonts in list(numbering.iter(qn("w:rFonts"))):
        if fonts.get(qn("w:ascii")) == "Symbol":
            fonts.getparent().remove(fonts)


def _hyphenation(settings: Any) -> None:
    """Automatic hyphenation, per the language of each paragraph and run (German
    compounds in narrow table columns break at syllables, with a hyphen); at most two
    hyphenated lines in a row, no hyphenated words in capitals (codes, acronyms).

    The schema orders settings: these follow ``w:defaultTabStop``.
    """
    anchor = settings.find(qn("w:defaultTabStop"))
    for name, value in reversed(
        (
            ("autoHyphenation", None),
            ("consecutiveHyphenLimit", "2"),
            ("hyphenationZone", "284"),  # 0.5 cm
            ("doNotHyphenateCaps", None),
        )
    ):
        element = OxmlElement(f"w:{name}")
        if value is not None:
            element.set(qn("w:val"), value)
        anchor.addnext(element)


def build() -> bytes:
    """Build the template and return its bytes."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    build_styles(doc)
    # python-docx's default template starts with one empty paragraph: remove it.
    for paragraph in list(doc.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    build_body(doc)
    build_header_footer(doc)
    # the document language (LibreOffice takes the PDF's /Lang from the defaults)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "de-DE")
    _one_font_family(doc)
    _no_hyphens(doc, (S.COVER_TITLE, S.COVER_TITLE_PARTNER, S.COVER_SUBTITLE, S.TOC_HEADING,
                      S.HEADING_1, S.HEADING_2, S.HEADING_3, S.MEASURE_HEADING,
                      S.TABLE_HEADER, S.RUNNING_HEADER))  # fmt: skip  # "Ki-dira", "Betroffe-ne" in headers
    _text_font_bullets(doc)
    _numbered_chapters(doc)
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    _hyphenation(settings)
    props = doc.core_properties
    props.title = "{{ cover.title_de }}"
    props.author = "handlungsprogramm"
    props.comments = "Standard template of handlungsprogramm; see docs/templates.md."
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main() -> int:
    """Write templates/standard.docx."""
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
