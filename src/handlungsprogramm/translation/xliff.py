"""XLIFF 1.2 and 2.1, written and read with lxml: the files CAT tools (Trados, memoQ,
OmegaT, Weblate) exchange.

A unit is one text: its id the text's stable id, its source the German text, its target
the translation (empty or absent when missing), its state where the translation stands,
and a note with the field's name and the item it belongs to. Texts keep their Markdown
and line breaks (``xml:space="preserve"``). XLIFF 2 ids must be XML name tokens, which
``/`` is not: there the id joins the parts with ``:`` and ``name`` keeps the text's id.

Reading takes every unit with its line, refuses a file that declares a DOCTYPE (no
entity of a stranger's file is expanded) and says which states count as finished.
"""

from __future__ import annotations

from typing import Literal

from lxml import etree

from handlungsprogramm.location import SourceLocation, format_path
from handlungsprogramm.model import Programme
from handlungsprogramm.render.sanitize import clean_text
from handlungsprogramm.translation.returned import Returned, ReturnedUnit, problem
from handlungsprogramm.translation.units import State, TextUnit

__all__ = ["XLIFF2", "XLIFF12", "read_xliff", "write_xliff"]

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
_XML = "http://www.w3.org/XML/1998/namespace"
_SPACE = f"{{{_XML}}}space"
_TOOL = "handlungsprogramm"

_OPEN_12 = frozenset(
    {
        "new",
        "needs-translation",
        "needs-review-translation",
        "needs-l10n",
        "needs-review-l10n",
        "needs-adaptation",
        "needs-review-adaptation",
    }
)
"""XLIFF 1.2 target states that say the translation is not finished."""


def _heading(programme: Programme) -> str:
    title = programme.title
    return f"{title.get('de')} / {title.get(programme.partner_language)} ({programme.version})"


def write_xliff(
    programme: Programme, units: list[TextUnit], original: str, version: Literal["1.2", "2.1"]
) -> bytes:
    """The units as an XLIFF file of ``version`` (UTF-8, with declaration)."""
    root = (
        _xliff12(programme, units, original)
        if version == "1.2"
        else _xliff2(programme, units, original)
    )
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def _xliff12(programme: Programme, units: list[TextUnit], original: str) -> etree._Element:
    partner = programme.partner_language
    root = etree.Element(f"{{{XLIFF12}}}xliff", nsmap={None: XLIFF12}, version="1.2")
    file = etree.SubElement(
        root,
        f"{{{XLIFF12}}}file",
        {
            "original": original,
            "source-language": "de",
            "target-language": partner,
            "datatype": "plaintext",
            "product-name": _TOOL,
            "product-version": programme.version,
        },
    )
    header = etree.SubElement(file, f"{{{XLIFF12}}}header")
    etree.SubElement(header, f"{{{XLIFF12}}}tool", {"tool-id": _TOOL, "tool-name": _TOOL})
    etree.SubElement(header, f"{{{XLIFF12}}}note").text = _heading(programme)
    body = etree.SubElement(file, f"{{{XLIFF12}}}body")
    for unit in units:
        element = etree.SubElement(
            body, f"{{{XLIFF12}}}trans-unit", {"id": unit.id, "resname": format_path(unit.path)}
        )
        element.set(_SPACE, "preserve")
        etree.SubElement(element, f"{{{XLIFF12}}}source").text = clean_text(unit.source)
        target = etree.SubElement(element, f"{{{XLIFF12}}}target", state=unit.state.value)
        target.text = clean_text(unit.target) or None
        note = etree.SubElement(element, f"{{{XLIFF12}}}note", {"from": _TOOL})
        note.text = clean_text(unit.note(partner))
    return root


def _xliff2(programme: Programme, units: list[TextUnit], original: str) -> etree._Element:
    partner = programme.partner_language
    root = etree.Element(
        f"{{{XLIFF2}}}xliff", nsmap={None: XLIFF2}, version="2.1", srcLang="de", trgLang=partner
    )
    file = etree.SubElement(root, f"{{{XLIFF2}}}file", id="f1", original=original)
    notes = etree.SubElement(file, f"{{{XLIFF2}}}notes")
    etree.SubElement(notes, f"{{{XLIFF2}}}note").text = _heading(programme)
    for unit in units:
        element = etree.SubElement(
            file, f"{{{XLIFF2}}}unit", id=unit.id.replace("/", ":"), name=unit.id
        )
        element.set(_SPACE, "preserve")
        notes = etree.SubElement(element, f"{{{XLIFF2}}}notes")
        note = etree.SubElement(notes, f"{{{XLIFF2}}}note", category="context")
        note.text = clean_text(unit.note(partner))
        segment = etree.SubElement(element, f"{{{XLIFF2}}}segment")
        if unit.state is State.TRANSLATED:
            segment.set("state", "translated")
        else:
            segment.set("state", "initial")
            if unit.state is State.OUTDATED:
                segment.set("subState", f"{_TOOL}:outdated")
        etree.SubElement(segment, f"{{{XLIFF2}}}source").text = clean_text(unit.source)
        if unit.target:
            etree.SubElement(segment, f"{{{XLIFF2}}}target").text = clean_text(unit.target)
    return root


def read_xliff(data: bytes, name: str) -> Returned:
    """Every unit of an XLIFF 1.2 or 2.x file, or the problems that keep it from being read."""
    returned = Returned(name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        where = SourceLocation(name, line, max(column, 1))
        returned.problems.append(problem("translation_unreadable", where, "HP004", reason=exc.msg))
        return returned
    root = tree.getroot()
    if tree.docinfo.doctype:
        reason = (
            "it declares a DOCTYPE, which is not read",
            "sie deklariert einen DOCTYPE, der nicht gelesen wird",
        )
        where = SourceLocation(name, 1, 1)
        returned.problems.append(problem("translation_unreadable", where, "HP004", reason=reason))
    elif root.tag == f"{{{XLIFF12}}}xliff":
        _read12(root, returned)
    elif root.tag == f"{{{XLIFF2}}}xliff":
        _read2(root, returned)
    else:
        where = SourceLocation(name, root.sourceline or 1, 1)
        found = f"<{etree.QName(root).localname}>"
        returned.problems.append(problem("translation_not_exchange", where, "HP007", found=found))
    return returned


def _text(element: etree._Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _where(returned: Returned, element: etree._Element) -> SourceLocation:
    return SourceLocation(returned.name, element.sourceline or 1, 1)


def _read12(root: etree._Element, returned: Returned) -> None:
    for file in root.iter(f"{{{XLIFF12}}}file"):
        languages = (file.get("source-language", ""), file.get("target-language", ""))
        returned.languages.append((*languages, _where(returned, file)))
    for element in root.iter(f"{{{XLIFF12}}}trans-unit"):
        target = element.find(f"{{{XLIFF12}}}target")
        state = None if target is None else target.get("state")
        done: bool | None = None if state is None else state not in _OPEN_12
        if element.get("approved") == "yes":
            done = True
        unit = ReturnedUnit(
            element.get("id", ""),
            _text(element.find(f"{{{XLIFF12}}}source")),
            _text(target),
            done,
            _where(returned, element),
        )
        returned.units.append(unit)


def _read2(root: etree._Element, returned: Returned) -> None:
    returned.languages.append(
        (root.get("srcLang", ""), root.get("trgLang", ""), _where(returned, root))
    )
    segment_tag, ignorable_tag = f"{{{XLIFF2}}}segment", f"{{{XLIFF2}}}ignorable"
    for element in root.iter(f"{{{XLIFF2}}}unit"):
        # a tool may have split the text into segments, with ignorables between them
        parts = [child for child in element if child.tag in (segment_tag, ignorable_tag)]
        segments = [part for part in parts if part.tag == segment_tag]
        source = "".join(_text(part.find(f"{{{XLIFF2}}}source")) for part in parts)
        targets = [_target2(part) for part in parts]
        # a text half translated is not translated: every segment needs its target
        complete = all(target is not None for target in targets)
        target = "".join(t or "" for t in targets) if complete else ""
        states = [segment.get("state") for segment in segments]
        done = (
            None
            if all(state is None for state in states)
            else all(state not in (None, "initial") for state in states)
        )
        text_id = element.get("name") or element.get("id", "").replace(":", "/")
        where = _where(returned, element)
        returned.units.append(ReturnedUnit(text_id, source, target, done, where))


def _target2(part: etree._Element) -> str | None:
    """A segment's target text (None without one); an ignorable's, else its source."""
    target = part.find(f"{{{XLIFF2}}}target")
    if target is None and part.tag == f"{{{XLIFF2}}}ignorable":
        target = part.find(f"{{{XLIFF2}}}source")
    return None if target is None else _text(target)
