"""The change document: what changed between two drafts, for a council, in both languages.

Written on the standard template (its page, fonts and named styles), so it looks like
the programme it describes. The first page names both versions with their content
fingerprints and sums up: measures added, removed, changed and moved, and the money
of all measures per currency before and after. Then the changes, chapter by chapter,
the old and the new text side by side (or one under the other, ``sequential``):
deleted words struck through and red, inserted words underlined and green, so they
can be told apart in greyscale too. Every label is in German and the partner language
of the new draft; amounts and dates in each language's own form.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_UNDERLINE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table, _Cell

from handlungsprogramm.compose.values import Bi
from handlungsprogramm.diff.changes import Change, ChangeSet, Kind, Version
from handlungsprogramm.diff.display import Display
from handlungsprogramm.diff.words import Mark, word_diff
from handlungsprogramm.fingerprint import grouped
from handlungsprogramm.i18n.formatting import format_date, format_money
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.model import Programme
from handlungsprogramm.options import Layout
from handlungsprogramm.render.docx import standard_template
from handlungsprogramm.render.sanitize import clean_text
from handlungsprogramm.render.styles import S
from handlungsprogramm.render.writer import TEXT_WIDTH_CM, set_column_widths

__all__ = ["change_document", "change_docx"]

_DELETED = RGBColor(0xB0, 0x00, 0x20)
_INSERTED = RGBColor(0x00, 0x6B, 0x3C)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_NUMERIC = frozenset({"amount", "value", "per_euro", "share", "estimated_reduction"})
_CHAPTER = {
    "vision": "section.vision", "preamble": "section.preamble",
    "background": "section.background", "baseline": "section.baseline",
    "fields_of_action": "section.fields_of_action", "measures": "section.measures",
    "monitoring": "section.monitoring", "outlook": "section.outlook",
    "adoptions": "section.adoption", "signatories": "section.signatures",
    "signing": "section.signatures", "abbreviations": "section.abbreviations",
    "references": "section.references", "exchange_rates": "section.resources",
    "publisher": "changes.publication", "funders": "changes.publication",
}  # fmt: skip
"""The chapter each top-level field's changes are listed under; the rest: general."""


class _Doc:
    """The document being written, in the languages of the new draft."""

    def __init__(self, partner: str, layout: Layout) -> None:
        self.partner = partner
        self.layout = layout
        self.doc: DocxDocument = Document(io.BytesIO(standard_template()))
        self.display = Display(partner)
        _clear(self.doc)

    def bi(self, key: str, **params: object) -> Bi:
        return Bi(label(key, "de", **params), label(key, self.partner, **params))

    def heading(self, key: str) -> None:
        self.doc.add_paragraph(self.bi(key).joined(), style=S.HEADING_1)

    def table(self, header: Sequence[Bi | str], widths: Sequence[float]) -> Table:
        table = self.doc.add_table(rows=1, cols=len(widths))
        table.style = self.doc.styles[S.TABLE]
        for cell, title in zip(table.rows[0].cells, header, strict=True):
            _text(cell, title.joined("\n") if isinstance(title, Bi) else title, S.TABLE_HEADER)
        _repeat(table.rows[0])
        set_column_widths(table, widths)
        made: Table = table
        return made

    def row(self, table: Table, values: Sequence[Any]) -> list[_Cell]:
        cells: list[_Cell] = list(table.add_row().cells)  # type: ignore[no-untyped-call]
        for cell, value in zip(cells, values, strict=True):
            if isinstance(value, str | Bi):
                _text(cell, value.joined("\n") if isinstance(value, Bi) else value, S.TABLE_TEXT)
        return cells


def _clear(doc: DocxDocument) -> None:
    """The template's body and running texts emptied (they hold the programme's
    placeholders); its page setup and styles stay."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for section in doc.sections:
        section.different_first_page_header_footer = False
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            for paragraph in part.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            for table in part.tables:
                table._tbl.getparent().remove(table._tbl)
            if part.paragraphs:
                for run in list(part.paragraphs[0].runs):
                    run._r.getparent().remove(run._r)  # fmt: skip


def _repeat(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def _text(cell: _Cell, text: str, style: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.add_run(clean_text(text))


def _marked(paragraph: Any, parts: list[tuple[Mark, str]]) -> None:
    """``parts`` into ``paragraph``: kept words plain, deleted ones struck through and red,
    inserted ones underlined and green (told apart in greyscale by the line)."""
    paragraph.style = S.TABLE_TEXT
    for mark, text in parts:
        run = paragraph.add_run(clean_text(text))
        if mark is Mark.DELETED:
            run.font.strike = True
            run.font.color.rgb = _DELETED
        elif mark is Mark.INSERTED:
            run.font.underline = WD_UNDERLINE.SINGLE
            run.font.color.rgb = _INSERTED


def _version(doc: _Doc, version: Version) -> list[str | Bi]:
    date = version.date
    when: str | Bi = "–"
    if date:
        import datetime as dt

        day = dt.date.fromisoformat(date)
        when = Bi(format_date(day, "de"), format_date(day, doc.partner))
    return [version.file, version.version, when, grouped(version.fingerprint)]


def _front(doc: _Doc, changes: ChangeSet, new: Programme) -> None:
    document = doc.doc
    document.add_paragraph(label("changes.title", "de"), style=S.COVER_TITLE)
    document.add_paragraph(label("changes.title", doc.partner), style=S.COVER_TITLE_PARTNER)
    title = new.title
    subtitle = Bi(title.get("de"), title.get(doc.partner)).joined(" / ")
    document.add_paragraph(clean_text(subtitle), style=S.COVER_SUBTITLE)
    doc.heading("changes.versions")
    half = (TEXT_WIDTH_CM - 4.2) / 2
    table = doc.table(["", doc.bi("changes.earlier"), doc.bi("changes.later")], [4.2, half, half])
    old, new_version = _version(doc, changes.old), _version(doc, changes.new)
    for key, before, after in zip(
        ("changes.source", "changes.version", "changes.date", "changes.fingerprint"),
        old, new_version, strict=True,
    ):  # fmt: skip
        doc.row(table, [doc.bi(key), before, after])


def _summary(doc: _Doc, changes: ChangeSet) -> None:
    doc.heading("changes.summary")
    if changes.identical:
        doc.doc.add_paragraph(doc.bi("changes.identical").joined(), style=S.BODY)
        return
    table = doc.table(
        ["", doc.bi("changes.count"), doc.bi("changes.codes")], [6.0, 2.4, TEXT_WIDTH_CM - 8.4]
    )
    for kind in (Kind.ADDED, Kind.REMOVED, Kind.CHANGED, Kind.MOVED):
        codes = changes.summary.measures[kind]
        shown = ", ".join(codes) if codes else doc.bi("changes.none").joined()
        doc.row(table, [doc.bi(f"changes.measures_{kind.value}"), str(len(codes)), shown])
    if changes.summary.budget:
        doc.doc.add_paragraph(doc.bi("changes.money").joined(), style=S.TABLE_CAPTION)
        rest = (TEXT_WIDTH_CM - 2.2) / 3
        money = doc.table(
            [doc.bi("changes.currency"), doc.bi("changes.before"), doc.bi("changes.after"),
             doc.bi("changes.difference")],
            [2.2, rest, rest, rest],
        )  # fmt: skip
        for currency, (before, after) in changes.summary.budget.items():
            doc.row(money, [currency, *(
                Bi(format_money(v, currency, "de"), format_money(v, currency, doc.partner))
                for v in (before, after, after - before)
            )])  # fmt: skip
    legend = doc.doc.add_paragraph(doc.bi("changes.legend").joined(), style=S.BODY)
    legend.paragraph_format.space_before = Pt(9)


def _chapters(doc: _Doc, changes: ChangeSet) -> None:
    groups: dict[str, list[Change]] = {}
    for change in changes.changes:
        groups.setdefault(_CHAPTER.get(change.chapter, "changes.general"), []).append(change)
    for key, group in groups.items():
        doc.heading(key)
        _changes_table(doc, group)


def _changes_table(doc: _Doc, group: list[Change]) -> None:
    before, after = doc.bi("changes.before"), doc.bi("changes.after")
    if doc.layout is Layout.SEQUENTIAL:
        both = Bi(f"{before.de} / {after.de}", f"{before.partner} / {after.partner}")
        table = doc.table([doc.bi("changes.place"), both], [4.2, TEXT_WIDTH_CM - 4.2])
    else:
        half = (TEXT_WIDTH_CM - 4.2) / 2
        table = doc.table([doc.bi("changes.place"), before, after], [4.2, half, half])
    for change in group:
        place = f"{doc.display.place(change.path).joined(chr(10))}\n({doc.bi(f'changes.{change.kind.value}').joined()})"
        if doc.layout is Layout.SEQUENTIAL:
            row = doc.row(table, [place, None])
            _sides(doc, change, row[1], row[1])
        else:
            row = doc.row(table, [place, None, None])
            _sides(doc, change, row[1], row[2])
        if len(str(change.old)) + len(str(change.new)) < 600:  # a short row stays whole
            _keep_whole(row[0])


def _keep_whole(cell: _Cell) -> None:
    """The row of ``cell`` is not split across pages."""
    trpr = cell._tc.getparent().get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _sides(doc: _Doc, change: Change, old_cell: _Cell, new_cell: _Cell) -> None:
    """The old value into ``old_cell`` and the new into ``new_cell`` (the same cell, one
    paragraph under the other, in the sequential layout): a changed text word by word,
    anything else whole; what is gone struck through, what is new underlined. A moved
    item's old and new place are named in words."""
    if change.kind is Kind.MOVED and isinstance(change.old, str) and isinstance(change.new, str):
        old = doc.display.place(change.old).joined("\n")
        new = doc.display.place(change.new).joined("\n")
    else:
        old = doc.display.value(change.old, change.path, change.currency)
        new = doc.display.value(change.new, change.path, change.currency)
    texts = isinstance(change.old, str) and isinstance(change.new, str)
    if change.kind is Kind.CHANGED and texts and " " in change.old + change.new:
        parts = word_diff(old, new)
        before = [part for part in parts if part[0] is not Mark.INSERTED]
        after = [part for part in parts if part[0] is not Mark.DELETED]
    else:
        before = [(Mark.SAME if change.kind is Kind.ADDED else Mark.DELETED, old)]
        after = [(Mark.SAME if change.kind is Kind.REMOVED else Mark.INSERTED, new)]
    _marked(old_cell.paragraphs[0], before)
    target = new_cell.paragraphs[0] if new_cell is not old_cell else new_cell.add_paragraph()
    _marked(target, after)


def _footer(doc: _Doc, changes: ChangeSet) -> None:
    text = doc.bi("changes.footer", old=changes.old.version, new=changes.new.version).joined()
    for section in doc.doc.sections:
        paragraph = section.footer.paragraphs[0] if section.footer.paragraphs else None
        if paragraph is None:
            paragraph = section.footer.add_paragraph()
        paragraph.style = S.FOOTER
        paragraph.add_run(clean_text(f"{text}  ·  "))
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text_element = OxmlElement("w:t")
        text_element.text = "1"
        run.append(text_element)
        field.append(run)
        paragraph._p.append(field)


def change_docx(
    changes: ChangeSet, new: Programme, *, layout: Layout = Layout.SIDE_BY_SIDE
) -> bytes:
    """The change document as Word bytes, in German and the new draft's partner language."""
    doc = _Doc(new.partner_language, layout)
    _front(doc, changes, new)
    _summary(doc, changes)
    _chapters(doc, changes)
    _footer(doc, changes)
    out = io.BytesIO()
    doc.doc.core_properties.title = clean_text(
        f"{label('changes.title', 'de')} – {new.title.get('de')}"
    )
    doc.doc.save(out)
    return out.getvalue()


def change_document(
    changes: ChangeSet,
    new: Programme,
    *,
    layout: Layout = Layout.SIDE_BY_SIDE,
    pdf: bool = False,
) -> bytes:
    """The change document as DOCX bytes, or as PDF through the conversion ``build`` uses
    (LibreOffice, PDF/A)."""
    data = change_docx(changes, new, layout=layout)
    if not pdf:
        return data
    from handlungsprogramm.pdf.convert import convert_many
    from handlungsprogramm.pdf.scratch import private_folder

    with private_folder("hp-diff-") as tmp:
        source = tmp / "changes.docx"
        source.write_bytes(data)
        (converted,) = convert_many([source], tmp / "pdf", cleanup=[tmp])
        return converted.read_bytes()
