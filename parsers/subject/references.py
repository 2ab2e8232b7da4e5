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
    """The parts after the first number (``DD``, ``IS`` of ``WCO/2025/DD-IS``); [] if too weak.

    A short code needs a letter and either two parts or four characters, so that ordinary
    words and bare numbers are not taken for references.
    """
    _, tail = _around_first_number(reference)
    joined = "".join(tail)
    has_letter = any(char.isalpha() for char in joined)
    return tail if has_letter and (len(tail) >= 2 or len(joined) >= 4) else []


def leading_code(reference: str) -> list[str]:
    """The folded words before the first number: the organisation's code (``wco``)."""
    head, _ = _around_first_number(reference)
    return [compact(part) for part in head if part.isalpha()]


def _around_first_number(reference: str) -> tuple[list[str], list[str]]:
    """The parts before and after the first number; ([], [last part]) without a number."""
    parts = _PART.findall(reference)
    for index, part in enumerate(parts):
        if part.isdigit():
            return parts[:index], parts[index + 1 :]
    return [], parts[-1:] if len(parts) > 1 else []


class ReferenceFinder:
    """Finds the configured references in a text; built once, used for many texts."""

    def __init__(self, references: Sequence[str]) -> None:
        shorts = {reference: short_code(reference) for reference in references}
        short_counts = Counter(compact("".join(parts)) for parts in shorts.values() if parts)
        self._by_form: dict[str, str] = {}
        full: list[list[str]] = []
        tight: list[list[str]] = []
        for reference in references:
            self._by_form[compact(reference)] = reference
            full.append(_PART.findall(reference))
            short = shorts[reference]
            if short and short_counts[compact("".join(short))] == 1:
                self._by_form.setdefault(compact("".join(short)), reference)
                tight.append(short)
        alternatives = "|".join(
            pattern
            for pattern in (_trie(full, _ANY_SEPARATOR), _trie(tight, _TIGHT_SEPARATOR))
            if pattern
        )
        alternatives = alternatives or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)

    def find(self, text: str) -> list[ReferenceMention]:
        """Every reference mentioned in ``text``, in order."""
        return list(self._mentions(self._pattern.finditer(text)))

    def _mentions(self, matches: Iterable[re.Match[str]]) -> Iterable[ReferenceMention]:
        for match in matches:
            reference = self._by_form.get(compact(match.group()))
            if reference is not None:
                yield ReferenceMention(reference, match.start(), match.end())


def _trie(sequences: Sequence[Sequence[str]], separator: str) -> str:
    """One pattern for part sequences sharing prefixes (``WCO 2025 (DD IS|HU NA)``): fast."""
    root: _Node = {}
    for parts in sequences:
        node = root
        for part in parts:
            node = node.setdefault(part.casefold(), {})
        node[_END] = {}
    return _node_pattern(root, separator)


_Node = dict[str, "_Node"]
_END = ""


def _node_pattern(node: _Node, separator: str) -> str:
    branches = []
    for part, child in sorted(node.items(), key=lambda item: -len(item[0])):
        if part == _END:
            continue
        rest = _node_pattern(child, separator)
        if not rest:
            branches.append(re.escape(part))
        else:
            optional = "?" if _END in child else ""
            branches.append(f"{re.escape(part)}(?:{separator}(?:{rest})){optional}")
    return "|".join(branches)
