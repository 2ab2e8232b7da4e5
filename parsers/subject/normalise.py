"""Cleaning and splitting: control characters out, whitespace collapsed, folded words."""

from __future__ import annotations

import re

from parsers.folding import fold

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")


def clean(text: str) -> str:
    """``text`` without control or invisible characters, its whitespace collapsed and trimmed."""
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The folded words of ``text``: letters and digits, every other character a separator."""
    if text.isascii() and text.isalnum():
        return [text.lower()]
    return [word for word in _NOT_ALNUM.split(fold(text)) if word]


def compact(text: str) -> str:
    """Folded letters and digits only: ``WCO/2025/DD-IS`` -> ``wco2025ddis``."""
    return "".join(words(text))
