"""The languages messages are written in, and how a wording in both is picked.

A module of its own, imported by the message catalogue, the loader's messages and the
exceptions alike, so none of them has to import another for these three names.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["LANGS", "Bilingual", "Lang", "pick"]

Lang = Literal["en", "de"]
LANGS: tuple[Lang, ...] = get_args(Lang)

Bilingual = tuple[str, str]
"""A wording in English and German, in the order of :data:`LANGS`."""


def pick(value: object, lang: Lang) -> object:
    """``value`` in ``lang`` if it is a wording in both languages (a pair of str), else as is.

    A message's context holds such pairs where a value itself is words (the system's
    reason for a failed read, what a path is instead of a file), so one exception
    renders in either language.
    """
    if isinstance(value, tuple) and len(value) == len(LANGS):
        pair: tuple[object, ...] = value
        if all(isinstance(v, str) for v in pair):
            return pair[LANGS.index(lang)]
    return value
