"""The command line: exit codes, output, init, schema; in-process and as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from handlungsprogramm import check, load
from handlungsprogramm.cli import app
from handlungsprogramm.migrate import VERSION_COMMENT
from handlungsprogramm.model.programme import SCHEMA_VERSION
from tests.conftest import EXAMPLE
from tests.test_loading import GOOD

runner = CliRunner()
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_check_example_passes() -> None:
    """The bundled example is complete: exit 0 and a verdict line naming the partnership."""
    code, out, _ = run("check", str(EXAMPLE))
    assert code == 0
    assert out.splitlines()[-1].startswith(f"✔ {EXAMPLE} (Pfinztal – Commune de Kidira): complete")


def test_check_incomplete_exits_1(write_file: Callable[[str, str | bytes], Path]) -> None:
    """A loadable but incomplete programme exits 1 and prints located findings with a fix."""
    path = write_file("p.yaml", GOOD)
    code, out, _ = run("check", str(path))
    assert code == 1
    assert f"{path}:8:5: error HP302 measures[0].timeline: measure M-01 has no timeline" in out
    assert "    → add `timeline: {start: YYYY-MM, end: YYYY-MM}` or `ongoing: true`" in out
    assert "incomplete: documents can only be built as drafts" in out.splitlines()[-1]


def test_check_german_messages(write_file: Callable[[str, str | bytes], Path]) -> None:
    """--lang de prints the same findings in German."""
    path = write_file("p.yaml", GOOD)
    code, out, _ = run("check", str(path), "--lang", "de")
    assert code == 1
    assert (
        f"{path}:8:5: Fehler HP302 measures[0].timeline: Maßnahme M-01 hat keinen Zeitplan" in out
    )
    assert "unvollständig: Dokumente nur als Entwurf möglich" in out


def test_check_unloadable_exits_2(write_file: Callable[[str, str | bytes], Path]) -> None:
    """A file that cannot be loaded exits 2 with every problem located, and no traceback."""
    path = write_file("p.yaml", GOOD.replace("pillar: mitigation", "pillar: solar"))
    code, out, err = run("check", str(path))
    assert code == 2
    assert f"{path}:10:13: error HP013 measures[0].pillar: text 'solar' is not allowed here" in out
    assert "Traceback" not in out + err


LOAD_FIXES = GOOD.replace("name: Kidira", "name: 12").replace(
    "    pillar: mitigation\n", "    pillar: mitigation\n    summary: x\n"
)
"""GOOD with a number where text belongs (6:19) and an unknown key (11:5)."""


_FIXES_EN = [
    ":6:19: error HP012 partnership.partner.name: expected text, got the number 12;"
    ' write it in quotes: "12"',
    "    → write a value of the kind the message names; text that YAML would read as"
    " a number, date or true/false goes in quotes",
    ":11:5: error HP010 measures[0].summary: unknown key 'summary'; allowed here: code,",
    "    → remove `summary` or correct its spelling; the allowed keys are listed in the"
    " input-format reference (`handlungsprogramm schema --format markdown`)",
]
_FIXES_DE = [
    ":6:19: Fehler HP012 partnership.partner.name: Text erwartet, erhalten: die Zahl"
    ' 12; in Anführungszeichen schreiben: "12"',
    "    → einen Wert der Art schreiben, die die Meldung nennt; Text, den YAML als"
    " Zahl, Datum oder true/false lesen würde, gehört in Anführungszeichen",
    ":11:5: Fehler HP010 measures[0].summary: unbekannter Schlüssel 'summary';",
    "    → `summary` entfernen oder richtig schreiben; die erlaubten Schlüssel stehen"
    " in der Referenz des Eingabeformats (`handlungsprogramm schema --format markdown`)",
]


@pytest.mark.parametrize(
    ("options", "env_lang", "lines"),
    [([], "en", _FIXES_EN), (["--lang", "de"], "en", _FIXES_DE), ([], "de", _FIXES_DE)],
)
def test_check_load_problems_print_a_fix(
    write_file: Callable[[str, str | bytes], Path],
    options: list[str],
    env_lang: str,
    lines: list[str],
) -> None:
    """Each load problem is followed by its fix line, as a finding is; --lang or the env's."""
    path = write_file("p.yaml", LOAD_FIXES)
    env = {**ENV, "HANDLUNGSPROGRAMM_LANG": env_lang}
    result = runner.invoke(app, ["check", str(path), *options], env=env)
    assert result.exit_code == 2
    printed = result.stdout.splitlines()
    assert len(printed) == len(lines) + 1
    for got, want in zip(printed, lines, strict=False):
        if want.startswith(":"):  # the located message line (its tail varies: the key list)
            assert got.startswith(f"{path}{want}"), (got, want)
        else:
            assert got == want
    assert printed[-1].startswith(f"✘ {path}: ")


def test_rules_lists_load_codes_before_the_completeness_rules() -> None:
    """`rules` lists the HP0xx load codes first (always errors), then the registry's rules."""
    _, out, _ = run("rules")
    _, german, _ = run("rules", "--lang", "de")
    codes = [line.split()[0] for line in out.splitlines()]
    assert codes[:12] == [f"HP00{n}" for n in range(1, 8)] + [f"HP01{n}" for n in range(5)]
    assert codes[12] == "HP101"
    assert out.splitlines()[7] == "HP010  error    unknown key"
    assert german.splitlines()[7] == "HP010  error    unbekannter Schlüssel"


def test_check_worst_exit_code_wins(write_file: Callable[[str, str | bytes], Path]) -> None:
    """With several files, the exit code is the worst one."""
    bad = write_file("bad.yaml", "title: [")
    code, out, _ = run("check", str(EXAMPLE), str(bad))
    assert code == 2
    assert "cannot be loaded" in out


def test_check_json_is_stable(write_file: Callable[[str, str | bytes], Path]) -> None:
    """--format json prints the documented structure."""
    path = write_file("p.yaml", GOOD)
    code, out, _ = run("check", str(path), "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["format"] == "handlungsprogramm.check/1"
    assert doc["exit_code"] == 1
    (entry,) = doc["files"]
    assert set(entry) == {
        "file", "status", "exit_code", "ok", "ready_for_signing", "counts", "findings", "problems",
    }  # fmt: skip
    assert entry["status"] == "incomplete"
    first = entry["findings"][0]
    assert set(first) == {
        "code",
        "severity",
        "title",
        "message",
        "fix",
        "path",
        "file",
        "line",
        "column",
    }
    expected = check(load(path)).finding_dicts("en")
    assert entry["findings"] == expected


def test_check_json_for_unloadable(write_file: Callable[[str, str | bytes], Path]) -> None:
    """Load problems appear under `problems` with code, kind and position."""
    path = write_file("p.yaml", GOOD.replace("country: SN", "country: SNN"))
    code, out, _ = run("check", str(path), "--format", "json", "--lang", "de")
    (entry,) = json.loads(out)["files"]
    assert code == 2
    assert entry["status"] == "invalid"
    assert entry["problems"] == [
        {
            "code": "HP013",
            "kind": "country_code",
            "title": "ungültiger Wert",
            "message": "'SNN' ist kein Ländercode nach ISO 3166-1 alpha-2 (z. B. DE, SN, TZ)",
            "fix": "den Wert durch einen ersetzen, den die Meldung erlaubt; die Referenz des"
            " Eingabeformats nennt die erlaubten Werte und Formen jedes Feldes",
            "path": "partnership.partner.country",
            "file": str(path),
            "line": 6,
            "column": 36,
        }
    ]


def test_check_json_load_problems_carry_the_fix(
    write_file: Callable[[str, str | bytes], Path],
) -> None:
    """`fix` of a load problem is the same line the text output prints, with the key filled in."""
    path = write_file("p.yaml", LOAD_FIXES)
    _, out, _ = run("check", str(path), "--format", "json")
    (entry,) = json.loads(out)["files"]
    fixes = {p["code"]: p["fix"] for p in entry["problems"]}
    assert fixes == {
        "HP012": "write a value of the kind the message names; text that YAML would read as a"
        " number, date or true/false goes in quotes",
        "HP010": "remove `summary` or correct its spelling; the allowed keys are listed in the"
        " input-format reference (`handlungsprogramm schema --format markdown`)",
    }
    _, text, _ = run("check", str(path))
    assert all(f"    → {fix}" in text.splitlines() for fix in fixes.values())


def test_check_ignore(write_file: Callable[[str, str | bytes], Path]) -> None:
    """--ignore skips a rule; an unknown code is a usage error (exit 2)."""
    path = write_file("p.yaml", GOOD)
    _, out, _ = run("check", str(path), "--ignore", "HP302")
    assert "HP302" not in out
    code, _, err = run("check", str(path), "--ignore", "HP999")
    assert code == 2
    assert "unknown rule code(s): HP999" in err


def test_schema_command() -> None:
    """schema prints a JSON Schema document."""
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "measures" in schema["properties"]


def test_init_then_check(tmp_path: Path) -> None:
    """init writes a scaffold that loads; check on it lists what is left (exit 1)."""
    out_file = tmp_path / "neu" / "programme.yaml"
    code, _, err = run(
        "init", str(out_file), "--german", "Pfinztal", "--partner", "Kidira",
        "--partner-country", "sn", "--language", "fr",
    )  # fmt: skip
    assert code == 0
    assert f"wrote {out_file}" in err
    programme = load(out_file)
    text = out_file.read_text(encoding="utf-8")
    # the format comes first, after the header: the first key, with a comment
    stamp = f"# {VERSION_COMMENT}\nschema_version: {SCHEMA_VERSION}\n\ntitle:\n"
    assert f"(VS Code with the YAML extension).\n\n{stamp}" in text
    assert next(iter(YAML(typ="safe").load(text))) == "schema_version"
    assert programme.schema_version == SCHEMA_VERSION
    assert programme.languages == ["de", "fr"]
    assert programme.partnership.partner.country == "SN"
    assert programme.title["fr"] == "Programme d'action commun Pfinztal – Kidira"
    code, out, _ = run("check", str(out_file))
    assert code == 1
    assert "HP101" in out
    assert "HP601" in out


def test_init_refuses_to_overwrite(write_file: Callable[[str, str | bytes], Path]) -> None:
    """init never overwrites a file without --force (exit 3), and leaves it untouched."""
    path = write_file("p.yaml", "keep me")
    args = ["init", str(path), "--german", "A", "--partner", "B", "--partner-country", "TZ"]
    code, _, err = run(*args, "--language", "sw")
    assert code == 3
    assert "error HP904:" in err
    assert "--force" in err
    assert path.read_text() == "keep me"
    code, _, _ = run(*args, "--language", "sw", "--force")
    assert code == 0
    assert load(path).languages == ["de", "sw"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--partner-country", "XY", "--partner-country: 'XY' is not an ISO 3166-1 alpha-2 code"),
        ("--language", "french", "--language: 'french' is not an ISO 639-1 language code"),
        ("--language", "de", "--language: the partner's language must not be German"),
    ],
)
def test_init_validates_options(tmp_path: Path, option: str, value: str, message: str) -> None:
    """Bad init options are usage errors (exit 2) and write nothing."""
    args = {"--partner-country": "SN", "--language": "fr", option: value}
    out_file = tmp_path / "p.yaml"
    code, _, err = run(
        "init", str(out_file), "--german", "A", "--partner", "B",
        "--partner-country", args["--partner-country"], "--language", args["--language"],
    )  # fmt: skip
    assert code == 2
    assert f": {message}" in err
    assert err.startswith("error HP92")
    assert not out_file.exists()


def test_version() -> None:
    """--version prints the package version."""
    from handlungsprogramm import __version__

    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"handlungsprogramm {__version__}")


def test_subprocess_python_m(write_file: Callable[[str, str | bytes], Path]) -> None:
    """`python -m handlungsprogramm` works as a real process, exit codes included."""
    env = {**os.environ, **ENV}
    ok = subprocess.run(
        [sys.executable, "-m", "handlungsprogramm", "check", str(EXAMPLE)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "complete and ready for signing" in ok.stdout
    bad = write_file("bad.yaml", b"title: caf\xe9 (Latin-1, not utf-8)\n")
    failed = subprocess.run(
        [sys.executable, "-m", "handlungsprogramm", "check", str(bad)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert failed.returncode == 2
    assert "not valid UTF-8" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr


def test_console_script_installed() -> None:
    """The `handlungsprogramm` console script is on the virtualenv's PATH."""
    script = Path(sys.executable).parent / "handlungsprogramm"
    result = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, check=False,
        env={**os.environ, **ENV},
    )  # fmt: skip
    assert result.returncode == 0
    for command in ("check", "schema", "init", "migrate"):
        assert command in result.stdout


def test_init_rejects_bad_names(tmp_path: Path) -> None:
    """Empty names or names with line breaks are usage errors; nothing is written."""
    out_file = tmp_path / "p.yaml"
    for bad in ("", "A\ntitle: x"):
        code, _, err = run(
            "init", str(out_file), "--german", bad, "--partner", "B",
            "--partner-country", "SN", "--language", "fr",
        )  # fmt: skip
        assert code == 2
        assert "--german: give the municipality's name" in err
    assert not out_file.exists()


def test_write_error_exits_8(tmp_path: Path) -> None:
    """An output that cannot be written (a folder in the way) is exit 8, no traceback."""
    folder = tmp_path / "taken"
    folder.mkdir()
    code, _, err = run(
        "init", str(folder), "--german", "A", "--partner", "B", "--partner-country", "SN",
        "--language", "fr", "--force",
    )  # fmt: skip
    assert code == 8
    assert f"error HP910: cannot write {folder}" in err


def test_impossible_date_is_located(write_file: Callable[[str, str | bytes], Path]) -> None:
    """A date that does not exist is a located load problem (exit 2), not a crash."""
    path = write_file(
        "p.yaml", GOOD.replace("languages: [de, fr]", "date: 2025-06-31\nlanguages: [de, fr]")
    )
    code, out, err = run("check", str(path))
    assert code == 2
    assert f"{path}:2:7: error HP013" in out
    assert "2025-06-31 is not a day of the calendar" in out
    assert "Traceback" not in out + err


def test_same_output_name_is_refused(tmp_path: Path) -> None:
    """Two inputs that would write the same file: the second is refused (exit 3)."""
    second = tmp_path / "copy" / "programme.yaml"
    second.parent.mkdir()
    second.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(
        "build", str(EXAMPLE), str(second), "--out", str(tmp_path / "out"), "--no-charts"
    )
    assert code == 3
    assert "already used by" in err
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected exception (a bug) exits 70 with one line, not a traceback."""
    import handlungsprogramm.cli as cli_module
    import handlungsprogramm.schema as schema_module  # where `schema` looks it up

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(schema_module, "json_schema", boom)
    monkeypatch.setattr(sys, "argv", ["handlungsprogramm", "schema"])
    monkeypatch.delenv("HANDLUNGSPROGRAMM_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        cli_module.main()
    assert info.value.code == 70
    assert "internal error: RuntimeError: simulated bug" in capsys.readouterr().err


EXAMPLES = sorted(EXAMPLE.parent.parent.glob("*/programme.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_example_is_complete(example: Path) -> None:
    """Every bundled example passes check with exit 0 (no completeness errors)."""
    code, out, _ = run("check", str(example))
    assert code == 0, out


DRAFT = EXAMPLE.parent.parent / "drafts" / "lemgo-ouidah" / "programme.yaml"


def test_draft_example_fails_as_intended() -> None:
    """The deliberately incomplete example reports exactly the gaps it documents (exit 1)."""
    code, out, _ = run("check", str(DRAFT), "--format", "json")
    (entry,) = json.loads(out)["files"]
    assert code == 1
    assert [f["code"] for f in entry["findings"]] == [
        "HP604", "HP101", "HP506", "HP205", "HP501", "HP502", "HP306", "HP301", "HP101", "HP602",
        "HP602", "HP601",
    ]  # fmt: skip


def test_draft_example_builds_as_draft(tmp_path: Path) -> None:
    """Built without flags, the draft is marked on every page and lists its findings."""
    import docx

    from handlungsprogramm.i18n.labels import label

    code, _, err = run("build", str(DRAFT), "--out", str(tmp_path), "--no-charts")
    assert code == 0, err
    assert "(draft)" in err
    document = docx.Document(str(tmp_path / "lemgo-commune-de-ouidah.docx"))
    assert document.sections[0].header.paragraphs[0].text == "ENTWURF / PROJET"
    annex = f"{label('section.annex', 'de')} / {label('section.annex', 'fr')}"
    assert annex in [p.text for p in document.paragraphs]
    assert run("build", str(DRAFT), "--out", str(tmp_path / "final"), "--final")[0] == 1


def test_input_and_locations_print_as_written(
    write_file: Callable[[str, str | bytes], Path],
) -> None:
    """Line 100 prints as ``:100:``, ``:thumbs_up:`` and ``[bold]`` as typed: Rich's emoji
    codes and markup are never applied to what comes from the input (a load error on
    stderr, and a finding and the verdict of a loadable programme on stdout)."""
    hostile = ":thumbs_up: [bold]x[/bold] :100:"
    padded = "# pad\n" * 90 + GOOD.replace("pillar: mitigation", f'pillar: "{hostile}"')
    path = write_file("skeleton.yaml", padded)
    code, out, err = run("check", str(path))
    assert code == 2
    text = out + err
    assert f"{path}:100:" in text
    assert hostile in text
    assert "👍" not in text
    assert "💯" not in text
    named = "# pad\n" * 90 + GOOD.replace("name: Pfinztal", f'name: "Pfinztal {hostile}"')
    code, out, _ = run("check", str(write_file("named.yaml", named)))
    assert code == 1
    assert f"(Pfinztal {hostile} – Kidira)" in out.splitlines()[-1]
    assert f"{path.parent / 'named.yaml'}:9" in out  # findings located past line 90
    assert "👍" not in out


def test_build_ignore_lets_deliberate_exceptions_pass(tmp_path: Path) -> None:
    """--ignore CODE as in check: the draft example whose every error is ignored builds
    final (no marking, no findings annex); without it, a draft; an unknown code exits 2."""
    import docx

    codes = ["HP101", "HP205", "HP301", "HP306", "HP501", "HP506", "hp601"]
    flags = [arg for code in codes for arg in ("--ignore", code)]
    code, _, err = run("build", str(DRAFT), "--out", str(tmp_path), "--no-charts", *flags)
    assert code == 0, err
    assert "(final)" in err
    document = docx.Document(str(tmp_path / "lemgo-commune-de-ouidah.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ENTWURF" not in text
    assert "HP301" not in text
    code, _, err = run(
        "build", str(DRAFT), "--out", str(tmp_path / "b"), "--no-charts", *flags[:-2]
    )
    assert code == 0
    assert "(draft)" in err
    code, _, err = run("build", str(DRAFT), "--out", str(tmp_path / "c"), "--ignore", "HP999")
    assert code == 2
    assert "unknown rule code(s): HP999" in err
    assert not (tmp_path / "c").exists()
