"""Properties of loading: any text a user can type survives the round trip exactly."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from handlungsprogramm import ProgrammeLoadError, loads
from tests.conftest import complete_data

# pydantic trims the Unicode White_Space characters (Rust's trim), a narrower set than
# Python's str.strip(), which also removes the ASCII separators \x1c-\x1f.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + ("\u2028\u2029\u202f\u205f\u3000")
)
texts = st.text(min_size=1, max_size=200).filter(lambda s: s.strip(WHITE_SPACE) != "")


@settings(max_examples=60, deadline=None)
@given(de=texts, fr=texts)
def test_any_text_round_trips_through_json(de: str, fr: str) -> None:
    """Arbitrary Unicode in a title comes back exactly (whitespace trimmed) from JSON."""
    data = complete_data()
    data["title"] = {"de": de, "fr": fr}
    programme = loads(json.dumps(data), fmt="json")
    assert programme.title.root == {"de": de.strip(WHITE_SPACE), "fr": fr.strip(WHITE_SPACE)}


@settings(max_examples=60, deadline=None)
@given(name=texts)
def test_any_text_round_trips_through_yaml(name: str) -> None:
    """Arbitrary Unicode written by a YAML library loads as YAML reads it, or is located."""
    data = complete_data()
    data["partnership"]["partner"]["name"] = name
    buffer = io.StringIO()
    YAML().dump(data, buffer)
    try:
        programme = loads(buffer.getvalue())
    except ProgrammeLoadError as exc:
        problems = exc.problems
    else:
        # YAML itself folds some line-break characters (NEL, LS, PS) into spaces; the
        # loader must give exactly what YAML reads, trimmed.
        read = YAML(typ="safe").load(buffer.getvalue())["partnership"]["partner"]["name"]
        assert programme.partnership.partner.name == read.strip(WHITE_SPACE)
        return
    # Only characters YAML itself cannot carry, or a name too long after trimming,
    # may fail; and then with a location.
    assert all(p.location is not None for p in problems)
