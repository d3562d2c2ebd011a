"""Translation round trip: texts out as XLIFF 1.2, XLIFF 2.1 or PO, back in, and outdated
translations found.

The files are read back with lxml and validated against the schemas in tests/xliff; PO
files are read and written with polib, an independent reader (MIT). The draft example's
missing French texts go out, come back translated, and ``check`` no longer reports them;
a German text changed afterwards is reported (HP104) and offered again for review.
"""

from __future__ import annotations

import io
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
    assert "texts.po:2:1: Fehler HP004" in err
    assert "Zeile 2 ist kein PO" in err  # Babel would read it, without its last letter
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
    assert "nothing to export: no text lacks a current translation into French" in err
    assert not out.exists()
    code, _, err = cli("export", str(PFINZTAL), "--to", "xliff", "--out", str(out), lang="de")
    assert "kein Text ohne aktuelle Übersetzung auf Französisch" in err


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
        f.write("translated_from:\n  - {text: vision, german: 0123abcd, translation: 0123abcd}\n"
                "  - {text: vision, german: 0123abcd, translation: 0123abcd}\n")  # fmt: skip
    code, out, _ = cli("check", str(programme_file))
    assert code == 2
    assert "translated_from: the text vision is recorded twice; keep one entry" in out


# -- what a review found (each reproduced before it was mended) --------------------------


def test_a_workbook_from_before_the_records_still_imports(tmp_path: Path) -> None:
    """Workbooks exported before translation records existed have no such sheet."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(to_workbook(load(PFINZTAL))))
    del book["Übersetzungsstand"]
    old = tmp_path / "old.xlsx"
    book.save(old)
    code, _, err = cli("import", str(old), "--out", str(tmp_path / "p.yaml"))
    assert code == 0, err
    assert canonical_json(load(tmp_path / "p.yaml")) == canonical_json(load(PFINZTAL))


def test_a_suggestion_still_marked_unfinished_is_not_taken(tmp_path: Path) -> None:
    """A tool's pre-fill (the German copied over, state new) and a fuzzy suggestion stay
    out of the programme; nothing is recorded as current."""
    programme_file = _draft(tmp_path)
    exported = tmp_path / "texts.xlf"
    cli("export", str(programme_file), "--to", "xliff", "--out", str(exported))
    text = exported.read_text(encoding="utf-8")
    text = text.replace(
        '<target state="needs-translation"/>\n        <note from="handlungsprogramm">Beschreibung',
        '<target state="new">Zwei Fachleute aus Lemgo begleiten die Hausmeister in Ouidah.'
        '</target>\n        <note from="handlungsprogramm">Beschreibung',
    )
    exported.write_text(text, encoding="utf-8")
    code, _, err = cli("import", str(exported), "--into", str(programme_file))
    assert code == 0, err
    assert "0 translation(s) taken over, 0 confirmed unchanged, 2 left" in err
    po = tmp_path / "texts.po"
    cli("export", str(programme_file), "--to", "po", "--out", str(po))
    catalog = polib.pofile(str(po))
    for entry in catalog:
        entry.msgstr = "suggestion " + entry.msgctxt
        entry.flags.append("fuzzy")
    catalog.save(str(po))
    code, _, err = cli("import", str(po), "--into", str(programme_file))
    assert "0 translation(s) taken over, 0 confirmed unchanged, 2 left" in err
    after = load(programme_file)
    assert after.translated_from == []
    assert check(after).codes().count("HP101") == 2


def test_a_record_follows_its_text_when_items_move(tmp_path: Path) -> None:
    """Records pair the German with the translation: inserting an abbreviation at the
    top (every later one moves down) reports nothing; a renamed measure whose German
    changed is still reported."""
    programme_file = tmp_path / "programme.yaml"
    shutil.copy(PFINZTAL, programme_file)
    assert cli("translations", "confirm", str(programme_file))[0] == 0
    text = programme_file.read_text(encoding="utf-8")
    first = text.index("abbreviations:\n") + len("abbreviations:\n")
    moved = (
        text[:first] + "  - short: AAA\n    expansion: {de: Erste, fr: Première}\n" + text[first:]
    )
    programme_file.write_text(moved, encoding="utf-8")
    assert "HP104" not in check(load(programme_file)).codes()
    renamed = moved.replace("code: M-02", "code: M-20").replace(
        "Photovoltaik für Rathaus, Gesundheitsposten", "Photovoltaik für Rathaus, Krankenstation"
    )
    programme_file.write_text(renamed, encoding="utf-8")
    outdated = [f.dotted_path for f in check(load(programme_file)).findings if f.code == "HP104"]
    assert outdated == ["measures[1].title.fr"]


def test_a_missing_state_does_not_confirm_an_outdated_translation(tmp_path: Path) -> None:
    programme_file = _draft(tmp_path)
    assert cli("translations", "confirm", str(programme_file), "vision")[0] == 0
    text = programme_file.read_text(encoding="utf-8")
    programme_file.write_text(
        text.replace("Lemgo und Ouidah wollen", "Lemgo und Ouidah möchten"), encoding="utf-8"
    )
    review = tmp_path / "review.xlf"
    cli("export", str(programme_file), "--to", "xliff", "--only", "outdated", "--out", str(review))
    review.write_text(
        review.read_text(encoding="utf-8").replace(' state="needs-review-translation"', ""),
        encoding="utf-8",
    )
    code, _, err = cli("import", str(review), "--into", str(programme_file))
    assert code == 0, err
    assert "0 confirmed unchanged, 1 left" in err
    assert "HP104" in check(load(programme_file)).codes()


def test_encodings_tools_save_in_are_read(tmp_path: Path) -> None:
    """A PO file with a BOM and an XLIFF file in UTF-16 are read; an unknown charset or a
    string without its closing quote is HP004 with its line, never exit 70."""
    programme = load(DRAFT)
    po = export_texts(programme, "po") or b""
    returned = read_translations(b"\xef\xbb\xbf" + po, "bom.po")
    assert returned.problems == []
    assert len(returned.units) == 2
    xliff = export_texts(programme, "xliff") or b""
    utf16 = xliff.decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'").encode("utf-16")
    assert [u.text_id for u in read_translations(utf16, "w.xlf").units] == list(FRENCH)
    programme_file = _draft(tmp_path)
    for name, data in (
        ("charset.po", po.replace(b"charset=utf-8", b"charset=utf8mb4")),
        ("quote.po", po.replace(b'msgstr ""\n\n#. Beschreibung', b'msgstr "FR\n\n#. Beschreibung')),
    ):
        (tmp_path / name).write_bytes(data)
        code, _, err = cli("import", str(tmp_path / name), "--into", str(programme_file))
        assert code == 2, err
        assert "error HP004" in err
        assert "internal error" not in err


def test_every_file_of_a_translators_file_is_for_the_programmes_languages() -> None:
    programme = load(DRAFT)
    xliff = (export_texts(programme, "xliff") or b"").decode("utf-8")
    body = xliff[xliff.index("  <file") : xliff.index("</xliff>")]
    second = body.replace('target-language="fr"', 'target-language="es"').replace('id="', 'id="x')
    with pytest.raises(ProgrammeLoadError) as caught:
        take_over(
            programme,
            read_translations(xliff.replace("</xliff>", second + "</xliff>").encode(), "two.xlf"),
        )
    assert [p.kind for p in caught.value.problems] == ["translation_wrong_language"]
    po = (export_texts(programme, "po") or b"").decode("utf-8")
    for tag, fits in (("es_XX", False), ("fr@latin", True), ("fr_BJ", True)):
        data = po.replace('"Language: fr\\n"', f'"Language: {tag}\\n"').encode()
        if fits:
            take_over(programme, read_translations(data, "t.po"))
            continue
        with pytest.raises(ProgrammeLoadError):
            take_over(programme, read_translations(data, "t.po"))


def test_an_entry_given_twice_in_a_po_file_is_refused() -> None:
    po = (export_texts(load(DRAFT), "po") or b"").decode("utf-8")
    entry = po[po.index("#. Beschreibung") :]
    twice = po + "\n" + entry.replace('msgstr ""', 'msgstr "autre"')
    returned = read_translations(twice.encode(), "twice.po")
    assert [p.kind for p in returned.problems] == ["translation_unit_twice"]
    assert returned.problems[0].location is not None


def test_a_code_given_twice_stops_export_with_hp914(tmp_path: Path) -> None:
    programme_file = _draft(tmp_path)
    text = programme_file.read_text(encoding="utf-8").replace("code: M-02", "code: M-01")
    programme_file.write_text(text, encoding="utf-8")
    code, _, err = cli(
        "export", str(programme_file), "--to", "xliff", "--out", str(tmp_path / "t.xlf")
    )
    assert code == 2
    assert "error HP914: two texts share the id measures/M-01/title" in err
    assert not (tmp_path / "t.xlf").exists()


def test_an_outdated_translation_makes_the_document_a_draft(tmp_path: Path) -> None:
    """Built without --draft, a programme held to the final rules: an outdated
    translation marks it a draft, and check says it is not ready for signing."""
    from handlungsprogramm import render_docx

    programme_file = tmp_path / "programme.yaml"
    shutil.copy(PFINZTAL, programme_file)
    cli("translations", "confirm", str(programme_file), "vision")
    text = programme_file.read_text(encoding="utf-8")
    vision = load(programme_file).vision
    assert vision is not None
    german = vision.get("de").split()[0]
    programme_file.write_text(text.replace(german, german + "n", 1), encoding="utf-8")
    programme = load(programme_file)
    assert check(programme).ok
    assert not check(programme).ready_for_signing
    assert render_docx(programme).draft
    code, out, _ = cli("check", str(programme_file))
    assert code == 0
    assert "complete, not yet ready for signing" in out


def test_the_doctype_refusal_is_german_for_german_users(tmp_path: Path) -> None:
    programme_file = _draft(tmp_path)
    data = (export_texts(load(DRAFT), "xliff") or b"").decode("utf-8")
    hostile = tmp_path / "t.xlf"
    hostile.write_text(
        data.replace("<?xml version='1.0' encoding='UTF-8'?>", "<?xml version='1.0'?><!DOCTYPE x>"),
        encoding="utf-8",
    )
    code, _, err = cli("import", str(hostile), "--into", str(programme_file), lang="de")
    assert code == 2
    assert "sie deklariert einen DOCTYPE, der nicht gelesen wird" in err
