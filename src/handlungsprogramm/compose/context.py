"""The template context: everything a Word template can use, documented in one place.

The standard template uses ``cover``, ``h``, ``blocks``, ``footer`` and a few flags;
custom templates may also loop over ``programme`` (the model itself), ``measures``
(a flat, formatted view) or read ``labels`` and ``totals``. ``CONTEXT_DOC`` is the
reference rendered into docs/templates.md; a test keeps both in step.
"""

from __future__ import annotations

from typing import Any, Final

from handlungsprogramm.checks import Report
from handlungsprogramm.compose.values import Bi, Values
from handlungsprogramm.i18n.labels import catalogue
from handlungsprogramm.model import Programme
from handlungsprogramm.totals import Totals

__all__ = ["CONTEXT_DOC", "build_context", "context_markdown"]

CONTEXT_DOC: Final[dict[str, str]] = {
    "programme": "The programme as plain data (the input format, dates as `YYYY-MM-DD`, amounts "
    "as strings): e.g. `programme.partnership.partner.name`, `programme.measures[0].title.de`.",
    "lang": "`{'de': 'de', 'partner': 'fr'}`: the two languages of the programme.",
    "layout": "`side-by-side` or `sequential`.",
    "draft": "`True` when the document is built as a draft (open errors).",
    "draft_marking": "`ENTWURF / PROJET` in a draft, empty in a final document.",
    "labels": "`labels.de[key]`, `labels.partner[key]`: the label catalogue in each language "
    "(keys as in `handlungsprogramm.i18n.labels`, e.g. `section.measures`).",
    "h": "Bilingual section headings (`h.vision`, `h.measures` …): `Gemeinsame Vision / Vision commune`.",
    "cover": "`cover.title_de`, `cover.title_partner`, `cover.subtitle` (both languages or empty).",
    "blocks": "Ready-made sub-documents per section, placed with `{{p blocks.NAME }}`: cover "
    "(the title page below the titles: municipalities, partnership, period, version, funders), "
    "imprint (publisher, version, fingerprint, funding notices), summary (key figures), "
    "abbreviations, vision, preamble, background, references, baseline, fields, objectives, measures_overview, measures, resources, "
    "responsibilities, monitoring, outlook, adoptions, signatures, findings (None when empty).",
    "footer": "`footer.page_de` / `footer.page_partner`: the text before, between and after the "
    "page number fields; `footer.version`, `footer.fingerprint`.",
    "fingerprint": "SHA-256 of the programme content (64 hex digits).",
    "fingerprint_short": "The first 16 hex digits in groups of four.",
    "measures": "A list of dicts per measure: `code`, `title_de`, `title_partner`, `pillar_de`, "
    "`pillar_partner`, `lead` (the town, or both for a joint lead), `period_de`, "
    "`period_partner`, `budget_de` and `budget_partner` (its sums, each in that language's "
    "format; `budget` is `budget_de`).",
    "totals": "Money per currency (`totals.money.EUR.total`, `.by_status.secured`, `.by_source`, "
    "`.by_pillar.adaptation`, `.by_field['2']`, `.by_year['2026']`) and personnel "
    "(`totals.personnel['german.person_days']`, yearly figures apart: "
    "`totals.personnel['partner.fte.per_year']`), as exact decimals; where measures give a total "
    "cost, `.total_cost`, `.funded` and `.gap` (the funding gap) per currency.",
    "findings": "Open findings: list of dicts with `code`, `severity`, `path`, `message_de`, `message_en`.",
    "toc_placeholder": "Text shown in the table of contents until the word processor updates it.",
}

_SECTION_KEYS = {
    "toc": "toc.title",
    "summary": "section.summary",
    "imprint": "imprint.title",
    "abbreviations": "section.abbreviations",
    "references": "section.references",
    "vision": "section.vision",
    "preamble": "section.preamble",
    "background": "section.background",
    "baseline": "section.baseline",
    "fields": "section.fields_of_action",
    "objectives": "section.objectives",
    "measures_overview": "measures.overview",
    "measures": "section.measures",
    "resources": "section.resources",
    "responsibilities": "section.responsibilities",
    "monitoring": "section.monitoring",
    "outlook": "section.outlook",
    "adoptions": "section.adoption",
    "signatures": "section.signatures",
    "findings": "section.annex",
}


def _plain_totals(totals: Totals) -> dict[str, Any]:
    """Totals as nested dicts of exact decimals, keyed by currency, status, pillar, year."""
    return {
        "money": {
            currency: {
                "total": t.total,
                "by_status": {k.value: v for k, v in t.by_status.items()},
                "by_source": dict(t.by_source),
                "by_pillar": {k.value: v for k, v in t.by_pillar.items()},
                "by_field": dict(t.by_field),
                "by_year": {str(k) if k else "": v for k, v in t.by_year.items()},
                "total_cost": t.total_cost,
                "funded": t.funded,
                "gap": t.gap,
            }
            for currency, t in totals.money.items()
        },
        "personnel": {
            f"{k.side.value}.{k.unit.value}{'.per_year' if k.per_year else ''}": v
            for k, v in totals.personnel.items()
        },
    }


def _split_page(text: str) -> tuple[str, str, str]:
    before, rest = text.split("{page}", 1)
    middle, after = rest.split("{pages}", 1)
    return before, middle, after


def build_context(
    programme: Programme,
    totals: Totals,
    report: Report,
    *,
    layout: str,
    draft: bool,
    fingerprint: str,
    short: str,
) -> dict[str, Any]:
    """Everything but ``blocks`` (added by the renderer, which owns the template)."""
    lang = programme.partner_language
    values = Values(programme)
    marking = values.label("draft.marking")
    title = values.text(programme.title)
    subtitle = values.text(programme.subtitle)
    measures = []
    for m in programme.measures:
        t = values.text(m.title)
        pillar = values.enum(m.pillar)
        period = values.period(m) if m.timeline else Bi("", "")
        budget = [values.money(x.amount, x.currency) for x in m.resources.money]
        measures.append(
            {
                "code": m.code,
                "title_de": t.de,
                "title_partner": t.partner,
                "pillar_de": pillar.de,
                "pillar_partner": pillar.partner,
                "lead": values.lead_names(m) if m.lead else "",
                "period_de": period.de,
                "period_partner": period.partner,
                "budget": [b.de for b in budget],
                "budget_de": [b.de for b in budget],
                "budget_partner": [b.partner for b in budget],
            }
        )
    return {
        # plain data only: a template must not reach objects with methods (Path, models)
        "programme": programme.model_dump(mode="json"),
        "lang": {"de": "de", "partner": lang},
        "layout": layout,
        "draft": draft,
        "draft_marking": Bi(marking.de.upper(), marking.partner.upper()).joined() if draft else "",
        "labels": {"de": catalogue("de"), "partner": catalogue(lang)},
        "h": {name: values.label(key).joined() for name, key in _SECTION_KEYS.items()},
        "cover": {
            "title_de": title.de,
            "title_partner": "" if title.same else title.partner,
            "subtitle": subtitle.joined() if subtitle.de or subtitle.partner else "",
        },
        "footer": {
            "page_de": _split_page(catalogue("de")["footer.page"]),
            "page_partner": _split_page(catalogue(lang)["footer.page"]),
            "version": values.label("footer.version", version=programme.version).joined(),
            "fingerprint": f"SHA-256 {short}",
        },
        "fingerprint": fingerprint,
        "fingerprint_short": short,
        "measures": measures,
        "totals": _plain_totals(totals),
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "path": f.dotted_path,
                "message_de": f.message("de"),
                "message_en": f.message("en"),
            }
            for f in report.findings
        ],
        "toc_placeholder": values.label("toc.hint").joined(),
    }


def context_markdown() -> str:
    """docs/templates.md's reference table, from :data:`CONTEXT_DOC`."""
    lines = ["| Name | What it holds |", "|---|---|"]
    lines += [f"| `{name}` | {text} |" for name, text in CONTEXT_DOC.items()]
    return "\n".join(lines) + "\n"
