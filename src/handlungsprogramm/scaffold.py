"""The skeleton of a new programme, written by ``handlungsprogramm init``.

Every section is present with a short comment, so a coordinator sees the whole
structure at once; texts are left empty, so ``check`` lists exactly what is left to
write. The result always loads. Its first key, ``schema_version``, names the current
input format, so a later incompatible change knows which file needs ``migrate``; it
is written the way ``migrate`` adds it to older files.
"""

from __future__ import annotations

import datetime as dt
import json

__all__ = ["scaffold"]

# Fixed words the scaffold pre-fills, from the glossary in the design notes.
_PROGRAMME = {
    "de": "Gemeinsames Handlungsprogramm",
    "en": "Joint Programme of Action",
    "fr": "Programme d'action commun",
    "es": "Programa de acción conjunto",
    "pt": "Programa de ação conjunto",
}
_MAYOR = {
    "de": "Bürgermeister/in",
    "en": "Mayor",
    "fr": "Maire",
    "es": "Alcalde / Alcaldesa",
    "pt": "Prefeito(a)",
}


def _q(text: str) -> str:
    """Quote a value for YAML: a JSON string is a valid double-quoted YAML scalar."""
    return json.dumps(text, ensure_ascii=False)


def scaffold(
    german: str,
    partner: str,
    partner_country: str,
    language: str,
    *,
    today: dt.date | None = None,
) -> str:
    """Return the YAML text of a new, empty programme for the two municipalities."""
    # imported here: the package root imports this module (its name is also the
    # function's), and the input format's version needs the whole loader
    from handlungsprogramm.migrate import VERSION_COMMENT, current_version

    today = today or dt.date.today()
    lang = language
    start, end = today.year + 1, today.year + 5
    title_de = f"{_PROGRAMME['de']} {german} – {partner}"
    title_p = f"{_PROGRAMME[lang]} {german} – {partner}" if lang in _PROGRAMME else ""

    def text(de: str = "", other: str = "", indent: int = 2) -> str:
        pad = " " * indent
        return f"\n{pad}de: {_q(de)}\n{pad}{lang}: {_q(other)}"

    return f"""\
# Joint programme of action (gemeinsames Handlungsprogramm) – {german} / {partner}
# Created by `handlungsprogramm init` on {today.isoformat()}.
# Every text is written in both languages: `de:` and `{lang}:`. Long texts may use Markdown.
# Run `handlungsprogramm check {{this file}}` to see what is left to fill in.
# Editor completion: `handlungsprogramm schema > programme.schema.json`, then add the line
#   # yaml-language-server: $schema=programme.schema.json
# at the top of this file (VS Code with the YAML extension).

# {VERSION_COMMENT}
schema_version: {current_version()}

title:{text(title_de, title_p)}
version: "0.1"
date: {today.isoformat()}
# German first, then the partner's working language (ISO 639-1).
languages: [de, {lang}]
# Months as YYYY-MM.
period:
  start: {start}-01
  end: {end}-12

partnership:
  german:
    name: {_q(german)}
    country: DE
    kind: municipality          # city | municipality | district
    # logo: logo-german.png     # image file next to this file
  partner:
    name: {_q(partner)}
    country: {partner_country}
    kind: municipality
  # kind: twinning              # twinning | thematic
  # since: 2020                 # year the partnership began

# The joint vision: where the partnership wants to be in the long term.
vision:{text()}
# Foreword by both mayors (optional).
preamble:{text()}
# How the partnership came about, who works in it (core teams, steering group).
background:{text()}

# Stocktaking (Bestandsaufnahme) of each municipality.
baseline:
  german:
    challenges:
      - challenge:{text(indent=10)}
        affected:{text(indent=10)}
        plans:{text(indent=10)}
        projects:{text(indent=10)}
    hazards:
      - hazard: heat            # heat | drought | heavy_rain | flood | storm | …
        likelihood: medium      # low | medium | high
        impact: medium
        description:{text(indent=10)}
  partner:
    challenges:
      - challenge:{text(indent=10)}
        affected:{text(indent=10)}
        plans:{text(indent=10)}
        projects:{text(indent=10)}
    hazards:
      - hazard: drought
        likelihood: high
        impact: high
        description:{text(indent=10)}

# Field of action → strategic objectives → operational objectives, numbered 1 → 1.1 → 1.1.1.
fields_of_action:
  - code: "1"
    title:{text(indent=6)}
    guiding_principle:{text(indent=6)}
    strategic_objectives:
      - code: "1.1"
        title:{text(indent=10)}
        target_year: {end}
        operational_objectives:
          - code: "1.1.1"
            title:{text(indent=14)}
            indicator:
              name:{text(indent=16)}
              unit: "%"
              baseline: {{value: 0, year: {today.year}}}
              target: {{value: 0, year: {end}}}

# Measures: who does what, when, with which resources.
measures:
  - code: M-01
    title:{text(indent=6)}
    description:{text(indent=6)}
    field_of_action: "1"
    objectives: ["1.1.1"]
    pillar: mitigation          # mitigation | adaptation | both
    location: partner           # german | partner | both
    lead:
      side: partner             # german | partner
      department:{text(indent=8)}
      # contact: {{name: …, email: …}}
    timeline:
      start: {start}-01
      end: {start}-12           # or leave out `end` and write `ongoing: true`
    resources:
      personnel:
        - {{side: partner, amount: 20, unit: person_days}}
      money:
        - amount: 0
          currency: EUR
          funding_source: ""    # e.g. "BMZ / Nakopa" or the municipal budget
          status: planned       # secured | applied | planned
    priority: medium            # high | medium | low
    status: not_started         # not_started | planning | implementing | completed | ongoing
    # estimated_reduction: 0    # t CO2e per year
    # hazards: [heat]           # for adaptation measures

monitoring:
  responsible:{text(indent=4)}
  frequency: annually           # monthly | quarterly | semi_annually | annually | biennially
  method:{text(indent=4)}

outlook:
  financing:{text(indent=4)}
  next_steps:{text(indent=4)}

# Council resolutions adopting the programme (fill in once adopted).
adoptions: []
#  - {{side: german, body: {{de: Gemeinderat, {lang}: …}}, date: YYYY-MM-DD, reference: …}}

signatories:
  - side: german
    name: ""
    function:{text(_MAYOR["de"], _MAYOR["de"] if lang == "de" else _MAYOR.get(lang, ""), indent=6)}
  - side: partner
    name: ""
    function:{text(_MAYOR["de"], _MAYOR.get(lang, ""), indent=6)}
"""
