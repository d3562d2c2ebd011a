"""The exit codes of every command, with what each means, in English and German.

In one place because three parts need the same numbers: the message catalogue (each
error message names the code its command ends with), the command line (one handler
turns an error into its code) and the reference (README and docs/cli.md list them).
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["EXIT_MEANINGS", "ExitCode"]


class ExitCode(IntEnum):
    """Exit codes of every command (stable: scripts and CI jobs test them)."""

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


EXIT_MEANINGS: dict[ExitCode, tuple[str, str]] = {
    ExitCode.OK: (
        "Success; for `check`: no completeness errors (warnings may remain).",
        "Erfolg; bei `check`: keine Vollständigkeitsfehler (Warnungen können bleiben).",
    ),
    ExitCode.INCOMPLETE: (
        "The programme loads but has completeness errors (documents only as drafts); "
        "for `verify`: a field is empty, broken, changed or (with `--require-trust`) not trusted; "
        "for `migrate --check`: a file is not in the current input format.",
        "Das Programm lädt, hat aber Vollständigkeitsfehler (Dokumente nur als Entwurf); "
        "bei `verify`: ein Feld ist leer, beschädigt, verändert oder (mit `--require-trust`) "
        "nicht vertrauenswürdig; bei `migrate --check`: eine Datei ist nicht im aktuellen "
        "Eingabeformat.",
    ),
    ExitCode.INVALID_INPUT: (
        "The input cannot be loaded (syntax, types, unknown keys…), or the command line is wrong.",
        "Die Eingabe lässt sich nicht laden (Syntax, Typen, unbekannte Schlüssel…) oder die "
        "Befehlszeile ist falsch.",
    ),
    ExitCode.OUTPUT_EXISTS: (
        "The command would overwrite what it must not: an existing file (`init`), a PDF or "
        "form that carries signatures (`build`, `fill-form`), or another input's output of "
        "the same name (`build`); add `--force` where offered.",
        "Der Befehl würde überschreiben, was er nicht darf: eine vorhandene Datei (`init`), "
        "ein PDF oder Formular mit Unterschriften (`build`, `fill-form`) oder die gleichnamige "
        "Ausgabe einer anderen Eingabe (`build`); wo angeboten, `--force` angeben.",
    ),
    ExitCode.TEMPLATE_ERROR: (
        "The Word template cannot be used (not a .docx, a Jinja error, a sandbox violation).",
        "Die Word-Vorlage ist nicht verwendbar (keine .docx, ein Jinja-Fehler, ein Verstoß "
        "gegen die Sandbox).",
    ),
    ExitCode.NO_LIBREOFFICE: (
        "LibreOffice is not installed (with `--to docx,pdf` the Word files are still written).",
        "LibreOffice ist nicht installiert (mit `--to docx,pdf` werden die Word-Dateien "
        "trotzdem geschrieben).",
    ),
    ExitCode.CONVERSION_FAILED: (
        "LibreOffice failed, crashed or did not finish within `--convert-timeout`.",
        "LibreOffice ist gescheitert, abgestürzt oder nicht innerhalb von `--convert-timeout` "
        "fertig geworden.",
    ),
    ExitCode.PDF_ERROR: (
        "A PDF cannot be read, signed or filled (unknown field, wrong passphrase, "
        "expired certificate…).",
        "Ein PDF lässt sich nicht lesen, unterschreiben oder ausfüllen (unbekanntes Feld, "
        "falsches Passwort, abgelaufenes Zertifikat…).",
    ),
    ExitCode.CANNOT_WRITE: (
        "An output cannot be written (missing or read-only folder, a folder in the way).",
        "Eine Ausgabe lässt sich nicht schreiben (Ordner fehlt oder ist schreibgeschützt, ein "
        "Ordner steht im Weg).",
    ),
    ExitCode.INTERNAL_ERROR: (
        "An internal error — a bug; `HANDLUNGSPROGRAMM_DEBUG=1` shows the traceback.",
        "Ein interner Fehler — ein Programmfehler; `HANDLUNGSPROGRAMM_DEBUG=1` zeigt den "
        "Traceback.",
    ),
    ExitCode.INTERRUPTED: (
        "Interrupted (Ctrl-C or SIGTERM); LibreOffice was stopped and every output file"
        " is the previous one or the complete new one.",
        "Abgebrochen (Strg+C oder SIGTERM); LibreOffice wurde beendet und jede Ausgabedatei"
        " ist die vorherige oder die vollständige neue.",
    ),
}
"""What each exit code means, (English, German): the reference tables are made from it."""
