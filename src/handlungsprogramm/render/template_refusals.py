"""The words of every template refusal, in English and German, and the one way to raise it.

A catalogue apart from the checks: the package checks in :mod:`.template_guard` and
the content checks in :mod:`.template_parts` refuse by a reason's key, so the texts
can be read (and translated) in one place, and part names from a hostile package
are made harmless for the terminal here, once.
"""

from __future__ import annotations

from typing import NoReturn

from handlungsprogramm.errors import TemplateError

_REASONS: dict[str, tuple[str, str]] = {
    "unreadable": ("cannot read the file: {reason}", "Datei nicht lesbar: {reason}"),
    "not_a_file": ("is not a regular file", "ist keine gewöhnliche Datei"),
    "empty": ("is empty (0 bytes), not a .docx file", "ist leer (0 Bytes), keine .docx-Datei"),
    "file_too_large": (
        "has {size} bytes; a template may have at most {limit} bytes",
        "hat {size} Bytes; eine Vorlage darf höchstens {limit} Bytes haben",
    ),
    "ole": (
        "is a password-protected Word file or an old Word 97–2003 .doc file; open it in"
        " Word and save it without a password as a Word document (.docx)",
        "ist eine kennwortgeschützte Word-Datei oder eine alte .doc-Datei (Word 97–2003);"
        " in Word öffnen und ohne Kennwort als Word-Dokument (.docx) speichern",
    ),
    "not_zip": (
        "not a .docx file (not a ZIP package)",
        "keine .docx-Datei (kein ZIP-Paket)",
    ),
    "damaged": (
        "is a damaged ZIP package ({reason}); save it again as .docx",
        "ist ein beschädigtes ZIP-Paket ({reason}); bitte erneut als .docx speichern",
    ),
    "damaged_part": (
        "the part {part} is damaged ({reason}); save the template again as .docx",
        "der Teil {part} ist beschädigt ({reason}); die Vorlage bitte erneut als .docx speichern",
    ),
    "too_many_parts": (
        "has {count} parts; a template may have at most {limit}",
        "hat {count} Teile; eine Vorlage darf höchstens {limit} haben",
    ),
    "unsafe_name": (
        "contains a part with an unsafe name {part!r} (absolute, with .. or a backslash)",
        "enthält einen Teil mit unsicherem Namen {part!r} (absolut, mit .. oder Backslash)",
    ),
    "duplicate": (
        "contains the part {part} more than once",
        "enthält den Teil {part} mehrfach",
    ),
    "encrypted_part": (
        "the part {part} is encrypted (a ZIP password); Word templates are never",
        "der Teil {part} ist verschlüsselt (ZIP-Kennwort); Word-Vorlagen sind das nie",
    ),
    "compression": (
        "the part {part} uses ZIP compression method {method}; Word writes only"
        " stored (0) or deflated (8)",
        "der Teil {part} nutzt die ZIP-Kompressionsmethode {method}; Word schreibt nur"
        " stored (0) oder deflated (8)",
    ),
    "part_too_large": (
        "the part {part} unpacks to more than {limit} bytes (the limit per part)",
        "der Teil {part} ist entpackt größer als {limit} Bytes (die Grenze je Teil)",
    ),
    "total_too_large": (
        "unpacks to more than {limit} bytes in total (the limit; reached at the part {part})",
        "ist entpackt insgesamt größer als {limit} Bytes (die Grenze; erreicht beim Teil {part})",
    ),
    "dtd": (
        "the part {part} contains a DOCTYPE or ENTITY declaration, which Word never writes"
        " and which could read local files or expand without bound; refused",
        "der Teil {part} enthält eine DOCTYPE- oder ENTITY-Deklaration, die Word nie"
        " schreibt und die lokale Dateien lesen oder sich grenzenlos ausdehnen könnte;"
        " abgelehnt",
    ),
    "encoding": (
        "the part {part} is XML in the encoding {encoding}; Word packages use only UTF-8 or UTF-16",
        "der Teil {part} ist XML in der Kodierung {encoding}; Word-Pakete verwenden nur"
        " UTF-8 oder UTF-16",
    ),
    "opendocument": (
        "is an OpenDocument file (.odt), not a .docx; save it in Word format (.docx)",
        "ist eine OpenDocument-Datei (.odt), keine .docx; bitte im Word-Format (.docx) speichern",
    ),
    "not_ooxml": (
        "is a ZIP archive but not a Word document (no [Content_Types].xml)",
        "ist ein ZIP-Archiv, aber kein Word-Dokument (kein [Content_Types].xml)",
    ),
    "no_document": (
        "contains no Word document: the part {part} is missing",
        "enthält kein Word-Dokument: der Teil {part} fehlt",
    ),
    "wrong_kind": (
        "is {kind}, not a Word document (.docx); save it as .docx",
        "ist {kind}, kein Word-Dokument (.docx); bitte als .docx speichern",
    ),
    "bad_relationship": (
        "the part {part} has a relationship without {attribute}",
        "der Teil {part} hat eine Beziehung ohne {attribute}",
    ),
    "external": (
        "the part {part} has an external relationship ({kind}) to {target}; a template may"
        " point outside itself only by hyperlinks to http, https or mailto addresses",
        "der Teil {part} hat eine externe Beziehung ({kind}) zu {target}; eine Vorlage darf"
        " nur mit Hyperlinks auf http-, https- oder mailto-Adressen nach außen zeigen",
    ),
    "hyperlink_misused": (
        "the part {part} uses the hyperlink {rid} ({target}) in {use}; hyperlinks may only"
        " be clicked, not loaded as a picture or an object",
        "der Teil {part} verwendet den Hyperlink {rid} ({target}) in {use}; Hyperlinks"
        " dürfen nur angeklickt, nicht als Bild oder Objekt geladen werden",
    ),
    "bad_xml": (
        "the part {part} is not well-formed XML ({reason})",
        "der Teil {part} ist kein wohlgeformtes XML ({reason})",
    ),
}


def _printable(value: object) -> object:
    """Text from the package (part names, parser messages) with control characters
    escaped, so a hostile name cannot send escape sequences to the user's terminal."""
    if not isinstance(value, str) or value.isprintable():
        return value
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in value)


def _refuse(name: str, reason: str, /, **ctx: object) -> NoReturn:
    """Raise the refusal ``reason``; a ``(en, de)`` pair in ``ctx`` is chosen per language."""
    en, de = _REASONS[reason]
    ctx_en = {k: _printable(v[0] if isinstance(v, tuple) else v) for k, v in ctx.items()}
    ctx_de = {k: _printable(v[1] if isinstance(v, tuple) else v) for k, v in ctx.items()}
    raise TemplateError(name, en.format(**ctx_en), de.format(**ctx_de))
