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
_NEAR = 8
"""Shades this close to a flat colour (in any channel, of 255) are left out of the palette:
the colour cache maps cells of 4 values, and a neighbour would take the flat colour's."""
_PALETTE_ROWS = 4
"""The palette is learnt from every 4th row: half the time of learning it from all."""


def palette_png(rgba: Any, dpi: float) -> bytes:
    """The drawn chart (an RGBA buffer) as an 8-bit palette PNG with its resolution.

    A chart has a few flat colours and the anti-aliased shades between them, so 256
    colours show no difference. Pillow's fast octree learns them from every 4th row
    (a chart's shades repeat from row to row), and every pixel takes the nearest
    (Pillow's colour cache, no dithering). Each flat colour gets an entry of its own,
    set exactly, so white stays white and a pillar keeps its colour; should the cache
    put it on a neighbouring entry, its pixels are set to its own. At 5,000 measures the
    time plan is ~200 pictures: a third of the bytes of full colour, in memory and in
    the file. The resolution is recorded, so an exported chart keeps its size on paper.
    """
    pixels = np.ascontiguousarray(np.asarray(rgba, dtype=np.uint8))
    height, width = pixels.shape[:2]
    # each pixel as one number (the opaque alpha included), to find and compare colours
    packed = pixels.view(np.uint32).reshape(height, width)
    step = max(1, round(dpi * _SAMPLE_IN))
    sample = packed[::step, ::step]
    colours, counts = np.unique(sample, return_counts=True)
    flat = colours[np.argsort(-counts, kind="stable")][
        : np.count_nonzero(counts * _FLAT_SHARE >= sample.size)
    ].tolist()
    flat_rgb = [(c & 255, (c >> 8) & 255, (c >> 16) & 255) for c in flat]  # little-endian RGBA
    rows = np.ascontiguousarray(pixels[::_PALETTE_ROWS])
    learnt = _rgba(rows).quantize(
        256 - len(flat), method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    shades = np.array(learnt.getpalette("RGB") or [], np.int16).reshape(-1, 3)[: 256 - len(flat)]
    if flat:  # a shade next to a flat colour would take its pixels in the colour cache
        near = np.abs(shades[:, None, :] - np.array(flat_rgb, np.int16)[None]).max(axis=2)
        shades = shades[(near > _NEAR).all(axis=1)]
    palette = shades.ravel().tolist()
    entries = len(palette) // 3
    palette += [channel for rgb in flat_rgb for channel in rgb]
    mapping = Image.new("P", (1, 1))
    mapping.putpalette(palette)
    image = _rgba(pixels).convert("RGB").quantize(palette=mapping, dither=Image.Dither.NONE)
    # where the cache puts each flat colour: one pixel of it, mapped the same way
    probe = Image.fromarray(np.array([flat_rgb], np.uint8)) if flat else None
    wrong = []
    if probe is not None:
        mapped = np.asarray(probe.quantize(palette=mapping, dither=Image.Dither.NONE))[0]
        wrong = [(i, colour) for i, (colour, rgb, got) in enumerate(zip(flat, flat_rgb,
                 mapped.tolist(), strict=True)) if tuple(palette[3 * got : 3 * got + 3]) != rgb]  # fmt: skip
    if wrong:
        index = np.array(image)
        for i, colour in wrong:
            index[packed == colour] = entries + i
        fixed = Image.fromarray(index)  # grey levels until the palette is put in
        fixed.putpalette(palette)
        image = fixed
    buffer = io.BytesIO()
    # level 4: a third faster than zlib's default 6, for 3 % more bytes
    image.save(buffer, format="png", compress_level=4, dpi=(dpi, dpi))
    return buffer.getvalue()


def _rgba(pixels: np.ndarray[Any, np.dtype[np.uint8]]) -> Image.Image:
    height, width = pixels.shape[:2]
    return Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
