"""pypdf at arm's length: its decompression limits, its failures, references it follows.

Whatever pypdf raises on a malformed file becomes a :class:`PdfError` here, and every
reference the form walk follows goes through :func:`resolve`, bounded. Apart from the
walk of the field tree in :mod:`.formtree` because these guards concern pypdf itself
(opening, decoding, errors), not the form's structure.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
)

from handlungsprogramm.errors import PdfError

MAX_DECODED_BYTES = 64 * 1024 * 1024
"""Most bytes one stream, and all object streams together, may decompress to (64 MiB)."""


_MAX_REFERENCE_HOPS = 8
"""A reference to a reference to … : more hops than this is a loop."""


PDF_FAILURES: tuple[type[BaseException], ...] = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    ZeroDivisionError,
    OverflowError,
    RecursionError,
)
"""What pypdf raises on a malformed file it did not anticipate (besides its own errors,
plain Python ones from deep inside). Caught only around calls into pypdf, and turned
into a :class:`PdfError` that says the form is malformed; the structure checks here
come first, so these are the leftovers nobody has met yet."""


@contextlib.contextmanager
def pdf_limits() -> Iterator[None]:
    """pypdf's decompression limits lowered to :data:`MAX_DECODED_BYTES` for this
    thread (pypdf keeps its configuration in a context variable), and its log quiet:
    its warnings about a file it repairs are noise next to our message."""
    logger = logging.getLogger("pypdf")
    limit = MAX_DECODED_BYTES
    with (
        apply_configuration(
            zlib_maximum_output_length=limit,
            lzw_maximum_output_length=limit,
            run_length_maximum_output_length=limit,
            array_based_stream_maximum_output_length=limit,
            jbig2_maximum_output_length=limit,
            brotli_maximum_output_length=limit,
            stream_decoding_work_maximum_length=limit,
        ),
        _quiet(logger),
    ):
        yield


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _refuse(en: str, de: str) -> PdfError:
    """``HP820``, the form is malformed, with what is wrong in both languages."""
    return PdfError("HP820", detail=(en, de))


def pypdf_failure(exc: BaseException) -> PdfError:
    """A :class:`PdfError` for whatever pypdf raised on a malformed form."""
    if isinstance(exc, RecursionError):
        return _refuse(
            "its objects are nested too deeply", "seine Objekte sind zu tief verschachtelt"
        )
    if isinstance(exc, LimitReachedError):
        return _refuse(
            f"it holds a stream or array beyond pypdf's limits, e.g. one that decompresses to"
            f" more than {MAX_DECODED_BYTES >> 20} MB (a decompression bomb?): {exc}",
            f"es enthält einen Datenstrom oder ein Array jenseits der Grenzen von pypdf, z. B."
            f" einen, der zu mehr als {MAX_DECODED_BYTES >> 20} MB entpackt"
            f" (eine Dekompressionsbombe?): {exc}",
        )
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return _refuse(
        f"pypdf cannot process it ({detail})", f"pypdf kann es nicht verarbeiten ({detail})"
    )


@contextlib.contextmanager
def pypdf_boundary() -> Iterator[None]:
    """Around calls into pypdf: what it raises on a malformed form becomes a
    :class:`PdfError` (our own refusals pass unchanged)."""
    try:
        yield
    except PdfError:
        raise
    except PDF_FAILURES as exc:
        raise pypdf_failure(exc) from None


def open_form(data: bytes) -> PdfReader:
    """A reader for ``data``; encrypted forms and unreadable files are refused.

    Encrypted forms are refused even when they open without a password: pypdf would
    write the filled copy without the issuer's protection (their permissions, e.g.
    "no changes"), which is for the issuer to lift, not for this tool.
    """
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except PDF_FAILURES as exc:
        detail = str(exc) or type(exc).__name__
        raise PdfError("HP821", detail=detail) from None
    if encrypted:
        raise PdfError("HP822")
    return reader


def resolve(obj: Any, what: tuple[str, str]) -> PdfObject:
    """``obj`` with references followed (a bounded number of them); ``what`` names it."""
    try:
        for _ in range(_MAX_REFERENCE_HOPS):
            if not isinstance(obj, IndirectObject):
                return obj  # type: ignore[no-any-return]
            obj = obj.get_object()
    except LimitReachedError as exc:
        raise pypdf_failure(exc) from None
    except AttributeError:  # pypdf's way to fail on an object that is a reference
        raise _refuse(
            f"{what[0]} is a reference to a reference (a loop of references?)",
            f"{what[1]} ist ein Verweis auf einen Verweis (eine Schleife von Verweisen?)",
        ) from None
    except PDF_FAILURES as exc:
        detail = str(exc) or type(exc).__name__
        raise _refuse(
            f"{what[0]} cannot be read ({detail})", f"{what[1]} ist nicht lesbar ({detail})"
        ) from None
    raise _refuse(
        f"{what[0]} is a reference to a reference … (a loop)",
        f"{what[1]} verweist auf einen Verweis … (eine Schleife)",
    )


def append_only_contents(page: DictionaryObject) -> None:
    """Make a page's content an array, so flattening appends to it without decoding it.

    pypdf merges a flattened field into a page whose content is one stream by decoding
    that stream, appending, and storing the result uncompressed: a compressed bomb in
    the page content was decoded (to pypdf's limit) and written out whole. An array of
    content streams means the same to a viewer, and pypdf only appends a new stream.
    """
    contents = page.get("/Contents")
    if isinstance(contents, IndirectObject):
        target = resolve(contents, ("the page content", "der Seiteninhalt"))
        if isinstance(target, StreamObject):
            page[NameObject("/Contents")] = ArrayObject([contents])
