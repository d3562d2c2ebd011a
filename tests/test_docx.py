"""The Word document of the bundled example, read back with python-docx, in both layouts."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from handlungsprogramm import Programme, from_data, load
from handlungsprogramm.fingerprint import fingerprint, short_fingerprint
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.model import Side
from handlungsprogramm.render.docx import DocxResult, Mode, render_docx, slug, standard_template
from handlungsprogramm.render.geometry import bookmark_name
from handlungsprogramm.render.styles import CHARACTER, PARAGRAPH, TABLE
from handlungsprogramm.render.writer import Layout
from tests.conftest import EXAMPLE, ROOT


@pytest.fixture(scope="module")
def programme() -> Programme:
    return load(EXAMPLE)


@pytest.fixture(scope="module", params=list(Layout), ids=[layout.value for layout in Layout])
def built(
    request: pytest.FixtureRequest, programme: Programme
) -> tuple[Layout, DocxResult, Document]:
    layout: Layout = request.param
    result = render_docx(programme, layout=layout)
    return layout, result, docx.Document(io.BytesIO(result.data))


def paragraphs(container: Document | Table) -> Iterator[Paragraph]:
    """Every paragraph, including those inside (nested) tables, in document order."""
    items = container.iter_inner_content() if isinstance(container, Document) else []
    if isinstance(container, Table):
        for row in container.rows:
            for cell in row.cells:
                yield from cell.paragraphs
                for inner in cell.tables:
                    yield from paragraphs(inner)
        return
    for item in items:
        if isinstance(item, Paragraph):
            yield item
        else:
            yield from paragraphs(item)


def all_text(document: Document) -> str:
    return "\n".join(p.text for p in paragraphs(document))


def bi(key: str, **params: object) -> str:
    return f"{label(key, 'de', **params)} / {label(key, 'fr', **params)}"


def test_example_is_final(built: tuple[Layout, DocxResult, Document]) -> None:
    """The complete example builds as a final document: no draft marking, no annex."""
    _, result, document = built
    assert result.draft is False
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "ENTWURF" not in header
    assert bi("section.annex") not in [p.text for p in paragraphs(document)]


def test_section_headings_in_order(built: tuple[Layout, DocxResult, Document]) -> None:
    """Every section heading is there, in both languages, in the standard order."""
    _, _, document = built
    h1 = [
        p.text for p in paragraphs(document) if p.style is not None and p.style.name == "Heading 1"
    ]
    expected = [
        bi("section.vision"),
        bi("section.preamble"),
        bi("section.background"),
        bi("section.baseline"),
        bi("section.fields_of_action"),
        bi("section.objectives"),
        bi("measures.overview"),
        bi("section.measures"),
        bi("section.resources"),
        bi("section.responsibilities"),
        bi("section.monitoring"),
        bi("section.outlook"),
        bi("section.adoption"),
        bi("section.signatures"),
    ]
    assert h1 == expected


def test_one_sheet_per_measure(
    built: tuple[Layout, DocxResult, Document], programme: Programme
) -> None:
    """Each measure has a heading with its code and both titles, in programme order."""
    _, _, document = built
    codes = {m.code for m in programme.measures}
    sheets = [
        p.text
        for p in paragraphs(document)
        if p.style is not None and p.style.name == "Heading 2" and p.text.split(" ")[0] in codes
    ]
    assert len(sheets) == len(programme.measures) == 17
    first = programme.measures[0]
    assert sheets[0] == f"{first.code} {first.title['de']} / {first.code} {first.title['fr']}"


def test_overview_lists_every_measure(
    built: tuple[Layout, DocxResult, Document], programme: Programme
) -> None:
    """The overview table has one row per measure after the bilingual header."""
    _, _, document = built
    overview = next(t for t in document.tables if t.cell(0, 1).text == "Titel\nIntitulé")
    assert [row.cells[0].text for row in overview.rows[1:]] == [m.code for m in programme.measures]


def test_both_languages_present(
    built: tuple[Layout, DocxResult, Document], programme: Programme
) -> None:
    """Texts appear in German and French, laid out per the layout."""
    layout, _, document = built
    assert programme.vision is not None
    first_de = programme.vision["de"].split("\n\n")[0].replace("**", "")
    first_fr = programme.vision["fr"].split("\n\n")[0].replace("**", "")
    texts = [p.text for p in paragraphs(document)]
    assert first_de.replace("\n", " ") in texts
    assert first_fr.replace("\n", " ") in texts
    by_text = {p.text: p for p in paragraphs(document)}
    style_fr = by_text[first_fr.replace("\n", " ")].style
    assert style_fr is not None
    assert style_fr.name == "HP Body Partner"
    if layout is Layout.SIDE_BY_SIDE:
        pair = next(t for t in document.tables if t.cell(0, 0).text == first_de.replace("\n", " "))
        assert pair.cell(0, 1).text == first_fr.replace("\n", " ")


def test_money_formatted_per_language(built: tuple[Layout, DocxResult, Document]) -> None:
    """Sums are written the German way and the French way, XOF without decimals."""
    _, _, document = built
    text = all_text(document)
    assert format_money(Decimal(185000), "EUR", "de") == "185.000,00\u00a0€"
    assert "185.000,00\u00a0€" in text
    assert "15.000.000\u00a0F\u202fCFA" in text
    assert format_money(Decimal(15000000), "XOF", "fr") in text  # the French column or line


def test_footer_and_signature_page_carry_fingerprint(
    built: tuple[Layout, DocxResult, Document], programme: Programme
) -> None:
    """Short fingerprint in the footer of every page; the full one on the signature page."""
    _, result, document = built
    assert result.fingerprint == fingerprint(programme)
    footer = document.sections[0].footer.paragraphs[0]
    assert f"SHA-256 {short_fingerprint(programme)}" in footer.text
    xml = footer._p.xml
    assert xml.count("PAGE") == 4  # PAGE and NUMPAGES, once per language
    grouped = " ".join(re.findall("....", result.fingerprint))
    assert f"SHA-256 {grouped}" in all_text(document)


def test_signature_blocks(built: tuple[Layout, DocxResult, Document], programme: Programme) -> None:
    """German left, partner right: names, functions and a bookmark per signature box."""
    _, _, document = built
    table = next(t for t in document.tables if t.cell(0, 0).text.startswith("Für / Pour"))
    left, right = table.column_cells(0), table.column_cells(1)
    german, partner = programme.partnership.german, programme.partnership.partner
    assert left[0].text == f"Für / Pour\n{german.name}"
    assert right[0].text == f"Für / Pour\n{partner.name}"
    for cells, side in ((left, Side.GERMAN), (right, Side.PARTNER)):
        signatory = programme.signatory(side)
        assert signatory is not None
        assert signatory.name in cells[3].text
        assert bookmark_name(side) in cells[2]._tc.xml
    assert table.rows[2].height is not None
    assert round(table.rows[2].height.cm, 1) == 3.0


def test_file_name_is_a_slug(programme: Programme) -> None:
    """Output files are named after the partnership, ASCII only."""
    assert slug(programme) == "pfinztal-commune-de-kidira"


def test_template_has_every_style() -> None:
    """The standard template defines every style the renderer uses."""
    document = docx.Document(io.BytesIO(standard_template()))
    names = {s.name for s in document.styles}
    assert set(PARAGRAPH) | set(CHARACTER) | set(TABLE) <= names


def test_template_body_has_no_direct_formatting() -> None:
    """Looks live in styles: the template's body runs carry no font, size or colour."""
    with zipfile.ZipFile(io.BytesIO(standard_template())) as package:
        body = package.read("word/document.xml").decode()
    for tag in ("<w:sz ", "<w:color ", "<w:rFonts ", "<w:b/>", "<w:i/>"):
        assert tag not in body


def test_committed_template_is_current() -> None:
    """templates/standard.docx is what its generator script builds (run it after changes)."""
    import runpy

    module = runpy.run_path(str(ROOT / "templates" / "build_standard_template.py"))
    fresh = zipfile.ZipFile(io.BytesIO(module["build"]()))
    committed = zipfile.ZipFile(io.BytesIO(standard_template()))
    for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/header1.xml"):
        assert fresh.read(part) == committed.read(part), part


def test_draft_when_errors(programme: Programme) -> None:
    """Mode.DRAFT marks every page and adds the annex even for a complete programme."""
    result = render_docx(programme, mode=Mode.DRAFT)
    document = docx.Document(io.BytesIO(result.data))
    header = document.sections[0].header.paragraphs[0].text
    assert (
        header == f"{label('draft.marking', 'de').upper()} / {label('draft.marking', 'fr').upper()}"
    )
    assert bi("section.annex") in [p.text for p in paragraphs(document)]


# A valid 1×1 PNG (red pixel), enough for python-docx and LibreOffice.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def test_logos_on_the_cover(tmp_path: Path) -> None:
    """A logo next to the programme file appears on the cover; one outside the folder does not."""
    from tests.conftest import complete_data

    data = complete_data()
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path.parent / "outside.png").write_bytes(PNG)
    data["partnership"]["german"]["logo"] = "logo.png"
    data["partnership"]["partner"]["logo"] = "../outside.png"
    programme = from_data(data, base_dir=tmp_path)
    document = docx.Document(io.BytesIO(render_docx(programme, charts=False).data))
    assert len(document.inline_shapes) == 1
