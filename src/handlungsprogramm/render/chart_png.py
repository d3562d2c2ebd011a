"""A drawn chart as an 8-bit palette PNG: a third of the size of full colour."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from PIL import Image

__all__ = ["palette_png"]

_FLAT_SHARE = 200
"""A colour covering at least 1/200 of a chart is a flat area (background, bar, band)."""
_SAMPLE_IN = 1 / 40
"""Flat areas are looked for on a grid this fine (inches): every 8th pixel at 300 ppi."""


def palette_png(rgba: Any, dpi: float) -> bytes:
    """The drawn chart (an RGBA buffer) as an 8-bit palette PNG with its resolution.

    A chart has a few flat colours and the anti-aliased shades between them, so 256
    colours (Pillow's fast octree, no dithering) show no difference. An octree
    averages each colour with its shades, and may merge two close flat colours: every
    flat colour then gets a palette entry of its own, set exactly, so white stays
    white and a pillar keeps its colour. At 5,000 measures the time plan is ~200
    pictures: a third of the bytes in memory and in the file. The resolution is
    recorded, so an exported chart keeps its size on paper.
    """
    pixels = np.ascontiguousarray(np.asarray(rgba, dtype=np.uint8))
    height, width = pixels.shape[:2]
    # each pixel as one number (the opaque alpha included), to find and compare colours
    packed = pixels.view(np.uint32).reshape(height, width)
    step = max(1, round(dpi * _SAMPLE_IN))
    sample = packed[::step, ::step]
    colours, first, counts = np.unique(sample, return_index=True, return_counts=True)
    order = np.argsort(-counts, kind="stable")[
        : np.count_nonzero(counts * _FLAT_SHARE >= sample.size)
    ]
    picture = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
    # the octree leaves an entry free for each flat colour, should it need one; it reads
    # RGBA as it is (the alpha is opaque throughout), sparing a conversion
    image = picture.quantize(
        256 - len(order), method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    index = np.array(image)
    palette = (image.getpalette("RGB") or [])[: 3 * 256]
    palette += [0] * (3 * 256 - len(palette))
    used = image.histogram()  # by entry; in C (numpy's bincount took as long as the octree)
    free = [entry for entry in range(255, -1, -1) if not used[entry]]
    taken: set[int] = set()
    rgb_of = pixels[::step, ::step, :3].reshape(-1, 3)
    for colour, position in zip(colours[order].tolist(), first[order].tolist(), strict=True):
        rgb = [int(channel) for channel in rgb_of[position]]
        # no dithering: every pixel of one colour has the same entry
        entry = int(index[::step, ::step].flat[position])
        if entry in taken:  # merged with a more common flat colour: an entry of its own
            if not free:  # cannot happen (the octree left one per flat colour)
                continue
            entry = free.pop()
            index[packed == colour] = entry
        palette[3 * entry : 3 * entry + 3] = rgb
        taken.add(entry)
    out = Image.fromarray(index)
    out.putpalette(palette)
    buffer = io.BytesIO()
    # level 4: a third faster than zlib's default 6, for 3 % more bytes
    out.save(buffer, format="png", compress_level=4, dpi=(dpi, dpi))
    return buffer.getvalue()
