"""The package root is the public API: every name there, the old deep paths, a light import."""

from __future__ import annotations

import importlib
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import handlungsprogramm
from tests.conftest import EXAMPLE, ROOT

MAPUTO = ROOT / "examples" / "jena-maputo" / "programme.yaml"

DEEP: dict[str, str] = {
    "REGISTRY": "handlungsprogramm.checks",
    "BuildItem": "handlungsprogramm.build",
    "ConversionError": "handlungsprogramm.errors",
    "DemoIdentity": "handlungsprogramm.pdf.demo",
    "DocxResult": "handlungsprogramm.render.docx",
    "FieldReport": "handlungsprogramm.pdf.verification",
    "Finding": "handlungsprogramm.checks",
    "FormMapping": "handlungsprogramm.pdf.forms",
    "HandlungsprogrammError": "handlungsprogramm.errors",
    "IncompleteProgrammeError": "handlungsprogramm.errors",
    "Layout": "handlungsprogramm.render.writer",
    "LoadProblem": "handlungsprogramm.errors",
    "Mode": "handlungsprogramm.render.docx",
    "OutputExistsError": "handlungsprogramm.errors",
    "WriteError": "handlungsprogramm.errors",
    "PdfError": "handlungsprogramm.errors",
    "Programme": "handlungsprogramm.model",
    "ProgrammeLoadError": "handlungsprogramm.errors",
    "Report": "handlungsprogramm.checks",
    "Rule": "handlungsprogramm.checks",
    "Severity": "handlungsprogramm.checks",
    "SigningError": "handlungsprogramm.errors",
    "SofficeNotFoundError": "handlungsprogramm.errors",
    "SourceLocation": "handlungsprogramm.location",
    "Target": "handlungsprogramm.build",
    "TemplateError": "handlungsprogramm.errors",
    "Text": "handlungsprogramm.model",
    "YearMonth": "handlungsprogramm.model",
    "__version__": "handlungsprogramm._version",
    "build_files": "handlungsprogramm.build",
    "check": "handlungsprogramm.checks",
    "fill_form": "handlungsprogramm.pdf.forms",
    "from_data": "handlungsprogramm.loading",
    "json_schema": "handlungsprogramm.schema",
    "load": "handlungsprogramm.loading",
    "load_mapping": "handlungsprogramm.pdf.forms",
    "loads": "handlungsprogramm.loading",
    "make_demo_identity": "handlungsprogramm.pdf.demo",
    "render_docx": "handlungsprogramm.render.docx",
    "render_pdf": "handlungsprogramm.build",
    "scaffold": "handlungsprogramm.scaffold",
    "sign_pdf": "handlungsprogramm.pdf.signing",
    "Level": "handlungsprogramm.pdf.signing",
    "Pkcs11Key": "handlungsprogramm.pdf.signing",
    "verify_pdf": "handlungsprogramm.pdf.verification",
    "write_docx": "handlungsprogramm.render.docx",
}
"""Where each public name lived before the package root exported it."""

OTHER_OLD_PATHS = [
    ("handlungsprogramm.pdf.signing", "verify_pdf"),
    ("handlungsprogramm.pdf.signing", "FieldReport"),
    ("handlungsprogramm.render.docx", "Layout"),
    ("handlungsprogramm.build", "render_docx"),
    ("handlungsprogramm.checks.registry", "Finding"),
    ("handlungsprogramm.model.programme", "Programme"),
]
"""Further deep imports in use (the CLI, docs, scripts) that must keep working."""

HEAVY = ("matplotlib", "pyhanko", "docxtpl", "docx", "pypdf")
"""Libraries that `import handlungsprogramm` must not load (issue 18: a fast start)."""


def test_all_is_what_the_deep_paths_hold() -> None:
    """Every name of __all__ resolves at the root to the very object at its old deep path."""
    assert sorted(handlungsprogramm.__all__) == sorted(DEEP)
    for name, module in DEEP.items():
        assert getattr(handlungsprogramm, name) is getattr(importlib.import_module(module), name)


@pytest.mark.parametrize(("module", "name"), OTHER_OLD_PATHS)
def test_old_deep_imports_still_work(module: str, name: str) -> None:
    """Imports written against the modules keep giving the public objects."""
    assert getattr(importlib.import_module(module), name) is getattr(handlungsprogramm, name)


def test_from_import_and_dir() -> None:
    """`from handlungsprogramm import …` works for the lazy names; dir() lists them all."""
    from handlungsprogramm import Layout, Mode, render_pdf, sign_pdf

    assert Layout.SIDE_BY_SIDE.value == "side-by-side"
    assert Mode.AUTO.value == "auto"
    assert callable(render_pdf)
    assert callable(sign_pdf)
    assert set(handlungsprogramm.__all__) <= set(dir(handlungsprogramm))


def test_unknown_attribute_raises_attribute_error_naming_it() -> None:
    """A misspelt name is an AttributeError that says which name, as for any module."""
    with pytest.raises(AttributeError, match="'render_docks'") as info:
        _ = handlungsprogramm.render_docks  # type: ignore[attr-defined]
    assert info.value.name == "render_docks"
    assert not hasattr(handlungsprogramm, "nothing_here")
    with pytest.raises(ImportError, match="render_docks"):
        exec("from handlungsprogramm import render_docks", {})  # noqa: S102 - a fixed string


def _imported_after(code: str, modules: tuple[str, ...] = HEAVY) -> dict[str, bool]:
    """Which of ``modules`` a fresh interpreter has loaded after running ``code``."""
    script = (
        f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {modules!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded: dict[str, bool] = json.loads(result.stdout)
    return loaded


def test_import_is_light() -> None:
    """`import handlungsprogramm` loads neither matplotlib, pyHanko, docxtpl nor the PDF
    libraries; the first use of a lazy name loads what it needs."""
    assert _imported_after("import handlungsprogramm") == dict.fromkeys(HEAVY, False)
    after = _imported_after("import handlungsprogramm\nhandlungsprogramm.sign_pdf")
    assert after["pyhanko"]
    assert not after["docxtpl"]


def _command(*argv: str) -> str:
    """Code that runs the command line with ``argv`` in this interpreter (its output and
    exit swallowed), so that ``_imported_after`` sees what the command loaded."""
    return (
        "import contextlib, io, sys\n"
        f"sys.argv = ['handlungsprogramm', *{list(argv)!r}]\n"
        "from handlungsprogramm.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main()"
    )


def test_commands_load_only_what_they_need() -> None:
    """`--version` loads no model (not even pydantic), `check` no renderer, charts or
    PDF code: the command line starts at once (issue 18; times in docs/performance.md)."""
    modules = (*HEAVY, "pydantic")
    assert _imported_after(_command("--version"), modules) == dict.fromkeys(modules, False)
    after = _imported_after(_command("check", str(EXAMPLE)), modules)
    assert after == {**dict.fromkeys(HEAVY, False), "pydantic": True}


def test_render_docx_through_the_root() -> None:
    """load → check → render_docx with nothing but the package root."""
    programme = handlungsprogramm.load(EXAMPLE)
    assert handlungsprogramm.check(programme).ok
    result = handlungsprogramm.render_docx(
        programme, layout=handlungsprogramm.Layout.SEQUENTIAL, mode=handlungsprogramm.Mode.AUTO
    )
    assert isinstance(result, handlungsprogramm.DocxResult)
    assert result.data.startswith(b"PK")
    assert not result.draft


def _docx_keywords(data: bytes) -> list[str]:
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    return core.split("<cp:keywords>")[1].split("</cp:keywords>")[0].split(", ")


def test_docx_keywords_are_whole_phrases() -> None:
    """Each keyword of the Word file is one phrase (municipality, partnership, pillar),
    its spaces no-break so that LibreOffice does not split it into words."""
    programme = handlungsprogramm.load(MAPUTO)
    keywords = _docx_keywords(handlungsprogramm.render_docx(programme, charts=False).data)
    assert "Conselho\u00a0Municipal\u00a0de\u00a0Maputo" in keywords
    assert "Kommunale\u00a0Klimapartnerschaft" in keywords
    assert "Klimafolgenanpassung" in keywords  # no soft hyphen
    assert "Jena" in keywords
    assert all(" " not in k for k in keywords)


@pytest.fixture(scope="module")
def maputo_pdf() -> bytes:
    """The PDF of the Jena–Maputo example, rendered through the package root only."""
    return handlungsprogramm.render_pdf(handlungsprogramm.load(MAPUTO))


@pytest.mark.slow
def test_render_pdf_through_the_root(maputo_pdf: bytes) -> None:
    """render_pdf gives a PDF whose text carries the programme's title."""
    assert maputo_pdf.startswith(b"%PDF-")
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None
    text = subprocess.run(
        [pdftotext, "-", "-"], input=maputo_pdf, capture_output=True, check=True
    ).stdout.decode()
    title = handlungsprogramm.load(MAPUTO).title["de"]
    assert " ".join(title.split()) in " ".join(text.split())
    reports = handlungsprogramm.verify_pdf(maputo_pdf)
    assert reports
    assert not any(r.signed for r in reports)  # the empty signature fields are there


@pytest.mark.slow
def test_pdf_keywords_are_whole_phrases(maputo_pdf: bytes) -> None:
    """ "Conselho Municipal de Maputo" is one keyword in the PDF (Info and XMP alike), not
    "Conselho, Municipal, de, Maputo"."""
    from handlungsprogramm.pdf.convert import find_soffice, updates_indexes

    expected = ["Conselho Municipal de Maputo", "Kommunale Klimapartnerschaft", "Jena"]
    if not updates_indexes(find_soffice()):  # no Python in LibreOffice: no-break spaces stay
        expected = [k.replace(" ", "\u00a0") for k in expected]
    reader = PdfReader(io.BytesIO(maputo_pdf))
    info: Any = reader.metadata
    assert info is not None
    keywords = str(info["/Keywords"]).split(", ")
    for keyword in expected:
        assert keyword in keywords
    assert "Municipal" not in keywords
    assert reader.xmp_metadata is not None
    assert reader.xmp_metadata.pdf_keywords == str(info["/Keywords"])


def test_paths_as_str_or_path(tmp_path: Path) -> None:
    """Every path of the API may be a str as well as a Path: programmes, output folder
    and template of build_files, a form's mapping, the demo identity's folder."""
    (item,) = handlungsprogramm.build_files(
        [str(EXAMPLE)], str(tmp_path), template=str(ROOT / "templates" / "standard.docx"),
        charts=False,
    )  # fmt: skip
    assert [path.name for path in item.written] == ["pfinztal-commune-de-kidira.docx"]
    mapping = handlungsprogramm.load_mapping(str(ROOT / "templates" / "summary-form.mapping.yaml"))
    assert mapping.fields
    identity = handlungsprogramm.make_demo_identity(str(tmp_path), "Demo", b"pw")
    assert identity.pkcs12.is_file()
