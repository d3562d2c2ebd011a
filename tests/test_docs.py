"""Reference pages generated from the code are committed up to date; README commands exist."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from handlungsprogramm.cli import app
from handlungsprogramm.i18n.messages import LOAD_CODES
from tests.conftest import ROOT

runner = CliRunner()


@pytest.mark.parametrize(("page", "lang"), [("rules.md", "en"), ("rules.de.md", "de")])
def test_rules_page_is_current(page: str, lang: str) -> None:
    """docs/rules*.md equal the output of `rules --format markdown` (regenerate if not)."""
    result = runner.invoke(app, ["rules", "--format", "markdown", "--lang", lang])
    assert result.exit_code == 0
    assert (ROOT / "docs" / page).read_text(encoding="utf-8") == result.stdout


def test_check_json_page_points_to_the_load_codes_and_its_examples_match(tmp_path: Path) -> None:
    """docs/check-json.md sends readers to the generated load code table (the catalogue is the
    one source), and its examples are valid JSON with the keys `check --format json` writes."""
    page = (ROOT / "docs" / "check-json.md").read_text(encoding="utf-8")
    assert "(rules.md#load-problems-hp0xx)" in page
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "\n## Load problems (HP0xx)\n" in rules  # the anchor the link names
    examples = [json.loads(block.split("```", 1)[0]) for block in page.split("```json\n")[1:]]
    assert len(examples) == 2
    assert examples[0]["format"] == "handlungsprogramm.check/1"
    finding, problem = examples[0]["files"][0]["findings"][0], examples[1]["problems"][0]
    assert set(examples[1]) == set(examples[0]["files"][0])
    unknown_key = tmp_path / "p.yaml"
    unknown_key.write_text("titel: x\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(unknown_key), "--format", "json"])
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert "HP010" in {p["code"] for p in problems}
    assert all(set(p) == set(problem) for p in problems)
    assert {"fix", "title", "message"} <= set(problem) & set(finding)


@pytest.mark.parametrize(("page", "lang"), [("rules.md", 0), ("rules.de.md", 1)])
def test_rules_pages_list_every_load_code_before_the_rules(page: str, lang: int) -> None:
    """The rules reference has a row per HP0xx code with its title, meaning and fix, in the
    page's language, in a section of its own before the completeness rules."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    load_part, rules_part = text.split("\n## ", 2)[1:]
    assert load_part.startswith(("Load problems (HP0xx)", "Ladeprobleme (HP0xx)")[lang])
    assert rules_part.startswith(("Completeness rules", "Vollständigkeitsregeln")[lang])
    rows = re.findall(r"^\| (HP\d{3}) \| (.*) \|$", load_part, flags=re.MULTILINE)
    assert [code for code, _ in rows] == sorted(LOAD_CODES)
    for code, cells in rows:
        entry = LOAD_CODES[code]
        assert cells.split(" | ") == [entry.title[lang], entry.meaning[lang], entry.fix[lang]]
    assert "| HP101 |" in rules_part
    assert "| HP0" not in rules_part


def test_readme_starts_with_the_two_commands() -> None:
    """The Quick start has exactly the two set-up commands, and .ci/run calls the test one."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["./dev example", "./dev test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec ./dev test" in ci


def test_templates_page_context_is_current() -> None:
    """docs/templates.md's context table is the one generated from CONTEXT_DOC."""
    from handlungsprogramm.render.context import context_markdown

    page = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    table = page.split("-->\n", 1)[1].split("<!-- context:end -->", 1)[0]
    assert table == context_markdown()


def test_context_keys_are_documented() -> None:
    """Every top-level name the renderer puts into the context is documented, and only those."""
    import io

    from docxtpl import DocxTemplate

    from handlungsprogramm import load
    from handlungsprogramm.checks import check
    from handlungsprogramm.compose.context import CONTEXT_DOC, build_context
    from handlungsprogramm.fingerprint import fingerprint, short_fingerprint
    from handlungsprogramm.render.docx import standard_template
    from handlungsprogramm.render.writer import Layout
    from handlungsprogramm.totals import compute_totals
    from tests.conftest import EXAMPLE

    programme = load(EXAMPLE)
    DocxTemplate(io.BytesIO(standard_template()))
    context = build_context(
        programme, compute_totals(programme), check(programme),
        layout=Layout.SIDE_BY_SIDE.value, draft=False, fingerprint=fingerprint(programme),
        short=short_fingerprint(programme),
    )  # fmt: skip
    assert set(context) | {"blocks"} == set(CONTEXT_DOC)


def test_generated_pages_are_current() -> None:
    """Every page docs/generate.py writes equals what the code gives now (run it if not)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    assert len(generate.PAGES) == 9
    assert [str(p.relative_to(ROOT)) for p in generate.stale()] == []


def test_input_format_page_names_every_model_field() -> None:
    """The generated input format reference has a row for every field of every model."""
    from handlungsprogramm.schema import json_schema

    page = (ROOT / "docs" / "input-format.md").read_text(encoding="utf-8")
    schema = json_schema()
    for name, node in [("Programme", schema), *schema["$defs"].items()]:
        for key in node.get("properties", {}):
            assert f"| `{key}` |" in page, (name, key)
        if name != "Programme":
            assert f"\n## {name}\n" in page


def test_cli_page_names_every_command_and_option() -> None:
    """docs/cli.md has a section per command and every option of each."""
    import typer.main

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    root: Any = typer.main.get_command(app)
    for name, command in root.commands.items():
        subcommands = getattr(command, "commands", {name: command})
        for sub_name, sub in subcommands.items():
            title = name if sub is command else f"{name} {sub_name}"
            section = page.split(f"## `{title}`\n", 1)[1].split("\n## ", 1)[0]
            for param in sub.params:
                for opt in param.opts if param.param_type_name == "option" else []:
                    assert f"`{opt}`" in section, (title, opt)
