"""Vacancy references in text, however written: ``WCO/2025/DD-IS``, ``DD-IS``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from parsers.subject.normalise import compact

_PART = re.compile(r"[^\W_]+")
_ANY_SEPARATOR = r"[\W_]{0,3}"
_TIGHT_SEPARATOR = r"[-/_.]?"


class ReferenceMention(NamedTuple):
    """A reference found in a text, and where."""

    reference: str
    start: int
    end: int


def short_code(reference: str) -> list[str]:
    """The parts after the last number (``DD``, ``IS`` of ``WCO/2025/DD-IS``); [] if too weak.

    A short code needs a letter and either two parts or four characters, so that ordinary
    words and bare numbers are not taken for references.
    """
    parts = _PART.findall(reference)
    numbers = [index for index, part in enumerate(parts) if part.isdigit()]
    tail = parts[numbers[-1] + 1 :] if numbers else parts[-1:]
    if tail == parts:
        return []
    joined = "".join(tail)
    has_letter = any(char.isalpha() for char in joined)
    return tail if has_letter and (len(tail) >= 2 or len(joined) >= 4) else []


class ReferenceFinder:
    """Finds the configured references in a text; built once, used for many texts."""

    def __init__(self, references: Sequence[str]) -> None:
        shorts = {reference: short_code(reference) for reference in references}
        short_counts = Counter(compact("".join(parts)) for parts in shorts.values() if parts)
        self._by_form: dict[str, str] = {}
        patterns: list[str] = []
        for reference in references:
            self._by_form[compact(reference)] = reference
            patterns.append(_ANY_SEPARATOR.join(map(re.escape, _PART.findall(reference))))
            short = shorts[reference]
            if short and short_counts[compact("".join(short))] == 1:
                self._by_form.setdefault(compact("".join(short)), reference)
                patterns.append(_TIGHT_SEPARATOR.join(map(re.escape, short)))
        alternatives = "|".join(sorted(patterns, key=len, reverse=True)) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)

    def find(self, text: str) -> list[ReferenceMention]:
        """Every reference mentioned in ``text``, in order."""
        return list(self._mentions(self._pattern.finditer(text)))

    def _mentions(self, matches: Iterable[re.Match[str]]) -> Iterable[ReferenceMention]:
        for match in matches:
            reference = self._by_form.get(compact(match.group()))
            if reference is not None:
                yield ReferenceMention(reference, match.start(), match.end())
