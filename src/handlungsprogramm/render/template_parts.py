"""What a template's parts say: a Word document, pointing nowhere outside but by hyperlinks.

The second half of the template guard. It runs after :mod:`.template_guard` has
scanned every part (no DTD, bounded sizes, UTF-8 or UTF-16), so it may parse the
package's small parts and stream the XML ones: the main part's content type, every
relationship, and how each external hyperlink is used, with the fields of each part.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator

from lxml import etree

from handlungsprogramm.render.fields import FIELD_TAGS, check_field, iter_fields
from handlungsprogramm.render.template_refusals import _refuse

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


_WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


_RELATIONSHIP_ATTRIBUTES = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}",
)
"""The namespaces (transitional and strict) of ``r:id``, ``r:embed``, ``r:link`` …"""


_HYPERLINK_TYPES = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink",
    }
)


_HYPERLINK_TARGET = re.compile(r"(?:https?://|mailto:)[^\x00-\x1f\x7f]*", re.IGNORECASE)
"""What an external hyperlink may point at: a web or mail address, no control characters."""


_HYPERLINK_USES = frozenset({"hyperlink", "hlinkClick", "hlinkHover", "hlinkMouseOver"})
"""Elements whose ``r:id`` is a hyperlink that is followed only when clicked."""


_SHOWN = 200
"""Characters of a link target quoted in a message."""


_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
)
"""For the two small package parts read here, after the scan found no DTD in them."""


_MAIN_KINDS: dict[str, tuple[str, str]] = {
    "wordprocessingml.template.main+xml": ("a Word template (.dotx)", "eine Word-Vorlage (.dotx)"),
    "ms-word.document.macroEnabled.main+xml": (
        "a Word document with macros (.docm)",
        "ein Word-Dokument mit Makros (.docm)",
    ),
    "ms-word.template.macroEnabledTemplate.main+xml": (
        "a Word template with macros (.dotm)",
        "eine Word-Vorlage mit Makros (.dotm)",
    ),
    "spreadsheetml.sheet.main+xml": ("an Excel workbook", "eine Excel-Arbeitsmappe"),
    "presentationml.presentation.main+xml": (
        "a PowerPoint presentation",
        "eine PowerPoint-Präsentation",
    ),
}
"""Packages that are Office files but not Word documents, by the end of their main
part's content type."""


def _parse(name: str, archive: zipfile.ZipFile, part: str) -> etree._Element:
    """One small package part (already scanned: no DTD, bounded size) as a tree."""
    try:
        return etree.fromstring(archive.read(part), _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        _refuse(name, "HP725", part=part, reason=str(exc))


def _check_main_document(name: str, archive: zipfile.ZipFile, parts: dict[str, str]) -> None:
    """The package is OOXML and its main part (from ``_rels/.rels``) is a Word document."""
    if "[content_types].xml" not in parts:
        if "mimetype" in parts:
            with archive.open(parts["mimetype"]) as stream:
                if stream.read(64).startswith(b"application/vnd.oasis.opendocument"):
                    _refuse(name, "HP718")
        _refuse(name, "HP719")
    target = None
    if "_rels/.rels" in parts:
        for rel in _parse(name, archive, parts["_rels/.rels"]).iter(
            f"{_RELATIONSHIPS}Relationship"
        ):
            if (
                rel.get("Type", "").endswith("/officeDocument")
                and rel.get("TargetMode") != "External"
            ):
                target = posixpath.normpath(posixpath.join("/", rel.get("Target", ""))).lstrip("/")
                break
    if target is None or target.lower() not in parts:
        _refuse(name, "HP720", part=target or "word/document.xml")
    content_type = _content_type(_parse(name, archive, parts["[content_types].xml"]), target)
    if content_type != _WORD_DOCUMENT:
        kind = next(
            (words for end, words in _MAIN_KINDS.items() if content_type.endswith(end)),
            (f"a package of type {content_type!r}", f"ein Paket vom Typ {content_type!r}"),
        )
        _refuse(name, "HP721", kind=kind)


def _content_type(types: etree._Element, part: str) -> str:
    """The content type ``[Content_Types].xml`` gives ``part``: its override, else its default."""
    for override in types.iter(f"{_CONTENT_TYPES}Override"):
        if override.get("PartName", "").lstrip("/").lower() == part.lower():
            return str(override.get("ContentType", ""))
    extension = part.rsplit(".", 1)[-1].lower()
    for default in types.iter(f"{_CONTENT_TYPES}Default"):
        if default.get("Extension", "").lower() == extension:
            return str(default.get("ContentType", ""))
    return ""


def _check_relationships(
    name: str, archive: zipfile.ZipFile, parts: dict[str, str]
) -> dict[str, dict[str, str]]:
    """Every relationship has the Id, Type and Target the OPC schema requires (python-docx
    would otherwise fail only when saving the rendered document), and none points outside
    the package but a hyperlink to a web or mail address.

    Returns the external hyperlinks by the (lower-case) name of the part they belong to,
    ``{rId: target}``, so that :func:`_check_xml_part` can see how each is used.
    """
    hyperlinks: dict[str, dict[str, str]] = {}
    for lower, part in parts.items():
        if not lower.endswith(".rels"):
            continue
        folder, _, file = lower.rpartition("/")
        source = posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])
        for rel in _parse(name, archive, part).iter(f"{_RELATIONSHIPS}Relationship"):
            for attribute in ("Id", "Type", "Target"):
                if not rel.get(attribute):
                    _refuse(name, "HP722", part=part, attribute=attribute)
            if rel.get("TargetMode", "Internal") == "Internal":
                continue  # a part of the package; python-docx refuses a missing one
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            if kind not in _HYPERLINK_TYPES or not _HYPERLINK_TARGET.fullmatch(target):
                _refuse(
                    name, "HP723", part=part, kind=kind.rsplit("/", 1)[-1],
                    target=_shorten(target),
                )  # fmt: skip
            hyperlinks.setdefault(source, {})[rel.get("Id", "")] = target
    return hyperlinks


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _check_xml_part(
    name: str, archive: zipfile.ZipFile, part: str, hyperlinks: dict[str, str]
) -> None:
    """Stream one XML part (already scanned: no DTD, bounded size): its fields, and that
    its external hyperlinks are used only as hyperlinks.

    A hyperlink relationship is an allowed target, but LibreOffice loads whatever a
    picture's ``r:link`` names, whatever the relationship's type. Paragraphs are cleared
    once read, so a large part is never held whole.
    """

    def field_elements() -> Iterator[etree._Element]:
        events = etree.iterparse(
            stream, events=("end",), resolve_entities=False, load_dtd=False,
            no_network=True, huge_tree=False,
        )  # fmt: skip
        for _, element in events:
            if hyperlinks:
                _check_uses(name, part, element, hyperlinks)
            if element.tag in FIELD_TAGS:
                yield element
            elif element.tag == _PARAGRAPH:
                element.clear(keep_tail=True)  # its fields have been read

    with archive.open(part) as stream:
        try:
            for found in iter_fields(field_elements()):
                check_field(name, part, found)
        except etree.XMLSyntaxError as exc:
            _refuse(name, "HP725", part=part, reason=str(exc))


_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def _check_uses(name: str, part: str, element: etree._Element, hyperlinks: dict[str, str]) -> None:
    """Refuse ``element`` if one of its ``r:`` attributes names an external hyperlink and
    it is not an element that is a hyperlink."""
    for attribute, value in element.attrib.items():
        if not attribute.startswith(_RELATIONSHIP_ATTRIBUTES) or value not in hyperlinks:
            continue
        local = etree.QName(element).localname
        attribute_name = etree.QName(attribute).localname
        if local in _HYPERLINK_USES and attribute_name == "id":
            continue
        use = f"{element.prefix or ''}:{local}/@r:{attribute_name}".lstrip(":")
        _refuse(
            name, "HP724", part=part, rid=value, target=_shorten(hyperlinks[value]),
            use=use,
        )  # fmt: skip
