"""Sign the example PDF twice, as the two mayors would, and verify both signatures.

Run: .venv/bin/python examples/scripts/sign_demo.py [OUT]   (default: out/sign-demo)

The journey of a jointly signed programme in one script: the PDF is built (LibreOffice),
the German mayor signs the first field, the file "travels" to the partner, whose mayor
signs the second field, and both signatures are verified. Each signature is an
incremental update, so the first stays valid after the second.

The two certificates are throw-away, self-signed demo identities made for this run in a
temporary folder and deleted at the end — real signatures use each mayor's certificate
from a national trust service (see docs/signing.md). The script writes OUT/unsigned.pdf,
OUT/signed-german.pdf and OUT/signed-both.pdf and exits 0 only when both signatures are
intact, valid and trusted (trusting exactly the two demo certificates).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from handlungsprogramm import load
from handlungsprogramm.build import render_pdf
from handlungsprogramm.model import Side
from handlungsprogramm.pdf.demo import make_demo_identity
from handlungsprogramm.pdf.fields import field_name
from handlungsprogramm.pdf.signing import sign_pdf, verify_pdf

EXAMPLE = Path(__file__).resolve().parent.parent / "pfinztal-kidira" / "programme.yaml"


def main(argv: list[str]) -> int:
    """Build, sign twice, verify; print one line per step and a line per signature."""
    out = Path(argv[1]) if len(argv) > 1 else Path("out") / "sign-demo"
    out.mkdir(parents=True, exist_ok=True)
    programme = load(EXAMPLE)
    signers = {s.side: s.name for s in programme.signatories}

    unsigned = render_pdf(programme)
    (out / "unsigned.pdf").write_bytes(unsigned)
    print(f"built     {out / 'unsigned.pdf'} ({len(unsigned):,} bytes)")

    with tempfile.TemporaryDirectory(prefix="hp-demo-keys-") as keys:
        ids = {
            side: make_demo_identity(Path(keys), signers[side], f"demo-{side}".encode())
            for side in (Side.GERMAN, Side.PARTNER)
        }
        pdf = unsigned
        for side, name in ((Side.GERMAN, "signed-german.pdf"), (Side.PARTNER, "signed-both.pdf")):
            field = field_name(programme, side)
            passphrase = f"demo-{side}".encode()
            pdf = sign_pdf(pdf, field=field, pkcs12=ids[side].pkcs12, passphrase=passphrase)
            (out / name).write_bytes(pdf)
            print(f"signed    {field} as {signers[side]} -> {out / name}")

        reports = verify_pdf(pdf, trust=[i.certificate for i in ids.values()])

    for r in reports:
        state = "ok" if r.ok and r.trusted else "NOT OK"
        print(
            f"verified  {r.field}: {state} (signer {r.signer}, intact={r.intact}, "
            f"valid={r.valid}, trusted={r.trusted}, whole file={r.covers_whole_file})"
        )
    return 0 if len(reports) == 2 and all(r.ok and r.trusted for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
