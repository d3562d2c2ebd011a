"""Page flow, read back from the PDF of all four examples in both layouts.

Each rule of the page standard (../shared/design/document.md) that a reader sees is
checked on the produced PDF with poppler (pdftotext per page, pdffonts, pdfimages)
and pypdf (bookmarks): no page of a few spill-over lines, every page of the measure
sheets names its measure, no German word broken without a hyphen, no code broken at
its hyphen, every font embedded and of one family.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel
from pypdf import PdfReader

from handlungsprogramm import build_files, load
from handlungsprogramm.build import Target
from handlungsprogramm.model import Text
from handlungsprogramm.render.writer import Layout
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # LibreOffice converts every example

EXAMPLES = sorted((ROOT / "examples").glob("*/programme.yaml"))
FEW_LINES = 8
"""A page with fewer lines of text than this (footer aside) is a spill-over page,
unless it holds a figure or continues a measure sheet under its code."""


@pytest.fixture(scope="module", params=list(Layout), ids=[layout.value for layout in Layout])
def pdfs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The four examples as PDF, in one layout (one LibreOffice run)."""
    out = tmp_path_factory.mktemp(f"pages-{request.param.value}")
    items = build_files(EXAMPLES, out, targets=frozenset({Target.PDF}), layout=request.param)
    paths = [path for item in items for path in item.written if path.suffix == ".pdf"]
    assert len(paths) == len(EXAMPLES)
    return paths


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[: len(PdfReader(pdf).pages)]


def _lines(page: str) -> list[str]:
    """The page's lines of text, without the footer and the running header."""
    lines = [line for line in page.splitlines() if line.strip() and "SHA-256" not in line]
    if lines and _RUNNING_HEADER.match(lines[0]):
        return lines[1:]
    return lines


_RUNNING_HEADER = re.compile(r"^\d+ {2,}\S.* / ")
"""The running header: the chapter's number, a tab, its bilingual name."""


def _chapters(pdf: Path) -> list[tuple[int, str]]:
    """(first page, title) of every chapter, from the bookmarks ("11 Maßnahmen / …")."""
    reader = PdfReader(pdf)
    return [
        (_page_of(reader, entry), " ".join(str(entry.title).split()))
        for entry in reader.outline
        if not isinstance(entry, list)
    ]


def _pages_with_images(pdf: Path) -> set[int]:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return {int(line.split()[0]) for line in listing.splitlines()[2:] if line.strip()}


def _sheet_pages(pdf: Path) -> Iterator[tuple[int, str]]:
    """(page number, code) of every page from the first measure sheet to the next chapter,
    from the PDF's bookmarks (the sheets are the children of the measures chapter)."""
    reader = PdfReader(pdf)
    outline = reader.outline
    for index, entry in enumerate(outline):
        if isinstance(entry, list) or not re.match(r"\d+ Maßnahmen /", str(entry.title)):
            continue
        children = outline[index + 1]
        assert isinstance(children, list)
        starts = [
            # a code's no-break hyphen is U+2011 in the bookmarks, a hyphen in the text
            (_page_of(reader, child), str(child.title).split()[0].replace("\u2011", "-"))
            for child in children
            if not isinstance(child, list)
        ]
        following = next(e for e in outline[index + 2 :] if not isinstance(e, list))
        end = _page_of(reader, following)
        for (page, code), (next_page, _) in zip(starts, [*starts[1:], (end, "")], strict=True):
            for number in range(page, next_page):
                yield number, code
        return
    raise AssertionError(f"{pdf.name}: no measures chapter in the bookmarks")


def _page_of(reader: PdfReader, entry: object) -> int:
    """The 1-based page a bookmark points to."""
    index = reader.get_destination_page_number(entry)  # type: ignore[arg-type]
    assert index is not None
    return index + 1


def test_no_page_of_a_few_spill_over_lines(pdfs: list[Path]) -> None:
    """A page with only a few lines holds a figure (the picture is the page) or goes on
    with a measure sheet under its code; nothing else ends on a near-empty page."""
    for pdf in pdfs:
        pictures = _pages_with_images(pdf)
        sheets = dict(_sheet_pages(pdf))
        for number, page in enumerate(_pages(pdf), start=1):
            lines = _lines(page)
            if len(lines) >= FEW_LINES or number in pictures or number == 1:
                continue
            if number in sheets and re.search(rf"(?<![\w-]){re.escape(sheets[number])}\b", page):
                continue  # a sheet's last rows, under its code (in the header and table)
            pytest.fail(f"{pdf.name} page {number} holds only {len(lines)} lines: {lines}")


def test_every_page_of_the_measure_sheets_names_its_measure(pdfs: list[Path]) -> None:
    """The heading on a sheet's first page, the repeated header row on the others."""
    for pdf in pdfs:
        pages = _pages(pdf)
        seen = 0
        for number, code in _sheet_pages(pdf):
            assert re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", pages[number - 1]), (
                f"{pdf.name} page {number} does not name {code}"
            )
            seen += 1
        assert seen >= len(load(_source(pdf)).measures)


def test_every_page_names_its_chapter_in_the_running_header(pdfs: list[Path]) -> None:
    """From the first chapter on, each page's first line is the number and name of the
    chapter at the top of the page or of one that starts on it (Word shows the latter,
    LibreOffice the former); the imprint and the contents have none."""
    for pdf in pdfs:
        chapters = _chapters(pdf)
        first = chapters[0][0]
        sheets = _sheet_titles(pdf)
        for number, page in enumerate(_pages(pdf), start=1):
            lines = [line for line in page.splitlines() if line.strip()]
            if number < first:
                assert not _RUNNING_HEADER.match(lines[0]), f"{pdf.name} page {number}"
                continue
            if number in sheets:  # the measure sheets' own header: the measure's title
                # compared without spaces: a line may end at "clean-|up" or "LED-| und"
                header = "".join(" ".join(lines[:2]).split()).replace("\u2011", "-")
                expected = "".join(sheets[number].split())
                assert header.startswith(expected), f"{pdf.name} page {number}: {header!r}"
                continue
            begun = [(start, title) for start, title in chapters if start <= number]
            allowed = {title for start, title in begun if start == number}
            top = [title for start, title in begun if start < number]
            if top:
                allowed.add(top[-1])  # the chapter the page's first line belongs to
            header = " ".join(lines[0].split())
            assert header in allowed, f"{pdf.name} page {number}: {header!r} not in {allowed}"


def _sheet_titles(pdf: Path) -> dict[int, str]:
    """Each page of the measure sheets after the chapter's first, with what its header
    reads: the chapter's number and the heading of the sheet the page belongs to."""
    reader = PdfReader(pdf)
    outline = reader.outline
    index = next(
        i
        for i, entry in enumerate(outline)
        if not isinstance(entry, list) and re.match(r"\d+ Maßnahmen /", str(entry.title))
    )
    chapter = outline[index]
    number = str(chapter.title).split()[0]  # type: ignore[union-attr]
    titles = {
        _page_of(reader, child): " ".join(str(child.title).split()).replace("\u2011", "-")
        for child in outline[index + 1]
        if not isinstance(child, list)
    }
    start = _page_of(reader, chapter)
    return {
        page: f"{number} {titles[max(p for p in titles if p <= page)]}"
        for page, _ in _sheet_pages(pdf)
        if page > start
    }


def _source(pdf: Path) -> Path:
    town = pdf.name.split("-")[0]
    return next(path for path in EXAMPLES if path.parent.name.startswith(town))


def _german_words(value: object) -> Iterator[str]:
    if isinstance(value, Text):
        yield from re.findall(r"[A-Za-zÄÖÜäöüß]{10,}", value.get("de"))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _german_words(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _german_words(getattr(value, name))


def test_no_german_word_is_broken_without_a_hyphen(pdfs: list[Path]) -> None:
    """Long German words of the input either stay whole or break with a hyphen."""
    for pdf in pdfs:
        text = subprocess.run(
            ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        lines = text.splitlines()
        words = set(_german_words(load(_source(pdf))))
        assert len(words) > 100
        broken = []
        for line, following in itertools.pairwise(lines):
            head = line.rsplit(" ", 1)[-1] if line else ""
            tail = following.split(" ", 1)[0]
            if len(head) < 3 or not head[-1].isalpha() or not tail:
                continue
            # the line ends inside a word of the input, and the next line goes on with it
            for cut in range(len(tail), 1, -1):
                if head + tail[:cut] in words:
                    broken.append(f"{head}|{tail[:cut]}")
                    break
        assert broken == [], f"{pdf.name}: {broken[:10]}"


def test_no_code_is_broken_across_lines(pdfs: list[Path]) -> None:
    """A measure's code stays on one line and is found by searching the PDF for it.

    pdftotext joins a word broken at a line-end hyphen ("M-" + "14" reads "M14"), so a
    code broken at its hyphen would show as the code without it."""
    for pdf in pdfs:
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        for measure in load(_source(pdf)).measures:
            assert measure.code in text, f"{pdf.name}: {measure.code} not found"
            joined = measure.code.replace("-", "")
            assert not re.search(rf"(?<![\w-]){joined}(?!\w)", text), (
                f"{pdf.name}: {measure.code} broken at its hyphen"
            )


def test_every_font_is_embedded_and_of_one_family(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        listing = subprocess.run(
            ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        fonts = [line.split() for line in listing if line.strip()]
        assert fonts
        families = {name.split("+", 1)[-1].split("-")[0] for name, *_ in fonts}
        assert families == {"NotoSans"}, f"{pdf.name}: {families}"
        for row in fonts:
            embedded = row[-5]
            assert embedded == "yes", f"{pdf.name}: {row[0]} not embedded"
