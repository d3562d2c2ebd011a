"""The one message catalogue: every code used is defined, every entry is used, both
languages say the same with the same placeholders, and exit codes follow the ranges.

These tests read the source, not a running command: a message raised on a rare path
(a damaged form, a LibreOffice crash) is checked here even though no other test
reaches it. tests/test_german.py runs the commands' error paths themselves.
"""

from __future__ import annotations

import ast
import re
import string

import pytest

from handlungsprogramm.checks import REGISTRY
from handlungsprogramm.errors import (
    HandlungsprogrammError,
    OutputExistsError,
    PdfError,
    TemplateError,
    UsageError,
)
from handlungsprogramm.exit_codes import EXIT_MEANINGS, ExitCode
from handlungsprogramm.i18n.catalogue import MESSAGES, text
from handlungsprogramm.i18n.messages import LOAD_CODES
from tests.conftest import ROOT
from tests.test_german import ENGLISH

PACKAGE = ROOT / "src" / "handlungsprogramm"
_CODE = re.compile(r"[\"'](HP[7-9]\d\d)[\"']")


def _used_codes() -> dict[str, list[str]]:
    """Every catalogue code written as a string literal in the package, with where."""
    found: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "catalogue" in path.parts:
            continue
        for code in _CODE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(path.relative_to(PACKAGE).as_posix())
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_used_is_defined() -> None:
    """A code raised in the source but missing from the catalogue would be a KeyError
    at the moment a user meets the error."""
    missing = {code: where for code, where in _used_codes().items() if code not in MESSAGES}
    assert missing == {}


def test_every_entry_is_used() -> None:
    """No entry of the catalogue is dead: each one is raised or printed somewhere."""
    unused = sorted(set(MESSAGES) - set(_used_codes()))
    assert unused == []


def test_codes_do_not_clash_with_rules_or_load_codes() -> None:
    assert set(MESSAGES).isdisjoint(REGISTRY)
    assert set(MESSAGES).isdisjoint(LOAD_CODES)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_fill_the_same_placeholders(code: str) -> None:
    """English and German use the same placeholders, and a fix uses only what the text
    has (or the command, which every usage error passes)."""
    entry = MESSAGES[code]
    assert _fields(entry.text[0]) == _fields(entry.text[1])
    if entry.fix is not None:
        assert _fields(entry.fix[0]) == _fields(entry.fix[1])
        assert _fields(entry.fix[0]) <= _fields(entry.text[0]) | {"command"}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_german_texts_are_german(code: str) -> None:
    """No English word in a German text or fix (code in backticks and the placeholders
    aside: they name commands and what is filled in)."""
    entry = MESSAGES[code]
    for wording in (entry.text[1], *(entry.fix[1:] if entry.fix else ())):
        prose = re.sub(r"`[^`]*`|\{[^{}]*\}", " ", wording)
        prose = prose.replace("--convert-timeout", " ").replace("--force", " ")
        assert ENGLISH.findall(prose) == [], wording


def test_exit_codes_follow_the_ranges() -> None:
    """Templates end with 4; PDF work with 7 (or 5/6 for LibreOffice, 3 for a signed
    form); a note has no exit code, and only notes lack one."""
    for code, entry in MESSAGES.items():
        number = int(code[2:])
        if 700 <= number < 800:
            assert entry.exit is ExitCode.TEMPLATE_ERROR, code
        elif 850 <= number < 860:
            assert entry.exit in (ExitCode.NO_LIBREOFFICE, ExitCode.CONVERSION_FAILED), code
        elif 800 <= number < 900:
            assert entry.exit in (
                ExitCode.PDF_ERROR,
                ExitCode.OUTPUT_EXISTS,
                ExitCode.INVALID_INPUT,
            ), code
        elif 950 <= number < 980:
            assert entry.exit is None, code
        else:
            assert entry.exit is not None, code
    assert set(EXIT_MEANINGS) == set(ExitCode)


def test_an_exception_carries_code_context_and_exit_code() -> None:
    """A host application reads the code, the context and the exit status, and asks for
    the wording in either language; str() is the English message, for logs."""
    error = OutputExistsError("HP902", name="jena-maputo", other="a/programme.yaml")
    assert (error.code, error.exit_code) == ("HP902", 3)
    assert error.ctx == {"name": "jena-maputo", "other": "a/programme.yaml"}
    assert str(error) == "its output name 'jena-maputo' is already used by a/programme.yaml"
    assert (
        error.message("de")
        == "sein Ausgabename 'jena-maputo' ist schon von a/programme.yaml belegt"
    )
    assert isinstance(error, FileExistsError)  # the builtin it means, for hosts that catch those
    template = TemplateError("t.docx", "HP703")
    assert template.message("de") == "Vorlage t.docx: ist leer (0 Bytes), keine .docx-Datei"
    assert (
        PdfError("HP835", date=("2026-01-31", "31.01.2026"))
        .message("de")
        .endswith("am 31.01.2026 abgelaufen")
    )


def test_a_note_cannot_be_raised() -> None:
    with pytest.raises(ValueError, match="note"):
        UsageError("HP950", path="x")


def test_context_from_outside_cannot_reach_the_terminal_as_control_codes() -> None:
    """A part name or a library's reason with an escape sequence is shown escaped."""
    shown = text("HP711", "en", {"part": "word/\x1b[2Jevil.xml"})
    assert "\x1b" not in shown
    assert "\\x1b" in shown


def test_the_catalogue_does_not_import_the_exceptions() -> None:
    """errors.py imports the catalogue; the catalogue, the loader's messages and the
    language helpers import nothing that imports them back (no import cycle)."""
    modules = [*sorted((PACKAGE / "i18n").rglob("*.py"))]
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert "handlungsprogramm.errors" not in imported, path
        assert not any(m.startswith("handlungsprogramm.cli") for m in imported), path


def test_every_exception_class_is_a_library_error() -> None:
    """The hierarchy has one root; every class in errors.py derives from it."""
    import handlungsprogramm.errors as errors

    classes = [
        obj for obj in vars(errors).values()
        if isinstance(obj, type) and issubclass(obj, BaseException) and obj.__module__ == errors.__name__
    ]  # fmt: skip
    assert classes
    assert all(issubclass(c, HandlungsprogrammError) for c in classes)


def test_reference_pages_list_every_message() -> None:
    for page in ("messages.md", "messages.de.md"):
        content = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert all(f"| {code} |" in content for code in MESSAGES), page
