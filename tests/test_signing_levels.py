"""Signing as municipalities sign: a card or token (PKCS#11), time stamps, long-term
validation, a bilingual appearance in an embedded font, and a draft refused.

The programme is built once with LibreOffice; the German mayor signs with a PKCS#12
file, the partner mayor with a key on a real PKCS#11 token (SoftHSM2, set up by
:mod:`tests.softhsm`), both at PAdES B-LT with time stamps and validation data from a
local authority (:mod:`tests.pki_services`: time stamps, OCSP and CRLs served on
127.0.0.1). The file is then checked by ``verify``, by pyHanko's validator, by
poppler's ``pdfsig``, ``pdffonts`` and ``pdftotext``, and by ``qpdf --check``.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, StreamObject
from typer.testing import CliRunner

from handlungsprogramm.cli import app
from handlungsprogramm.pdf.keys import Pkcs11Key
from tests.conftest import EXAMPLE
from tests.pki_services import LiveAuthority, live_authority
from tests.softhsm import Token, make_token

pytestmark = pytest.mark.slow  # LibreOffice builds the programme once

FIELDS = ["sig-pfinztal", "sig-commune-de-kidira"]
PIN = "246810"
TOKEN = "Karte Kidira"  # noqa: S105 - a token's label, not a secret
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
runner = CliRunner()


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={**ENV, **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("levels")


@pytest.fixture(scope="module")
def authority(folder: Path) -> Iterator[LiveAuthority]:
    yield from live_authority(folder / "pki")


@pytest.fixture(scope="module")
def token(folder: Path, authority: LiveAuthority) -> Iterator[Token]:
    """The partner mayor's key and certificate, with the root, on a SoftHSM token; the
    process sees the token through SOFTHSM2_CONF (as the module is loaded once)."""
    token = make_token(folder / "hsm", TOKEN, PIN)
    signer = "mayor-partner"
    root_der = folder / "root.der"
    root_der.write_bytes(
        subprocess.run(
            ["openssl", "x509", "-in", str(authority.root_pem), "-outform", "DER"],
            check=True, capture_output=True, timeout=30,
        ).stdout
    )  # fmt: skip
    token.put_key(signer, authority.key_pem(signer), authority.cert_der(signer), root_der)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOFTHSM2_CONF", str(token.config))
        yield token


@pytest.fixture(scope="module")
def built(folder: Path) -> Path:
    out = folder / "build"
    code, _, err = cli("build", str(EXAMPLE), "--to", "pdf", "--out", str(out))
    assert code == 0, err
    return out / "pfinztal-commune-de-kidira.pdf"


def _sign_p12(source: Path, out: Path, authority: LiveAuthority, *extra: str) -> tuple[int, str]:
    code, _, err = cli(
        "sign", str(source), "--field", FIELDS[0], "--pkcs12", str(authority.p12("mayor-de")),
        "--out", str(out), *extra,
        env={"HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": authority.passphrase.decode()},
    )  # fmt: skip
    return code, err


def _sign_token(source: Path, out: Path, token: Token, pin: str, *extra: str) -> tuple[int, str]:
    code, _, err = cli(
        "sign", str(source), "--field", FIELDS[1], "--pkcs11-module", str(token.module),
        "--token-label", token.label, "--key-label", "mayor-partner", "--out", str(out), *extra,
        env={"HANDLUNGSPROGRAMM_PKCS11_PIN": pin},
    )  # fmt: skip
    return code, err


@pytest.fixture(scope="module")
def twice(built: Path, folder: Path, authority: LiveAuthority, token: Token) -> Path:
    """Signed through PKCS#12, then through the token, both B-LT with a local time stamp."""
    long_term = ("--level", "B-LT", "--timestamp-url", authority.timestamp_url,
                 "--trust", str(authority.root_pem))  # fmt: skip
    first = folder / "first.pdf"
    code, err = _sign_p12(built, first, authority, *long_term)
    assert code == 0, err
    both = folder / "both.pdf"
    code, err = _sign_token(first, both, token, PIN, *long_term)
    assert code == 0, err
    return both


def test_verify_reports_both_signatures_at_b_lt(twice: Path, authority: LiveAuthority) -> None:
    code, out, err = cli("verify", str(twice), "--trust", str(authority.root_pem),
                         "--require-trust", "--format", "json")  # fmt: skip
    assert code == 0, err
    fields = json.loads(out)["fields"]
    assert [f["field"] for f in fields] == FIELDS
    for f in fields:
        assert f["ok"], f
        assert f["trusted"], f
        assert f["level"] == "B-LT", f
        assert f["validation_data"] is True, f
        assert f["timestamp"] is not None, f
    signers = [f["signer"] for f in fields]
    assert "mayor-de" in signers[0]
    assert "mayor-partner" in signers[1]  # the key on the token signed


def test_pyhanko_validates_both_with_time_stamps(twice: Path, authority: LiveAuthority) -> None:
    """pyHanko's own validator, with revocation checking against the embedded data only."""
    root = authority.root_pem.read_bytes()
    from pyhanko.keys import load_certs_from_pemder_data

    context = ValidationContext(
        trust_roots=list(load_certs_from_pemder_data(root)), allow_fetching=False
    )
    with twice.open("rb") as stream:
        reader = PdfFileReader(stream, strict=False)
        signatures = [s for s in reader.embedded_signatures if s.sig_object_type == "/Sig"]
        assert [s.field_name for s in signatures] == FIELDS
        for embedded in signatures:
            status = validate_pdf_signature(embedded, context)
            assert status.intact, status.summary()
            assert status.valid, status.summary()
            assert status.trusted, status.summary()
            assert status.timestamp_validity is not None
            assert status.timestamp_validity.valid
            assert status.timestamp_validity.trusted
        dss = reader.root["/DSS"]
        assert len(dss["/OCSPs"]) >= 2 or len(dss.get("/CRLs", ())) >= 1


def test_pdfsig_finds_both_signatures_valid(twice: Path) -> None:
    result = subprocess.run(["pdfsig", str(twice)], capture_output=True, text=True, timeout=60,
                            check=False)  # fmt: skip
    assert result.stdout.count("Signature Validation: Signature is Valid.") == 2, result.stdout
    assert "Signature Field Name: sig-commune-de-kidira" in result.stdout


def test_every_font_embedded_and_pdfa_kept(twice: Path, built: Path) -> None:
    """pyHanko's default stamp would add Courier, not embedded: PDF/A broken. Ours is
    Noto Sans, embedded; the PDF/A identification, the output intent and the metadata
    stay as the build wrote them, and no transparency is added."""
    fonts = subprocess.run(["pdffonts", str(twice)], capture_output=True, text=True,
                           timeout=60, check=True).stdout  # fmt: skip
    rows = fonts.splitlines()[2:]
    assert rows
    assert all(re.search(r"\s+yes\s+yes\s+yes\s+\d+\s+\d+$", row) for row in rows), fonts
    assert "Courier" not in fonts
    assert "Identity-H" in fonts  # the stamp's subset of Noto Sans
    signed, unsigned = PdfReader(twice), PdfReader(built)
    assert signed.xmp_metadata is not None
    root = cast(DictionaryObject, signed.trailer["/Root"].get_object())
    before = cast(DictionaryObject, unsigned.trailer["/Root"].get_object())
    xmp = cast(StreamObject, root["/Metadata"].get_object()).get_data()
    assert xmp == cast(StreamObject, before["/Metadata"].get_object()).get_data()
    assert b"pdfaid:part" in xmp
    assert "/OutputIntents" in root
    for page in signed.pages:
        for annotation in page.get("/Annots", []):
            appearance = annotation.get_object().get("/AP")
            if appearance is None:
                continue
            normal = appearance["/N"].get_object()
            assert "/Group" not in normal
            assert "/ExtGState" not in normal.get("/Resources", {})
    check = subprocess.run(["qpdf", "--check", str(twice)], capture_output=True, text=True,
                           timeout=60, check=False)  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_appearance_says_who_signed_in_both_languages(twice: Path) -> None:
    pages = len(PdfReader(twice).pages)
    text = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), "-layout", str(twice), "-"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert "Digital unterschrieben von mayor-de" in text
    assert "Signed digitally by mayor-partner" in text
    assert re.search(r"am \d{1,2}\. \w+ \d{4}, \d{2}:\d{2} UTC", text), text


def test_b_lta_adds_a_document_time_stamp(twice: Path, folder: Path, authority: LiveAuthority,
                                           built: Path) -> None:  # fmt: skip
    """Signed at B-LTA through the API: both signatures reach B-LTA; the document time
    stamp is not reported as a municipality's field, and poppler sees it."""
    from handlungsprogramm.pdf.signing import sign_pdf, verify_pdf

    first = (folder / "first.pdf").read_bytes()
    data = sign_pdf(
        first, field=FIELDS[1], pkcs12=authority.p12("mayor-partner"),
        passphrase=authority.passphrase, level="B-LTA", timestamp_url=authority.timestamp_url,
        trust=[authority.root_pem],
    )  # fmt: skip
    reports = verify_pdf(data, trust=[authority.root_pem])
    assert [(r.field, r.ok, r.level) for r in reports] == [
        (FIELDS[0], True, "B-LTA"),
        (FIELDS[1], True, "B-LTA"),
    ]
    path = folder / "lta.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60,
                            check=False)  # fmt: skip
    assert "Signature Field Name: hp-document-timestamp" in result.stdout


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    ("case", "code", "words"),
    [
        ("wrong pin", "HP845", ("wrong PIN", "falsche PIN")),
        ("missing token", "HP844", ("no token", "kein Token")),
        ("missing key", "HP847", ("has no", "hat kein")),
        ("missing module", "HP843", ("cannot be loaded", "lässt sich nicht laden")),
    ],
)
def test_token_problems_exit_7_with_a_clear_message(
    twice: Path, folder: Path, token: Token, case: str, code: str, words: tuple[str, str],
    lang: str,
) -> None:  # fmt: skip
    first = folder / "first.pdf"
    out = folder / f"refused-{case.replace(' ', '-')}-{lang}.pdf"
    module, label, key, pin = str(token.module), token.label, "mayor-partner", PIN
    if case == "wrong pin":
        pin = "000000"
    elif case == "missing token":
        label = "keine solche Karte"
    elif case == "missing key":
        key = "no-such-key"
    else:
        module = str(folder / "no-such-module.so")
    exit_code, _, err = cli(
        "sign", str(first), "--field", FIELDS[1], "--pkcs11-module", module, "--token-label",
        label, "--key-label", key, "--out", str(out),
        env={"HANDLUNGSPROGRAMM_PKCS11_PIN": pin, "HANDLUNGSPROGRAMM_LANG": lang},
    )  # fmt: skip
    assert exit_code == 7, err
    assert f"HP{code[2:]}" in err
    assert words[0 if lang == "en" else 1] in err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_draft_is_refused_unless_allowed(folder: Path, authority: LiveAuthority) -> None:
    out = folder / "draft"
    code, _, err = cli("build", str(EXAMPLE), "--to", "pdf", "--draft", "--out", str(out))
    assert code == 0, err
    draft = out / "pfinztal-commune-de-kidira.pdf"
    signed = folder / "draft-signed.pdf"
    code, err = _sign_p12(draft, signed, authority)
    assert code == 3, err
    assert "HP842" in err
    assert not signed.exists()
    code, err = _sign_p12(draft, signed, authority, "--allow-draft")
    assert code == 0, err
    assert signed.exists()


def test_a_level_with_a_time_stamp_needs_its_address(built: Path, folder: Path,
                                                     authority: LiveAuthority) -> None:  # fmt: skip
    code, err = _sign_p12(built, folder / "no-tsa.pdf", authority, "--level", "B-T")
    assert code == 2, err
    assert "HP849" in err


def test_an_unreachable_time_stamp_authority_signs_nothing(
    built: Path, folder: Path, authority: LiveAuthority
) -> None:
    out = folder / "tsa-down.pdf"
    code, err = _sign_p12(built, out, authority, "--level", "B-T",
                          "--timestamp-url", "http://127.0.0.1:9/tsa")  # fmt: skip
    assert code == 7, err
    assert "HP860" in err
    assert not out.exists()


def test_api_refuses_two_key_sources_and_none(built: Path) -> None:
    from handlungsprogramm.pdf.signing import sign_pdf

    key = Pkcs11Key("/nowhere.so", "t", "k")
    with pytest.raises(ValueError, match="exactly one"):
        sign_pdf(built.read_bytes(), field=FIELDS[0], pkcs12=b"x", pkcs11=key)
    with pytest.raises(ValueError, match="exactly one"):
        sign_pdf(built.read_bytes(), field=FIELDS[0])
