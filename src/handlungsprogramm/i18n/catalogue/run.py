"""The messages of a run (``HP9xx``): the input as a whole, builds and their outputs,
the command line, and the notes a command prints on its way.

``HP900``–``HP919`` stop a build or a write, ``HP920``–``HP939`` say the command line
is wrong (exit 2; ``HP930``–``HP936`` are click's own parse errors, worded here so a
German user reads German), ``HP950``–``HP979`` are notes (no exit code: "wrote FILE"),
``HP990`` and ``HP999`` end a run that was interrupted or hit a bug.
"""

from __future__ import annotations

from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n.catalogue import Message

__all__ = ["RUN"]


def _usage(en: str, de: str) -> Message:
    return Message((en, de), _HELP, ExitCode.INVALID_INPUT)


def _note(en: str, de: str) -> Message:
    return Message((en, de))


_HELP = (
    "`{command} --help` shows what the command takes",
    "`{command} --help` zeigt, was der Befehl erwartet",
)
_RUN_AGAIN = (
    "add --force to replace it",
    "mit --force ersetzen",
)
_NOT_CURRENT = (
    "{name}: {what}, not current; run: handlungsprogramm migrate {name}",
    "{name}: {what}, nicht aktuell; ausführen: handlungsprogramm migrate {name}",
)

RUN: dict[str, Message] = {
    "HP900": Message(
        (
            "{count} problem(s) in the programme input",
            "{count} Fehler in der Programmeingabe",
        ),
        (
            "correct each problem at the place shown; `handlungsprogramm check FILE` lists them",
            "jeden Fehler an der gezeigten Stelle korrigieren; `handlungsprogramm check DATEI`"
            " nennt sie",
        ),
        ExitCode.INVALID_INPUT,
    ),
    "HP901": Message(
        (
            "{errors} completeness error(s) remain; a final document cannot be built",
            "{errors} Vollständigkeitsfehler offen; ein endgültiges Dokument ist nicht möglich",
        ),
        (
            "`handlungsprogramm check FILE` lists them; without --final a draft is built",
            "`handlungsprogramm check DATEI` nennt sie; ohne --final entsteht ein Entwurf",
        ),
        ExitCode.INCOMPLETE,
    ),
    "HP902": Message(
        (
            "its output name '{name}' is already used by {other}",
            "sein Ausgabename '{name}' ist schon von {other} belegt",
        ),
        (
            "give the programmes different titles or build them into different folders",
            "den Programmen verschiedene Titel geben oder sie in verschiedene Ordner bauen",
        ),
        ExitCode.OUTPUT_EXISTS,
    ),
    "HP903": Message(
        (
            "{path} carries signatures; not overwritten",
            "{path} trägt Unterschriften; nicht überschrieben",
        ),
        (
            "build into another folder; --force replaces the signed file",
            "in einen anderen Ordner bauen; --force ersetzt die unterschriebene Datei",
        ),
        ExitCode.OUTPUT_EXISTS,
    ),
    "HP904": Message(
        ("{path} exists", "{path} existiert bereits"),
        _RUN_AGAIN,
        ExitCode.OUTPUT_EXISTS,
    ),
    "HP910": Message(
        ("cannot write {path}: {reason}", "{path} nicht schreibbar: {reason}"),
        (
            "check that the folder exists and that you may write to it",
            "prüfen, ob der Ordner existiert und ob Sie darin schreiben dürfen",
        ),
        ExitCode.CANNOT_WRITE,
    ),
    "HP911": Message(
        (
            "{field} has a text of {length} characters; a workbook cell holds at most 32,767",
            "{field} hat einen Text von {length} Zeichen; eine Zelle einer Arbeitsmappe fasst"
            " höchstens 32.767",
        ),
        (
            "shorten the text, or go on editing this programme in its YAML file",
            "den Text kürzen oder dieses Programm in seiner YAML-Datei weiter bearbeiten",
        ),
        ExitCode.INVALID_INPUT,
    ),
    "HP912": Message(
        ("the programme has no text '{text}'", "das Programm hat keinen Text '{text}'"),
        (
            "give the text's id as `export --to xliff --only all` writes it, e.g."
            " measures/M-07/description",
            "die ID des Textes so angeben, wie `export --to xliff --only all` sie schreibt,"
            " z. B. measures/M-07/description",
        ),
        ExitCode.INVALID_INPUT,
    ),
    "HP913": Message(
        (
            "'{text}' has no text in {language}: there is no translation to confirm",
            "'{text}' hat keinen Text auf {language}: es gibt keine Übersetzung zu bestätigen",
        ),
        (
            "write the translation first, or leave the id out",
            "zuerst die Übersetzung eintragen oder die ID weglassen",
        ),
        ExitCode.INVALID_INPUT,
    ),
    "HP914": Message(
        (
            "two texts share the id {text}: two items of a list have the same code",
            "zwei Texte haben dieselbe ID {text}: zwei Einträge einer Liste haben denselben Code",
        ),
        (
            "give each item its own code (`handlungsprogramm check FILE` names them, HP403)",
            "jedem Eintrag einen eigenen Code geben (`handlungsprogramm check DATEI` nennt"
            " sie, HP403)",
        ),
        ExitCode.INVALID_INPUT,
    ),
    "HP920": _usage(
        "--draft and --final exclude each other",
        "--draft und --final schließen sich aus",
    ),
    "HP921": Message(
        ("unknown rule code(s): {codes}", "unbekannte Regelnummer(n): {codes}"),
        (
            "`handlungsprogramm rules` lists every code",
            "`handlungsprogramm rules` nennt jede Nummer",
        ),
        ExitCode.INVALID_INPUT,
    ),
    "HP922": _usage("{what} is required", "{what} fehlt"),
    "HP923": _usage("FORM, --mapping and --out are required", "FORM, --mapping und --out fehlen"),
    "HP924": _usage(
        "--partner-country: '{value}' is not an ISO 3166-1 alpha-2 code",
        "--partner-country: '{value}' ist kein Ländercode nach ISO 3166-1 alpha-2",
    ),
    "HP925": _usage(
        "--language: '{value}' is not an ISO 639-1 language code",
        "--language: '{value}' ist kein Sprachcode nach ISO 639-1",
    ),
    "HP926": _usage(
        "--language: the partner's language must not be German",
        "--language: die Sprache des Partners darf nicht Deutsch sein",
    ),
    "HP927": _usage(
        "{option}: give the municipality's name (1–300 characters, no line breaks)",
        "{option}: den Namen der Kommune angeben (1–300 Zeichen, ohne Zeilenumbruch)",
    ),
    "HP928": _usage(
        "give --pkcs12 FILE or --pkcs11-module LIBRARY (one of them): where the key is",
        "--pkcs12 DATEI oder --pkcs11-module BIBLIOTHEK angeben (eines davon): wo der"
        " Schlüssel ist",
    ),
    "HP929": _usage(
        "give --out FILE (a new programme file) or --into FILE (one to update), one of them",
        "--out DATEI (eine neue Programmdatei) oder --into DATEI (eine zu aktualisierende)"
        " angeben, eines davon",
    ),
    "HP930": _usage(
        "no such option: {option}{suggestion}", "unbekannte Option: {option}{suggestion}"
    ),
    "HP931": _usage("missing {param}", "es fehlt {param}"),
    "HP932": _usage("invalid value for {param}: {detail}", "ungültiger Wert für {param}: {detail}"),
    "HP933": _usage("{option} needs a value", "{option} braucht einen Wert"),
    "HP934": _usage("no such command '{name}'", "unbekannter Befehl '{name}'"),
    "HP935": _usage("unexpected extra argument(s): {args}", "überzählige Argumente: {args}"),
    "HP936": _usage("{detail}", "{detail}"),
    "HP937": _usage(
        "{option} applies to translation files only (XLIFF or PO)",
        "{option} gilt nur für Übersetzungsdateien (XLIFF oder PO)",
    ),
    "HP938": _usage(
        "a translation file is read --into the programme file it was exported from",
        "eine Übersetzungsdatei wird mit --into in die Programmdatei eingelesen, aus der sie"
        " exportiert wurde",
    ),
    "HP939": _usage(
        "--out: give a new .docx or .pdf file for the change document, not {path}",
        "--out: eine neue .docx- oder .pdf-Datei für das Änderungsdokument angeben, nicht {path}",
    ),
    "HP950": _note("wrote {path}", "{path} geschrieben"),
    "HP951": _note("wrote {path} ({state})", "{path} geschrieben ({state})"),
    "HP952": _note("signed {field}: wrote {path}", "{field} unterschrieben: {path} geschrieben"),
    "HP953": _note(
        "wrote {path}; fill it in and run: handlungsprogramm check {path}",
        "{path} geschrieben; ausfüllen und prüfen mit: handlungsprogramm check {path}",
    ),
    "HP954": _note("{source}: not written: {reason}", "{source}: nicht geschrieben: {reason}"),
    "HP955": _note(
        "{source}: warning: removed characters that Word cannot store from {field}",
        "{source}: Warnung: in {field} wurden Zeichen entfernt, die Word nicht speichern kann",
    ),
    "HP956": _note(
        "{template}: every variable is provided", "{template}: alle Variablen sind vorhanden"
    ),
    "HP957": _note(
        "{template}: {count} variable(s) not in the context; see docs/templates.md",
        "{template}: {count} Variable(n) nicht im Kontext; siehe docs/templates.md",
    ),
    "HP958": _note(
        "--require-trust needs the certificates you trust: add --trust CERT.pem",
        "--require-trust braucht vertrauenswürdige Zertifikate: --trust CERT.pem angeben",
    ),
    "HP959": _note("the PDF has no signature fields", "das PDF hat keine Signaturfelder"),
    "HP960": _note("Passphrase: ", "Passwort: "),
    "HP961": _note(
        "{name}: input format {new}, current; nothing to change",
        "{name}: Eingabeformat {new}, aktuell; nichts zu ändern",
    ),
    "HP962": _note(
        _NOT_CURRENT[0].replace("{what}", "is written for input format {old}"),
        _NOT_CURRENT[1].replace("{what}", "ist im Eingabeformat {old} geschrieben"),
    ),
    "HP963": _note(
        _NOT_CURRENT[0].replace("{what}", "has no schema_version"),
        _NOT_CURRENT[1].replace("{what}", "hat kein schema_version"),
    ),
    "HP964": _note(
        "{name}: updated from input format {old} to {new}",
        "{name}: vom Eingabeformat {old} auf {new} umgestellt",
    ),
    "HP965": _note(
        "{name}: added schema_version: {new} (the format was already current)",
        "{name}: schema_version: {new} eingetragen (das Format war schon aktuell)",
    ),
    "HP966": _note(
        "{done}; its indentation or spacing was rewritten too: review the changes",
        "{done}; auch Einrückung oder Abstände wurden neu geschrieben: bitte die Änderungen prüfen",
    ),
    "HP967": _note("draft", "Entwurf"),
    "HP968": _note("final", "endgültig"),
    "HP969": _note("PIN: ", "PIN: "),
    "HP970": _note(
        "wrote {path}; check it with: handlungsprogramm check {path}",
        "{path} geschrieben; prüfen mit: handlungsprogramm check {path}",
    ),
    "HP971": _note(
        "note: {path} was written anew from the programme; its comments and layout could"
        " not be kept (YAML anchors, or a JSON file)",
        "Hinweis: {path} wurde aus dem Programm neu geschrieben; seine Kommentare und sein"
        " Layout ließen sich nicht erhalten (YAML-Anker oder eine JSON-Datei)",
    ),
    "HP972": _note(
        "{location}: left out: {reason}",
        "{location}: ausgelassen: {reason}",
    ),
    "HP973": _note(
        "{path}: {count} translation(s) recorded as made from the current German text",
        "{path}: {count} Übersetzung(en) als aus dem aktuellen deutschen Text gemacht verzeichnet",
    ),
    "HP974": _note(
        "{taken} translation(s) taken over, {confirmed} confirmed unchanged, {left} left as"
        " they were (empty, or still marked for translation or review)",
        "{taken} Übersetzung(en) übernommen, {confirmed} unverändert bestätigt, {left} so"
        " gelassen (leer oder noch zum Übersetzen oder Prüfen markiert)",
    ),
    "HP975": _note(
        "nothing to export: no text {which}; nothing written",
        "nichts zu exportieren: kein Text {which}; nichts geschrieben",
    ),
    "HP976": _note(
        "{old} (version {old_version}, content {old_fingerprint}) → {new} (version"
        " {new_version}, content {new_fingerprint})",
        "{old} (Version {old_version}, Inhalt {old_fingerprint}) → {new} (Version"
        " {new_version}, Inhalt {new_fingerprint})",
    ),
    "HP977": _note(
        "{count} change(s); measures: {added} added, {removed} removed, {changed} changed,"
        " {moved} moved",
        "{count} Änderung(en); Maßnahmen: {added} hinzugefügt, {removed} entfernt, {changed}"
        " geändert, {moved} verschoben",
    ),
    "HP978": _note(
        "money in {currency}: {old} before, {new} after",
        "Mittel in {currency}: vorher {old}, nachher {new}",
    ),
    "HP979": _note(
        "the two drafts say the same (formatting and comments aside){detail}",
        "die beiden Entwürfe sagen dasselbe (Formatierung und Kommentare beiseite){detail}",
    ),
    "HP990": Message(
        (
            "interrupted: no output was left half-written",
            "abgebrochen: keine Ausgabedatei blieb halb geschrieben",
        ),
        None,
        ExitCode.INTERRUPTED,
    ),
    "HP999": Message(
        (
            "internal error: {detail}",
            "interner Fehler: {detail}",
        ),
        (
            "please report it; HANDLUNGSPROGRAMM_DEBUG=1 shows the details",
            "bitte melden; HANDLUNGSPROGRAMM_DEBUG=1 zeigt die Einzelheiten",
        ),
        ExitCode.INTERNAL_ERROR,
    ),
}
