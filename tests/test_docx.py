"""The Word document of the bundled example, read back with python-docx, in both layouts."""

from __future__ import annotations

import copy
import io
import json
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw

from handlungsprogramm import Programme, from_data, load
from handlungsprogramm.compose.typography import typeset
from handlungsprogramm.files import logo
from handlungsprogramm.fingerprint import fingerprint, short_fingerprint
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.model import Hazard, Level, Side
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
        bi("section.summary"),
        bi("section.abbreviations"),
        bi("section.vision"),
        bi("section.preamble"),
        bi("section.background"),
        bi("section.references"),
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


SHEET_HEADINGS = ("Heading 2", "HP Measure Heading")
"""The first sheet follows its chapter's heading; every other starts a new page."""


def test_one_sheet_per_measure(
    built: tuple[Layout, DocxResult, Document], programme: Programme
) -> None:
    """Each measure has a heading with its code and both titles, in programme order."""
    _, _, document = built
    codes = {m.code for m in programme.measures}
    sheets = [
        p.text
        for p in paragraphs(document)
        if p.style is not None and p.style.name in SHEET_HEADINGS and p.text.split(" ")[0] in codes
    ]
    assert len(sheets) == len(programme.measures) == 17
    styles = [
        p.style.name
        for p in paragraphs(document)
        if p.style is not None and p.style.name in SHEET_HEADINGS and p.text.split(" ")[0] in codes
    ]
    # every sheet's heading in the style the sheets' page header names; the first one's
    # page was begun by the chapter's heading, so it does not break the page again
    assert styles == ["HP Measure Heading"] * 17
    breaks = [
        p.paragraph_format.page_break_before
        for p in paragraphs(document)
        if p.style is not None and p.style.name == "HP Measure Heading"
    ]
    assert breaks == [False] + [None] * 16
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
    first_fr = typeset(programme.vision["fr"].split("\n\n")[0].replace("**", ""), "fr")
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
    """Short fingerprint in the footer of every page; the full one at the foot of the
    signature page, in groups of four below its caption."""
    _, result, document = built
    assert result.fingerprint == fingerprint(programme)
    footer = document.sections[0].footer.paragraphs[0]
    assert f"SHA-256 {short_fingerprint(programme)}" in footer.text
    xml = footer._p.xml
    assert xml.count("PAGE") == 4  # PAGE and NUMPAGES, once per language
    grouped = " ".join(re.findall("....", result.fingerprint))
    assert f"Empreinte du contenu (SHA-256)\u202f:\n{grouped}" in all_text(document)


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
    # the town, not the institution, on the date line; a seal area per side below
    assert left[1].text.startswith("Pfinztal, \n")
    assert right[1].text.startswith("Kidira, \n")
    for cell in (left[4], right[4]):
        (area,) = cell.tables
        assert area.cell(0, 0).text == "Dienstsiegel\nCachet officiel"
        assert 'w:val="dashed"' in area.cell(0, 0)._tc.xml


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


def _media(result: DocxResult) -> dict[str, bytes]:
    """The pictures in the document, by part name."""
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("word/media/")}


def _logo_programme(folder: Path, name: str) -> Programme:
    from tests.conftest import complete_data

    data = complete_data()
    data["partnership"]["german"]["logo"] = name
    return from_data(data, base_dir=folder)


def test_small_logo_is_placed_unchanged(tmp_path: Path) -> None:
    """A logo no larger than the cover needs goes into the document byte for byte."""
    (tmp_path / "logo.png").write_bytes(PNG)
    result = render_docx(_logo_programme(tmp_path, "logo.png"), charts=False)
    assert list(_media(result).values()) == [PNG]


def test_huge_logo_is_scaled_down(tmp_path: Path) -> None:
    """A 5000×3000 logo with transparency becomes a small PNG of 260 pixels height that
    keeps its transparency; the document stays small."""
    image = Image.new("RGBA", (5000, 3000), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((200, 200, 4800, 2800), fill=(20, 120, 60, 255))
    draw.rectangle((1500, 1000, 3500, 2000), fill=(250, 200, 0, 128))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    (tmp_path / "logo.png").write_bytes(buffer.getvalue())
    # without the embedded fonts (about 1 MB whatever the logo): the size is the logo's
    result = render_docx(_logo_programme(tmp_path, "logo.png"), charts=False, embed_fonts=False)
    [placed] = _media(result).values()
    assert len(placed) < 200_000
    assert len(result.data) < 500_000
    with Image.open(io.BytesIO(placed)) as logo:
        assert logo.format == "PNG"
        assert logo.size == (433, 260)
        assert logo.mode == "RGBA"
        alpha = logo.getchannel("A").getextrema()
        assert alpha == (0, 255)  # transparent and opaque pixels both remain
    document = docx.Document(io.BytesIO(result.data))
    assert document.inline_shapes[0].height == Cm(2.2)


def test_heavy_photo_logo_is_reencoded(tmp_path: Path) -> None:
    """A photo of several megabytes (noise does not compress) becomes a small JPEG."""
    noise = random.Random(4).randbytes(1200 * 900 * 3)  # noqa: S311 - not for secrets
    buffer = io.BytesIO()
    Image.frombytes("RGB", (1200, 900), noise).save(buffer, "JPEG", quality=100)
    assert len(buffer.getvalue()) > 1_000_000
    (tmp_path / "photo.jpg").write_bytes(buffer.getvalue())
    result = render_docx(_logo_programme(tmp_path, "photo.jpg"), charts=False)
    [placed] = _media(result).values()
    assert len(placed) < 200_000
    with Image.open(io.BytesIO(placed)) as logo:
        assert logo.format == "JPEG"
        assert logo.size == (347, 260)


def test_cli_refuses_broken_logos_without_crashing(tmp_path: Path) -> None:
    """A decompression bomb and a truncated PNG are HP405 findings for check (exit 1) and
    leave build a draft without the logo, never an internal error (exit 70)."""
    from typer.testing import CliRunner

    from handlungsprogramm.cli import app
    from tests.conftest import complete_data

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 15_000, 15_000, 8, 6, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
    (tmp_path / "bomb.png").write_bytes(bomb)
    (tmp_path / "broken.png").write_bytes(PNG[:40])
    data = complete_data()
    data["partnership"]["german"]["logo"] = "bomb.png"
    data["partnership"]["partner"]["logo"] = "broken.png"
    source = tmp_path / "p.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    env = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(source)], env=env)
    assert result.exit_code == 1
    assert "HP405" in result.stdout + result.stderr
    assert "has more than 40 million pixels" in result.stdout + result.stderr
    assert (
        "broken.png of Kidira is a damaged or truncated PNG file" in result.stdout + result.stderr
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(source), "--out", str(out), "--no-charts"], env=env)
    assert result.exit_code == 0, result.stderr  # a draft, as for any open error
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "(draft)" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    [built] = out.glob("*.docx")
    assert len(docx.Document(str(built)).inline_shapes) == 0


# -- pagination and narrow columns -------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PARTNER_RUN_STYLES = {"HPPartner", "HPPartnerHeader"}
BOLD_PARAGRAPH_STYLES = {"HPTableHeader", "HPTableLabel"}
TABLE_POINTS = 9  # HP Table Text / Header / Label
CELL_MARGINS_PT = 2 * 80 / 20  # left and right cell margins of HP Table (80 twips each)


def _with_partner(data: Any, lang: str) -> Any:
    """``data`` (written in de/fr) with its French texts moved to ``lang``."""
    if isinstance(data, dict):
        return {(lang if key == "fr" else key): _with_partner(v, lang) for key, v in data.items()}
    if isinstance(data, list):
        return [_with_partner(item, lang) for item in data]
    return data


def _every_label_data(lang: str) -> dict[str, Any]:
    """A complete programme that prints every hazard and level in the baseline table,
    every pillar and an ongoing period in the overview, personnel in a mixed order."""
    from tests.conftest import complete_data

    data = complete_data()
    levels = list(Level)
    hazards = [
        {
            "hazard": hazard.value,
            "likelihood": levels[index % len(levels)].value,
            "impact": levels[(index + 1) % len(levels)].value,
            "description": {"de": "Beschreibung", "fr": "Description"},
        }
        for index, hazard in enumerate(Hazard)
    ]
    data["baseline"] = {"german": {"hazards": hazards}, "partner": {"hazards": hazards[:2]}}
    both = copy.deepcopy(data["measures"][0])
    both.update(code="M-03", pillar="both", timeline={"start": "2025-05", "ongoing": True})
    data["measures"].append(both)
    # partner staff first, then the German side: the totals keep that order
    data["measures"][0]["resources"]["personnel"] = [
        {"side": "partner", "amount": "1.5", "unit": "fte"},
        {"side": "partner", "amount": 30},
    ]
    data["measures"][1]["resources"]["personnel"] = [
        {"side": "german", "amount": "0.5", "unit": "fte"},
        {"side": "german", "amount": 20},
    ]
    data["languages"] = ["de", lang]
    return cast(dict[str, Any], _with_partner(data, lang))


@pytest.fixture(scope="module", params=["fr", "en", "es", "pt"])
def every_label(request: pytest.FixtureRequest) -> Document:
    """The document of :func:`_every_label_data` with the partner language ``param``."""
    programme = from_data(_every_label_data(request.param))
    return docx.Document(io.BytesIO(render_docx(programme, charts=False).data))


def _table(document: Document, key: str) -> Table:
    """The first data table whose second header column is label ``key``."""
    for table in document.tables:
        header = table.rows[0].cells
        if len(header) > 1 and header[1].text.split("\n")[0] == label(key, "de"):
            return table
    raise AssertionError(f"no table with the column {label(key, 'de')!r}")


def _fonts() -> dict[tuple[bool, bool], Any]:
    from matplotlib import font_manager
    from PIL import ImageFont

    fonts = {}
    for bold in (False, True):
        for italic in (False, True):
            path = font_manager.findfont(
                font_manager.FontProperties(
                    family="Noto Sans",
                    weight="bold" if bold else "normal",
                    style="italic" if italic else "normal",
                ),
                fallback_to_default=False,
            )
            fonts[(bold, italic)] = ImageFont.truetype(path, 1000)
    return fonts


def _pieces(text: str) -> Iterator[str]:
    """What a line break cannot divide: words, split after a hyphen and at soft hyphens."""
    for word in text.split():
        for part in re.split(r"(?<=-)", word):
            syllables = part.split("\u00ad")
            for index, syllable in enumerate(syllables):
                yield syllable + ("-" if index < len(syllables) - 1 else "")


def _too_wide(table: Table) -> list[str]:
    """Every unbreakable piece of text wider than its column (9 pt Noto Sans)."""
    fonts = _fonts()
    found = []
    for row in table.rows:
        for cell in row.cells:
            width = cell._tc.tcPr.find(f"{W}tcW")
            room = int(width.get(f"{W}w")) / 20 - CELL_MARGINS_PT
            for paragraph in cell._tc.iter(f"{W}p"):
                style = paragraph.find(f"{W}pPr/{W}pStyle")
                bold = style is not None and style.get(f"{W}val") in BOLD_PARAGRAPH_STYLES
                for run in paragraph.iter(f"{W}r"):
                    rstyle = run.find(f"{W}rPr/{W}rStyle")
                    italic = rstyle is not None and rstyle.get(f"{W}val") in PARTNER_RUN_STYLES
                    text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                    for piece in _pieces(text):
                        points = fonts[(bold, italic)].getlength(piece) / 1000 * TABLE_POINTS
                        if points > room:
                            found.append(f"{piece!r}: {points:.1f} pt > {room:.1f} pt")
    return found


def test_hazard_table_breaks_long_words_at_syllables(every_label: Document) -> None:
    """Headers and hazard/level names fit their narrow columns: long German compounds carry
    soft hyphens (no "Eintrittswahrs|cheinlichkeit", "Meeresspiegelanstie|g")."""
    table = _table(every_label, "baseline.likelihood")
    header = [cell.text for cell in table.rows[0].cells]
    assert header[1].startswith("Eintritts\u00adwahr\u00adschein\u00adlich\u00adkeit\n")
    assert header[2].startswith("Schadens\u00adausmaß\n")
    names = [row.cells[0].text.split("\n")[0] for row in table.rows[1:]]
    assert "Meeres\u00adspiegel\u00adanstieg" in names
    assert _too_wide(table) == []


def test_overview_columns_fit_their_words(every_label: Document) -> None:
    """No word of the measures overview is wider than its column ("(fortlaufend)", pillars)."""
    assert _too_wide(_table(every_label, "measures.title")) == []


def test_measure_without_money_shows_a_dash(every_label: Document) -> None:
    """A measure with no money has "–" in the budget column of the overview, not an empty
    cell; a budget is shown in both languages' formats (once when they agree)."""
    table = _table(every_label, "measures.title")
    budget = {row.cells[0].text: row.cells[-1].text for row in table.rows[1:]}
    assert budget["M-02"] == "–"
    lang = every_label.core_properties.language  # de-DE; the partner's is in the styles
    del lang
    forms = {
        format_money(Decimal(45000), "EUR", code).replace("\u00a0", " ")
        for code in ("de", "fr", "en", "es", "pt")
    }
    lines = budget["M-01"].split("\n")
    assert lines[0] == "45.000,00 €"  # may wrap before the currency in the column
    assert set(lines) <= forms


def test_personnel_rows_german_side_first(every_label: Document) -> None:
    """Personnel per side: the German municipality first, then the partner, units in the
    chart's order (person-days, then FTE) — whatever order the measures name them in."""
    table = _table(every_label, "measure.personnel")
    rows = [(row.cells[0].text, row.cells[1].text.split("\n")[0]) for row in table.rows[1:]]
    days, fte = label("measure.person_days", "de"), label("measure.fte", "de")
    assert rows == [("Pfinztal", days), ("Pfinztal", fte), ("Kidira", days), ("Kidira", fte)]


def test_responsibilities_column_is_headed_measures(
    built: tuple[Layout, DocxResult, Document],
) -> None:
    """The responsibilities list the measures under "Maßnahmen", not "Maßnahmenübersicht"."""
    _, _, document = built
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Fachbereich\nService"]
    assert tables
    for table in tables:
        assert table.rows[0].cells[1].text == "Maßnahmen\nMesures"


def test_every_table_row_is_kept_on_one_page(
    built: tuple[Layout, DocxResult, Document], programme: Programme
) -> None:
    """Every row of every data table, measure sheets included, has cantSplit."""
    _, _, document = built
    body = document.element.body
    sheets = 0
    for tbl in body.iter(f"{W}tbl"):
        style = tbl.find(f"{W}tblPr/{W}tblStyle")
        if style is None or style.get(f"{W}val") != "HPTable":
            continue
        status = label("measure.status", "de")
        cell_texts = ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tbl.iter(f"{W}tc")]
        # only a measure sheet has this field: its name in a cell of its own (sequential)
        # or running into its value (side by side)
        sheets += any(text.startswith(status) for text in cell_texts)
        for tr in tbl.findall(f"{W}tr"):
            trpr = tr.find(f"{W}trPr")
            if trpr is not None and trpr.find(f"{W}tblHeader") is not None:
                continue
            assert trpr is not None
            assert trpr.find(f"{W}cantSplit") is not None
    assert sheets == len(programme.measures)  # every measure sheet was among them


def test_charts_keep_with_their_captions(built: tuple[Layout, DocxResult, Document]) -> None:
    """Each chart's paragraph keeps with the next, which is its caption, and is short enough
    for picture and caption to share one page."""
    from handlungsprogramm.render.sections import MAX_FIGURE_HEIGHT_CM

    _, _, document = built
    pictures = [
        p for p in document.element.body.iter(f"{W}p") if p.find(f".//{WP}inline") is not None
    ]
    assert len(pictures) == 7  # timeline, 2 × money, 2 × personnel, 2 × indicators
    for p in pictures:
        assert p.find(f"{W}pPr/{W}keepNext") is not None
        caption = p.getnext()
        assert caption.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "HPCaption"
        de, fr = p.find(f".//{WP}docPr").get("title").split(" / ")
        caption_text = "".join(t.text or "" for t in caption.iter(f"{W}t"))
        assert re.fullmatch(
            rf"Abbildung \d+: {re.escape(de)} / Figure \d+\u202f: {re.escape(fr)}", caption_text
        ), caption_text
        height_cm = int(p.find(f".//{WP}extent").get("cy")) / 360000
        assert height_cm <= MAX_FIGURE_HEIGHT_CM + 0.05


def test_wide_logo_keeps_to_its_half_of_the_cover(tmp_path: Path) -> None:
    """A very wide logo (a word mark, 20:1) is narrowed to its column, in proportion,
    instead of running into the partner's half of the cover."""
    Image.new("RGB", (2000, 100), (0, 90, 160)).save(tmp_path / "wide.png")
    document = docx.Document(
        io.BytesIO(render_docx(_logo_programme(tmp_path, "wide.png"), charts=False).data)
    )
    (shape,) = document.inline_shapes
    assert shape.width.cm <= 16.6 / 2 - 0.6 + 0.01
    assert abs(shape.width / shape.height - 20) < 0.1


def test_large_logo_keeps_its_exif_orientation(tmp_path: Path) -> None:
    """A camera-style PNG stored sideways with an EXIF orientation is placed upright after
    it is shrunk (the shrinking step must carry the orientation along)."""
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated: shown 90° clockwise
    Image.new("RGB", (1600, 2600), (0, 90, 160)).save(tmp_path / "sideways.png", exif=exif)
    placed = logo(tmp_path, "sideways.png")
    assert placed.problem is None
    assert placed.data is not None
    with Image.open(io.BytesIO(placed.data)) as image:
        width, height = image.size
    assert height == 260
    assert abs(width - 260 * 2600 / 1600) <= 1


def test_chapters_are_numbered_and_the_running_header_names_them() -> None:
    """ "Heading 1" carries its own list numbering (so the contents, the bookmarks and a
    restyled heading keep the number), and the page header holds STYLEREF fields of the
    chapter's number and name after the draft marking."""
    document = docx.Document(io.BytesIO(standard_template()))
    heading = document.styles["Heading 1"].element
    num_id = heading.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.iter(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = abstract.find(qn("w:lvl"))
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "%1"
    header = document.sections[0].header
    instructions = [" ".join(t.text.split()) for t in header._element.iter(qn("w:instrText"))]
    assert instructions == ["STYLEREF 1 \\n", "STYLEREF 1"]
    assert header.paragraphs[-1].style.name == "HP Running Header"
