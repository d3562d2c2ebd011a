"""Opening a PDF with pyHanko: the errors a damaged file raises, and pyHanko kept quiet.

Shared by verifying and signing, which must refuse the same files with the same words;
kept apart from the verification rule because it judges nothing.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator

from lxml import etree
from pyhanko.pdf_utils.misc import PdfError as HankoPdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.rw_common import PdfHandler
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko_certvalidator.errors import InvalidCertificateError

from handlungsprogramm.errors import PdfError

# What reading a damaged PDF object with pyHanko or asn1crypto can raise: their own
# errors, and plain ones where a value has the wrong type or shape.
READ_ERRORS: tuple[type[Exception], ...] = (
    HankoPdfError,
    SignatureValidationError,
    InvalidCertificateError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
    NotImplementedError,
    OverflowError,
    UnicodeError,
    etree.XMLSyntaxError,
)


_WHITESPACE = b"\x00\t\n\x0c\r "


def read_pdf(pdf: bytes) -> PdfFileReader:
    """Open ``pdf`` with pyHanko, or raise :class:`PdfError` saying why it cannot be used."""
    if not pdf.lstrip(_WHITESPACE).startswith(b"%PDF-"):
        raise PdfError("HP802")
    with quiet_pyhanko():
        try:
            reader = PdfFileReader(io.BytesIO(pdf), strict=False)
            encrypted = reader.encrypted
        except READ_ERRORS as exc:
            raise PdfError("HP803", detail=str(exc)) from None
    if encrypted:
        raise PdfError("HP804")
    return reader


def signature_field_list(reader: PdfHandler) -> list[tuple[str, object, object]]:
    """Every signature field's name, value and dictionary; a damaged form tree is a PdfError."""
    try:
        with quiet_pyhanko():
            return [(str(name), value, f) for name, value, f in enumerate_sig_fields(reader)]
    except READ_ERRORS as exc:
        raise PdfError("HP805", detail=str(exc)) from None


class _Collect(logging.Handler):
    """Keeps the reasons pyHanko logs (it logs, rather than raises, trust failures)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.reasons: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        text = str(exc) if exc is not None else record.getMessage()
        self.reasons.append(text.splitlines()[0] if text else text)


@contextlib.contextmanager
def quiet_pyhanko() -> Iterator[list[str]]:
    """Silence pyHanko's log (it prints tracebacks for what we report) and collect it."""
    logger = logging.getLogger("pyhanko")
    level, propagate = logger.level, logger.propagate
    handler = _Collect()
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield handler.reasons
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
