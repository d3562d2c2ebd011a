"""The ``handlungsprogramm`` command: a thin typer layer over the library's functions.

Exit codes (stable, documented in the README):

* 0 — success; for ``check``: no completeness errors
* 1 — completeness errors (the programme loads but is incomplete); for ``migrate --check``:
  a file is not in the current input format
* 2 — the input cannot be loaded, or the command line is wrong
* 3 — the command would overwrite an existing file (use ``--force``)
* 4 — the Word template cannot be used (not a .docx, Jinja error, sandbox violation)
* 5 — LibreOffice is not installed (the .docx files are still written)
* 6 — LibreOffice failed, crashed or timed out
* 7 — a PDF cannot be read, signed or filled
* 8 — an output file cannot be written (folder missing or read-only, a folder in the way)
* 70 — an internal error (a bug: please report it; HANDLUNGSPROGRAMM_DEBUG=1 shows the traceback)
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import sys
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from handlungsprogramm._version import __version__
from handlungsprogramm.build import Target, build_files
from handlungsprogramm.checks import REGISTRY, check
from handlungsprogramm.errors import (
    ConversionError,
    OutputExistsError,
    PdfError,
    ProgrammeLoadError,
    SigningError,
    SofficeNotFoundError,
    TemplateError,
)
from handlungsprogramm.i18n.messages import LOAD_CODES, Lang
from handlungsprogramm.input_files import MAX_PDF_BYTES, describe, read_regular, require_regular
from handlungsprogramm.loading import load
from handlungsprogramm.migrate import Migration, migrate_file
from handlungsprogramm.model import Programme
from handlungsprogramm.model.types import is_country_code, is_language_code
from handlungsprogramm.output import write_atomic
from handlungsprogramm.pdf.convert import DEFAULT_TIMEOUT
from handlungsprogramm.pdf.forms import fill_form, load_mapping, value_paths
from handlungsprogramm.pdf.signing import sign_pdf, verify_pdf
from handlungsprogramm.render.charts import build_charts
from handlungsprogramm.render.docx import Mode, template_variables
from handlungsprogramm.render.writer import Layout
from handlungsprogramm.reporting import (
    CheckResult,
    print_result,
    results_json,
    rules_markdown,
    verification_findings,
    verification_table,
)
from handlungsprogramm.scaffold import scaffold
from handlungsprogramm.schema import json_schema, schema_markdown

__all__ = ["ExitCode", "app", "main"]


class ExitCode(IntEnum):
    """Exit codes of every command."""

    OK = 0
    INCOMPLETE = 1
    INVALID_INPUT = 2
    OUTPUT_EXISTS = 3
    TEMPLATE_ERROR = 4
    NO_LIBREOFFICE = 5
    CONVERSION_FAILED = 6
    PDF_ERROR = 7
    CANNOT_WRITE = 8
    INTERNAL_ERROR = 70
    INTERRUPTED = 130


class OutputFormat(StrEnum):
    """Output formats of ``check``."""

    TEXT = "text"
    JSON = "json"


class RulesFormat(StrEnum):
    """Output formats of ``rules``."""

    TEXT = "text"
    MARKDOWN = "markdown"


class SchemaFormat(StrEnum):
    """Output of ``schema``."""

    JSON = "json"
    MARKDOWN = "markdown"


class Language(StrEnum):
    """Languages of messages."""

    EN = "en"
    DE = "de"


app = typer.Typer(
    name="handlungsprogramm",
    help=(
        "Joint programmes of action of municipal climate partnerships: check them, "
        "build bilingual documents. / Gemeinsame Handlungsprogramme kommunaler "
        "Klimapartnerschaften prüfen und zweisprachige Dokumente erstellen."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _default_lang() -> Language:
    wanted = os.environ.get("HANDLUNGSPROGRAMM_LANG") or os.environ.get("LANG", "")
    return Language.DE if wanted.lower().startswith("de") else Language.EN


def _version(value: bool) -> None:
    if value:
        typer.echo(f"handlungsprogramm {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Joint programmes of action of municipal climate partnerships."""


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of messages (default: HANDLUNGSPROGRAMM_LANG, else LANG, else en).",
        show_default=False,
    ),
]


@app.command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help="Programme files (.yaml, .yml, .json).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text for people, json for programs.")
    ] = OutputFormat.TEXT,
    lang: LangOption = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", metavar="CODE", help="Skip a rule (repeatable), e.g. --ignore HP311."
        ),
    ] = None,
) -> None:
    """Check programmes for completeness. Exit 0: complete; 1: errors; 2: cannot load."""
    language: Lang = (lang or _default_lang()).value
    skip = {code.upper() for code in ignore or []}
    unknown = sorted(skip - REGISTRY.keys())
    if unknown:
        _usage_error(f"unknown rule code(s): {', '.join(unknown)}", language)
    results: list[CheckResult] = []
    for file in files:
        try:
            programme = load(file)
        except ProgrammeLoadError as exc:
            results.append(CheckResult(str(file), problems=exc.problems))
            continue
        results.append(CheckResult(str(file), programme, check(programme, ignore=skip)))
    if output_format is OutputFormat.JSON:
        typer.echo(json.dumps(results_json(results, language), ensure_ascii=False, indent=2))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for result in results:
            print_result(console, result, language)
    raise typer.Exit(max(r.exit_code for r in results))


@app.command("rules")
def rules_command(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", help="text table or a Markdown page.")
    ] = RulesFormat.TEXT,
    lang: LangOption = None,
) -> None:
    """List every code check prints: load problems (HP0xx), then completeness rules."""
    language: Lang = (lang or _default_lang()).value
    if output_format is RulesFormat.MARKDOWN:
        typer.echo(rules_markdown(language), nl=False)
        return
    console = Console(highlight=False, soft_wrap=True)
    for code, entry in sorted(LOAD_CODES.items()):
        console.print(f"{code}  {'error':<7}  {entry.text(entry.title, language)}", highlight=False)
    for rule in sorted(REGISTRY.values(), key=lambda r: r.code):
        console.print(
            f"{rule.code}  {rule.severity.value:<7}  {rule.text(rule.title, language)}",
            highlight=False,
        )


def _targets(value: str) -> frozenset[Target]:
    try:
        targets = frozenset(
            Target(part.strip().lower()) for part in value.split(",") if part.strip()
        )
    except ValueError:
        raise typer.BadParameter("use docx, pdf or docx,pdf") from None
    if not targets:
        raise typer.BadParameter("use docx, pdf or docx,pdf")
    return targets


@app.command("build")
def build_command(
    files: Annotated[list[Path], typer.Argument(help="Programme files (.yaml, .yml, .json).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out"),
    to: Annotated[
        str, typer.Option("--to", help="docx, pdf, or docx,pdf.", metavar="FORMATS")
    ] = "docx",
    layout: Annotated[
        Layout, typer.Option("--layout", help="side-by-side or sequential.")
    ] = Layout.SIDE_BY_SIDE,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="A .docx with docxtpl tags instead of the standard."),
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Always mark the document as a draft.")
    ] = False,
    final: Annotated[
        bool,
        typer.Option("--final", help="Refuse (exit 1, no file) while completeness errors remain."),
    ] = False,
    convert_timeout: Annotated[
        float, typer.Option("--convert-timeout", help="Seconds LibreOffice may take per document.")
    ] = DEFAULT_TIMEOUT,
    pdfa: Annotated[bool, typer.Option("--pdfa/--no-pdfa", help="PDF/A-2b or plain PDF.")] = True,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a PDF that already carries signatures.")
    ] = False,
    charts: Annotated[
        bool, typer.Option("--charts/--no-charts", help="Include the charts or not.")
    ] = True,
    lang: LangOption = None,
) -> None:
    """Build the bilingual documents of each programme into --out (one file per programme)."""
    language: Lang = (lang or _default_lang()).value
    targets = _targets(to)
    if draft and final:
        _usage_error(
            ("--draft and --final exclude each other", "--draft und --final schließen sich aus"),
            language,
        )
    mode = Mode.DRAFT if draft else Mode.FINAL if final else Mode.AUTO
    console = Console(highlight=False, soft_wrap=True, stderr=True)
    steps = len(files) * (1 + (Target.PDF in targets))
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=len(files) < 2 or not console.is_terminal,
    ) as bar:  # fmt: skip
        task = bar.add_task("build", total=steps)
        try:
            items = build_files(
                files, out, targets=targets, layout=layout, template=template, mode=mode,
                timeout=convert_timeout, pdfa=pdfa, force=force, charts=charts,
                progress=lambda _: bar.advance(task),
            )  # fmt: skip
        except TemplateError as exc:
            _err((f"template {exc.message('en')}", f"Vorlage {exc.message('de')}"), language)
            raise typer.Exit(ExitCode.TEMPLATE_ERROR) from None
        except SofficeNotFoundError as exc:
            _err((f"error: {exc}", f"Fehler: {exc}"), language)
            raise typer.Exit(ExitCode.NO_LIBREOFFICE) from None
        except ConversionError as exc:
            _err((f"error: {exc}", f"Fehler: {exc}"), language)
            raise typer.Exit(ExitCode.CONVERSION_FAILED) from None
    for item in items:
        if item.problems:
            print_result(console, CheckResult(str(item.source), problems=item.problems), language)
        if item.refused:
            _err(
                (
                    f"{item.source}: not written: {item.refused}",
                    f"{item.source}: nicht geschrieben: {item.refused}",
                ),
                language,
            )
        if item.result is not None:
            for field in item.result.warnings:
                _err(
                    (
                        f"{item.source}: warning: removed characters that Word cannot store from {field}",
                        f"{item.source}: Warnung: in {field} wurden Zeichen entfernt, die Word nicht speichern kann",
                    ),
                    language,
                )
            state = ("draft", "Entwurf") if item.result.draft else ("final", "endgültig")
            for path in item.written:
                _err((f"wrote {path} ({state[0]})", f"{path} geschrieben ({state[1]})"), language)
    raise typer.Exit(max((item.exit_code for item in items), default=0))


@app.command("charts")
def charts_command(
    file: Annotated[Path, typer.Argument(help="The programme file.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out/charts"),
    lang: LangOption = None,
) -> None:
    """Export every chart of the programme as PNG and SVG (for presentations and reports)."""
    language: Lang = (lang or _default_lang()).value
    programme = _load_or_exit(file, language)
    for chart in build_charts(programme, parallel=None):  # two cores where safe
        for suffix, data in (("png", chart.png), ("svg", chart.svg)):
            path = _write_or_exit(out / f"{chart.name}.{suffix}", data, language)
            _err((f"wrote {path}", f"{path} geschrieben"), language)


@app.command("sign")
def sign_command(
    pdf: Annotated[Path, typer.Argument(help="The PDF to sign.")],
    field: Annotated[str, typer.Option("--field", help="Signature field, e.g. sig-pfinztal.")],
    pkcs12: Annotated[Path, typer.Option("--pkcs12", help="Key and certificate (.p12/.pfx).")],
    out: Annotated[Path, typer.Option("--out", help="The signed PDF.")],
    lang: LangOption = None,
) -> None:
    """Sign one field (incremental update). Passphrase: HANDLUNGSPROGRAMM_SIGN_PASSPHRASE or a prompt."""
    language: Lang = (lang or _default_lang()).value
    data = _read_or_exit(pdf, language)
    _require_file_or_exit(pkcs12, language)
    passphrase = os.environ.get("HANDLUNGSPROGRAMM_SIGN_PASSPHRASE")
    if passphrase is None:
        if not sys.stdin.isatty():
            _err(
                (
                    "error: set HANDLUNGSPROGRAMM_SIGN_PASSPHRASE or run in a terminal to be asked",
                    "Fehler: HANDLUNGSPROGRAMM_SIGN_PASSPHRASE setzen oder im Terminal ausführen",
                ),
                language,
            )
            raise typer.Exit(ExitCode.PDF_ERROR)
        passphrase = getpass.getpass("Passphrase: " if language == "en" else "Passwort: ")
    try:
        signed = sign_pdf(data, field=field, pkcs12=pkcs12, passphrase=passphrase.encode())
    except (SigningError, PdfError) as exc:
        raise _pdf_error(exc, language) from None
    _write_or_exit(out, signed, language)
    _err((f"signed {field}: wrote {out}", f"{field} unterschrieben: {out} geschrieben"), language)


@app.command("verify")
def verify_command(
    pdf: Annotated[Path, typer.Argument(help="The PDF to verify.")],
    trust: Annotated[
        list[Path] | None,
        typer.Option("--trust", help="A trusted certificate (PEM/DER), repeatable."),
    ] = None,
    require_trust: Annotated[
        bool, typer.Option("--require-trust", help="Also require every signer to be trusted.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Report on every signature field; exit 0 only when all are signed, intact and valid."""
    language: Lang = (lang or _default_lang()).value
    data = _read_or_exit(pdf, language)
    for certificate in trust or []:
        _require_file_or_exit(certificate, language)
    try:
        reports = verify_pdf(data, trust=trust or [])
    except PdfError as exc:
        raise _pdf_error(exc, language) from None
    console = Console(highlight=False, soft_wrap=True)
    console.print(verification_table(reports, language))
    for line in verification_findings(reports, language, trust=bool(trust) or require_trust):
        typer.echo(line)
    ok = bool(reports) and all(r.ok and (r.trusted or not require_trust) for r in reports)
    if require_trust and not trust:
        _err(
            (
                "--require-trust needs the certificates you trust: add --trust CERT.pem",
                "--require-trust braucht vertrauenswürdige Zertifikate: --trust CERT.pem angeben",
            ),
            language,
        )
    if not reports:
        _err(("the PDF has no signature fields", "das PDF hat keine Signaturfelder"), language)
    raise typer.Exit(ExitCode.OK if ok else ExitCode.INCOMPLETE)


@app.command("fill-form")
def fill_form_command(
    form: Annotated[Path | None, typer.Argument(help="The PDF form to fill.")] = None,
    programme_file: Annotated[
        Path | None, typer.Option("--programme", help="The programme file.")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", help="Mapping of form fields to paths (YAML).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="The filled PDF.")] = None,
    flatten: Annotated[
        bool, typer.Option("--flatten", help="Turn the fields into page content.")
    ] = False,
    list_paths: Annotated[
        bool, typer.Option("--list-paths", help="List the paths a mapping can use, then stop.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Fill even a form that carries signatures (breaks them)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Fill a PDF form from a programme, following a mapping file."""
    language: Lang = (lang or _default_lang()).value
    if programme_file is None:
        _usage_error(("--programme is required", "--programme fehlt"), language)
        return
    programme = _load_or_exit(programme_file, language)
    if list_paths:
        for path in value_paths(programme):
            typer.echo(path)
        return
    if form is None or mapping is None or out is None:
        _usage_error(
            ("FORM, --mapping and --out are required", "FORM, --mapping und --out fehlen"),
            language,
        )
        return
    form_bytes = _read_or_exit(form, language)
    try:
        filled = fill_form(
            form_bytes, programme, load_mapping(mapping), flatten=flatten, force=force
        )
    except OutputExistsError as exc:
        _err((f"error: {exc}", f"Fehler: {exc}"), language)
        raise typer.Exit(ExitCode.OUTPUT_EXISTS) from None
    except PdfError as exc:
        raise _pdf_error(exc, language) from None
    _write_or_exit(out, filled, language)
    _err((f"wrote {out}", f"{out} geschrieben"), language)


template_app = typer.Typer(help="Work with Word templates.", no_args_is_help=True)
app.add_typer(template_app, name="template")


@template_app.command("check")
def template_check_command(
    template: Annotated[Path, typer.Argument(help="A .docx with docxtpl tags.")],
    lang: LangOption = None,
) -> None:
    """List variables the template uses that the context does not provide (exit 1 if any)."""
    language: Lang = (lang or _default_lang()).value
    try:
        unknown = template_variables(template)
    except TemplateError as exc:
        _err((f"template {exc.message('en')}", f"Vorlage {exc.message('de')}"), language)
        raise typer.Exit(ExitCode.TEMPLATE_ERROR) from None
    if not unknown:
        _err(
            (
                f"{template}: every variable is provided",
                f"{template}: alle Variablen sind vorhanden",
            ),
            language,
        )
        return
    for name in sorted(unknown):
        typer.echo(name)
    _err(
        (
            f"{template}: {len(unknown)} variable(s) not in the context; see docs/templates.md",
            f"{template}: {len(unknown)} Variable(n) nicht im Kontext; siehe docs/templates.md",
        ),
        language,
    )
    raise typer.Exit(ExitCode.INCOMPLETE)


@app.command("schema")
def schema_command(
    output_format: Annotated[
        SchemaFormat,
        typer.Option("--format", help="json for editors, markdown for the reference page."),
    ] = SchemaFormat.JSON,
) -> None:
    """Print the JSON Schema of the input format (for editors such as VS Code)."""
    if output_format is SchemaFormat.MARKDOWN:
        typer.echo(schema_markdown(), nl=False)
        return
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command("init")
def init_command(
    out: Annotated[Path, typer.Argument(help="The new programme file, e.g. programme.yaml.")],
    german: Annotated[str, typer.Option("--german", help="Name of the German municipality.")],
    partner: Annotated[str, typer.Option("--partner", help="Name of the partner municipality.")],
    partner_country: Annotated[
        str, typer.Option("--partner-country", help="ISO 3166-1 alpha-2 code, e.g. SN.")
    ],
    language: Annotated[
        str, typer.Option("--language", help="The partner's working language (ISO 639-1), e.g. fr.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Write a new programme with every section present, ready to fill in."""
    msg_lang: Lang = (lang or _default_lang()).value
    country = partner_country.strip().upper()
    code = language.strip().lower()
    if not is_country_code(country):
        _usage_error(
            (
                f"--partner-country: '{partner_country}' is not an ISO 3166-1 alpha-2 code",
                f"--partner-country: '{partner_country}' ist kein Ländercode"
                " nach ISO 3166-1 alpha-2",
            ),
            msg_lang,
        )
    if not is_language_code(code):
        _usage_error(
            (
                f"--language: '{language}' is not an ISO 639-1 language code",
                f"--language: '{language}' ist kein Sprachcode nach ISO 639-1",
            ),
            msg_lang,
        )
    if code == "de":
        _usage_error(
            (
                "--language: the partner's language must not be German",
                "--language: die Sprache des Partners darf nicht Deutsch sein",
            ),
            msg_lang,
        )
    for option, name in (("--german", german), ("--partner", partner)):
        if not name.strip() or any(ord(ch) < 32 for ch in name) or len(name) > 300:
            _usage_error(
                (
                    f"{option}: give the municipality's name (1–300 characters, no line breaks)",
                    f"{option}: den Namen der Kommune angeben (1–300 Zeichen, ohne Zeilenumbruch)",
                ),
                msg_lang,
            )
    if out.exists() and not force:
        _err(
            (
                f"{out} exists; use --force to overwrite it",
                f"{out} existiert bereits; mit --force überschreiben",
            ),
            msg_lang,
        )
        raise typer.Exit(ExitCode.OUTPUT_EXISTS)
    _write_or_exit(
        out, scaffold(german.strip(), partner.strip(), country, code).encode("utf-8"), msg_lang
    )
    _err(
        (
            f"wrote {out}; fill it in and run: handlungsprogramm check {out}",
            f"{out} geschrieben; ausfüllen und prüfen mit: handlungsprogramm check {out}",
        ),
        msg_lang,
    )


@app.command("migrate")
def migrate_command(
    files: Annotated[list[Path], typer.Argument(help="Programme files (.yaml, .yml, .json).")],
    check_only: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if a file is not current (for CI)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Bring programme files to the current input format, in place; comments and order kept."""
    language: Lang = (lang or _default_lang()).value
    console = Console(highlight=False, soft_wrap=True, stderr=True)
    codes = [ExitCode.OK]
    for file in files:
        try:
            migration = migrate_file(file, write=not check_only)
        except ProgrammeLoadError as exc:
            print_result(console, CheckResult(str(file), problems=exc.problems), language)
            codes.append(ExitCode.INVALID_INPUT)
            continue
        except OSError as exc:  # reading is done: this is the write
            reason = exc.strerror or str(exc)
            _err(
                (
                    f"error: cannot write {file}: {reason}",
                    f"Fehler: {file} nicht schreibbar: {reason}",
                ),
                language,
            )
            codes.append(ExitCode.CANNOT_WRITE)
            continue
        _err(_migration_message(migration, check_only), language)
        if check_only and migration.changed:
            codes.append(ExitCode.INCOMPLETE)
    raise typer.Exit(max(codes))


def _migration_message(migration: Migration, check_only: bool) -> tuple[str, str]:
    """One line on what ``migrate`` did to a file, or (``--check``) would do."""
    name, old, new = migration.name, migration.from_version, migration.to_version
    if not migration.changed:
        return (
            f"{name}: input format {new}, current; nothing to change",
            f"{name}: Eingabeformat {new}, aktuell; nichts zu ändern",
        )
    if check_only:
        what = (
            (f"is written for input format {old}", f"ist im Eingabeformat {old} geschrieben")
            if old < new
            else ("has no schema_version", "hat kein schema_version")
        )
        return (
            f"{name}: {what[0]}, not current; run: handlungsprogramm migrate {name}",
            f"{name}: {what[1]}, nicht aktuell; ausführen: handlungsprogramm migrate {name}",
        )
    done = (
        (
            f"{name}: updated from input format {old} to {new}",
            f"{name}: vom Eingabeformat {old} auf {new} umgestellt",
        )
        if old < new
        else (
            f"{name}: added schema_version: {new} (the format was already current)",
            f"{name}: schema_version: {new} eingetragen (das Format war schon aktuell)",
        )
    )
    if not migration.relaid:
        return done
    return (
        f"{done[0]}; its indentation or spacing was rewritten too: review the changes",
        f"{done[1]}; auch Einrückung oder Abstände wurden neu geschrieben:"
        " bitte die Änderungen prüfen",
    )


def _load_or_exit(file: Path, lang: Lang) -> Programme:
    """Load a programme, or print its located problems and exit 2."""
    try:
        return load(file)
    except ProgrammeLoadError as exc:
        console = Console(highlight=False, soft_wrap=True, stderr=True)
        print_result(console, CheckResult(str(file), problems=exc.problems), lang)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None


def _read_or_exit(path: Path, lang: Lang) -> bytes:
    """Read an input PDF, or say why not and exit 7 (a device or pipe is refused unread)."""
    try:
        return read_regular(path, MAX_PDF_BYTES)
    except OSError as exc:
        en, de = describe(exc, path)
        _err((f"error: {en}", f"Fehler: {de}"), lang)
        raise typer.Exit(ExitCode.PDF_ERROR) from None


def _require_file_or_exit(path: Path, lang: Lang) -> None:
    """A file another library reads by name (key, certificate) must be a regular file."""
    try:
        require_regular(path)
    except OSError as exc:
        en, de = describe(exc, path)
        _err((f"error: {en}", f"Fehler: {de}"), lang)
        raise typer.Exit(ExitCode.PDF_ERROR) from None


def _write_or_exit(path: Path, data: bytes, lang: Lang) -> Path:
    """Write atomically, or say why not and exit 8."""
    try:
        return write_atomic(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        _err(
            (f"error: cannot write {path}: {reason}", f"Fehler: {path} nicht schreibbar: {reason}"),
            lang,
        )
        raise typer.Exit(ExitCode.CANNOT_WRITE) from None


def _pdf_error(exc: Exception, lang: Lang) -> typer.Exit:
    """Say what went wrong with a PDF; the caller raises the returned exit (code 7)."""
    if isinstance(exc, PdfError | SigningError):
        _err((f"error: {exc.message('en')}", f"Fehler: {exc.message('de')}"), lang)
    else:
        _err((f"error: {exc}", f"Fehler: {exc}"), lang)
    return typer.Exit(ExitCode.PDF_ERROR)


def _err(message: tuple[str, str], lang: Lang) -> None:
    typer.echo(message[0] if lang == "en" else message[1], err=True)


def _usage_error(message: str | tuple[str, str], lang: Lang) -> None:
    text = message if isinstance(message, str) else (message[0] if lang == "en" else message[1])
    prefix = "error" if lang == "en" else "Fehler"
    typer.echo(f"{prefix}: {text}", err=True)
    raise typer.Exit(ExitCode.INVALID_INPUT)


class Interrupted(BaseException):
    """Ctrl-C or a termination signal; a BaseException, so no ``except Exception`` eats it."""


def _interrupt(signum: int, _frame: object) -> None:
    # Further signals are ignored from here on: a second Ctrl-C must not break off the
    # clean-up (killing LibreOffice and the render workers) that the first one starts.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Interrupted(signum)


def main() -> None:
    """Console-script entry point: a bug ends with exit 70 and one line, not a traceback.

    Ctrl-C and SIGTERM (a job runner's timeout) become :class:`Interrupted`, which
    unwinds normally: LibreOffice's process groups are killed, temporary files are
    removed and every output is the previous file or the complete new one. Python's
    default for SIGTERM would end the process at once, leaving all of that behind.
    """
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        app(prog_name="handlungsprogramm")
    except Interrupted:
        english = _default_lang().value == "en"
        typer.echo(
            "interrupted: no output was left half-written"
            if english
            else "abgebrochen: keine Ausgabedatei blieb halb geschrieben",
            err=True,
        )
        sys.exit(ExitCode.INTERRUPTED)
    except Exception as exc:
        if os.environ.get("HANDLUNGSPROGRAMM_DEBUG"):
            raise
        typer.echo(
            f"internal error: {type(exc).__name__}: {exc} (please report it; "
            "HANDLUNGSPROGRAMM_DEBUG=1 shows the details)",
            err=True,
        )
        sys.exit(ExitCode.INTERNAL_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
