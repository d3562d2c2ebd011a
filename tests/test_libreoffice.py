"""Every example and both layouts convert with LibreOffice; the PDF text has both languages.

CI installs LibreOffice through the README's set-up command, so these tests never skip.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from handlungsprogramm import from_data, load
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.pdf import convert as lo_convert
from handlungsprogramm.pdf.convert import convert_many
from handlungsprogramm.render.docx import render_docx, write_docx
from handlungsprogramm.render.writer import Layout
from tests.conftest import ROOT, complete_data
from tests.test_hostile_templates import changed, pack, picture, relationship, tiny_png

pytestmark = pytest.mark.slow  # LibreOffice converts in (nearly) every test here

EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))


def convert(docx_file: Path, workdir: Path) -> Path:
    """Convert with soffice in its own profile; return the PDF path."""
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice is missing: run ./dev test, which installs it"
    profile = workdir / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(workdir), str(docx_file)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(workdir)},
    )  # fmt: skip
    pdf = workdir / (docx_file.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
@pytest.mark.parametrize("layout", list(Layout), ids=[layout.value for layout in Layout])
def test_example_converts(example: Path, layout: Layout, tmp_path: Path) -> None:
    """The built document converts to PDF; both languages and every measure are in it."""
    programme = load(example)
    path, _ = write_docx(programme, tmp_path, layout=layout)
    text = pdftotext(convert(path, tmp_path))
    flat = " ".join(text.split())
    assert programme.title["de"].split()[0] in flat
    partner = programme.partner_language
    assert programme.measures[0].title[partner].split()[0] in flat
    for measure in programme.measures:
        assert measure.code in flat
    signatory = programme.signatories[0]
    assert signatory.name in flat
    # an amount too wide for its column wraps before the currency, never inside its code:
    # no line ends in the first letters of a currency code and the next starts with the rest
    # (a reference such as "CND-BO" may end a line in "BO"; that is not a currency)
    for code in {item.currency for m in programme.measures for item in m.resources.money}:
        if format_money(Decimal(1), code, "de").endswith(code):
            for cut in (1, 2):
                broken = re.compile(rf"\b{code[:cut]}[ \t]*\n\s*{code[cut:]}\b")
                assert not broken.search(text), (code, broken.search(text))


def test_conversion_works_inside_an_activated_virtual_environment(tmp_path: Path) -> None:
    """An activated venv (its bin first on PATH) once made LibreOffice's Python abort (134)."""
    venv_bin = Path(sys.executable).parent  # the environment running the tests, wherever
    env = {
        **os.environ,
        "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(venv_bin.parent),
        "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run(
        [str(venv_bin / "handlungsprogramm"), "build", str(ROOT / "examples/marburg-sucre/programme.yaml"),
         "--to", "pdf", "--out", str(tmp_path), "--no-charts"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (pdf,) = tmp_path.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Sucre" in text


def test_soffice_environment_leaves_out_other_pythons(tmp_path: Path) -> None:
    """Virtual environments' bin folders and PYTHON* variables do not reach LibreOffice."""
    from handlungsprogramm.pdf.convert import soffice_environment

    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    old = dict(os.environ)
    try:
        os.environ["PATH"] = f"{venv / 'bin'}{os.pathsep}/usr/bin"
        os.environ["PYTHONHOME"] = "/elsewhere"
        os.environ["VIRTUAL_ENV"] = str(venv)
        env = soffice_environment(str(tmp_path / "profile"))
    finally:
        os.environ.clear()
        os.environ.update(old)
    assert env["PATH"] == "/usr/bin"
    assert "PYTHONHOME" not in env
    assert "VIRTUAL_ENV" not in env
    assert env["HOME"] == str(tmp_path / "profile")
    assert env["TMPDIR"] == str(tmp_path / "profile" / "tmp")  # removed with the profile


# -- nothing is loaded from outside the document ------------------------------------------

SECRET_TEXT = "HP-SECRET-TEXT-7d41"  # noqa: S105 - a marker, not a password


@pytest.fixture
def web_server() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 that serves a 48 × 48 picture and counts every request."""
    requests: list[str] = []
    png = tiny_png(48, 48, (0, 160, 0))

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            requests.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(png)

        do_GET = do_HEAD = do_OPTIONS = do_PROPFIND = _answer  # noqa: N815 - http.server names

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def with_links(document: bytes, folder: Path, url: str) -> bytes:
    """A rendered Word file with three pictures: one inside the package (16 × 16), one
    linked to a local file (64 × 64) and one linked to ``url`` (48 × 48), and fields that
    include a local text file and picture. Built past the template guard, as if it had
    let them through."""
    (folder / "secret.png").write_bytes(tiny_png(64, 64, (255, 0, 0)))
    (folder / "secret.txt").write_text(SECRET_TEXT, encoding="utf-8")
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/media/inside.png"] = tiny_png(16, 16, (0, 0, 255))
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/media/inside.png" ContentType="image/png"/></Types>',
    )
    fields = "".join(
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>old result</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        for code in (
            f'INCLUDETEXT "{(folder / "secret.txt").as_posix()}"',
            f'INCLUDEPICTURE "{(folder / "secret.png").as_posix()}"',
            f'INCLUDEPICTURE "{url}/field.png"',
        )
    )
    body = (
        picture('r:embed="rIdP1"', 400_000)
        + picture('r:link="rIdP2"')
        + picture('r:link="rIdP3"')
        + fields
    )
    return pack(
        changed(
            members,
            "word/document.xml",
            body,
            (
                relationship("rIdP1", "image", "media/inside.png", external=False),
                relationship("rIdP2", "image", (folder / "secret.png").as_uri()),
                relationship("rIdP3", "image", f"{url}/linked.png"),
            ),
        )
    )


def image_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Width and height of every picture in the PDF (poppler's pdfimages)."""
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    return [(int(line.split()[3]), int(line.split()[4])) for line in listing if line.strip()]


@pytest.mark.parametrize("script", [True, False], ids=["with-script", "convert-to"])
def test_libreoffice_loads_nothing_from_outside(
    tmp_path: Path, web_server: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch,
    script: bool,
) -> None:  # fmt: skip
    """The second wall, behind the template guard: LibreOffice converts with a profile
    that blocks linked content. A Word file with pictures linked to a local file and to
    a local web server, and fields that include a local text file and pictures, gives a
    PDF with only the picture inside the package; the web server gets no request. Both
    ways of converting: the script that updates the indexes, and plain --convert-to."""
    monkeypatch.setattr(lo_convert, "updates_indexes", lambda _: script)
    url, requests = web_server
    source = tmp_path / "linked.docx"
    document = render_docx(from_data(complete_data()), charts=False).data
    source.write_bytes(with_links(document, tmp_path, url))
    (pdf,) = convert_many([source], tmp_path / "pdf")
    assert image_sizes(pdf) == [(16, 16)]
    text = pdftotext(pdf)
    assert SECRET_TEXT not in text
    assert "Kidira" in text
    assert requests == []
