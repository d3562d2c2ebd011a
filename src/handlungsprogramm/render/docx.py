"""Render a programme into a Word document with the standard or a custom template.

docxtpl fills the template; Jinja runs in a bounded ``SandboxedEnvironment``
(:mod:`~handlungsprogramm.render.sandbox`) with ``StrictUndefined`` and autoescaping,
so a template cannot reach Python internals nor run or grow without end, and user text
(``<``, ``&``, ``{{ }}``) always appears literally.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from collections.abc import Collection, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup, escape

from handlungsprogramm._gc import paused_gc
from handlungsprogramm._memory import give_back
from handlungsprogramm.checks import Report, check
from handlungsprogramm.compose.chapters import Composer
from handlungsprogramm.compose.context import build_context
from handlungsprogramm.compose.values import Bi, Values
from handlungsprogramm.errors import IncompleteProgrammeError, TemplateError
from handlungsprogramm.fingerprint import fingerprint, short_fingerprint
from handlungsprogramm.i18n.formatting import locale_for
from handlungsprogramm.model import Programme
from handlungsprogramm.naming import slugify
from handlungsprogramm.options import Mode
from handlungsprogramm.output import write_atomic
from handlungsprogramm.render.blocks import RowPacker
from handlungsprogramm.render.charts import Chart, start_charts
from handlungsprogramm.render.fields import settle_rendered_fields
from handlungsprogramm.render.fonts import embed_fonts as embed_text_font
from handlungsprogramm.render.package import write_package
from handlungsprogramm.render.sandbox import Sandbox
from handlungsprogramm.render.sanitize import sanitize
from handlungsprogramm.render.sections import Sections
from handlungsprogramm.render.spool import PictureSpool
from handlungsprogramm.render.styles import S
from handlungsprogramm.render.template_guard import check_template, read_template
from handlungsprogramm.render.writer import Layout, Writer
from handlungsprogramm.totals import Totals, compute_totals

__all__ = [
    "DocxResult",
    "Mode",
    "render_docx",
    "slug",
    "standard_template",
    "template_variables",
    "write_docx",
]


@dataclass(frozen=True, slots=True)
class DocxResult:
    """A rendered document and what went into it."""

    data: bytes
    draft: bool
    report: Report
    fingerprint: str
    warnings: tuple[str, ...]
    """Fields whose XML-invalid characters were removed."""


def standard_template() -> bytes:
    """The bytes of the standard template (inside the wheel, or in a source checkout)."""
    packaged = resources.files("handlungsprogramm") / "templates" / "standard.docx"
    if packaged.is_file():
        return packaged.read_bytes()
    source = Path(__file__).resolve().parents[3] / "templates" / "standard.docx"
    return source.read_bytes()


def slug(programme: Programme) -> str:
    """A file name from the partnership: ``pfinztal-commune-de-kidira``."""
    p = programme.partnership
    return slugify(f"{p.german.name}-{p.partner.name}")


_PLAIN = (
    dict, list, tuple, str, int, float, Decimal, bool, type(None), dt.date,
    jinja2.runtime.LoopContext, jinja2.utils.Namespace,
)  # fmt: skip
"""Types whose attributes a template may read: the context is plain data, and Jinja's
own loop variable (``loop.index``, ``loop.last``) and ``namespace()`` that templates
count with. Their underscore attributes stay closed, as everywhere in the sandbox."""


def _environment(template: str = "<template>") -> Sandbox:
    """The bounded, immutable sandbox for one rendering of ``template``.

    Immutable: a template cannot call list.clear() or dict.update() on the caller's data;
    bounded: it cannot run or grow without end (:mod:`~handlungsprogramm.render.sandbox`).
    """
    return Sandbox(
        template, _PLAIN, autoescape=True, undefined=jinja2.StrictUndefined, finalize=_literal
    )


def _literal(value: Any) -> Any:
    """What a template prints, escaped, with braces as character references.

    docxtpl rewrites ``{_{`` ``}_}`` ``{_%`` ``%_}`` (its escapes for template authors)
    in the whole rendered XML, so a title reading ``{_{`` came out as ``{{``. Written
    as ``&#123;``/``&#125;`` the braces of printed values are beyond that rewrite and
    read the same in Word. Ready-made markup (docxtpl's RichText, Listing) passes as is.
    """
    if hasattr(value, "__html__"):
        return value
    return escape(value).replace("{", Markup("&#123;")).replace("}", Markup("&#125;"))


def _open_template(template: bytes | str | os.PathLike[str] | None) -> tuple[DocxTemplate, str]:
    """The one place a template is opened: a custom one only after the template guard
    has passed it (size limits, no DTD, a real .docx), so no parser sees a hostile
    package. The standard template ships with the package and is trusted (a test
    keeps it passing the guard)."""
    if template is None:
        return DocxTemplate(io.BytesIO(standard_template())), "standard.docx"
    name = "<template>" if isinstance(template, bytes) else str(template)
    data = template if isinstance(template, bytes) else read_template(template)
    check_template(data, name)
    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.get_docx()
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for bad packages
        raise TemplateError(name, "HP726", detail=str(exc)) from None
    return tpl, name


def render_docx(
    programme: Programme,
    *,
    layout: Layout = Layout.SIDE_BY_SIDE,
    template: bytes | str | os.PathLike[str] | None = None,
    mode: Mode = Mode.AUTO,
    charts: bool = True,
    embed_fonts: bool = True,
    ignore: Collection[str] = (),
) -> DocxResult:
    """Render ``programme`` to a Word document in memory (bytes in ``.data``, nothing on disk).

    ``ignore`` names rules whose findings do not count (as ``check --ignore``): a
    deliberate exception, such as a measure that serves several fields on purpose,
    no longer keeps the document a draft, and is not listed in a draft's annex.

    ``embed_fonts`` embeds the template's text font (Noto Sans) in the Word file, so it
    keeps its lines on a computer without that font
    (:mod:`~handlungsprogramm.render.fonts`). Raises :class:`IncompleteProgrammeError` for ``Mode.FINAL`` with open errors and
    :class:`TemplateError` when the template cannot be used.
    """
    with paused_gc():
        return _render(programme, layout, template, mode, charts, embed_fonts, ignore)


def _render(
    programme: Programme,
    layout: Layout,
    template: bytes | str | os.PathLike[str] | None,
    mode: Mode,
    charts: bool,
    embed_fonts: bool,
    ignore: Collection[str] = (),
) -> DocxResult:
    # a document built as final (or left to decide) is held to the final rules: an
    # outdated translation (HP104) makes it a draft, as an error would
    report = check(programme, ignore=ignore, final=mode is not Mode.DRAFT)
    if mode is Mode.FINAL and not report.ok:
        raise IncompleteProgrammeError(len(report.errors))
    draft = mode is Mode.DRAFT or (mode is Mode.AUTO and not report.ok)
    clean, warnings = sanitize(programme)
    full = fingerprint(clean)
    give_back()  # the fingerprint's copy of the whole programme as text is freed
    data = _fill(clean, report, layout, template, draft, charts, full, embed_fonts)
    return DocxResult(data, draft, report, full, tuple(warnings))


def _fill(
    clean: Programme,
    report: Report,
    layout: Layout,
    template: bytes | str | os.PathLike[str] | None,
    draft: bool,
    charts: bool,
    full: str,
    embed_fonts: bool,
) -> bytes:
    """Render the template with the programme's blocks; the .docx bytes."""
    tpl, name = _open_template(template)
    totals = compute_totals(clean)
    # each chart is drawn when the template places it (with HANDLUNGSPROGRAMM_CHART_PROCESS=1
    # a helper process draws ahead meanwhile); leaving the block stops the helper
    drawn: AbstractContextManager[Mapping[str, Chart]] = (
        start_charts(clean, totals=totals) if charts else contextlib.nullcontext({})
    )
    with drawn as pictures:
        return _fill_with(tpl, name, clean, report, layout, draft, full, totals, pictures,
                          embed_fonts)  # fmt: skip


def _fill_with(tpl: DocxTemplate, name: str, clean: Programme, report: Report, layout: Layout,
               draft: bool, full: str, totals: Totals, pictures: Mapping[str, Chart],
               embed_fonts: bool) -> bytes:  # fmt: skip
    context = build_context(
        clean, totals, report, layout=layout.value, draft=draft, fingerprint=full,
        short=short_fingerprint(full),
    )  # fmt: skip
    composer = Composer(clean, totals, report, full, pictures)
    with contextlib.closing(PictureSpool()) as spool:
        blocks = Sections(tpl, composer, Writer(layout, spool, RowPacker())).lazy(
            draft=draft, template=name
        )
        context["blocks"] = blocks
        _clear_described_properties(tpl)
        _render_template(tpl, context, name)
        settle_rendered_fields(tpl.docx, name)  # Jinja may have written a field anew
        streams = blocks.splice(tpl.docx)
        _describe(tpl, clean, composer.v, full, draft=draft)
        if embed_fonts:
            embed_text_font(tpl.docx)
        give_back()  # the chapters' trees are text now; the package's bytes come next
        return write_package(tpl.docx, streams)  # what tpl.save() does, streams written in


def _render_template(tpl: DocxTemplate, context: dict[str, Any], name: str) -> None:
    """docxtpl renders the template in the sandbox; whatever goes wrong in a template
    becomes a :class:`TemplateError` that names it, never a traceback."""
    try:
        tpl.render(context, jinja_env=_environment(name), autoescape=True)
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(name, "HP740", detail=str(exc)) from None
    except jinja2.exceptions.UndefinedError as exc:
        raise TemplateError(name, "HP741", detail=str(exc)) from None
    except jinja2.exceptions.TemplateSyntaxError as exc:
        raise TemplateError(name, "HP742", detail=exc.message) from None
    except jinja2.exceptions.TemplateError as exc:
        raise TemplateError(name, "HP743", detail=str(exc)) from None
    except TemplateError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever an expression in a template raises
        raise TemplateError(name, "HP744", detail=f"{type(exc).__name__}: {exc}") from None


# LibreOffice (7.4) escapes XML characters twice when it writes the XMP packet, so
# "d'action" would read "d&apos;action" there while the Info dictionary keeps
# "d'action": a PDF/A violation. Metadata uses the typographic equivalents instead.
_META_CHARS = str.maketrans({"'": "’", '"': "”", "&": "+", "<": "‹", ">": "›"})


_CORE_LIMIT = 255
"""python-docx (and Word) take at most 255 characters per core property."""

_DESCRIBED = ("title", "author", "subject", "comments", "language")
"""Core properties that docxtpl renders and :func:`_describe` then sets from the programme."""


def _meta(text: str) -> str:
    """A property value: PDF/A-safe characters, shortened to what a property holds."""
    text = text.translate(_META_CHARS)
    return text if len(text) <= _CORE_LIMIT else text[: _CORE_LIMIT - 1] + "…"


def _keyword(phrase: str) -> str:
    """One keyword, its spaces no-break: LibreOffice splits the keywords of a .docx at
    spaces (and at ``,;:`` and tabs), which made "Conselho, Municipal, de, Maputo" of one
    name in the PDF. The conversion (``pdf/lo_macro.py``) turns them back into spaces."""
    return " ".join(phrase.replace("\u00ad", "").split()).replace(" ", "\u00a0")


def _clear_described_properties(tpl: DocxTemplate) -> None:
    """Empty the properties that :func:`_describe` sets, before docxtpl renders them.

    The standard template fills its title from ``{{ cover.title_de }}``; a title over
    255 characters then failed in docxtpl's rendering of the properties. The values are
    replaced by :func:`_describe` in any case.
    """
    props = tpl.get_docx().core_properties  # loaded once; render() keeps it
    for name in _DESCRIBED:
        setattr(props, name, "")


def build_time() -> dt.datetime:
    """When the document was made, for its properties: now, or ``SOURCE_DATE_EPOCH``
    (seconds since 1970, the reproducible-builds convention) when set, so that two builds
    of the same programme give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


def _describe(
    tpl: DocxTemplate, programme: Programme, values: Values, digest: str, *, draft: bool
) -> None:
    """Document properties and languages; LibreOffice carries them into the PDF.

    Title in both languages, both municipalities as authors, subject and keywords go
    to the core properties (PDF Info and XMP alike); the partner-language styles get
    the partner's language tag, so screen readers switch voice in the tagged PDF. A
    draft's keywords start with the draft marking (``Entwurf``): ``sign`` reads it there
    and refuses the draft, and a file manager shows it.
    """
    document = tpl.docx  # get_docx() would reload the unrendered template
    p = programme.partnership
    props = document.core_properties
    props.title = _meta(values.text(programme.title).joined())
    props.author = _meta(f"{p.german.name}; {p.partner.name}")
    action, partnership = (
        values.label("doc.programme_of_action"),
        values.label("doc.climate_partnership"),
    )
    subject = Bi(f"{action.de} – {partnership.de}", f"{action.partner} – {partnership.partner}")
    props.subject = _meta(subject.joined())
    marking = values.label("draft.marking")
    keywords = [marking.de, marking.partner] if draft else []
    keywords += [
        text
        for key in ("doc.climate_partnership", "pillar.mitigation", "pillar.adaptation")
        for text in (values.label(key).de, values.label(key).partner)
    ]
    keywords += [p.german.name, p.partner.name]
    # python-docx's keywords setter writes the element in a wrong namespace; set the
    # text of the core-properties element directly.
    core_ns = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    element = props._element.find(f"{{{core_ns}}}keywords")
    if element is None:
        element = etree.SubElement(props._element, f"{{{core_ns}}}keywords")
    element.text = _meta(", ".join(dict.fromkeys(map(_keyword, keywords))))
    now = build_time()
    props.created = props.modified = now
    props.comments = f"Version {programme.version} · SHA-256 {digest}"
    props.revision = 1
    props.language = "de-DE"
    partner_tag = locale_for(programme.partner_language, p.partner.country).replace("_", "-")
    for name, tag in ((S.BODY_PARTNER, partner_tag), (S.PARTNER, partner_tag),
                      (S.PARTNER_HEADER, partner_tag), ("Normal", "de-DE")):  # fmt: skip
        try:
            style = document.styles[name]
        except KeyError:
            continue  # a custom template without this style
        rpr = style.element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), tag)


def write_docx(
    programme: Programme,
    out_dir: str | os.PathLike[str],
    *,
    layout: Layout = Layout.SIDE_BY_SIDE,
    template: bytes | str | os.PathLike[str] | None = None,
    mode: Mode = Mode.AUTO,
    charts: bool = True,
    embed_fonts: bool = True,
) -> tuple[Path, DocxResult]:
    """Render and write ``<out_dir>/<slug>.docx`` atomically; a failed build writes nothing."""
    result = render_docx(
        programme, layout=layout, template=template, mode=mode, charts=charts,
        embed_fonts=embed_fonts,
    )  # fmt: skip
    path = write_atomic(Path(out_dir) / f"{slug(programme)}.docx", result.data)
    return path, result


def template_variables(template: bytes | str | os.PathLike[str]) -> set[str]:
    """Top-level variables the template uses that the context does not provide."""
    from handlungsprogramm.render.context import CONTEXT_DOC

    tpl, name = _open_template(template)
    try:
        used = tpl.get_undeclared_template_variables(_environment(name))
    except jinja2.exceptions.TemplateSyntaxError as exc:
        raise TemplateError(name, "HP742", detail=exc.message) from None
    return set(used) - set(CONTEXT_DOC) - {"blocks"}
