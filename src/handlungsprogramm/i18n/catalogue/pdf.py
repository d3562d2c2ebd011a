"""The messages of PDF work (``HP8xx``): reading, signing, verifying, filling forms, and
LibreOffice's conversion.

``HP801``–``HP819`` a PDF that cannot be read or used, ``HP820``–``HP829`` forms,
``HP830``–``HP849`` signing and verifying, ``HP850``–``HP859`` LibreOffice,
``HP860``–``HP869`` time stamps and validation data. A PDF or
signing error ends a command with exit 7; LibreOffice missing with 5, failing with 6.
A detail from pypdf, pyHanko or LibreOffice stays in their words (``{detail}``).
"""

from __future__ import annotations

from handlungsprogramm.exit_codes import ExitCode
from handlungsprogramm.i18n.catalogue import Message

__all__ = ["PDF"]


def _pdf(en: str, de: str, fix: tuple[str, str] | None = None) -> Message:
    return Message((en, de), fix, ExitCode.PDF_ERROR)


_USE_BUILT = (
    "sign and verify the PDF that `handlungsprogramm build --to pdf` wrote",
    "das PDF unterschreiben und prüfen, das `handlungsprogramm build --to pdf` geschrieben hat",
)
_NEW_FORM = (
    "ask the form's issuer for a new copy of the form",
    "beim Herausgeber des Formulars eine neue Kopie anfordern",
)
_INSTALL = (
    "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui"
    " fonts-noto-core fonts-liberation2 fonts-crosextra-carlito) or set"
    " HANDLUNGSPROGRAMM_SOFFICE to the soffice program",
    "LibreOffice installieren (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui"
    " fonts-noto-core fonts-liberation2 fonts-crosextra-carlito) oder"
    " HANDLUNGSPROGRAMM_SOFFICE auf das Programm soffice setzen",
)

PDF: dict[str, Message] = {
    "HP801": _pdf(
        "{path}: cannot be read: {reason}",
        "{path}: nicht lesbar: {reason}",
        (
            "check the file's name and folder, and that you may read it",
            "Namen und Ordner der Datei prüfen und ob Sie sie lesen dürfen",
        ),
    ),
    "HP802": _pdf(
        "not a PDF file (it does not start with %PDF-)",
        "keine PDF-Datei (beginnt nicht mit %PDF-)",
        _USE_BUILT,
    ),
    "HP803": _pdf(
        "not a readable PDF: {detail}",
        "kein lesbares PDF: {detail}",
        _USE_BUILT,
    ),
    "HP804": _pdf(
        "the PDF is encrypted; a programme for signing is never encrypted",
        "das PDF ist verschlüsselt; ein Programm zum Unterschreiben ist nie verschlüsselt",
        _USE_BUILT,
    ),
    "HP805": _pdf(
        "the form of the PDF cannot be read: {detail}",
        "das Formular des PDF ist nicht lesbar: {detail}",
        _USE_BUILT,
    ),
    "HP806": _pdf(
        "cannot read the converted PDF: {detail}",
        "das umgewandelte PDF ist nicht lesbar: {detail}",
    ),
    "HP807": _pdf(
        "the PDF has no signature box for {town}",
        "das PDF hat kein Unterschriftsfeld für {town}",
        (
            "the template must place {{{{p blocks.signatures }}}}; start from the standard"
            " template",
            "die Vorlage muss {{{{p blocks.signatures }}}} setzen; von der Standardvorlage"
            " ausgehen",
        ),
    ),
    "HP808": _pdf(
        "the signature box {name} points to no page",
        "das Unterschriftsfeld {name} verweist auf keine Seite",
    ),
    "HP820": _pdf(
        "the form is malformed: {detail}",
        "das Formular ist fehlerhaft: {detail}",
        _NEW_FORM,
    ),
    "HP821": _pdf(
        "not a readable PDF form: {detail}",
        "kein lesbares PDF-Formular: {detail}",
        _NEW_FORM,
    ),
    "HP822": _pdf(
        "the form is encrypted (password-protected); filling it would remove its protection",
        "das Formular ist verschlüsselt (kennwortgeschützt); beim Ausfüllen ginge der Schutz"
        " verloren",
        (
            "ask its issuer for an unprotected form, or remove the protection"
            " (qpdf --decrypt) if you are allowed to",
            "beim Herausgeber ein ungeschütztes Formular anfordern oder den Schutz entfernen"
            " (qpdf --decrypt), wenn Sie das dürfen",
        ),
    ),
    "HP823": _pdf(
        "{where}: the mapping must be a YAML mapping with `fields:` (form field: {{path: …}})",
        "{where}: die Zuordnung muss eine YAML-Zuordnung mit `fields:` sein"
        " (Formularfeld: {{Pfad: …}})",
        (
            "docs/forms.md shows a mapping to start from",
            "docs/forms.md zeigt eine Zuordnung als Ausgangspunkt",
        ),
    ),
    "HP824": _pdf(
        "the mapping has problems:\n{problems}",
        "die Zuordnung hat Fehler:\n{problems}",
    ),
    "HP825": _pdf(
        "the form has no field(s) {unknown}; its fields are: {known}",
        "das Formular hat kein(e) Feld(er) {unknown}; seine Felder sind: {known}",
        (
            "correct the names on the left of the mapping",
            "die Namen links in der Zuordnung korrigieren",
        ),
    ),
    "HP826": _pdf(
        "{fields}: a signature field is signed (handlungsprogramm sign), not filled",
        "{fields}: ein Signaturfeld wird unterschrieben (handlungsprogramm sign), nicht ausgefüllt",
        ("remove it from the mapping", "es aus der Zuordnung entfernen"),
    ),
    "HP827": _pdf(
        "field '{field}': {detail}",
        "Feld '{field}': {detail}",
    ),
    "HP828": _pdf(
        "the form field(s) {fields} have no widget on any page",
        "die Formularfelder {fields} haben auf keiner Seite ein Widget",
        _NEW_FORM,
    ),
    "HP829": Message(
        (
            "the form carries signatures, which filling would break",
            "das Formular trägt Unterschriften, die das Ausfüllen ungültig machen würde",
        ),
        (
            "fill the unsigned form; --force fills it anyway and breaks the signatures",
            "das unsignierte Formular ausfüllen; --force füllt trotzdem aus und macht die"
            " Unterschriften ungültig",
        ),
        ExitCode.OUTPUT_EXISTS,
    ),
    "HP830": _pdf(
        "the PDF has no signature field '{field}' (fields: {known})",
        "das PDF hat kein Signaturfeld '{field}' (Felder: {known})",
        (
            "`handlungsprogramm verify FILE` lists the fields",
            "`handlungsprogramm verify DATEI` nennt die Felder",
        ),
    ),
    "HP831": _pdf(
        "the field '{field}' is already signed",
        "das Feld '{field}' ist schon unterschrieben",
        ("sign the other field", "das andere Feld unterschreiben"),
    ),
    "HP832": _pdf(
        "the signature in '{field}' does not verify ({reason}); the file was changed after"
        " it was signed",
        "die Signatur in '{field}' ist nicht gültig ({reason}); die Datei wurde nach der"
        " Unterschrift verändert",
        (
            "do not sign it; ask the other side for the original",
            "nicht unterschreiben; bei der anderen Seite das Original anfordern",
        ),
    ),
    "HP833": _pdf(
        "signing failed: {detail}",
        "Signieren fehlgeschlagen: {detail}",
    ),
    "HP834": _pdf(
        "cannot open {name}: wrong passphrase, or not a PKCS#12 file with a key",
        "{name} lässt sich nicht öffnen: falsches Passwort oder keine PKCS#12-Datei mit Schlüssel",
        (
            "check the passphrase (HANDLUNGSPROGRAMM_SIGN_PASSPHRASE) and that the file is"
            " the .p12/.pfx with your key",
            "das Passwort (HANDLUNGSPROGRAMM_SIGN_PASSPHRASE) prüfen und ob die Datei die"
            " .p12/.pfx mit Ihrem Schlüssel ist",
        ),
    ),
    "HP835": _pdf(
        "the certificate expired on {date}",
        "das Zertifikat ist am {date} abgelaufen",
        ("sign with a valid certificate", "mit einem gültigen Zertifikat unterschreiben"),
    ),
    "HP836": _pdf(
        "the certificate is valid only from {date}",
        "das Zertifikat gilt erst ab {date}",
        (
            "sign from that day on, or check the computer's clock",
            "ab diesem Tag unterschreiben oder die Uhr des Rechners prüfen",
        ),
    ),
    "HP837": _pdf(
        "the certificate may not be used for signatures (key usage: non-repudiation is"
        " required, as verify requires it): {detail}",
        "das Zertifikat darf nicht für Signaturen verwendet werden (Schlüsselverwendung:"
        " Nichtabstreitbarkeit ist erforderlich, wie verify sie verlangt): {detail}",
        (
            "ask the issuer for a signature certificate",
            "beim Aussteller ein Signaturzertifikat anfordern",
        ),
    ),
    "HP838": _pdf(
        "the signed file would not verify ('{field}': {reason}); nothing was written",
        "die unterschriebene Datei wäre nicht gültig ('{field}': {reason}); nichts geschrieben",
    ),
    "HP839": _pdf(
        "verify would not accept this certificate for a signature: {reason}",
        "verify würde dieses Zertifikat für eine Signatur nicht anerkennen: {reason}",
    ),
    "HP840": _pdf(
        "cannot read the trusted certificate {path}: {reason}",
        "das vertrauenswürdige Zertifikat {path} ist nicht lesbar: {reason}",
        (
            "give one certificate per file, as PEM or DER",
            "je Datei ein Zertifikat angeben, als PEM oder DER",
        ),
    ),
    "HP841": _pdf(
        "set {variable} or run in a terminal to be asked",
        "{variable} setzen oder im Terminal ausführen, um gefragt zu werden",
    ),
    "HP842": Message(
        (
            "the PDF is a draft (ENTWURF on every page); a draft is not signed",
            "das PDF ist ein Entwurf (ENTWURF auf jeder Seite); ein Entwurf wird nicht"
            " unterschrieben",
        ),
        (
            "build the final document (it needs no completeness errors) and sign that;"
            " --allow-draft signs the draft anyway, e.g. to try signing out",
            "das endgültige Dokument bauen (ohne Vollständigkeitsfehler) und dieses"
            " unterschreiben; --allow-draft unterschreibt den Entwurf trotzdem, etwa zum"
            " Ausprobieren",
        ),
        ExitCode.OUTPUT_EXISTS,
    ),
    "HP843": _pdf(
        "the PKCS#11 module {module} cannot be loaded: {detail}",
        "das PKCS#11-Modul {module} lässt sich nicht laden: {detail}",
        (
            "give the module of your card reader or token (its vendor names it, e.g."
            " /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so)",
            "das Modul Ihres Kartenlesers oder Tokens angeben (sein Hersteller nennt es, z. B."
            " /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so)",
        ),
    ),
    "HP844": _pdf(
        "no token '{token}' found through {module}: {detail}",
        "kein Token '{token}' über {module} gefunden: {detail}",
        (
            "insert the card or token; `pkcs11-tool --module MODULE --list-tokens` shows"
            " the labels",
            "Karte oder Token einstecken; `pkcs11-tool --module MODUL --list-tokens` zeigt die"
            " Bezeichnungen",
        ),
    ),
    "HP845": _pdf(
        "wrong PIN for the token '{token}'",
        "falsche PIN für das Token '{token}'",
        (
            "enter the PIN again (HANDLUNGSPROGRAMM_PKCS11_PIN or the prompt); cards lock"
            " after a few wrong tries",
            "die PIN erneut eingeben (HANDLUNGSPROGRAMM_PKCS11_PIN oder die Abfrage); Karten"
            " sperren nach wenigen Fehlversuchen",
        ),
    ),
    "HP846": _pdf(
        "the PIN of the token '{token}' is locked",
        "die PIN des Tokens '{token}' ist gesperrt",
        (
            "unlock it with the PUK, as the card's issuer describes",
            "sie mit der PUK entsperren, wie der Herausgeber der Karte es beschreibt",
        ),
    ),
    "HP847": _pdf(
        "the token '{token}' has no {what} labelled '{label}'",
        "das Token '{token}' hat kein(en) {what} mit der Bezeichnung '{label}'",
        (
            "`pkcs11-tool --module MODULE --login --list-objects` shows the labels;"
            " --key-label and --cert-label choose them",
            "`pkcs11-tool --module MODUL --login --list-objects` zeigt die Bezeichnungen;"
            " --key-label und --cert-label wählen sie",
        ),
    ),
    "HP848": _pdf(
        "the font {font} for the signature's appearance is not installed",
        "die Schrift {font} für das Erscheinungsbild der Signatur ist nicht installiert",
        (
            "install it (Debian/Ubuntu: sudo apt-get install fonts-noto-core)",
            "sie installieren (Debian/Ubuntu: sudo apt-get install fonts-noto-core)",
        ),
    ),
    "HP849": Message(
        (
            "the level {level} needs a time stamp: give --timestamp-url",
            "die Stufe {level} braucht einen Zeitstempel: --timestamp-url angeben",
        ),
        (
            "your trust service names its time-stamping address (RFC 3161); B-B needs none",
            "Ihr Vertrauensdienst nennt seine Zeitstempel-Adresse (RFC 3161); B-B braucht keine",
        ),
        ExitCode.INVALID_INPUT,
    ),
    "HP850": Message(
        (
            "LibreOffice (soffice) was not found",
            "LibreOffice (soffice) wurde nicht gefunden",
        ),
        _INSTALL,
        ExitCode.NO_LIBREOFFICE,
    ),
    "HP851": Message(
        (
            "HANDLUNGSPROGRAMM_SOFFICE={value} is not an executable",
            "HANDLUNGSPROGRAMM_SOFFICE={value} ist kein ausführbares Programm",
        ),
        _INSTALL,
        ExitCode.NO_LIBREOFFICE,
    ),
    "HP852": Message(
        (
            "cannot start LibreOffice's watchdog with {python}: {detail}",
            "der Wächter von LibreOffice lässt sich mit {python} nicht starten: {detail}",
        ),
        None,
        ExitCode.CONVERSION_FAILED,
    ),
    "HP853": Message(
        (
            "LibreOffice did not finish within {seconds} s and was stopped",
            "LibreOffice wurde nicht innerhalb von {seconds} s fertig und wurde beendet",
        ),
        (
            "raise --convert-timeout for very large programmes",
            "--convert-timeout für sehr große Programme erhöhen",
        ),
        ExitCode.CONVERSION_FAILED,
    ),
    "HP854": Message(
        (
            "LibreOffice failed (exit code {code}): {detail}",
            "LibreOffice ist gescheitert (Exit-Code {code}): {detail}",
        ),
        None,
        ExitCode.CONVERSION_FAILED,
    ),
    "HP855": Message(
        (
            "LibreOffice produced no PDF for: {files}",
            "LibreOffice hat kein PDF erzeugt für: {files}",
        ),
        None,
        ExitCode.CONVERSION_FAILED,
    ),
    "HP860": _pdf(
        "the time-stamping authority {url} gave no time stamp: {detail}",
        "der Zeitstempeldienst {url} hat keinen Zeitstempel geliefert: {detail}",
        (
            "check the address and the network; nothing was signed, try again",
            "Adresse und Netz prüfen; es wurde nichts unterschrieben, erneut versuchen",
        ),
    ),
    "HP861": _pdf(
        "the validation data for a long-term signature cannot be gathered: {detail}",
        "die Prüfdaten für eine Langzeitsignatur lassen sich nicht beschaffen: {detail}",
        (
            "the certificates' CRL or OCSP addresses must answer, and the chains of the signer"
            " and of the time-stamping authority must end in certificates given with --trust;"
            " B-T needs no validation data",
            "die CRL- oder OCSP-Adressen der Zertifikate müssen antworten und die Ketten der"
            " unterzeichnenden Person und des Zeitstempeldienstes in mit --trust angegebenen"
            " Zertifikaten enden; B-T braucht keine Prüfdaten",
        ),
    ),
}
