"""handlungsprogramm: joint programmes of action of municipal climate partnerships.

The data flow, each step callable on its own, in memory::

    load() / loads() / from_data()  →  Programme  →  check()  →  Report

Later stages (documents, PDF, signing) build on the same :class:`Programme`.
"""

from handlungsprogramm._version import __version__
from handlungsprogramm.checks import REGISTRY, Finding, Report, Rule, Severity, check
from handlungsprogramm.errors import (
    HandlungsprogrammError,
    LoadProblem,
    OutputExistsError,
    ProgrammeLoadError,
)
from handlungsprogramm.loading import from_data, load, loads
from handlungsprogramm.location import SourceLocation
from handlungsprogramm.model import Programme, Text, YearMonth
from handlungsprogramm.scaffold import scaffold
from handlungsprogramm.schema import json_schema

__all__ = [
    "REGISTRY",
    "Finding",
    "HandlungsprogrammError",
    "LoadProblem",
    "OutputExistsError",
    "Programme",
    "ProgrammeLoadError",
    "Report",
    "Rule",
    "Severity",
    "SourceLocation",
    "Text",
    "YearMonth",
    "__version__",
    "check",
    "from_data",
    "json_schema",
    "load",
    "loads",
    "scaffold",
]
