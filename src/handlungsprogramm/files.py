"""Files a programme refers to (logos): inside the programme's folder, and really images.

The completeness check and the renderer ask the same questions here, so a logo that
``check`` accepts is one ``build`` can place: :func:`logo` answers both, with the
reason a file is refused (HP405) or the bytes to place.

A logo is decoded with Pillow before it is accepted, because a file can look like an
image by its first bytes and still be truncated, corrupt, or a decompression bomb (a
few kilobytes that declare billions of pixels). A logo larger than the cover needs
(2.2 cm high at 300 dpi) is scaled down and re-encoded, so a 30 MB photo does not make
a 30 MB document; small ones are placed byte for byte as they are.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps

from handlungsprogramm.input_files import InputFileError, read_regular, require_regular

__all__ = [
    "IMAGE_SIGNATURES",
    "LOGO_HEIGHT_PX",
    "LOGO_KEEP_BYTES",
    "LOGO_KEEP_HEIGHT_PX",
    "MAX_LOGO_BYTES",
    "MAX_LOGO_PIXELS",
    "MAX_LOGO_SIDE",
    "Logo",
    "logo",
    "resolve_inside",
]

IMAGE_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
    b"BM": "bmp",
}
"""File signatures of the image formats Word documents take (python-docx reads them)."""

LOGO_HEIGHT_CM = 2.2
"""How high the cover shows a logo."""

LOGO_HEIGHT_PX = round(LOGO_HEIGHT_CM / 2.54 * 300)
"""260: the pixels 2.2 cm need at 300 dpi, print quality. Larger logos are scaled to this."""

LOGO_MAX_WIDTH_PX = 10 * LOGO_HEIGHT_PX
"""A logo wider than 10:1 would be wider than the page at 2.2 cm height anyway."""

LOGO_KEEP_HEIGHT_PX = 2 * LOGO_HEIGHT_PX
"""Logos up to 520 pixels high (600 dpi) are placed unchanged, if also small in bytes."""

LOGO_KEEP_BYTES = 512 * 1024
"""Logos up to 512 KB are placed unchanged (if not too high); larger ones are re-encoded,
which also drops metadata that can make a small image a large file."""

MAX_LOGO_BYTES = 64 * 1024 * 1024
"""Larger files are refused unread: a logo needs a few hundred kilobytes."""

MAX_LOGO_PIXELS = 40_000_000
"""More pixels (decoded: up to 4 bytes each) are refused as a decompression bomb before
decoding. 40 megapixels is more than most cameras deliver, 150 times what the cover
needs, and below Pillow's own warning threshold (89.5 megapixels), so the refusal here
always comes first. At 80 megapixels a logo could take 900 MB to check."""

MAX_LOGO_SIDE = 20_000
"""A longer side is refused before decoding, whatever the pixel count: a 1 × 80 million
PNG is a few hundred kilobytes, kept to the pixel limit, and decoding and scaling the
strip took 923 MB (a PNG decodes whole; only JPEG can decode at a fraction of its size)."""

_MAX_ICC_BYTES = 256 * 1024
"""A colour profile is kept when re-encoding unless it is absurdly large."""

_PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "bmp": "BMP"}

_OUTSIDE = ("lies outside the programme's folder", "liegt außerhalb des Ordners des Programms")
_MISSING = ("does not exist", "existiert nicht")
_NOT_IMAGE = ("is not an image (PNG, JPEG, GIF, BMP)", "ist kein Bild (PNG, JPEG, GIF, BMP)")
_TOO_LARGE_FILE = (
    f"is larger than {MAX_LOGO_BYTES // (1024 * 1024)} MB; a logo needs a few hundred KB",
    f"ist größer als {MAX_LOGO_BYTES // (1024 * 1024)} MB; ein Logo braucht einige hundert KB",
)
_TOO_MANY_PIXELS = (
    f"has more than {MAX_LOGO_PIXELS // 1_000_000} million pixels (a decompression bomb?);"
    f" a logo needs about {LOGO_HEIGHT_PX} pixels in height",
    f"hat mehr als {MAX_LOGO_PIXELS // 1_000_000} Millionen Pixel (eine Dekompressionsbombe?);"
    f" ein Logo braucht etwa {LOGO_HEIGHT_PX} Pixel Höhe",
)


def _too_long(width: int, height: int) -> tuple[str, str]:
    size_en = f"{width:,} × {height:,}"
    size_de = size_en.replace(",", ".")
    limit_en = f"{MAX_LOGO_SIDE:,}"
    limit_de = limit_en.replace(",", ".")
    return (
        f"is {size_en} pixels; no side may exceed {limit_en} pixels (a decompression"
        f" bomb?): a logo needs about {LOGO_HEIGHT_PX} pixels in height",
        f"ist {size_de} Pixel groß; keine Seite darf {limit_de} Pixel überschreiten (eine"
        f" Dekompressionsbombe?): ein Logo braucht etwa {LOGO_HEIGHT_PX} Pixel Höhe",
    )


def _damaged(kind: str) -> tuple[str, str]:
    name = kind.upper()
    return (
        f"is a damaged or truncated {name} file that cannot be decoded",
        f"ist eine beschädigte oder unvollständige {name}-Datei, die sich nicht lesen lässt",
    )


@dataclass(frozen=True, slots=True)
class Logo:
    """What became of a logo: the bytes to place, or why it cannot be used (en, de)."""

    data: bytes | None = None
    problem: tuple[str, str] | None = None


def resolve_inside(base: Path, relative: str) -> Path | None:
    """``base / relative`` if it stays inside ``base`` (no ``..``, no absolute path).

    Symbolic links are resolved first, so a link that points outside is outside.
    """
    root = base.resolve()
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) else None


def _kind(head: bytes) -> str | None:
    return next((kind for magic, kind in IMAGE_SIGNATURES.items() if head.startswith(magic)), None)


def logo(base: Path, relative: str) -> Logo:
    """The logo ``relative`` to the programme's folder ``base``: bytes to place, or a problem.

    Check (HP405) reports the problem; the renderer places the bytes. The decoded
    result is cached per file (path, size, modification time), so check and build of
    the same programme decode a large logo once.
    """
    path = resolve_inside(base, relative)
    if path is None:
        return Logo(problem=_OUTSIDE)
    try:
        info = require_regular(path)
    except InputFileError as exc:  # a folder, a device, a pipe: named as what it is
        return Logo(problem=exc.reason)
    except OSError:
        return Logo(problem=_MISSING)
    if info.st_size > MAX_LOGO_BYTES:
        return Logo(problem=_TOO_LARGE_FILE)
    return _prepared(str(path), info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=16)
def _prepared(path: str, size: int, mtime_ns: int) -> Logo:
    """Decode the image at ``path`` and return what to place (``size`` and ``mtime_ns``
    only key the cache: a changed file is decoded again)."""
    del size, mtime_ns
    try:  # opened without blocking: a pipe put in the file's place does not hang check
        data = read_regular(path, MAX_LOGO_BYTES)
    except InputFileError as exc:
        return Logo(problem=_TOO_LARGE_FILE if exc.kind == "too_large" else exc.reason)
    except OSError:
        return Logo(problem=_MISSING)
    kind = _kind(data[:8])
    if kind is None:
        return Logo(problem=_NOT_IMAGE)
    try:
        with warnings.catch_warnings():
            # Pillow warns (and only above twice its limit raises) for large images:
            # both mean "refuse" here. Its other warnings (palette transparency, odd
            # metadata) are of no use to the user and must not reach the terminal.
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Logo(data=_place(data, kind))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Logo(problem=_TOO_MANY_PIXELS)
    except _TooLargeError as exc:
        return Logo(problem=exc.problem)
    except Exception:  # noqa: BLE001 - Pillow's decoders raise many types for broken files
        return Logo(problem=_damaged(kind))


class _TooLargeError(Exception):
    """The declared size exceeds MAX_LOGO_PIXELS or MAX_LOGO_SIDE (``problem``: en, de)."""

    def __init__(self, problem: tuple[str, str]) -> None:
        super().__init__(problem[0])
        self.problem = problem


def _open(data: bytes, kind: str) -> Image.Image:
    """Open (header only) as exactly the format the signature named: no other decoder
    (PostScript through Ghostscript, say) ever sees the file. The declared size is
    checked here, before any pixel is decoded."""
    image = Image.open(io.BytesIO(data), formats=[_PILLOW_FORMATS[kind]])
    width, height = image.size
    if width > MAX_LOGO_SIDE or height > MAX_LOGO_SIDE:
        image.close()
        raise _TooLargeError(_too_long(width, height))
    if width * height > MAX_LOGO_PIXELS:
        image.close()
        raise _TooLargeError(_TOO_MANY_PIXELS)
    return image


def _place(data: bytes, kind: str) -> bytes:
    """``data`` itself when small enough, else the image scaled to the cover's need.

    The file is verified (structure, checksums) and then fully decoded either way, so a
    truncated or corrupt image is refused here rather than placed.
    """
    with _open(data, kind) as image:
        image.verify()
    with _open(data, kind) as image:
        width, height = image.size
        if (
            height <= LOGO_KEEP_HEIGHT_PX
            and width <= LOGO_MAX_WIDTH_PX
            and len(data) <= LOGO_KEEP_BYTES
        ):
            image.load()
            return data
        return _downscaled(image, kind)


_REDUCIBLE = frozenset({"L", "LA", "RGB", "RGBA", "I", "F"})
"""Modes Pillow's ``reduce`` takes."""


def _downscaled(image: Image.Image, kind: str) -> bytes:
    """The image at most LOGO_HEIGHT_PX high (upright, transparency kept), re-encoded:
    JPEG stays JPEG, everything else becomes PNG (lossless, with alpha)."""
    width, height = image.size
    # JPEG decodes directly at a fraction of its size; ask for no less than either
    # orientation needs, as the EXIF rotation is applied only afterwards.
    scale = min(1.0, LOGO_HEIGHT_PX / min(width, height))
    image.draft(None, (max(1, round(width * scale)), max(1, round(height * scale))))
    icc = image.info.get("icc_profile")
    # Other formats decode whole; shrink by a whole factor (cheap, one pass) before any
    # copy: rotating and converting the full image took several times its size (an
    # 8000 × 9000 PNG of 280 KB needed 860 MB).
    factor = min(image.size) // (2 * LOGO_HEIGHT_PX)
    if factor > 1 and image.mode in _REDUCIBLE:
        image = image.reduce(factor)  # keeps info: EXIF orientation, transparency
    upright = ImageOps.exif_transpose(image)
    has_alpha = upright.mode in {"RGBA", "LA", "PA"} or "transparency" in upright.info
    if kind == "jpeg":
        target = "JPEG"
        if upright.mode not in {"RGB", "L", "CMYK"}:
            upright = upright.convert("RGB")
    else:
        target = "PNG"
        if upright.mode not in {"RGB", "RGBA", "L", "LA"} or "transparency" in upright.info:
            upright = upright.convert("RGBA" if has_alpha else "RGB")
    upright.thumbnail((LOGO_MAX_WIDTH_PX, LOGO_HEIGHT_PX), Image.Resampling.LANCZOS)
    options: dict[str, object] = {"optimize": True, "dpi": (300, 300)}
    if target == "JPEG":
        options["quality"] = 90
    if isinstance(icc, bytes) and len(icc) <= _MAX_ICC_BYTES:
        options["icc_profile"] = icc
    buffer = io.BytesIO()
    upright.save(buffer, target, **options)
    return buffer.getvalue()
