"""The Word file carries its fonts: Noto Sans embedded as Word embeds it (ECMA-376 §17.8.1).

Read back with zipfile and lxml: the obfuscated font parts, their content type and
relationships, the font table entries that point to them, the de-obfuscated files
(real Noto Sans, read by fontTools), the settings flag in its schema place, and the
same bytes from two renders. ``./dev`` installs the fonts (``fonts-noto-core``), so
these tests do not skip without them: they fail.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from lxml import etree

from handlungsprogramm import load
from handlungsprogramm.build import render_pdf
from handlungsprogramm.render import fonts
from handlungsprogramm.render.docx import render_docx, standard_template
from handlungsprogramm.render.fonts import FONT_CONTENT_TYPE, embed_fonts, obfuscate
from tests.conftest import EXAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
SUBFAMILIES = {
    "embedRegular": "Regular",
    "embedBold": "Bold",
    "embedItalic": "Italic",
    "embedBoldItalic": "Bold Italic",
}


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return render_docx(load(EXAMPLE), charts=False).data


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(package.read(name))


def _embedded(data: bytes) -> dict[str, tuple[str, bytes]]:
    """Each embedding element of Noto Sans → (font key, the part's bytes)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        table = _xml(package, "word/fontTable.xml")
        rels = {rel.get("Id"): rel for rel in _xml(package, "word/_rels/fontTable.xml.rels")}
        (entry,) = table.xpath("w:font[@w:name='Noto Sans']", namespaces={"w": W[1:-1]})
        found = {}
        for element in entry:
            name = etree.QName(element).localname
            if not name.startswith("embed"):
                continue
            rel = rels[element.get(f"{R}id")]
            assert rel.get("Type") == FONT_REL
            assert rel.get("TargetMode") is None
            part = "word/" + str(rel.get("Target"))
            found[name] = (str(element.get(f"{W}fontKey")), package.read(part))
        return found


def test_four_styles_of_noto_sans_are_embedded_as_parts_of_the_font_table(
    docx_bytes: bytes,
) -> None:
    """One obfuscated part per style, each with its content type, under /word/fonts/."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as package:
        names = [n for n in package.namelist() if n.startswith("word/fonts/")]
        assert names == [f"word/fonts/font{i}.odttf" for i in range(1, 5)]
        types = _xml(package, "[Content_Types].xml")
        for name in names:
            (override,) = types.xpath(
                "t:Override[@PartName=$p]", namespaces={"t": CT[1:-1]}, p="/" + name
            )
            assert override.get("ContentType") == FONT_CONTENT_TYPE
        rels = _xml(package, "word/_rels/fontTable.xml.rels")
        targets = sorted("word/" + str(r.get("Target")) for r in rels if r.get("Type") == FONT_REL)
        assert targets == names
    assert list(_embedded(docx_bytes)) == list(SUBFAMILIES)  # the schema's order


def test_each_part_deobfuscated_with_its_key_is_the_right_noto_sans(docx_bytes: bytes) -> None:
    """XOR-ing the first 32 bytes with the key gives a TrueType file that fontTools
    reads as Noto Sans in the style its element names; the obfuscated part itself is not."""
    for element, (key, part) in _embedded(docx_bytes).items():
        assert key.startswith("{")
        assert key.endswith("}")
        assert len(key) == 38
        assert part[:4] != b"\x00\x01\x00\x00"  # obfuscated
        font = TTFont(io.BytesIO(obfuscate(part, key)))
        names = font["name"]
        assert names.getDebugName(1) == "Noto Sans"
        assert names.getDebugName(2) == SUBFAMILIES[element]
        assert "glyf" in font


def test_obfuscation_uses_the_key_bytes_reversed_twice() -> None:
    """§17.8.1: the GUID's 16 bytes (as written) in reverse order, over bytes 0–15 and
    again 16–31; the rest of the file unchanged."""
    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    data = bytes(40)
    mask = bytes.fromhex("FFEEDDCCBBAA99887766554433221100")
    assert obfuscate(data, key) == mask + mask + bytes(8)
    assert obfuscate(obfuscate(b"x" * 50, key), key) == b"x" * 50
    # the standard's own example: 001B70DC-AA60-4AD5-90EC-18A0948E1EAE, reversed
    spec = obfuscate(bytes(32), "{001B70DC-AA60-4AD5-90EC-18A0948E1EAE}")
    assert spec[:16].hex().upper() == "AE1E8E94A018EC90D54A60AADC701B00"


def test_settings_ask_word_to_keep_the_fonts_in_schema_order(docx_bytes: bytes) -> None:
    """``w:embedTrueTypeFonts`` once, after zoom (and the other early elements of
    CT_Settings) and before proofState."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as package:
        settings = _xml(package, "word/settings.xml")
    tags = [etree.QName(child).localname for child in settings]
    assert tags.count("embedTrueTypeFonts") == 1
    position = tags.index("embedTrueTypeFonts")
    early = {"writeProtection", "view", "zoom", "removePersonalInformation",
             "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
             "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData"}  # fmt: skip
    assert all(tag in early for tag in tags[:position])
    assert not any(tag in early for tag in tags[position + 1 :])
    assert "zoom" in tags[:position]
    assert "proofState" in tags[position + 1 :]


def test_two_renders_embed_the_same_bytes(docx_bytes: bytes) -> None:
    """Font keys come from the font files, not from chance or the clock: two renders
    give the same members, byte for byte, but the core properties (they carry the
    time of rendering)."""
    again = render_docx(load(EXAMPLE), charts=False).data
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as one, zipfile.ZipFile(io.BytesIO(again)) as two:
        assert one.namelist() == two.namelist()
        for name in one.namelist():
            if name != "docProps/core.xml":
                assert one.read(name) == two.read(name), name


def test_a_font_not_found_is_left_out_without_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the font files the document names Noto Sans as before: no parts, no
    relationships, no settings flag."""
    monkeypatch.setattr(fonts, "_font", lambda family, style: None)
    data = render_docx(load(EXAMPLE), charts=False).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [n for n in package.namelist() if n.startswith("word/fonts/")]
        assert b"embedTrueTypeFonts" not in package.read("word/settings.xml")
        assert b"embedRegular" not in package.read("word/fontTable.xml")


def test_only_bold_found_embeds_only_bold(monkeypatch: pytest.MonkeyPatch) -> None:
    real = fonts._font
    monkeypatch.setattr(fonts, "_font", lambda f, s: real(f, s) if s == "Bold" else None)
    document = docx.Document(io.BytesIO(standard_template()))
    assert embed_fonts(document) == ("Noto Sans Bold",)


def test_no_embedding_when_asked_not_to() -> None:
    data = render_docx(load(EXAMPLE), charts=False, embed_fonts=False).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [n for n in package.namelist() if n.startswith("word/fonts/")]


def test_fonts_the_template_embeds_already_are_kept() -> None:
    """Embedding twice adds nothing the second time (a template saved by Word with its
    fonts embedded keeps them)."""
    document = docx.Document(io.BytesIO(standard_template()))
    assert len(embed_fonts(document)) == 4
    assert embed_fonts(document) == ()
    parts = [p for p in document.part.package.iter_parts() if p.content_type == FONT_CONTENT_TYPE]
    assert len(parts) == 4


def test_a_font_whose_licence_forbids_embedding_is_not_embedded() -> None:
    """OS/2 fsType 0x0002 (restricted licence) and variable or non-TrueType files are
    refused; Noto Sans (fsType 0, installable) is accepted."""
    path = fonts.find_font("Noto Sans", "Regular")
    assert path is not None, "Noto Sans is missing: ./dev installs fonts-noto-core"
    data = path.read_bytes()
    assert fonts._describe("Noto Sans", "Regular", data) is not None
    offset = fonts._tables(data)[b"OS/2"][0]
    restricted = data[: offset + 8] + b"\x00\x02" + data[offset + 10 :]
    assert fonts._describe("Noto Sans", "Regular", restricted) is None
    assert fonts._describe("Noto Sans", "Regular", b"OTTO" + data[4:]) is None


def test_fc_match_substitutes_are_not_taken_for_the_font() -> None:
    """fc-match answers with another family when a font is missing; that is no match."""
    assert fonts.find_font("No Such Font Family 17", "Regular") is None


def test_the_text_font_is_read_from_the_template() -> None:
    document = docx.Document(io.BytesIO(standard_template()))
    assert fonts.text_font(document) == "Noto Sans"


@pytest.mark.slow
def test_libreoffice_converts_the_embedding_document_with_noto_sans_embedded(
    tmp_path: Path,
) -> None:
    """The Word file with its fonts still converts (the project's own conversion), and
    the PDF embeds Noto Sans only."""
    pdffonts = shutil.which("pdffonts")
    assert pdffonts is not None, "pdffonts is missing: ./dev installs poppler-utils"
    pdf = tmp_path / "programme.pdf"
    pdf.write_bytes(render_pdf(load(EXAMPLE), charts=False))
    assert pdf.read_bytes().startswith(b"%PDF-")
    listing = subprocess.run(
        [pdffonts, str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    rows = [line.split() for line in listing if line.strip()]
    names = {row[0].split("+", 1)[-1] for row in rows}
    assert {"NotoSans-Regular", "NotoSans-Bold"} <= names, names
    assert {name.split("-")[0] for name in names} == {"NotoSans"}
    assert all(row[-5] == "yes" for row in rows), rows


def test_a_build_is_reproducible_with_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """With SOURCE_DATE_EPOCH (the reproducible-builds convention) two renders of the
    same programme, charts and fonts included, are the same file byte for byte; the
    properties carry that time, and no entry of the archive carries the clock's."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")  # 2025-07-01 00:00 UTC
    first = render_docx(load(EXAMPLE)).data
    second = render_docx(load(EXAMPLE)).data
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert "2025-07-01T00:00:00Z" in core
