"""Words of a subject with their places, and how strongly the gap between two words separates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from itertools import pairwise
from typing import NamedTuple

_SEPARATORS = r"\s,;:|/\\()\[\]{}<>\"«»“”„–—!?*+=#&~^%$@_•·…"
_EDGES = r"'’‘`´.\-‐‑"
# A word starts and ends with neither a separator nor an edge character (apostrophe, dot,
# hyphen); inside, anything but a separator. Combining marks (Devanagari, Arabic) stay in.
_WORD = re.compile(rf"[^{_SEPARATORS}{_EDGES}]+(?:[^{_SEPARATORS}]*[^{_SEPARATORS}{_EDGES}])?")
_STRONG = re.compile(r"[;:|/\\()\[\]{}<>\"«»“”„–—!?*+=#~^%$@_•·…]|(?:^|\s)[-‐‑]|[-‐‑](?:\s|$)")
_SOFT = re.compile(r"[,&.]")


class Gap(IntEnum):
    """How much the characters between two words separate them."""

    SPACE = 0
    SOFT = 1  # a comma, an ampersand or a full stop: inside a title or a name
    STRONG = 2  # a dash, a bar, a slash, a colon, a bracket: between parts of the subject


class Token(NamedTuple):
    """A word as written, without its trailing full stop, and its place in the text."""

    text: str
    start: int
    end: int  # past the trailing full stop, if there is one
    dotted: bool


def tokenize(text: str) -> list[Token]:
    """The words of ``text``: letters, digits, marks, inner apostrophes, hyphens and dots."""
    found: list[Token] = []
    for match in _WORD.finditer(text):
        word, end = match.group(), match.end()
        if word.isalnum() or any(char.isalnum() for char in word):
            dotted = text.startswith(".", end)
            found.append(Token(word, match.start(), end + dotted, dotted))
    return found


def gap(text: str, left: Token, right: Token) -> Gap:
    """How strongly the characters between ``left`` and ``right`` separate them."""
    between = text[left.end : right.start]
    if between == " " or not between.strip():
        return Gap.SPACE
    if _STRONG.search(between):
        return Gap.STRONG
    return Gap.SOFT if _SOFT.search(between) else Gap.STRONG


def gaps(text: str, tokens: Sequence[Token]) -> list[Gap]:
    """The gap after each token but the last: ``gaps[i]`` lies between tokens i and i + 1."""
    return [gap(text, left, right) for left, right in pairwise(tokens)]
