"""Read a third-party PDF form defensively: its field tree and widgets, within limits.

A form comes from outside (a funder, a ministry) and pypdf trusts its structure: a
widget whose ``/Parent`` chain loops made ``fill-form`` run until memory ran out, a
``/Kids`` cycle, a name that is a number, a widget without ``/Rect``, an encrypted
file or an object that is only a reference to itself ended in exceptions pypdf never
meant for users (exit 70), a field tree thousands of levels deep in a RecursionError,
and a field tree that lists the same kids twice per level (2**40 paths through 40
objects) never ended. So the form is walked here first, iteratively, with limits, and
refused with a message that names the field and what is wrong, before pypdf changes
anything; what pypdf then meets is a sane tree.

Decompression is bounded too: pypdf runs with lower per-stream limits
(:data:`MAX_DECODED_BYTES`), every object stream is decoded once, all of them together
within the same limit, and flattening never decodes page content (see
:func:`append_only_contents`).

This module walks the form's structure; the guards around pypdf itself (limits,
failures, bounded references) are in :mod:`.pypdf_guard` and re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from handlungsprogramm.pdf.pypdf_guard import (
    MAX_DECODED_BYTES,
    PDF_FAILURES,
    _refuse,
    append_only_contents,
    open_form,
    pdf_limits,
    pypdf_boundary,
    pypdf_failure,
    resolve,
)

__all__ = [
    "MAX_DECODED_BYTES",
    "MAX_FIELD_DEPTH",
    "MAX_FORM_NODES",
    "PDF_FAILURES",
    "FormTree",
    "append_only_contents",
    "check_object_streams",
    "open_form",
    "pdf_limits",
    "pypdf_boundary",
    "pypdf_failure",
    "read_form_tree",
    "resolve",
    "widget_name",
]

MAX_FORM_NODES = 10_000
"""Most field dictionaries and widgets a form may have (a long tax form has a thousand)."""

MAX_FIELD_DEPTH = 32
"""Deepest nesting of fields (``a.b.c``); real forms use three or four levels."""


def _key(reference: Any, obj: PdfObject) -> tuple[int, int] | int:
    """Identity of an object: its reference when it has one, else the Python object."""
    if isinstance(reference, IndirectObject):
        return (reference.idnum, reference.generation)
    ref = getattr(obj, "indirect_reference", None)
    if isinstance(ref, IndirectObject):
        return (ref.idnum, ref.generation)
    return id(obj)


def _name_part(node: DictionaryObject, what: tuple[str, str]) -> str | None:
    """The node's partial name ``/T``, which must be text."""
    if "/T" not in node:
        return None
    value = resolve(node.raw_get("/T"), what)
    if not isinstance(value, TextStringObject):
        kind = _KINDS.get(type(value).__name__, ("something else", "etwas anderes"))
        raise _refuse(
            f"{what[0]} has a name (/T) that is not text but {kind[0]}",
            f"{what[1]} hat einen Namen (/T), der kein Text ist, sondern {kind[1]}",
        )
    return str(value)


_KINDS = {
    "NumberObject": ("a number", "eine Zahl"),
    "FloatObject": ("a number", "eine Zahl"),
    "DictionaryObject": ("a dictionary", "ein Wörterbuch"),
    "ArrayObject": ("an array", "ein Array"),
    "NameObject": ("a name", "ein Name"),
    "ByteStringObject": ("bytes", "Bytes"),
    "BooleanObject": ("a boolean", "ein Wahrheitswert"),
    "NullObject": ("null", "null"),
}


def widget_name(widget: DictionaryObject) -> str:
    """The fully qualified field name (``parent.child``) of a widget, as pypdf and
    ``get_fields()`` name it; a loop or an absurdly long chain of ``/Parent`` is refused."""
    parts: list[str] = []
    node = widget
    seen = {_key(None, widget)}
    for _ in range(MAX_FIELD_DEPTH + 1):
        shown = ".".join(reversed(parts)) or "?"
        part = _name_part(node, (f"a field ('…{shown}')", f"ein Feld ('…{shown}')"))
        if part is not None:
            parts.append(part)
        if "/Parent" not in node:
            return ".".join(reversed(parts))
        reference = node.raw_get("/Parent")
        parent = resolve(reference, ("the parent of a field", "das übergeordnete Feld"))
        if not isinstance(parent, DictionaryObject):
            raise _refuse(
                "the parent (/Parent) of a field is not a dictionary",
                "das übergeordnete Feld (/Parent) eines Feldes ist kein Wörterbuch",
            )
        key = _key(reference, parent)
        if key in seen:
            shown = ".".join(reversed(parts))
            raise _refuse(
                f"the /Parent chain of a widget loops (field '…{shown}')",
                f"die /Parent-Kette eines Widgets ist eine Schleife (Feld '…{shown}')",
            )
        seen.add(key)
        node = parent
    raise _refuse(
        f"fields are nested more than {MAX_FIELD_DEPTH} levels deep",
        f"Felder sind mehr als {MAX_FIELD_DEPTH} Ebenen tief verschachtelt",
    )


@dataclass
class FormTree:
    """What the form holds, checked: field names, their kind, and widgets per page."""

    names: set[str] = field(default_factory=set)
    """Every field's fully qualified name (terminal or not), as ``get_fields()`` gives."""
    kinds: dict[str, str] = field(default_factory=dict)
    """Field name → field type (``/Tx``, ``/Btn``, ``/Ch``, ``/Sig``), inherited."""
    signed: bool = False
    """Whether a signature field carries a value (a signature)."""
    pages: dict[int, list[str]] = field(default_factory=dict)
    """Page index → the names of the widgets on it."""


def read_form_tree(reader: PdfReader) -> FormTree:
    """Walk ``/AcroForm /Fields`` and every page's widgets; refuse a malformed form.

    Iterative with an explicit stack: no recursion, at most :data:`MAX_FORM_NODES`
    nodes, at most :data:`MAX_FIELD_DEPTH` levels, each node met once (a node met
    again is a cycle or a kid listed twice, both refused).
    """
    tree = FormTree()
    with pypdf_boundary():
        root = resolve(reader.trailer.raw_get("/Root"), ("the catalog", "der Katalog"))
    if not isinstance(root, DictionaryObject):
        raise _refuse("it has no catalog (/Root)", "es hat keinen Katalog (/Root)")
    _walk_fields(root, tree)
    _walk_widgets(reader, tree)
    return tree


def _walk_fields(root: DictionaryObject, tree: FormTree) -> None:
    acroform = resolve(root.get("/AcroForm"), ("/AcroForm", "/AcroForm"))
    if acroform is None:
        return
    if not isinstance(acroform, DictionaryObject):
        raise _refuse("/AcroForm is not a dictionary", "/AcroForm ist kein Wörterbuch")
    fields = resolve(acroform.get("/Fields"), ("/Fields", "/Fields"))
    if fields is None:
        return
    if not isinstance(fields, ArrayObject):
        raise _refuse("/AcroForm /Fields is not an array", "/AcroForm /Fields ist kein Array")
    seen: set[tuple[int, int] | int] = set()
    # (reference or object, parent's qualified name, parent's field type, depth)
    stack: list[tuple[Any, str, str | None, int]] = [(f, "", None, 1) for f in reversed(fields)]
    while stack:
        reference, parent, inherited, depth = stack.pop()
        where = f"'{parent}'" if parent else "/Fields"
        what = (f"a field under {where}", f"ein Feld unter {where}")
        node = resolve(reference, what)
        if not isinstance(node, DictionaryObject):
            raise _refuse(f"{what[0]} is not a dictionary", f"{what[1]} ist kein Wörterbuch")
        key = _key(reference, node)
        if key in seen:
            raise _refuse(
                f"{what[0]} appears twice in the field tree (a /Kids loop, or a kid of two"
                " parents)",
                f"{what[1]} kommt zweimal im Feldbaum vor (eine /Kids-Schleife oder ein Kind"
                " zweier Eltern)",
            )
        seen.add(key)
        if len(seen) > MAX_FORM_NODES:
            raise _refuse(
                f"it has more than {MAX_FORM_NODES:,} fields and widgets",
                f"es hat mehr als {MAX_FORM_NODES:,} Felder und Widgets".replace(",", "."),
            )
        if depth > MAX_FIELD_DEPTH:
            raise _refuse(
                f"fields are nested more than {MAX_FIELD_DEPTH} levels deep",
                f"Felder sind mehr als {MAX_FIELD_DEPTH} Ebenen tief verschachtelt",
            )
        part = _name_part(node, what)
        name = f"{parent}.{part}" if parent and part is not None else (part or parent)
        kind = node.get("/FT")
        kind = str(kind) if isinstance(kind, NameObject) else inherited
        if part is not None:
            tree.names.add(name)
            if kind is not None:
                tree.kinds[name] = kind
            if kind == "/Sig":
                value = resolve(
                    node.get("/V"), (f"the value of '{name}'", f"der Wert von '{name}'")
                )
                tree.signed |= isinstance(value, DictionaryObject)  # a signature dictionary
        kids = resolve(node.get("/Kids"), (f"the /Kids of '{name}'", f"die /Kids von '{name}'"))
        if kids is None:
            continue
        if not isinstance(kids, ArrayObject):
            raise _refuse(
                f"the /Kids of field '{name}' are not an array",
                f"die /Kids des Feldes '{name}' sind kein Array",
            )
        if len(kids) > MAX_FORM_NODES:
            raise _refuse(
                f"field '{name}' has more than {MAX_FORM_NODES:,} kids",
                f"Feld '{name}' hat mehr als {MAX_FORM_NODES:,} Kinder".replace(",", "."),
            )
        stack.extend((kid, name, kind, depth + 1) for kid in reversed(kids))


def _walk_widgets(reader: PdfReader, tree: FormTree) -> None:
    """Every widget on every page: a sane ``/Rect`` and a name (pypdf reads both for
    every widget on a page it fills)."""
    count = 0
    with pypdf_boundary():
        pages = list(reader.pages)
    for index, page in enumerate(pages):
        annots = resolve(
            page.get("/Annots"),
            (f"the annotations of page {index + 1}", f"die Anmerkungen der Seite {index + 1}"),
        )
        if not isinstance(annots, ArrayObject):
            continue  # none, or not an array: no widgets pypdf could fill
        for entry in list(annots):
            count += 1
            if count > MAX_FORM_NODES:
                raise _refuse(
                    f"it has more than {MAX_FORM_NODES:,} annotations",
                    f"es hat mehr als {MAX_FORM_NODES:,} Anmerkungen".replace(",", "."),
                )
            what = (f"an annotation on page {index + 1}", f"eine Anmerkung auf Seite {index + 1}")
            annotation = resolve(entry, what)
            if not isinstance(annotation, DictionaryObject):
                continue  # a null or number in /Annots: left out on pages that are filled
            if annotation.get("/Subtype") != "/Widget":
                continue
            name = widget_name(annotation)
            _check_rect(annotation, name, index)
            tree.pages.setdefault(index, []).append(name)


MAX_COORDINATE = 1_000_000
"""Largest position a widget may have (PDF pages end at 14,400 units, 5 m)."""


def _check_rect(widget: DictionaryObject, name: str, page: int) -> None:
    what = (f"the /Rect of field '{name}'", f"das /Rect des Feldes '{name}'")
    rect = resolve(widget.get("/Rect"), what)
    values = [resolve(v, what) for v in rect] if isinstance(rect, ArrayObject) else []
    usable = len(values) == 4 and all(
        isinstance(v, NumberObject | FloatObject) and abs(float(v)) <= MAX_COORDINATE
        for v in values
    )
    if not usable:
        raise _refuse(
            f"the widget of field '{name}' on page {page + 1} has no usable position"
            f" (/Rect: four numbers within ±{MAX_COORDINATE:,})",
            f"das Widget des Feldes '{name}' auf Seite {page + 1} hat keine brauchbare"
            f" Position (/Rect: vier Zahlen innerhalb ±{MAX_COORDINATE:,})".replace(",", "."),
        )


def check_object_streams(reader: PdfReader) -> None:
    """Decode every object stream once, all together within :data:`MAX_DECODED_BYTES`.

    pypdf decodes an object stream when it first needs an object inside and keeps the
    result; a few hundred bytes of nested compression can stand for the per-stream
    limit, and a form with many such streams for gigabytes. Decoding them here, with a
    total, bounds what cloning the form later holds in memory.
    """
    streams = {number for number, _ in reader.xref_objStm.values()}
    if len(streams) > MAX_FORM_NODES:
        raise _refuse(
            f"it has more than {MAX_FORM_NODES:,} object streams",
            f"es hat mehr als {MAX_FORM_NODES:,} Objektströme".replace(",", "."),
        )
    total = 0
    for number in sorted(streams):
        with pypdf_boundary():
            stream = reader.get_object(number)
            size = len(stream.get_data()) if isinstance(stream, StreamObject) else 0
        total += size
        if total > MAX_DECODED_BYTES:
            raise _refuse(
                f"its object streams decompress to more than {MAX_DECODED_BYTES >> 20} MB"
                " (a decompression bomb?)",
                f"seine Objektströme entpacken zu mehr als {MAX_DECODED_BYTES >> 20} MB"
                " (eine Dekompressionsbombe?)",
            )
