"""User-facing messages of the loader, in English and German.

Pydantic reports errors by type with a context dict; we render our own sentences from
the same type and context so a German coordinator reads German, and so the wording
is ours to keep stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from handlungsprogramm.i18n.lang import LANGS, Bilingual, Lang

__all__ = [
    "LANGS",
    "LOAD_CODES",
    "Lang",
    "LoadCode",
    "describe_value",
    "load_problem_fix",
    "load_problem_message",
]


class LoadProblem(Protocol):
    """What a load problem offers its messages (:class:`handlungsprogramm.errors.LoadProblem`);
    a protocol, so this catalogue need not import the exceptions that use it."""

    @property
    def code(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def ctx(self) -> dict[str, object]: ...


@dataclass(frozen=True, slots=True)
class LoadCode:
    """What one load problem code stands for, in English and German.

    A code covers several finer ``kind``s (HP004 is every syntax error), each with its
    own message; so the reference needs ``meaning``, what falls under the code, besides
    the ``title``. ``fix`` is printed under every problem of the code, as completeness
    findings print theirs; it may name only placeholders that every kind of the code
    has in its context (``{key}`` of HP010, ``{field}`` of HP011), else it would show
    the bare placeholder to the user.
    """

    title: Bilingual
    meaning: Bilingual
    fix: Bilingual

    def text(self, which: Bilingual, lang: Lang) -> str:
        """Pick the ``lang`` variant of one of this code's texts."""
        return which[LANGS.index(lang)]


LOAD_CODES: dict[str, LoadCode] = {
    "HP001": LoadCode(
        title=("file cannot be read", "Datei kann nicht gelesen werden"),
        meaning=(
            "The file cannot be read: not found, not a regular file, or no permission.",
            "Die Datei kann nicht gelesen werden: nicht gefunden, keine gewöhnliche Datei"
            " oder keine Berechtigung.",
        ),
        fix=(
            "check the file's name and folder, and that you may read it",
            "Namen und Ordner der Datei prüfen und ob Sie sie lesen dürfen",
        ),
    ),
    "HP002": LoadCode(
        title=("file too large", "Datei zu groß"),
        meaning=(
            "The file is larger than the limit the loader accepts (the message gives it).",
            "Die Datei ist größer als erlaubt (die Meldung nennt die Grenze).",
        ),
        fix=(
            "check that this is the programme file; a programme stays far below the limit,"
            " so remove what was pasted in by mistake (images, data dumps)",
            "prüfen, ob dies die Programmdatei ist; ein Programm bleibt weit unter der Grenze,"
            " also versehentlich Eingefügtes (Bilder, Datenexporte) entfernen",
        ),
    ),
    "HP003": LoadCode(
        title=("not UTF-8 text", "kein UTF-8-Text"),
        meaning=(
            "The file is not UTF-8 text: UTF-16 or a legacy encoding (named as such),"
            " or a binary file.",
            "Die Datei ist kein UTF-8-Text: UTF-16 oder eine ältere Kodierung (als solche"
            " benannt) oder eine Binärdatei.",
        ),
        fix=(
            "save the file as UTF-8 text (in the editor: Save as… with the encoding UTF-8)",
            "die Datei als UTF-8-Text speichern (im Editor: Speichern unter… mit der"
            " Kodierung UTF-8)",
        ),
    ),
    "HP004": LoadCode(
        title=("syntax error", "Syntaxfehler"),
        meaning=(
            "A YAML or JSON syntax error, including a key given twice, an unclosed quote,"
            " a YAML tag (`!!python/object`, `!!binary`…) or a second YAML document in the"
            " file.",
            "Ein YAML- oder JSON-Syntaxfehler, auch ein doppelt angegebener Schlüssel, ein"
            " nicht geschlossenes Anführungszeichen, ein YAML-Tag (`!!python/object`,"
            " `!!binary`…) oder ein zweites YAML-Dokument in der Datei.",
        ),
        fix=(
            "correct the syntax at or just before the place shown: indent with spaces, not"
            " tabs; put a space after each colon; close every quote and bracket; give each"
            " key once",
            "die Syntax an der gezeigten Stelle oder kurz davor korrigieren: mit Leerzeichen"
            " einrücken, nicht mit Tabulatoren; nach jedem Doppelpunkt ein Leerzeichen; jedes"
            " Anführungszeichen und jede Klammer schließen; jeden Schlüssel nur einmal angeben",
        ),
    ),
    "HP005": LoadCode(
        title=("structure too large or too deep", "Struktur zu groß oder zu tief verschachtelt"),
        meaning=(
            "The input is too large once its YAML aliases are expanded, or nested too deep.",
            "Die Eingabe ist zu groß, wenn ihre YAML-Aliase aufgelöst werden, oder zu tief"
            " verschachtelt.",
        ),
        fix=(
            "write repeated parts out instead of referring to them with YAML aliases"
            " (`&name`, `*name`), and nest no deeper than the input format does",
            "wiederholte Teile ausschreiben, statt mit YAML-Aliasen (`&name`, `*name`)"
            " auf sie zu verweisen, und nicht tiefer verschachteln als das Eingabeformat",
        ),
    ),
    "HP006": LoadCode(
        title=("empty file", "leere Datei"),
        meaning=("The file is empty.", "Die Datei ist leer."),
        fix=(
            "fill in the file, or let `handlungsprogramm init` write a programme to fill in",
            "die Datei ausfüllen oder mit `handlungsprogramm init` ein Programm zum"
            " Ausfüllen schreiben lassen",
        ),
    ),
    "HP007": LoadCode(
        title=("not a programme", "kein Programm"),
        meaning=(
            "The top level is not a mapping of sections (`title:`, `languages:`, …).",
            "Die oberste Ebene ist keine Zuordnung von Abschnitten (`title:`, `languages:`, …).",
        ),
        fix=(
            "start each section at the beginning of a line with its key and a colon"
            " (`title:`, `languages:`, `partnership:` …); `handlungsprogramm init` writes"
            " a programme to start from",
            "jeden Abschnitt am Zeilenanfang mit seinem Schlüssel und einem Doppelpunkt"
            " beginnen (`title:`, `languages:`, `partnership:` …); `handlungsprogramm init`"
            " schreibt ein Programm als Ausgangspunkt",
        ),
    ),
    "HP010": LoadCode(
        title=("unknown key", "unbekannter Schlüssel"),
        meaning=(
            "A key the input format does not have here, usually a typo; the message"
            " suggests the closest allowed key.",
            "Ein Schlüssel, den das Eingabeformat an dieser Stelle nicht kennt, meist ein"
            " Tippfehler; die Meldung schlägt den ähnlichsten erlaubten Schlüssel vor.",
        ),
        fix=(
            "remove `{key}` or correct its spelling; the allowed keys are listed in the"
            " input-format reference (`handlungsprogramm schema --format markdown`)",
            "`{key}` entfernen oder richtig schreiben; die erlaubten Schlüssel stehen in der"
            " Referenz des Eingabeformats (`handlungsprogramm schema --format markdown`)",
        ),
    ),
    "HP011": LoadCode(
        title=("missing field", "fehlendes Feld"),
        meaning=("A required field is missing.", "Ein Pflichtfeld fehlt."),
        fix=(
            "add `{field}:` with its value to the mapping that starts here; the input-format"
            " reference says what it holds",
            "`{field}:` mit seinem Wert in der Zuordnung ergänzen, die hier beginnt; die"
            " Referenz des Eingabeformats sagt, was hineingehört",
        ),
    ),
    "HP012": LoadCode(
        title=("wrong type", "falscher Typ"),
        meaning=(
            "A value of the wrong type: a number where text belongs, a list where a"
            " mapping belongs…",
            "Ein Wert vom falschen Typ: eine Zahl, wo Text hingehört, eine Liste, wo eine"
            " Zuordnung hingehört…",
        ),
        fix=(
            "write a value of the kind the message names; text that YAML would read as a"
            " number, date or true/false goes in quotes",
            "einen Wert der Art schreiben, die die Meldung nennt; Text, den YAML als Zahl,"
            " Datum oder true/false lesen würde, gehört in Anführungszeichen",
        ),
    ),
    "HP013": LoadCode(
        title=("invalid value", "ungültiger Wert"),
        meaning=(
            "A value that is not allowed: an unknown choice, country, currency or language"
            " code, a withdrawn currency such as DEM, a day not in the calendar, an end"
            " before its start, a negative amount…",
            "Ein Wert, der nicht erlaubt ist: eine unbekannte Auswahl, ein unbekannter"
            " Länder-, Währungs- oder Sprachcode, eine abgelöste Währung wie DEM, ein Tag,"
            " den es nicht gibt, ein Ende vor dem Beginn, ein negativer Betrag…",
        ),
        fix=(
            "replace the value with one the message allows; the input-format reference"
            " lists the allowed values and forms of every field",
            "den Wert durch einen ersetzen, den die Meldung erlaubt; die Referenz des"
            " Eingabeformats nennt die erlaubten Werte und Formen jedes Feldes",
        ),
    ),
    "HP014": LoadCode(
        title=("translation does not fit the programme", "Übersetzung passt nicht zum Programm"),
        meaning=(
            "A unit of a translator's file (XLIFF or PO) that cannot be taken over: its text"
            " id is not in the programme, its German source is no longer the programme's"
            " German text, it is given twice, or the file is for other languages.",
            "Eine Einheit einer Übersetzungsdatei (XLIFF oder PO), die sich nicht übernehmen"
            " lässt: ihre Text-ID gibt es im Programm nicht, ihr deutscher Ausgangstext ist"
            " nicht mehr der deutsche Text des Programms, sie steht zweimal da, oder die"
            " Datei ist für andere Sprachen.",
        ),
        fix=(
            "export the texts again (`handlungsprogramm export FILE --to xliff`, or `xliff2`"
            " or `po`) and carry the translation over; --skip-stale takes over the others and"
            " leaves these out",
            "die Texte erneut exportieren (`handlungsprogramm export DATEI --to xliff`, oder"
            " `xliff2` oder `po`) und die Übersetzung übertragen; --skip-stale übernimmt die"
            " übrigen und lässt diese aus",
        ),
    ),
}
"""Stable codes of load problems: title, meaning and fix (English, German); the one
place they are written, read by ``check``'s output, its JSON and the rules reference."""

_TEMPLATES: dict[str, tuple[str, str]] = {
    # the loader's own
    "file_not_found": ("file not found", "Datei nicht gefunden"),
    "not_a_file": ("is {what}, not a regular file", "ist {what}, keine gewöhnliche Datei"),
    "file_unreadable": ("cannot read the file: {reason}", "Datei nicht lesbar: {reason}"),
    "file_too_large": (
        "the file has {size} bytes; the limit is {limit} bytes",
        "die Datei hat {size} Bytes; erlaubt sind höchstens {limit} Bytes",
    ),
    "binary_file": (
        "the file contains NUL bytes: it is a binary file, not YAML or JSON",
        "die Datei enthält NUL-Bytes: sie ist binär, kein YAML oder JSON",
    ),
    "not_utf8": (
        "the file is not valid UTF-8 (byte {byte} at offset {offset}); save it as UTF-8",
        "die Datei ist kein gültiges UTF-8 (Byte {byte} an Position {offset});"
        " bitte als UTF-8 speichern",
    ),
    "yaml_syntax": ("YAML syntax error: {problem}", "YAML-Syntaxfehler: {problem}"),
    # workbooks (handlungsprogramm import)
    "workbook_unreadable": (
        "not a readable .xlsx workbook: {reason}",
        "keine lesbare .xlsx-Arbeitsmappe: {reason}",
    ),
    "workbook_no_programme": (
        "the workbook has no sheet '{sheet}': it was not exported by handlungsprogramm",
        "die Arbeitsmappe hat kein Blatt '{sheet}': sie wurde nicht von handlungsprogramm"
        " exportiert",
    ),
    "workbook_unknown_field": (
        "'{field}' is not a field of the programme",
        "'{field}' ist kein Feld des Programms",
    ),
    "workbook_unknown_parent": (
        "the sheet '{sheet}' has no row '{key}' that this row could belong to",
        "das Blatt '{sheet}' hat keine Zeile '{key}', zu der diese Zeile gehören könnte",
    ),
    "workbook_duplicate_code": (
        "the code '{code}' is given twice in '{sheet}'",
        "der Code '{code}' steht zweimal in '{sheet}'",
    ),
    "workbook_bad_header": (
        "the first row of '{sheet}' is not field, the languages and value as exported",
        "die erste Zeile von '{sheet}' ist nicht Feld, die Sprachen und Wert wie exportiert",
    ),
    "workbook_field_twice": (
        "the field '{field}' is given a second time (first in row {row})",
        "das Feld '{field}' steht ein zweites Mal da (zuerst in Zeile {row})",
    ),
    "workbook_union_both": (
        "'{field}' is filled both as one text for all languages and per language",
        "'{field}' ist sowohl als ein Text für alle Sprachen als auch je Sprache ausgefüllt",
    ),
    "workbook_missing_sheet": (
        "the sheet '{sheet}' is missing; its entries cannot be read",
        "das Blatt '{sheet}' fehlt; seine Einträge lassen sich nicht lesen",
    ),
    "workbook_missing_column": (
        "the sheet '{sheet}' has no column {columns}; its values cannot be read",
        "das Blatt '{sheet}' hat keine Spalte {columns}; ihre Werte lassen sich nicht lesen",
    ),
    "workbook_formula_without_value": (
        "the formula {formula} has no calculated value",
        "die Formel {formula} hat keinen berechneten Wert",
    ),
    # translators' files (handlungsprogramm import FILE.xlf|.po)
    "translation_unreadable": (
        "not a readable XLIFF or PO file: {reason}",
        "keine lesbare XLIFF- oder PO-Datei: {reason}",
    ),
    "translation_not_exchange": (
        "the file is not XLIFF 1.2, XLIFF 2.x or PO as exported (it starts with {found})",
        "die Datei ist kein XLIFF 1.2, XLIFF 2.x oder PO wie exportiert (sie beginnt mit {found})",
    ),
    "translation_unknown_text": (
        "the programme has no text '{text}'",
        "das Programm hat keinen Text '{text}'",
    ),
    "translation_stale_source": (
        "the German text of '{text}' has changed since the file was exported",
        "der deutsche Text von '{text}' hat sich seit dem Export geändert",
    ),
    "translation_unit_twice": (
        "'{text}' is given a second time (first in line {line})",
        "'{text}' steht ein zweites Mal da (zuerst in Zeile {line})",
    ),
    "translation_wrong_language": (
        "the file translates {found}; the programme is in {expected}",
        "die Datei übersetzt {found}; das Programm ist in {expected}",
    ),
    "json_syntax": ("JSON syntax error: {problem}", "JSON-Syntaxfehler: {problem}"),
    "unclosed_quote": (
        "this quote is never closed: add the closing {quote} where the text ends",
        "dieses Anführungszeichen wird nie geschlossen: das schließende {quote} ans Ende"
        " des Textes setzen",
    ),
    "duplicate_key": (
        "the key '{key}' appears twice in the same mapping",
        "der Schlüssel '{key}' kommt in derselben Zuordnung zweimal vor",
    ),
    "alias_bomb": (
        "the document expands to more than {limit} values (YAML aliases?); refused",
        "das Dokument ergibt mehr als {limit} Werte (YAML-Aliase?); abgelehnt",
    ),
    "alias_expansion": (
        "the document expands to more than {limit} characters through YAML aliases, more"
        " than the largest file accepted; write the repeated parts out or shorten them",
        "das Dokument ergibt durch YAML-Aliase mehr als {limit} Zeichen, mehr als die größte"
        " erlaubte Datei; die wiederholten Teile ausschreiben oder kürzen",
    ),
    "too_deep": (
        "nested more than {limit} levels deep",
        "mehr als {limit} Ebenen tief verschachtelt",
    ),
    "empty_file": (
        "the file is empty; start from `handlungsprogramm init`",
        "die Datei ist leer; beginnen Sie mit `handlungsprogramm init`",
    ),
    "not_a_mapping": (
        "the top level must be a mapping of sections (title:, languages:, …), got {got}",
        "die oberste Ebene muss eine Zuordnung von Abschnitten sein (title:, languages:, …),"
        " erhalten: {got}",
    ),
    "lone_surrogate": (
        "the text contains an unpaired UTF-16 surrogate escape (\\ud800–\\udfff)",
        "der Text enthält eine ungepaarte UTF-16-Ersatzzeichen-Escape-Sequenz (\\ud800–\\udfff)",
    ),
    "utf16_file": (
        "the file is UTF-16 text; save it as UTF-8",
        "die Datei ist UTF-16-Text; bitte als UTF-8 speichern",
    ),
    "yaml_tag": (
        "YAML tags such as {tag} are not part of a programme; remove the tag",
        "YAML-Tags wie {tag} gehören nicht in ein Programm; bitte den Tag entfernen",
    ),
    "several_documents": (
        "a second YAML document starts here ('---'); a programme file holds one document",
        "hier beginnt ein zweites YAML-Dokument ('---'); eine Programmdatei enthält genau eines",
    ),
    "key_not_text": (
        "keys must be text, got {got}",
        "Schlüssel müssen Text sein, erhalten: {got}",
    ),
    # pydantic's types, in our words
    "missing": ("required field '{field}' is missing", "Pflichtfeld '{field}' fehlt"),
    "extra_forbidden": ("unknown key '{key}'{hint}", "unbekannter Schlüssel '{key}'{hint}"),
    "string_type": ("expected text, got {got}{hint}", "Text erwartet, erhalten: {got}{hint}"),
    "int_type": ("expected a whole number, got {got}", "ganze Zahl erwartet, erhalten: {got}"),
    "decimal_type": ("expected a number, got {got}", "Zahl erwartet, erhalten: {got}"),
    "bool_type": ("expected true or false, got {got}", "true oder false erwartet, erhalten: {got}"),
    "date_type": (
        "expected a date as YYYY-MM-DD, got {got}",
        "Datum im Format JJJJ-MM-TT erwartet, erhalten: {got}",
    ),
    "dict_type": (
        "expected a mapping (key: value), got {got}",
        "Zuordnung (Schlüssel: Wert) erwartet, erhalten: {got}",
    ),
    "list_type": ("expected a list, got {got}", "Liste erwartet, erhalten: {got}"),
    "union_type": ("expected {expected}, got {got}", "{expected} erwartet, erhalten: {got}"),
    "enum": (
        "{got} is not allowed here{hint}; use one of: {expected}",
        "{got} ist hier nicht erlaubt{hint}; möglich sind: {expected}",
    ),
    "greater_than_equal": (
        "must be at least {ge}, got {got}",
        "muss mindestens {ge} sein, erhalten: {got}",
    ),
    "greater_than": (
        "must be greater than {gt}, got {got}",
        "muss größer als {gt} sein, erhalten: {got}",
    ),
    "less_than_equal": (
        "must be at most {le}, got {got}",
        "darf höchstens {le} sein, erhalten: {got}",
    ),
    "string_too_short": ("must not be empty", "darf nicht leer sein"),
    "string_too_long": (
        "is too long (at most {max_length} characters)",
        "ist zu lang (höchstens {max_length} Zeichen)",
    ),
    "too_short": (
        "needs at least {min_length} entries, got {actual_length}",
        "braucht mindestens {min_length} Einträge, erhalten: {actual_length}",
    ),
    "too_long": (
        "allows at most {max_length} entries, got {actual_length}",
        "erlaubt höchstens {max_length} Einträge, erhalten: {actual_length}",
    ),
    "string_pattern_mismatch": (
        "{got} does not have the expected form (e.g. {example})",
        "{got} hat nicht die erwartete Form (z. B. {example})",
    ),
    "decimal_max_places": (
        "at most {decimal_places} decimal places allowed, got {got}",
        "höchstens {decimal_places} Nachkommastellen erlaubt, erhalten: {got}",
    ),
    "decimal_max_digits": (
        "at most {max_digits} digits allowed",
        "höchstens {max_digits} Ziffern erlaubt",
    ),
    "finite_number": ("must be a finite number", "muss eine endliche Zahl sein"),
    "date_from_datetime_inexact": (
        "expected a date without a time, got {got}",
        "Datum ohne Uhrzeit erwartet, erhalten: {got}",
    ),
    # the model's own (PydanticCustomError codes)
    "language_code": (
        "'{value}' is not an ISO 639-1 language code (two lower-case letters, e.g. de, fr)",
        "'{value}' ist kein Sprachcode nach ISO 639-1 (zwei Kleinbuchstaben, z. B. de, fr)",
    ),
    "country_code": (
        "'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. DE, SN, TZ)",
        "'{value}' ist kein Ländercode nach ISO 3166-1 alpha-2 (z. B. DE, SN, TZ)",
    ),
    "currency_code": (
        "'{value}' is not an ISO 4217 currency code (e.g. EUR, XOF, TZS)",
        "'{value}' ist kein Währungscode nach ISO 4217 (z. B. EUR, XOF, TZS)",
    ),
    "currency_withdrawn": (
        "'{value}' is a withdrawn currency, no longer legal tender anywhere (e.g. DEM is now EUR)",
        "'{value}' ist eine abgelöste Währung, nirgends mehr gesetzliches Zahlungsmittel"
        " (z. B. DEM ist heute EUR)",
    ),
    "currency_not_money": (
        "'{value}' is {reason}, not a currency money can be planned in (e.g. EUR, XOF)",
        "'{value}' ist {reason}, keine Währung, in der Geld geplant werden kann (z. B. EUR, XOF)",
    ),
    "negative_zero": (
        "{value} is a negative zero; write 0",
        "{value} ist eine negative Null; bitte 0 schreiben",
    ),
    "number_base": (
        "{value} is not written in decimal digits (YAML reads 0x… as hexadecimal, 0o… as"
        " octal); write {plain}",
        "{value} ist nicht in Dezimalziffern geschrieben (YAML liest 0x… hexadezimal, 0o…"
        " oktal); bitte {plain} schreiben",
    ),
    "number_leading_zero": (
        "{value} starts with a zero, which YAML 1.1 tools read as an octal number; write {plain}",
        "{value} beginnt mit einer Null, die YAML-1.1-Werkzeuge als Oktalzahl lesen;"
        " bitte {plain} schreiben",
    ),
    "number_separator": (
        "{value} has digit separators (_), which YAML and JSON tools read differently;"
        " write {plain}",
        "{value} enthält Zifferntrenner (_), die YAML- und JSON-Werkzeuge verschieden lesen;"
        " bitte {plain} schreiben",
    ),
    "year_out_of_range": (
        "{value} lies outside the years {min_year}–{max_year} a programme can speak of",
        "{value} liegt außerhalb der Jahre {min_year}–{max_year}, von denen ein Programm"
        " sprechen kann",
    ),
    "impossible_date": (
        "{value} is not a day of the calendar",
        "{value} ist kein Tag im Kalender",
    ),
    "year_month": (
        "expected a month as YYYY-MM (e.g. 2025-03), got {value}",
        "Monat im Format JJJJ-MM erwartet (z. B. 2025-03), erhalten: {value}",
    ),
    "end_before_start": (
        "the end {end} lies before the start {start}",
        "das Ende {end} liegt vor dem Beginn {start}",
    ),
    "ongoing_with_end": (
        "a timeline is either ongoing or has an end ({end}), not both",
        "ein Zeitplan ist entweder fortlaufend oder hat ein Ende ({end}), nicht beides",
    ),
    "breakdown_sum": (
        "the yearly amounts add up to {total}, not to the amount {amount}",
        "die Jahresbeträge ergeben {total}, nicht den Betrag {amount}",
    ),
    "year_and_breakdown": (
        "give either `year:` or `by_year:`, not both",
        "entweder `year:` oder `by_year:` angeben, nicht beides",
    ),
    "contribution_to_itself": (
        "a sum cannot be the own contribution to itself ({id})",
        "ein Betrag kann nicht Eigenanteil zu sich selbst sein ({id})",
    ),
    "partner_lead_not_joint": (
        "`partner_department` and `partner_contact` belong to a joint lead;"
        " set `side: both` or move them to `department`/`contact`",
        "`partner_department` und `partner_contact` gehören zu einer gemeinsamen"
        " Federführung; `side: both` setzen oder nach `department`/`contact` verschieben",
    ),
    "indicator_and_indicators": (
        "give either `indicator:` or `indicators:`, not both",
        "entweder `indicator:` oder `indicators:` angeben, nicht beides",
    ),
    "text_recorded_twice": (
        "the text {text} is recorded twice; keep one entry",
        "der Text {text} ist zweimal verzeichnet; einen Eintrag behalten",
    ),
    "currency_twice": (
        "{currency} is given twice; give it once",
        "{currency} steht zweimal; bitte nur einmal angeben",
    ),
    "rate_for_euro": (
        "a rate is given for EUR itself; rates say how many units of another currency one"
        " euro buys",
        "für EUR selbst ist ein Kurs angegeben; Kurse sagen, wie viele Einheiten einer anderen"
        " Währung ein Euro kostet",
    ),
    "year_twice": (
        "the year {year} is given twice in this breakdown",
        "das Jahr {year} steht zweimal in dieser Aufteilung",
    ),
    "schema_too_new": (
        "the file is written for input format {value}; this handlungsprogramm knows the"
        " formats up to {known} only: update handlungsprogramm",
        "die Datei ist im Eingabeformat {value} geschrieben; dieses handlungsprogramm kennt"
        " nur die Formate bis {known}: bitte handlungsprogramm aktualisieren",
    ),
    "schema_too_old": (
        "the file is written for input format {value}; this handlungsprogramm reads format"
        " {known}: run `handlungsprogramm migrate {file}` to update the file, then check again",
        "die Datei ist im Eingabeformat {value} geschrieben; dieses handlungsprogramm liest"
        " Format {known}: `handlungsprogramm migrate {file}` ausführen, um die Datei"
        " umzustellen, dann erneut prüfen",
    ),
    "languages_pair": (
        "languages must be German first, then the partner's language, e.g. [de, fr]; got {value}",
        "languages muss zuerst Deutsch, dann die Sprache des Partners nennen, z. B. [de, fr];"
        " erhalten: {value}",
    ),
}

_KIND_WORDS: dict[str, tuple[str, str]] = {
    "text": ("text", "Text"),
    "number": ("a number", "Zahl"),
    "whole number": ("a whole number", "ganze Zahl"),
    "boolean": ("true or false", "true oder false"),
    "mapping": ("a mapping", "Zuordnung"),
    "list": ("a list", "Liste"),
    "date": ("a date", "Datum"),
    "nothing": ("nothing (null)", "nichts (null)"),
}


def describe_value(value: object, lang: Lang) -> str:
    """Say what a user wrote in their terms: ``text 'abc'``, ``a list``, ``the number 4``."""
    i = LANGS.index(lang)
    if value is None:
        return _KIND_WORDS["nothing"][i]
    if isinstance(value, bool):
        return ("true/false ", "Wahrheitswert ")[i] + str(value).lower()
    if isinstance(value, int | float | Decimal):
        shown = str(value) if not isinstance(value, int) or value < 10**60 else f"{value:.3e}"
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        return ("the number ", "die Zahl ")[i] + shown
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return ("text ", "Text ")[i] + repr(shown)
    if isinstance(value, dt.date):
        return ("the date ", "das Datum ")[i] + value.isoformat()
    if isinstance(value, dict):
        return _KIND_WORDS["mapping"][i]
    if isinstance(value, list | tuple):
        return _KIND_WORDS["list"][i]
    return type(value).__name__


def _quote_hint(value: object, lang: Lang) -> str:
    """``; write it in quotes: "1.10"`` where YAML read a text as a number, date or
    true/false (``code: 3``, ``version: 1.10``); nothing for other values."""
    if isinstance(value, bool):
        written = str(value).lower()
    elif isinstance(value, int | Decimal | float):
        written = str(value)
    elif isinstance(value, dt.date):
        written = value.isoformat()
    else:
        return ""
    if len(written) > 40:
        return ""
    return ('; write it in quotes: "{0}"', '; in Anführungszeichen schreiben: "{0}"')[
        LANGS.index(lang)
    ].format(written)


def kind_word(kind: str, lang: Lang) -> str:
    """A kind of value (``text``, ``mapping`` …) as a phrase in ``lang``."""
    return _KIND_WORDS[kind][LANGS.index(lang)]


def load_problem_message(problem: LoadProblem, lang: Lang) -> str:
    """Render ``problem`` in ``lang``; values in the context are described, not dumped."""
    i = LANGS.index(lang)
    ctx: dict[str, object] = dict(problem.ctx)
    if "input" in ctx:
        ctx["got"] = describe_value(ctx["input"], lang)
    for key, value in ctx.items():
        # a wording per language (a hint, a reason): (English, German)
        if key != "input" and isinstance(value, tuple) and len(value) == len(LANGS):
            wording: tuple[object, ...] = value
            if all(isinstance(v, str) for v in wording):
                ctx[key] = wording[i]
    if problem.kind == "string_type":
        ctx["hint"] = _quote_hint(ctx.get("input"), lang)
    expected = ctx.get("expected")
    if isinstance(expected, tuple) and expected and isinstance(expected[0], tuple):
        ctx["expected"] = (" or ", " oder ")[i].join(str(e[i]) for e in expected)
    template = _TEMPLATES.get(problem.kind)
    if template is None:
        fallback = str(ctx.get("pydantic_message", problem.kind))
        return fallback if lang == "en" else f"ungültiger Wert ({fallback})"
    try:
        return template[i].format(**ctx)
    except (KeyError, IndexError, ValueError):
        return template[i]


KIND_FIXES: dict[str, tuple[str, str]] = {
    "workbook_unreadable": (
        "export the programme again (`handlungsprogramm export`) and carry the changes over;"
        " save the workbook from Excel or LibreOffice Calc as .xlsx",
        "das Programm erneut exportieren (`handlungsprogramm export`) und die Änderungen"
        " übertragen; die Arbeitsmappe aus Excel oder LibreOffice Calc als .xlsx speichern",
    ),
    "workbook_bad_header": (
        "keep the first row and the order of the columns as exported",
        "die erste Zeile und die Reihenfolge der Spalten wie exportiert lassen",
    ),
    "workbook_field_twice": (
        "keep one row for each field",
        "für jedes Feld eine Zeile behalten",
    ),
    "workbook_union_both": (
        "fill either the column without a language (a name the same in all languages) or"
        " the language columns",
        "entweder die Spalte ohne Sprache (ein Name, in allen Sprachen gleich) oder die"
        " Sprachspalten ausfüllen",
    ),
    "workbook_missing_sheet": (
        "keep every sheet as exported (an empty one too), and its name",
        "jedes Blatt wie exportiert behalten (auch ein leeres), samt Namen",
    ),
    "workbook_missing_column": (
        "keep every column as exported; the part of a header after · names the field",
        "jede Spalte wie exportiert behalten; der Teil der Überschrift nach · nennt das Feld",
    ),
    "workbook_unknown_parent": (
        "write the code of an existing row in the first column, or add that row",
        "in die erste Spalte den Code einer vorhandenen Zeile schreiben oder diese Zeile ergänzen",
    ),
    "workbook_duplicate_code": (
        "give each row its own code",
        "jeder Zeile einen eigenen Code geben",
    ),
    "workbook_formula_without_value": (
        "open the workbook in Excel or LibreOffice Calc and save it, or type the value",
        "die Arbeitsmappe in Excel oder LibreOffice Calc öffnen und speichern oder den Wert"
        " eintragen",
    ),
    "workbook_unknown_field": (
        "correct the name in the first column; `handlungsprogramm export` writes every field",
        "den Namen in der ersten Spalte korrigieren; `handlungsprogramm export` schreibt jedes"
        " Feld",
    ),
    "translation_unreadable": (
        "save the file from the translation tool as XLIFF or PO in UTF-8, or export the texts"
        " again (`handlungsprogramm export FILE --to xliff`, or `xliff2` or `po`) and carry"
        " the translations over",
        "die Datei im Übersetzungswerkzeug als XLIFF oder PO in UTF-8 speichern oder die"
        " Texte erneut exportieren (`handlungsprogramm export DATEI --to xliff`, oder"
        " `xliff2` oder `po`) und die Übersetzungen übertragen",
    ),
    "translation_not_exchange": (
        "give the file that `handlungsprogramm export` wrote (XLIFF or PO), as the"
        " translation tool saved it",
        "die Datei angeben, die `handlungsprogramm export` geschrieben hat (XLIFF oder PO),"
        " so wie das Übersetzungswerkzeug sie gespeichert hat",
    ),
    "translation_wrong_language": (
        "export the texts for this programme's languages and translate those",
        "die Texte für die Sprachen dieses Programms exportieren und diese übersetzen",
    ),
    "translation_unit_twice": (
        "keep one unit for each text",
        "für jeden Text eine Einheit behalten",
    ),
    "schema_too_new": (
        "update handlungsprogramm (e.g. `pip install --upgrade handlungsprogramm`); do not"
        " lower the number, the file uses what only the newer format has",
        "handlungsprogramm aktualisieren (z. B. `pip install --upgrade handlungsprogramm`);"
        " die Zahl nicht herabsetzen, die Datei nutzt, was nur das neuere Format kennt",
    ),
    "schema_too_old": (
        "run `handlungsprogramm migrate FILE`: it brings the file up to date in place,"
        " keeping its comments",
        "`handlungsprogramm migrate DATEI` ausführen: es bringt die Datei an Ort und Stelle"
        " auf den neuen Stand und behält ihre Kommentare",
    ),
    "year_twice": (
        "give each year once, with the amounts of that year added up",
        "jedes Jahr nur einmal angeben, mit den Beträgen dieses Jahres zusammengezählt",
    ),
}
"""Fix lines for kinds of problem whose code's general fix would mislead (a newer input
format is not fixed by lowering `schema_version`)."""


def load_problem_fix(problem: LoadProblem, lang: Lang) -> str:
    """How to fix ``problem``, in ``lang``: its code's fix line with the context filled in.

    Only text values fill placeholders (the key of HP010, the field of HP011); a
    fix whose placeholder the context lacks is shown as written rather than lost.
    """
    special = KIND_FIXES.get(problem.kind)
    if special is not None:
        return special[LANGS.index(lang)]
    template = LOAD_CODES[problem.code].text(LOAD_CODES[problem.code].fix, lang)
    values = {key: value for key, value in problem.ctx.items() if isinstance(value, str)}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
