"""The base class of every model: unknown keys are errors, so typos surface."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Model"]


class Model(BaseModel):
    """Strict about unknown keys, lenient about where values come from (YAML, JSON, code)."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
    )
