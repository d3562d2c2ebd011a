"""The whole build of many programmes: load, render, convert in batches, add fields, write.

Each stage is the library's own function; this module only sequences them for a set
of files and collects, per file, what was written or why not. LibreOffice runs once
per batch (a pool no larger than the cores), not once per document.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from handlungsprogramm.checks import check
from handlungsprogramm.errors import (
    HandlungsprogrammError,
    IncompleteProgrammeError,
    LoadProblem,
    OutputExistsError,
    PdfError,
    ProgrammeLoadError,
    TemplateError,
    WriteError,
)
from handlungsprogramm.i18n.lang import Lang
from handlungsprogramm.loading import load
from handlungsprogramm.model import Programme
from handlungsprogramm.options import Target
from handlungsprogramm.output import write_atomic
from handlungsprogramm.pdf.convert import DEFAULT_TIMEOUT, convert_many
from handlungsprogramm.pdf.fields import add_signature_fields
from handlungsprogramm.pdf.scratch import private_folder
from handlungsprogramm.pdf.signing import has_signatures
from handlungsprogramm.render.docx import DocxResult, Mode, render_docx, slug
from handlungsprogramm.render.writer import Layout

__all__ = ["BuildItem", "Target", "build_files", "render_pdf"]


@dataclass(slots=True)
class BuildItem:
    """What happened to one input file."""

    source: Path
    programme: Programme | None = None
    problems: tuple[LoadProblem, ...] = ()
    result: DocxResult | None = None
    written: list[Path] = field(default_factory=list)
    refusal: HandlungsprogrammError | None = None
    """Why an output was not written (open errors with --final, a signed PDF without
    --force, a write that failed): the error with its code, worded in either language."""
    exit_code: int = 0

    def refuse(self, error: HandlungsprogrammError) -> None:
        """Record why an output was not written; the item's exit code is the error's."""
        self.refusal = error
        self.exit_code = max(self.exit_code, error.exit_code)

    @property
    def refused(self) -> str | None:
        """Why an output was not written, in English (None if nothing was refused)."""
        return None if self.refusal is None else self.refusal.message("en")

    def reason(self, lang: Lang) -> str | None:
        """Why an output was not written, in ``lang``."""
        return None if self.refusal is None else self.refusal.message(lang)


def build_files(
    files: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    targets: frozenset[Target] = frozenset({Target.DOCX}),
    layout: Layout = Layout.SIDE_BY_SIDE,
    template: str | os.PathLike[str] | None = None,
    mode: Mode = Mode.AUTO,
    timeout: float = DEFAULT_TIMEOUT,
    pdfa: bool = True,
    force: bool = False,
    charts: bool = True,
    embed_fonts: bool = True,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    ignore: Collection[str] = (),
) -> list[BuildItem]:
    """Load, render and write the Word and/or PDF file of each programme file into ``out_dir``.

    Returns a :class:`BuildItem` per file (what was written, or why not); raises only for
    what stops the whole run (template, LibreOffice).

    :class:`~handlungsprogramm.errors.TemplateError`,
    :class:`~handlungsprogramm.errors.SofficeNotFoundError` and
    :class:`~handlungsprogramm.errors.ConversionError` propagate; Word files already
    written stay. Several programmes are rendered in parallel, one process per core
    (``workers`` to choose; 1 renders in this process). ``ignore``: rules whose
    findings do not count, as in :func:`~handlungsprogramm.render.docx.render_docx`.
    """
    out_dir = Path(out_dir)
    template = None if template is None else Path(template)
    step = progress or (lambda _: None)
    items: list[BuildItem] = []
    todo: list[BuildItem] = []
    targets_taken: dict[str, Path] = {}
    for source in map(Path, files):
        item = BuildItem(source)
        items.append(item)
        try:
            item.programme = load(source)
        except ProgrammeLoadError as exc:
            item.problems, item.exit_code = exc.problems, 2
            step(str(source))
            continue
        name = output_stem(item.programme, layout)
        if name in targets_taken:
            item.refuse(OutputExistsError("HP902", name=name, other=str(targets_taken[name])))
            step(str(source))
            continue
        targets_taken[name] = source
        todo.append(item)
    options = _RenderOptions(
        layout,
        None if template is None else str(template),
        mode,
        charts,
        embed_fonts,
        frozenset(code.upper() for code in ignore),
    )
    pool = workers if workers is not None else min(os.cpu_count() or 1, len(todo))
    rendered = _render_parallel(todo, options, pool) if pool > 1 and len(todo) > 1 else None
    for index, item in enumerate(todo):
        assert item.programme is not None  # noqa: S101 - loaded above
        try:
            if rendered is None:
                item.result = _render(item.programme, options)
            else:
                item.result = _result(item.programme, rendered[index], options)
        except IncompleteProgrammeError as exc:
            item.refuse(exc)
            step(str(item.source))
            continue
        if Target.DOCX in targets:
            name = output_stem(item.programme, layout)
            _write(item, out_dir / f"{name}.docx", item.result.data)
        step(str(item.source))
    if Target.PDF in targets:
        built = [i for i in items if i.result is not None]
        _pdfs(built, out_dir, layout, timeout, pdfa, force, step)
    return items


@dataclass(frozen=True, slots=True)
class _RenderOptions:
    layout: Layout
    template: str | None
    mode: Mode
    charts: bool
    embed_fonts: bool
    ignore: frozenset[str] = frozenset()


def _render(programme: Programme, options: _RenderOptions) -> DocxResult:
    return render_docx(
        programme,
        layout=options.layout,
        template=options.template,
        mode=options.mode,
        charts=options.charts,
        embed_fonts=options.embed_fonts,
        ignore=options.ignore,
    )


class _Outcome(NamedTuple):
    """What a worker sends back: plain values only, so nothing depends on pickling the
    model, the report or our exceptions."""

    kind: str  # ok, incomplete, template, error
    data: bytes = b""
    draft: bool = False
    fingerprint: str = ""
    warnings: tuple[str, ...] = ()
    errors: int = 0
    where: str = ""
    code: str = ""
    ctx: dict[str, object] | None = None


def _render_in_worker(source: str, options: _RenderOptions) -> _Outcome:
    """Load and render one programme in a worker process.

    The worker reads the file itself (cheap) rather than receiving the parent's model:
    only plain values cross the process boundary, in both directions.
    """
    try:
        result = _render(load(source), options)
    except IncompleteProgrammeError as exc:
        return _Outcome("incomplete", errors=exc.errors)
    except TemplateError as exc:
        return _Outcome("template", where=exc.template, code=exc.code, ctx=exc.ctx)
    except Exception as exc:  # noqa: BLE001 - reported in the parent, exit 70 there
        return _Outcome("error", where=type(exc).__name__, ctx={"detail": str(exc)})
    return _Outcome("ok", result.data, result.draft, result.fingerprint, result.warnings)


def _render_parallel(
    items: list[BuildItem], options: _RenderOptions, workers: int
) -> list[_Outcome]:
    """Render the documents of ``items`` in ``workers`` processes, in order.

    Rendering (above all the charts) is pure Python and holds one core; a batch of
    programmes is spread over the cores. Workers start from a fork server that has
    already imported the renderer, so each pays the imports once, not per document,
    and no state of the calling process (threads, open files) is inherited.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["handlungsprogramm.render.docx"])
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_leave_interrupts_to_parent
    )
    try:
        with _interrupts_deferred():
            futures = [executor.submit(_render_in_worker, str(i.source), options) for i in items]
        return [future.result() for future in futures]
    except BaseException:
        # Interrupted: documents not started are dropped and the running ones stopped
        # (a render of a large programme takes minutes; its result is not wanted).
        # ProcessPoolExecutor offers no way to stop running work before Python 3.14.
        running = list(getattr(executor, "_processes", {}).values())
        for process in running:
            process.terminate()
        for process in running:  # gone before the pool's queues close under them
            process.join(timeout=10)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back while the pool starts its workers, then deliver them.

    A worker is forked by the fork server after its preload; interrupted in between,
    the parent closed the pool's pipes under a child still starting, which then printed
    a traceback. Outside the main thread signal handlers cannot be changed: nothing to do.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for number in previous:
        signal.signal(number, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if caught:  # delivered again, now to whatever handled it before
            signal.raise_signal(caught[0])


def _leave_interrupts_to_parent() -> None:
    """Ctrl-C reaches the whole process group; the parent stops the pool, workers stay quiet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _result(programme: Programme, outcome: _Outcome, options: _RenderOptions) -> DocxResult:
    """The worker's outcome as a DocxResult (the report is recomputed here: cheap)."""
    if outcome.kind == "incomplete":
        raise IncompleteProgrammeError(outcome.errors)
    if outcome.kind == "template":
        raise TemplateError(outcome.where, outcome.code, **(outcome.ctx or {}))
    if outcome.kind == "error":
        detail = (outcome.ctx or {}).get("detail")
        raise RuntimeError(f"rendering failed in a worker: {outcome.where}: {detail}")
    report = check(programme, ignore=options.ignore, final=options.mode is not Mode.DRAFT)
    return DocxResult(outcome.data, outcome.draft, report, outcome.fingerprint, outcome.warnings)


def _write(item: BuildItem, path: Path, data: bytes) -> None:
    """Write one output; a failure is recorded on the item (exit 8), the others go on."""
    try:
        item.written.append(write_atomic(path, data))
    except OSError as exc:
        item.refuse(WriteError(path, exc))


def output_stem(programme: Programme, layout: Layout) -> str:
    """The output files' name without suffix: the partnership's slug, and the layout when
    it is not the default (``…-sequential``), so building both layouts into one folder
    writes two files, never one over the other."""
    name = slug(programme)
    return name if layout is Layout.SIDE_BY_SIDE else f"{name}-{layout.value}"


def _pdfs(
    items: list[BuildItem],
    out_dir: Path,
    layout: Layout,
    timeout: float,
    pdfa: bool,
    force: bool,
    step: Callable[[str], None],
) -> None:
    todo: list[tuple[BuildItem, Programme, DocxResult]] = []
    for item in items:
        if item.programme is None or item.result is None:
            continue
        target = out_dir / f"{output_stem(item.programme, layout)}.pdf"
        if not force and target.is_file() and has_signatures(target.read_bytes()):
            item.refuse(OutputExistsError("HP903", path=str(target)))
            continue
        todo.append((item, item.programme, item.result))
    if not todo:
        return
    with private_folder("hp-build-") as work:
        sources = []
        for _, programme, result in todo:
            # the Word file's own name (unique in a build): a FILENAME field in a custom
            # template shows it, and LibreOffice's PDF is named after it
            path = work / f"{output_stem(programme, layout)}.docx"
            path.write_bytes(result.data)
            sources.append(path)

        def converted(count: int) -> None:
            for _ in range(count):
                step("pdf")

        pdfs = convert_many(
            sources, work / "pdf", timeout=timeout, pdfa=pdfa, progress=converted, cleanup=[work]
        )
        for (item, programme, _), pdf in zip(todo, pdfs, strict=True):
            try:
                data = add_signature_fields(pdf.read_bytes(), programme)
            except PdfError as exc:
                item.refuse(exc)
                continue
            _write(item, out_dir / f"{output_stem(programme, layout)}.pdf", data)


def render_pdf(
    programme: Programme,
    *,
    layout: Layout = Layout.SIDE_BY_SIDE,
    template: bytes | str | os.PathLike[str] | None = None,
    mode: Mode = Mode.AUTO,
    charts: bool = True,
    pdfa: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    embed_fonts: bool = True,
    ignore: Collection[str] = (),
) -> bytes:
    """Render ``programme`` to the finished PDF (with its signature fields) and return its bytes.

    The Word document of :func:`~handlungsprogramm.render.docx.render_docx`, converted by
    LibreOffice, with an empty signature field per signatory, as ``build`` writes it.

    LibreOffice needs files, so a private temporary folder is used and removed; the
    caller sees bytes in and bytes out.
    """
    result = render_docx(
        programme, layout=layout, template=template, mode=mode, charts=charts,
        embed_fonts=embed_fonts, ignore=ignore,
    )  # fmt: skip
    with private_folder("hp-pdf-") as tmp:
        source = tmp / f"{slug(programme)}.docx"
        source.write_bytes(result.data)
        (pdf,) = convert_many([source], tmp / "pdf", timeout=timeout, pdfa=pdfa, cleanup=[tmp])
        return add_signature_fields(pdf.read_bytes(), programme)
