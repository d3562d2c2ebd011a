"""The document plan: what each chapter says, as plain frozen data in both languages.

A chapter is a tuple of nodes: headings, paragraphs, Markdown texts, tables with
their bilingual headers, measure sheets, figures with caption and alt text, the
cover's parties and the signature rows. Every word is decided here (by
:mod:`handlungsprogramm.compose.chapters`), every value formatted (by
:mod:`handlungsprogramm.compose.values`); the Word writer only lays the nodes out,
in either layout, with the template's styles. So a chapter is tested by comparing
nodes, in milliseconds, and a second writer (HTML, say) would need no wording of
its own.

Nothing here imports docx, lxml or matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from handlungsprogramm.compose.values import Bi

__all__ = [
    "Cell",
    "ChartLike",
    "ColumnRow",
    "Columns",
    "CoverFunders",
    "CoverParties",
    "CoverParty",
    "FieldRow",
    "FieldTable",
    "Figure",
    "Heading",
    "Markdown",
    "MeasureSheets",
    "Node",
    "Para",
    "Parallel",
    "Role",
    "Section",
    "SignatureCell",
    "SignatureRow",
    "Table",
]

Cell = str | Bi | tuple[str | Bi, ...] | None
"""A table cell: one value, several lines, or nothing. A :class:`Bi` whose two
languages differ is shown in both (stacked); a ``str`` is the same in both."""


class Role(StrEnum):
    """What a paragraph is for; the writer maps each role to a template style."""

    BODY = "body"
    CAPTION = "caption"
    COVER_META = "cover-meta"
    IMPRINT = "imprint"
    IMPRINT_HEADING = "imprint-heading"
    FINGERPRINT = "fingerprint"
    CLAUSE = "clause"
    """The closing clause of the signature page."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of ``level`` 2 or 3 (level 1 is the template's chapter heading)."""

    title: Bi | str
    level: int


@dataclass(frozen=True, slots=True)
class Para:
    """A short line. A ``str`` is one run (already in both languages, or language-neutral);
    a :class:`Bi` is written with the partner language set apart. Empty: a spacer."""

    text: Bi | str
    role: Role = Role.BODY
    keep_with_next: bool = False


@dataclass(frozen=True, slots=True)
class Markdown:
    """A long text, Markdown, in both languages (a missing language already filled in)."""

    text: Bi


@dataclass(frozen=True, slots=True)
class Parallel:
    """Plain paragraphs (not Markdown) in both languages: side by side, paragraph
    against paragraph, or German first, then the partner language, as the layout says.
    Values from the input stay as written (no Markdown is read into them)."""

    paragraphs: tuple[Bi, ...]
    role: Role = Role.BODY


@dataclass(frozen=True, slots=True)
class Table:
    """A data table: a header row repeated on every page, rows, widths in cm.

    Rows listed in ``label_rows`` (totals, strategic objectives) are set as labels. The
    ``caption`` ("Tabelle 3: …", numbered by :meth:`Composer.table_caption`) stands above
    the table, as tables' captions do.
    """

    header: tuple[Bi | str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    label_rows: frozenset[int] = frozenset()
    caption: Bi | None = None

    def __post_init__(self) -> None:
        columns = len(self.widths)
        if len(self.header) != columns or any(len(row) != columns for row in self.rows):
            raise ValueError("every row of a table needs one cell per column")  # a bug


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One field of a measure sheet: its name, the German and the partner value."""

    label: Bi
    de: Cell
    partner: Cell


@dataclass(frozen=True, slots=True)
class FieldTable:
    """A measure sheet's fields; ``languages`` names the two value columns where the
    layout sets them side by side ("Deutsch", "Français"); ``code`` heads the table, so
    a sheet continued on the next page still names its measure there. Side by side,
    each field's name runs into its value, followed by ``colon`` as each language writes
    it (``Säule: …``, ``Pilier : …``)."""

    rows: tuple[FieldRow, ...]
    languages: Bi
    code: str = ""
    colon: Bi = Bi(": ", ": ")  # noqa: RUF009 - frozen, shared safely


class ChartLike(Protocol):
    """A drawn chart, as the plan needs it (:class:`handlungsprogramm.render.charts.Chart`)."""

    @property
    def name(self) -> str: ...
    @property
    def title(self) -> tuple[str, str]: ...
    @property
    def alt(self) -> tuple[str, str]: ...
    @property
    def png(self) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart with its caption below and its alt text (for the tagged PDF)."""

    png: bytes
    caption: Bi
    title: Bi
    alt: Bi


@dataclass(frozen=True, slots=True)
class CoverParty:
    """One municipality on the cover: logo (if any), name, kind and country."""

    name: str
    meta: str
    logo: bytes | None


@dataclass(frozen=True, slots=True)
class CoverParties:
    """The two municipalities side by side, German left."""

    parties: tuple[CoverParty, CoverParty]


@dataclass(frozen=True, slots=True)
class ColumnRow:
    """One item of :class:`Columns`: an optional label, then its lines."""

    label: Bi | None
    lines: tuple[Bi, ...]


@dataclass(frozen=True, slots=True)
class Columns:
    """Short bilingual items in two columns, German left, partner language right, in
    either layout (the title page's period and version, the imprint); a line that reads
    the same in both languages (an address) stands in both columns."""

    rows: tuple[ColumnRow, ...]
    role: Role = Role.COVER_META


@dataclass(frozen=True, slots=True)
class CoverFunders:
    """The funders at the foot of the title page: "Gefördert durch / Funded by", the
    names of funders without a logo, then the logos in one line."""

    caption: Bi
    names: tuple[Bi, ...]
    logos: tuple[bytes, ...]
    height_cm: float = 1.5
    max_width_cm: float = 5.0


@dataclass(frozen=True, slots=True)
class SignatureCell:
    """One signatory's block: for whom, the place (the town) with the line for the date,
    the box, the signature line, name and function."""

    on_behalf: str
    municipality: str
    place: str
    """The town where the signatory signs, with the separator before the date
    (``"Kidira, "``)."""
    place_and_date: str
    bookmark: str
    """The box's bookmark, which the PDF step turns into a signature field."""
    bookmark_id: int
    signature: str
    name: str
    function: Bi
    """In both languages: each is its own line when they differ."""


@dataclass(frozen=True, slots=True)
class SignatureRow:
    """Signatories side by side: the German side's first, then the partner's (``None``:
    an empty column where the other side has more, in rows of two).

    ``seals``, on the last row only, labels a marked area for the official seal of each
    municipality below the first column of its side (``None`` in the other columns),
    each language its own line.
    """

    cells: tuple[SignatureCell | None, ...]
    seals: tuple[Bi | None, ...] | None = None


@dataclass(frozen=True, slots=True)
class MeasureSheets:
    """One sheet per measure, made on demand: at 5,000 measures the sheets are nine
    tenths of the document, so they are planned, written and serialised a few at a
    time, never held all at once."""

    count: int
    sheets: Callable[[], Iterator[tuple[Heading | Markdown | FieldTable, ...]]] = field(
        compare=False
    )


Node = (
    Heading
    | Para
    | Parallel
    | Markdown
    | Table
    | FieldTable
    | Figure
    | CoverParties
    | Columns
    | CoverFunders
    | SignatureRow
    | MeasureSheets
)

Section = tuple[Node, ...]
"""A chapter's nodes in order."""
