"""`migrate`: files are brought to the current input format in place, and only that changes.

Most tests go through the command line (`run`, as in test_cli.py); the fake steps
pretend a format 2 by raising SCHEMA_VERSION and registering a step for the test only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from handlungsprogramm import load
from handlungsprogramm.migrate import (
    STEPS,
    VERSION_COMMENT,
    Step,
    current_version,
    migrate_file,
    migrate_text,
    rename_key,
    step,
)
from handlungsprogramm.model import programme as programme_module
from handlungsprogramm.model.programme import FIRST_SCHEMA_VERSION, SCHEMA_VERSION
from handlungsprogramm.scaffold import scaffold
from tests.conftest import ROOT
from tests.test_cli import run
from tests.test_loading import GOOD

WriteFile = Callable[[str, str | bytes], Path]

STAMP = f"# {VERSION_COMMENT}\nschema_version: {SCHEMA_VERSION}\n\n"
"""What migrate inserts into a YAML file without schema_version (and init writes)."""

COMMENTED = """\
# Programme of Pfinztal and Kidira
# (a header that stays on top)

# --- Metadata ---------------------------------------------------
title: {de: 'Programm',   fr: "Programme"}   # flow style, odd spacing, both quotes
languages: [de, fr]
period:
    start: 2025-01     # four spaces here
    end: 2030-12
partnership:
  german: {name: Pfinztal, country: DE}
  partner: {name: Kidira, country: SN}
measures:
- code: M-01           # a list at the key's own indentation
  title: {de: Solarpumpen, fr: Pompes solaires}
  pillar: mitigation
  lead: {side: partner, department: Service technique}
"""
"""A file in a layout no single ruamel.yaml indentation reproduces (mixed indents)."""


def _first_key(path: Path) -> str:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return str(next(iter(data)))


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its bytes: proof that nothing was written or left."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- adding schema_version (today's only migration) ---------------------------------


def test_adds_version_line_and_keeps_everything_else(write_file: WriteFile) -> None:
    """The three lines go above the first key's own comments; every other byte stays."""
    path = write_file("p.yaml", COMMENTED)
    code, _, err = run("migrate", str(path))
    assert code == 0
    assert f"{path}: added schema_version: {SCHEMA_VERSION} (the format was already current)" in err
    header, rest = COMMENTED.split("# --- Metadata", 1)
    assert path.read_text(encoding="utf-8") == header + STAMP + "# --- Metadata" + rest
    assert _first_key(path) == "schema_version"
    assert load(path).schema_version == SCHEMA_VERSION


@pytest.mark.parametrize(
    "example",
    sorted(ROOT.glob("examples/**/programme.yaml")),
    ids=lambda p: p.parent.name,
)
def test_examples_migrate_byte_for_byte(example: Path, tmp_path: Path) -> None:
    """Every bundled example without its version lines migrates to exactly the example,
    and the example itself is current (nothing changes)."""
    current = example.read_bytes()
    assert STAMP.encode() in current
    original = current.replace(STAMP.encode(), b"", 1)
    path = tmp_path / "programme.yaml"
    path.write_bytes(original)
    code, _, _ = run("migrate", str(path))
    after = path.read_bytes()
    assert code == 0
    assert after == current
    code, _, _ = run("migrate", str(path))
    assert (code, path.read_bytes()) == (0, current)
    assert _first_key(path) == "schema_version"
    assert load(path).model_dump(exclude={"schema_version"}) == load(example).model_dump(
        exclude={"schema_version"}
    )


def test_old_scaffold_becomes_todays_scaffold(tmp_path: Path) -> None:
    """A file from `init` before schema_version migrates to exactly what `init` writes now."""
    today = scaffold("Pfinztal", "Kidira", "SN", "fr", today=dt.date(2025, 1, 1))
    assert STAMP in today
    path = tmp_path / "p.yaml"
    path.write_text(today.replace(STAMP, "", 1), encoding="utf-8")
    code, _, _ = run("migrate", str(path))
    assert code == 0
    assert path.read_text(encoding="utf-8") == today


def test_windows_line_breaks_and_bom_are_kept(write_file: WriteFile) -> None:
    """CR LF stays CR LF (the new lines too), and a byte order mark stays first."""
    original = "\ufeff# header\r\n\r\ntitle: {de: a, fr: b}\r\nlanguages: [de, fr]\r\n"
    path = write_file("p.yaml", original.encode("utf-8"))
    code, _, _ = run("migrate", str(path))
    assert code == 0
    stamp = STAMP.replace("\n", "\r\n")
    assert path.read_bytes() == original.replace("title:", stamp + "title:").encode("utf-8")


def test_key_on_the_first_line(write_file: WriteFile) -> None:
    """Without a header the new lines open the file."""
    path = write_file("p.yaml", GOOD)
    run("migrate", str(path))
    assert path.read_text(encoding="utf-8") == STAMP + GOOD


def test_json_gets_the_key_in_its_own_layout(write_file: WriteFile) -> None:
    """A JSON file gets `"schema_version": 1,` as its first key, indented like the next."""
    original = '{\n    "title": {"de": "Programm", "fr": "Programme"},\n    "n": 1.10\n}\n'
    path = write_file("p.json", original)
    code, _, _ = run("migrate", str(path))
    assert code == 0
    assert path.read_text(encoding="utf-8") == original.replace(
        '{\n    "title"', f'{{\n    "schema_version": {SCHEMA_VERSION},\n    "title"'
    )
    assert list(json.loads(path.read_text(encoding="utf-8"))) == ["schema_version", "title", "n"]


def test_one_line_json(write_file: WriteFile) -> None:
    """A JSON object on one line gets the key on that line."""
    path = write_file("p.json", '{"title": {"de": "a"}}')
    run("migrate", str(path))
    assert path.read_text(encoding="utf-8") == (
        f'{{"schema_version": {SCHEMA_VERSION}, "title": {{"de": "a"}}}}'
    )


def test_flow_style_top_level(write_file: WriteFile) -> None:
    """A top-level mapping written in braces takes the key inside the braces."""
    path = write_file("p.yaml", "{title: {de: a, fr: b}, languages: [de, fr]}\n")
    run("migrate", str(path))
    assert path.read_text(encoding="utf-8") == (
        f"{{schema_version: {SCHEMA_VERSION}, title: {{de: a, fr: b}}, languages: [de, fr]}}\n"
    )


def test_symbolic_link_is_kept(tmp_path: Path) -> None:
    """Migrating through a link updates the file it points to; the link stays a link."""
    target = tmp_path / "real.yaml"
    target.write_text(GOOD, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    code, _, _ = run("migrate", str(link))
    assert code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == STAMP + GOOD


def test_file_mode_is_kept(write_file: WriteFile) -> None:
    """The rewritten file keeps its permissions (a shared, group-writable file stays so)."""
    path = write_file("p.yaml", GOOD)
    path.chmod(0o664)
    run("migrate", str(path))
    assert path.stat().st_mode & 0o777 == 0o664


# -- current files, --check ----------------------------------------------------------


def test_second_run_changes_nothing(write_file: WriteFile) -> None:
    """Migrating is idempotent: the second run writes nothing, and --check passes."""
    path = write_file("p.yaml", COMMENTED)
    assert run("migrate", str(path))[0] == 0
    once = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    code, _, err = run("migrate", str(path))
    assert code == 0
    assert f"{path}: input format {SCHEMA_VERSION}, current; nothing to change" in err
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (once, mtime)
    code, _, _ = run("migrate", "--check", str(path))
    assert code == 0


def test_check_reports_unversioned_file_and_writes_nothing(write_file: WriteFile) -> None:
    """--check exits 1 for a file without schema_version, says what to run, writes nothing."""
    path = write_file("p.yaml", COMMENTED)
    before = _snapshot(path.parent)
    code, _, err = run("migrate", "--check", str(path))
    assert code == 1
    assert f"{path}: has no schema_version, not current; run: handlungsprogramm migrate {path}" in (
        err
    )
    assert _snapshot(path.parent) == before
    code, _, err = run("migrate", "--check", "--lang", "de", str(path))
    assert code == 1
    assert f"{path}: hat kein schema_version, nicht aktuell; ausführen:" in err


def test_check_of_several_files(write_file: WriteFile, tmp_path: Path) -> None:
    """With several files --check reports each; one that is not current makes it exit 1."""
    current = write_file("current.yaml", STAMP + GOOD)
    old = write_file("old.yaml", GOOD)
    code, _, err = run("migrate", "--check", str(current), str(old))
    assert code == 1
    assert f"{current}: input format {SCHEMA_VERSION}, current" in err
    assert f"{old}: has no schema_version" in err


def test_init_writes_a_current_file(tmp_path: Path) -> None:
    """What `init` writes needs no migrating."""
    path = tmp_path / "p.yaml"
    args = ["--german", "A", "--partner", "B", "--partner-country", "SN", "--language", "fr"]
    assert run("init", str(path), *args)[0] == 0
    assert run("migrate", "--check", str(path))[0] == 0


# -- refusals: nothing is written --------------------------------------------------------


def test_newer_format_is_refused(write_file: WriteFile) -> None:
    """A file of a newer format: located message in English and German, exit 2, no write."""
    path = write_file("p.yaml", f"# comment\nschema_version: {SCHEMA_VERSION + 1}\n" + GOOD)
    before = _snapshot(path.parent)
    code, _, err = run("migrate", str(path))
    assert code == 2
    assert (
        f"{path}:2:17: error HP013 schema_version: the file is written for input format"
        f" {SCHEMA_VERSION + 1}; this handlungsprogramm knows the formats up to"
        f" {SCHEMA_VERSION} only: update handlungsprogramm"
    ) in err
    code, _, err = run("migrate", "--lang", "de", str(path))
    assert code == 2
    assert (
        f"{path}:2:17: Fehler HP013 schema_version: die Datei ist im Eingabeformat"
        f" {SCHEMA_VERSION + 1} geschrieben; dieses handlungsprogramm kennt nur die Formate"
        f" bis {SCHEMA_VERSION}: bitte handlungsprogramm aktualisieren"
    ) in err
    assert run("migrate", "--check", str(path))[0] == 2
    assert _snapshot(path.parent) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("title: [\n", "p.yaml:2:1: error HP004 YAML syntax error"),
        (b"title: caf\xe9\n", "p.yaml:1:11: error HP003 the file is not valid UTF-8"),
        ("title: a\ntitle: b\n", "p.yaml:2:1: error HP004 the key 'title' appears twice"),
        ("- a list\n", "p.yaml:1:1: error HP007 the top level must be a mapping"),
        ("schema_version: x\n", "p.yaml:1:17: error HP012 schema_version: expected a whole"),
        ("schema_version: 0\n", "p.yaml:1:17: error HP013 schema_version: must be at least 1"),
        ("", "p.yaml:1:1: error HP006 the file is empty"),
    ],
    ids=["syntax", "encoding", "duplicate", "list", "version-text", "version-zero", "empty"],
)
def test_unreadable_file_is_refused_with_its_place(
    write_file: WriteFile, content: str | bytes, expected: str
) -> None:
    """What the loader cannot read, migrate refuses the same way: located, exit 2, no write."""
    path = write_file("p.yaml", content)
    before = _snapshot(path.parent)
    code, _, err = run("migrate", str(path))
    assert code == 2
    assert err.startswith(str(path.parent) + os.sep + expected), err
    assert "Traceback" not in err
    assert _snapshot(path.parent) == before


def test_missing_file_and_folder(tmp_path: Path) -> None:
    """A missing file or a folder is HP001, as for check."""
    code, _, err = run("migrate", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert code == 2
    assert f"{tmp_path / 'nope.yaml'}:1:1: error HP001 file not found" in err
    assert f"{tmp_path}:1:1: error HP001 is a folder, not a regular file" in err


def test_write_failure_exits_8_and_keeps_the_file(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed write (disk full) is exit 8 with the reason; the file is as it was."""

    def full(path: Path, data: bytes) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("handlungsprogramm.migrate.write_atomic", full)
    path = write_file("p.yaml", GOOD)
    code, _, err = run("migrate", str(path))
    assert code == 8
    assert f"error HP910: cannot write {path}: No space left on device" in err
    assert path.read_text(encoding="utf-8") == GOOD


# -- steps: a pretended format 2 -------------------------------------------------------

OLD_FORMAT = """\
# Header of an old file

# the programme's name
name: {de: Programm, fr: Programme}  # called `title` from format 2 on
languages: [de, fr]
period: {start: 2025-01, end: 2030-12}
partnership:
  german: {name: Pfinztal, country: DE}
  partner: {name: Kidira, country: SN}
"""
"""Format 1 of the pretended format 2, which renamed `name` to `title`."""


@pytest.fixture
def format_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend format 2 exists, made from format 1 by renaming `name` to `title`."""

    def rename_name(document: CommentedMap) -> None:
        rename_key(document, "name", "title")

    monkeypatch.setattr(programme_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(STEPS, 1, rename_name)


@pytest.mark.usefixtures("format_2")
def test_check_says_to_migrate_an_older_file(write_file: WriteFile) -> None:
    """check of an older file: one problem, the command to run, in English and German."""
    path = write_file("p.yaml", OLD_FORMAT)
    code, out, _ = run("check", str(path))
    assert code == 2
    assert out.splitlines()[0] == (
        f"{path}:4:1: error HP013 schema_version: the file is written for input format 1"
        " (it has no `schema_version:`); this handlungsprogramm reads format 2: run"
        f" `handlungsprogramm migrate {path}` to update the file, then check again"
    )
    assert "(1 problem)" in out
    code, out, _ = run("check", "--lang", "de", str(path))
    assert code == 2
    assert (
        "Fehler HP013 schema_version: die Datei ist im Eingabeformat 1 (sie hat kein"
        " `schema_version:`) geschrieben; dieses handlungsprogramm liest Format 2:"
        f" `handlungsprogramm migrate {path}` ausführen, um die Datei umzustellen, dann"
        " erneut prüfen"
    ) in out


@pytest.mark.usefixtures("format_2")
def test_step_is_applied_and_the_result_loads(write_file: WriteFile) -> None:
    """migrate applies the step (comments and order kept), adds the key; then check runs."""
    path = write_file("p.yaml", OLD_FORMAT)
    assert run("migrate", "--check", str(path))[0] == 1
    code, _, err = run("migrate", str(path))
    assert code == 0
    assert f"{path}: updated from input format 1 to 2" in err
    assert "review the changes" not in err
    stamp = STAMP.replace(f"schema_version: {SCHEMA_VERSION}", "schema_version: 2")
    assert path.read_text(encoding="utf-8") == OLD_FORMAT.replace(
        "# the programme's name\nname: {de: Programm, fr: Programme}  #",
        stamp + "# the programme's name\ntitle: {de: Programm, fr: Programme} #",
    )
    programme = load(path)
    assert programme.schema_version == 2
    assert programme.title["fr"] == "Programme"
    assert run("check", str(path))[0] == 1  # loads; incomplete, as the file is a sketch
    assert run("migrate", "--check", str(path))[0] == 0


@pytest.mark.usefixtures("format_2")
def test_step_updates_a_declared_version_in_place(write_file: WriteFile) -> None:
    """`schema_version: 1` becomes 2 where it is, its comment kept; no second key."""
    path = write_file("p.yaml", OLD_FORMAT.replace("# the", "schema_version: 1  # old\n# the"))
    assert run("migrate", str(path))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert "schema_version: 2  # old\n# the programme's name\ntitle:" in text
    assert text.count("schema_version") == 1
    assert load(path).schema_version == 2


@pytest.mark.usefixtures("format_2")
def test_step_on_json(write_file: WriteFile) -> None:
    """JSON: the step applies, the key comes first, numbers are written as they were."""
    original = (
        '{\n  "name": {"de": "Programm", "fr": "Programme"},\n  "languages": ["de", "fr"],\n'
        '  "period": {"start": "2025-01", "end": "2030-12"},\n'
        '  "partnership": {"german": {"name": "Pfinztal", "country": "DE"},'
        ' "partner": {"name": "Kidira", "country": "SN"}},\n'
        '  "exchange_rates": [{"currency": "XOF", "per_euro": 655.9570, "date": "2025-01-01"}]\n'
        "}\n"
    )
    path = write_file("p.json", original)
    code, _, err = run("migrate", str(path))
    assert code == 0
    assert "its indentation or spacing was rewritten too: review the changes" in err
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "schema_version": 2,\n  "title": {\n    "de": "Programm",')
    assert '"per_euro": 655.9570' in text
    assert load(path).title["de"] == "Programm"


@pytest.mark.usefixtures("format_2")
def test_layout_a_step_cannot_keep_is_announced(write_file: WriteFile) -> None:
    """Mixed indentation cannot survive the round-trip writer: migrate says so."""
    old = COMMENTED.replace("title:", "name:", 1)
    path = write_file("p.yaml", old)
    code, _, err = run("migrate", str(path))
    assert code == 0
    assert f"{path}: updated from input format 1 to 2; its indentation or spacing" in err
    text = path.read_text(encoding="utf-8")
    assert "# (a header that stays on top)" in text
    assert "\n  start: 2025-01 " in text  # two spaces now, the comment kept
    assert "# four spaces here\n" in text
    assert load(path).title["de"] == "Programm"


def test_missing_step_is_a_bug_and_writes_nothing(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A raised SCHEMA_VERSION without its step fails loudly instead of half-migrating."""
    monkeypatch.setattr(programme_module, "SCHEMA_VERSION", 2)
    path = write_file("p.yaml", GOOD)
    with pytest.raises(RuntimeError, match="no migration step from input format 1"):
        migrate_file(path)
    assert path.read_text(encoding="utf-8") == GOOD


def test_every_older_format_has_a_step() -> None:
    """The registry reaches the current format from every older one (holds for format 1)."""
    assert current_version() == SCHEMA_VERSION
    assert sorted(STEPS) == list(range(FIRST_SCHEMA_VERSION, SCHEMA_VERSION))


def test_a_step_is_registered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`step(n)` registers a step; a second one from the same format is refused."""
    registry: dict[int, Step] = {}
    monkeypatch.setattr("handlungsprogramm.migrate.STEPS", registry)

    @step(1)
    def first(document: CommentedMap) -> None:
        document["x"] = 1

    assert registry == {1: first}
    with pytest.raises(ValueError, match="already exists"):
        step(1)(first)


def test_rename_key_keeps_place_and_comment() -> None:
    """rename_key, the helper for steps: same position, same end-of-line comment."""
    yaml = YAML(typ="rt")
    document = yaml.load("a: 1\nold: 2  # note\nc: 3\n")
    rename_key(document, "old", "new")
    rename_key(document, "absent", "other")
    assert list(document) == ["a", "new", "c"]
    assert document.ca.items["new"][2].value == "# note\n"
    with pytest.raises(KeyError):
        rename_key(document, "a", "c")


def test_migrate_text_in_memory() -> None:
    """The library function works on text in memory and reports what it did."""
    migration = migrate_text(GOOD, name="mem.yaml")
    assert migration.changed
    assert migration.added_version
    assert (migration.from_version, migration.to_version) == (1, SCHEMA_VERSION)
    assert migration.after.decode("utf-8") == STAMP + GOOD
    again = migrate_text(migration.after, name="mem.yaml")
    assert not again.changed
    assert again.after == migration.after
