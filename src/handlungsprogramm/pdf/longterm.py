"""Long-term validation: the data a verifier needs years later, embedded in the PDF.

A signature made today must still be checked when the signer's certificate has
expired and its authority's OCSP responder is gone. PAdES B-LT puts what proves the
chain valid at signing time — the certificates, the CRLs and OCSP answers — into the
document security store (DSS); B-LTA adds a document time stamp over all of it, which
later time stamps can renew before its algorithms age.

pyHanko can do both as part of signing, but writes those updates with writers that
rewrite the document's Info and XMP metadata, which our verification refuses (and
PDF/A forbids when they disagree). So the DSS and the document time stamp are added
here, through the same metadata-neutral incremental writer as the signature.
"""

from __future__ import annotations

import asyncio
import io

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper, TimestampDSSContentSettings
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation.dss import DocumentSecurityStore, collect_validation_info
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

from handlungsprogramm.errors import SigningError
from handlungsprogramm.pdf.fields import incremental_writer
from handlungsprogramm.pdf.reading import READ_ERRORS, quiet_pyhanko

__all__ = ["DOCUMENT_TIMESTAMP_FIELD", "add_validation_data"]

DOCUMENT_TIMESTAMP_FIELD = "hp-document-timestamp"
"""The field of a B-LTA document time stamp (not a signature of a municipality)."""

_FETCH_ERRORS: tuple[type[Exception], ...] = (PathBuildingError, PathValidationError, *READ_ERRORS)


def add_validation_data(
    signed: bytes,
    field: str,
    roots: list[asn1_x509.Certificate],
    archive: TimeStamper | None,
    timestamp_url: str | None,
) -> bytes:
    """``signed`` with the validation data of the signature in ``field`` in its DSS, and
    with ``archive`` a document time stamp after it (B-LTA); revocation data is fetched
    from the addresses in the certificates, for a chain ending in one of ``roots``."""
    # requests, not aiohttp: a synchronous fetcher leaves no client session open
    context = ValidationContext(
        trust_roots=roots,
        allow_fetching=True,
        revocation_mode="hard-fail",
        fetcher_backend=RequestsFetcherBackend(),
    )
    try:
        with quiet_pyhanko():
            reader = PdfFileReader(io.BytesIO(signed), strict=False)
            embedded = next(s for s in reader.embedded_signatures if s.field_name == field)
            paths = asyncio.run(collect_validation_info(embedded, context))
            writer = incremental_writer(signed)
            contents = embedded.pkcs7_content.hex().encode("ascii")
            DocumentSecurityStore.supply_dss_in_writer(
                writer, contents, paths=paths, validation_context=context, embed_roots=True
            )
            out = io.BytesIO()
            if archive is None:
                writer.write(out)  # type: ignore[no-untyped-call]
            else:
                PdfTimeStamper(archive, field_name=DOCUMENT_TIMESTAMP_FIELD).timestamp_pdf(
                    writer,
                    "sha256",
                    context,
                    output=out,
                    dss_settings=TimestampDSSContentSettings(
                        update_before_ts=True, include_vri=False
                    ),
                )
    except TimestampRequestError as exc:
        raise SigningError("HP860", url=timestamp_url, detail=str(exc)) from None
    except _FETCH_ERRORS as exc:
        raise SigningError("HP861", detail=str(exc) or type(exc).__name__) from None
    return out.getvalue()
