"""Benchmarks: cost of load + check, DOCX and PDF from 10 to 5,000 measures.

Run:  .venv/bin/python bench/run.py                      (the full run, ~15 minutes)
      .venv/bin/python bench/run.py --sizes 10,100 --batch 4 --repeat 1   (a quick look)
Then: .venv/bin/python bench/report.py                   (docs/performance.md + plot)

Not part of the pass/fail test suite (a smoke test runs it at the smallest sizes).
Every figure is the median of ``--repeat`` runs, measured on synthetic programmes made
from the Pfinztal–Kidira example (bench/synthetic.py), and set beside two references
on the same data volume:

- raw docxtpl filling a minimal template with one table row per measure (what a
  hand-written script with no checks, no layout and no charts would cost), and raw
  docxtpl filling one plain two-column sheet per measure with the same fields (the
  same volume of text, still without Markdown, layout, charts or other chapters);
- bare ``soffice --convert-to pdf`` of the same DOCX files in one call (the floor of
  any LibreOffice-based PDF step).

Results go to bench/results.json (with a description of the machine).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from synthetic import write  # noqa: E402

from handlungsprogramm import check, load  # noqa: E402
from handlungsprogramm.pdf.convert import convert_many, find_soffice  # noqa: E402
from handlungsprogramm.render.docx import render_docx  # noqa: E402

CLI = str(Path(sys.executable).with_name("handlungsprogramm"))


def median_time(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` runs of ``action``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wall(command: list[str], **kwargs: Any) -> float:
    """Wall time of one subprocess that must succeed."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


# -- start-up ------------------------------------------------------------------------

STARTUP_EXAMPLE = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"
"""The 17-measure example that ``check`` is timed on."""

_CHILD_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
"""Runs one command and prints its peak resident set (KB): the only child it has."""


def startup(repeat: int = 11) -> dict[str, Any]:
    """Wall time (median of ``repeat`` fresh processes) and peak memory of the command
    line doing little: ``--version``, and ``check`` of the 17-measure example. Editors
    run ``check`` on every save; what counts is the start, not the checking."""
    command = [str(Path(sys.executable).with_name("handlungsprogramm"))]
    cases = {
        "version": [*command, "--version"],
        "check": [*command, "check", str(STARTUP_EXAMPLE)],
    }
    out: dict[str, Any] = {"python": _python_floor(repeat)}
    for name, argv in cases.items():
        wall(argv)  # warm the file cache
        times = [wall(argv) for _ in range(repeat)]
        peak = subprocess.run(
            [sys.executable, "-c", _CHILD_PEAK, *argv], check=True, capture_output=True, text=True
        ).stdout
        out[name] = {"median_s": statistics.median(times), "min_s": min(times),
                     "max_s": max(times), "peak_mb": int(peak) / 1024}  # fmt: skip
    return out


def _python_floor(repeat: int) -> float:
    """Python starting with the libraries ``check`` cannot do without (pydantic,
    ruamel.yaml, Babel, Rich, typer): the floor the start-up is compared with."""
    argv = [sys.executable, "-c", "import pydantic, ruamel.yaml, babel, rich.console, typer"]
    wall(argv)
    return statistics.median(wall(argv) for _ in range(repeat))


# -- references ----------------------------------------------------------------------


def minimal_template() -> bytes:
    """A .docx with one table whose row repeats per measure (docxtpl's `{%tr %}`)."""
    from docx import Document

    document = Document()
    document.add_heading("Measures", level=1)
    table = document.add_table(rows=3, cols=6)
    heads = ["Code", "Title (de)", "Title (partner)", "Lead", "Period", "Budget"]
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for m in measures %}"
    fields = ["m.code", "m.title_de", "m.title_partner", "m.lead", "m.period", "m.budget"]
    for cell, field in zip(table.rows[2].cells, fields, strict=True):
        cell.text = "{{ " + field + " }}"
    closing = table.add_row()
    closing.cells[0].text = "{%tr endfor %}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def raw_docxtpl(programme: Any, template: bytes) -> bytes:
    """Fill the minimal template with one row per measure — no checks, no layout."""
    from docxtpl import DocxTemplate

    partner = programme.languages[1]
    rows = []
    for measure in programme.measures:
        money = sum((m.amount for m in measure.resources.money), start=0)
        timeline = measure.timeline
        rows.append(
            {
                "code": measure.code,
                "title_de": measure.title.get("de"),
                "title_partner": measure.title.get(partner),
                "lead": measure.lead.side.value if measure.lead else "",
                "period": f"{timeline.start} – {timeline.end}" if timeline else "",
                "budget": str(money),
            }
        )
    doc = DocxTemplate(io.BytesIO(template))
    doc.render({"measures": rows})
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


SHEET_FIELDS = ("description_de", "description_partner", "lead", "partners", "period",
                "personnel", "money", "material", "milestones", "status")  # fmt: skip


def sheets_template() -> bytes:
    """A .docx with, per measure, a heading and a two-column sheet of ten fields.

    The same volume of content as our measure sheets, without Markdown, bilingual
    layout, charts, checks or the other chapters: a fairer reference than one row.
    """
    from docx import Document

    document = Document()
    document.add_paragraph("{%p for m in measures %}")
    document.add_heading("{{ m.code }} {{ m.title_de }} / {{ m.title_partner }}", level=2)
    table = document.add_table(rows=len(SHEET_FIELDS), cols=2)
    for row, field in zip(table.rows, SHEET_FIELDS, strict=True):
        row.cells[0].text = field
        row.cells[1].text = "{{ m." + field + " }}"
    document.add_paragraph("{%p endfor %}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def raw_sheets(programme: Any, template: bytes) -> bytes:
    """Fill the sheets template: every field as plain text."""
    from docxtpl import DocxTemplate

    partner = programme.languages[1]

    def text(value: Any, lang: str) -> str:
        return "" if value is None else str(value.get(lang) if hasattr(value, "get") else value)

    rows = []
    for m in programme.measures:
        rows.append(
            {
                "code": m.code,
                "title_de": text(m.title, "de"),
                "title_partner": text(m.title, partner),
                "description_de": text(m.description, "de"),
                "description_partner": text(m.description, partner),
                "lead": f"{m.lead.side.value}, {text(m.lead.department, 'de')}" if m.lead else "",
                "partners": "; ".join(text(p.name, "de") for p in m.partners),
                "period": f"{m.timeline.start} – {m.timeline.end}" if m.timeline else "",
                "personnel": "; ".join(f"{p.amount} {p.unit.value}" for p in m.resources.personnel),
                "money": "; ".join(f"{x.amount} {x.currency}" for x in m.resources.money),
                "material": text(m.resources.material, "de"),
                "milestones": "; ".join(f"{x.date} {text(x.title, 'de')}" for x in m.milestones),
                "status": m.status.value,
            }
        )
    doc = DocxTemplate(io.BytesIO(template))
    doc.render({"measures": rows})
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def bare_soffice(files: list[Path], out_dir: Path) -> float:
    """One plain `soffice --convert-to pdf` call for all files, with a fresh profile."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="bench-lo-") as profile:
        return wall(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)],
            env={**os.environ, "HOME": profile}, timeout=3600,
        )  # fmt: skip


# -- measurements --------------------------------------------------------------------


def peak_memory(path: Path) -> dict[str, float]:
    """Peak RSS (MB) of a fresh process that loads, checks and renders ``path``.

    Read from ``VmHWM`` in /proc: it starts afresh with the new program, whereas
    ``ru_maxrss`` carries the parent's peak across fork and exec.
    """
    code = (
        "import sys\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1]) / 1024\n"
        "from handlungsprogramm import load, check\n"
        "from handlungsprogramm.render.docx import render_docx\n"
        "base = hwm()\n"
        "p = load(sys.argv[1]); check(p)\n"
        "loaded = hwm()\n"
        "render_docx(p)\n"
        "print(base, loaded, hwm())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    base, loaded, peak = map(float, out)
    return {"after_imports_mb": base, "after_load_check_mb": loaded, "peak_mb": peak}


def measure_size(n: int, folder: Path, repeat: int) -> dict[str, Any]:
    path = write(folder, n)
    programme = load(path)
    template = minimal_template()
    result: dict[str, Any] = {"measures": n, "yaml_bytes": path.stat().st_size}
    result["load_s"] = median_time(lambda: load(path), repeat)
    result["check_s"] = median_time(lambda: check(programme), repeat)
    result["load_check_s"] = median_time(lambda: check(load(path)), repeat)
    result["docx_s"] = median_time(lambda: render_docx(programme), repeat)
    result["docx_nocharts_s"] = median_time(lambda: render_docx(programme, charts=False), repeat)
    result["raw_docxtpl_s"] = median_time(lambda: raw_docxtpl(programme, template), repeat)
    sheets = sheets_template()
    result["raw_sheets_s"] = median_time(lambda: raw_sheets(programme, sheets), repeat)
    result["docx_vs_raw"] = result["docx_s"] / result["raw_docxtpl_s"]
    result["docx_vs_sheets"] = result["docx_s"] / result["raw_sheets_s"]
    result["docx_nocharts_vs_sheets"] = result["docx_nocharts_s"] / result["raw_sheets_s"]
    result["docx_nocharts_vs_raw"] = result["docx_nocharts_s"] / result["raw_docxtpl_s"]
    result["per_measure_ms"] = 1000 * result["docx_s"] / n
    result.update(peak_memory(path))
    return result


def measure_pdf(batch: int, typical: int, folder: Path, separate: bool) -> dict[str, Any]:
    """Conversion cold vs batched, the whole build of a batch, and the LibreOffice floor."""
    sources = [write(folder / "yaml", typical, variant=i + 1) for i in range(batch)]
    docx_dir = folder / "docx"
    docx_dir.mkdir()
    docx_files = []
    for source in sources:
        target = docx_dir / f"{source.stem}.docx"
        target.write_bytes(render_docx(load(source)).data)
        docx_files.append(target)
    result: dict[str, Any] = {"batch": batch, "typical_measures": typical}

    cold = []
    for i, docx in enumerate(docx_files[:3]):
        start = time.perf_counter()
        convert_many([docx], folder / f"cold-{i}")
        cold.append(time.perf_counter() - start)
    result["convert_cold_per_doc_s"] = statistics.median(cold)
    start = time.perf_counter()
    convert_many(docx_files, folder / "batch")
    result["convert_batch_total_s"] = time.perf_counter() - start
    result["convert_batch_per_doc_s"] = result["convert_batch_total_s"] / batch
    result["bare_soffice_total_s"] = bare_soffice(docx_files, folder / "bare")
    result["bare_soffice_per_doc_s"] = result["bare_soffice_total_s"] / batch

    files = list(map(str, sources))
    result["build_batch_s"] = wall(
        [CLI, "build", *files, "--to", "pdf", "--out", str(folder / "b1")]
    )
    docx_only = wall([CLI, "build", *files, "--to", "docx", "--out", str(folder / "b2")])
    floor_pdf = bare_soffice(sorted((folder / "b2").glob("*.docx")), folder / "b2-pdf")
    result["floor_docx_s"], result["floor_soffice_s"] = docx_only, floor_pdf
    result["floor_s"] = docx_only + floor_pdf
    result["build_vs_floor"] = result["build_batch_s"] / result["floor_s"]
    if separate:
        result["build_separate_s"] = sum(
            wall([CLI, "build", f, "--to", "pdf", "--out", str(folder / f"s{i}")])
            for i, f in enumerate(files)
        )
        result["separate_vs_batch"] = result["build_separate_s"] / result["build_batch_s"]
    return result


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with Path("/proc/cpuinfo").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    soffice = subprocess.run(
        [find_soffice(), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(pages / 2**30, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libreoffice": soffice,
        "date": time.strftime("%Y-%m-%d"),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10,30,100,500,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-large", type=int, default=1, help="repeats at ≥ 5,000")
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--typical", type=int, default=30)
    parser.add_argument("--no-separate", action="store_true", help="skip N separate builds")
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    parser.add_argument(
        "--memory-only", action="store_true", help="re-measure peak memory into --out"
    )
    parser.add_argument(
        "--startup-only", action="store_true", help="re-measure the start-up into --out"
    )
    args = parser.parse_args(argv[1:])
    if args.startup_only:
        earlier = json.loads(args.out.read_text(encoding="utf-8"))
        earlier["startup"] = startup()
        print(json.dumps(earlier["startup"]), flush=True)
        args.out.write_text(json.dumps(earlier, indent=2) + "\n", encoding="utf-8")
        return 0
    if args.memory_only:
        earlier = json.loads(args.out.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="hp-bench-") as tmp:
            for row in earlier["sizes"]:
                row.update(peak_memory(write(Path(tmp), row["measures"])))
                print(json.dumps(row), flush=True)
        args.out.write_text(json.dumps(earlier, indent=2) + "\n", encoding="utf-8")
        return 0
    load(ROOT / "examples" / "marburg-sucre" / "programme.yaml")  # imports and caches warm
    results: dict[str, Any] = {"machine": machine(), "command": " ".join(argv), "sizes": []}
    results["startup"] = startup()
    print(json.dumps(results["startup"]), flush=True)
    with tempfile.TemporaryDirectory(prefix="hp-bench-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            repeat = args.repeat_large if n >= 5000 else args.repeat
            row = measure_size(n, Path(tmp) / f"n{n}", repeat)
            results["sizes"].append(row)
            print(json.dumps(row), flush=True)
        if args.batch:
            results["pdf"] = measure_pdf(
                args.batch, args.typical, Path(tmp) / "pdf", not args.no_separate
            )
            print(json.dumps(results["pdf"]), flush=True)
    results["peak_rss_bench_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    if shutil.which("soffice") is None and not os.environ.get("HANDLUNGSPROGRAMM_SOFFICE"):
        print("LibreOffice is needed: run ./dev test once to install it", file=sys.stderr)
        sys.exit(5)
    sys.exit(main(sys.argv))
