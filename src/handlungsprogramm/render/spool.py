"""Pictures kept in a temporary file until the package is written, not in memory.

A chart reaches the document as PNG bytes; python-docx keeps each picture's bytes in its
image part (twice: the part's and its image's) until the package is saved. At 5,000
measures the time plan alone is ~200 pictures at 300 ppi, some 60 MB held through the
whole rendering. Here each chart's bytes go to one temporary file as soon as its
picture is placed; the part reads them back when the package is written
(:mod:`~handlungsprogramm.render.package`), one picture at a time.

Only the charts take this path: they are new each time, so python-docx's search for an
equal picture already in the package (by SHA-1, which reads every part's bytes) has
nothing to find. Logos, which may repeat, keep python-docx's way.
"""

from __future__ import annotations

import hashlib
import tempfile
from typing import IO

from docx.image.image import Image
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.shape import CT_Inline
from docx.package import Package
from docx.parts.image import ImagePart
from docx.shape import InlineShape
from docx.shared import Length
from docx.text.run import Run

__all__ = ["PictureSpool", "SpooledImagePart"]


class PictureSpool:
    """One temporary file that holds the pictures of one rendering, end to end."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()

    def close(self) -> None:
        """Remove the file; the package is written (use with ``contextlib.closing``)."""
        self._file.close()

    def add(self, data: bytes) -> tuple[int, int]:
        """Keep ``data``; where it lies (offset, length)."""
        offset = self._file.seek(0, 2)
        self._file.write(data)
        return offset, len(data)

    def read(self, offset: int, length: int) -> bytes:
        self._file.seek(offset)
        return self._file.read(length)

    def picture(
        self, run: Run, png: bytes, width: Length | None = None, height: Length | None = None
    ) -> InlineShape:
        """Place ``png`` in ``run`` as python-docx's ``add_picture`` does, its bytes here.

        The picture's size comes from its header (read once, the bytes then let go);
        its part is numbered and related like any other image part of the package.
        """
        image = Image.from_blob(png)
        cx, cy = image.scaled_dimensions(width, height)
        story = run.part
        package = story.package
        if not isinstance(package, Package):  # pragma: no cover - a story part is in one
            raise TypeError("a picture needs a run inside a Word package")
        parts = package.image_parts
        partname = parts._next_image_partname("png")  # python-docx's numbering
        part = SpooledImagePart(partname, self, png)
        parts.append(part)
        rid = story.relate_to(part, RT.IMAGE)
        # "image.png": the name python-docx gives a picture read from a stream
        inline = CT_Inline.new_pic_inline(story.next_id, rid, "image.png", cx, cy)
        run._r.add_drawing(inline)  # what Run.add_picture does
        return InlineShape(inline)


class SpooledImagePart(ImagePart):
    """An image part whose bytes lie in a :class:`PictureSpool`."""

    def __init__(self, partname: object, spool: PictureSpool, png: bytes) -> None:
        super().__init__(partname, CT.PNG, b"")  # type: ignore[arg-type]
        self._spool = spool
        self._where = spool.add(png)
        self._sha1 = hashlib.sha1(png).hexdigest()  # noqa: S324 - python-docx's own key

    @property
    def blob(self) -> bytes:
        return self._spool.read(*self._where)

    @property
    def sha1(self) -> str:
        return self._sha1
