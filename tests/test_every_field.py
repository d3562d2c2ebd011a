"""Nothing of the input is silently dropped: every field of the model reaches the document.

One programme fills every field of every model class (the first test proves it, so a
field added later without a value here fails). The Word document built from it must
show each value, or its formatted form (labels, amounts, dates), in its text; fields
that are shown in another form (a picture, a link between two sums) are listed in
``SHOWN_ELSEWHERE`` with where and how, and checked there.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any

import docx
import pytest
from pydantic import BaseModel

from handlungsprogramm import Programme, from_data
from handlungsprogramm.checks import check
from handlungsprogramm.compose.context import build_context
from handlungsprogramm.compose.typography import typeset
from handlungsprogramm.i18n.formatting import (
    format_date,
    format_decimal,
    format_money,
    format_month,
)
from handlungsprogramm.i18n.labels import enum_label, label
from handlungsprogramm.model import Side, Text, YearMonth
from handlungsprogramm.render.docx import render_docx
from handlungsprogramm.render.writer import Layout
from handlungsprogramm.totals import compute_totals
from tests.conftest import complete_data
from tests.test_docx import paragraphs

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def t(de: str, fr: str) -> dict[str, str]:
    return {"de": de, "fr": fr}


def _every_field() -> dict[str, Any]:
    """The complete test programme with every optional field given a distinct value."""
    data = copy.deepcopy(complete_data())
    data["schema_version"] = 1
    data["subtitle"] = t("Untertitel Eins", "Sous-titre un")
    data["preamble"] = t("Vorwort Zwei", "Préambule deux")
    data["partnership"] = {
        "german": {
            "name": "Pfinztal",
            "country": "DE",
            "kind": "municipality",
            "logo": "pf.png",
            "town": "Pfinztal-Berghausen",
        },
        "partner": {
            "name": "Commune de Kidira",
            "country": "SN",
            "kind": "town_council",
            "logo": "ki.png",
            "town": "Kidira",
        },
        "kind": "twinning",
        "since": 2017,
    }
    data["baseline"] = {
        "german": {
            "challenges": [
                {
                    "challenge": t("Hitzeinseln", "Îlots de chaleur"),
                    "affected": t("Ältere Menschen", "Personnes âgées"),
                    "plans": t("Klimaschutzkonzept", "Concept climat"),
                    "projects": t("Baumpflanzung 2024", "Plantation 2024"),
                }
            ],
            "hazards": [
                {
                    "hazard": "flash_flood",
                    "description": t("Sturzflut im Tal", "Crue dans la vallée"),
                    "likelihood": "medium",
                    "impact": "high",
                }
            ],
        },
        "partner": {"challenges": [{"challenge": t("Wassermangel", "Manque d'eau")}]},
    }
    field = data["fields_of_action"][0]
    field["guiding_principle"] = t("Leitlinie Energie", "Principe directeur énergie")
    strategic = field["strategic_objectives"][0]
    strategic["references"] = ["SDG-7"]
    op = strategic["operational_objectives"][0]
    op["indicator"].update(
        direction="increase",
        source=t("Jahresbericht Stadtwerke", "Rapport annuel de la régie"),
        interim_targets=[{"value": "35", "year": 2026}],
    )
    strategic["operational_objectives"].append(
        {
            "code": "1.1.2",
            "title": t("Wasserverbrauch senken", "Réduire la consommation d'eau"),
            "indicators": [
                {
                    "name": t("Verbrauch je Kopf", "Consommation par habitant"),
                    "unit": t("Liter", "litres"),
                    "municipality": "german",
                    "direction": "decrease",
                    "baseline": {"value": "123", "year": 2023},
                    "target": {"value": "111", "year": 2029},
                    "source": "Zählerstände",
                },
                {
                    "name": t("Verbrauch je Kopf", "Consommation par habitant"),
                    "unit": t("Liter", "litres"),
                    "municipality": "partner",
                    "direction": "maintain",
                    "baseline": {"value": "47", "year": 2023},
                    "target": {"value": "47", "year": 2029},
                },
            ],
        }
    )
    data["fields_of_action"].append(
        {
            "code": "9",
            "title": t("Koordination", "Coordination"),
            "cross_cutting": True,
            "strategic_objectives": [
                {
                    "code": "9.1",
                    "title": t("Gute Steuerung", "Bon pilotage"),
                    "target_year": 2030,
                    "operational_objectives": [
                        {
                            "code": "9.1.1",
                            "title": t("Lenkungsgruppe tagt", "Le comité se réunit"),
                            "indicator": {
                                "name": t("Sitzungen", "Réunions"),
                                "unit": t("Anzahl", "nombre"),
                                "baseline": {"value": 1, "year": 2024},
                                "target": {"value": 4, "year": 2026},
                            },
                        }
                    ],
                }
            ],
        }
    )
    m1 = data["measures"][0]
    m1.update(
        objectives=["1.1.1", "1.1.2", "9.1.1"],
        further_fields=["9"],
        references=["SDG-6"],
        priority="high",
        status="implementing",
        hazards=["water_scarcity"],
        partners=[{"name": "ASUFOR Kidira", "role": t("Betrieb der Pumpen", "Gestion des pompes")}],
        milestones=[
            {"date": "2025-09", "title": t("Pumpen bestellt", "Pompes commandées"), "done": True}
        ],
        lead={
            "side": "both",
            "department": t("Bauamt", "Service des travaux"),
            "contact": {"name": "Jana Beispiel", "email": "jana@example.org", "phone": "+49 1"},
            "partner_department": t("Technischer Dienst", "Service technique"),
            "partner_contact": {"name": "Moussa Exemple", "email": "moussa@example.org"},
        },
    )
    m1["resources"] = {
        "money": [
            {
                "id": "G1",
                "amount": "40500",
                "currency": "EUR",
                "funding_source": "BMZ / Nakopa",
                "status": "secured",
                "share": 90,
                "recipient": "german",
                "by_year": {2025: "12345.67", 2026: "28154.33"},
            },
            {
                "amount": "4500",
                "currency": "EUR",
                "funding_source": t("Gemeindehaushalt", "Budget communal"),
                "status": "planned",
                "share": 10,
                "contribution_to": "G1",
                "year": 2026,
            },
            {
                "amount": "3279785",
                "currency": "XOF",
                "funding_source": "Commune de Kidira",
                "recipient": "partner",
            },
        ],
        "total_cost": [{"amount": "51000", "currency": "EUR"}],
        "personnel": [
            {
                "side": "partner",
                "amount": 3,
                "unit": "person_months",
                "note": t("Technik", "Technique"),
            },
            {"side": "german", "amount": 17, "per_year": True},
            {"side": "german", "amount": "0.25", "unit": "fte"},
        ],
        "material": t("Werkzeug und Fahrzeug", "Outils et véhicule"),
        "institutional": t("Wasserkomitee", "Comité de l'eau"),
    }
    data["monitoring"] = {
        "responsible": t("Lenkungsgruppe", "Comité de pilotage"),
        "frequency": "quarterly",
        "method": t("Berichte und Workshops", "Rapports et ateliers"),
    }
    data["outlook"] = {
        "financing": t("Über Fördermittel", "Par des subventions"),
        "next_steps": t("Umsetzung beginnen", "Commencer la mise en œuvre"),
    }
    data["adoptions"][1]["reference"] = "CM-2025-07"
    data["signatories"] = [
        {
            "side": "german",
            "name": "Erika Beispiel",
            "function": t("Bürgermeisterin", "Maire"),
        },
        {"side": "partner", "name": "Awa Exemple", "function": t("Maire", "Maire")},
        {
            "side": "partner",
            "name": "Kofi Exemple",
            "function": t("Sekretär", "Secrétaire"),
            "place": "Bakel",
        },
    ]
    data["signing"] = {"originals": 3}
    data["abbreviations"] = [
        {
            "short": "ASUFOR",
            "expansion": t("Nutzerverband Bohrloch", "Association des usagers du forage"),
        }
    ]
    data["references"] = [
        {
            "code": "SDG-6",
            "title": t("Sauberes Wasser", "Eau propre"),
            "url": "https://sdgs.un.org/goals/goal6",
        },
        {"code": "SDG-7", "title": "Affordable and clean energy"},
    ]
    data["publisher"] = {
        "name": t("Gemeinde Pfinztal, Umweltamt", "Commune de Pfinztal, service environnement"),
        "address": "Hauptstraße 70\n76327 Pfinztal",
        "email": "umwelt@example.org",
        "url": "https://www.example.org",
    }
    data["funders"] = [
        {
            "name": "Engagement Global / SKEW",
            "notice": t("Gefördert mit Mitteln des BMZ", "Financé par le BMZ"),
            "logo": "eg.png",
        }
    ]
    data["exchange_rates"] = [
        {"currency": "XOF", "per_euro": "655.957", "date": "2025-06-01", "source": "InforEuro"}
    ]
    from handlungsprogramm.translation import german_fingerprint

    data["translated_from"] = [
        {
            "text": "title",
            "german": german_fingerprint(data["title"]["de"]),
            "translation": german_fingerprint(data["title"]["fr"]),
        }
    ]
    return data


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Programme:
    folder = tmp_path_factory.mktemp("every-field")
    for name in ("pf.png", "ki.png", "eg.png"):
        (folder / name).write_bytes(PNG)
    return from_data(_every_field(), base_dir=folder)


@pytest.fixture(scope="module")
def text(programme: Programme) -> str:
    result = render_docx(programme, layout=Layout.SIDE_BY_SIDE)
    document = docx.Document(io.BytesIO(result.data))
    return "\n".join(p.text for p in paragraphs(document)).replace("\u00ad", "")


def _models(value: Any, owner: str = "Programme") -> Iterator[tuple[str, BaseModel]]:
    """Every model instance inside ``value`` (depth first), with its class name."""
    if isinstance(value, Text):
        return
    if isinstance(value, BaseModel):
        yield type(value).__name__, value
        for name in type(value).model_fields:
            yield from _models(getattr(value, name), type(value).__name__)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _models(item, owner)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _models(item, owner)


def _all_fields(cls: type[BaseModel], seen: set[str] | None = None) -> set[str]:
    """``Class.field`` for every field of ``cls`` and of every model class it contains."""
    seen = set() if seen is None else seen
    if cls.__name__ in seen or cls is Text:
        return set()
    seen.add(cls.__name__)
    out: set[str] = set()
    for name, info in cls.model_fields.items():
        out.add(f"{cls.__name__}.{name}")
        for inner in _classes(info.annotation):
            out |= _all_fields(inner, seen)
    return out


def _classes(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _classes(arg)


def test_the_programme_fills_every_field(programme: Programme) -> None:
    """Every field of every model class is given a value (not left at its default)."""
    filled = {
        f"{cls}.{name}" for cls, model in _models(programme) for name in model.model_fields_set
    }
    assert _all_fields(Programme) - filled == set()
    assert check(programme).codes() == []


# -- what each value looks like in the document ----------------------------------------

Expect = Callable[[Any, BaseModel, Programme], list[str]]


def _plain(value: Any, model: BaseModel, programme: Programme) -> list[str]:
    """The forms every value type takes in the document, in German and French."""
    if isinstance(value, Text):  # each language as it is set (French typography)
        return [typeset(text, lang) for lang, text in value.root.items()]
    if isinstance(value, StrEnum):
        return [enum_label(value, "de").replace("\u00ad", "")]
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [str(value)]
    if isinstance(value, Decimal):
        return [format_decimal(value, "de"), format_decimal(value, "fr")]
    if isinstance(value, dt.date):
        return [format_date(value, "de")]
    if isinstance(value, YearMonth):
        return [str(value.year)]
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _plain(item, model, programme)]
    if isinstance(value, BaseModel):
        return []  # its own fields are checked one by one
    raise AssertionError(f"no expectation for {type(value).__name__}")


def _money(value: Any, model: BaseModel, _: Programme) -> list[str]:
    currency = model.currency  # type: ignore[attr-defined]
    return [format_money(value, currency, "de"), format_money(value, currency, "fr")]


def _side(value: Any, _: BaseModel, programme: Programme) -> list[str]:
    """A side is shown as the municipality's name."""
    return [programme.partnership.municipality(value).name]


def _recipient(value: Any, _: BaseModel, programme: Programme) -> list[str]:
    name = programme.partnership.municipality(value).name
    return [label("money.recipient", "de", municipality=name)]


def _measured_in(value: Any, model: BaseModel, programme: Programme) -> list[str]:
    """An indicator measured in one town is prefixed with the town's name."""
    name = programme.partnership.municipality(value).name
    return [f"{name}: {model.name.get('de')}"]  # type: ignore[attr-defined]


def _by_year(value: Any, model: BaseModel, _: Programme) -> list[str]:
    currency = model.currency  # type: ignore[attr-defined]
    return [f"{year}: {format_money(amount, currency, 'de')}" for year, amount in value.items()]


def _label(key: str) -> Expect:
    return lambda *_: [label(key, "de"), label(key, "fr")]


def _grant_name(value: Any, model: BaseModel, programme: Programme) -> list[str]:
    """A contribution names its grant by the grant's funding source."""
    measure = next(m for m in programme.measures if model in m.resources.money)
    grant = next(g for g in measure.resources.money if g.id == value)
    return [label("money.contribution_to", "de", grant=grant.funding_source)]


def _period(value: Any, model: BaseModel, _: Programme) -> list[str]:
    return [f"{value.month:02d}/{value.year}"]  # the overview's compact period


def _address(value: Any, *_: Any) -> list[str]:
    return [" ".join(line.split()) for line in value.splitlines()]


def _lead_side(value: Any, model: BaseModel, programme: Programme) -> list[str]:
    """One leading side is shown as its name; a joint lead says so, with both names."""
    if value.value == "both":
        names = [programme.partnership.municipality(s).name for s in Side]
        return [enum_label(value, "de"), enum_label(value, "fr"), " / ".join(names)]
    return [programme.partnership.municipality(Side(value.value)).name]


SHOWN_ELSEWHERE: dict[str, str] = {
    "Programme.schema_version": "a property of the file, not of the programme's content",
    "Programme.languages": "the structure of the document: every text in both languages",
    "Municipality.logo": "a picture on the cover (test_docx checks logos)",
    "Funder.logo": "a picture on the cover (test_pictures_on_the_cover below)",
    "Money.id": "a link: the contribution line names the grant (Money.contribution_to)",
    "Measure.code": "checked through every measure heading (the code is a plain string)",
    "Programme.translated_from": "bookkeeping of translations, not content (docs/translations.md)",
    "TranslationRecord.text": "bookkeeping of translations, not content",
    "TranslationRecord.german": "bookkeeping of translations, not content",
    "TranslationRecord.translation": "bookkeeping of translations, not content",
}

SPECIAL: dict[str, Expect] = {
    "Money.amount": _money,
    "Cost.amount": _money,
    "Money.by_year": _by_year,
    "Money.recipient": _recipient,
    "Money.contribution_to": _grant_name,
    "Personnel.side": _side,
    "Personnel.per_year": _label("unit.per_year"),
    "Signatory.side": _side,
    "CouncilAdoption.side": _side,
    "Indicator.municipality": _measured_in,
    "Lead.side": _lead_side,
    "Measure.location": lambda value, _, programme: [
        label("location.both_towns", "de", german="Pfinztal", partner="Commune de Kidira")
        if value.value == "both"
        else programme.partnership.municipality(Side(value.value)).name
    ],
    "Signing.originals": lambda value, *_: [
        label(f"signing.count_{value}", "de"),
        label(f"signing.count_{value}", "fr"),
    ],
    "Timeline.start": _period,
    "Timeline.end": _period,
    "Timeline.ongoing": _label("measure.ongoing"),
    "Milestone.done": _label("measure.milestone_reached"),
    "Milestone.date": lambda value, *_: [format_month(value, "de"), format_month(value, "fr")],
    "FieldOfAction.cross_cutting": _label("field.cross_cutting"),
    "Publisher.address": _address,
    "Municipality.country": lambda value, *_: {"DE": ["Deutschland"], "SN": ["Senegal"]}[value],
    "Period.start": lambda value, *_: [
        format_date(dt.date(value.year, value.month, 1), "de").split()[-1]
    ],
}


def _expectations(programme: Programme) -> Iterator[tuple[str, list[str]]]:
    for cls, model in _models(programme):
        for name in sorted(model.model_fields_set):
            key = f"{cls}.{name}"
            if key in SHOWN_ELSEWHERE:
                continue
            value = getattr(model, name)
            if value is None or value == [] or value == {}:
                continue
            expect = SPECIAL.get(key, _plain)
            yield key, expect(value, model, programme)


def test_every_value_is_in_the_document(programme: Programme, text: str) -> None:
    """Each value given, in its shown form, is somewhere in the document's text."""
    missing = [
        (key, wanted)
        for key, forms in _expectations(programme)
        for wanted in forms
        if wanted and wanted.replace("\u00ad", "") not in text
    ]
    assert missing == []


def test_pictures_on_the_cover(programme: Programme) -> None:
    """Both logos and the funder's logo are pictures in the document."""
    result = render_docx(programme, layout=Layout.SEQUENTIAL)
    document = docx.Document(io.BytesIO(result.data))
    pictures = [r for r in document.part.rels.values() if r.reltype.endswith("/image")]
    assert len(pictures) >= 3


def test_the_template_context_has_every_field(programme: Programme) -> None:
    """Custom templates get the whole programme: every field given is in the context."""
    context = build_context(
        programme,
        compute_totals(programme),
        check(programme),
        layout=Layout.SIDE_BY_SIDE.value,
        draft=False,
        fingerprint="0" * 64,
        short="0000",
    )
    dumped = context["programme"]
    assert dumped == programme.model_dump(mode="json")
    assert dumped["measures"][0]["resources"]["money"][0]["by_year"] == {
        "2025": "12345.67",
        "2026": "28154.33",
    }
    assert context["totals"]["personnel"]["german.person_days.per_year"] == Decimal(17)
    assert context["totals"]["money"]["EUR"]["gap"] == Decimal(6000)
