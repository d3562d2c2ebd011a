"""What a signature looks like on the signing page: who signed and when, in German and
English, in the document's own font.

pyHanko's default appearance prints English text in Courier, a font it does not embed,
over its own logo: a PDF/A file signed that way no longer meets PDF/A, whose every
font must be embedded. Here the text is set in Noto Sans (the font of the document),
embedded as a subset of the glyphs used, without a background picture (no
transparency is added), and scaled to the signature box that the signing page leaves.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, SimpleBoxLayoutRule
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp import TextStampStyle

from handlungsprogramm.errors import SigningError
from handlungsprogramm.i18n.formatting import format_moment_utc

__all__ = ["stamp_parameters", "stamp_style"]

_TEXT = (
    "Digital unterschrieben von %(signer)s\nam %(date_de)s\n\n"
    "Signed digitally by %(signer)s\non %(date_en)s"
)
"""The stamp: the signer's name and the signing time, in German, then in English."""


@dataclass(frozen=True)
class _EmbeddedFont(GlyphAccumulatorFactory):
    """pyHanko's font factory, reading the font file into memory: the factory itself
    opens the file and never closes it (a ResourceWarning per signature)."""

    def create_font_engine(
        self, writer: BasePdfFileWriter, obj_stream: Any = None
    ) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()  # type: ignore[no-untyped-call]
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(Path(self.font_file).read_bytes()),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )


@functools.lru_cache(maxsize=1)
def _font() -> Path:
    from handlungsprogramm.render.fonts import find_font

    found = find_font("Noto Sans", "Regular")
    if found is None:
        raise SigningError("HP848", font="Noto Sans")
    return found


def stamp_style() -> TextStampStyle:
    """The signature's appearance: bilingual text in embedded Noto Sans, without a frame
    (the signing page draws the line the signature stands on); a long name shrinks the
    text to the box rather than run out of it."""
    font = _EmbeddedFont(str(_font()))
    return TextStampStyle(
        stamp_text=_TEXT,
        text_box_style=TextBoxStyle(font=font, font_size=8, leading=11),
        border_width=0,
        background=None,
        # flush left under the column's text, and shrunk (never grown) to the box
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MID,
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT,
        ),
    )


def stamp_parameters(signer: str, when: dt.datetime) -> dict[str, str]:
    """The values the stamp's text is filled with: the signing time as each language
    writes it (``5. Dezember 2026, 21:30 UTC`` / ``December 5, 2026, 9:30 PM UTC``)."""
    return {
        "signer": signer,
        "date_de": format_moment_utc(when, "de"),
        "date_en": format_moment_utc(when, "en"),
    }
