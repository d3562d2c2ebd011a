"""The PDF for joint signing: PDF/A, tags, metadata, bookmarks, fields, signatures, faults.

LibreOffice, qpdf and poppler are installed by the README's set-up command: nothing
here skips.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from handlungsprogramm import load
from handlungsprogramm.cli import app
from handlungsprogramm.fingerprint import fingerprint
from handlungsprogramm.model import Side
from handlungsprogramm.pdf.demo import DemoIdentity, make_demo_identity
from handlungsprogramm.pdf.fields import signature_boxes
from handlungsprogramm.pdf.signing import signature_fields, verify_pdf
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # LibreOffice converts in (nearly) every test here

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
FIELDS = ["sig-pfinztal", "sig-commune-de-kidira"]


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={**ENV, **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built once to DOCX and PDF."""
    out = tmp_path_factory.mktemp("build")
    code, _, err = cli("build", str(EXAMPLE), "--to", "docx,pdf", "--out", str(out))
    assert code == 0, err
    return out / "pfinztal-commune-de-kidira.pdf"


@pytest.fixture(scope="module")
def reader(built: Path) -> PdfReader:
    return PdfReader(io.BytesIO(built.read_bytes()))


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_docx_and_pdf_written(built: Path) -> None:
    """--to docx,pdf writes both files, named after the partnership."""
    assert built.is_file()
    assert built.with_suffix(".docx").is_file()


def test_pdfa_2b_and_tagged(reader: PdfReader) -> None:
    """PDF/A-2b in the XMP, a structure tree, marked content and the German language tag."""
    assert reader.xmp_metadata is not None
    xmp = reader.xmp_metadata.stream.get_data().decode()
    assert re.search(r"pdfaid:part>2<|pdfaid:part=\"2\"", xmp)
    assert re.search(r"pdfaid:conformance>B<|pdfaid:conformance=\"B\"", xmp)
    root: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])  # a pypdf BooleanObject
    assert root["/Lang"] == "de-DE"


def test_metadata_both_languages_and_consistent(reader: PdfReader) -> None:
    """Title in both languages, both municipalities as author; XMP says the same."""
    programme = load(EXAMPLE)
    info = reader.metadata
    assert info is not None
    title = f"{programme.title['de']} / {programme.title['fr']}".replace("'", "’")
    assert info.title == title
    assert info.author == "Pfinztal; Commune de Kidira"
    assert info.subject is not None
    assert " / " in info.subject
    assert "Klimaschutz" in str(info.get("/Keywords", ""))
    assert reader.xmp_metadata is not None
    xmp = reader.xmp_metadata
    assert xmp.dc_title == {"x-default": info.title}
    assert xmp.dc_creator == [info.author]
    assert xmp.pdf_producer == info.producer


def test_qpdf_check(built: Path) -> None:
    """qpdf finds no structural problems."""
    result = subprocess.run(["qpdf", "--check", str(built)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_bookmarks_for_chapters_and_measures(reader: PdfReader) -> None:
    """The outline has the chapters and, below the measures chapter, every measure sheet."""

    def titles(items: Sequence[object]) -> Iterator[str]:
        for item in items:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield str(item.title)  # type: ignore[attr-defined]

    all_titles = list(titles(reader.outline))
    # chapters carry their number, as in the contents
    chapters = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert [title.split()[0] for title in chapters] == [str(n) for n in range(1, len(chapters) + 1)]
    assert any(t.endswith(" Gemeinsame Vision / Vision commune") for t in chapters)
    assert any(t.endswith(" Unterzeichnung / Signatures") for t in chapters)
    programme = load(EXAMPLE)
    # a code's hyphen is Word's no-break hyphen, which the outline keeps as U+2011
    plain = [t.replace("\u2011", "-") for t in all_titles]
    for measure in programme.measures:
        assert any(t.startswith(f"{measure.code} ") for t in plain), measure.code


def test_text_in_both_languages(built: Path) -> None:
    """pdftotext extracts German and French."""
    text = " ".join(pdftotext(built).split())
    assert "Gemeinsame Vision" in text
    assert "Vision commune" in text
    assert "Atténuation" in text


def test_two_empty_fields_over_the_signature_boxes(built: Path, reader: PdfReader) -> None:
    """Two unsigned fields, named after the municipalities, exactly on the signature boxes."""
    data = built.read_bytes()
    assert signature_fields(data) == dict.fromkeys(FIELDS, False)
    boxes = signature_boxes(data, load(EXAMPLE))
    last = len(reader.pages) - 1
    widgets = {}
    for annot in reader.pages[last].get("/Annots", []):
        obj = annot.get_object()
        if obj.get("/FT") == "/Sig":
            widgets[str(obj["/T"])] = [round(float(v)) for v in obj["/Rect"]]
    assert set(widgets) == set(FIELDS)
    for box in boxes:
        assert box.page == last
        assert widgets[box.name] == list(box.box)
        x1, y1, x2, y2 = box.box
        assert (x2 - x1, y2 - y1) == (227, 85)  # 8.0 cm × 3.0 cm
    german, partner = boxes
    assert german.box[0] < partner.box[0]  # German left, partner right
    assert german.box[1] == partner.box[1]


def test_the_signing_page_reads_as_one(built: Path, reader: PdfReader) -> None:
    """The last page, read back: the clause with both resolutions (dates in German and
    French) and the originals, the towns as places, names, functions in both languages,
    the seal areas, the fingerprint below the signatures; every field inside its box."""
    last = len(reader.pages)
    columns = [
        subprocess.run(
            ["pdftotext", "-f", str(last), "-l", str(last), "-r", "72",
             "-x", str(x), "-y", "0", "-W", str(width), "-H", "842", str(built), "-"],
            check=True, capture_output=True, text=True,
        ).stdout
        for x, width in ((0, 294), (296, 299))  # the German half, the partner's (points)
    ]  # fmt: skip
    # one column after the other, words hyphenated at a line's end joined again
    text = re.sub(r"(\w)- (\w)", r"\1\2", " ".join(" ".join(columns).split()))
    for wanted in (
        "Beschluss vom 24. Juni 2025 (GR 2025/087)",
        "délibération du 24 juin 2025",
        "Beschluss vom 5. Juli 2025",
        "délibération du 5 juillet 2025",
        "zwei Originalen",
        "deux exemplaires originaux",
        "gleichermaßen verbindlich",
        "faisant également foi",
        "Pfinztal,",
        "Kidira,",
        "Katrin Lehmann",
        "Abdoulaye Sow",
        "Bürgermeisterin der Gemeinde Pfinztal",
        "Maire de la Commune de Kidira",
        "Dienstsiegel",
        "Cachet officiel",
    ):
        assert wanted in text, wanted
    assert "Commune de Kidira," not in text  # the town, not the institution, is the place
    page = subprocess.run(
        ["pdftotext", "-f", str(last), "-l", str(last), str(built), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    grouped = " ".join(re.findall("....", fingerprint(load(EXAMPLE))))
    assert grouped in page  # in full, on one line
    assert page.index("Abdoulaye Sow") < page.index(grouped)  # at the foot, not on top
    boxes = signature_boxes(built.read_bytes(), load(EXAMPLE))
    for annot in reader.pages[last - 1].get("/Annots", []):
        obj = annot.get_object()
        if obj.get("/FT") != "/Sig":
            continue
        box = next(b for b in boxes if b.name == str(obj["/T"]))
        x1, y1, x2, y2 = (float(v) for v in obj["/Rect"])
        bx1, by1, bx2, by2 = box.box
        assert bx1 <= x1 < x2 <= bx2
        assert by1 <= y1 < y2 <= by2


@pytest.fixture(scope="module")
def identities(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DemoIdentity]:
    folder = tmp_path_factory.mktemp("keys")
    return {
        "german": make_demo_identity(folder, "Katrin Lehmann", b"pass-de"),
        "partner": make_demo_identity(folder, "Abdoulaye Sow", b"pass-sn"),
    }


@pytest.fixture(scope="module")
def signed(
    built: Path, identities: dict[str, DemoIdentity], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The PDF signed first by the German mayor, then by the partner's."""
    folder = tmp_path_factory.mktemp("signed")
    first, second = folder / "first.pdf", folder / "both.pdf"
    code, _, err = cli(
        "sign", str(built), "--field", FIELDS[0], "--pkcs12", str(identities["german"].pkcs12),
        "--out", str(first), env={"HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": "pass-de"},
    )  # fmt: skip
    assert code == 0, err
    assert "pass-de" not in err
    code, _, err = cli(
        "sign", str(first), "--field", FIELDS[1], "--pkcs12", str(identities["partner"].pkcs12),
        "--out", str(second), env={"HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": "pass-sn"},
    )  # fmt: skip
    assert code == 0, err
    return second


def test_both_signatures_verify(signed: Path, identities: dict[str, DemoIdentity]) -> None:
    """Our verify: both fields signed, intact, valid, trusted; first stays valid after second."""
    trust = [identities["german"].certificate, identities["partner"].certificate]
    reports = verify_pdf(signed.read_bytes(), trust=trust)
    assert [r.field for r in reports] == FIELDS
    assert all(r.ok and r.trusted for r in reports)
    assert reports[0].covers_whole_file is False  # the second signature came after it
    assert reports[1].covers_whole_file is True
    assert "Katrin Lehmann" in reports[0].signer
    args = ["verify", str(signed), "--require-trust"]
    for cert in trust:
        args += ["--trust", str(cert)]
    code, out, _ = cli(*args)
    assert code == 0, out
    assert "sig-commune-de-kidira" in out


def test_untrusted_fails_only_with_require_trust(signed: Path) -> None:
    """Self-signed certificates are valid but not trusted; --require-trust makes that fail."""
    assert cli("verify", str(signed))[0] == 0
    assert cli("verify", str(signed), "--require-trust")[0] == 1


def test_pdfsig_reports_both_valid(signed: Path) -> None:
    """poppler's pdfsig agrees: both signatures valid."""
    result = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True)
    assert result.stdout.count("Signature Validation: Signature is Valid.") == 2, result.stdout


def test_unsigned_pdf_does_not_verify(built: Path) -> None:
    """Empty fields make verify fail: exit 1, and the table says not signed."""
    code, out, _ = cli("verify", str(built))
    assert code == 1
    assert out.count(" no ") >= 2


def test_changed_byte_is_detected(signed: Path, tmp_path: Path) -> None:
    """A byte changed inside the signed range: our verify and pdfsig both fail."""
    data = bytearray(signed.read_bytes())
    index = data.index(b"Pfinztal", 1000)
    data[index] = ord("Q")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    code, out, err = cli("verify", str(tampered))
    assert code != 0
    assert "Traceback" not in out + err
    result = subprocess.run(["pdfsig", str(tampered)], capture_output=True, text=True)
    assert "Signature is Valid." not in result.stdout.split("Signature #2")[0]


def test_appended_page_is_detected(signed: Path, tmp_path: Path) -> None:
    """A page added afterwards (incremental update) is not a permitted change."""
    writer = PdfWriter(io.BytesIO(signed.read_bytes()), incremental=True)
    writer.add_blank_page()
    out = tmp_path / "appended.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    reports = verify_pdf(out.read_bytes())
    assert not all(r.changes_permitted for r in reports)
    assert cli("verify", str(out))[0] == 1


@pytest.mark.parametrize(
    ("field", "passphrase", "message"),
    [
        ("sig-pfinztal", "pass-de", "is already signed"),
        ("sig-nowhere", "pass-de", "has no signature field 'sig-nowhere' (fields: sig-pfinztal, sig-commune-de-kidira)"),
        ("sig-commune-de-kidira", "Tr0ub4dor-x", "wrong passphrase"),
    ],
)  # fmt: skip
def test_signing_mistakes(
    signed: Path, built: Path, identities: dict[str, DemoIdentity], tmp_path: Path,
    field: str, passphrase: str, message: str,
) -> None:  # fmt: skip
    """Signing a signed field, an unknown field or with a wrong passphrase: a clear message."""
    source = signed if "already" in message else built
    out = tmp_path / "x.pdf"
    code, _, err = cli(
        "sign", str(source), "--field", field, "--pkcs12", str(identities["german"].pkcs12),
        "--out", str(out), env={"HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": passphrase},
    )  # fmt: skip
    assert code == 7
    assert message in err
    assert passphrase not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"expired": True}, "the certificate expired"), ({"signing_usage": False}, "key usage")],
)
def test_unusable_certificates(
    built: Path, tmp_path: Path, kwargs: dict[str, bool], message: str
) -> None:
    """An expired certificate, or one without signing key usage, is refused before signing."""
    p12 = make_demo_identity(tmp_path, "Bad", b"pw", **kwargs).pkcs12
    code, _, err = cli(
        "sign", str(built), "--field", FIELDS[0], "--pkcs12", str(p12), "--out",
        str(tmp_path / "x.pdf"), env={"HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": "pw"},
    )  # fmt: skip
    assert code == 7
    assert message in err


def test_build_never_overwrites_a_signed_pdf(signed: Path, tmp_path: Path) -> None:
    """A signed PDF at the target is kept (exit 3) unless --force is given."""
    target = tmp_path / "pfinztal-commune-de-kidira.pdf"
    target.write_bytes(signed.read_bytes())
    code, _, err = cli("build", str(EXAMPLE), "--to", "pdf", "--out", str(tmp_path))
    assert code == 3
    assert "carries signatures" in err
    assert target.read_bytes() == signed.read_bytes()
    code, _, _ = cli("build", str(EXAMPLE), "--to", "pdf", "--out", str(tmp_path), "--force")
    assert code == 0
    assert not any(signature_fields(target.read_bytes()).values())


def test_pdfa_can_be_switched_off(tmp_path: Path) -> None:
    """--no-pdfa gives a plain PDF (no PDF/A identification), still with fields."""
    code, _, err = cli("build", str(EXAMPLE), "--to", "pdf", "--no-pdfa", "--out", str(tmp_path))
    assert code == 0, err
    pdf = tmp_path / "pfinztal-commune-de-kidira.pdf"
    xmp = PdfReader(io.BytesIO(pdf.read_bytes())).xmp_metadata
    assert xmp is None or "pdfaid" not in xmp.stream.get_data().decode()
    assert list(signature_fields(pdf.read_bytes())) == FIELDS


def _fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_hanging_soffice_is_killed(tmp_path: Path) -> None:
    """A hanging LibreOffice is stopped at --convert-timeout: exit 6, no process, no PDF."""
    marker = f"sleep 3{os.getpid() % 1000:03d}.5"  # a command line no other process has
    fake = _fake_soffice(tmp_path, f"{marker} &\nwait")  # LibreOffice runs a child, too
    out = tmp_path / "out"
    code, _, err = cli(
        "build", str(EXAMPLE), "--to", "docx,pdf", "--out", str(out), "--convert-timeout", "2",
        env={"HANDLUNGSPROGRAMM_SOFFICE": str(fake)},
    )  # fmt: skip
    assert code == 6
    assert "did not finish within 2 s" in err
    assert not list(out.glob("*.pdf"))
    assert (out / "pfinztal-commune-de-kidira.docx").is_file()
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
    assert left.stdout.strip() == ""


def test_crashing_soffice(tmp_path: Path) -> None:
    """A crashing LibreOffice gives a clear message and exit 6."""
    fake = _fake_soffice(tmp_path, "echo 'boom: segmentation fault' >&2; exit 139")
    code, _, err = cli(
        "build", str(EXAMPLE), "--to", "pdf", "--out", str(tmp_path / "out"),
        env={"HANDLUNGSPROGRAMM_SOFFICE": str(fake)},
    )  # fmt: skip
    assert code == 6
    assert "LibreOffice failed (exit code 139): boom: segmentation fault" in err


def test_missing_soffice_still_writes_docx(tmp_path: Path) -> None:
    """Without LibreOffice: exit 5 with an install hint; the Word file is written."""
    code, _, err = cli(
        "build", str(EXAMPLE), "--to", "docx,pdf", "--out", str(tmp_path),
        env={"HANDLUNGSPROGRAMM_SOFFICE": str(tmp_path / "nope")},
    )  # fmt: skip
    assert code == 5
    assert "apt-get install libreoffice-writer-nogui" in err
    assert (tmp_path / "pfinztal-commune-de-kidira.docx").is_file()


def test_batch_starts_libreoffice_once_per_core(tmp_path: Path) -> None:
    """Four programmes are converted by at most one soffice per core, not one per document."""
    sources = []
    text = EXAMPLE.read_text(encoding="utf-8")
    for index in range(4):
        source = tmp_path / f"p{index}" / "programme.yaml"
        source.parent.mkdir()
        source.write_text(
            text.replace("name: Pfinztal", f"name: Pfinztal {index}"), encoding="utf-8"
        )
        sources.append(str(source))
    log = tmp_path / "calls.log"
    real = subprocess.run(["which", "soffice"], capture_output=True, text=True).stdout.strip()
    wrapper = _fake_soffice(tmp_path, f'echo call >> "{log}"\nexec "{real}" "$@"')
    code, _, err = cli(
        "build", *sources, "--to", "pdf", "--out", str(tmp_path / "out"),
        env={"HANDLUNGSPROGRAMM_SOFFICE": str(wrapper)},
    )  # fmt: skip
    assert code == 0, err
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 4
    calls = log.read_text().count("call")
    assert 1 <= calls <= min(os.cpu_count() or 1, 4)


def test_parallel_builds_in_separate_processes(tmp_path: Path) -> None:
    """Four build processes at once (each with its own LibreOffice profile) all produce
    complete, correct PDFs: fields, both languages' text, and a clean qpdf check."""
    command = [sys.executable, "-m", "handlungsprogramm", "build", str(EXAMPLE), "--to", "pdf"]
    env = {**os.environ, **ENV}
    procs = [
        subprocess.Popen(
            [*command, "--out", str(tmp_path / f"out{i}")],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i in range(4)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    for i in range(4):
        pdf = tmp_path / f"out{i}" / "pfinztal-commune-de-kidira.pdf"
        assert list(signature_fields(pdf.read_bytes())) == FIELDS
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Pfinztal" in text
        assert "Kidira" in text
        assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_build_leaves_no_half_written_output(tmp_path: Path, signum: int) -> None:
    """Ctrl-C or SIGTERM while LibreOffice converts: exit 130 with a one-line message,
    LibreOffice (and its children) stopped, the previous PDF untouched, the new Word file
    complete, and no temporary file left in the output folder."""
    marker = f"sleep 4{os.getpid() % 1000:03d}.{signum}"  # a command line no other process has
    fake = _fake_soffice(tmp_path, f"{marker} &\nwait")
    out = tmp_path / "out"
    out.mkdir()
    previous = out / "pfinztal-commune-de-kidira.pdf"
    previous.write_bytes(b"%PDF-1.7 the previous version\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "handlungsprogramm", "build", str(EXAMPLE), "--to", "docx,pdf",
         "--out", str(out)],
        env={**os.environ, **ENV, "HANDLUNGSPROGRAMM_SOFFICE": str(fake)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    for _ in range(600):  # until the fake LibreOffice runs (the Word file is written by then)
        if subprocess.run(["pgrep", "-f", marker], capture_output=True).returncode == 0:
            break
        time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the fake LibreOffice never started")
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted: no output was left half-written" in err
    assert "Traceback" not in err
    assert previous.read_bytes() == b"%PDF-1.7 the previous version\n"
    assert docx.Document(str(out / "pfinztal-commune-de-kidira.docx")).paragraphs
    assert sorted(p.name for p in out.iterdir()) == [
        "pfinztal-commune-de-kidira.docx",
        "pfinztal-commune-de-kidira.pdf",
    ]
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
    assert left.stdout.strip() == ""


def test_table_of_contents_has_page_numbers(built: Path) -> None:
    """The conversion updates the contents: entries with dots and the right page numbers."""
    # the contents follow the title page and the imprint on its back
    page_two = subprocess.run(
        ["pdftotext", "-f", "3", "-l", "4", str(built), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    entry = re.search(r"Unterzeichnung / Signatures\.+\s*(\d+)", page_two)
    assert entry is not None, page_two[:500]
    reader = PdfReader(io.BytesIO(built.read_bytes()))
    last = len(reader.pages)
    assert int(entry.group(1)) == last  # the signature page is the last one


@pytest.mark.parametrize("further", [1, 3], ids=["one-row", "rows-of-two"])
def test_a_field_for_every_signatory(
    tmp_path: Path, identities: dict[str, DemoIdentity], further: int
) -> None:
    """Each signatory gets a box and a field: up to four side by side in one row (the
    columns narrower), more in rows of two (a further one of a side below the first);
    all fields can be signed one after another and the file verifies."""
    data = load(EXAMPLE).model_dump(mode="json", exclude_unset=True)
    for number in range(further):
        data["signatories"].append(
            {
                "side": "partner",
                "name": f"Fatou Exemple {number + 1}",
                "function": {"de": "Generalsekretärin", "fr": "Secrétaire générale"},
                "place": "Bakel",
            }
        )
    source = tmp_path / "programme.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    for picture in EXAMPLE.parent.glob("*.png"):
        (tmp_path / picture.name).write_bytes(picture.read_bytes())
    out = tmp_path / "out"
    code, _, err = cli("build", str(source), "--to", "pdf", "--out", str(out))
    assert code == 0, err
    pdf = out / "pfinztal-commune-de-kidira.pdf"
    programme = load(source)
    boxes = signature_boxes(pdf.read_bytes(), programme)
    names = [b.name for b in boxes]
    assert signature_fields(pdf.read_bytes()) == dict.fromkeys(names, False)
    assert names[-1] == f"sig-commune-de-kidira-{len(programme.signatories_of(Side.PARTNER))}"
    first, last = boxes[names.index(FIELDS[1])], boxes[-1]
    if further == 1:  # three columns: all boxes on one line of one page, left to right
        assert len({b.page for b in boxes}) == 1
        assert {b.box[3] for b in boxes} == {first.box[3]}
        lefts = [b.box[0] for b in boxes]
        assert lefts == sorted(lefts)
        assert all(a.box[2] < b.box[0] for a, b in itertools.pairwise(boxes))
        assert 140 < first.box[2] - first.box[0] < 160  # a third of the width, less the gap
    else:  # rows of two: the partner's column, further down
        assert last.box[0] == first.box[0]
        assert (last.page, -last.box[1]) > (first.page, -first.box[1])
    assert "Bakel," in pdftotext(pdf)
    current = pdf
    for index, box in enumerate(boxes):
        who = box.side.value
        signed_file = tmp_path / f"signed-{index}.pdf"
        code, _, err = cli(
            "sign", str(current), "--field", box.name, "--pkcs12", str(identities[who].pkcs12),
            "--out", str(signed_file),
            env={"HANDLUNGSPROGRAMM_SIGN_PASSPHRASE": "pass-de" if who == "german" else "pass-sn"},
        )  # fmt: skip
        assert code == 0, err
        current = signed_file
    reports = verify_pdf(current.read_bytes(), trust=[i.certificate for i in identities.values()])
    assert [r.field for r in reports] == names
    assert all(r.ok and r.trusted for r in reports)
