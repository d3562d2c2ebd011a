"""The messages of Word templates (``HP7xx``): every reason a template is refused.

``HP701``–``HP725`` come from the package checks before python-docx sees the file
(:mod:`handlungsprogramm.render.template_guard`), ``HP726``–``HP744`` from opening
and rendering it, ``HP750``–``HP756`` from the sandbox's limits. Every one ends a
command with exit 4. The texts follow the template's name: ``vorlage.docx: is empty``.
"""

from __future__ import annotations

from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n.catalogue import Message

__all__ = ["TEMPLATES"]


def _refusal(en: str, de: str, fix: tuple[str, str] | None = None) -> Message:
    return Message((en, de), fix, ExitCode.TEMPLATE_ERROR)


_START_AGAIN = (
    "start from a copy of the standard template (templates/standard.docx) and carry your"
    " changes over",
    "von einer Kopie der Standardvorlage (templates/standard.docx) ausgehen und die eigenen"
    " Änderungen übertragen",
)
_LIMIT_FIX = (
    "look for a loop that does not end or a value that grows in every step; the standard"
    " template stays far below every limit",
    "nach einer Schleife ohne Ende oder einem Wert suchen, der mit jedem Schritt wächst; die"
    " Standardvorlage bleibt weit unter jeder Grenze",
)

TEMPLATES: dict[str, Message] = {
    "HP701": _refusal(  # unreadable
        "cannot read the file: {reason}",
        "Datei nicht lesbar: {reason}",
    ),
    "HP702": _refusal(  # not_a_file
        "is not a regular file",
        "ist keine gewöhnliche Datei",
    ),
    "HP703": _refusal(  # empty
        "is empty (0 bytes), not a .docx file",
        "ist leer (0 Bytes), keine .docx-Datei",
    ),
    "HP704": _refusal(  # file_too_large
        "has {size} bytes; a template may have at most {limit} bytes",
        "hat {size} Bytes; eine Vorlage darf höchstens {limit} Bytes haben",
    ),
    "HP705": _refusal(  # ole
        "is a password-protected Word file or an old Word 97–2003 .doc file; "
        "open it in Word and save it without a password as a Word document "
        "(.docx)",
        "ist eine kennwortgeschützte Word-Datei oder eine alte .doc-Datei "
        "(Word 97–2003); in Word öffnen und ohne Kennwort als Word-Dokument "
        "(.docx) speichern",
    ),
    "HP706": _refusal(  # not_zip
        "not a .docx file (not a ZIP package)",
        "keine .docx-Datei (kein ZIP-Paket)",
    ),
    "HP707": _refusal(  # damaged
        "is a damaged ZIP package ({reason}); save it again as .docx",
        "ist ein beschädigtes ZIP-Paket ({reason}); bitte erneut als .docx speichern",
    ),
    "HP708": _refusal(  # damaged_part
        "the part {part} is damaged ({reason}); save the template again as .docx",
        "der Teil {part} ist beschädigt ({reason}); die Vorlage bitte erneut als .docx speichern",
    ),
    "HP709": _refusal(  # too_many_parts
        "has {count} parts; a template may have at most {limit}",
        "hat {count} Teile; eine Vorlage darf höchstens {limit} haben",
    ),
    "HP710": _refusal(  # unsafe_name
        "contains a part with an unsafe name {part!r} (absolute, with .. or a backslash)",
        "enthält einen Teil mit unsicherem Namen {part!r} (absolut, mit .. oder Backslash)",
    ),
    "HP711": _refusal(  # duplicate
        "contains the part {part} more than once",
        "enthält den Teil {part} mehrfach",
    ),
    "HP712": _refusal(  # encrypted_part
        "the part {part} is encrypted (a ZIP password); Word templates are never",
        "der Teil {part} ist verschlüsselt (ZIP-Kennwort); Word-Vorlagen sind das nie",
    ),
    "HP713": _refusal(  # compression
        "the part {part} uses ZIP compression method {method}; Word writes "
        "only stored (0) or deflated (8)",
        "der Teil {part} nutzt die ZIP-Kompressionsmethode {method}; Word "
        "schreibt nur stored (0) oder deflated (8)",
    ),
    "HP714": _refusal(  # part_too_large
        "the part {part} unpacks to more than {limit} bytes (the limit per part)",
        "der Teil {part} ist entpackt größer als {limit} Bytes (die Grenze je Teil)",
    ),
    "HP715": _refusal(  # total_too_large
        "unpacks to more than {limit} bytes in total (the limit; reached at the part {part})",
        "ist entpackt insgesamt größer als {limit} Bytes (die Grenze; erreicht beim Teil {part})",
    ),
    "HP716": _refusal(  # dtd
        "the part {part} contains a DOCTYPE or ENTITY declaration, which Word"
        " never writes and which could read local files or expand without "
        "bound; refused",
        "der Teil {part} enthält eine DOCTYPE- oder ENTITY-Deklaration, die "
        "Word nie schreibt und die lokale Dateien lesen oder sich grenzenlos "
        "ausdehnen könnte; abgelehnt",
    ),
    "HP717": _refusal(  # encoding
        "the part {part} is XML in the encoding {encoding}; Word packages use only UTF-8 or UTF-16",
        "der Teil {part} ist XML in der Kodierung {encoding}; Word-Pakete "
        "verwenden nur UTF-8 oder UTF-16",
    ),
    "HP718": _refusal(  # opendocument
        "is an OpenDocument file (.odt), not a .docx; save it in Word format (.docx)",
        "ist eine OpenDocument-Datei (.odt), keine .docx; bitte im Word-Format (.docx) speichern",
    ),
    "HP719": _refusal(  # not_ooxml
        "is a ZIP archive but not a Word document (no [Content_Types].xml)",
        "ist ein ZIP-Archiv, aber kein Word-Dokument (kein [Content_Types].xml)",
    ),
    "HP720": _refusal(  # no_document
        "contains no Word document: the part {part} is missing",
        "enthält kein Word-Dokument: der Teil {part} fehlt",
    ),
    "HP721": _refusal(  # wrong_kind
        "is {kind}, not a Word document (.docx); save it as .docx",
        "ist {kind}, kein Word-Dokument (.docx); bitte als .docx speichern",
    ),
    "HP722": _refusal(  # bad_relationship
        "the part {part} has a relationship without {attribute}",
        "der Teil {part} hat eine Beziehung ohne {attribute}",
    ),
    "HP723": _refusal(  # external
        "the part {part} has an external relationship ({kind}) to {target}; a"
        " template may point outside itself only by hyperlinks to http, https"
        " or mailto addresses",
        "der Teil {part} hat eine externe Beziehung ({kind}) zu {target}; "
        "eine Vorlage darf nur mit Hyperlinks auf http-, https- oder "
        "mailto-Adressen nach außen zeigen",
    ),
    "HP724": _refusal(  # hyperlink_misused
        "the part {part} uses the hyperlink {rid} ({target}) in {use}; "
        "hyperlinks may only be clicked, not loaded as a picture or an object",
        "der Teil {part} verwendet den Hyperlink {rid} ({target}) in {use}; "
        "Hyperlinks dürfen nur angeklickt, nicht als Bild oder Objekt geladen"
        " werden",
    ),
    "HP725": _refusal(  # bad_xml
        "the part {part} is not well-formed XML ({reason})",
        "der Teil {part} ist kein wohlgeformtes XML ({reason})",
    ),
    "HP726": _refusal(  # not a readable .docx for python-docx
        "not a readable .docx: {detail}",
        "keine lesbare .docx-Datei: {detail}",
        (
            "open it in Word and save it again as .docx",
            "in Word öffnen und erneut als .docx speichern",
        ),
    ),
    "HP727": _refusal(  # a computed field name
        "the part {part} contains a field whose name is computed (by the template or by"
        " another field): {instruction!r}; Word and LibreOffice would run whatever it"
        " turns into; refused",
        "der Teil {part} enthält ein Feld, dessen Name berechnet wird (von der Vorlage"
        " oder einem anderen Feld): {instruction!r}; Word und LibreOffice würden"
        " ausführen, was daraus wird; abgelehnt",
        (
            "replace the field by its text (in Word: select it, Ctrl+Shift+F9)",
            "das Feld durch seinen Text ersetzen (in Word: markieren, Strg+Umschalt+F9)",
        ),
    ),
    "HP728": _refusal(  # a field that reads a file or fetches an address
        "the part {part} contains the field {name} ({instruction}), which makes"
        " Word or LibreOffice read a file or fetch an address; refused",
        "der Teil {part} enthält das Feld {name} ({instruction}), mit dem Word"
        " oder LibreOffice eine Datei lesen oder eine Adresse abrufen würden; abgelehnt",
        (
            "remove the field, or replace it by its text (in Word: select it, Ctrl+Shift+F9)",
            "das Feld entfernen oder durch seinen Text ersetzen (in Word: markieren,"
            " Strg+Umschalt+F9)",
        ),
    ),
    "HP729": _refusal(  # a block needs a style the template lacks
        "the block '{block}' needs a style the template does not define ({style})",
        "der Block '{block}' braucht eine Formatvorlage, die die Vorlage nicht definiert ({style})",
        _START_AGAIN,
    ),
    "HP730": _refusal(  # a block in a header or footer
        "places a block in a header or footer; blocks belong in the body",
        "setzt einen Block in eine Kopf- oder Fußzeile; Blöcke gehören in den Textkörper",
        (
            "move the {{{{p blocks.… }}}} paragraph into the body of the document",
            "den Absatz {{{{p blocks.… }}}} in den Textkörper des Dokuments verschieben",
        ),
    ),
    "HP740": _refusal(  # jinja2 SecurityError
        "refused by the sandbox: {detail}",
        "von der Sandbox abgelehnt: {detail}",
        (
            "use only the variables and filters docs/templates.md lists",
            "nur die Variablen und Filter aus docs/templates.md verwenden",
        ),
    ),
    "HP741": _refusal(  # jinja2 UndefinedError
        "uses a variable the context does not provide: {detail}",
        "verwendet eine Variable, die der Kontext nicht bereitstellt: {detail}",
        (
            "`handlungsprogramm template check` lists every such variable; docs/templates.md"
            " lists those there are",
            "`handlungsprogramm template check` nennt jede solche Variable; docs/templates.md"
            " nennt die vorhandenen",
        ),
    ),
    "HP742": _refusal(  # jinja2 TemplateSyntaxError
        "Jinja syntax error: {detail}",
        "Jinja-Syntaxfehler: {detail}",
        (
            "close every {{{{ … }}}} and {{% … %}}; Word may have split a tag across runs: retype"
            " it in one go",
            "jedes {{{{ … }}}} und {{% … %}} schließen; Word teilt Tags manchmal auf: den Tag in"
            " einem Zug neu tippen",
        ),
    ),
    "HP743": _refusal(  # any other jinja2 TemplateError
        "template error: {detail}",
        "Fehler in der Vorlage: {detail}",
    ),
    "HP744": _refusal(  # an expression in the template raised
        "an expression failed: {detail}",
        "ein Ausdruck ist gescheitert: {detail}",
    ),
    "HP750": _refusal(  # sandbox: steps
        "rendering stopped: the template ran more than {limit} loop steps and"
        " calls (the limit; a loop that does not end?)",
        "Rendern abgebrochen: die Vorlage hat mehr als {limit} "
        "Schleifenschritte und Aufrufe ausgeführt (die Grenze; eine Schleife "
        "ohne Ende?)",
        _LIMIT_FIX,
    ),
    "HP751": _refusal(  # sandbox: time
        "rendering stopped: the template took more than {limit:g} seconds (the limit)",
        "Rendern abgebrochen: die Vorlage hat länger als {limit:g} Sekunden gebraucht (die Grenze)",
        _LIMIT_FIX,
    ),
    "HP752": _refusal(  # sandbox: width
        "rendering stopped: the template asks for a width or precision of "
        "{size}; the limit is {limit}",
        "Rendern abgebrochen: die Vorlage verlangt eine Breite oder "
        "Genauigkeit von {size}; die Grenze ist {limit}",
        _LIMIT_FIX,
    ),
    "HP753": _refusal(  # sandbox: value
        "rendering stopped: the template would make a value of {size} {unit};"
        " a template may make values of at most {limit} (the limit)",
        "Rendern abgebrochen: die Vorlage würde einen Wert von {size} "
        "{unit} machen; eine Vorlage darf Werte von höchstens {limit} "
        "machen (die Grenze)",
        _LIMIT_FIX,
    ),
    "HP754": _refusal(  # sandbox: made
        "rendering stopped: the template made more than {limit} characters "
        "and items in all (the limit)",
        "Rendern abgebrochen: die Vorlage hat insgesamt mehr als {limit} "
        "Zeichen und Elemente gemacht (die Grenze)",
        _LIMIT_FIX,
    ),
    "HP755": _refusal(  # sandbox: output
        "rendering stopped: the template would write more than {limit} characters (the limit)",
        "Rendern abgebrochen: die Vorlage würde mehr als {limit} Zeichen schreiben (die Grenze)",
        _LIMIT_FIX,
    ),
    "HP756": _refusal(  # sandbox: number
        "rendering stopped: the template would compute a number of {size} "
        "bits; the limit is {limit}",
        "Rendern abgebrochen: die Vorlage würde eine Zahl von {size} Bit "
        "berechnen; die Grenze ist {limit}",
        _LIMIT_FIX,
    ),
}
