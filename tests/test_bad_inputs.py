"""A corpus of bad programme files: each is refused with the right exit code, code and line.

Every file in ``tests/bad_inputs/`` holds one realistic mistake (or is a raw broken
file); ``tests/bad_inputs/expected.yaml`` records what ``check`` must say about it:
the exit code, the problem or rule code, and where possible the line and column.
The file over the size limit is written at test time instead of being committed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from handlungsprogramm import ProgrammeLoadError, load
from handlungsprogramm.cli import app
from handlungsprogramm.loading import MAX_BYTES
from tests.conftest import EXAMPLE

FOLDER = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED_FILE = FOLDER / "expected.yaml"
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
BASE = FOLDER / "missing-title.yaml"  # a programme that only lacks its title

runner = CliRunner()


@dataclass(frozen=True)
class Expected:
    """What ``check`` must report for one bad file."""

    exit: int
    code: str
    kind: str | None = None
    line: int | None = None
    column: int | None = None


def _expectations() -> dict[str, Expected]:
    raw: Any = YAML(typ="safe").load(EXPECTED_FILE.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return {str(name): Expected(**entry) for name, entry in raw.items()}


EXPECTED = _expectations()
CASES = sorted(EXPECTED)
LOAD_CASES = [name for name in CASES if EXPECTED[name].exit == 2]


def _check(path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path)], env=ENV)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def _assert_reported(path: Path, expected: Expected, exit_code: int, output: str) -> None:
    assert "Traceback" not in output, output
    assert exit_code == expected.exit, output
    assert str(path) in output, output
    assert expected.code in output, output
    if expected.line is not None:
        where = f"{path}:{expected.line}:"
        if expected.column is not None:
            where += f"{expected.column}:"
        located = [line for line in output.splitlines() if line.startswith(where)]
        assert any(expected.code in line for line in located), output


def test_every_file_has_an_expectation() -> None:
    """The folder and expected.yaml list the same files, and the corpus is not tiny."""
    files = {p.name for p in FOLDER.iterdir() if p.name != EXPECTED_FILE.name}
    assert files == set(EXPECTED)
    assert len(EXPECTED) >= 40


@pytest.mark.parametrize("name", CASES)
def test_check_reports_the_mistake(name: str) -> None:
    """``check`` exits with the recorded code and names the file, line and problem code."""
    path = FOLDER / name
    expected = EXPECTED[name]
    exit_code, output = _check(path)
    _assert_reported(path, expected, exit_code, output)


@pytest.mark.parametrize("name", LOAD_CASES)
def test_load_raises_located_problem(name: str) -> None:
    """The library refuses the file with a problem of the recorded code, kind and place."""
    expected = EXPECTED[name]
    with pytest.raises(ProgrammeLoadError) as info:
        load(FOLDER / name)
    problems = info.value.problems
    matching = [p for p in problems if p.code == expected.code]
    assert matching, problems
    problem = matching[0]
    if expected.kind is not None:
        assert problem.kind == expected.kind
    if expected.line is not None:
        assert problem.location is not None
        assert problem.location.line == expected.line
    if expected.column is not None:
        assert problem.location is not None
        assert problem.location.column == expected.column


def _too_large(tmp_path: Path) -> Path:
    path = tmp_path / "too-large.yaml"
    text = BASE.read_bytes()
    padding = b"# " + b"x" * 1022 + b"\n"
    with path.open("wb") as fh:
        fh.write(text)
        fh.write(padding * (MAX_BYTES // len(padding) + 1))
    assert path.stat().st_size > MAX_BYTES
    return path


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    """A file larger than MAX_BYTES is refused with HP002 before it is parsed."""
    path = _too_large(tmp_path)
    expected = Expected(exit=2, code="HP002", kind="file_too_large", line=1, column=1)
    exit_code, output = _check(path)
    _assert_reported(path, expected, exit_code, output)
    with pytest.raises(ProgrammeLoadError) as info:
        load(path)
    (problem,) = info.value.problems
    assert (problem.code, problem.kind) == ("HP002", "file_too_large")


def _aliased_measures(tmp_path: Path, copies: int, *, directive: bool = False) -> Path:
    """The Pfinztal example with only its first measure, anchored and repeated ``copies``
    times by alias: 20,000 copies make a 180 KB file that stands for a 50 MB one."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, rest = text.split("\nmeasures:\n", 1)
    first = rest[: rest.index("\n  # M-02")].replace("  - code: M-01", "  - &m\n    code: M-01")
    tail = rest[re.search(r"\n[a-z_]+:", rest).start() :]  # type: ignore[union-attr]
    aliased = head + "\nmeasures:\n" + first + "\n" + "  - *m\n" * copies + tail.lstrip("\n")
    path = tmp_path / "aliases.yaml"
    path.write_text(("%YAML 1.2\n---\n" if directive else "") + aliased, encoding="utf-8")
    return path


@pytest.mark.parametrize("directive", [False, True], ids=["fast reader", "round-trip reader"])
def test_aliases_count_at_their_expanded_size_in_characters(
    tmp_path: Path, directive: bool
) -> None:
    """20,000 aliases of one measure (180 KB) expand to more text than the largest file
    accepted: refused at the alias that crosses the limit, in a second or two, by both
    readers. It used to load (under two million values) and took 25 s to check, 5
    minutes and 1.3 GB to build."""
    path = _aliased_measures(tmp_path, 20_000, directive=directive)
    assert 150_000 < path.stat().st_size < 200_000
    start = time.monotonic()
    with pytest.raises(ProgrammeLoadError) as info:
        load(path)
    assert time.monotonic() - start < 5
    (problem,) = info.value.problems
    assert (problem.code, problem.kind) == ("HP005", "alias_expansion")
    assert problem.path[0] == "measures"
    assert problem.location is not None
    lines = path.read_text(encoding="utf-8").splitlines()
    # the fast reader names the alias; ruamel's round trip places an alias at its anchor
    assert lines[problem.location.line - 1].strip() == ("- &m" if directive else "- *m")
    assert "YAML-Aliase" in problem.message("de")
    exit_code, output = _check(path)
    assert exit_code == 2
    assert f"{path}:{problem.location.line}:" in output
    assert "HP005" in output


def test_aliases_within_the_limit_still_load(tmp_path: Path) -> None:
    """Fifty aliases of a measure are a programme of 51 measures: it loads (the limit is
    the size of the text the aliases stand for, not the use of aliases)."""
    programme = load(_aliased_measures(tmp_path, 50))
    assert len(programme.measures) == 51


@pytest.mark.parametrize(
    "name",
    [
        "yaml-duplicate-key.yaml",
        "money-negative.yaml",
        "indicator-target-tiny.yaml",  # passed check and then crashed build (exit 70)
        "money-negative-zero.yaml",
        "money-hexadecimal.yaml",
    ],
)
def test_build_writes_nothing_for_a_bad_file(name: str, tmp_path: Path) -> None:
    """``build`` refuses an unloadable file with exit 2 and writes no output."""
    out = tmp_path / "out"
    path = FOLDER / name
    result = runner.invoke(app, ["build", str(path), "--out", str(out)], env=ENV)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert EXPECTED[name].code in result.output
    assert not out.exists() or not any(out.rglob("*"))
