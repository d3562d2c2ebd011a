"""Loading: every user mistake is reported with file, line, column, field path and message."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from handlungsprogramm import ProgrammeLoadError, from_data, load, loads
from handlungsprogramm.errors import LoadProblem
from handlungsprogramm.model import YearMonth
from handlungsprogramm.model import programme as programme_module
from handlungsprogramm.model.programme import FIRST_SCHEMA_VERSION, SCHEMA_VERSION
from tests.conftest import ROOT, complete_data

GOOD = """\
title: {de: Programm, fr: Programme}
languages: [de, fr]
period: {start: 2025-01, end: 2030-12}
partnership:
  german: {name: Pfinztal, country: DE}
  partner: {name: Kidira, country: SN}
measures:
  - code: M-01
    title: {de: Solarpumpen, fr: Pompes solaires}
    pillar: mitigation
    lead: {side: partner, department: Service technique}
    resources:
      money:
        - {amount: 12000.10, currency: XOF, funding_source: Budget}
"""


def _problems(text: str | bytes, name: str = "p.yaml") -> list[LoadProblem]:
    with pytest.raises(ProgrammeLoadError) as info:
        loads(text, name=name, fmt="json" if name.endswith(".json") else "yaml")
    return list(info.value.problems)


def _only(text: str | bytes, name: str = "p.yaml") -> LoadProblem:
    problems = _problems(text, name)
    assert len(problems) == 1, problems
    return problems[0]


def test_good_input_loads_with_exact_money() -> None:
    """A valid file loads; YAML floats become exact Decimals, months become YearMonth."""
    programme = loads(GOOD)
    money = programme.measures[0].resources.money[0]
    assert money.amount == Decimal("12000.10")
    assert str(money.amount) == "12000.10"
    assert programme.period.start == YearMonth(2025, 1)


# (name, yaml text, code, kind, dotted path, line, column, English message, German message)
BAD: list[tuple[str, str, str, str, str, int, int, str, str]] = [
    (
        "unknown key with suggestion",
        GOOD.replace("pillar: mitigation", "pilar: mitigation"),
        "HP010",
        "extra_forbidden",
        "measures[0].pilar",
        10,
        5,
        "unknown key 'pilar'; did you mean 'pillar'?",
        "unbekannter Schlüssel 'pilar'; meinten Sie 'pillar'?",
    ),
    (
        "missing required field",
        GOOD.replace("    pillar: mitigation\n", ""),
        "HP011",
        "missing",
        "measures[0].pillar",
        8,
        5,
        "required field 'pillar' is missing",
        "Pflichtfeld 'pillar' fehlt",
    ),
    (
        "enum typo",
        GOOD.replace("pillar: mitigation", "pillar: mitigtion"),
        "HP013",
        "enum",
        "measures[0].pillar",
        10,
        13,
        "text 'mitigtion' is not allowed here (did you mean 'mitigation'?); "
        "use one of: mitigation, adaptation, both",
        "Text 'mitigtion' ist hier nicht erlaubt (meinten Sie 'mitigation'?); "
        "möglich sind: mitigation, adaptation, both",
    ),
    (
        "unknown currency",
        GOOD.replace("currency: XOF", "currency: EURO"),
        "HP013",
        "currency_code",
        "measures[0].resources.money[0].currency",
        14,
        40,
        "'EURO' is not an ISO 4217 currency code (e.g. EUR, XOF, TZS)",
        "'EURO' ist kein Währungscode nach ISO 4217 (z. B. EUR, XOF, TZS)",
    ),
    (
        "negative money",
        GOOD.replace("amount: 12000.10", "amount: -5"),
        "HP013",
        "greater_than_equal",
        "measures[0].resources.money[0].amount",
        14,
        20,
        "must be at least 0, got the number -5",
        "muss mindestens 0 sein, erhalten: die Zahl -5",
    ),
    (
        "non-numeric money",
        GOOD.replace("amount: 12000.10", "amount: viel"),
        "HP012",
        "decimal_type",
        "measures[0].resources.money[0].amount",
        14,
        20,
        "expected a number, got text 'viel'",
        "Zahl erwartet, erhalten: Text 'viel'",
    ),
    (
        "unknown country",
        GOOD.replace("country: SN", "country: Senegal"),
        "HP013",
        "country_code",
        "partnership.partner.country",
        6,
        36,
        "'Senegal' is not an ISO 3166-1 alpha-2 country code (e.g. DE, SN, TZ)",
        "'Senegal' ist kein Ländercode nach ISO 3166-1 alpha-2 (z. B. DE, SN, TZ)",
    ),
    (
        "unknown language code",
        GOOD.replace("languages: [de, fr]", "languages: [de, french]"),
        "HP013",
        "language_code",
        "languages[1]",
        2,
        17,
        "'french' is not an ISO 639-1 language code (two lower-case letters, e.g. de, fr)",
        "'french' ist kein Sprachcode nach ISO 639-1 (zwei Kleinbuchstaben, z. B. de, fr)",
    ),
    (
        "German not first",
        GOOD.replace("languages: [de, fr]", "languages: [fr, de]"),
        "HP013",
        "languages_pair",
        "languages",
        2,
        12,
        "languages must be German first, then the partner's language, e.g. [de, fr]; got [fr, de]",
        "languages muss zuerst Deutsch, dann die Sprache des Partners nennen, z. B. [de, fr];"
        " erhalten: [fr, de]",
    ),
    (
        "three languages",
        GOOD.replace("languages: [de, fr]", "languages: [de, fr, en]"),
        "HP013",
        "too_long",
        "languages",
        2,
        12,
        "allows at most 2 entries, got 3",
        "erlaubt höchstens 2 Einträge, erhalten: 3",
    ),
    (
        "month in the wrong form",
        GOOD.replace("start: 2025-01", "start: 2025-13"),
        "HP013",
        "year_month",
        "period.start",
        3,
        17,
        "expected a month as YYYY-MM (e.g. 2025-03), got '2025-13'",
        "Monat im Format JJJJ-MM erwartet (z. B. 2025-03), erhalten: '2025-13'",
    ),
    (
        "period ends before it starts",
        GOOD.replace("end: 2030-12", "end: 2024-12"),
        "HP013",
        "end_before_start",
        "period",
        3,
        9,
        "the end 2024-12 lies before the start 2025-01",
        "das Ende 2024-12 liegt vor dem Beginn 2025-01",
    ),
    (
        "list where a mapping belongs",
        GOOD.replace("lead: {side: partner, department: Service technique}", "lead: [partner]"),
        "HP012",
        "dict_type",
        "measures[0].lead",
        11,
        11,
        "expected a mapping (key: value), got a list",
        "Zuordnung (Schlüssel: Wert) erwartet, erhalten: Liste",
    ),
    (
        "number where text or a text per language belongs",
        GOOD.replace("department: Service technique", "department: 42"),
        "HP012",
        "union_type",
        "measures[0].lead.department",
        11,
        39,
        "expected a mapping or text, got the number 42",
        "Zuordnung oder Text erwartet, erhalten: die Zahl 42",
    ),
    (
        "bad code",
        GOOD.replace("code: M-01", "code: M 01!"),
        "HP013",
        "string_pattern_mismatch",
        "measures[0].code",
        8,
        11,
        "text 'M 01!' does not have the expected form (e.g. 2.1.3, M-07)",
        "Text 'M 01!' hat nicht die erwartete Form (z. B. 2.1.3, M-07)",
    ),
    (
        "a code YAML reads as a number",
        GOOD.replace("code: M-01", "code: 3"),
        "HP012",
        "string_type",
        "measures[0].code",
        8,
        11,
        'expected text, got the number 3; write it in quotes: "3"',
        'Text erwartet, erhalten: die Zahl 3; in Anführungszeichen schreiben: "3"',
    ),
    (
        "a version YAML reads as a number",
        GOOD.replace(
            "title: {de: Programm, fr: Programme}",
            "title: {de: Programm, fr: Programme}\nversion: 1.10",
        ),
        "HP012",
        "string_type",
        "version",
        2,
        10,
        'expected text, got the number 1.10; write it in quotes: "1.10"',
        'Text erwartet, erhalten: die Zahl 1.10; in Anführungszeichen schreiben: "1.10"',
    ),
    (
        "YAML syntax error",
        GOOD.replace("title: {de: Programm, fr: Programme}", "title: {de: Programm, fr: Programme"),
        "HP004",
        "yaml_syntax",
        "",
        2,
        10,
        "YAML syntax error: expected ',' or '}', but got ':'",
        "YAML-Syntaxfehler: expected ',' or '}', but got ':'",
    ),
    (
        "duplicate key",
        GOOD + "languages: [de, en]\n",
        "HP004",
        "duplicate_key",
        "",
        15,
        1,
        "the key 'languages' appears twice in the same mapping",
        "der Schlüssel 'languages' kommt in derselben Zuordnung zweimal vor",
    ),
    (
        "top level is a list",
        "- title: x\n",
        "HP007",
        "not_a_mapping",
        "",
        1,
        1,
        "the top level must be a mapping of sections (title:, languages:, …), got a list",
        "die oberste Ebene muss eine Zuordnung von Abschnitten sein (title:, languages:, …),"
        " erhalten: Liste",
    ),
    (
        "empty file",
        "\n# nothing here\n",
        "HP006",
        "empty_file",
        "",
        1,
        1,
        "the file is empty; start from `handlungsprogramm init`",
        "die Datei ist leer; beginnen Sie mit `handlungsprogramm init`",
    ),
    (
        "newer input format: the only problem, not the differences it brings",
        f"schema_version: {SCHEMA_VERSION + 1}\nextra_key_of_a_newer_format: 1\n" + GOOD,
        "HP013",
        "schema_too_new",
        "schema_version",
        1,
        17,
        f"the file is written for input format {SCHEMA_VERSION + 1}; this handlungsprogramm"
        f" knows the formats up to {SCHEMA_VERSION} only: update handlungsprogramm",
        f"die Datei ist im Eingabeformat {SCHEMA_VERSION + 1} geschrieben; dieses"
        f" handlungsprogramm kennt nur die Formate bis {SCHEMA_VERSION}: bitte"
        " handlungsprogramm aktualisieren",
    ),
    (
        "schema_version that is not a number",
        "schema_version: one\n" + GOOD,
        "HP012",
        "int_type",
        "schema_version",
        1,
        17,
        "expected a whole number, got text 'one'",
        "ganze Zahl erwartet, erhalten: Text 'one'",
    ),
]


@pytest.mark.parametrize(
    ("text", "code", "kind", "path", "line", "column", "en", "de"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD],
)
def test_bad_input_is_located(
    text: str, code: str, kind: str, path: str, line: int, column: int, en: str, de: str
) -> None:
    """Each mistake gives one problem: code, path, file:line:column, both messages."""
    problem = _only(text)
    assert (problem.code, problem.kind, problem.dotted_path) == (code, kind, path)
    assert problem.location is not None
    assert (problem.location.file, problem.location.line, problem.location.column) == (
        "p.yaml",
        line,
        column,
    )
    assert problem.message("en") == en
    assert problem.message("de") == de


def test_current_version_loads_written_or_not() -> None:
    """`schema_version: 1` or none at all: the same programme, format 1."""
    assert loads(GOOD).schema_version == FIRST_SCHEMA_VERSION == 1
    assert loads(f"schema_version: {SCHEMA_VERSION}\n" + GOOD).schema_version == SCHEMA_VERSION


def test_older_format_says_to_migrate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the format has moved on, an older file gets one problem: run migrate on it."""
    monkeypatch.setattr(programme_module, "SCHEMA_VERSION", 2)
    declared = _only("# old\nschema_version: 1\n" + GOOD, name="dir/p.yaml")
    assert (declared.code, declared.kind, declared.dotted_path) == (
        "HP013",
        "schema_too_old",
        "schema_version",
    )
    assert str(declared.location) == "dir/p.yaml:2:17"
    assert declared.message("en") == (
        "the file is written for input format 1; this handlungsprogramm reads format 2:"
        " run `handlungsprogramm migrate dir/p.yaml` to update the file, then check again"
    )
    assert declared.message("de") == (
        "die Datei ist im Eingabeformat 1 geschrieben; dieses handlungsprogramm liest"
        " Format 2: `handlungsprogramm migrate dir/p.yaml` ausführen, um die Datei"
        " umzustellen, dann erneut prüfen"
    )
    missing = _only(GOOD.replace("pillar: mitigation", "pillar: solar"))  # no other problem
    assert missing.kind == "schema_too_old"
    assert missing.message("en").startswith(
        "the file is written for input format 1 (it has no `schema_version:`);"
    )
    assert missing.message("de").startswith(
        "die Datei ist im Eingabeformat 1 (sie hat kein `schema_version:`) geschrieben;"
    )
    with pytest.raises(ProgrammeLoadError) as info:
        from_data(complete_data())
    assert [p.kind for p in info.value.problems] == ["schema_too_old"]
    assert from_data({**complete_data(), "schema_version": 2}).schema_version == 2


def test_all_problems_reported_at_once() -> None:
    """Several mistakes in one file are all reported, in file order."""
    text = (
        GOOD.replace("country: SN", "country: XX")
        .replace("pillar: mitigation", "pillar: both2")
        .replace("currency: XOF", "currency: ABC")
    )
    problems = _problems(text)
    assert [(p.code, p.dotted_path, p.location.line if p.location else 0) for p in problems] == [
        ("HP013", "partnership.partner.country", 6),
        ("HP013", "measures[0].pillar", 10),
        ("HP013", "measures[0].resources.money[0].currency", 14),
    ]


def test_alias_bomb_is_refused() -> None:
    """A billion-laughs document is refused before it expands, with its own code."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    problem = _only("\n".join(lines) + "\n")
    assert (problem.code, problem.kind) == ("HP005", "alias_bomb")
    assert problem.message("en") == (
        "the document expands to more than 2000000 values (YAML aliases?); refused"
    )


def test_aliases_within_budget_are_fine() -> None:
    """Ordinary anchors and aliases (re-using a lead) load normally."""
    text = GOOD.replace(
        "lead: {side: partner, department: Service technique}",
        "lead: &lead {side: partner, department: Service technique}",
    )
    text += "  - {code: M-02, title: {de: b, fr: b}, pillar: adaptation, lead: *lead}\n"
    programme = loads(text)
    assert programme.measures[1].lead == programme.measures[0].lead


def test_recursive_alias_does_not_hang() -> None:
    """A self-referencing alias (ruamel reads the inner reference as null) ends normally."""
    text = GOOD + "outlook: &a\n  financing: *a\n"
    assert loads(text).outlook is not None


def test_too_deep_nesting_is_refused() -> None:
    """Absurdly deep nesting is refused with a located message, not a RecursionError."""
    problem = _only("title: " + "[" * 200 + "]" * 200 + "\n")
    assert (problem.code, problem.kind) == ("HP005", "too_deep")


def test_oversized_file_is_refused(write_file: Callable[[str, str | bytes], Path]) -> None:
    """A file above the size limit is refused before it is parsed."""
    path = write_file("big.yaml", GOOD + "#" * 2000 + "\n")
    with pytest.raises(ProgrammeLoadError) as info:
        load(path, max_bytes=1000)
    (problem,) = info.value.problems
    assert (problem.code, problem.kind) == ("HP002", "file_too_large")
    assert (
        problem.message("en")
        == f"the file has {path.stat().st_size} bytes; the limit is 1000 bytes"
    )


def test_non_utf8_is_located(write_file: Callable[[str, str | bytes], Path]) -> None:
    """Latin-1 bytes are reported with the line and column of the first bad byte."""
    path = write_file("latin1.yaml", GOOD.replace("Pfinztal", "Pfinztäl").encode("latin-1"))
    with pytest.raises(ProgrammeLoadError) as info:
        load(path)
    (problem,) = info.value.problems
    assert (problem.code, problem.kind) == ("HP003", "not_utf8")
    assert problem.location is not None
    assert (problem.location.line, problem.location.column) == (5, 24)
    assert problem.message("de").startswith("die Datei ist kein gültiges UTF-8 (Byte 0xe4")


def test_binary_file_is_refused(write_file: Callable[[str, str | bytes], Path]) -> None:
    """A binary file (NUL bytes) is named as such."""
    path = write_file("image.yaml", b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ProgrammeLoadError) as info:
        load(path)
    assert [p.kind for p in info.value.problems] == ["binary_file"]


def test_missing_file(tmp_path: Path) -> None:
    """A file that does not exist is HP001 and names the file."""
    with pytest.raises(ProgrammeLoadError) as info:
        load(tmp_path / "nope.yaml")
    (problem,) = info.value.problems
    assert (problem.code, problem.kind) == ("HP001", "file_not_found")
    assert str(problem.location) == f"{tmp_path / 'nope.yaml'}:1:1"


def test_utf8_bom_is_accepted(write_file: Callable[[str, str | bytes], Path]) -> None:
    """Files saved by Windows editors with a BOM load."""
    path = write_file("bom.yaml", b"\xef\xbb\xbf" + GOOD.encode())
    assert load(path).partnership.german.name == "Pfinztal"


def test_json_loads_with_positions(write_file: Callable[[str, str | bytes], Path]) -> None:
    """JSON input (with tab indentation) loads; its errors carry line and column too."""
    data = complete_data()
    data["measures"][0]["pillar"] = "solar"
    path = write_file("p.json", json.dumps(data, indent="\t"))
    with pytest.raises(ProgrammeLoadError) as info:
        load(path)
    (problem,) = info.value.problems
    assert problem.dotted_path == "measures[0].pillar"
    assert problem.location is not None
    line = path.read_text().splitlines()[problem.location.line - 1]
    assert '"pillar": "solar"' in line


def test_json_syntax_error_is_located() -> None:
    """A JSON syntax error gives json's own line and column."""
    problem = _only('{\n  "title": {"de": "x",}\n}\n', name="p.json")
    assert (problem.kind, problem.location.line if problem.location else 0) == ("json_syntax", 2)


def test_surrogate_pairs_are_joined_and_lone_halves_refused() -> None:
    """Escaped surrogate pairs become one character; an unpaired half is a located error."""
    data = complete_data()
    data["title"]["fr"] = "Terre 🌍"
    programme = loads(json.dumps(data), fmt="json")  # json.dumps escapes 🌍 as a pair
    assert programme.title["fr"] == "Terre 🌍"
    text = GOOD.replace("fr: Programme}", 'fr: "Programme \\ud83c"}')
    problem = _only(text)
    assert (problem.code, problem.kind, problem.dotted_path) == (
        "HP013",
        "lone_surrogate",
        "title.fr",
    )


def test_json_numbers_are_exact() -> None:
    """JSON floats become exact Decimals, never binary floats."""
    data = complete_data()
    text = json.dumps(data).replace('"45000"', "0.1")
    programme = loads(text, fmt="json")
    assert programme.measures[0].resources.money[0].amount == Decimal("0.1")


def test_from_data_reports_paths_without_lines() -> None:
    """In-memory data gets the same problems with field paths, but no file position."""
    data: dict[str, Any] = complete_data()
    data["measures"][1]["lead"]["side"] = "jointly"
    with pytest.raises(ProgrammeLoadError) as info:
        from_data(data)
    (problem,) = info.value.problems
    assert problem.dotted_path == "measures[1].lead.side"
    assert problem.location is None
    assert problem.message("en") == (
        "text 'jointly' is not allowed here; use one of: german, partner, both"
    )


def test_float_money_from_code_is_taken_as_written_or_refused_by_its_path() -> None:
    """A float from a web form's JSON is the decimal it is written as (24500.5); one whose
    shortest form has more places than money allows is refused, naming the data path
    where there is no file to locate it in."""
    data = complete_data()
    data["measures"][0]["resources"]["money"][0]["amount"] = 24500.5
    programme = from_data(data)
    assert programme.measures[0].resources.money[0].amount == Decimal("24500.5")
    data["measures"][0]["resources"]["money"][0]["amount"] = 0.1 + 0.2
    with pytest.raises(ProgrammeLoadError) as info:
        from_data(data)
    (problem,) = info.value.problems
    assert problem.dotted_path == "measures[0].resources.money[0].amount"
    assert problem.location is None
    assert "at most 4 decimal places" in problem.message("en")
    assert "höchstens 4 Nachkommastellen" in problem.message("de")
    assert "measures[0].resources.money[0].amount" in str(info.value)


def test_load_error_is_a_value_error() -> None:
    """Host applications can catch the builtin ValueError as well as the library's root."""
    with pytest.raises(ValueError, match="1 problem"):
        loads("title: [")


def test_relative_logo_resolves_against_file(
    write_file: Callable[[str, str | bytes], Path],
) -> None:
    """The loader remembers the programme's folder for relative paths."""
    path = write_file("p.yaml", GOOD)
    programme = load(path)
    assert programme.base_dir == path.parent
    assert programme.source is not None
    assert programme.source.value(("measures", 0, "pillar")) is not None


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    """Passing a folder gives HP001 'is not a file', not an OS error."""
    with pytest.raises(ProgrammeLoadError) as info:
        load(tmp_path)
    assert [(p.code, p.kind) for p in info.value.problems] == [("HP001", "not_a_file")]


def test_oversized_text_in_memory_is_refused() -> None:
    """loads() applies the same size limit as load()."""
    with pytest.raises(ProgrammeLoadError) as info:
        loads(GOOD, max_bytes=100)
    assert [(p.code, p.kind) for p in info.value.problems] == [("HP002", "file_too_large")]


# -- the fast reader (libyaml) and the round-trip reader agree ----------------------------

_TRICKY = """\
# non-ASCII before positions: Größe, 日本語, émoji 🌍
title: {de: "Größe 🌍", fr: 'Taille'}
anchors:
  base: &b {amount: 1.50, currency: EUR}
  copy: *b
  list: [1, 2.5, -3, 0x1F, 0o17, .inf, true, False, null, ~, 2025-06-30, "2025-06"]
text: |
  Zeile 1
  Zeile 2
folded: >-
  folded
  text
"quoted key": 'it''s'
empty:
nested:
  - - a
    - b
  - {x: 1}
"""


def _both_readers(text: str) -> tuple[Any, Any]:
    from handlungsprogramm.loading import MAX_VALUES, _FastReader, _Normaliser, _parse_yaml

    fast_values: dict[Any, Any] = {}
    fast_keys: dict[Any, Any] = {}
    fast = _FastReader("x", fast_values, fast_keys, MAX_VALUES).read(text)
    slow_values: dict[Any, Any] = {}
    slow_keys: dict[Any, Any] = {}
    slow = _Normaliser("x", slow_values, slow_keys, MAX_VALUES).run(_parse_yaml(text, "x"))
    return (fast, fast_values, fast_keys), (slow, slow_values, slow_keys)


@pytest.mark.parametrize(
    "path", sorted((ROOT / "examples").rglob("programme.yaml")), ids=lambda p: p.parent.name
)
def test_fast_reader_agrees_with_round_trip_reader_on_examples(path: Path) -> None:
    """Same data, same value and key positions, for every example."""
    fast, slow = _both_readers(path.read_text(encoding="utf-8"))
    assert fast == slow


def test_fast_reader_agrees_on_tricky_yaml() -> None:
    """Anchors, flow style, block scalars, numbers, dates, quoted keys, non-ASCII columns."""
    fast, slow = _both_readers(_TRICKY)
    # An empty value: the fast reader points at the key's line (where the value is
    # missing), the round-trip reader at the start of the next line. Both are fine.
    assert fast[1].pop(("empty",)) == (14, 7)
    assert slow[1].pop(("empty",)) == (15, 1)
    assert fast == slow
    data = fast[0]
    assert data["anchors"]["copy"] == {"amount": Decimal("1.50"), "currency": "EUR"}
    assert data["anchors"]["list"][5] == Decimal("Infinity")
    assert fast[1][("title", "de")] == (2, 13)  # columns count characters, not bytes


_NUMERALS = ["1_000", "0x10", "0o17", "0b101", "010", "-0", "-0.0", "00", "1_000.5", "+5",
             "1e3", ".5", "5.", ".inf", "-.Inf", "9" * 5000, "1." + "5" * 5000]  # fmt: skip


@pytest.mark.parametrize("numeral", _NUMERALS, ids=lambda n: n[:12])
def test_readers_agree_on_numbers(numeral: str) -> None:
    """Both readers read every spelling YAML takes for a number the same way: a plain
    decimal as the number, anything else (0x10, 1_000, 010, -0) as the text it is."""
    fast, slow = _both_readers(f"a: {numeral}\nb: [{numeral}]\n")
    assert fast == slow
    value = fast[0]["a"]
    if numeral in {"1_000", "0x10", "0o17", "0b101", "010", "-0", "-0.0", "00", "1_000.5"}:
        assert value == numeral
    else:
        assert isinstance(value, int | Decimal)


def test_text_fields_keep_numerals_as_typed() -> None:
    """A phone number with a leading zero and a reference like 0x1F stay as typed (YAML
    1.2 read them as the numbers 301234567 and 31, and the text field then refused them)."""
    text = (
        GOOD.replace(
            "lead: {side: partner, department: Service technique}",
            "lead: {side: partner, department: ST, contact: {name: A, phone: 0301234567}}",
        )
        + "adoptions:\n  - {side: german, body: Rat, reference: 0x1F}\n"
    )
    programme = loads(text)
    lead = programme.measures[0].lead
    assert lead is not None
    assert lead.contact is not None
    contact = lead.contact
    assert contact.phone == "0301234567"
    assert programme.adoptions[0].reference == "0x1F"


def test_huge_integer_is_a_located_problem_not_a_crash() -> None:
    """A 5,000-digit integer crashed both readers (Python's int conversion limit)."""
    problem = _only(GOOD.replace("12000.10", "9" * 5000))
    assert (problem.code, problem.kind) == ("HP013", "less_than_equal")
    assert problem.location is not None
    assert problem.location.line == 14
    assert len(problem.message("en")) < 200


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",  # merge key
        "%YAML 1.1\n---\na: yes\n",  # directive
        "a: !custom 1\n",  # explicit tag
        "outlook: &a\n  financing: *a\n",  # cycle
        "a: [1, 2\n",  # syntax error
        "? [1, 2]\n: x\n",  # non-text key
    ],
)
def test_fast_reader_hands_unusual_documents_to_the_round_trip_reader(text: str) -> None:
    """Whatever the fast reader does not handle exactly like ruamel's round trip, it passes on."""
    from handlungsprogramm.loading import MAX_VALUES, _FallBack, _FastReader

    with pytest.raises(_FallBack):
        _FastReader("x", {}, {}, MAX_VALUES).read(text)


def test_reading_restores_the_garbage_collector() -> None:
    """The collector is paused while reading and enabled again afterwards, even on errors."""
    import gc

    assert gc.isenabled()
    with pytest.raises(ProgrammeLoadError):
        loads("a: [1, 2\n")
    assert gc.isenabled()
    loads(GOOD)
    assert gc.isenabled()


def test_the_c_parser_is_installed() -> None:
    """ruamel.yaml.clib (libyaml) is a dependency: without it reading is ten times slower."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    assert yaml.Parser.__name__ == "CParser"


def test_merge_keys_load_and_are_located() -> None:
    """Keys that come in through a YAML merge (<<) load; their place is the merging mapping."""
    data_with_merge = GOOD.replace(
        "title: {de: Programm, fr: Programme}",
        "x-base: &t {de: Programm, fr: Programme}\ntitle: {<<: *t}",
    )
    # the helper key is unknown to the model: a located load error, not a crash
    with pytest.raises(ProgrammeLoadError) as info:
        loads(data_with_merge)
    assert {p.code for p in info.value.problems} == {"HP010"}


def test_merged_keys_inside_a_mapping_do_not_crash() -> None:
    """A merge inside a municipality (found by the bad-input corpus: it exited 70)."""
    text = GOOD.replace("  partner: {name:", "  partner: {<<: {kind: city}, name:", 1)
    programme = loads(text)
    assert programme.partnership.partner.kind.value == "city"


def test_not_utf8_after_a_bom_names_the_right_byte() -> None:
    """The offset of a bad byte counts the BOM (it named the byte three places before)."""
    raw = b"\xef\xbb\xbftitle: Stra\xdfe\n"
    problem = _only_raw(raw)
    assert (problem.code, problem.kind) == ("HP003", "not_utf8")
    assert problem.ctx["byte"] == "0xdf"
    assert problem.ctx["offset"] == raw.index(b"\xdf")


def _only_raw(raw: bytes) -> LoadProblem:
    with pytest.raises(ProgrammeLoadError) as info:
        loads(raw)
    (problem,) = info.value.problems
    return problem


@pytest.mark.parametrize(
    ("text", "line", "column", "quote"),
    [
        ('title: {de: A, fr: B}\nversion: "1.0\nlanguages: [de, fr]\n', 2, 10, '"'),
        ("title: 'abc\nx: 1\n", 1, 8, "'"),
    ],
)
def test_an_unclosed_quote_is_located_at_the_quote(
    text: str, line: int, column: int, quote: str
) -> None:
    """The scanner fails where it gives up (often the end of the file); people need the quote."""
    (problem,) = _problems(text)
    assert (problem.code, problem.kind) == ("HP004", "unclosed_quote")
    assert problem.location is not None
    assert (problem.location.line, problem.location.column) == (line, column)
    assert problem.message("en") == (
        f"this quote is never closed: add the closing {quote} where the text ends"
    )


def test_explicit_plain_tags_are_read_as_what_they_say() -> None:
    """``!!str 1.0`` is the text "1.0" and ``!!float 25.5`` an exact number: tags that only
    say what a value is are no mistake (other tags are, see tests/bad_inputs)."""
    text = (ROOT / "examples" / "pfinztal-kidira" / "programme.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "1.0"', "version: !!str 1.0", 1)
    text = text.replace("          amount: 25\n", "          amount: !!float 25.5\n", 1)
    programme = loads(text)
    assert programme.version == "1.0"
    amounts = [item.amount for m in programme.measures for item in m.resources.personnel]
    assert Decimal("25.5") in amounts


def test_positions_after_raw_special_characters_in_json() -> None:
    """Raw NEL and DEL in a JSON string are escaped for the YAML read; positions after
    them on the same line (minified JSON: everything) still point at the right column."""
    raw, plain = complete_data(), complete_data()
    raw["title"]["de"] = "A\x85\x7fB\x85"
    plain["title"]["de"] = "AxxBx"
    for data in (raw, plain):
        data["version"] = 1  # a number where text belongs: located after the title
    columns = []
    for data in (raw, plain):
        with pytest.raises(ProgrammeLoadError) as caught:
            loads(json.dumps(data, ensure_ascii=False), fmt="json")
        (problem,) = caught.value.problems
        assert problem.location is not None
        columns.append((problem.path, problem.location.line, problem.location.column))
    assert columns[0] == columns[1]
    assert columns[0][1] == 1  # one line


def test_every_load_code_has_title_meaning_and_fix_in_both_languages() -> None:
    """Every HP0xx code the loader can emit is in the catalogue, with every text in en and de,
    and a fix names only placeholders that every problem of its code has in its context."""
    import string

    from handlungsprogramm.i18n.messages import LANGS, LOAD_CODES

    package = ROOT / "src" / "handlungsprogramm" / "loading"
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")))
    emitted = set(re.findall(r'"(HP0\d\d)"', source))
    assert len(emitted) >= 11
    assert emitted <= set(LOAD_CODES)
    assert all(re.fullmatch(r"HP0\d\d", code) for code in LOAD_CODES)
    placeholders = {"HP010": {"key"}, "HP011": {"field"}}
    for code, entry in LOAD_CODES.items():
        for texts in (entry.title, entry.meaning, entry.fix):
            assert len(texts) == len(LANGS)
            assert all(t.strip() for t in texts), (code, texts)
            assert texts[0] != texts[1], (code, texts)  # the German is written, not copied
        for fix in entry.fix:
            named = {name for _, name, _, _ in string.Formatter().parse(fix) if name is not None}
            assert named == placeholders.get(code, set()), (code, fix)


@pytest.mark.parametrize(
    ("text", "code", "en", "de"),
    [
        (
            GOOD.replace("    pillar:", "    pilar:"),
            "HP010",
            "remove `pilar` or correct its spelling;",
            "`pilar` entfernen oder richtig schreiben;",
        ),
        (
            GOOD.replace("  german: {name: Pfinztal, country: DE}\n", ""),
            "HP011",
            "add `german:` with its value to the mapping that starts here;",
            "`german:` mit seinem Wert in der Zuordnung ergänzen, die hier beginnt;",
        ),
        ("", "HP006", "fill in the file, or let", "die Datei ausfüllen oder mit"),
    ],
)
def test_load_problem_fix_fills_in_the_context(text: str, code: str, en: str, de: str) -> None:
    """`LoadProblem.fix` renders its code's fix with the key or field of this problem."""
    problem = _only(text)
    assert problem.code == code
    assert problem.fix("en").startswith(en)
    assert problem.fix("de").startswith(de)
    assert "{" not in problem.fix("en") + problem.fix("de")


def test_years_as_keys_of_a_breakdown() -> None:
    """`by_year: {2026: 45000}` is how people write it: whole-number keys are years there,
    located at the key for later findings; elsewhere a number as key stays refused."""
    buffer = io.StringIO()
    YAML().dump(complete_data(), buffer)
    text = buffer.getvalue().replace(
        "      status: applied\n",
        "      status: applied\n      by_year:\n        2025: '10000'\n        2027: '35000'\n",
        1,
    )
    programme = loads(text, name="p.yaml")
    assert programme.measures[0].resources.money[0].by_year == {
        2025: Decimal(10000),
        2027: Decimal(35000),
    }
    from handlungsprogramm.checks import check

    (finding,) = check(programme).findings
    line = text.splitlines().index("        2027: '35000'") + 1
    assert (finding.code, finding.location.line if finding.location else None) == ("HP314", line)
    with pytest.raises(ProgrammeLoadError) as info:
        loads(text.replace("  status: applied\n", "  3: applied\n", 1), name="p.yaml")
    assert "keys must be text, got the number 3" in info.value.problems[0].message("en")
