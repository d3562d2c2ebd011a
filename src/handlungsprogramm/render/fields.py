"""Word fields that reach outside the document, in a template and in what it renders.

A Word field is an instruction that Word (and partly LibreOffice) evaluates:
``{ PAGE }`` prints the page number, ``{ INCLUDEPICTURE "\\\\server\\x.png" }`` loads a
picture from a file or an address each time the document is opened or printed, and
``{ DDEAUTO … }`` starts a program. A template is somebody else's file, and the Word file
built from it goes to both partner municipalities: such fields are refused, in the
template (:mod:`~handlungsprogramm.render.template_guard`) and again in the rendered
document, since Jinja can write an instruction that the template did not show.

A complex field is ``w:fldChar begin``, its instruction in ``w:instrText`` runs (split
anywhere, even inside the field's name), ``w:fldChar separate``, the last result and
``w:fldChar end``; fields nest. A simple field is ``w:fldSimple w:instr="…"``.

``FILENAME \\p`` prints the folder of the file as well. The PDF is made from a copy in a
private temporary folder, whose path means nothing to a reader (and tells where the
build ran): the rendered document's ``FILENAME`` fields show the file's name only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document as DocxDocument
from lxml import etree

from handlungsprogramm.errors import TemplateError
from handlungsprogramm.i18n.catalogue import printable

__all__ = [
    "FETCHING_FIELDS",
    "FIELD_TAGS",
    "Field",
    "check_field",
    "iter_fields",
    "settle_rendered_fields",
]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FLD_CHAR = f"{_W}fldChar"
_INSTR = (f"{_W}instrText", f"{_W}delInstrText")
_FLD_SIMPLE = f"{_W}fldSimple"
FIELD_TAGS = (_FLD_CHAR, *_INSTR, _FLD_SIMPLE)
"""The elements that make up fields, for ``iter(*FIELD_TAGS)`` or a parser's filter."""

FETCHING_FIELDS = frozenset(
    {"INCLUDEPICTURE", "IMPORT", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO", "RD",
     "DATABASE"}
)  # fmt: skip
"""Fields that read a file, fetch an address, query a database or start a program:
pictures (``INCLUDEPICTURE``, its old name ``IMPORT``), text (``INCLUDETEXT``, old
``INCLUDE``), linked objects (``LINK``, ``DDE``, ``DDEAUTO``), documents for an index
(``RD``) and database queries (``DATABASE``)."""

_NAME = re.compile(r"\s*([A-Za-z]+)")
_COMPUTED = re.compile(r"\s*[^\s\"\\]*\{")
"""An instruction whose first word contains a brace: a Jinja tag makes the field's name."""
_PATH_SWITCH = re.compile(r"\\p(?![A-Za-z])", re.IGNORECASE)
_SHOWN = 200
"""Characters of an instruction quoted in a message."""

_FIELD_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
)


@dataclass(slots=True)
class Field:
    """One field's instruction and the elements that hold it."""

    instruction: str = ""
    elements: list[Any] = field(default_factory=list)
    computed_name: bool = False
    """Whether a nested field stands where the name should be: ``{ {QUOTE "LINK"} … }``."""
    coded: bool = False
    """Whether ``separate`` was seen: instruction text after it is not part of the code."""

    @property
    def name(self) -> str:
        """The field's name in capitals (``INCLUDEPICTURE``), empty when there is none."""
        match = _NAME.match(self.instruction)
        return match.group(1).upper() if match else ""

    def _add(self, element: Any) -> None:
        if not self.coded:
            self.instruction += element.text or ""
            self.elements.append(element)


def iter_fields(elements: Iterable[Any]) -> Iterator[Field]:
    """The fields among ``elements`` (field elements in document order), innermost first.

    Instruction text outside any ``begin`` … ``end`` counts as a field of its own, and a
    field left open at the end is still reported: a damaged structure must not hide an
    instruction.
    """
    open_fields: list[Field] = []
    for element in elements:
        tag = element.tag
        if tag == _FLD_SIMPLE:
            yield Field(element.get(f"{_W}instr") or "", [element])
        elif tag in _INSTR:
            if open_fields:
                open_fields[-1]._add(element)
            else:
                yield Field(element.text or "", [element])
        elif tag == _FLD_CHAR:
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                if open_fields and not open_fields[-1].coded:
                    parent = open_fields[-1]
                    parent.computed_name = parent.computed_name or not parent.instruction.strip()
                open_fields.append(Field())
            elif kind == "separate" and open_fields:
                open_fields[-1].coded = True
            elif kind == "end" and open_fields:
                yield open_fields.pop()
    yield from reversed(open_fields)


def _shown(text: str) -> str:
    """An instruction for a message: one line, printable, at most :data:`_SHOWN` characters."""
    text = " ".join(text.split())
    text = printable(text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def check_field(template: str, part: str, found: Field) -> None:
    """Refuse ``found`` (in ``part`` of ``template``) if it fetches or has a computed name."""
    instruction = _shown(found.instruction)
    if found.computed_name or _COMPUTED.match(found.instruction):
        raise TemplateError(template, "HP727", part=part, instruction=instruction)
    if found.name in FETCHING_FIELDS:
        raise TemplateError(template, "HP728", part=part, name=found.name, instruction=instruction)


def _name_only(found: Field) -> bool:
    """Turn ``FILENAME \\p`` into ``FILENAME``; whether anything changed."""
    if found.name != "FILENAME" or not _PATH_SWITCH.search(found.instruction):
        return False
    instruction = _PATH_SWITCH.sub("", found.instruction)
    first, *rest = found.elements
    if first.tag == _FLD_SIMPLE:
        first.set(f"{_W}instr", instruction)
        return True
    first.text = instruction
    for element in rest:
        element.text = ""
    return True


def settle_rendered_fields(document: DocxDocument, template: str) -> None:
    """Check every field of the rendered ``document`` and show file names without folders.

    Runs after Jinja and before the blocks are spliced in (they are the library's own).
    Parts that python-docx keeps as XML trees are checked in place; other Word parts
    (footnotes, which docxtpl renders as text, endnotes, comments) are parsed only when
    they contain a field at all, and written back when a field changed.
    """
    for part in document.part.package.iter_parts():
        name = str(part.partname).lstrip("/")
        element: Any = getattr(part, "_element", None)
        blob_part = element is None
        if blob_part:
            if "wordprocessingml" not in part.content_type:
                continue
            blob = part.blob
            if b"instrText" not in blob and b"fldSimple" not in blob:
                continue
            element = etree.fromstring(blob, _FIELD_PARSER)
        changed = False
        for found in iter_fields(element.iter(*FIELD_TAGS)):
            check_field(template, name, found)
            changed = _name_only(found) or changed
        if changed and blob_part:
            part._blob = etree.tostring(  # a plain Part holds its XML as bytes
                element, xml_declaration=True, encoding="UTF-8", standalone=True
            )
