"""Files a programme refers to (logos): inside the programme's folder, and really images.

The completeness check and the renderer ask the same questions here, so a logo that
``check`` accepts is one ``build`` can place.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["IMAGE_SIGNATURES", "image_kind", "resolve_inside"]

IMAGE_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
    b"BM": "bmp",
}
"""File signatures of the image formats Word documents take (python-docx reads them)."""


def resolve_inside(base: Path, relative: str) -> Path | None:
    """``base / relative`` if it stays inside ``base`` (no ``..``, no absolute path)."""
    root = base.resolve()
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) else None


def image_kind(path: Path) -> str | None:
    """``png``, ``jpeg``, ``gif`` or ``bmp`` by the file's first bytes; ``None`` otherwise."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return None
    return next((kind for magic, kind in IMAGE_SIGNATURES.items() if head.startswith(magic)), None)
