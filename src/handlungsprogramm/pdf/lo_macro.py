"""LibreOffice-side script: open each document, update its indexes, export a PDF.

This file runs *inside* LibreOffice's own Python (it is copied into the fresh user
profile of each conversion and called as ``vnd.sun.star.script:hp_convert.py$convert``);
it is not imported by the library. ``--convert-to`` alone would leave the table of
contents as it was in the .docx (LibreOffice does not update fields on export). The
job (files and PDF export options) is a JSON file named by HP_CONVERT_JOB.
"""

import json
import os
import re
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


_CODE = "vnd.oasis.opendocument.field.code"
_HEADERS = ("HeaderText", "HeaderTextLeft", "HeaderTextRight", "HeaderTextFirst")


_STYLEREF = re.compile(r'^\s*STYLEREF\s+(?:"([^"]+)"|(\d))(.*)$', re.DOTALL)


def _styleref_marks(doc, text):
    """(field mark, level, number?) of each STYLEREF of one header text (LibreOffice 7.4
    imports them as field marks it does not handle, showing the result the .docx
    stored). ``STYLEREF 1`` is level 0; ``STYLEREF "<style>"`` the style's outline level
    less one; ``\\n`` asks for the heading's number instead of its text."""
    marks = []
    paragraphs = text.createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if not paragraph.supportsService("com.sun.star.text.Paragraph"):
            continue
        portions = paragraph.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            if portion.TextPortionType != "TextFieldStart":
                continue
            mark = portion.Bookmark
            parameters = mark.getParameters()
            if not parameters.hasByName(_CODE):
                continue
            found = _STYLEREF.match(str(parameters.getByName(_CODE)))
            if found is None:
                continue
            style, number, switches = found.groups()
            level = int(number) - 1 if number else _outline_level(doc, style) - 1
            if level >= 0:
                marks.append((mark, level, "\\n" in switches.split()))
    return marks


def _outline_level(doc, name):
    """The outline level (1 …) of paragraph style ``name``; 0 for body text or none."""
    styles = doc.getStyleFamilies().getByName("ParagraphStyles")
    return styles.getByName(name).OutlineLevel if styles.hasByName(name) else 0


def _running_headers(doc):
    """Each STYLEREF of a page header becomes a chapter field: the heading of its level
    at the top of the page, its number for ``\\n``, its text otherwise, as Word shows
    them."""
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for index in range(styles.getCount()):
        style = styles.getByIndex(index)
        if not style.HeaderIsOn:
            continue
        for name in _HEADERS:
            if not style.getPropertySetInfo().hasPropertyByName(name):
                continue
            text = style.getPropertyValue(name)
            if text is None:
                continue
            for mark, level, number in _styleref_marks(doc, text):
                anchor = mark.getAnchor()
                owner = anchor.getText()
                cursor = owner.createTextCursorByRange(anchor)
                owner.removeTextContent(mark)
                cursor.setString("")
                field = doc.createInstance("com.sun.star.text.TextField.Chapter")
                field.ChapterFormat = 1 if number else 0  # NUMBER, NAME
                field.Level = level
                owner.insertTextContent(cursor, field, True)
    doc.getTextFields().refresh()


def convert(*_args):
    """Convert every (source, target) pair of the job; a failed file is skipped."""
    job = json.loads(Path(os.environ["HP_CONVERT_JOB"]).read_text(encoding="utf-8"))
    desktop = XSCRIPTCONTEXT.getDesktop()
    options = tuple(_prop(key, value) for key, value in job["filter"].items())
    data = uno.Any("[]com.sun.star.beans.PropertyValue", options)
    for source, target in job["files"]:
        url = uno.systemPathToFileUrl(source)
        # UpdateDocMode NO_UPDATE (0): links are not updated on loading, whatever the
        # document or the configuration says.
        load = (_prop("Hidden", True), _prop("UpdateDocMode", 0))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, load)
        if doc is None:
            continue
        try:
            # The keywords of the .docx are phrases with no-break spaces (LibreOffice
            # splits them at spaces on loading): in the PDF they read with plain spaces.
            props = doc.getDocumentProperties()
            props.Keywords = tuple(k.replace("\u00a0", " ") for k in props.Keywords)
            _running_headers(doc)
            indexes = doc.getDocumentIndexes()
            for index in range(indexes.getCount()):
                indexes.getByIndex(index).update()
            store = (_prop("FilterName", "writer_pdf_Export"), _prop("FilterData", data))
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), store))
        finally:
            doc.close(True)
