"""Synthetic programmes of any size, made from the Pfinztal–Kidira example.

The example's 17 measures are repeated (with new codes, cycling through fields of
action, leads and currencies) until the wanted number is reached; everything else
stays as in the example, so a synthetic programme is complete and realistic in
shape: the same texts, Markdown, resources and milestones per measure as a real one.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pfinztal-kidira" / "programme.yaml"


def _example() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe", pure=True).load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def synthetic(measures: int, *, variant: int = 0) -> dict[str, Any]:
    """A complete programme with ``measures`` measures (``variant`` changes the names)."""
    data = _example()
    template = data["measures"]
    out = []
    for i in range(measures):
        measure = copy.deepcopy(template[i % len(template)])
        measure["code"] = f"M-{i + 1:04d}"
        if i >= len(template):
            for lang in measure["title"]:
                measure["title"][lang] = f"{measure['title'][lang]} ({i // len(template) + 1})"
        out.append(measure)
    data["measures"] = out
    if variant:
        data["partnership"]["german"]["name"] = f"Pfinztal {variant}"
        data["partnership"]["partner"]["name"] = f"Commune de Kidira {variant}"
    return data


def synthetic_yaml(measures: int, *, variant: int = 0) -> str:
    """The same as YAML text, in block style as people write it."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    buffer = io.StringIO()
    yaml.dump(synthetic(measures, variant=variant), buffer)
    return buffer.getvalue()


def write(folder: Path, measures: int, *, variant: int = 0) -> Path:
    """Write ``programme-<measures>[-<variant>].yaml`` into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"-{variant}" if variant else ""
    path = folder / f"programme-{measures}{suffix}.yaml"
    path.write_text(synthetic_yaml(measures, variant=variant), encoding="utf-8")
    return path
