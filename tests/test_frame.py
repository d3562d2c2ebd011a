"""The frame of the publication: title page, imprint on its back, the summary.

The plan tests run in milliseconds; the last test (slow) reads a built PDF back: no
running footer on the title page, the summary's figures on its pages, the page count
in the footers still right.
"""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from handlungsprogramm import from_data, load
from handlungsprogramm.checks import check
from handlungsprogramm.compose.chapters import CHAPTERS, Composer, chapters
from handlungsprogramm.compose.plan import (
    Columns,
    CoverFunders,
    CoverParties,
    Heading,
    Node,
    Para,
    Table,
)
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.model import FundingStatus, Programme
from handlungsprogramm.totals import compute_totals, estimated_reduction, secured_share
from tests.conftest import ROOT, complete_data

PFINZTAL = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"
JENA = ROOT / "examples" / "jena-maputo" / "programme.yaml"
NNBSP = "\u202f"


def _plan(programme: Programme, name: str) -> tuple[Node, ...]:
    composer = Composer(programme, compute_totals(programme), check(programme), "ab" * 32)
    nodes = chapters(composer, draft=False)[name]()
    assert nodes is not None, name
    return nodes


def _tables(nodes: tuple[Node, ...]) -> dict[str, Table]:
    """Each table by the German title of the heading above it."""
    found: dict[str, Table] = {}
    title = ""
    for node in nodes:
        if isinstance(node, Heading):
            title = node.title.de if isinstance(node.title, Bi) else node.title
        elif isinstance(node, Table):
            found[title] = node
    return found


def _cell(cell: object) -> tuple[str, str]:
    assert isinstance(cell, Bi | str), cell
    return (cell.de, cell.partner) if isinstance(cell, Bi) else (cell, cell)


@pytest.fixture(scope="module")
def pfinztal() -> Programme:
    return load(PFINZTAL)


@pytest.fixture(scope="module")
def summary(pfinztal: Programme) -> dict[str, Table]:
    return _tables(_plan(pfinztal, "summary"))


def test_the_summary_follows_the_contents_before_the_vision() -> None:
    assert CHAPTERS.index("cover") < CHAPTERS.index("imprint") < CHAPTERS.index("summary")
    assert CHAPTERS.index("summary") < CHAPTERS.index("vision")


def test_key_figures_in_both_languages(summary: dict[str, Table]) -> None:
    rows = {_cell(r[0])[0]: _cell(r[1]) for r in summary["Auf einen Blick"].rows}
    assert rows["Laufzeit"] == (
        "Januar 2025\u2009–\u2009Dezember 2030",
        "janvier 2025\u2009–\u2009décembre 2030",
    )
    assert rows["Handlungsfelder"] == ("4", "4")
    assert rows["Maßnahmen"] == ("17", "17")
    assert rows["Geschätzte Emissionsminderung"] == (
        "1.085 t CO₂e pro Jahr (Summe der Schätzungen von 10 der 17 Maßnahmen)",
        f"1{NNBSP}085 t CO₂e par an (somme des estimations de 10 mesures sur 17)",
    )


def test_reduction_is_the_sum_of_the_estimates_given(pfinztal: Programme) -> None:
    given = [m.estimated_reduction for m in pfinztal.measures if m.estimated_reduction is not None]
    assert (
        estimated_reduction(pfinztal) == (sum(given, Decimal(0)), len(given)) == (Decimal(1085), 10)
    )


def test_measures_by_pillar_and_lead(pfinztal: Programme, summary: dict[str, Table]) -> None:
    table = summary["Maßnahmen nach Säule und Federführung"]
    assert [_cell(h)[0] for h in table.header] == [
        "Säule", "Pfinztal", "Commune de Kidira", "Gemeinsam", "Gesamt"
    ]  # fmt: skip
    rows = [[_cell(c)[0].replace("\u00ad", "") for c in row] for row in table.rows]
    assert rows == [
        ["Klimaschutz", "3", "4", "–", "7"],
        ["Klimafolgenanpassung", "1", "2", "–", "3"],
        ["Klimaschutz und Klimafolgenanpassung", "2", "4", "1", "7"],
        ["Gesamt", "6", "10", "1", "17"],
    ]
    assert _cell(table.rows[0][0])[1] == "Atténuation"
    assert table.label_rows == frozenset({3})
    assert int(rows[-1][-1]) == len(pfinztal.measures)


def test_money_per_currency_with_its_secured_share_never_added(summary: dict[str, Table]) -> None:
    table = summary["Finanzmittel je Währung"]
    rows = [[_cell(c) for c in row] for row in table.rows]
    assert [r[0][0] for r in rows] == ["EUR", "XOF"]  # one row per currency, no grand total
    assert rows[0][1:] == [
        ("3.060.000,00\u00a0€", f"3{NNBSP}060{NNBSP}000,00\u00a0€"),
        ("872.000,00\u00a0€", f"872{NNBSP}000,00\u00a0€"),
        ("28,5\u00a0%", "28,5\u00a0%"),
    ]
    assert rows[1][1][0] == "55.550.000\u00a0F\u202fCFA"
    assert rows[1][3] == ("8,2\u00a0%", "8,2\u00a0%")


def test_secured_share_rounds_to_a_tenth(pfinztal: Programme) -> None:
    totals = compute_totals(pfinztal).money["EUR"]
    assert secured_share(totals) == Decimal("28.5")
    totals.by_status = {FundingStatus.SECURED: totals.total}
    assert str(secured_share(totals)) == "100"


def test_leads_per_municipality(summary: dict[str, Table], pfinztal: Programme) -> None:
    """Each municipality with the codes of the measures it leads and their number."""
    table = summary["Federführung nach Kommune"]
    # the joint measure counts for both: 7 + 11 > 17
    assert [_cell(row[2])[0] for row in table.rows] == ["7", "11"]
    assert _cell(table.rows[0][0])[0] == "Pfinztal"
    joint = [m.code for m in pfinztal.measures if m.lead and m.lead.side.value == "both"]
    assert joint
    assert all(code in _cell(row[1])[0] for row in table.rows for code in joint)


def test_summary_in_portuguese_formats(tmp_path: Path) -> None:
    tables = _tables(_plan(load(JENA), "summary"))
    money = {_cell(r[0])[0]: _cell(r[1]) for r in tables["Finanzmittel je Währung"].rows}
    # each language's digit groups, no-break spaces throughout (pt-PT / Mozambique)
    assert money["MZN"] == ("38.700.000,00\u00a0MZN", "38\u00a0700\u00a0000,00\u00a0MZN")
    assert [_cell(h)[1] for h in tables["Finanzmittel je Währung"].header][3] == (
        "Proporção assegurada"
    )


def test_no_summary_without_measures() -> None:
    data = complete_data()
    data["measures"] = []
    programme = from_data(data)
    composer = Composer(programme, compute_totals(programme), check(programme), "ab" * 32)
    assert chapters(composer, draft=False)["summary"]() is None


def test_title_page_has_no_publisher_or_notice_but_the_funders(pfinztal: Programme) -> None:
    nodes = _plan(pfinztal, "cover")
    assert isinstance(nodes[0], CoverParties)
    columns = next(n for n in nodes if isinstance(n, Columns))
    lines = [line for row in columns.rows for line in row.lines]
    assert Bi("Thematische Partnerschaft seit 2021", "Partenariat thématique depuis 2021") in lines
    assert (
        Bi(
            "Laufzeit: Januar 2025\u2009–\u2009Dezember 2030",
            f"Période{NNBSP}: janvier 2025\u2009–\u2009décembre 2030",
        )
        in lines
    )
    assert (
        Bi(
            "Version 1.0 · Stand: 10.\u00a0Juli 2025",
            f"Version 1.0 · Date{NNBSP}: 10\u00a0juillet 2025",
        )
        in lines
    )
    funders = nodes[-1]
    assert isinstance(funders, CoverFunders)
    assert funders.caption == Bi("Gefördert durch", "Financé par")
    assert funders.names == (Bi("Engagement Global / SKEW", "Engagement Global / SKEW"),)
    text = repr(nodes)
    assert "Herausgeber" not in text  # on the back of the page
    assert "BMZ" not in text


def test_imprint_has_publisher_fingerprint_and_notice(pfinztal: Programme) -> None:
    heading, columns = _plan(pfinztal, "imprint")
    assert isinstance(heading, Para)
    assert heading.text == Bi("Impressum", "Mentions légales")
    assert isinstance(columns, Columns)
    labels = [row.label.de for row in columns.rows if row.label is not None]
    assert labels == [
        "Herausgeber", "Stand", "Prüfsumme des Inhalts (SHA-256)", "Gefördert durch",
        "Förderhinweis",
    ]  # fmt: skip
    fingerprint = columns.rows[2].lines[0].de
    assert fingerprint.replace(" ", "") == "ab" * 32
    notice = columns.rows[-1].lines[0]
    assert "BMZ" in notice.de
    assert "BMZ" in notice.partner
    assert notice.de != notice.partner


def test_the_partnership_is_named_when_the_title_does_not(pfinztal: Programme) -> None:
    data = pfinztal.model_dump(mode="json", exclude_none=True)
    data["title"] = {"de": "Handlungsprogramm", "fr": "Programme d’action"}
    nodes = _plan(from_data(data), "cover")
    columns = next(n for n in nodes if isinstance(n, Columns))
    assert columns.rows[0].lines[0] == Bi(
        "Kommunale Klimapartnerschaft Pfinztal – Kidira",
        "Partenariat climatique communal Pfinztal – Kidira",
    )


@pytest.mark.slow
def test_pdf_title_page_without_footer_and_summary_with_figures(tmp_path: Path) -> None:
    """Built with LibreOffice and read back: page 1 carries no running footer, page 2
    (the imprint) does, with the right page count; the summary carries the figures."""
    from typer.testing import CliRunner

    from handlungsprogramm.cli import app

    result = CliRunner().invoke(
        app, ["build", str(PFINZTAL), "--to", "pdf", "--out", str(tmp_path)], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "pfinztal-commune-de-kidira.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")[:-1]
    for footer_text in ("Seite", "Page", "SHA-256"):
        assert footer_text not in pages[0]
    assert "Gefördert durch / Financé par" in pages[0]
    count = len(pages)
    assert f"Seite 2 von {count} / Page 2 sur {count}" in pages[1]
    assert "Impressum / Mentions légales" in pages[1]
    for number, page in enumerate(pages[1:], start=2):
        assert re.search(rf"Seite {number} von {count}\b", page), number
    summary = next(i for i, page in enumerate(pages) if "Kurzfassung / Résumé" in page and i > 2)
    figures = "\n".join(pages[summary : summary + 2])
    for wanted in ("3.060.000,00 €", "28,5 %", "1.085 t CO₂e pro Jahr", "10 der 17", "8,2 %"):
        assert wanted in figures.replace("\u00a0", " "), wanted


def test_tables_are_numbered_in_print_order_with_captions_in_both_languages() -> None:
    """Every data table has a caption above it, "Tabelle N: …" / "Tabela N: …", numbered
    1, 2, 3 … through the document in the order the chapters print them."""

    jena = load(JENA)
    composer = Composer(jena, compute_totals(jena), check(jena), "ab" * 32)
    planned = chapters(composer, draft=False)
    captions = [
        node.caption
        for name in CHAPTERS
        if name in planned
        for node in planned[name]() or ()
        if isinstance(node, Table)
    ]
    assert captions
    assert all(caption is not None for caption in captions)
    numbers = [re.match(r"Tabelle (\d+): ", c.de) for c in captions if c is not None]
    partner = [re.match(r"Tabela (\d+): ", c.partner) for c in captions if c is not None]
    assert [int(m.group(1)) for m in numbers if m] == list(range(1, len(captions) + 1))
    assert [int(m.group(1)) for m in partner if m] == list(range(1, len(captions) + 1))
    assert captions[0] == Bi("Tabelle 1: Auf einen Blick", "Tabela 1: Em síntese")


def test_french_table_caption_has_a_narrow_space_before_its_colon(pfinztal: Programme) -> None:
    table = _tables(_plan(pfinztal, "summary"))["Auf einen Blick"]
    assert table.caption is not None
    assert table.caption.partner.startswith(f"Tableau 1{NNBSP}: ")


def test_a_measures_hazards_are_one_line_of_names(pfinztal: Programme) -> None:
    """Several hazards are one value set apart by middle dots, each name as it is on its
    own (no "…, … und …" sentence that lower-cases or doubles an "und")."""
    from handlungsprogramm.compose.chapters.measures import measure_rows
    from handlungsprogramm.i18n.labels import enum_label

    composer = Composer(pfinztal, compute_totals(pfinztal), check(pfinztal), "ab" * 32)
    measure = next(m for m in pfinztal.measures if len(m.hazards) > 1)
    row = next(r for r in measure_rows(composer, measure) if r.label.de.startswith("Berücks"))
    assert row.de == "\u00a0· ".join(enum_label(h, "de") for h in measure.hazards)
    assert row.partner == "\u00a0· ".join(enum_label(h, "fr") for h in measure.hazards)
