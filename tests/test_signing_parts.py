"""The parts of signing that need no LibreOffice, no token and no network: the PAdES
level a verifier derives, the stamp's wording, the draft marker a build leaves for
``sign``, and the command line's checks of the key options."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from handlungsprogramm.cli import app
from handlungsprogramm.i18n.labels import LABELS
from handlungsprogramm.loading import from_data
from handlungsprogramm.options import DRAFT_KEYWORD, Level, Mode
from handlungsprogramm.pdf.appearance import stamp_parameters
from handlungsprogramm.pdf.levels import level_of
from handlungsprogramm.render.docx import render_docx
from tests.conftest import complete_data

_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}


@pytest.mark.parametrize(
    ("timestamped", "data", "archived", "level"),
    [
        (False, False, False, "B-B"),
        (False, True, True, "B-B"),  # validation data without a time stamp is no B-LT
        (True, False, False, "B-T"),
        (True, False, True, "B-T"),
        (True, True, False, "B-LT"),
        (True, True, True, "B-LTA"),
    ],
)
def test_the_level_is_what_the_file_proves(
    timestamped: bool, data: bool, archived: bool, level: str
) -> None:
    assert level_of(timestamped=timestamped, validation_data=data, archived=archived) == level
    assert level in {member.value for member in Level}


def test_the_stamp_gives_the_time_in_each_language() -> None:
    when = dt.datetime(2026, 12, 5, 21, 30, tzinfo=dt.UTC)
    params = stamp_parameters("Katrin Lehmann", when)
    assert params == {
        "signer": "Katrin Lehmann",
        "date_de": "5. Dezember 2026, 21:30 UTC",
        "date_en": "December 5, 2026, 9:30 PM UTC",
    }
    berlin = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert stamp_parameters("x", berlin)["date_de"] == "1. Juli 2026, 10:00 UTC"


def _keywords(mode: Mode) -> list[str]:
    """The keywords of the Word file's core properties, which LibreOffice carries into
    the PDF's Info and XMP."""
    result = render_docx(from_data(complete_data()), mode=mode, charts=False)
    with zipfile.ZipFile(io.BytesIO(result.data)) as package:
        core = etree.fromstring(package.read("docProps/core.xml"))
    keywords = core.findtext(f"{{{_CORE}}}keywords") or ""
    return [word.strip() for word in keywords.split(",")]


def test_a_draft_carries_the_draft_keyword_first_and_a_final_document_none() -> None:
    """``sign`` tells a draft by its first keyword (PDF Info and XMP, from the Word
    file's properties); the German draft marking is that keyword."""
    assert LABELS["draft.marking"]["de"] == DRAFT_KEYWORD
    draft = _keywords(Mode.DRAFT)
    assert draft[:2] == [DRAFT_KEYWORD, "Projet"]
    assert DRAFT_KEYWORD not in _keywords(Mode.FINAL)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--pkcs12", "k.p12", "--pkcs11-module", "m.so"], "HP928"),
        ([], "HP928"),
        (["--pkcs11-module", "m.so", "--key-label", "k"], "HP922"),
        (["--pkcs11-module", "m.so", "--token-label", "t"], "HP922"),
        (["--pkcs12", "k.p12", "--level", "B-X"], "HP932"),
    ],
)
def test_the_key_options_are_checked_before_anything_is_read(
    tmp_path: Path, args: list[str], code: str
) -> None:
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    result = CliRunner().invoke(
        app, ["sign", str(pdf), "--field", "f", "--out", str(tmp_path / "o.pdf"), *args], env=ENV
    )
    assert result.exit_code == 2, result.output
    assert code in result.stderr
    assert not (tmp_path / "o.pdf").exists()


def test_sign_never_overwrites_an_existing_file_without_force(tmp_path: Path) -> None:
    """The file named by --out may be the other mayor's signed copy."""
    pdf, out = tmp_path / "p.pdf", tmp_path / "signed.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    out.write_bytes(b"the other mayor's signature")
    result = CliRunner().invoke(
        app, ["sign", str(pdf), "--field", "f", "--pkcs12", "k.p12", "--out", str(out)], env=ENV
    )
    assert result.exit_code == 3, result.output
    assert "HP904" in result.stderr
    assert out.read_bytes() == b"the other mayor's signature"
