"""What users type and what templates do cannot break the Word document or escape the sandbox."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from handlungsprogramm import Programme, from_data
from handlungsprogramm.cli import app
from handlungsprogramm.errors import TemplateError
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.location import format_path
from handlungsprogramm.render.docx import DocxResult, Mode, render_docx, standard_template
from handlungsprogramm.render.sanitize import sanitize
from handlungsprogramm.render.writer import Layout
from tests.conftest import ROOT, complete_data

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}

SPECIAL = "A & B < C > D \" E ' F"
EXPRESSION = "{{ 7*7 }}"
RAW = "{% raw %}"
EMOJI = "🌍"
ETHIOPIC = "ባሕር ዳር"
ARABIC = "مرحبا"
COMBINING = "Cafe\u0301"
PAYLOAD = f"{SPECIAL} {EXPRESSION} {RAW} {EMOJI} {ETHIOPIC} {ARABIC} {COMBINING}"
LONG = " ".join(f"wort{i:05d}" for i in range(2001))
SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


def run(*args: str) -> tuple[int, str, str]:
    """The CLI in-process: exit code, stdout, stderr."""
    result = runner.invoke(app, list(args), env=ENV)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def paragraphs(container: Document | BlockItemContainer) -> Iterator[Paragraph]:
    """Every paragraph of a body, cell, header or footer, inside (nested) tables too."""
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        else:
            for row in item.rows:
                for cell in row.cells:
                    yield from paragraphs(cell)


def headers(document: Document) -> list[str]:
    """The text of every header paragraph that a section defines."""
    out: list[str] = []
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if not header.is_linked_to_previous:
                out += [p.text for p in paragraphs(header)]
    return out


def texts(document: Document) -> list[str]:
    """Every paragraph's text: body, tables, headers and footers."""
    out = [p.text for p in paragraphs(document)]
    out += headers(document)
    for section in document.sections:
        for footer in (section.footer, section.first_page_footer, section.even_page_footer):
            if not footer.is_linked_to_previous:
                out += [p.text for p in paragraphs(footer)]
    return out


def read(result: DocxResult) -> Document:
    """The rendered document, opened with python-docx."""
    return docx.Document(io.BytesIO(result.data))


def template_with(*lines: str) -> bytes:
    """The standard template (styles, header, footer) with a body of just ``lines``."""
    document = docx.Document(io.BytesIO(standard_template()))
    body = document.element.body
    for child in list(body):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            body.remove(child)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_programme(path: Path, data: dict[str, Any]) -> Path:
    """``data`` as a .json programme file."""
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def docx_files(folder: Path) -> list[Path]:
    """Every .docx below ``folder`` (none when it does not exist)."""
    return sorted(folder.rglob("*.docx")) if folder.exists() else []


def incomplete_data() -> dict[str, Any]:
    """A programme with one completeness error (a measure without timeline)."""
    data = complete_data()
    del data["measures"][0]["timeline"]
    return data


# -- user text ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def payload_result() -> DocxResult:
    """The complete programme with hostile and unusual text in many fields, rendered once."""
    data = complete_data()
    data["title"] = {"de": f"Titel {PAYLOAD}", "fr": f"Titre {PAYLOAD}"}
    data["vision"] = {"de": f"{PAYLOAD} de\n\n{LONG}", "fr": f"{PAYLOAD} fr\n\n{LONG}"}
    data["measures"][0]["title"] = {"de": f"Maßnahme {PAYLOAD}", "fr": f"Mesure {PAYLOAD}"}
    data["partnership"]["german"]["name"] = f"Gemeinde {PAYLOAD}"
    return render_docx(from_data(data))


@pytest.fixture(scope="module")
def payload_texts(payload_result: DocxResult) -> list[str]:
    """Every paragraph text of the payload document."""
    return texts(read(payload_result))


def test_payload_document_opens(payload_result: DocxResult) -> None:
    """The document with unusual text is a valid package that python-docx opens."""
    assert zipfile.ZipFile(io.BytesIO(payload_result.data)).testzip() is None
    assert read(payload_result).paragraphs
    assert payload_result.warnings == ()


@pytest.mark.parametrize(
    "expected",
    [
        f"Titel {PAYLOAD}",
        f"Titre {PAYLOAD}",
        f"{PAYLOAD} de",
        f"{PAYLOAD} fr",
        f"M-01 Maßnahme {PAYLOAD} / M-01 Mesure {PAYLOAD}",
        f"Gemeinde {PAYLOAD}",
        LONG,
    ],
    ids=["title-de", "title-fr", "vision-de", "vision-fr", "measure", "municipality", "long"],
)
def test_user_text_appears_literally(payload_texts: list[str], expected: str) -> None:
    """Markup characters, template syntax, emoji, scripts and accents appear exactly as typed."""
    assert expected in payload_texts


def test_template_syntax_in_user_text_is_not_evaluated(payload_texts: list[str]) -> None:
    """{{ 7*7 }} in user text is never rendered as 49, and no text is dropped by {% raw %}."""
    text = "\n".join(payload_texts)
    assert "F 49" not in text
    assert text.count(f"{SPECIAL} {EXPRESSION} {RAW} {EMOJI}") >= 7
    assert unicodedata.normalize("NFC", COMBINING) not in text  # not normalised either


def test_long_paragraph_is_one_paragraph(payload_texts: list[str]) -> None:
    """A 20,000-character paragraph stays whole, once per language."""
    assert len(LONG) > 20_000
    assert payload_texts.count(LONG) == 2


@pytest.mark.slow
def test_payload_converts_to_pdf(payload_result: DocxResult, tmp_path: Path) -> None:
    """LibreOffice converts the document; the PDF text has the scripts and the markup characters."""
    assert SOFFICE is not None
    assert PDFTOTEXT is not None
    source = tmp_path / "payload.docx"
    source.write_bytes(payload_result.data)
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "payload.pdf"
    assert pdf.is_file()
    extracted = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    # pdftotext marks right-to-left runs with embedding controls; lines wrap anywhere
    plain = re.sub("[\u202a-\u202e\u2066-\u2069]", "", unicodedata.normalize("NFC", extracted))
    plain = " ".join(plain.split())
    for expected in (SPECIAL, EXPRESSION, RAW, ETHIOPIC, ARABIC, "Café", "wort00000", "wort02000"):
        assert expected in plain, expected
    assert " 49 " not in plain.replace(f"{SPECIAL} 49", "")


def test_control_characters_are_removed_and_reported() -> None:
    """U+0001 and U+000B are dropped from the text; the warnings name each field."""
    data = complete_data()
    data["vision"]["de"] = "Vi\x01si\x0bon"
    data["partnership"]["partner"]["name"] = "Ki\x01dira"
    result = render_docx(from_data(data))
    assert set(result.warnings) == {"vision.de", "partnership.partner.name"}
    all_text = "\n".join(texts(read(result)))
    assert "Vision" in all_text
    assert "Kidira" in all_text
    assert "\x01" not in all_text
    assert "\x0b" not in all_text


@pytest.mark.parametrize(
    ("field", "value"),
    [(("vision", "de"), "Vi\x01sion"), (("measures", 0, "title", "fr"), "Ti\x1ftre")],
)
def test_the_in_place_search_finds_a_control_character_anywhere(
    field: tuple[str | int, ...], value: str
) -> None:
    """The search that spares a clean programme its copy finds a character deep inside
    too (a measure's title in the partner language), and a clean programme is not copied."""
    clean = from_data(complete_data())
    assert sanitize(clean) == (clean, [])
    data = complete_data()
    target: Any = data
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = value
    cleaned, changed = sanitize(from_data(data))
    assert changed == [format_path(field)]
    dumped = cleaned.model_dump_json()
    assert "\\u0001" not in dumped
    assert "\\u001f" not in dumped


def test_control_characters_are_reported_by_the_cli(tmp_path: Path) -> None:
    """build warns on stderr naming the field, and still writes the document."""
    data = complete_data()
    data["vision"]["de"] = "Vi\x01sion"
    source = write_programme(tmp_path / "p.json", data)
    code, _, err = run("build", str(source), "--out", str(tmp_path / "out"))
    assert code == 0
    assert "vision.de" in err
    assert [p.name for p in docx_files(tmp_path / "out")] == ["pfinztal-kidira.docx"]


# -- templates -----------------------------------------------------------------------------

SANDBOX_ESCAPES = [
    "{{ cycler.__init__.__globals__ }}",
    "{{ programme.__class__.__mro__ }}",
    "{{ ''.__class__.__subclasses__() }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ programme.__dict__ }}",
    "{{ blocks.cover.docx }}",
    "{{ blocks.cover.subdocx.save('/tmp/hp-escape.docx') }}",
    "{{ programme.base_dir }}",
]


@pytest.mark.parametrize("expression", SANDBOX_ESCAPES)
def test_sandbox_refuses_python_internals(expression: str) -> None:
    """A template reaching for Python internals or objects' methods is refused (TemplateError).

    The context is plain data, so such names either are refused by the sandbox or do
    not exist at all.
    """
    with pytest.raises(TemplateError, match=r"sandbox|does not provide"):
        render_docx(from_data(complete_data()), template=template_with("Vorlage", expression))


def test_cli_sandbox_violation_exits_4_without_output(tmp_path: Path) -> None:
    """build with a hostile template exits 4 with a message on stderr and writes no document."""
    template = tmp_path / "T.docx"
    template.write_bytes(template_with(SANDBOX_ESCAPES[0]))
    source = write_programme(tmp_path / "p.json", complete_data())
    out = tmp_path / "out"
    code, stdout, err = run("build", str(source), "--template", str(template), "--out", str(out))
    assert code == 4
    assert "sandbox" in err
    assert "Traceback" not in stdout + err
    assert docx_files(out) == []


def test_template_cannot_modify_the_programme() -> None:
    """A template cannot change the programme it renders (the context is read-only)."""
    programme: Programme = from_data(complete_data())
    before = programme.model_dump()
    with contextlib.suppress(TemplateError):  # refusing the template is fine too
        render_docx(programme, template=template_with("{{ programme.measures.clear() }}"))
    assert programme.model_dump() == before


def _zip_without_document() -> bytes:
    """The standard template's package without word/document.xml."""
    source = zipfile.ZipFile(io.BytesIO(standard_template()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            if name != "word/document.xml":
                target.writestr(name, source.read(name))
    return buffer.getvalue()


def _zip_of_text() -> bytes:
    """A ZIP archive with just a text file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        target.writestr("readme.txt", "not a document")
    return buffer.getvalue()


NOT_DOCX = {
    "text": b"Dies ist keine Word-Datei.\n",
    "zip-of-text": _zip_of_text(),
    "zip-without-document": _zip_without_document(),
    "empty": b"",
}


@pytest.mark.parametrize("content", NOT_DOCX.values(), ids=NOT_DOCX.keys())
def test_non_docx_template_is_a_template_error(content: bytes, tmp_path: Path) -> None:
    """A file that is no .docx, passed as bytes or as a path, raises TemplateError."""
    programme = from_data(complete_data())
    with pytest.raises(TemplateError):
        render_docx(programme, template=content)
    path = tmp_path / "T.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match=r"T\.docx"):
        render_docx(programme, template=path)


def test_missing_template_is_a_template_error(tmp_path: Path) -> None:
    """A template path that does not exist raises TemplateError, not OSError."""
    with pytest.raises(TemplateError, match=r"missing\.docx"):
        render_docx(from_data(complete_data()), template=tmp_path / "missing.docx")


@pytest.mark.parametrize("content", NOT_DOCX.values(), ids=NOT_DOCX.keys())
def test_cli_non_docx_template_exits_4(content: bytes, tmp_path: Path) -> None:
    """build and template check with a non-.docx template exit 4 and write nothing."""
    template = tmp_path / "T.docx"
    template.write_bytes(content)
    source = write_programme(tmp_path / "p.json", complete_data())
    out = tmp_path / "out"
    code, stdout, err = run("build", str(source), "--template", str(template), "--out", str(out))
    assert code == 4
    assert "T.docx" in err
    assert "Traceback" not in stdout + err
    assert docx_files(out) == []
    code, _, err = run("template", "check", str(template))
    assert code == 4
    assert "T.docx" in err


def test_custom_template_renders() -> None:
    """Variables and a block placed by a custom template show the programme's content."""
    template = template_with(
        "{{ programme.partnership.german.name }} – {{ cover.title_partner }}",
        "{{p blocks.signatures }}",
    )
    result = render_docx(from_data(complete_data()), template=template)
    document = read(result)
    body = [p.text for p in paragraphs(document)]
    assert body[0] == "Pfinztal – Programme d\u2019action commun"  # set as French is
    assert "Pfinztal" in body[1:]  # the signature block names the German municipality
    assert "Erika Beispiel" in body


def test_custom_template_escapes_user_text() -> None:
    """Through template variables too, user text with < & {{ }} appears literally."""
    data = complete_data()
    data["partnership"]["german"]["name"] = f"Gemeinde {PAYLOAD}"
    result = render_docx(
        from_data(data), template=template_with("[{{ programme.partnership.german.name }}]")
    )
    assert texts(read(result))[0] == f"[Gemeinde {PAYLOAD}]"


def test_template_without_standard_styles_renders_or_is_a_template_error() -> None:
    """A plain .docx as template either renders or is refused as a TemplateError, never KeyError."""
    plain = docx.Document()
    plain.add_paragraph("{{ programme.partnership.german.name }}")
    buffer = io.BytesIO()
    plain.save(buffer)
    try:
        result = render_docx(from_data(complete_data()), template=buffer.getvalue())
    except TemplateError:
        return
    assert texts(read(result))[0] == "Pfinztal"


def test_unknown_variable_is_a_template_error() -> None:
    """A template using a variable the context lacks is refused, naming the variable."""
    with pytest.raises(TemplateError, match="variable") as info:
        render_docx(from_data(complete_data()), template=template_with("{{ unknown_variable }}"))
    assert "unknown_variable" in str(info.value)


def test_cli_template_check_lists_unknown_variables(tmp_path: Path) -> None:
    """template check prints each unknown variable on stdout and exits 1."""
    template = tmp_path / "T.docx"
    template.write_bytes(template_with("{{ unknown_variable }} {{ programme.version }}"))
    code, out, _ = run("template", "check", str(template))
    assert code == 1
    assert out.split() == ["unknown_variable"]


def test_cli_template_check_accepts_the_standard_template() -> None:
    """template check on the committed standard template exits 0."""
    code, out, _ = run("template", "check", str(ROOT / "templates" / "standard.docx"))
    assert code == 0
    assert out == ""


# -- final and draft -------------------------------------------------------------------------


def test_cli_final_with_errors_writes_nothing(tmp_path: Path) -> None:
    """--final with completeness errors exits 1 and writes no document."""
    source = write_programme(tmp_path / "p.json", incomplete_data())
    out = tmp_path / "out"
    code, _, err = run("build", str(source), "--final", "--out", str(out))
    assert code == 1
    assert "completeness error" in err
    assert docx_files(out) == []


def test_failed_build_keeps_the_previous_file(tmp_path: Path) -> None:
    """A refused build leaves an earlier document of the same name byte for byte, no temp files."""
    source = write_programme(tmp_path / "p.json", complete_data())
    out = tmp_path / "out"
    code, _, _ = run("build", str(source), "--final", "--out", str(out))
    assert code == 0
    (previous,) = docx_files(out)
    before = previous.read_bytes()
    write_programme(source, incomplete_data())
    code, _, _ = run("build", str(source), "--final", "--out", str(out))
    assert code == 1
    template = tmp_path / "T.docx"
    template.write_bytes(b"kaputt")
    code, _, _ = run("build", str(source), "--template", str(template), "--out", str(out))
    assert code == 4
    assert previous.read_bytes() == before
    assert [p.name for p in out.iterdir()] == [previous.name]


@pytest.fixture(scope="module")
def draft_and_final() -> tuple[Document, Document]:
    """The complete programme rendered as a draft and as a final document."""
    programme = from_data(complete_data())
    draft = render_docx(programme, mode=Mode.DRAFT)
    final = render_docx(programme, mode=Mode.FINAL)
    assert draft.draft
    assert not final.draft
    return read(draft), read(final)


def bi(key: str) -> str:
    """A label in German and French, as the document joins them."""
    return f"{label(key, 'de')} / {label(key, 'fr')}"


def test_draft_marking_in_header(draft_and_final: tuple[Document, Document]) -> None:
    """The draft's header carries ENTWURF / PROJET; the final document's header does not."""
    draft, final = draft_and_final
    marking = f"{label('draft.marking', 'de').upper()} / {label('draft.marking', 'fr').upper()}"
    assert marking == "ENTWURF / PROJET"
    assert marking in headers(draft)
    assert not any(label("draft.marking", "de").upper() in text for text in headers(final))


def test_draft_has_findings_annex(draft_and_final: tuple[Document, Document]) -> None:
    """Only the draft ends with the annex of findings (heading from the label catalogue)."""
    draft, final = draft_and_final
    heading = bi("section.annex")

    def headings(document: Document) -> list[str]:
        return [
            p.text
            for p in document.paragraphs
            if p.style is not None and p.style.name == "Heading 1"
        ]

    assert headings(draft)[-1] == heading
    assert heading not in headings(final)


def test_automatic_draft_lists_the_open_errors() -> None:
    """With open errors the default mode builds a draft whose annex names each finding."""
    result = render_docx(from_data(incomplete_data()))
    assert result.draft
    document = read(result)
    text = texts(document)
    assert bi("section.annex") in text
    assert "HP302" in text
    assert any("ENTWURF" in line for line in headers(document))


def test_finding_naming_a_control_character_is_cleaned() -> None:
    """A finding's message quotes the programme before it was sanitized (HP506 names the
    municipality): the annex shows U+FFFD instead of writing an invalid document."""
    data = complete_data()
    data["partnership"]["partner"]["name"] = "Kidira\x1f"
    del data["baseline"]["partner"]
    result = render_docx(from_data(data), layout=Layout.SIDE_BY_SIDE, charts=False)
    assert result.draft
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(result.data)).paragraphs)
    assert "Kidira\ufffd" in text or any(
        "Kidira\ufffd" in cell.text
        for table in docx.Document(io.BytesIO(result.data)).tables
        for row in table.rows
        for cell in row.cells
    )
