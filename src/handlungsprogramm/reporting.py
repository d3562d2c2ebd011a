"""How check results are shown: compiler-style text for people, stable JSON for programs.

The JSON shape is an interface (documented in docs/check-json.md); change it only
together with ``JSON_FORMAT``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from handlungsprogramm._version import __version__
from handlungsprogramm.checks import REGISTRY, Report, Severity
from handlungsprogramm.checks.registry import RETIRED
from handlungsprogramm.errors import LoadProblem
from handlungsprogramm.i18n.messages import LANGS, LOAD_CODES, Lang
from handlungsprogramm.model import Programme

__all__ = [
    "JSON_FORMAT",
    "CheckResult",
    "print_result",
    "results_json",
    "rules_markdown",
    "verification_findings",
    "verification_table",
]

JSON_FORMAT = "handlungsprogramm.check/1"
VERIFY_JSON_FORMAT = "handlungsprogramm.verify/1"
"""The shape of ``verify --format json`` (docs/verify-json.md); fields are only added
until it changes."""

_SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    "error": ("error", "Fehler"),
    "warning": ("warning", "Warnung"),
    "info": ("note", "Hinweis"),
}
_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}

if TYPE_CHECKING:  # pyHanko is loaded by verify, not by every command that reports
    from handlungsprogramm.pdf.verification import FieldReport


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What ``check`` found for one file: either load problems or a report."""

    file: str
    programme: Programme | None = None
    report: Report | None = None
    problems: tuple[LoadProblem, ...] = ()

    @property
    def status(self) -> str:
        """``invalid`` (cannot load), ``incomplete`` (errors) or ``ok``."""
        if self.report is None:
            return "invalid"
        return "ok" if self.report.ok else "incomplete"

    @property
    def exit_code(self) -> int:
        """0 ok, 1 completeness errors, 2 cannot load."""
        return {"ok": 0, "incomplete": 1, "invalid": 2}[self.status]


def _plural(n: int, word: tuple[str, str], lang: Lang) -> str:
    if lang == "de":
        forms = {"Fehler": "Fehler", "Warnung": "Warnungen", "Hinweis": "Hinweise"}
        return f"{n} {word[1] if n == 1 else forms[word[1]]}"
    return f"{n} {word[0]}{'' if n == 1 else 's'}"


def print_result(console: Console, result: CheckResult, lang: Lang) -> None:
    """Print one file's result: one located line per finding, a hint, a summary."""
    i = LANGS.index(lang)
    if result.report is None or result.programme is None:
        for p in result.problems:
            where = str(p.location) if p.location else result.file
            path = f" {escape(p.dotted_path)}:" if p.path else ""
            console.print(
                f"{escape(where)}: [bold red]{_SEVERITY_WORDS['error'][i]}[/] {p.code}{path} "
                f"{escape(p.message(lang))}",
                highlight=False,
            )
            console.print(f"    [dim]→ {escape(p.fix(lang))}[/]", highlight=False)
        head = ("cannot be loaded", "kann nicht geladen werden")[i]
        count = (
            _plural(len(result.problems), ("problem", "Problem"), lang)
            if lang == "en"
            else (f"{len(result.problems)} Problem{'e' if len(result.problems) != 1 else ''}")
        )
        console.print(f"[bold red]✘[/] {escape(result.file)}: {head} ({count})", highlight=False)
        return
    report = result.report
    for f in report.findings:
        where = str(f.location) if f.location else result.file
        sev = f.severity.value
        console.print(
            f"{escape(where)}: [{_STYLES[sev]}]{_SEVERITY_WORDS[sev][i]}[/] {f.code} "
            f"{escape(f.dotted_path)}: {escape(f.message(lang))}",
            highlight=False,
        )
        console.print(f"    [dim]→ {escape(f.fix(lang))}[/]", highlight=False)
    counts = report.counts()
    summary = ", ".join(_plural(counts[s.value], _SEVERITY_WORDS[s.value], lang) for s in Severity)
    pair = (
        f"{result.programme.partnership.german.name} – {result.programme.partnership.partner.name}"
    )
    if not report.ok:
        verdict = (
            "incomplete: documents can only be built as drafts",
            "unvollständig: Dokumente nur als Entwurf möglich",
        )[i]
        mark = "[bold red]✘[/]"
    elif not report.ready_for_signing:
        verdict = (
            "complete, not yet ready for signing",
            "vollständig, noch nicht unterschriftsreif",
        )[i]
        mark = "[yellow]✔[/]"
    else:
        verdict = ("complete and ready for signing", "vollständig und unterschriftsreif")[i]
        mark = "[green]✔[/]"
    console.print(
        f"{mark} {escape(result.file)} ({escape(pair)}): {verdict} — {summary}", highlight=False
    )


def results_json(results: list[CheckResult], lang: Lang) -> dict[str, object]:
    """The document printed by ``check --format json``."""
    files: list[dict[str, object]] = []
    for r in results:
        entry: dict[str, object] = {
            "file": r.file,
            "status": r.status,
            "exit_code": r.exit_code,
        }
        if r.report is not None:
            entry["ok"] = r.report.ok
            entry["ready_for_signing"] = r.report.ready_for_signing
            entry["counts"] = r.report.counts()
            entry["findings"] = r.report.finding_dicts(lang)
            entry["problems"] = []
        else:
            entry["ok"] = False
            entry["ready_for_signing"] = False
            entry["counts"] = {"error": len(r.problems), "warning": 0, "info": 0}
            entry["findings"] = []
            entry["problems"] = [
                {
                    "code": p.code,
                    "kind": p.kind,
                    "title": p.title(lang),
                    "message": p.message(lang),
                    "fix": p.fix(lang),
                    "path": p.dotted_path,
                    "file": p.location.file if p.location else r.file,
                    "line": p.location.line if p.location else None,
                    "column": p.location.column if p.location else None,
                }
                for p in r.problems
            ]
        files.append(entry)
    return {
        "format": JSON_FORMAT,
        "version": __version__,
        "lang": lang,
        "exit_code": max((r.exit_code for r in results), default=0),
        "files": files,
    }


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def rules_markdown(lang: Lang) -> str:
    """The rules reference page (docs/rules.md): load problem codes, then completeness rules.

    Both tables are generated, the first from the load code catalogue, the second from
    the rule registry, so every code ``check`` can print is explained with its fix.
    """
    i = LANGS.index(lang)
    generated = (
        "Generated by `handlungsprogramm rules --format markdown`; do not edit by hand.",
        "Erzeugt mit `handlungsprogramm rules --format markdown --lang de`;"
        " nicht von Hand bearbeiten.",
    )[i]
    lines = [f"# {('Rules', 'Regeln')[i]}", "", generated, ""]
    lines += [
        f"## {('Load problems (HP0xx)', 'Ladeprobleme (HP0xx)')[i]}",
        "",
        (
            "A file with a load problem cannot be checked for completeness or built;"
            " `check` exits with 2. Each code covers several problems, each with its own"
            " message; `kind` in the [JSON output](check-json.md) says which one it is.",
            "Eine Datei mit einem Ladeproblem kann weder auf Vollständigkeit geprüft noch"
            " gebaut werden; `check` endet mit 2. Jeder Code umfasst mehrere Probleme mit"
            " eigener Meldung; welches vorliegt, nennt `kind` in der"
            " [JSON-Ausgabe](check-json.md).",
        )[i],
        "",
    ]
    load_cols = (
        ("Code", "Problem", "Meaning", "How to fix"),
        ("Code", "Problem", "Bedeutung", "Behebung"),
    )[i]
    lines.append(_markdown_row(list(load_cols)))
    lines.append("|" + "---|" * len(load_cols))
    for code, entry in sorted(LOAD_CODES.items()):
        lines.append(
            _markdown_row(
                [
                    code,
                    entry.text(entry.title, lang),
                    entry.text(entry.meaning, lang),
                    entry.text(entry.fix, lang),
                ]
            )
        )
    lines += [
        "",
        f"## {('Completeness rules', 'Vollständigkeitsregeln')[i]}",
        "",
        (
            "Errors make a document a draft; warnings and notes do not. Rules marked"
            " *blocks signing* keep `ready_for_signing` false; rules marked *error when final*"
            " are errors for `check --final` and for a document built as final (`build`"
            " without `--draft`), and keep `ready_for_signing` false too.",
            "Fehler machen ein Dokument zum Entwurf, Warnungen und Hinweise nicht. Mit"
            " *blockiert Unterzeichnung* markierte Regeln halten `ready_for_signing` auf false;"
            " mit *Fehler, wenn endgültig* markierte sind Fehler für `check --final` und für ein"
            " als endgültig gebautes Dokument (`build` ohne `--draft`) und halten"
            " `ready_for_signing` ebenfalls auf false.",
        )[i],
        "",
    ]
    cols = (
        ("Code", "Severity", "Rule", "Message", "How to fix"),
        ("Code", "Schwere", "Regel", "Meldung", "Behebung"),
    )[i]
    blocks = (" (blocks signing)", " (blockiert Unterzeichnung)")[i]
    when_final = (" (error when final)", " (Fehler, wenn endgültig)")[i]
    lines.append(_markdown_row(list(cols)))
    lines.append("|" + "---|" * len(cols))
    for rule in sorted(REGISTRY.values(), key=lambda r: r.code):
        sev = _SEVERITY_WORDS[rule.severity.value][i] + (blocks if rule.blocks_signing else "")
        sev += when_final if rule.error_when_final else ""
        cells = [
            rule.code,
            sev,
            rule.text(rule.title, lang),
            rule.text(rule.message, lang),
            rule.text(rule.fix, lang).replace("{{", "{").replace("}}", "}"),
        ]
        lines.append(_markdown_row(cells))
    lines += ["", f"## {('Retired codes', 'Entfallene Codes')[i]}", ""]
    lines += [f"- {code}: {texts[i]}" for code, texts in sorted(RETIRED.items())]
    return "\n".join(lines) + "\n"


def verification_table(reports: list[FieldReport], lang: Lang) -> Table:
    """The table ``verify`` prints: one row per signature field."""
    i = LANGS.index(lang)
    heads = (
        ("Field", "Feld"), ("Signed", "Signiert"), ("Signer", "Unterzeichner"),
        ("Signing time", "Zeitpunkt"), ("Level", "Stufe"), ("Intact", "Unverändert"),
        ("Valid", "Gültig"),
        ("Trusted", "Vertrauenswürdig"), ("Later changes permitted", "Spätere Änderungen zulässig"),
        ("Covers whole file", "Deckt ganze Datei"),
    )  # fmt: skip
    table = Table(title=("Signature fields", "Signaturfelder")[i])
    for index, head in enumerate(heads):
        table.add_column(head[i], no_wrap=index == 0)
    yes, no = ("yes", "ja")[i], ("no", "nein")[i]

    def flag(value: bool) -> str:
        return f"[green]{yes}[/]" if value else f"[red]{no}[/]"

    for r in reports:
        if not r.signed:
            table.add_row(escape(r.field), flag(False), "", "", "", "", "", "", "", "")
            continue
        # a time-stamping authority's time is proof; the signer's own clock is not
        moment = r.timestamp or r.signing_time
        when = moment.isoformat(timespec="seconds") if moment else ""
        table.add_row(
            escape(r.field), flag(True), escape(r.signer), when, r.level, flag(r.intact),
            flag(r.valid), flag(r.trusted), flag(r.changes_permitted), flag(r.covers_whole_file),
        )  # fmt: skip
    return table


def verification_findings(reports: list[FieldReport], lang: Lang, *, trust: bool) -> list[str]:
    """What ``verify`` found wrong, a line per finding: ``field: what``.

    Below the table, so each reason is printed whole whatever the terminal's width.
    Why a signer is not trusted is said only when trust was asked about (``trust``):
    without trusted certificates no signer is, and saying so per field is noise.
    """
    i = LANGS.index(lang)
    lines: list[str] = []
    for r in reports:
        for finding in r.findings:
            lines.append(f"{r.field}: {finding[i]}")
        if trust and r.signed and not r.trusted and r.trust_problem is not None:
            lines.append(
                f"{r.field}: {('not trusted', 'nicht vertrauenswürdig')[i]}: {r.trust_problem[i]}"
            )
    return lines


def verification_json(
    file: str, reports: list[FieldReport], lang: Lang, *, trust: bool, exit_code: int
) -> dict[str, object]:
    """The document printed by ``verify --format json``: every field, signed or not, with
    every flag, and what was found wrong with it in ``lang``."""
    i = LANGS.index(lang)
    fields = [
        {
            "field": r.field,
            "signed": r.signed,
            "signer": r.signer or None,
            "signing_time": r.signing_time.isoformat() if r.signing_time else None,
            "timestamp": r.timestamp.isoformat() if r.timestamp else None,
            "level": r.level or None,
            "validation_data": r.validation_data,
            "intact": r.intact,
            "valid": r.valid,
            "trusted": r.trusted,
            "changes_permitted": r.changes_permitted,
            "covers_whole_file": r.covers_whole_file,
            "ok": r.ok,
            "findings": [finding[i] for finding in r.findings],
            "trust_problem": r.trust_problem[i] if r.trust_problem and trust else None,
        }
        for r in reports
    ]
    return {
        "format": VERIFY_JSON_FORMAT,
        "version": __version__,
        "lang": lang,
        "file": file,
        "exit_code": exit_code,
        "ok": exit_code == 0,
        "fields": fields,
    }


def verification_verdict(reports: list[FieldReport], lang: Lang, *, ok: bool) -> str:
    """The last line of ``verify``: how many fields are in order (signed, intact, valid,
    and nothing changed after them but what is permitted) and whether the file is."""
    good = sum(1 for r in reports if r.ok)
    total = len(reports)
    if lang == "de":
        rule = "unterschrieben, unverändert, gültig, danach nur zulässige Änderungen"
        if ok:
            return f"✔ alle {total} Signaturfelder in Ordnung ({rule})"
        return f"✘ {good} von {total} Signaturfeldern in Ordnung ({rule})"
    rule = "signed, intact, valid, only permitted changes after"
    if ok:
        return f"✔ all {total} signature fields in order ({rule})"
    return f"✘ {good} of {total} signature fields in order ({rule})"
