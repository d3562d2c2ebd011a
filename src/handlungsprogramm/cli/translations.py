"""The commands that send texts to translators and take translations back:
``export --to xliff|xliff2|po``, ``import FILE.xlf|.po --into P.yaml`` and
``translations confirm``.

``export`` and ``import`` hand over to this module for translation files, so the
workbook and the translation routes share their commands but not their code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from handlungsprogramm.cli.common import (
    LangOption,
    _default_lang,
    _load_or_exit,
    fail,
    say,
    write_output,
)
from handlungsprogramm.errors import OutputExistsError, ProgrammeLoadError, UsageError
from handlungsprogramm.i18n.lang import Lang

__all__ = ["TRANSLATION_SUFFIXES", "confirm_command", "export_texts_file", "import_texts_file"]

TRANSLATION_SUFFIXES = frozenset({".xlf", ".xliff", ".po"})
"""Files ``import`` reads as a translator's file rather than a workbook."""

_SUFFIX = {"xliff": "xlf", "xliff2": "xliff", "po": "po"}


def _language(code: str) -> tuple[str, str]:
    from handlungsprogramm.checks.registry import language_name

    return language_name(code, "en"), language_name(code, "de")


def export_texts_file(
    file: Path,
    to: Literal["xliff", "xliff2", "po"],
    only: str | None,
    out: Path | None,
    force: bool,
    language: Lang,
) -> None:
    """``export --to xliff|xliff2|po``: the texts to translate, by default the missing
    and outdated ones, into ``out`` (``programme.fr.xlf`` without it)."""
    from handlungsprogramm.translation import Only, export_texts

    programme = _load_or_exit(file, language)
    partner = programme.partner_language
    data = export_texts(programme, to, Only(only) if only else None, file.name)
    if data is None:
        en, de = _language(partner)
        which = {
            "missing": (f"lacks a translation into {en}", f"ohne Übersetzung auf {de}"),
            "outdated": (
                f"has an outdated translation into {en}",
                f"mit veralteter Übersetzung auf {de}",
            ),
        }.get(
            only or "",
            (f"lacks a current translation into {en}", f"ohne aktuelle Übersetzung auf {de}"),
        )
        say("HP975", language, which=which)
        return
    out = out or Path(f"{file.stem}.{partner}.{_SUFFIX[to]}")
    if out.exists() and not force:  # a file a translator is working on is never lost
        raise OutputExistsError("HP904", path=str(out))
    write_output(out, data)
    say("HP950", language, path=str(out))


def import_texts_file(
    source: Path, out: Path | None, into: Path | None, skip_stale: bool, language: Lang
) -> None:
    """``import FILE.xlf|.po --into P.yaml``: the translations into the programme file,
    its comments and order kept; nothing written when a unit is refused."""
    from handlungsprogramm.translation import load_translation_file, take_over
    from handlungsprogramm.workbook.merge import merge_into

    if into is None or out is not None:
        raise UsageError("HP938", command="handlungsprogramm import")
    programme = _load_or_exit(into, language)
    try:
        outcome = take_over(programme, load_translation_file(source), skip_stale=skip_stale)
        text, kept = merge_into(into, outcome.programme)
    except ProgrammeLoadError as exc:
        fail(exc, language, source=str(source))
    for problem in outcome.skipped:
        where = str(problem.location) if problem.location else str(source)
        say("HP972", language, location=where, reason=problem.message(language))
    counts = {"taken": len(outcome.taken), "confirmed": len(outcome.confirmed)}
    say("HP974", language, left=len(outcome.left), **counts)
    write_output(into, text.encode("utf-8"))
    say("HP970", language, path=str(into))
    if not kept:
        say("HP971", language, path=str(into))


def confirm_command(
    file: Annotated[Path, typer.Argument(help="The programme file (.yaml, .yml, .json).")],
    texts: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TEXT]...",
            help="Ids of the texts whose translation is current, e.g."
            " measures/M-07/description; every translated text without them.",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Record that translations were made from the current German texts (after
    translating by hand), so check reports them when the German changes later."""
    from handlungsprogramm.translation import record, units_by_id
    from handlungsprogramm.workbook.merge import merge_into

    language: Lang = (lang or _default_lang()).value
    programme = _load_or_exit(file, language)
    units = units_by_id(programme)
    partner = _language(programme.partner_language)
    chosen = list(dict.fromkeys(texts)) if texts else [i for i, u in units.items() if u.target]
    for text_id in chosen:
        if text_id not in units:
            raise UsageError("HP912", text=text_id)
        if not units[text_id].target:
            raise UsageError("HP913", text=text_id, language=partner)
    try:
        text, kept = merge_into(file, record(programme, chosen))
    except ProgrammeLoadError as exc:
        fail(exc, language, source=str(file))
    write_output(file, text.encode("utf-8"))
    say("HP973", language, path=str(file), count=len(chosen))
    if not kept:
        say("HP971", language, path=str(file))
