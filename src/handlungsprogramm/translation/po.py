"""PO files, written and read with Babel: for teams that translate in Weblate, Poedit or
a text editor.

An entry is one text: ``msgctxt`` its stable id, ``msgid`` the German text, ``msgstr``
the translation (empty when missing); an outdated translation is marked ``fuzzy``, as
gettext marks a translation whose source changed. The field's name and the item go in
an extracted comment (``#.``), the text's place in the programme file in ``#:``.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from handlungsprogramm.location import SourceLocation
from handlungsprogramm.model import Programme
from handlungsprogramm.render.sanitize import clean_text
from handlungsprogramm.translation.returned import Returned, ReturnedUnit, problem
from handlungsprogramm.translation.units import State, TextUnit

__all__ = ["read_po_file", "write_po_file"]

_FORMAT_FLAGS = ("python-format", "python-brace-format")
"""Flags Babel guesses from the text ("90 % der Kosten" looks like ``% d``): a
programme's text is no format string, and tools would check it as one."""

_NO_DATE = dt.date(1970, 1, 1)

_HEADER = (
    "# Texts of a joint programme of action to translate, exported by handlungsprogramm.\n"
    "# msgctxt names the text: keep it. msgid is the German text: do not change it.\n"
    "# Write the translation in msgstr; remove the fuzzy flag once a translation is reviewed."
)
"""The file's opening comment (Babel's template names an author, an organisation and the
current year, none of which a programme has)."""


def write_po_file(programme: Programme, units: list[TextUnit], original: str) -> bytes:
    """The units as a PO file (UTF-8)."""
    partner = programme.partner_language
    catalog = Catalog(
        locale=partner,
        project=f"{programme.title.get('de')} / {programme.title.get(partner)}",
        version=programme.version,
        charset="utf-8",
        fuzzy=False,
        msgid_bugs_address="",
        last_translator="",
        language_team=partner,
    )
    catalog.header_comment = _HEADER
    source = programme.source
    for unit in units:
        where = source.value(unit.path) if source else None
        message = catalog.add(
            clean_text(unit.source),
            clean_text(unit.target),
            locations=[(original, where.line)] if where else [],
            flags=["fuzzy"] if unit.state is State.OUTDATED else [],
            auto_comments=[clean_text(unit.note(partner))],
            context=unit.id,
        )
        if message is not None:
            for flag in _FORMAT_FLAGS:
                message.flags.discard(flag)
    out = io.BytesIO()
    # the programme's date, not the clock: the same programme gives the same file
    catalog.creation_date = dt.datetime.combine(programme.date or _NO_DATE, dt.time(), dt.UTC)
    write_po(out, catalog, width=0, omit_header=False, sort_output=False)
    return out.getvalue()


_LINE = re.compile(
    r'(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*")?'
)
"""A line of a PO file: a comment, a keyword with its quoted string, a continued string,
or nothing. Babel reads a string without its closing quote as if it had one (and drops
its last character), so every line is checked first."""
_CONTEXT = re.compile(r'msgctxt\s+"((?:[^"\\]|\\.)*)"')
_LANGUAGE = re.compile(r'^"Language:\s*([^"\\]*)\\n"', re.MULTILINE)


def _lines(text: str, returned: Returned) -> None:
    """Malformed lines and contexts given twice, as located problems."""
    contexts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not _LINE.fullmatch(stripped):
            where = SourceLocation(returned.name, number, 1)
            reason = (
                f"line {number} is not PO: {stripped[:40]}",
                f"Zeile {number} ist kein PO: {stripped[:40]}",
            )
            returned.problems.append(
                problem("translation_unreadable", where, "HP004", reason=reason)
            )
            return
        context = _CONTEXT.fullmatch(stripped)
        if context is None:
            continue
        value = context.group(1)
        if value in contexts:
            where = SourceLocation(returned.name, number, 1)
            returned.problems.append(
                problem("translation_unit_twice", where, text=value, line=contexts[value])
            )
        contexts.setdefault(value, number)


def read_po_file(data: bytes, name: str) -> Returned:
    """Every entry of a PO file, or the problems that keep it from being read."""
    returned = Returned(name)
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM some editors write
    text = data.decode("utf-8", "replace")
    _lines(text, returned)
    if returned.problems:
        return returned
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True, ignore_obsolete=True)
    except (PoFileError, UnicodeError, LookupError, ValueError) as exc:
        where = SourceLocation(name, getattr(exc, "lineno", 1) or 1, 1)
        returned.problems.append(problem("translation_unreadable", where, "HP004", reason=str(exc)))
        return returned
    language = _LANGUAGE.search(text)
    returned.languages.append(("de", language.group(1).strip() if language else "", None))
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue  # the header, or a plural form no export writes
        target = message.string if isinstance(message.string, str) else ""
        where = SourceLocation(name, message.lineno or 1, 1)
        text_id = message.context or ""
        returned.units.append(ReturnedUnit(text_id, message.id, target, not message.fuzzy, where))
    if not returned.units:  # Babel reads most text as a PO file without entries
        first = text.strip().split("\n", 1)[0][:40]
        where = SourceLocation(name, 1, 1)
        returned.problems.append(problem("translation_not_exchange", where, "HP007", found=first))
    return returned
