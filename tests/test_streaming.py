"""Large documents: measure sheets serialised in parts and written into the package.

The measures chapter is built a few sheets at a time and kept as compressed XML
(render/blocks.py); the package is written part by part with that XML in place of a
comment (render/package.py). These tests read the produced files back and compare
them with what python-docx and a single-tree build give.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from handlungsprogramm import Programme, from_data, load
from handlungsprogramm.errors import TemplateError
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.render import sections
from handlungsprogramm.render.blocks import RowPacker
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.render.writer import Layout
from tests.conftest import EXAMPLE, complete_data
from tests.test_docx import paragraphs
from tests.test_docx_safety import template_with

MEASURES = 60


def _many(count: int) -> Programme:
    """The example with ``count`` measures (copies of its 17, renumbered)."""
    data: dict[str, Any] = complete_data()
    template = data["measures"]
    measures = []
    for i in range(count):
        measure = copy.deepcopy(template[i % len(template)])
        measure["code"] = f"M-{i + 1:03d}"
        measures.append(measure)
    data["measures"] = measures
    return from_data(data)


@pytest.fixture(scope="module")
def many() -> Programme:
    return _many(MEASURES)


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")


def _sheet_codes(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [
        p.text.split(" ")[0]
        for p in paragraphs(document)
        if p.style is not None
        and p.style.name in ("Heading 2", "HP Measure Heading")
        and p.text.startswith("M-")
    ]


@pytest.mark.parametrize("layout", list(Layout), ids=[layout.value for layout in Layout])
def test_parts_do_not_change_the_document(
    many: Programme, layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sheets written 25 at a time give the same main part as one tree, and as one each."""
    written = {}
    for per_part in (25, MEASURES, 1):
        monkeypatch.setattr(sections, "_SHEETS_PER_PART", per_part)
        result = render_docx(many, layout=layout, charts=False)
        written[per_part] = _document_xml(result.data)
    assert written[25] == written[MEASURES] == written[1]
    xml = written[25]
    etree.fromstring(xml)  # well-formed
    assert b"HP-STREAM" not in xml
    assert b"HP-BLOCK" not in xml
    # the sheets carry no namespace declarations of their own: only the root's
    assert xml.count(b'xmlns:w="') == 1
    expected = [f"M-{i + 1:03d}" for i in range(MEASURES)]
    assert _sheet_codes(render_docx(many, layout=layout, charts=False).data) == expected


@pytest.mark.parametrize("layout", list(Layout), ids=[layout.value for layout in Layout])
def test_a_chapter_kept_as_text_gives_the_same_document(
    many: Programme, layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every chapter streamed (pictures of the time plan and charts included) gives the
    same main part, picture ids and all, as every chapter in the tree."""
    written = {}
    for above in (10**9, 0):
        monkeypatch.setattr(sections, "_STREAM_ABOVE", above)
        written[above] = render_docx(many, layout=layout).data
    assert _document_xml(written[0]) == _document_xml(written[10**9])
    ids = re.findall(rb'<wp:docPr id="(\d+)"', _document_xml(written[0]))
    assert len(ids) >= 6
    assert [int(i) for i in ids] == list(range(1, len(ids) + 1))
    document = docx.Document(io.BytesIO(written[0]))
    assert len(document.inline_shapes) == len(ids)


def test_each_sheet_has_its_field_table(many: Programme) -> None:
    """Between one sheet's heading and the next comes exactly that sheet's field table."""
    result = render_docx(many, layout=Layout.SEQUENTIAL, charts=False)
    items = list(docx.Document(io.BytesIO(result.data)).iter_inner_content())
    starts = [
        index
        for index, item in enumerate(items)
        if isinstance(item, Paragraph)
        and item.style is not None
        and item.style.name in ("Heading 1", "Heading 2", "HP Measure Heading")
    ]
    sheets = [i for i in starts if items[i].text[:2] == "M-"]  # type: ignore[union-attr]
    assert len(sheets) == MEASURES
    pillar = label("measure.pillar", "de")
    for start in sheets:
        end = min(i for i in starts if i > start)
        tables = [item for item in items[start:end] if isinstance(item, Table)]
        assert len(tables) == 1
        assert pillar in [cell.text.split("\n")[0] for cell in tables[0].columns[0].cells]


def test_a_block_placed_twice_is_written_twice(many: Programme) -> None:
    """A custom template may place the measures twice; both copies are complete."""
    template = template_with("{{p blocks.measures }}", "—", "{{p blocks.measures }}")
    result = render_docx(many, template=template, charts=False)
    codes = _sheet_codes(result.data)
    expected = [f"M-{i + 1:03d}" for i in range(MEASURES)]
    assert codes == expected + expected
    document = docx.Document(io.BytesIO(result.data))
    assert "—" in [p.text for p in document.paragraphs]


def test_a_chapter_with_pictures_placed_twice_numbers_each_picture(
    many: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overview streamed and placed twice: each copy's pictures get ids of their own."""
    monkeypatch.setattr(sections, "_STREAM_ABOVE", 0)
    template = template_with(
        "{{p blocks.measures_overview }}", "—", "{{p blocks.measures_overview }}"
    )
    xml = _document_xml(render_docx(many, template=template).data)
    ids = [int(i) for i in re.findall(rb'<wp:docPr id="(\d+)"', xml)]
    assert len(ids) >= 2
    assert ids == list(range(1, len(ids) + 1))


def test_package_lists_what_python_docx_would() -> None:
    """Same entries in the same order, same content types; pictures stored, XML deflated."""
    result = render_docx(load(EXAMPLE))
    ours = zipfile.ZipFile(io.BytesIO(result.data))
    again = io.BytesIO()
    docx.Document(io.BytesIO(result.data)).save(again)  # python-docx's own writer
    theirs = zipfile.ZipFile(again)
    assert [i.filename for i in ours.infolist()] == [i.filename for i in theirs.infolist()]
    assert ours.read("[Content_Types].xml") == theirs.read("[Content_Types].xml")
    assert ours.testzip() is None
    for info in ours.infolist():
        expected = zipfile.ZIP_STORED if info.filename.endswith(".png") else zipfile.ZIP_DEFLATED
        if info.filename.startswith("word/media/"):
            assert info.compress_type == expected, info.filename
        elif info.filename.endswith(".xml"):
            assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename
    pictures = [n for n in ours.namelist() if n.startswith("word/media/")]
    assert len(pictures) >= 6


def test_standard_template_without_measures_chapter() -> None:
    """A programme without measures has no streamed block; the package is still whole."""
    data = complete_data()
    data["measures"] = []
    result = render_docx(from_data(data), charts=False)
    xml = _document_xml(result.data)
    etree.fromstring(xml)
    assert not re.search(rb"HP-(STREAM|BLOCK)", xml)
    assert _sheet_codes(result.data) == []


def _with_table_cell(text: str) -> bytes:
    """A custom template whose only placement is ``text`` in the first cell of a table."""
    document = docx.Document(io.BytesIO(template_with("vor")))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].text = text
    table.cell(0, 1).paragraphs[0].text = "rechts"
    document.add_paragraph("nach")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["measures", "vision"])
def test_a_block_in_a_table_cell_leaves_the_cell_ending_in_a_paragraph(name: str) -> None:
    """Word wants every cell to end with a paragraph; a block placed in one keeps that."""
    data = complete_data()
    data["vision"] = {"de": "VISION-DE", "fr": "VISION-FR"}
    result = render_docx(
        from_data(data), template=_with_table_cell(f"{{{{p blocks.{name} }}}}"), charts=False
    )
    body = etree.fromstring(_document_xml(result.data)).find(qn("w:body"))
    assert body is not None
    cell = body.find(f"{qn('w:tbl')}/{qn('w:tr')}/{qn('w:tc')}")
    assert cell is not None
    assert cell[-1].tag == qn("w:p")
    # as Word reads it: a code's hyphen is a no-break hyphen, an element of its own
    text = "".join("-" if e.tag == qn("w:noBreakHyphen") else e.text or "" for e in cell.iter())
    assert ("VISION-DE" if name == "vision" else "M-01") in text
    assert not re.search(r"HP-(STREAM|BLOCK)", text)


def test_every_placement_of_a_block_is_complete() -> None:
    """A section placed twice (vision: a tree block) appears twice, not once and then empty."""
    data = complete_data()
    data["vision"] = {"de": "VISION-DE", "fr": "VISION-FR"}
    template = template_with("{{p blocks.vision }}", "—", "{{p blocks.vision }}", "—")
    document = docx.Document(io.BytesIO(render_docx(from_data(data), template=template).data))
    text = "\n".join(p.text for p in paragraphs(document))
    assert text.count("VISION-DE") == 2
    assert text.count("VISION-FR") == 2


@pytest.mark.parametrize("title", ["HP-BLOCK-7f3a:0", "HP-BLOCK-7f3a:99", "<!--HP-BLOCK-7f3a:0-->"])
def test_text_that_looks_like_a_marker_stays_text(title: str) -> None:
    """User text printed by the template is never taken for a block's place."""
    data = complete_data()
    data["title"]["de"] = title
    template = template_with("[{{ cover.title_de }}]", "{{p blocks.vision }}")
    document = docx.Document(io.BytesIO(render_docx(from_data(data), template=template).data))
    assert document.paragraphs[0].text == f"[{title}]"


def test_a_block_in_a_header_is_a_template_error() -> None:
    """A block cannot go into a header (it would stay there as a bare marker)."""
    document = docx.Document(io.BytesIO(template_with("body")))
    document.sections[0].header.add_paragraph("{{p blocks.measures }}")
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(TemplateError) as caught:
        render_docx(from_data(complete_data()), template=buffer.getvalue(), charts=False)
    assert caught.value.code == "HP730"
    assert "header or footer" in caught.value.message("en")
    assert "Kopf- oder Fußzeile" in caught.value.message("de")


def test_a_main_part_past_the_zip64_limit_is_written_as_zip64(
    many: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamed main parts switch to zip64 when they may pass the limit, as writestr does.

    The limit (2 GiB) is lowered so that the 60-measure document passes it.
    """
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 256 * 1024)
    result = render_docx(many, charts=False)
    monkeypatch.undo()
    package = zipfile.ZipFile(io.BytesIO(result.data))
    info = package.getinfo("word/document.xml")
    assert info.file_size > 256 * 1024
    assert package.testzip() is None
    assert _sheet_codes(result.data) == [f"M-{i + 1:03d}" for i in range(MEASURES)]


@pytest.mark.parametrize("layout", list(Layout), ids=[layout.value for layout in Layout])
def test_rows_kept_as_text_give_the_same_document(
    many: Programme, layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long tables handed over a few rows at a time (the overview, the responsibilities,
    the sheets' field tables) give the same main part as tables built whole."""
    whole = _document_xml(render_docx(many, layout=layout, charts=False).data)
    monkeypatch.setattr(RowPacker, "BATCH", 2)
    batches: list[int] = []
    pack = RowPacker.pack

    def counted(self: RowPacker, tbl: Any, rows: list[Any]) -> None:
        batches.append(len(rows))
        pack(self, tbl, rows)

    monkeypatch.setattr(RowPacker, "pack", counted)
    packed = _document_xml(render_docx(many, layout=layout, charts=False).data)
    assert len(batches) >= MEASURES // 3  # the overview's rows at least
    assert packed == whole
    assert b"HP-ROWS" not in packed
