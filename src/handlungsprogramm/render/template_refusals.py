"""The one way a template check refuses a template: by a message code of the catalogue.

The package checks in :mod:`.template_guard` and the content checks in
:mod:`.template_parts` refuse by code (``HP701``–``HP725``, worded in
:mod:`handlungsprogramm.i18n.catalogue.templates`); a ``(en, de)`` pair in the context
is picked per language there, and text from the package (part names, parser messages)
is made harmless for the terminal there, once.
"""

from __future__ import annotations

from typing import NoReturn

from handlungsprogramm.errors import TemplateError


def _refuse(name: str, code: str, /, **ctx: object) -> NoReturn:
    """Raise the refusal ``code`` for the template ``name``."""
    raise TemplateError(name, code, **ctx)
