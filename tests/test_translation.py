"""Translation round trip: texts out as XLIFF 1.2, XLIFF 2.1 or PO, back in, and outdated
translations found.

The files are read back with lxml and validated against the schemas in tests/xliff; PO
files are read and written with polib, an independent reader (MIT). The draft example's
missing French texts go out, come back translated, and ``check`` no longer reports them;
a German text changed afterwards is reported (HP104) and offered again for review.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from handlungsprogramm import check, load
from handlungsprogramm.cli import app
from handlungsprogramm.errors import ProgrammeLoadError
from handlungsprogramm.fingerprint import fingerprint
from handlungsprogramm.translation import (
    Only,
    State,
    export_texts,
    read_translations,
    record,
    take_over,
    text_units,
)
from handlungsprogramm.workbook import canonical_json, from_workbook, to_workbook
from tests.conftest import ROOT

DRAFT = ROOT / "examples" / "drafts" / "lemgo-ouidah" / "programme.yaml"
PFINZTAL = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))
ENV = {"HANDLUNGSPROGRAMM_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
FRENCH = {
    "background": "*Exemple illustratif, volontairement incomplet.* Le partenariat est né en"
    " 2024\nd’un jumelage scolaire ; les équipes se réunissent chaque mois en ligne.",
    "measures/M-02/description": "Deux spécialistes de Lemgo accompagnent les gardiens d’Ouidah.",
}
SUFFIX = {"xliff": ".xlf", "xliff2": ".xliff", "po": ".po"}


def _schema(version: str) -> etree.XMLSchema:
    return etree.XMLSchema(
        etree.parse(str(ROOT / "tests" / "xliff" / f"xliff-{version}-exchange.xsd"))
    )


def _valid(data: bytes, version: str) -> etree._Element:
    schema = _schema(version)
    root = etree.fromstring(data)
    assert schema.validate(root), schema.error_log
    return root


def cli(*args: str, lang: str = "en") -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={**ENV, "HANDLUNGSPROGRAMM_LANG": lang})
    return result.exit_code, result.stdout, result.stderr


def _draft(tmp_path: Path) -> Path:
    target = tmp_path / "programme.yaml"
    shutil.copy(DRAFT, target)
    return target


def _translate(path: Path, texts: dict[str, str], *, done: bool = True) -> None:
    """What a translator's tool does: fill the targets (and mark them finished)."""
    if path.suffix == ".po":
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgctxt in texts:
                entry.msgstr = texts[entry.msgctxt]
                if done and "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        po.save(str(path))
        return
    tree = etree.parse(str(path))
    for unit in tree.iter(f"{X12}trans-unit"):
        if unit.get("id") in texts:
            target = unit.find(f"{X12}target")
            target.text = texts[unit.get("id")]
            if done:
                target.set("state", "translated")
    for unit in tree.iter(f"{X2}unit"):
        if unit.get("name") in texts:
            segment = unit.find(f"{X2}segment")
            target = segment.find(f"{X2}target")
            if target is None:
                target = etree.SubElement(segment, f"{X2}target")
            target.text = texts[unit.get("name")]
            if done:
                segment.set("state", "translated")
                segment.attrib.pop("subState", None)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def _exported_ids(path: Path) -> dict[str, str]:
    """Each unit's id and state as the file has it."""
    if path.suffix == ".po":
        return {e.msgctxt: ("fuzzy" if "fuzzy" in e.flags else "") for e in polib.pofile(str(path))}
    root = etree.parse(str(path)).getroot()
    if root.tag == f"{X12}xliff":
        return {
            u.get("id"): u.find(f"{X12}target").get("state") for u in root.iter(f"{X12}trans-unit")
        }
    return {
        u.get("name"): u.find(f"{X2}segment").get("subState") or u.find(f"{X2}segment").get("state")
        for u in root.iter(f"{X2}unit")
    }  # fmt: skip


@pytest.mark.parametrize("to", ["xliff", "xliff2", "po"])
def test_the_drafts_missing_french_goes_out_and_comes_back(tmp_path: Path, to: str) -> None:
    """The issue's criterion: the draft's missing French texts go out, come back
    translated, and check no longer reports them; the file keeps its comments."""
    programme_file = _draft(tmp_path)
    before = load(programme_file)
    missing = {f.dotted_path for f in check(before).findings if f.code == "HP101"}
    assert missing == {"background.fr", "measures[1].description.fr"}
    exported = tmp_path / f"texts{SUFFIX[to]}"
    code, _, err = cli("export", str(programme_file), "--to", to, "--out", str(exported))
    assert code == 0, err
    assert _exported_ids(exported).keys() == set(FRENCH)
    _translate(exported, FRENCH)
    code, _, err = cli("import", str(exported), "--into", str(programme_file))
    assert code == 0, err
    assert "2 translation(s) taken over" in err
    after = load(programme_file)
    assert after.background is not None
    assert after.background.get("fr") == FRENCH["background"]
    description = after.measures[1].description
    assert description is not None
    assert description.get("fr") == FRENCH["measures/M-02/description"]
    assert "HP101" not in check(after).codes()
    code, out, _ = cli("check", str(programme_file))
    assert "HP101" not in out
    text = programme_file.read_text(encoding="utf-8")
    assert text.startswith("# Gemeinsames Handlungsprogramm – Programme d'action commun\n")
    assert "# What is still open (on purpose)" in text  # comments kept
    assert {r.text for r in after.translated_from} == set(FRENCH)
    assert fingerprint(after) != fingerprint(before)  # the content changed: new French


def test_a_german_text_changed_afterwards_is_reported_and_offered_for_review(
    tmp_path: Path,
) -> None:
    programme_file = _draft(tmp_path)
    exported = tmp_path / "texts.xlf"
    cli("export", str(programme_file), "--out", str(exported), "--to", "xliff")
    _translate(exported, FRENCH)
    assert cli("import", str(exported), "--into", str(programme_file))[0] == 0
    text = programme_file.read_text(encoding="utf-8")
    programme_file.write_text(text.replace("Zwei Fachleute", "Drei Fachleute"), encoding="utf-8")
    programme = load(programme_file)
    outdated = [f for f in check(programme).findings if f.code == "HP104"]
    assert [f.dotted_path for f in outdated] == ["measures[1].description.fr"]
    assert outdated[0].severity.value == "warning"
    assert outdated[0].location is not None
    line = programme_file.read_text(encoding="utf-8").splitlines()[outdated[0].location.line - 1]
    assert line.strip().startswith("fr: ")  # located at the French text
    assert [
        f.severity.value for f in check(programme, final=True).findings if f.code == "HP104"
    ] == ["error"]
    code, out, _ = cli("check", str(programme_file), "--final", "--ignore", "HP205")
    assert code == 1
    assert "error HP104 measures[1].description.fr" in out
    assert "translations confirm FILE measures/M-02/description" in out
    review = tmp_path / "review.xlf"
    assert cli("export", str(programme_file), "--to", "xliff", "--out", str(review))[0] == 0
    root = _valid(review.read_bytes(), "1.2")
    (unit,) = root.iter(f"{X12}trans-unit")
    assert unit.get("id") == "measures/M-02/description"
    assert unit.find(f"{X12}source").text.startswith("Drei Fachleute")
    target = unit.find(f"{X12}target")
    assert target.get("state") == "needs-review-translation"
    assert target.text == FRENCH["measures/M-02/description"]
    po = tmp_path / "review.po"
    assert cli("export", str(programme_file), "--to", "po", "--out", str(po))[0] == 0
    (entry,) = polib.pofile(str(po))
    assert "fuzzy" in entry.flags
    xliff2 = tmp_path / "review.xliff"
    assert cli("export", str(programme_file), "--to", "xliff2", "--out", str(xliff2))[0] == 0
    segment = next(_valid(xliff2.read_bytes(), "2.1").iter(f"{X2}segment"))
    assert (segment.get("state"), segment.get("subState")) == (
        "initial",
        "handlungsprogramm:outdated",
    )
    # reviewed and returned: current again
    _translate(review, {"measures/M-02/description": "Trois spécialistes de Lemgo…"})
    assert cli("import", str(review), "--into", str(programme_file))[0] == 0
    assert "HP104" not in check(load(programme_file)).codes()


def test_an_unreviewed_outdated_translation_is_not_confirmed(tmp_path: Path) -> None:
    """Returned untouched, still marked for review: left as it was, still reported."""
    programme_file = _draft(tmp_path)
    exported = tmp_path / "texts.po"
    cli("export", str(programme_file), "--to", "po", "--out", str(exported))
    _translate(exported, FRENCH)
    cli("import", str(exported), "--into", str(programme_file))
    text = programme_file.read_text(encoding="utf-8")
    programme_file.write_text(text.replace("Zwei Fachleute", "Drei Fachleute"), encoding="utf-8")
    review = tmp_path / "review.po"
    cli("export", str(programme_file), "--to", "po", "--out", str(review))
    code, _, err = cli("import", str(review), "--into", str(programme_file))
    assert code == 0, err
    assert "0 translation(s) taken over, 0 confirmed unchanged, 1 left" in err
    assert "HP104" in check(load(programme_file)).codes()
    _translate(review, {}, done=True)  # nothing changed; the reviewer removes "fuzzy"
    po = polib.pofile(str(review))
    po[0].flags.remove("fuzzy")
    po.save(str(review))
    code, _, err = cli("import", str(review), "--into", str(programme_file))
    assert "1 confirmed unchanged" in err
    assert "HP104" not in check(load(programme_file)).codes()


def test_a_stale_unit_is_refused_with_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    programme_file = _draft(tmp_path)
    exported = tmp_path / "texts.xlf"
    cli("export", str(programme_file), "--to", "xliff", "--out", str(exported))
    _translate(exported, FRENCH)
    text = programme_file.read_text(encoding="utf-8").replace("Zwei Fachleute", "Drei Fachleute")
    programme_file.write_text(text, encoding="utf-8")
    before = programme_file.read_bytes()
    code, _, err = cli("import", str(exported), "--into", str(programme_file))
    assert code == 2
    line = next(
        n for n, row in enumerate(exported.read_text(encoding="utf-8").splitlines(), 1)
        if 'id="measures/M-02/description"' in row
    )  # fmt: skip
    assert f"texts.xlf:{line}:1: error HP014 measures[1].description: the German text of" in err
    assert programme_file.read_bytes() == before
    code, _, err = cli("import", str(exported), "--into", str(programme_file), "--skip-stale")
    assert code == 0, err
    assert f"texts.xlf:{line}:1: left out: the German text of 'measures/M-02/description'" in err
    after = load(programme_file)
    assert after.background is not None
    assert after.background.get("fr") == FRENCH["background"]
    description = after.measures[1].description
    assert description is not None
    assert description.get("fr") == ""


def _returned(tmp_path: Path, edit: Callable[[str], str], suffix: str = ".xlf") -> bytes:
    programme = load(DRAFT)
    data = export_texts(programme, "po" if suffix == ".po" else "xliff")
    assert data is not None
    return edit(data.decode("utf-8")).encode("utf-8")


@pytest.mark.parametrize(
    ("edit", "kind", "words"),
    [
        (lambda t: t.replace('id="background"', 'id="measures/M-99/title"'),
         "translation_unknown_text", "the programme has no text 'measures/M-99/title'"),
        (lambda t: t.replace('target-language="fr"', 'target-language="es"'),
         "translation_wrong_language", "the file translates de → es; the programme is in de → fr"),
        (lambda t: t.replace('id="measures/M-02/description"', 'id="background"'),
         "translation_unit_twice", "'background' is given a second time (first in line 9)"),
        (lambda t: t.replace("</xliff>", ""),
         "translation_unreadable", "not a readable XLIFF or PO file"),
        (lambda t: t.replace("<?xml version='1.0' encoding='UTF-8'?>",
                             "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]>"),
         "translation_unreadable", "it declares a DOCTYPE"),
        (lambda t: t.replace("urn:oasis:names:tc:xliff:document:1.2", "urn:example"),
         "translation_not_exchange", "(it starts with <xliff>)"),
    ],
    ids=["unknown", "language", "twice", "broken", "doctype", "not-xliff"],
)  # fmt: skip
def test_units_that_do_not_fit_are_named(
    tmp_path: Path, edit: Callable[[str], str], kind: str, words: str
) -> None:
    data = _returned(tmp_path, edit)
    with pytest.raises(ProgrammeLoadError) as caught:
        take_over(load(DRAFT), read_translations(data, "back.xlf"))
    (problem,) = caught.value.problems
    assert problem.kind == kind
    assert words in problem.message("en")
    assert problem.location is not None
    assert problem.location.file == "back.xlf"
    assert problem.message("de") != problem.message("en")


def test_a_po_file_that_is_not_po_is_refused_in_german(tmp_path: Path) -> None:
    programme_file = _draft(tmp_path)
    broken = tmp_path / "texts.po"
    broken.write_text('msgctxt "background"\nmsgid "a\nmsgstr "b"\n', encoding="utf-8")
    code, _, err = cli("import", str(broken), "--into", str(programme_file), lang="de")
    assert code == 2
    assert "Fehler HP007" in err
    assert "die Datei ist kein XLIFF 1.2, XLIFF 2.x oder PO wie exportiert" in err
    assert "Traceback" not in err
    broken.write_text('msgid "x"\nmsgstr "y"\nmsgid', encoding="utf-8")
    code, _, err = cli("import", str(broken), "--into", str(programme_file))
    assert code == 2
    assert "error HP004" in err
    assert "not a readable XLIFF or PO file" in err


def test_markdown_line_breaks_and_markup_survive_every_format() -> None:
    programme = load(DRAFT)
    text = "**Ziel:** 50 %\n\n- Schulen & <Kitas>\n- “Solar” für 90 % der Dächer\n  eingerückt "
    french = "**Objectif :** 50 %\n\n- écoles & <crèches>\n- « solaire »\n  indenté"
    from handlungsprogramm.loading import from_data
    from handlungsprogramm.workbook import canonical_data

    data = canonical_data(programme)
    data["background"] = {"de": text, "fr": ""}
    programme = from_data(data)
    for to in ("xliff", "xliff2", "po"):
        exported = export_texts(programme, to)
        assert exported is not None
        returned = read_translations(exported, "x")
        unit = next(u for u in returned.units if u.text_id == "background")
        assert unit.source == text.strip()
        back = unit.__class__(unit.text_id, unit.source, french, True, unit.location)
        returned.units = [back]
        after = take_over(programme, returned).programme
        assert after.background is not None
        assert after.background.get("fr") == french, to
        if to == "po":  # the independent reader sees the same text
            (entry,) = [e for e in polib.pofile(exported.decode()) if e.msgctxt == "background"]
            assert entry.msgid == text.strip()
            assert "python-format" not in entry.flags


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_text_of_every_example_exports_valid_files(example: Path) -> None:
    programme = load(example)
    units = text_units(programme)
    root = _valid(export_texts(programme, "xliff", Only.ALL) or b"", "1.2")
    assert [u.get("id") for u in root.iter(f"{X12}trans-unit")] == [u.id for u in units]
    for element in root.iter(f"{X12}trans-unit"):
        assert element.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
        assert element.find(f"{X12}note").text
    root = _valid(export_texts(programme, "xliff2", Only.ALL) or b"", "2.1")
    assert [u.get("name") for u in root.iter(f"{X2}unit")] == [u.id for u in units]
    for segment in root.iter(f"{X2}segment"):  # a state other than initial needs a target
        assert segment.get("state") == "initial" or segment.find(f"{X2}target") is not None
    po = polib.pofile((export_texts(programme, "po", Only.ALL) or b"").decode("utf-8"))
    assert [e.msgctxt for e in po] == [u.id for u in units]
    assert [e.msgid for e in po] == [u.source for u in units]
    assert po.metadata["Language"] == programme.partner_language
    assert not any("python-format" in e.flags for e in po)
    assert all(e.occurrences and e.occurrences[0][0] == example.name for e in po)
    assert len(units) == len({u.id for u in units})  # ids are unique


def test_exports_are_the_same_bytes_every_time() -> None:
    programme = load(EXAMPLES[0])
    for to in ("xliff", "xliff2", "po"):
        assert export_texts(programme, to, Only.ALL) == export_texts(
            load(EXAMPLES[0]), to, Only.ALL
        )


def test_nothing_to_translate_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "texts.xlf"
    code, _, err = cli("export", str(PFINZTAL), "--to", "xliff", "--out", str(out))
    assert code == 0
    assert "nothing to export: every text has a current translation into French" in err
    assert not out.exists()
    code, _, err = cli("export", str(PFINZTAL), "--to", "xliff", "--out", str(out), lang="de")
    assert "jeder Text hat eine aktuelle Übersetzung auf Französisch" in err


def test_options_that_do_not_fit_are_usage_errors(tmp_path: Path) -> None:
    code, _, err = cli("export", str(DRAFT), "--only", "all", "--out", str(tmp_path / "b.xlsx"))
    assert code == 2
    assert "HP937" in err
    assert "--only applies to translation files only" in err
    exported = tmp_path / "t.xlf"
    cli("export", str(DRAFT), "--to", "xliff", "--out", str(exported))
    code, _, err = cli("import", str(exported), "--out", str(tmp_path / "p.yaml"), lang="de")
    assert code == 2
    assert "Fehler HP938" in err
    assert not (tmp_path / "p.yaml").exists()


def test_translations_confirm_records_the_current_german(tmp_path: Path) -> None:
    programme_file = _draft(tmp_path)
    code, _, err = cli("translations", "confirm", str(programme_file), "vision")
    assert code == 0, err
    assert "1 translation(s) recorded" in err
    programme = load(programme_file)
    assert [r.text for r in programme.translated_from] == ["vision"]
    vision = next(u for u in text_units(programme) if u.id == "vision")
    assert vision.state is State.TRANSLATED
    text = programme_file.read_text(encoding="utf-8")
    programme_file.write_text(
        text.replace("Lemgo und Ouidah wollen", "Lemgo und Ouidah möchten"), encoding="utf-8"
    )
    assert [f.dotted_path for f in check(load(programme_file)).findings if f.code == "HP104"] == [
        "vision.fr"
    ]
    code, _, err = cli("translations", "confirm", str(programme_file), "measures/M-99/title")
    assert (code, "error HP912: the programme has no text 'measures/M-99/title'") == (
        2,
        err.splitlines()[0],
    )
    code, _, err = cli("translations", "confirm", str(programme_file), "background", lang="de")
    assert code == 2
    assert "Fehler HP913: 'background' hat keinen Text auf Französisch" in err
    code, _, err = cli("translations", "confirm", str(programme_file))
    assert code == 0, err
    after = load(programme_file)
    assert "HP104" not in check(after).codes()
    translated = [u.id for u in text_units(after) if u.target]
    assert sorted(r.text for r in after.translated_from) == sorted(translated)


def test_records_are_bookkeeping_not_content() -> None:
    """Recording a translation changes nothing the councils sign: same fingerprint."""
    programme = load(EXAMPLES[0])
    recorded = record(programme, [u.id for u in text_units(programme)])
    assert len(recorded.translated_from) == len(text_units(programme))
    assert fingerprint(recorded) == fingerprint(programme)


def test_records_survive_the_workbook() -> None:
    programme = load(EXAMPLES[0])
    recorded = record(programme, [u.id for u in text_units(programme)][:40])
    again = from_workbook(to_workbook(recorded), "book.xlsx")
    assert canonical_json(again) == canonical_json(recorded)


def test_a_text_recorded_twice_is_a_located_load_error(tmp_path: Path) -> None:
    programme_file = _draft(tmp_path)
    with programme_file.open("a", encoding="utf-8") as f:
        f.write("translated_from:\n  - {text: vision, fingerprint: 0123abcd}\n"
                "  - {text: vision, fingerprint: 0123abcd}\n")  # fmt: skip
    code, out, _ = cli("check", str(programme_file))
    assert code == 2
    assert "translated_from: the text vision is recorded twice; keep one entry" in out
