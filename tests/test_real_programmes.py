"""Edge cases of the fields for real programmes (issue 15), found by a review.

Each test failed on the first version of these fields: a year given twice silently
dropped an amount, the fix line for a newer file invited lowering its version, a
JSON-shaped YAML file broke `migrate`, shares printed as 9E+1 %, a cost or a rate
given twice counted twice or was ignored, blank names passed, a signature block split
over two pages.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from ruamel.yaml import YAML

from handlungsprogramm import ProgrammeLoadError, from_data, loads
from handlungsprogramm.checks import check
from handlungsprogramm.render.docx import render_docx
from tests.conftest import complete_data
from tests.test_cli import run


def _yaml(data: dict[str, Any], insert: str) -> str:
    buffer = io.StringIO()
    YAML().dump(data, buffer)
    return buffer.getvalue().replace(
        "      status: applied\n", f"      status: applied\n{insert}", 1
    )


def test_a_year_given_twice_is_refused_where_it_is_written() -> None:
    """`2025:` and `"2025":` are one year; the second amount would replace the first."""
    text = _yaml(complete_data(), "      by_year:\n        2025: 20000\n        '2025': 25000\n")
    with pytest.raises(ProgrammeLoadError) as info:
        loads(text, name="p.yaml")
    (problem,) = info.value.problems
    assert problem.message("en") == "the year 2025 is given twice in this breakdown"
    assert problem.message("de") == "das Jahr 2025 steht zweimal in dieser Aufteilung"
    assert problem.fix("en").startswith("give each year once")
    assert problem.location is not None
    assert text.splitlines()[problem.location.line - 1].strip() == "'2025': 25000"


def test_a_year_given_twice_in_json_is_refused() -> None:
    """JSON keys are text: `"2025"` and `" 2025"` are still one year."""
    data = complete_data()
    data["measures"][0]["resources"]["money"][0]["by_year"] = {"2025": "20000", " 2025": "25000"}
    with pytest.raises(ProgrammeLoadError) as info:
        loads(json.dumps(data), fmt="json")
    assert "the year 2025 is given twice" in info.value.problems[0].message("en")


def test_a_bad_yearly_amount_is_located_at_its_line() -> None:
    """A wrong amount under `by_year` points at its own line, not the breakdown's first."""
    text = _yaml(complete_data(), "      by_year:\n        2025: 45001\n        2026: -1\n")
    with pytest.raises(ProgrammeLoadError) as info:
        loads(text, name="p.yaml")
    located = [p for p in info.value.problems if p.location is not None]
    lines = {text.splitlines()[p.location.line - 1].strip() for p in located if p.location}
    assert "2026: -1" in lines


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_newer_file_is_not_told_to_lower_its_version(lang: str) -> None:
    data = complete_data()
    data["schema_version"] = 2
    with pytest.raises(ProgrammeLoadError) as info:
        from_data(data)
    (problem,) = info.value.problems
    fix = problem.fix(lang)  # type: ignore[arg-type]
    assert "pip install --upgrade handlungsprogramm" in fix
    assert ("do not lower" if lang == "en" else "nicht herabsetzen") in fix


def test_schema_version_must_be_a_number() -> None:
    """`true` and `"1"` are not a version (YAML reads `true` as a bool)."""
    for value in (True, "1"):
        data = complete_data()
        data["schema_version"] = value
        with pytest.raises(ProgrammeLoadError):
            from_data(data)


def test_migrate_a_yaml_file_shaped_like_json(tmp_path: Path) -> None:
    """A pretty-printed JSON dump saved as .yaml: the new key is a line with a comma."""
    path = tmp_path / "p.yaml"
    path.write_text(json.dumps(complete_data(), ensure_ascii=False, indent=2), "utf-8")
    code, _, err = run("migrate", str(path))
    assert code == 0, err
    assert path.read_text("utf-8").startswith('{\n  schema_version: 1,\n  "title"')
    code, _, err = run("check", str(path))
    assert code == 0, err


def test_shares_print_as_plain_numbers() -> None:
    """60 % and 30 % are 90 %, not 9E+1 %."""
    data = complete_data()
    money = data["measures"][0]["resources"]["money"]
    money[0].update(id="G1", share="60")
    money.append(
        {"amount": "1", "currency": "EUR", "funding_source": "X", "contribution_to": "G1",
         "share": "30"}
    )  # fmt: skip
    (finding,) = check(from_data(data)).findings
    assert "add up to 90 %, not 100 %" in finding.message("en")


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("total_cost", [{"amount": "1", "currency": "EUR"}] * 2, "EUR is given twice"),
        ("exchange_rates", [{"currency": "XOF", "per_euro": "655.957"}] * 2, "XOF is given twice"),
        ("exchange_rates", [{"currency": "EUR", "per_euro": "1"}], "a rate is given for EUR"),
    ],
)
def test_one_cost_and_one_rate_per_currency(where: str, value: Any, message: str) -> None:
    data = complete_data()
    if where == "total_cost":
        data["measures"][0]["resources"]["total_cost"] = value
    else:
        data[where] = value
    with pytest.raises(ProgrammeLoadError) as info:
        from_data(data)
    assert message in info.value.problems[0].message("en")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("publisher", {"name": ""}),
        ("funders", [{"name": ""}]),
        ("references", [{"code": "SDG-6", "title": ""}]),
    ],
)
def test_blank_names_are_refused(key: str, value: Any) -> None:
    data = complete_data()
    data[key] = value
    with pytest.raises(ProgrammeLoadError):
        from_data(data)


def test_maintain_means_the_same_value() -> None:
    """`direction: maintain` with a target ten times the baseline is flagged (HP210)."""
    data = complete_data()
    data["fields_of_action"][0]["strategic_objectives"][0]["operational_objectives"][0][
        "indicator"
    ]["direction"] = "maintain"
    assert check(from_data(data)).codes() == ["HP210"]


def test_signature_blocks_do_not_split() -> None:
    """Every row of every signature block is kept on one page with the rows after it."""
    data = complete_data()
    data["signatories"] += [
        {"side": "partner", "name": f"Person {i}", "function": {"de": "A", "fr": "B"}}
        for i in range(3)
    ]
    document = docx.Document(io.BytesIO(render_docx(from_data(data), charts=False).data))
    blocks = [t for t in document.tables if len(t.rows) >= 4 and (
              "Unterschrift" in t.rows[3].cells[0].text
              or "Unterschrift" in t.rows[3].cells[1].text)]  # fmt: skip
    assert len(blocks) == 4
    assert [len(t.rows) for t in blocks] == [4, 4, 4, 5]  # the seal areas below the last
    for table in blocks:
        for row in table.rows:
            assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        for row in table.rows[:3]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph.paragraph_format.keep_with_next
