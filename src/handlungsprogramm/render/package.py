"""Write the rendered document as a .docx package, streamed blocks included.

python-docx writes a package from its parts (``Document.save``); this module does
the same, part by part, with two differences that matter for large documents:

- the main document part is written through the compressor with the streamed
  blocks (:class:`~handlungsprogramm.render.blocks.Streams`) in place of their
  comments, so the measure sheets never exist as one text or tree;
- pictures, already compressed, are stored rather than deflated a second time
  (a 5,000-measure time plan is ~200 pictures).

Writing the package once, instead of saving it and copying it with the main part
replaced, keeps a single copy of the pictures in memory.
"""

from __future__ import annotations

import tempfile
import zipfile

from docx.document import Document as DocxDocument
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

# python-docx's own content-types builder (private, stable since python-docx 0.8):
# the package must list exactly what python-docx's writer would list.
from docx.opc.pkgwriter import _ContentTypesItem

from handlungsprogramm.render.blocks import Streams

__all__ = ["write_package"]

_STORED = frozenset({"png", "jpeg", "jpg", "gif"})
"""Extensions of parts whose data is compressed already."""


def write_package(document: DocxDocument, streams: Streams) -> bytes:
    """The .docx bytes of ``document``, with ``streams`` written into its main part."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    # a file, not a BytesIO: a growing buffer of 60 MB (the pictures of 5,000 measures)
    # is copied whole each time it is enlarged, twice its size for a moment
    out = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, after reading back
    with out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        types = _ContentTypesItem.from_parts(parts).blob  # type: ignore[no-untyped-call]
        target.writestr(_entry(CONTENT_TYPES_URI.membername), types)
        target.writestr(_entry(PACKAGE_URI.rels_uri.membername), package.rels.xml)
        for part in parts:
            name = part.partname.membername
            if part is document.part:
                blob = part.blob
                # zipfile must know in advance whether a streamed entry may pass 2 GiB
                # (zip64); with writestr it sees for itself
                big = len(blob) + streams.size > zipfile.ZIP64_LIMIT / 1.05
                with target.open(_entry(name), "w", force_zip64=big) as stream:
                    streams.write(blob, stream)
            else:
                stored = part.partname.ext.lower() in _STORED
                kind = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                target.writestr(_entry(name, kind), part.blob)
                if stored:
                    _let_go(part)
            if len(part.rels):
                target.writestr(_entry(part.partname.rels_uri.membername), part.rels.xml)
        target.close()
        out.seek(0)
        return out.read()


_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every entry's time in the archive: the earliest a ZIP can hold. The build time is in
the document's properties (docProps/core.xml); entry times would only make two builds
of the same programme differ byte for byte."""


def _entry(name: str, kind: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = kind
    info.external_attr = 0o600 << 16
    return info


def _let_go(part: object) -> None:
    """Drop a written picture's bytes: the package is written once, and the picture is in
    the archive now (python-docx keeps the bytes twice: the part's and its image's)."""
    for name in ("_blob", "_image"):
        if hasattr(part, name):
            setattr(part, name, b"" if name == "_blob" else None)
