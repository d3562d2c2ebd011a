"""Fill the example third-party form (a one-page programme summary sheet) from a programme.

Run: .venv/bin/python examples/scripts/fill_summary_form.py [OUT]   (default: out/forms)

Funding programmes and networks often ask for their own PDF forms. Instead of typing
the same facts again, a mapping file names, for each form field, where its value comes
from in the programme (see docs/forms.md). This script fills
templates/summary-form.pdf from the Pfinztal–Kidira example with
templates/summary-form.mapping.yaml twice — once still fillable, once flattened into page
content for archiving — and prints what each field now says, read back from the PDF.
The same in one command: ``handlungsprogramm fill-form templates/summary-form.pdf
--programme examples/pfinztal-kidira/programme.yaml
--mapping templates/summary-form.mapping.yaml --out out/forms/summary.pdf``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from pypdf import PdfReader

from handlungsprogramm import load
from handlungsprogramm.pdf.forms import fill_form, load_mapping

ROOT = Path(__file__).resolve().parent.parent.parent
FORM = ROOT / "templates" / "summary-form.pdf"
MAPPING = ROOT / "templates" / "summary-form.mapping.yaml"
PROGRAMME = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"


def main(argv: list[str]) -> int:
    """Write OUT/summary-form-filled.pdf and OUT/summary-form-flat.pdf; print the values."""
    out = Path(argv[1]) if len(argv) > 1 else Path("out") / "forms"
    out.mkdir(parents=True, exist_ok=True)
    programme, mapping, form = load(PROGRAMME), load_mapping(MAPPING), FORM.read_bytes()

    filled = fill_form(form, programme, mapping)
    (out / "summary-form-filled.pdf").write_bytes(filled)
    (out / "summary-form-flat.pdf").write_bytes(fill_form(form, programme, mapping, flatten=True))

    fields = PdfReader(io.BytesIO(filled)).get_fields() or {}
    width = max(map(len, mapping.fields))
    for name in mapping.fields:
        print(f"{name:<{width}}  {fields[name].get('/V', '')}")
    print(f"written   {out / 'summary-form-filled.pdf'} and {out / 'summary-form-flat.pdf'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
