"""Fill third-party PDF forms from a programme, following a mapping file.

The mapping names, per form field, a *path* into the programme or its computed
values and the language to write it in. Values are formatted as the documents
format them (Babel). pypdf fills the fields and writes appearance streams, so every
viewer shows the values without relying on NeedAppearances; ``flatten`` turns them
into page content.
"""

from __future__ import annotations

import difflib
import io
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

from handlungsprogramm.compose.values import Amount, Country, in_words
from handlungsprogramm.errors import OutputExistsError, PdfError, ProgrammeLoadError
from handlungsprogramm.fingerprint import fingerprint
from handlungsprogramm.i18n.messages import Lang
from handlungsprogramm.input_files import read_reason, read_regular
from handlungsprogramm.loading import Format, read_data, validate_data
from handlungsprogramm.model import Programme, Side, Text
from handlungsprogramm.model.base import Model
from handlungsprogramm.model.types import LanguageCode
from handlungsprogramm.pdf.formtree import (
    FormTree,
    append_only_contents,
    check_object_streams,
    open_form,
    pdf_limits,
    pypdf_boundary,
    read_form_tree,
    widget_name,
)
from handlungsprogramm.totals import compute_totals

__all__ = ["FieldMapping", "FormMapping", "fill_form", "load_mapping", "resolve", "value_paths"]


class FieldMapping(Model):
    """Where one form field's value comes from."""

    path: str = Field(min_length=1)
    """A dotted path, e.g. `partnership.partner.name` or `totals.money.EUR`."""
    lang: LanguageCode = "de"
    """The language to write texts, dates and amounts in."""


class FormMapping(Model):
    """A mapping file: form field name → source."""

    fields: dict[str, FieldMapping]
    """One entry per form field to fill."""


MAX_MAPPING_BYTES = 4 * 1024 * 1024
"""Largest mapping file (4 MiB; a mapping for a form of a thousand fields needs 60 KB)."""


def load_mapping(path: str | os.PathLike[str]) -> FormMapping:
    """Read a mapping file (YAML or JSON) and say exactly what is wrong with it.

    It is read like a programme, with the loader's guards: a regular file of at most
    4 MiB, UTF-8, nested at most 64 levels, aliases counted expanded. A mapping nested
    50,000 levels deep used to crash the process (SIGSEGV) in the YAML parser. Every
    mistake is a :class:`PdfError` naming the file, line and column, in English and
    German (the command's exit code 7, as for every other bad mapping).
    """
    path = Path(path)
    name = str(path)
    try:
        raw = read_regular(path, MAX_MAPPING_BYTES)
    except OSError as exc:
        raise PdfError("HP801", path=str(path), reason=read_reason(exc)) from None
    fmt: Format = "json" if path.suffix.lower() == ".json" else "yaml"
    try:
        data, source = read_data(raw, name=name, fmt=fmt, max_bytes=MAX_MAPPING_BYTES)
        if not isinstance(data, dict):
            raise PdfError("HP823", where=str(source.value(())))
        return validate_data(FormMapping, data, source)
    except ProgrammeLoadError as exc:
        raise PdfError("HP824", problems=(_problems(exc, "en"), _problems(exc, "de"))) from None


def _problems(exc: ProgrammeLoadError, lang: Lang) -> str:
    """Each problem of a mapping on a line: ``file:line:column: field: message``."""
    lines = []
    for problem in exc.problems:
        where = str(problem.location) if problem.location else "<mapping>"
        field = f" {problem.dotted_path}:" if problem.path else ""
        lines.append(f"{where}:{field} {problem.message(lang)}")
    return "\n".join(lines)


def _namespace(programme: Programme) -> dict[str, Any]:
    """The roots a path can start from: the model's fields and computed values."""
    totals = compute_totals(programme)
    roots: dict[str, Any] = {
        name: getattr(programme, name) for name in type(programme).model_fields
    }
    roots["signatories"] = {side.value: programme.signatory(side) for side in Side}
    roots["counts"] = {
        "fields_of_action": len(programme.fields_of_action),
        "strategic_objectives": sum(1 for _ in programme.iter_strategic()),
        "operational_objectives": sum(1 for _ in programme.iter_operational()),
        "measures": len(programme.measures),
    }
    roots["totals"] = {
        "money": {currency: Amount(t.total, currency) for currency, t in totals.money.items()}
    }
    roots["fingerprint"] = fingerprint(programme)
    return roots


def _children(value: Any) -> Mapping[str, Any]:
    if isinstance(value, Text):
        return {}
    if isinstance(value, BaseModel):
        children = {name: getattr(value, name) for name in type(value).model_fields}
        if "country" in children:
            children["country_name"] = Country(children["country"])
        return children
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    return {}


def resolve(programme: Programme, path: str) -> Any:
    """The value at ``path``; ``KeyError`` naming the valid continuations when unknown
    (its argument is the sentence in English and German, for ``HP827``)."""
    current: Any = _namespace(programme)
    done: list[str] = []
    for part in path.split("."):
        children = _children(current) if done else current
        if part not in children:
            options = sorted(children)
            close = difflib.get_close_matches(part, options, n=1)
            hint = (
                (f"; did you mean '{close[0]}'?", f"; gemeint: '{close[0]}'?")
                if close
                else ("", "")
            )
            where = ".".join(done)
            listed = ", ".join(options)
            raise KeyError(
                (
                    f"unknown path '{path}': no '{part}' under {where or 'the top level'}"
                    f"{hint[0]} (valid: {listed or 'nothing further'})",
                    f"unbekannter Pfad '{path}': kein '{part}' unter {where or 'der obersten Ebene'}"
                    f"{hint[1]} (gültig: {listed or 'nichts weiter'})",
                )
            )
        current = children[part]
        done.append(part)
    return current


format_value = in_words
"""A resolved value as the documents write it, in one language (kept for callers of
this name; :func:`handlungsprogramm.compose.values.in_words` is the one place)."""


def value_paths(programme: Programme, depth: int = 8) -> Iterator[str]:
    """Every path to a single value a mapping may use (lists by their first element)."""

    def walk(value: Any, prefix: str, level: int) -> Iterator[str]:
        children = _children(value) if prefix else value
        if not children:
            # an empty list or mapping holds no value to write into a field
            if value is not None and not isinstance(value, list | Mapping):
                yield prefix
            return
        if level > depth:
            return
        for name, child in children.items():
            if isinstance(value, list) and name != "0":
                continue
            yield from walk(child, f"{prefix}.{name}" if prefix else name, level + 1)

    yield from walk(_namespace(programme), "", 0)


def fill_form(
    form: bytes,
    programme: Programme,
    mapping: FormMapping,
    *,
    flatten: bool = False,
    force: bool = False,
) -> bytes:
    """Fill ``form``'s fields per ``mapping``; return the new PDF.

    A form that already carries signatures is refused (filling rewrites the file and
    would break them) unless ``force`` is given. A malformed form (loops in its field
    tree, names that are not text, widgets without a position, encryption,
    decompression bombs) is refused with a :class:`PdfError` before anything is
    written: see :mod:`handlungsprogramm.pdf.formtree`.
    """
    with pdf_limits():
        reader = open_form(form)
        check_object_streams(reader)
        tree = read_form_tree(reader)
        if tree.signed and not force:
            raise OutputExistsError("HP829")
        values = _values(tree, programme, mapping)
        with pypdf_boundary():
            return _write(reader, tree, values, flatten)


def _values(tree: FormTree, programme: Programme, mapping: FormMapping) -> dict[str, str]:
    """The text for each mapped field; unknown fields and signature fields refused."""
    unknown = sorted(set(mapping.fields) - tree.names)
    if unknown:
        listed = ", ".join(sorted(tree.names))
        known = (listed, listed) if listed else ("none", "keine")
        raise PdfError("HP825", unknown=", ".join(unknown), known=known)
    signatures = sorted(name for name in mapping.fields if tree.kinds.get(name) == "/Sig")
    if signatures:
        raise PdfError("HP826", fields=", ".join(signatures))
    values: dict[str, str] = {}
    for name, source in mapping.fields.items():
        try:
            # Forms use the standard PDF fonts (WinAnsi): the narrow no-break space that
            # French number formats use is not in it, the ordinary no-break space is.
            text = format_value(resolve(programme, source.path), source.lang)
            values[name] = text.replace("\u202f", "\u00a0")
        except KeyError as exc:
            raise PdfError("HP827", field=name, detail=exc.args[0]) from None
    return values


def _write(reader: PdfReader, tree: FormTree, values: dict[str, str], flatten: bool) -> bytes:
    """Clone the checked form, fill the pages that hold mapped widgets, write it."""
    writer = PdfWriter(clone_from=reader)
    writer.set_need_appearances_writer(False)
    written: set[str] = set()
    for index, page in enumerate(writer.pages):
        names = set(tree.pages.get(index, ())) & set(values)
        if not names:
            continue
        annots = _usable_annotations(page)
        filled = [
            (ref, widget) for ref, widget in annots
            if _is_widget(widget) and widget_name(widget) in names
        ]  # fmt: skip
        for _, widget in filled:
            _prepare_widget(widget, tree)
        if flatten:
            append_only_contents(page)
        writer.update_page_form_field_values(
            page, {name: values[name] for name in names}, auto_regenerate=False, flatten=flatten
        )
        written |= names
        if flatten:
            # their values are page content now; the widgets would draw them a second time
            gone = {id(widget) for _, widget in filled}
            page[NameObject("/Annots")] = ArrayObject(
                ref for ref, widget in annots if id(widget) not in gone
            )
    missing = sorted(set(values) - written)
    if missing:
        raise PdfError("HP828", fields=", ".join(missing))
    if flatten:  # the flattened fields leave the form; the others stay fillable
        _drop_flattened_fields(writer, written)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _usable_annotations(page: Any) -> list[tuple[Any, DictionaryObject]]:
    """The page's annotations that are dictionaries (reference, object), in order; a
    null or a number in ``/Annots`` (left by some editors) is dropped, as pypdf cannot
    skip it."""
    annots = page["/Annots"].get_object()
    kept = [(ref, ref.get_object()) for ref in annots]
    usable = [(ref, obj) for ref, obj in kept if isinstance(obj, DictionaryObject)]
    if len(usable) != len(kept):
        page[NameObject("/Annots")] = ArrayObject(ref for ref, _ in usable)
    return usable


def _is_widget(annotation: DictionaryObject) -> bool:
    return annotation.get("/Subtype") == "/Widget"


def _prepare_widget(widget: DictionaryObject, tree: FormTree) -> None:
    """Make a widget pypdf is about to fill fit for it: a text field's appearance that
    is not a stream is dropped (pypdf writes a new one, as for a field without any); a
    check box needs its appearance states."""
    name = widget_name(widget)
    appearance = widget.get("/AP")
    appearance = appearance.get_object() if appearance is not None else None
    if tree.kinds.get(name) == "/Btn":
        normal = appearance.get("/N") if isinstance(appearance, DictionaryObject) else None
        if not isinstance(normal.get_object() if normal is not None else None, DictionaryObject):
            raise PdfError(
                "HP820",
                detail=(
                    f"the check box '{name}' has no appearance states (/AP /N)",
                    f"das Kontrollkästchen '{name}' hat keine Darstellungen (/AP /N)",
                ),
            )
        return
    if appearance is None:
        return
    normal = appearance.get("/N") if isinstance(appearance, DictionaryObject) else None
    usable = isinstance(normal, IndirectObject) and isinstance(normal.get_object(), StreamObject)
    if not usable:
        del widget[NameObject("/AP")]


def _drop_flattened_fields(writer: PdfWriter, written: set[str]) -> None:
    acroform: Any = writer._root_object.get("/AcroForm")
    if acroform is None:
        return
    kept = ArrayObject(f for f in acroform["/Fields"] if _field_name(f) not in written)
    if kept:
        acroform[NameObject("/Fields")] = kept
    else:
        del writer._root_object["/AcroForm"]


def _field_name(field: Any) -> str:
    """A top-level field's name as the tree names it (its /T, or "" without one)."""
    node = field.get_object()
    return widget_name(node) if isinstance(node, DictionaryObject) else ""
