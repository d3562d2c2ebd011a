"""Filling the example form from a programme: values, appearances, flattening, mistakes."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from handlungsprogramm import load
from handlungsprogramm.cli import app
from handlungsprogramm.pdf.forms import FormMapping, fill_form, load_mapping, resolve, value_paths
from tests.conftest import EXAMPLE, ROOT

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
FORM = ROOT / "templates" / "summary-form.pdf"
MAPPING = ROOT / "templates" / "summary-form.mapping.yaml"


def cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_round_trip_values(tmp_path: Path) -> None:
    """fill-form writes every mapped value; reading the form back gives them, formatted."""
    out = tmp_path / "filled.pdf"
    code, _, err = cli(
        "fill-form",
        str(FORM),
        "--programme",
        str(EXAMPLE),
        "--mapping",
        str(MAPPING),
        "--out",
        str(out),
    )
    assert code == 0, err
    fields = PdfReader(io.BytesIO(out.read_bytes())).get_fields()
    assert fields is not None
    values = {name: field.get("/V") for name, field in fields.items()}
    assert values["german_municipality"] == "Pfinztal"
    assert values["partner_municipality"] == "Commune de Kidira"
    assert values["partner_country"] == "Senegal"
    assert values["period"] == "Januar 2025 – Dezember 2030"
    assert values["measures"] == "17"
    assert values["budget_eur"] == "3.060.000,00\u00a0€"
    assert values["budget_local"] == "55\u00a0550\u00a0000\u00a0F\u00a0CFA"
    assert values["mayor_partner"] == "Abdoulaye Sow"
    assert len(str(values["fingerprint"])) == 64


def test_appearance_streams_written(tmp_path: Path) -> None:
    """Every filled widget has its own appearance; nothing relies on NeedAppearances."""
    programme = load(EXAMPLE)
    data = fill_form(FORM.read_bytes(), programme, load_mapping(MAPPING))
    reader = PdfReader(io.BytesIO(data))
    root: Any = reader.trailer["/Root"]
    assert str(root["/AcroForm"].get("/NeedAppearances", "false")).lower() == "false"
    annots: Any = reader.pages[0]["/Annots"]
    for annot in annots:
        widget = annot.get_object()
        assert "/AP" in widget, widget["/T"]


def test_flatten(tmp_path: Path) -> None:
    """--flatten leaves no form fields; the values are page text (pdftotext)."""
    out = tmp_path / "flat.pdf"
    code, _, _ = cli(
        "fill-form", str(FORM), "--programme", str(EXAMPLE), "--mapping", str(MAPPING),
        "--out", str(out), "--flatten",
    )  # fmt: skip
    assert code == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert not reader.get_fields()
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Commune de Kidira" in text
    assert "Abdoulaye Sow" in text


def test_unknown_form_field_lists_the_real_ones(tmp_path: Path) -> None:
    """A mapping naming a field the form lacks: exit 7 and the form's fields listed."""
    mapping = tmp_path / "map.yaml"
    mapping.write_text("fields:\n  nonsense: {path: title}\n", encoding="utf-8")
    code, _, err = cli(
        "fill-form", str(FORM), "--programme", str(EXAMPLE), "--mapping", str(mapping),
        "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 7
    assert "the form has no field(s) nonsense; its fields are: budget_eur, budget_local" in err
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_path_suggests(tmp_path: Path) -> None:
    """A misspelt path names the closest valid one and lists the options."""
    programme = load(EXAMPLE)
    with pytest.raises(KeyError) as info:
        resolve(programme, "partnership.partnr.name")
    assert "did you mean 'partner'?" in str(info.value)
    mapping = FormMapping.model_validate({"fields": {"measures": {"path": "counts.measurs"}}})
    with pytest.raises(ValueError, match="did you mean 'measures'"):
        fill_form(FORM.read_bytes(), programme, mapping)


def test_list_paths() -> None:
    """--list-paths prints every usable path, computed ones included."""
    code, out, _ = cli("fill-form", "--list-paths", "--programme", str(EXAMPLE))
    paths = out.split()
    assert code == 0
    assert {"partnership.partner.name", "totals.money.EUR", "counts.measures"} <= set(paths)
    assert set(paths) == set(value_paths(load(EXAMPLE)))


def test_bad_mapping_file(tmp_path: Path) -> None:
    """A mapping with a wrong key is refused with the file and the key."""
    mapping = tmp_path / "map.yaml"
    mapping.write_text("fields:\n  measures: {pat: counts.measures}\n", encoding="utf-8")
    code, _, err = cli(
        "fill-form", str(FORM), "--programme", str(EXAMPLE), "--mapping", str(mapping),
        "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 7
    assert f"{mapping}:2:14: fields.measures.pat: unknown key 'pat'; did you mean 'path'?" in err


def _fill(mapping: Path, out: Path, *extra: str) -> tuple[int, str]:
    code, _, err = cli(
        "fill-form", str(FORM), "--programme", str(EXAMPLE), "--mapping", str(mapping),
        "--out", str(out), *extra,
    )  # fmt: skip
    return code, err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fields:\n  x: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "nested more than 64"),
        ("fields:\n" + "".join("  " * i + "k:\n" for i in range(1, 1_001)), "nested more"),
        ("fields:\n  x: " + "[" * 50_000 + "]" * 50_000 + "\n", "nested more than 64"),
        ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ) + "fields: *i\n", "YAML aliases"),
        ("fields: [1, 2\n", "YAML syntax error"),
        ("fields:\n  x: {path: title}\n  x: {path: title}\n", "appears twice"),
        ("\t\x00", "binary file"),
        ("[1, 2]\n", "the mapping must be a YAML mapping with `fields:`"),
        ("fields:\n  x: {path: title, lang: xx}\n", "not an ISO 639-1 language code"),
    ],
    ids=["deep-flow", "deep-block", "deep-list", "alias-bomb", "syntax", "duplicate", "binary",
         "list", "bad-language"],
)  # fmt: skip
def test_bad_mapping_files_are_located_errors(tmp_path: Path, text: str, message: str) -> None:
    """A mapping goes through the programme loader's guards: a mapping nested 50,000
    deep crashed the process (SIGSEGV, exit 139); now it, an alias bomb, a syntax error
    and a wrong value are exit 7 with the file, line and column, and nothing written."""
    mapping = tmp_path / "map.yaml"
    mapping.write_text(text, encoding="utf-8")
    out = tmp_path / "x.pdf"
    code, err = _fill(mapping, out)
    assert code == 7, err
    assert f"{mapping}:" in err
    assert message in err, err
    assert not out.exists()


def test_deep_mapping_in_a_child_process_does_not_crash(tmp_path: Path) -> None:
    """The 50,000-deep mapping through the real command (a crash is a signal exit code)."""
    import os
    import sys

    mapping = tmp_path / "map.yaml"
    mapping.write_text("fields:\n  x: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "handlungsprogramm", "fill-form", str(FORM), "--programme",
         str(EXAMPLE), "--mapping", str(mapping), "--out", str(tmp_path / "x.pdf")],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "HANDLUNGSPROGRAMM_LANG": "de"},
    )  # fmt: skip
    assert result.returncode == 7, result.stderr
    assert "mehr als 64 Ebenen tief verschachtelt" in result.stderr


def test_committed_form_is_current() -> None:
    """templates/summary-form.pdf has the fields its build script defines."""
    import runpy

    module = runpy.run_path(str(ROOT / "templates" / "build_summary_form.py"))
    fresh = PdfReader(io.BytesIO(module["build"]())).get_fields() or {}
    committed = PdfReader(io.BytesIO(FORM.read_bytes())).get_fields() or {}
    assert list(fresh) == list(committed) == [name for name, _, _ in module["FIELDS"]]


def test_signed_form_is_not_filled_without_force(tmp_path: Path) -> None:
    """Filling rewrites the file and would break signatures: refused (exit 3) unless --force."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from handlungsprogramm.pdf.demo import make_demo_identity

    p12 = make_demo_identity(tmp_path, "Signer", b"pw").pkcs12
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=b"pw")  # type: ignore[no-untyped-call]
    writer = IncrementalPdfFileWriter(io.BytesIO(FORM.read_bytes()))
    signed = signers.sign_pdf(
        writer, signers.PdfSignatureMetadata(field_name="Approval"), signer=signer
    ).getvalue()
    form = tmp_path / "signed-form.pdf"
    form.write_bytes(signed)
    args = ["fill-form", str(form), "--programme", str(EXAMPLE), "--mapping", str(MAPPING)]
    code, _, err = cli(*args, "--out", str(tmp_path / "x.pdf"))
    assert code == 3
    assert "carries signatures" in err
    assert not (tmp_path / "x.pdf").exists()
    assert cli(*args, "--out", str(tmp_path / "y.pdf"), "--force")[0] == 0


def test_every_listed_path_gives_a_value() -> None:
    """Each path --list-paths prints resolves to a single value that can be written into a field."""
    from handlungsprogramm.pdf.forms import format_value

    programme = load(EXAMPLE)
    for path in value_paths(programme):
        assert isinstance(format_value(resolve(programme, path), "fr"), str), path


def test_enum_values_have_no_soft_hyphens() -> None:
    """Labels carry soft hyphens for narrow table columns; form fields get plain words."""
    from handlungsprogramm.model import Hazard, Pillar
    from handlungsprogramm.pdf.forms import format_value

    assert format_value(Pillar.ADAPTATION, "de") == "Klimafolgenanpassung"
    assert "\u00ad" not in format_value(Hazard.SEA_LEVEL_RISE, "de")


# -- malformed forms -----------------------------------------------------------------------

_CHILD = r"""
import io, json, resource, signal, sys, time
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.path.insert(0, sys.argv[1])
from pypdf import PdfReader
from handlungsprogramm import load
from handlungsprogramm.errors import PdfError
from handlungsprogramm.pdf.forms import FormMapping, fill_form
from tests.malformed_forms import FORMS

programme = load(sys.argv[2])

def timeout(*_):
    raise TimeoutError

signal.signal(signal.SIGALRM, timeout)
for name, case in FORMS.items():
    data = case.data()
    mapping = FormMapping.model_validate({"fields": {case.field: {"path": "title"}}})
    result = {"name": name, "bytes": len(data)}
    start = time.monotonic()
    signal.alarm(20)
    try:
        out = fill_form(data, programme, mapping, flatten=case.flatten)
    except PdfError as exc:
        result.update(outcome="refused", en=exc.message("en"), de=exc.message("de"))
    except TimeoutError:
        result.update(outcome="timeout")
    except BaseException as exc:
        result.update(outcome="crash", error=f"{type(exc).__name__}: {exc}"[:300])
    else:
        reader = PdfReader(io.BytesIO(out))
        fields = reader.get_fields() or {}
        field = fields.get(case.field) or {}
        page = reader.pages[0]
        # the flattened value is drawn by a form XObject; the page's own content (a bomb
        # here) is not decoded to find it
        xobjects = page["/Resources"].get("/XObject") or {}
        drawn = b" ".join(x.get_object().get_data() for x in xobjects.values())
        widgets = [a.get_object() for a in page.get("/Annots") or []]
        result.update(
            outcome="filled", value=str(field.get("/V")), fields=sorted(fields),
            appearance=all("/AP" in w for w in widgets if w.get("/T") == case.field),
            drawn=drawn.decode("latin-1"), size=len(out),
        )
    finally:
        signal.alarm(0)
    result["seconds"] = round(time.monotonic() - start, 2)
    # VmHWM: this process's own peak (ru_maxrss would include the forking parent's)
    with open("/proc/self/status") as status:
        result["peak_kb"] = next(int(l.split()[1]) for l in status if l.startswith("VmHWM"))
    print(json.dumps(result), flush=True)
"""

_ADDRESS_SPACE = 3 << 30
"""The child may map 3 GiB: a form that needs more fails there instead of the machine."""


@pytest.fixture(scope="module")
def malformed_results() -> dict[str, dict[str, Any]]:
    """Every malformed form through fill_form in one child process, each with a 20 s
    alarm, in a limited address space: a hang or a memory bomb fails the tests instead
    of stopping the suite or the machine."""
    import json
    import sys

    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT), str(EXAMPLE), str(_ADDRESS_SPACE)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr
    return {entry["name"]: entry for entry in lines}


def test_the_corpus_has_ten_small_malformed_forms() -> None:
    """At least ten forms are refused, most of them about a kilobyte."""
    from tests.malformed_forms import FORMS

    refused = [case for case in FORMS.values() if not case.fills]
    assert len(refused) >= 10
    small = [case for case in refused if len(case.data()) <= 2048]
    assert len(small) >= 10


@pytest.mark.parametrize("name", sorted(__import__("tests.malformed_forms").malformed_forms.FORMS))
def test_malformed_form(name: str, malformed_results: dict[str, dict[str, Any]]) -> None:
    """Each malformed form is refused with a message in English and German (a PdfError:
    exit 7 on the command line), or, where it is odd but usable, filled correctly; in
    a few seconds either way. Before: endless loops, memory without bound, exit 70."""
    from tests.malformed_forms import FORMS

    case = FORMS[name]
    result = malformed_results.get(name)
    assert result is not None, f"{name}: the child process ended before it"
    assert result["seconds"] < 5, result
    if not case.fills:
        assert result["outcome"] == "refused", result
        assert result["en"] != result["de"], result  # a German wording, not the English
        assert "Traceback" not in result["en"]
        return
    assert result["outcome"] == "filled", result
    title = load(EXAMPLE).title.get("de")
    if case.flatten:
        assert case.field not in result["fields"]
        assert f"({title[:40]}" in result["drawn"]
    else:
        assert result["value"] == title
        assert result["appearance"]


def test_malformed_forms_take_bounded_memory(malformed_results: dict[str, dict[str, Any]]) -> None:
    """All of them, bombs included, within 400 MB of peak memory (a decompression bomb in
    the page content was decoded to pypdf's 75 MB limit and written out uncompressed)."""
    peak = max(result["peak_kb"] for result in malformed_results.values())
    assert peak < 400_000, peak
    flattened = malformed_results["content-bomb-flatten"]
    assert flattened["size"] < 100_000  # the bomb stays compressed in the output


@pytest.mark.parametrize(
    "name", ["widget-parent-cycle", "encrypted-without-user-password", "t-is-a-number"]
)
@pytest.mark.parametrize("lang", ["en", "de"])
def test_malformed_form_through_the_command(name: str, lang: str, tmp_path: Path) -> None:
    """The command ends with exit 7 and the message in the user's language, writes
    nothing, and does so in seconds (the first form made it run without end)."""
    import os
    import sys

    from tests.malformed_forms import FORMS

    case = FORMS[name]
    form = tmp_path / "form.pdf"
    form.write_bytes(case.data())
    mapping = tmp_path / "map.yaml"
    mapping.write_text(f'fields:\n  "{case.field}": {{path: title}}\n', encoding="utf-8")
    out = tmp_path / "filled.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "handlungsprogramm", "fill-form", str(form), "--programme",
         str(EXAMPLE), "--mapping", str(mapping), "--out", str(out), "--lang", lang],
        capture_output=True, text=True, timeout=60, check=False,
        env={k: v for k, v in os.environ.items() if k != "HANDLUNGSPROGRAMM_DEBUG"},
    )  # fmt: skip
    assert result.returncode == 7, result.stderr
    expected = {"en": "error HP82", "de": "Fehler HP82"}[lang]
    assert result.stderr.startswith(expected), result.stderr
    assert "Traceback" not in result.stderr
    assert set(tmp_path.iterdir()) == {form, mapping}  # no output, no temporary file
