"""The template context (moved to :mod:`handlungsprogramm.compose.context`; this path stays)."""

from handlungsprogramm.compose.context import CONTEXT_DOC, build_context, context_markdown

__all__ = ["CONTEXT_DOC", "build_context", "context_markdown"]
