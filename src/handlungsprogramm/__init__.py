"""handlungsprogramm: joint programmes of action of municipal climate partnerships.

The data flow, each step callable on its own, in memory::

    load() / loads() / from_data()  →  Programme  →  check()  →  Report
    Programme  →  render_docx()  →  DocxResult  ·  render_pdf()  →  PDF bytes
    PDF bytes  →  sign_pdf()  →  signed PDF  →  verify_pdf()  →  [FieldReport]

Everything a host application needs is importable from here; the modules it lives in
(``handlungsprogramm.render.docx``, ``handlungsprogramm.pdf.signing``, …) stay importable
too. Every name is loaded on first use (:pep:`562`), so that ``import handlungsprogramm``
costs nothing and the command line pays only for what its command needs
(``--version`` nothing, ``check`` the model and the rules, never docxtpl,
matplotlib or pyHanko).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from handlungsprogramm._version import __version__

# Not lazy: importing the module ``handlungsprogramm.scaffold`` (as ``init`` does) would
# set the package's attribute of that name to the module, hiding the function. The
# module imports nothing heavy at its top.
from handlungsprogramm.scaffold import scaffold

if TYPE_CHECKING:  # what the lazy attributes below are, for mypy and IDEs
    from handlungsprogramm.build import BuildItem, Target, build_files, render_pdf
    from handlungsprogramm.checks import REGISTRY, Finding, Report, Rule, Severity, check
    from handlungsprogramm.errors import (
        ConversionError,
        HandlungsprogrammError,
        IncompleteProgrammeError,
        LoadProblem,
        OutputExistsError,
        PdfError,
        ProgrammeLoadError,
        SigningError,
        SofficeNotFoundError,
        TemplateError,
        WriteError,
    )
    from handlungsprogramm.loading import from_data, load, loads
    from handlungsprogramm.location import SourceLocation
    from handlungsprogramm.model import Programme, Text, YearMonth
    from handlungsprogramm.pdf.demo import DemoIdentity, make_demo_identity
    from handlungsprogramm.pdf.forms import FormMapping, fill_form, load_mapping
    from handlungsprogramm.pdf.signing import Level, Pkcs11Key, sign_pdf
    from handlungsprogramm.pdf.verification import FieldReport, verify_pdf
    from handlungsprogramm.render.docx import DocxResult, Mode, render_docx, write_docx
    from handlungsprogramm.render.writer import Layout
    from handlungsprogramm.schema import json_schema

_LAZY: dict[str, str] = {
    "REGISTRY": "handlungsprogramm.checks",
    "Finding": "handlungsprogramm.checks",
    "Report": "handlungsprogramm.checks",
    "Rule": "handlungsprogramm.checks",
    "Severity": "handlungsprogramm.checks",
    "check": "handlungsprogramm.checks",
    "ConversionError": "handlungsprogramm.errors",
    "HandlungsprogrammError": "handlungsprogramm.errors",
    "IncompleteProgrammeError": "handlungsprogramm.errors",
    "LoadProblem": "handlungsprogramm.errors",
    "OutputExistsError": "handlungsprogramm.errors",
    "WriteError": "handlungsprogramm.errors",
    "PdfError": "handlungsprogramm.errors",
    "ProgrammeLoadError": "handlungsprogramm.errors",
    "SigningError": "handlungsprogramm.errors",
    "SofficeNotFoundError": "handlungsprogramm.errors",
    "TemplateError": "handlungsprogramm.errors",
    "from_data": "handlungsprogramm.loading",
    "load": "handlungsprogramm.loading",
    "loads": "handlungsprogramm.loading",
    "SourceLocation": "handlungsprogramm.location",
    "Programme": "handlungsprogramm.model",
    "Text": "handlungsprogramm.model",
    "YearMonth": "handlungsprogramm.model",
    "json_schema": "handlungsprogramm.schema",
    "BuildItem": "handlungsprogramm.build",
    "DemoIdentity": "handlungsprogramm.pdf.demo",
    "DocxResult": "handlungsprogramm.render.docx",
    "FieldReport": "handlungsprogramm.pdf.verification",
    "FormMapping": "handlungsprogramm.pdf.forms",
    "Layout": "handlungsprogramm.options",
    "Mode": "handlungsprogramm.options",
    "Target": "handlungsprogramm.options",
    "build_files": "handlungsprogramm.build",
    "fill_form": "handlungsprogramm.pdf.forms",
    "load_mapping": "handlungsprogramm.pdf.forms",
    "make_demo_identity": "handlungsprogramm.pdf.demo",
    "render_docx": "handlungsprogramm.render.docx",
    "render_pdf": "handlungsprogramm.build",
    "sign_pdf": "handlungsprogramm.pdf.signing",
    "Level": "handlungsprogramm.options",
    "Pkcs11Key": "handlungsprogramm.pdf.keys",
    "verify_pdf": "handlungsprogramm.pdf.verification",
    "write_docx": "handlungsprogramm.render.docx",
}
"""Public names loaded on first access, and the module each one lives in."""

__all__ = [
    "REGISTRY",
    "BuildItem",
    "ConversionError",
    "DemoIdentity",
    "DocxResult",
    "FieldReport",
    "Finding",
    "FormMapping",
    "HandlungsprogrammError",
    "IncompleteProgrammeError",
    "Layout",
    "Level",
    "LoadProblem",
    "Mode",
    "OutputExistsError",
    "PdfError",
    "Pkcs11Key",
    "Programme",
    "ProgrammeLoadError",
    "Report",
    "Rule",
    "Severity",
    "SigningError",
    "SofficeNotFoundError",
    "SourceLocation",
    "Target",
    "TemplateError",
    "Text",
    "WriteError",
    "YearMonth",
    "__version__",
    "build_files",
    "check",
    "fill_form",
    "from_data",
    "json_schema",
    "load",
    "load_mapping",
    "loads",
    "make_demo_identity",
    "render_docx",
    "render_pdf",
    "scaffold",
    "sign_pdf",
    "verify_pdf",
    "write_docx",
]


if not TYPE_CHECKING:  # hidden from mypy, which then flags a misspelt name at the root

    def __getattr__(name: str) -> Any:
        """Import the module of a lazy public name on first access (:pep:`562`)."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}", name=name)
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # later accesses do not come here again
        return value


def __dir__() -> list[str]:
    """The module's names including the lazy ones not loaded yet (for ``dir()`` and IDEs)."""
    return sorted({*globals(), *_LAZY})
