"""Remove characters that XML 1.0 cannot hold, saying in which field they were.

Word documents are XML: a control character such as U+0001 in a user's text would
make the file unreadable. Such characters carry no meaning in a programme text, so
they are removed, and every field that lost one is reported.
"""

from __future__ import annotations

import re
from typing import Any

from handlungsprogramm.location import Path, format_path
from handlungsprogramm.model import Programme

__all__ = ["sanitize"]

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def sanitize(programme: Programme) -> tuple[Programme, list[str]]:
    """A copy of ``programme`` without XML-invalid characters, and the fields changed."""
    changed: list[str] = []

    def clean(value: Any, path: Path) -> Any:
        if isinstance(value, str):
            if _INVALID.search(value):
                changed.append(format_path(path))
                return _INVALID.sub("", value)
            return value
        if isinstance(value, dict):
            return {k: clean(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v, (*path, i)) for i, v in enumerate(value)]
        return value

    data = clean(programme.model_dump(mode="python"), ())
    if not changed:
        return programme, []
    cleaned = Programme.model_validate(data)
    cleaned.attach_source(programme.source, programme.base_dir)
    return cleaned, changed
