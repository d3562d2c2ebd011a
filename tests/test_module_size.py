"""The house rule on module size: no module under src/ over 400 lines.

A module that grows past the limit has taken on a second responsibility; split it
along that seam (as loading/, cli/, migrate/ were) rather than raise the limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

MAX_LINES = 400
"""Most lines a module under src/ may have."""

PACKAGE = ROOT / "src" / "handlungsprogramm"

ALLOWED: dict[str, str] = {
    # Catalogues: one entry per label or message in every language, no logic to split.
    "i18n/labels.py": "the label catalogue",
    "i18n/messages.py": "the message catalogue",
}
"""Modules exempt from the limit (paths relative to the package), and why."""


def oversized(package: Path, limit: int = MAX_LINES) -> dict[str, int]:
    """Every module under ``package`` longer than ``limit`` lines, by relative path."""
    sizes = {
        path.relative_to(package).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(package.rglob("*.py"))
    }
    return {name: lines for name, lines in sizes.items() if lines > limit}


def test_no_module_is_over_the_limit() -> None:
    """Every module but the allowed ones has at most 400 lines."""
    over = {name: lines for name, lines in oversized(PACKAGE).items() if name not in ALLOWED}
    assert over == {}, f"over {MAX_LINES} lines, split along a seam: {over}"


def test_every_allowed_module_exists() -> None:
    """An exemption for a module that was renamed or split is removed with it."""
    missing = [name for name in ALLOWED if not (PACKAGE / name).is_file()]
    assert missing == []


@pytest.mark.parametrize("lines", [MAX_LINES, MAX_LINES + 1])
def test_a_growing_module_is_caught(tmp_path: Path, lines: int) -> None:
    """The check counts lines as `wc -l` does: 400 pass, 401 fail, in subpackages too."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "big.py").write_text("x = 1\n" * lines, encoding="utf-8")
    expected = {"sub/big.py": lines} if lines > MAX_LINES else {}
    assert oversized(tmp_path) == expected
