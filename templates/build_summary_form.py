"""Build ``templates/summary-form.pdf``: an example third-party form to fill from a programme.

A one-page "programme summary sheet" as funding programmes use them, with AcroForm
text fields. Run ``.venv/bin/python templates/build_summary_form.py`` after changing
it and commit both files; ``summary-form.mapping.yaml`` maps its fields to the model.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

OUT = Path(__file__).with_name("summary-form.pdf")

# (field name, label, y position); the page is A4 portrait, 595 × 842 pt.
FIELDS: tuple[tuple[str, str, int], ...] = (
    ("programme_title", "Programme title / Titel des Programms", 700),
    ("german_municipality", "German municipality / Deutsche Kommune", 650),
    ("partner_municipality", "Partner municipality / Partnerkommune", 600),
    ("partner_country", "Partner country / Land der Partnerkommune", 550),
    ("period", "Period / Laufzeit", 500),
    ("fields_of_action", "Fields of action / Handlungsfelder (count)", 450),
    ("measures", "Measures / Maßnahmen (count)", 400),
    ("budget_eur", "Budget in EUR / Budget in EUR", 350),
    ("budget_local", "Budget in local currency / Budget in Landeswährung", 300),
    ("mayor_german", "Mayor, German municipality / Bürgermeister/in", 250),
    ("mayor_partner", "Mayor, partner municipality / Bürgermeister/in Partner", 200),
    ("fingerprint", "Content fingerprint (SHA-256) / Prüfsumme", 150),
)


def _escape(text: str) -> str:
    """Escape a PDF literal string."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build() -> bytes:
    """The form's bytes: labels drawn in Helvetica, one text field per line."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    helv = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    helv_ref = writer._add_object(helv)
    bold = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    bold_ref = writer._add_object(bold)
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject(
                {NameObject("/Helv"): helv_ref, NameObject("/HeBo"): bold_ref}
            )
        }
    )
    lines = [
        "BT /HeBo 16 Tf 50 780 Td (Programme summary sheet / Programmsteckbrief) Tj ET",
        "BT /Helv 9 Tf 50 762 Td (Example form shipped with handlungsprogramm; filled with fill-form.) Tj ET",
    ]
    for _, label, y in FIELDS:
        text = _escape(label).encode("cp1252").decode("latin-1")
        lines.append(f"BT /Helv 9 Tf 50 {y + 26} Td ({text}) Tj ET")
        lines.append(f"0.6 G 0.5 w 50 {y} 495 20 re S")  # the box, printed on paper too
    content = DecodedStreamObject()
    content.set_data("\n".join(lines).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)

    annots = ArrayObject()
    fields = ArrayObject()
    for name, _, y in FIELDS:
        field = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject(name),
                NameObject("/Rect"): ArrayObject(
                    [FloatObject(50), FloatObject(y), FloatObject(545), FloatObject(y + 20)]
                ),
                NameObject("/F"): NumberObject(4),
                NameObject("/DA"): TextStringObject("/Helv 10 Tf 0 g"),
                NameObject("/MK"): DictionaryObject(
                    {NameObject("/BC"): ArrayObject([FloatObject(0.4)] * 3)}
                ),
                NameObject("/P"): page.indirect_reference,
            }
        )
        ref = writer._add_object(field)
        annots.append(ref)
        fields.append(ref)
    page[NameObject("/Annots")] = annots
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): fields,
            NameObject("/DA"): TextStringObject("/Helv 10 Tf 0 g"),
            NameObject("/DR"): DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv_ref})}
            ),
        }
    )
    writer.add_metadata(
        {"/Title": "Programme summary sheet (example form)", "/Producer": "handlungsprogramm"}
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def main() -> int:
    """Write templates/summary-form.pdf."""
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
