"""The document plan: what every chapter says, tested as data, without Word.

These run in milliseconds. A chapter's wording, its tables' columns and rows, the
figures it places and the signature blocks are asserted on the plan's nodes; the
golden tests (tests/test_golden.py) pin how the Word writer lays them out.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from handlungsprogramm import from_data, load
from handlungsprogramm.checks import check
from handlungsprogramm.compose.chapters import CHAPTERS, Composer, chapters
from handlungsprogramm.compose.plan import (
    FieldTable,
    Figure,
    Heading,
    Markdown,
    MeasureSheets,
    Node,
    Para,
    Parallel,
    Role,
    SignatureRow,
    Table,
)
from handlungsprogramm.compose.values import Bi
from handlungsprogramm.errors import ProgrammeLoadError
from handlungsprogramm.i18n.formatting import format_money
from handlungsprogramm.i18n.labels import label
from handlungsprogramm.model import Programme, Side
from handlungsprogramm.render.geometry import bookmark_name
from handlungsprogramm.totals import compute_totals
from tests.conftest import ROOT, complete_data

EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))


def _composer(programme: Programme, charts: dict[str, object] | None = None) -> Composer:
    return Composer(programme, compute_totals(programme), check(programme), "ab" * 32, charts or {})  # type: ignore[arg-type]


def _plan(programme: Programme, name: str, *, draft: bool = False) -> tuple[Node, ...]:
    nodes = chapters(_composer(programme), draft=draft)[name]()
    assert nodes is not None, name
    return nodes


def _all_nodes(nodes: tuple[Node, ...]) -> Iterator[Node]:
    for node in nodes:
        if isinstance(node, MeasureSheets):
            for sheet in node.sheets():
                yield from sheet
        else:
            yield node


@pytest.fixture(scope="module")
def pfinztal() -> Programme:
    return load(ROOT / "examples" / "pfinztal-kidira" / "programme.yaml")


def test_compose_imports_no_word_xml_or_drawing_library() -> None:
    """The plan decides words only: importing it loads neither python-docx, docxtpl,
    lxml nor matplotlib (a second writer, or a test, needs none of them)."""
    code = (
        "import sys, handlungsprogramm.compose.chapters, handlungsprogramm.compose.context\n"
        "print(sorted(m for m in ('docx', 'docxtpl', 'lxml', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_chapter_of_every_example_is_planned_as_frozen_nodes(path: Path) -> None:
    """Every chapter plans; nodes are immutable; every table row has one cell per column."""
    programme = load(path)
    planners = chapters(_composer(programme), draft=True)
    assert tuple(planners) == CHAPTERS
    for name, plan in planners.items():
        nodes = plan()
        assert nodes is not None or name in {"abbreviations", "references"}, name
        for node in _all_nodes(nodes or ()):
            assert dataclasses.is_dataclass(node)
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(node, dataclasses.fields(node)[0].name, None)
            if isinstance(node, Table):
                assert all(len(row) == len(node.widths) for row in node.rows)


def test_a_table_with_a_missing_cell_is_refused() -> None:
    with pytest.raises(ValueError, match="one cell per column"):
        Table(("a", "b"), (("1",),), (1.0, 2.0))


def test_the_overview_shows_each_budget_in_both_formats(pfinztal: Programme) -> None:
    """The budget column holds each currency's sum in German and in French format."""
    table = next(n for n in _plan(pfinztal, "measures_overview") if isinstance(n, Table))
    assert [h.de for h in table.header if isinstance(h, Bi)][-1] == "Finanzmittel"
    budgets = [row[-1] for row in table.rows]
    first = budgets[0]
    assert isinstance(first, tuple)
    assert all(isinstance(x, Bi) for x in first)
    assert all(x.de != x.partner for x in first if isinstance(x, Bi))
    assert any("\u202f" in x.partner for x in first if isinstance(x, Bi))  # French groups


def test_the_overview_places_the_time_plan_after_its_table(pfinztal: Programme) -> None:
    """Figures come from the charts given, by name, numbered, with caption and alt text;
    a chart of another chapter is not placed here."""
    chart = dataclasses.make_dataclass("C", ["name", "title", "alt", "png"], frozen=True)
    charts = {
        "timeline-1": chart("timeline-1", ("Zeitplan", "Calendrier"), ("a", "b"), b"png"),
        "money-EUR": chart("money-EUR", ("Geld", "Argent"), ("c", "d"), b"png"),
    }
    composer = _composer(pfinztal, charts)
    nodes = chapters(composer, draft=False)["measures_overview"]()
    assert nodes is not None
    assert isinstance(nodes[0], Table)
    assert nodes[1:] == (
        Figure(
            b"png",
            Bi("Abbildung 1: Zeitplan", "Figure 1\u202f: Calendrier"),
            Bi("Zeitplan", "Calendrier"),
            Bi("a", "b"),
        ),
    )


def test_measure_sheets_are_planned_on_demand(pfinztal: Programme) -> None:
    """The sheets are a lazy node: planning the chapter plans no sheet yet."""
    (node,) = _plan(pfinztal, "measures")
    assert isinstance(node, MeasureSheets)
    assert node.count == len(pfinztal.measures)
    sheets = list(node.sheets())
    assert len(sheets) == node.count
    heading, *rest = sheets[0]
    measure = pfinztal.measures[0]
    assert heading == Heading(
        Bi(
            f"{measure.code} {measure.title.get('de')}", f"{measure.code} {measure.title.get('fr')}"
        ),
        2,
    )
    assert isinstance(rest[-1], FieldTable)
    assert rest[-1].languages == Bi("Deutsch", "Français")


def test_a_joint_lead_names_both_towns_and_says_joint() -> None:
    data = complete_data()
    measure = data["measures"][0]
    measure["lead"] = {
        "side": "both",
        "department": {"de": "Umweltamt", "fr": "Service environnement"},
        "partner_department": {"de": "Technischer Dienst", "fr": "Service technique"},
    }
    programme = from_data(data)
    (node,) = _plan(programme, "measures")
    assert isinstance(node, MeasureSheets)
    table = next(n for n in next(node.sheets()) if isinstance(n, FieldTable))
    lead = next(r for r in table.rows if r.label.de == "Federführung")
    german, partner = programme.partnership.german.name, programme.partnership.partner.name
    assert lead.de == (
        f"{german}: Umweltamt",
        f"{partner}: Technischer Dienst",
        "beide Kommunen gemeinsam",
    )
    assert lead.partner[:2] == (  # type: ignore[index]
        f"{german}\u202f: Service environnement",
        f"{partner}\u202f: Service technique",
    )


def test_resources_total_line_keeps_with_its_chart_and_is_in_both_formats(
    pfinztal: Programme,
) -> None:
    nodes = _plan(pfinztal, "resources")
    heading = nodes[0]
    assert isinstance(heading, Heading)
    assert heading.title == "EUR"
    total = nodes[1]
    assert isinstance(total, Para)
    eur = compute_totals(pfinztal).money["EUR"].total
    assert isinstance(total.text, Bi)
    assert total.text == Bi(
        f"Gesamt: {format_money(eur, 'EUR', 'de')}",
        f"Total\u202f: {format_money(eur, 'EUR', 'fr')}",
    )
    # without charts there is nothing to keep with
    assert total.keep_with_next is False


def test_strategic_objectives_are_headings_over_their_tables_without_a_duplicate_year(
    pfinztal: Programme,
) -> None:
    """Each strategic objective is a level-3 heading (it keeps with the table of its
    operational objectives under it); its year is named once per language."""
    nodes = _plan(pfinztal, "objectives")
    headings = [n for n in nodes if isinstance(n, Heading) and n.level == 3]
    strategic = [s for field in pfinztal.fields_of_action for s in field.strategic_objectives]
    assert len(headings) == len(strategic)
    for heading, objective in zip(headings, strategic, strict=True):
        assert isinstance(heading.title, Bi)
        assert heading.title.de.startswith(f"{objective.code} ")
        year = str(objective.target_year)
        assert heading.title.de.count(year) == 1
        assert heading.title.partner.count(year) == 1
        following = nodes[nodes.index(heading) + 1]
        if objective.operational_objectives:
            table = following if isinstance(following, Table) else nodes[nodes.index(heading) + 2]
            assert isinstance(table, Table)
            assert table.rows[0][0] == objective.operational_objectives[0].code


def test_signatures_have_one_row_per_signatory_and_a_bookmark_per_box(
    pfinztal: Programme,
) -> None:
    nodes = _plan(pfinztal, "signatures")
    assert isinstance(nodes[0], Parallel)
    assert nodes[0].role is Role.CLAUSE
    rows = [n for n in nodes if isinstance(n, SignatureRow)]
    german = pfinztal.signatories_of(pfinztal.signatories[0].side)
    assert len(rows) == max(1, len(german), len(pfinztal.signatories) - len(german))
    first = rows[0].cells[0]
    assert first is not None
    assert first.bookmark == "HPSignatureGerman"
    assert first.municipality == pfinztal.partnership.german.name


def test_the_clause_names_both_resolutions_and_the_originals(pfinztal: Programme) -> None:
    """Both languages name each council's body, the date of its resolution in the
    language's own format and its reference; then two originals, both versions
    equally authentic (French with its no-break spaces and apostrophe)."""
    clause = _plan(pfinztal, "signatures")[0]
    assert isinstance(clause, Parallel)
    de = "\n".join(p.de for p in clause.paragraphs)
    fr = "\n".join(p.partner for p in clause.paragraphs)
    assert "Gemeinderat Pfinztal, Beschluss vom 24.\u00a0Juni 2025 (GR 2025/087)" in de
    assert "Gemeinderat von Kidira, Beschluss vom 5.\u00a0Juli 2025 (Délibération n°\u00a0012" in de
    assert "Conseil municipal de Pfinztal, délibération du 24\u00a0juin 2025 (GR 2025/087)" in fr
    assert "Conseil municipal de Kidira, délibération du 5\u00a0juillet 2025" in fr
    assert "in zwei Originalen, jedes in den Sprachen Deutsch und Französisch" in de
    assert "gleichermaßen verbindlich" in de
    assert "en deux exemplaires originaux, chacun en allemand et en français" in fr
    assert "faisant également foi" in fr
    assert "programme d’action commun" in fr
    assert "communes\u202f:" in fr


@pytest.mark.parametrize(
    ("originals", "de", "partner"),
    [
        (1, "in einem Original in den Sprachen", "en un exemplaire original"),
        (3, "in drei Originalen", "en trois exemplaires originaux"),
    ],
)
def test_the_number_of_originals_is_spelled_out(originals: int, de: str, partner: str) -> None:
    data = complete_data()
    data["signing"] = {"originals": originals}
    last = _plan(from_data(data), "signatures")[0]
    assert isinstance(last, Parallel)
    assert de in last.paragraphs[-1].de
    assert partner in last.paragraphs[-1].partner


@pytest.mark.parametrize("originals", [0, 11, "2"])
def test_the_number_of_originals_is_validated(originals: object) -> None:
    data = complete_data()
    data["signing"] = {"originals": originals}
    with pytest.raises(ProgrammeLoadError):
        from_data(data)


def test_without_resolutions_the_clause_names_only_the_originals() -> None:
    data = complete_data()
    data["adoptions"] = []
    clause = _plan(from_data(data), "signatures")[0]
    assert isinstance(clause, Parallel)
    assert len(clause.paragraphs) == 1
    assert clause.paragraphs[0].de.startswith("Ausgefertigt in zwei Originalen")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_each_side_signs_in_its_town_with_a_seal_below(path: Path) -> None:
    """The place is the town, not the institution; the last row marks a seal area per
    side, labelled in both languages; the fingerprint is the small print at the foot."""
    programme = load(path)
    nodes = _plan(programme, "signatures")
    rows = [n for n in nodes if isinstance(n, SignatureRow)]
    for side in Side:
        municipality = programme.partnership.municipality(side)
        town = municipality.town or municipality.name
        assert side is Side.GERMAN or municipality.town  # every example's partner has one
        cells = [c for row in rows for c in row.cells if c and c.bookmark.startswith(
            bookmark_name(side))]  # fmt: skip
        places = [cell.place for cell in cells]
        assert places == [f"{town}, "] * max(1, len(programme.signatories_of(side)))
    assert all(row.seals is None for row in rows[:-1])
    seal = Bi(label("signature.seal", "de"), label("signature.seal", programme.partner_language))
    last = rows[-1]
    assert last.seals is not None
    # a seal below the first column of each side, nowhere else
    firsts = [
        i for i, c in enumerate(last.cells)
        if c is not None and c.bookmark in (bookmark_name(Side.GERMAN), bookmark_name(Side.PARTNER))
    ] if len(last.cells) > 2 else [0, 1]  # fmt: skip
    assert [i for i, s in enumerate(last.seals) if s is not None] == firsts
    assert {s for s in last.seals if s is not None} == {seal}
    assert seal.de == "Dienstsiegel"
    fingerprint = nodes[-2:]
    assert all(isinstance(n, Para) and n.role is Role.FINGERPRINT for n in fingerprint)
    assert fingerprint[-1] == Para(" ".join(["abab"] * 16), Role.FINGERPRINT)
    assert not any(isinstance(n, Para) and "abab" in str(n.text) for n in nodes[:-1])


def test_functions_are_in_both_languages_and_several_signatories_each_get_a_box() -> None:
    """Pforzheim signs with one, Mtwara with two: three columns in one row, German first."""
    programme = load(ROOT / "examples" / "pforzheim-mtwara" / "programme.yaml")
    rows = [n for n in _plan(programme, "signatures") if isinstance(n, SignatureRow)]
    assert len(rows) == 1
    german, mayor, director = rows[0].cells
    assert german is not None
    assert mayor is not None
    assert director is not None
    assert [german.bookmark, mayor.bookmark, director.bookmark] == [
        "HPSignatureGerman", "HPSignaturePartner", "HPSignaturePartner2",
    ]  # fmt: skip
    assert len({german.bookmark_id, mayor.bookmark_id, director.bookmark_id}) == 3
    assert director.function == Bi(
        "Stadtdirektor (Municipal Director) des Mtwara-Mikindani Municipal Council",
        "Municipal Director, Mtwara-Mikindani Municipal Council",
    )
    assert director.place == "Mtwara, "
    assert rows[0].seals is not None
    assert [s is not None for s in rows[0].seals] == [True, True, False]


@pytest.mark.parametrize(
    ("german", "partner", "shape"),
    [(1, 1, [2]), (2, 2, [4]), (1, 3, [4]), (2, 3, [2, 2, 2]), (0, 0, [2])],
)
def test_up_to_four_signatories_sign_in_one_row(
    german: int, partner: int, shape: list[int]
) -> None:
    """Up to four side by side (a page holds them with the clause and the seals); more
    in rows of two, the seals below the last. A side without names keeps its mayor's box."""
    data = complete_data()
    people = [
        {"side": side, "name": f"{side} {i}", "function": {"de": "Amt", "fr": "Fonction"}}
        for side, count in (("german", german), ("partner", partner))
        for i in range(count)
    ]
    data["signatories"] = people
    rows = [n for n in _plan(from_data(data), "signatures") if isinstance(n, SignatureRow)]
    assert [len(row.cells) for row in rows] == shape
    boxes = [c.bookmark for row in rows for c in row.cells if c is not None]
    assert len(boxes) == max(1, german) + max(1, partner)
    assert len(set(boxes)) == len(boxes)
    assert rows[-1].seals is not None
    assert sum(s is not None for s in rows[-1].seals) == 2


def test_a_missing_language_of_a_long_text_is_marked(pfinztal: Programme) -> None:
    data = complete_data()
    data["vision"] = {"de": "Nur Deutsch."}
    programme = from_data(data)
    assert _plan(programme, "vision") == (Markdown(Bi("Nur Deutsch.", "[…]")),)


def test_findings_only_in_a_draft(pfinztal: Programme) -> None:
    assert chapters(_composer(pfinztal), draft=False)["findings"]() is None
    nodes = _plan(pfinztal, "findings", draft=True)
    assert isinstance(nodes[0], Para)


def test_money_lines_show_share_and_breakdown_per_language() -> None:
    data = complete_data()
    money = data["measures"][0]["resources"]["money"][0]
    money.update({"amount": "1000", "currency": "EUR", "share": 90})
    programme = from_data(data)
    (node,) = _plan(programme, "measures")
    assert isinstance(node, MeasureSheets)
    table = next(n for n in next(node.sheets()) if isinstance(n, FieldTable))
    row = next(r for r in table.rows if r.label.de == "Finanzielle Ressourcen")
    assert isinstance(row.de, tuple)
    assert isinstance(row.partner, tuple)
    assert "1.000,00\u00a0€" in str(row.de[0])
    assert "90\u00a0%" in str(row.de[0])
    assert "1\u202f000,00\u00a0€" in str(row.partner[0])
    assert "90\u00a0%" in str(row.partner[0])


def test_figures_are_numbered_in_the_order_they_are_planned(pfinztal: Programme) -> None:
    chart = dataclasses.make_dataclass("C", ["name", "title", "alt", "png"], frozen=True)
    charts = {
        name: chart(name, (name, name), ("", ""), b"png")
        for name in ("timeline-1", "timeline-2", "money-EUR", "personnel", "indicators-1")
    }
    planners = chapters(_composer(pfinztal, charts), draft=False)
    captions = [
        node.caption.de
        for name in ("measures_overview", "resources", "objectives")
        for node in planners[name]() or ()
        if isinstance(node, Figure)
    ]
    # the parts of one chart (the time plan in two pictures) share its number
    assert captions == [
        "Abbildung 1: timeline-1",
        "Abbildung 1: timeline-2",
        "Abbildung 2: money-EUR",
        "Abbildung 3: personnel",
        "Abbildung 4: indicators-1",
    ]
