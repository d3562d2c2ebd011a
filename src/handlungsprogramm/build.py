"""The whole build of many programmes: load, render, convert in batches, add fields, write.

Each stage is the library's own function; this module only sequences them for a set
of files and collects, per file, what was written or why not. LibreOffice runs once
per batch (a pool no larger than the cores), not once per document.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from handlungsprogramm.errors import (
    IncompleteProgrammeError,
    LoadProblem,
    PdfError,
    ProgrammeLoadError,
)
from handlungsprogramm.loading import load
from handlungsprogramm.model import Programme
from handlungsprogramm.output import write_atomic
from handlungsprogramm.pdf.convert import DEFAULT_TIMEOUT, convert_many
from handlungsprogramm.pdf.fields import add_signature_fields
from handlungsprogramm.pdf.signing import has_signatures
from handlungsprogramm.render.docx import DocxResult, Mode, render_docx, slug
from handlungsprogramm.render.writer import Layout

__all__ = ["BuildItem", "Target", "build_files", "render_pdf"]


class Target(StrEnum):
    """What ``build`` writes."""

    DOCX = "docx"
    PDF = "pdf"


@dataclass(slots=True)
class BuildItem:
    """What happened to one input file."""

    source: Path
    programme: Programme | None = None
    problems: tuple[LoadProblem, ...] = ()
    result: DocxResult | None = None
    written: list[Path] = field(default_factory=list)
    refused: str | None = None
    """Why an output was not written (open errors with --final, a signed PDF without --force)."""
    exit_code: int = 0


def build_files(
    files: Sequence[Path],
    out_dir: Path,
    *,
    targets: frozenset[Target] = frozenset({Target.DOCX}),
    layout: Layout = Layout.SIDE_BY_SIDE,
    template: Path | None = None,
    mode: Mode = Mode.AUTO,
    timeout: float = DEFAULT_TIMEOUT,
    pdfa: bool = True,
    force: bool = False,
    charts: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[BuildItem]:
    """Build every file; raise only for what stops the whole run (template, LibreOffice).

    :class:`~handlungsprogramm.errors.TemplateError`,
    :class:`~handlungsprogramm.errors.SofficeNotFoundError` and
    :class:`~handlungsprogramm.errors.ConversionError` propagate; Word files already
    written stay.
    """
    step = progress or (lambda _: None)
    items: list[BuildItem] = []
    targets_taken: dict[str, Path] = {}
    for source in files:
        item = BuildItem(source)
        items.append(item)
        try:
            item.programme = load(source)
        except ProgrammeLoadError as exc:
            item.problems, item.exit_code = exc.problems, 2
            step(str(source))
            continue
        name = slug(item.programme)
        if name in targets_taken:
            item.refused = f"its output name '{name}' is already used by {targets_taken[name]}"
            item.exit_code = 3
            step(str(source))
            continue
        targets_taken[name] = source
        try:
            item.result = render_docx(
                item.programme, layout=layout, template=template, mode=mode, charts=charts
            )
        except IncompleteProgrammeError as exc:
            item.refused, item.exit_code = f"{exc.errors} completeness error(s)", 1
            step(str(source))
            continue
        if Target.DOCX in targets:
            _write(item, out_dir / f"{slug(item.programme)}.docx", item.result.data)
        step(str(source))
    if Target.PDF in targets:
        _pdfs([i for i in items if i.result is not None], out_dir, timeout, pdfa, force, step)
    return items


def _write(item: BuildItem, path: Path, data: bytes) -> None:
    """Write one output; a failure is recorded on the item (exit 8), the others go on."""
    try:
        item.written.append(write_atomic(path, data))
    except OSError as exc:
        item.refused = f"cannot write {path}: {exc.strerror or exc}"
        item.exit_code = max(item.exit_code, 8)


def _pdfs(
    items: list[BuildItem],
    out_dir: Path,
    timeout: float,
    pdfa: bool,
    force: bool,
    step: Callable[[str], None],
) -> None:
    todo: list[tuple[BuildItem, Programme, DocxResult]] = []
    for item in items:
        if item.programme is None or item.result is None:
            continue
        target = out_dir / f"{slug(item.programme)}.pdf"
        if not force and target.is_file() and has_signatures(target.read_bytes()):
            item.refused = f"{target} carries signatures; not overwritten (use --force)"
            item.exit_code = max(item.exit_code, 3)
            continue
        todo.append((item, item.programme, item.result))
    if not todo:
        return
    with tempfile.TemporaryDirectory(prefix="hp-build-") as tmp:
        work = Path(tmp)
        sources = []
        for index, (_, programme, result) in enumerate(todo):
            path = work / f"{index:05d}-{slug(programme)}.docx"
            path.write_bytes(result.data)
            sources.append(path)

        def converted(count: int) -> None:
            for _ in range(count):
                step("pdf")

        pdfs = convert_many(sources, work / "pdf", timeout=timeout, pdfa=pdfa, progress=converted)
        for (item, programme, _), pdf in zip(todo, pdfs, strict=True):
            try:
                data = add_signature_fields(pdf.read_bytes(), programme)
            except PdfError as exc:
                item.refused, item.exit_code = str(exc), max(item.exit_code, 7)
                continue
            _write(item, out_dir / f"{slug(programme)}.pdf", data)


def render_pdf(
    programme: Programme,
    *,
    layout: Layout = Layout.SIDE_BY_SIDE,
    mode: Mode = Mode.AUTO,
    charts: bool = True,
    pdfa: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """The finished PDF (with its two signature fields) as bytes, for host applications.

    LibreOffice needs files, so a private temporary folder is used and removed; the
    caller sees bytes in and bytes out.
    """
    result = render_docx(programme, layout=layout, mode=mode, charts=charts)
    with tempfile.TemporaryDirectory(prefix="hp-pdf-") as tmp:
        source = Path(tmp) / f"{slug(programme)}.docx"
        source.write_bytes(result.data)
        (pdf,) = convert_many([source], Path(tmp) / "pdf", timeout=timeout, pdfa=pdfa)
        return add_signature_fields(pdf.read_bytes(), programme)
