"""Attacks on a signed programme: each one is built here with pypdf or pyHanko and refused.

The promise: what both mayors signed is what everyone sees. ``verify`` succeeds only if
every byte a viewer shows is covered by a valid signature or by a later change we
allow (the second mayor's signature in its own field, document time stamps and
validation data); ``sign`` refuses a file that does not verify that way and a
certificate ``verify`` would not accept. Each test first shows that the attack is real
(poppler or pypdf sees the attacker's change), then that it is refused.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields as hanko_fields
from pyhanko.sign import signers
from pyhanko.stamp import TextStampStyle
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
)
from typer.testing import CliRunner

from handlungsprogramm.cli import app
from handlungsprogramm.errors import SigningError
from handlungsprogramm.pdf.demo import make_demo_identity
from handlungsprogramm.pdf.signing import has_signatures, verify_pdf
from tests import pdf_attacks
from tests.conftest import EXAMPLE
from tests.pki import Authority, make_authority

pytestmark = pytest.mark.slow  # LibreOffice converts in (nearly) every test here

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
FIELDS = ["sig-pfinztal", "sig-commune-de-kidira"]
PASS = "pw-test"  # noqa: S105 - for throw-away identities


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={**ENV, **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tampering")


@pytest.fixture(scope="module")
def ca(folder: Path) -> Authority:
    return make_authority(folder)


@pytest.fixture(scope="module")
def built(folder: Path) -> Path:
    """The example built once to PDF, with its two empty signature fields."""
    out = folder / "build"
    code, _, err = cli("build", str(EXAMPLE), "--to", "pdf", "--out", str(out))
    assert code == 0, err
    return out / "pfinztal-commune-de-kidira.pdf"


def sign(source: Path, field: str, p12: Path, out: Path, lang: str = "en") -> tuple[int, str]:
    code, _, err = cli(
        "sign", str(source), "--field", field, "--pkcs12", str(p12), "--out", str(out),
        env={"HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": PASS, "HANDLUNGSPROGRAMM_LANG": lang},
    )  # fmt: skip
    return code, err


@pytest.fixture(scope="module")
def first(built: Path, ca: Authority, folder: Path) -> Path:
    """Signed by the German mayor only."""
    out = folder / "first.pdf"
    code, err = sign(built, FIELDS[0], ca.issue(folder, "Katrin Lehmann", PASS.encode()), out)
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def both(first: Path, ca: Authority, folder: Path) -> Path:
    """Signed by both mayors, under one trusted root."""
    out = folder / "both.pdf"
    code, err = sign(first, FIELDS[1], ca.issue(folder, "Abdoulaye Sow", PASS.encode()), out)
    assert code == 0, err
    return out


def verify(path: Path, ca: Authority, *extra: str) -> tuple[int, str, str]:
    return cli("verify", str(path), "--trust", str(ca.pem), "--require-trust", *extra)


def page_one_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip


def new_page_one(pdf: bytes, text: str = "MANIPULIERT Budget 0 EUR") -> bytes:
    """An incremental update that replaces page 1 by the attacker's text (a complete one)."""
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    page = writer.pages[0]
    stream = DecodedStreamObject()
    stream.set_data(f"BT /HelvX 28 Tf 60 500 Td ({text}) Tj ET".encode())
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Contents")] = writer._add_object(stream)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/HelvX"): writer._add_object(font)})}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_signed_programme_verifies(both: Path, ca: Authority) -> None:
    """The baseline the attacks start from: both signatures trusted, exit 0."""
    code, out, err = verify(both, ca)
    assert code == 0, out + err
    assert "Pfinztal" in page_one_text(both)


def test_whitespace_after_the_last_revision_is_harmless(
    both: Path, ca: Authority, tmp_path: Path
) -> None:
    """Line ends after %%EOF (a mail program or an editor adds them) change nothing shown."""
    path = tmp_path / "ws.pdf"
    path.write_bytes(both.read_bytes() + b"\r\n\n")
    assert verify(path, ca)[0] == 0


def test_update_without_eof_marker_is_refused(both: Path, ca: Authority, tmp_path: Path) -> None:
    """A new page 1 appended without the final %%EOF: viewers show it, so verify fails.

    pyHanko looks for %%EOF in the last KiB and validates the signed revision; poppler
    and qpdf follow the last startxref and show the attacker's page.
    """
    attacked = new_page_one(both.read_bytes()).rstrip()
    assert attacked.endswith(b"%%EOF")
    path = tmp_path / "no-eof.pdf"
    path.write_bytes(attacked[: -len(b"%%EOF")])
    assert "MANIPULIERT" in page_one_text(path)  # the attack is real
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert "not covered by any signature" in out + err
    assert "Traceback" not in out + err


def test_complete_update_with_new_page_is_refused(
    both: Path, ca: Authority, tmp_path: Path
) -> None:
    """The same update with its %%EOF is a later revision that changes a page: refused."""
    path = tmp_path / "new-page.pdf"
    path.write_bytes(new_page_one(both.read_bytes()))
    assert "MANIPULIERT" in page_one_text(path)
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert "changed after" in out


@pytest.mark.parametrize("size", [10, 700, 1000, 3000])
def test_junk_after_eof_is_refused(both: Path, ca: Authority, tmp_path: Path, size: int) -> None:
    """Bytes after the last %%EOF that are not a revision are covered by nothing: refused."""
    path = tmp_path / "junk.pdf"
    path.write_bytes(both.read_bytes() + (b"% junk!" * size)[:size])
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert f"{size} bytes after the last revision" in out + err


def _add_signed_field(pdf: bytes, p12: Path, passphrase: bytes) -> bytes:
    """A new visible signature field over page 1, signed, with the attacker's appearance."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    hanko_fields.append_signature_field(
        writer, hanko_fields.SigFieldSpec("Unterschrift", on_page=0, box=(40, 300, 560, 700))
    )
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=passphrase)  # type: ignore[no-untyped-call]
    assert signer is not None
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name="Unterschrift"),
        signer=signer,
        stamp_style=TextStampStyle(stamp_text="MANIPULIERT - Budget: 0 EUR"),
    )
    return pdf_signer.sign_pdf(writer).getvalue()  # type: ignore[no-any-return]


def test_new_signature_field_under_a_trusted_root_is_refused(
    both: Path, ca: Authority, folder: Path, tmp_path: Path
) -> None:
    """Anyone holding a certificate under a trusted root adds and signs a field over page 1.

    pyHanko rates a new signature field as form filling; we permit no new field.
    """
    third = ca.issue(folder, "Somebody Else", PASS.encode())
    path = tmp_path / "third.pdf"
    path.write_bytes(_add_signed_field(both.read_bytes(), third, PASS.encode()))
    reader = PdfReader(path)
    assert any(
        annot.get_object().get("/T") == "Unterschrift"
        for annot in cast(ArrayObject, reader.pages[0]["/Annots"])
    )  # the attack is real: a widget on page 1
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert "field 'Unterschrift' was added after" in out
    code, out, _ = verify(path, ca, "--lang", "de")
    assert "Signaturfeld 'Unterschrift' wurde nach" in out


def test_new_self_signed_field_is_refused_without_require_trust(both: Path, tmp_path: Path) -> None:
    """With a self-signed certificate, plain ``verify`` (no trust asked for) fails as well."""
    stranger = make_demo_identity(tmp_path, "Stranger", PASS.encode())
    path = tmp_path / "stranger.pdf"
    path.write_bytes(_add_signed_field(both.read_bytes(), stranger.pkcs12, PASS.encode()))
    code, out, err = cli("verify", str(path))
    assert code == 1, out + err
    assert "was added after" in out


def test_new_annotation_is_refused(both: Path, ca: Authority, tmp_path: Path) -> None:
    """A free-text note stuck over page 1 in a complete later revision."""
    writer = PdfWriter(io.BytesIO(both.read_bytes()), incremental=True)
    writer.add_annotation(0, FreeText(text="Budget: 0 EUR", rect=(50, 500, 400, 550)))
    path = tmp_path / "annot.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert "changed after" in out


def test_build_keeps_a_signed_pdf_with_trailing_bytes(both: Path, tmp_path: Path) -> None:
    """More than 1 KiB after %%EOF hides the signatures from pyHanko's reader; build still keeps the file."""
    target = tmp_path / "pfinztal-commune-de-kidira.pdf"
    data = both.read_bytes() + b"\n" + b"x" * 2048
    target.write_bytes(data)
    assert has_signatures(data)
    code, _, err = cli("build", str(EXAMPLE), "--to", "pdf", "--out", str(tmp_path))
    assert code == 3, err
    assert target.read_bytes() == data


@pytest.mark.parametrize("lang", ["en", "de"])
def test_second_signature_on_a_tampered_file_is_refused(
    first: Path, ca: Authority, folder: Path, tmp_path: Path, lang: str
) -> None:
    """The partner's mayor must not sign a file changed after the first signature."""
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(new_page_one(first.read_bytes()))
    out = tmp_path / "signed.pdf"
    code, err = sign(
        tampered, FIELDS[1], ca.issue(folder, "Abdoulaye Sow", PASS.encode()), out, lang
    )
    assert code == 7, err
    word = {"en": "does not verify", "de": "ist nicht gültig"}[lang]
    assert "sig-pfinztal" in err
    assert word in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("kind", "en", "de"),
    [
        ({"key_usage": False}, "key usage", "Schlüsselverwendung"),
        ({"server_auth_only": True}, "key usage", "Schlüsselverwendung"),
        ({"weak": True}, "weak", "schwach"),
    ],
    ids=["no-key-usage", "server-auth-only", "rsa1024-sha1"],
)
def test_sign_refuses_certificates_verify_would_not_accept(
    built: Path, ca: Authority, tmp_path: Path, kind: dict[str, bool], en: str, de: str
) -> None:
    """A certificate that verify never trusts for a signature is refused before signing."""
    p12 = ca.issue(tmp_path, "Not For Signing", PASS.encode(), **kind)
    out = tmp_path / "x.pdf"
    code, err = sign(built, FIELDS[0], p12, out)
    assert code == 7, err
    assert en in err
    assert not out.exists()
    code, err = sign(built, FIELDS[0], p12, out, "de")
    assert code == 7
    assert de in err


def test_reports_name_each_signature(both: Path, ca: Authority) -> None:
    """The API: two reports, both ok and trusted, no findings."""
    reports = verify_pdf(both.read_bytes(), trust=[ca.pem])
    assert [r.field for r in reports] == FIELDS
    assert all(r.ok and r.trusted and not r.findings for r in reports)


# Malformed signed files: each gives a clear message and an exit code, never a
# traceback or exit 70; a damaged signature does not hide the intact other one. The
# second signature is damaged: its bytes lie outside what the first one covers.


def _same_length(data: bytes, old: bytes, new: bytes) -> bytes:
    """Replace the last ``old`` by ``new`` padded to the same length (offsets stay)."""
    assert len(new) <= len(old)
    index = data.rindex(old)
    return data[:index] + new.ljust(len(old)) + data[index + len(old) :]


def _byte_range_as_name(pdf: bytes) -> bytes:
    index = pdf.rindex(b"/ByteRange [")
    end = pdf.index(b"]", index)
    return pdf[:index] + b"/ByteRange /Broken".ljust(end + 1 - index) + pdf[end + 1 :]


def _contents_not_hex(pdf: bytes) -> bytes:
    index = pdf.rindex(b"/Contents <") + len(b"/Contents <")
    return pdf[:index] + b"ZZ" + pdf[index + 2 :]


def _encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.encrypt("", "owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _cyclic_kids(pdf: bytes) -> bytes:
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    form = cast(DictionaryObject, writer._root_object["/AcroForm"])
    fields = cast(ArrayObject, form["/Fields"])
    field = fields[0].get_object()
    field[NameObject("/Kids")] = ArrayObject([fields[0]])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


MALFORMED_SIGNED: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "byte-range-as-name": (
        _byte_range_as_name,
        "sig-commune-de-kidira: the signature cannot be read",
    ),
    "contents-not-hex": (_contents_not_hex, "sig-commune-de-kidira: the signature cannot be read"),
    "unknown-subfilter": (
        # signatures are PAdES (ETSI.CAdES.detached); another value is not read as one
        lambda pdf: _same_length(pdf, b"/SubFilter /ETSI.CAdES.detached", b"/SubFilter /x.unknown"),
        "sig-commune-de-kidira: the signature has an unsupported format (/x.unknown)",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_SIGNED))
def test_damaged_signature_is_reported_beside_the_intact_one(
    both: Path, tmp_path: Path, case: str
) -> None:
    """The second signature damaged: exit 1, its reason named, the first still intact."""
    damage, message = MALFORMED_SIGNED[case]
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(damage(both.read_bytes()))
    code, out, err = cli("verify", str(path))
    assert code == 1, out + err
    assert message in out
    assert "Traceback" not in out + err
    reports = verify_pdf(path.read_bytes())
    assert [r.field for r in reports] == FIELDS
    assert reports[0].intact
    assert reports[0].valid
    assert "Katrin Lehmann" in reports[0].signer
    assert not reports[1].ok


MALFORMED_FILES: dict[str, tuple[Callable[[bytes, bytes], bytes], str, str]] = {
    "encrypted": (lambda built, both: _encrypted(built), "the PDF is encrypted", "verschlüsselt"),
    "encrypted-signed": (lambda built, both: _encrypted(both), "the PDF is encrypted", "verschlüsselt"),
    "cyclic-kids": (lambda built, both: _cyclic_kids(built), "the form of the PDF cannot be read", "Formular"),
    "not-a-pdf": (lambda built, both: b"hello", "not a PDF file", "keine PDF-Datei"),
    "empty": (lambda built, both: b"", "not a PDF file", "keine PDF-Datei"),
    "truncated": (lambda built, both: both[: len(both) // 2], "not a readable PDF", "kein lesbares PDF"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(MALFORMED_FILES))
@pytest.mark.parametrize("command", ["verify", "sign"])
def test_malformed_files_give_exit_7(
    built: Path, both: Path, ca: Authority, tmp_path: Path, case: str, command: str
) -> None:
    """Files verify and sign cannot use: exit 7, the reason in English and German."""
    make, en, de = MALFORMED_FILES[case]
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(make(built.read_bytes(), both.read_bytes()))
    p12 = ca.issue(tmp_path, "Katrin Lehmann", PASS.encode())
    out = tmp_path / "signed.pdf"
    for lang, word in (("en", en), ("de", de)):
        if command == "verify":
            code, stdout, err = cli("verify", str(path), "--lang", lang)
            err += stdout
        else:
            code, err = sign(path, FIELDS[1], p12, out, lang)
        assert code == 7, err
        assert word in err
        assert "Traceback" not in err
        assert not out.exists()


def _byte_range(value: bytes) -> Callable[[bytes], bytes]:
    def damage(pdf: bytes) -> bytes:
        index = pdf.rindex(b"/ByteRange [")
        end = pdf.index(b"]", index)
        return pdf[:index] + value.ljust(end + 1 - index) + pdf[end + 1 :]

    return damage


def _empty_contents(pdf: bytes) -> bytes:
    start = pdf.rindex(b"/Contents <") + len(b"/Contents <")
    end = pdf.index(b">", start)
    return pdf[:start] + b">" + b" " * (end - start) + pdf[end + 1 :]


def _first_field(
    key: str, value: Callable[[IndirectObject], PdfObject]
) -> Callable[[bytes], bytes]:
    """An update that sets ``key`` of the first signature field (the signed one)."""

    def damage(pdf: bytes) -> bytes:
        writer = PdfWriter(io.BytesIO(pdf), incremental=True)
        form = cast(DictionaryObject, writer._root_object["/AcroForm"])
        ref = cast(ArrayObject, form["/Fields"])[0]
        cast(DictionaryObject, ref.get_object())[NameObject(key)] = value(ref)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    return damage


MORE_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "byte-range-beyond-file": _byte_range(b"/ByteRange [0 99999999999 99999999999 5]"),
    "byte-range-negative": _byte_range(b"/ByteRange [0 -5 -7 5]"),
    "byte-range-three-numbers": _byte_range(b"/ByteRange [0 1 2]"),
    "contents-empty": _empty_contents,
    "name-is-a-number": _first_field("/T", lambda ref: NumberObject(5)),
    "value-is-a-number": _first_field("/V", lambda ref: NumberObject(7)),
    "field-is-its-own-parent": _first_field("/Parent", lambda ref: ref),
}


@pytest.mark.parametrize("case", sorted(MORE_DAMAGE))
def test_more_damage_fails_verify_and_sign(
    both: Path, ca: Authority, tmp_path: Path, case: str
) -> None:
    """Odd signature dictionaries and field trees: verify exit 1, sign exit 7, no traceback."""
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(MORE_DAMAGE[case](both.read_bytes()))
    code, out, err = cli("verify", str(path))
    assert code == 1, out + err
    assert "Traceback" not in out + err
    target = tmp_path / "signed.pdf"
    code, err = sign(path, FIELDS[1], ca.issue(tmp_path, "Abdoulaye Sow", PASS.encode()), target)
    assert code == 7, err
    assert "Traceback" not in err
    assert not target.exists()


# Revisions that pyHanko and poppler read differently (tests/pdf_attacks.py): before the
# structural check, each left verify at exit 0 while poppler showed the attacker's page.

HIDDEN_PAGE = {
    "duplicate-table-entry": (pdf_attacks.duplicate_entry, "lists object"),
    "absurd-size": (pdf_attacks.absurd_size, "/Size"),
    "dangling-info": (pdf_attacks.dangling_info, "which does not exist"),
    "object-stream-twice": (pdf_attacks.object_stream_twice, "cross-reference stream"),
}


@pytest.mark.parametrize("case", sorted(HIDDEN_PAGE))
def test_revision_read_differently_by_viewers_is_refused(
    first: Path, both: Path, ca: Authority, tmp_path: Path, case: str
) -> None:
    """poppler shows the attacker's page 1; verify exits 1 naming why; sign refuses."""
    attack, phrase = HIDDEN_PAGE[case]
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(attack(both.read_bytes()))
    assert "MANIPULIERT" in page_one_text(path)  # the attack is real
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert phrase in out
    tampered = tmp_path / f"{case}-first.pdf"
    tampered.write_bytes(attack(first.read_bytes()))
    target = tmp_path / "signed.pdf"
    code, err = sign(
        tampered, FIELDS[1], ca.issue(tmp_path, "Abdoulaye Sow", PASS.encode()), target
    )
    assert code == 7, err
    assert not target.exists()


def test_new_title_is_refused(both: Path, ca: Authority, tmp_path: Path) -> None:
    """A new title in the document information and XMP (the window bar shows it)."""
    path = tmp_path / "title.pdf"
    path.write_bytes(pdf_attacks.new_title(both.read_bytes()))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "MANIPULIERT" in info  # the attack is real
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert "title, author, subject or keywords were changed" in out


def test_need_appearances_is_refused(both: Path, ca: Authority, tmp_path: Path) -> None:
    """/NeedAppearances makes viewers redraw the widgets: both signature stamps vanish."""
    path = tmp_path / "appearances.pdf"
    path.write_bytes(pdf_attacks.need_appearances(both.read_bytes()))
    assert PdfReader(path).trailer["/Root"]["/AcroForm"]["/NeedAppearances"]  # type: ignore[index]
    code, out, err = verify(path, ca)
    assert code == 1, out + err
    assert "changed after this signature" in out


def test_key_material_and_certificates_as_bytes_or_str_paths(
    built: Path, ca: Authority, folder: Path
) -> None:
    """The API takes a PKCS#12 file and trusted certificates as bytes (a host's vault) or
    as str or Path: signing with the key's bytes and verifying against the root's bytes
    gives the same report as with the files."""
    from handlungsprogramm import sign_pdf

    p12 = ca.issue(folder, "Vault Signer", PASS.encode())
    pdf = built.read_bytes()
    from_bytes = sign_pdf(pdf, field=FIELDS[0], pkcs12=p12.read_bytes(), passphrase=PASS.encode())
    from_str = sign_pdf(pdf, field=FIELDS[0], pkcs12=str(p12), passphrase=PASS.encode())
    for signed in (from_bytes, from_str):
        (report, *_) = verify_pdf(signed, trust=[ca.pem.read_bytes()])
        assert (report.field, report.signed, report.intact, report.trusted) == (
            FIELDS[0], True, True, True,
        )  # fmt: skip
        assert [r.trusted for r in verify_pdf(signed, trust=[str(ca.pem)])][:1] == [True]
    with pytest.raises(SigningError, match="the PKCS#12 data"):
        sign_pdf(pdf, field=FIELDS[0], pkcs12=b"not a key", passphrase=PASS.encode())


def test_verify_json_reports_every_field_even_beside_a_damaged_one(
    both: Path, ca: Authority, tmp_path: Path
) -> None:
    """verify --format json: the stable document (docs/verify-json.md) with every field
    and flag; with the second signature damaged the first is still reported intact."""
    import json

    code, out, _ = cli("verify", str(both), "--trust", str(ca.pem), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert (document["format"], document["ok"], document["exit_code"]) == (
        "handlungsprogramm.verify/1", True, 0,
    )  # fmt: skip
    assert [f["field"] for f in document["fields"]] == FIELDS
    first = document["fields"][0]
    assert "Katrin Lehmann" in first["signer"]
    assert all(first[k] for k in ("signed", "intact", "valid", "trusted", "ok"))
    assert first["findings"] == []
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(_contents_not_hex(both.read_bytes()))
    code, out, _ = cli("verify", str(damaged), "--format", "json", "--lang", "de")
    assert code == 1
    document = json.loads(out)
    assert (document["ok"], document["lang"]) == (False, "de")
    intact, broken = document["fields"]
    assert (intact["intact"], intact["valid"], broken["ok"]) == (True, True, False)
    assert broken["findings"]
    assert all("signature" not in finding for finding in broken["findings"])  # German


def test_verify_text_is_whole_when_piped_and_ends_with_a_verdict(
    both: Path, ca: Authority, tmp_path: Path
) -> None:
    """Piped (not a terminal), the table keeps every column head and signer uncut, and
    the last line says how many fields are signed, intact and valid."""
    code, out, _ = cli("verify", str(both), "--trust", str(ca.pem), env={"COLUMNS": "80"})
    assert code == 0
    for head in (
        "Signature fields",
        "Signing time",
        "Later changes permitted",
        "Covers whole file",
    ):
        assert head in out
    assert "…" not in out
    assert out.splitlines()[-1] == (
        "✔ all 2 signature fields in order (signed, intact, valid, only permitted changes after)"
    )
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(_contents_not_hex(both.read_bytes()))
    code, out, _ = cli("verify", str(damaged), "--lang", "de")
    assert code == 1
    # the first is intact and valid, but the damaged one after it is no permitted change
    assert out.splitlines()[-1].startswith("✘ 0 von 2 Signaturfeldern in Ordnung (")
