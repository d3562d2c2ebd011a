"""The fast reader: libyaml's parse events straight into plain data and positions.

A module of its own because it is an optimisation with its own parser (libyaml in C):
only plain documents take this path; anything else raises :class:`_FallBack`, and the
round-trip reader in :mod:`.roundtrip`, whose counting it inherits, reads the text again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from handlungsprogramm.loading.roundtrip import _STR, _key_paths, _Normaliser, _number
from handlungsprogramm.location import Path


class _FallBack(Exception):  # noqa: N818 - a signal, not an error
    """The fast reader met something that only the round-trip reader handles."""


_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")
)


class _Resolver(VersionedResolver):
    """YAML 1.2 tag resolution for plain documents, without ruamel's per-scalar overhead.

    ruamel looks up the YAML version through several failing attribute accesses and
    rebuilds the candidate list for every scalar; behind the C parser that was half
    of the reading time. This resolver takes the YAML 1.2 table once and returns the
    shared default tag objects, so the reader can recognise plain text by identity.
    Documents with directives (``%YAML 1.1``) take the round-trip path instead.
    """

    @property
    def processing_version(self) -> Any:
        return (1, 2)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                table = self.__dict__.get("_hp_table")
                if table is None:
                    table = self.__dict__["_hp_table"] = self.versioned_resolver
                for tag, regexp in table.get(value[:1], ()):
                    if regexp.match(value):
                        return Tag(suffix=tag)
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


_TEXT_TAG = _Resolver.DEFAULT_SCALAR_TAG


class _FastReader(_Normaliser):
    """Read YAML through libyaml (ruamel.yaml.clib) into plain data and positions.

    ruamel's round-trip reader is pure Python and took 10 s for a 1,000-measure
    programme (2.4 MB). Here libyaml parses in C and this reader builds the data
    straight from its events, taking positions from the events' marks (the same marks
    the composed nodes would carry). Composing a node graph first cost several times
    the parse and, at 5,000 measures, 230 MB held at once. Only plain documents take
    this path: on a syntax error, a duplicate key, a merge or other non-text key, an
    explicit tag, an alias cycle or a second document it raises :class:`_FallBack`, and
    the round-trip reader (with its precise messages) reads the text again.
    """

    def read(self, text: str) -> object:
        if text.startswith("%") or "\n%" in text:
            raise _FallBack  # directives (%YAML 1.1, %TAG): the round-trip reader
        yaml = YAML(typ="safe", pure=False)
        yaml.Resolver = _Resolver
        self._scalars = yaml.constructor
        self._resolve = yaml.resolver.resolve
        self._anchors: dict[str, tuple[object, int, int, tuple[int, int]]] = {}
        events = _events(yaml, text)
        _next(events)  # the stream's start
        if isinstance(_next(events), StreamEndEvent):
            return None  # no document (comments only)
        root = _next(events)
        self.values[()] = (root.start_mark.line + 1, root.start_mark.column + 1)
        value = self._value(root, events, ())
        _next(events)  # the document's end
        if not isinstance(_next(events), StreamEndEvent):
            raise _FallBack  # a second document: the round-trip reader names it
        return value

    def _scalar(self, node: ScalarNode, path: Path) -> object:
        tag = node.tag
        if tag == _STR:
            return self._text(node.value, path)
        if tag not in _SCALAR_TAGS:
            raise _FallBack
        if tag.endswith((":float", ":int")):
            return _number(node.value, whole=tag.endswith(":int"))
        try:
            return self._scalars.construct_object(node)
        except (YAMLError, ValueError):
            raise _FallBack from None

    def _tag(self, event: Any) -> Any:
        """The tag YAML gives an untagged scalar (text, int, bool, …), as composing does."""
        if event.tag is not None:
            raise _FallBack  # explicit tags: the round-trip reader
        return self._resolve(ScalarNode, event.value, event.implicit)

    def _value(self, event: Any, events: Iterator[Any], path: Path) -> object:
        """The value that starts with ``event``; an alias gives its anchor's value again.

        An alias is counted at its expanded size (the alias-bomb guard), and one that
        points into a value still being read (a cycle) goes to the round-trip reader.
        """
        if isinstance(event, AliasEvent):
            self._depth(path)
            seen = self._anchors.get(event.anchor)
            if seen is None:
                raise _FallBack  # an alias to an enclosing value: a cycle
            value, size, chars, where = seen
            self._count(size, path, chars)
            self.values[path] = where  # where the value is written, as composing gives
            return value
        before, before_chars = self.total, self.chars
        value = self._build(event, events, path)
        if event.anchor is not None:
            mark = event.start_mark
            self._anchors[event.anchor] = (
                value,
                self.total - before,
                self.chars - before_chars,
                (mark.line + 1, mark.column + 1),
            )
        return value

    def _build(self, event: Any, events: Iterator[Any], path: Path) -> object:
        if isinstance(event, ScalarEvent):
            tag = self._tag(event)
            if tag is _TEXT_TAG:  # plain text, by far the most
                text = self._text(event.value, path)
                self._count(1, path, 1 + len(text))
                return text
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            value = self._scalar(node, path)
            self._count(1, path, 1 + len(event.value))  # as written: 0x10, ~, 1e3
            return value
        if event.tag is not None:
            raise _FallBack  # explicit tags: the round-trip reader
        self._depth(path)
        self._count(1, path, 1)
        if isinstance(event, SequenceStartEvent):
            items: list[object] = []
            while not isinstance(child := _next(events), SequenceEndEvent):
                child_path = (*path, len(items))
                mark = child.start_mark
                self.values.setdefault(child_path, (mark.line + 1, mark.column + 1))
                items.append(self._value(child, events, child_path))
            return items
        out: dict[str, object] = {}
        years = bool(path) and path[-1] == "by_year"  # `2026: 45000`, as the round trip
        while not isinstance(key_event := _next(events), MappingEndEvent):
            if not isinstance(key_event, ScalarEvent) or key_event.anchor is not None:
                raise _FallBack  # merge keys, non-text keys: the round-trip reader decides
            tag = self._tag(key_event)
            year = years and str(tag).endswith(":int") and key_event.value.isdigit()
            if tag is not _TEXT_TAG and not year:
                raise _FallBack  # merge keys, non-text keys: the round-trip reader decides
            key = key_event.value if year else self._text(key_event.value, path)
            if key in out:
                raise _FallBack  # duplicate key
            value_event = _next(events)
            child_path = (*path, int(key)) if year else (*path, key)
            km, vm = key_event.start_mark, value_event.start_mark
            for where in _key_paths(path, key, years):
                self.keys.setdefault(where, (km.line + 1, km.column + 1))
                self.values.setdefault(where, (vm.line + 1, vm.column + 1))
            self._count(0, child_path, len(key) + 2)
            out[key] = self._value(value_event, events, child_path)
        return out


def _next(events: Iterator[Any]) -> Any:
    """The next event; the parser always ends what it starts, so running out is a bug."""
    event = next(events, None)
    if event is None:  # pragma: no cover - libyaml ends every collection it starts
        raise _FallBack
    return event


def _events(yaml: YAML, text: str) -> Iterator[Any]:
    """libyaml's parse events; a syntax error means: let the round-trip reader explain."""
    parsed = iter(yaml.parse(text))
    while True:
        try:
            event = next(parsed)
        except StopIteration:
            return
        except (YAMLError, RecursionError, ValueError):
            raise _FallBack from None
        yield event
