"""Any text in any text field builds a valid Word document that shows it, or a located error.

Properties over :mod:`tests.strategies`: hostile Unicode (characters XML cannot hold,
Jinja and docxtpl tags, Markdown, raw HTML and XML, right-to-left and combining
characters, emoji sequences, very long strings) in every free-text field of a
programme, through the library in memory and through the command line. The fixed
examples after the properties are the minimal failures the properties found, kept as
regression tests now that they are fixed.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree
from ruamel.yaml import YAML
from typer.testing import CliRunner

from handlungsprogramm import ProgrammeLoadError, from_data, loads
from handlungsprogramm.cli import ExitCode, app
from handlungsprogramm.location import format_path
from handlungsprogramm.naming import MAX_SLUG
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.render.writer import Layout
from tests.conftest import complete_data
from tests.strategies import (
    CONSTRAINED_FIELDS,
    MARKDOWN_FIELDS,
    NOT_SHOWN,
    TEMPLATE_FIELDS,
    TEXT_FIELDS,
    WHITE_SPACE,
    XML_INVALID,
    Edit,
    FieldPath,
    displayed,
    edited_programmes,
    get_path,
    is_markdown,
    plain_words,
    set_path,
)
from tests.test_docx_safety import texts

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}

# Rendering takes about 0.1 s without charts; long strings and shrinking take more, so
# no deadline (it would vary with the machine). No example database either: every run
# draws afresh, and a failure is kept as an explicit example below, not in .hypothesis/.
RENDER = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
CLI = settings(RENDER, max_examples=40)


# -- helpers ------------------------------------------------------------------------------


def document_text(data: bytes) -> str:
    """The package checked part by part, then every paragraph's text (body, tables, headers)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # raises on anything not well-formed
    document: Document = docx.Document(io.BytesIO(data))
    return "\n".join(texts(document))


def assert_located(error: ProgrammeLoadError, edits: list[Edit]) -> None:
    """Every problem has a place in the input, and is about a field that was edited.

    A problem at the root is one of the whole input (a character YAML cannot carry);
    any other names the edited field or a field around or inside it.
    """
    edited = [path for path, _ in edits]
    for problem in error.problems:
        assert problem.location is not None, problem
        assert problem.path == () or any(
            problem.path[: len(path)] == path or path[: len(problem.path)] == problem.path
            for path in edited
        ), (problem, edited)


def replaced(text: str) -> str:
    """What a text reads as where removing its XML-invalid characters would empty it."""
    return XML_INVALID.sub("\ufffd", text.strip(WHITE_SPACE)).replace("\r", "\n")


def set_text(data: dict[str, Any], path: FieldPath, value: str) -> dict[str, Any]:
    """``data`` with ``value`` at ``path`` (changed in place, returned for chaining)."""
    set_path(data, path, value)
    return data


def invoke(*args: str) -> tuple[int, str]:
    """The CLI in-process; an exception escaping it is what ``main`` turns into exit 70."""
    result = runner.invoke(app, list(args), env=ENV)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"exit 70: {result.exception!r}") from result.exception
    assert result.exit_code != ExitCode.INTERNAL_ERROR, result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def as_yaml(data: dict[str, Any]) -> str:
    """``data`` as ruamel.yaml writes it (it quotes and escapes what YAML needs)."""
    buffer = io.StringIO()
    YAML().dump(data, buffer)
    return buffer.getvalue()


# -- properties ---------------------------------------------------------------------------


def test_the_field_lists_are_what_the_properties_need() -> None:
    """Free text is found by trying; codes, enums, dates, e-mail and paths are not in it.

    A mistake in the lists would make the properties test less than they claim.
    """
    fields = {format_path(p) for p in TEXT_FIELDS}
    assert len(fields) == 80
    assert {"title.de", "version", "partnership.partner.name", "signatories[1].name"} <= fields
    assert {"measures[0].lead.department", "measures[1].lead.department.fr"} <= fields
    assert not fields & {"date", "languages[0]", "period.start", "measures[0].code"}
    assert not fields & {"measures[0].pillar", "measures[0].resources.money[0].currency"}
    assert "measures[0].lead.contact.email" not in fields
    assert set(TEMPLATE_FIELDS) <= set(TEXT_FIELDS)
    assert MARKDOWN_FIELDS.issubset(TEXT_FIELDS)
    assert len(MARKDOWN_FIELDS) == 20
    assert {format_path(p) for p in CONSTRAINED_FIELDS} == {
        "version",
        "partnership.german.name",
        "partnership.partner.name",
        "measures[0].lead.contact.name",
        "signatories[0].name",
        "signatories[0].place",
        "signatories[1].name",
        # a plain-text source may not be blank (a Text source is checked by HP101)
        "fields_of_action[0].strategic_objectives[0].operational_objectives[0].indicator.source",
    }


@RENDER
@given(edited=edited_programmes(), layout=st.sampled_from(Layout))
def test_hostile_text_renders_literally_or_is_located(
    edited: tuple[dict[str, Any], list[Edit]], layout: Layout
) -> None:
    """Hostile text loads and renders to a valid package that shows it, or fails located.

    Shown means: trimmed as the model trims, without the characters XML cannot hold
    (each such field named in the warnings; U+FFFD where removing would empty a name),
    carriage returns read back as line breaks. Markdown fields render their markup, so
    for them only the document's validity is asserted here; their literal text is the
    next property's.
    """
    data, edits = edited
    try:
        programme = loads(json.dumps(data), fmt="json")
    except ProgrammeLoadError as exc:
        event("refused on loading")
        assert_located(exc, edits)
        return
    event("rendered")
    result = render_docx(programme, layout=layout, charts=False)
    text = document_text(result.data)
    for path, value in edits:
        if path in NOT_SHOWN or is_markdown(path):
            continue
        assert displayed(value) in text or replaced(value) in text, (format_path(path), value)
    removed = {format_path(p) for p, v in edits if XML_INVALID.search(v.strip(WHITE_SPACE))}
    assert set(result.warnings) == removed


@RENDER
@given(edited=edited_programmes(texts=plain_words(), max_edits=4), layout=st.sampled_from(Layout))
def test_plain_words_appear_exactly_in_every_field(
    edited: tuple[dict[str, Any], list[Edit]], layout: Layout
) -> None:
    """Words in any script, with combining marks, RTL and emoji, appear exactly, Markdown fields too.

    Nothing is normalised (NFC), reordered or dropped on the way into the document.
    """
    data, edits = edited
    programme = loads(json.dumps(data, ensure_ascii=False), fmt="json")
    result = render_docx(programme, layout=layout, charts=False)
    text = document_text(result.data)
    for path, value in edits:
        if path not in NOT_SHOWN:
            assert value in text, (format_path(path), value)
    assert result.warnings == ()


@CLI
@given(edited=edited_programmes(max_edits=2), fmt=st.sampled_from(["yaml", "json"]))
def test_cli_check_and_build_never_crash(
    edited: tuple[dict[str, Any], list[Edit]], fmt: str
) -> None:
    """check and build exit with a documented code and no traceback; a document, or nothing.

    The file is written as people's tools write it: YAML by ruamel, JSON as UTF-8
    without escapes. A file check can load, build turns into exactly one valid .docx.
    """
    data, _ = edited
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / f"programme.{fmt}"
        text = as_yaml(data) if fmt == "yaml" else json.dumps(data, ensure_ascii=False, indent=1)
        source.write_text(text, encoding="utf-8")
        code, _ = invoke("check", str(source))
        assert code in (ExitCode.OK, ExitCode.INCOMPLETE, ExitCode.INVALID_INPUT)
        out = folder / "out"
        built, output = invoke(
            "build", str(source), "--to", "docx", "--no-charts", "--out", str(out)
        )
        written = sorted(out.rglob("*")) if out.exists() else []
        if code == ExitCode.INVALID_INPUT:
            event("refused on loading")
            assert built == ExitCode.INVALID_INPUT, output
            assert written == []
        else:
            event("built")
            assert built == ExitCode.OK, output
            (document,) = written
            document_text(document.read_bytes())


# -- regressions: minimal failures the properties found, now fixed ------------------------


def test_name_of_only_control_characters_renders_as_replacement() -> None:
    """A name of nothing but control characters is shown as U+FFFD, not refused on rendering.

    Found by the first property: ``partnership.german.name = "\\x01"`` loads (a name
    needs one character, and has one), but removing the character left an empty name,
    which the renderer's re-validation refused with a pydantic ValidationError. Where
    removal would make a field invalid, each character is replaced by U+FFFD instead.
    """
    data = complete_data()
    data["partnership"]["german"]["name"] = "\x01"
    data["partnership"]["partner"]["name"] = "Ki\x01dira"
    data["measures"][0]["lead"]["contact"] = {"name": "\x02 \x03", "email": "\x01@\x02.org"}
    result = render_docx(from_data(data), charts=False)
    assert set(result.warnings) == {
        "partnership.german.name",
        "partnership.partner.name",
        "measures[0].lead.contact.name",
        "measures[0].lead.contact.email",
    }
    lines = document_text(result.data).split("\n")
    assert "\ufffd" in lines  # the German municipality on the cover and the signature page
    assert "Kidira" in lines  # removed where the rest of the field is valid
    # the contact, name and e-mail, after the field's name on the sheet
    assert any(line.endswith(" \ufffd \ufffd, \ufffd@\ufffd.org") for line in lines)


def test_cli_builds_a_programme_whose_name_is_a_control_character(tmp_path: Path) -> None:
    """build writes the document and warns, where it ended in exit 70 (ValidationError)."""
    source = tmp_path / "p.json"
    source.write_text(
        json.dumps(set_text(complete_data(), ("partnership", "german", "name"), "\x01"))
    )
    code, output = invoke("build", str(source), "--no-charts", "--out", str(tmp_path / "out"))
    assert code == ExitCode.OK
    assert "partnership.german.name" in output
    (document,) = (tmp_path / "out").iterdir()
    assert "\ufffd" in document_text(document.read_bytes())


def test_cli_builds_a_programme_with_long_municipality_names(tmp_path: Path) -> None:
    """Two long names (the model allows 300 characters each) give a file name that fits.

    Found by the CLI property: ``german.name = "a" * 120``, ``partner.name = "b" * 120``
    made a 246-character file name, and its temporary file's name passed 255 bytes:
    exit 8, "File name too long", nothing written. Slugs are now cut at a word.
    """
    data = complete_data()
    data["partnership"]["german"]["name"] = "a" * 120
    data["partnership"]["partner"]["name"] = "b" * 120
    source = tmp_path / "p.json"
    source.write_text(json.dumps(data))
    code, output = invoke("build", str(source), "--no-charts", "--out", str(tmp_path / "out"))
    assert code == ExitCode.OK, output
    (document,) = (tmp_path / "out").iterdir()
    assert document.name == "a" * MAX_SLUG + ".docx"
    assert "a" * 120 in document_text(document.read_bytes())


# -- found by the properties, fixed; kept as regression tests ----------------------------


def test_docxtpl_escapes_in_the_title_appear_literally() -> None:
    """``{_{`` in a title (printed by the template's ``{{ cover.title_de }}``) reads ``{_{``."""
    data = set_text(complete_data(), ("title", "de"), "{_{")
    text = document_text(render_docx(from_data(data), charts=False).data)
    assert "{_{" in text.split("\n")


@pytest.mark.parametrize(
    "path",
    [("title", "de"), ("partnership", "german", "name")],
    ids=["title", "municipality"],
)
def test_long_title_or_names_render(path: FieldPath) -> None:
    """A 256-character title, or names that make the author 256 characters, render in full."""
    data = set_text(complete_data(), path, "x" * 256 if path[0] == "title" else "x" * 248)
    text = document_text(render_docx(from_data(data), charts=False).data)
    assert get_path(data, path) in text


def test_raw_next_line_in_json_survives() -> None:
    """A raw NEL in a JSON string (valid JSON, and what json.dumps writes) loads unchanged."""
    data = set_text(complete_data(), ("partnership", "partner", "name"), "Ki\x85dira")
    programme = loads(json.dumps(data, ensure_ascii=False), fmt="json")
    assert programme.partnership.partner.name == "Ki\x85dira"


@pytest.mark.parametrize("char", ["\x7f", "\x9f", "\ufffe"], ids=["DEL", "C1", "U+FFFE"])
def test_raw_special_characters_in_json_load(char: str) -> None:
    """Valid JSON with a raw DEL, C1 control or U+FFFE in a string loads (RFC 8259 allows them)."""
    data = set_text(complete_data(), ("partnership", "partner", "name"), f"Ki{char}dira")
    programme = loads(json.dumps(data, ensure_ascii=False), fmt="json")
    assert programme.partnership.partner.name == f"Ki{char}dira"
