"""The words of the vacancy titles, and which of them a written word may stand for (typos too)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from enum import IntEnum
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

_PREFIX_KEY = 3
_REMEMBERED_ANSWERS = 50_000


class Strength(IntEnum):
    """How sure a word match is: a weak one needs title words next to it to count."""

    WEAK = 1
    STRONG = 2


class WordMatch(NamedTuple):
    """A title word that a written word stands for."""

    word: str
    strength: Strength


class Vocabulary:
    """All title words, indexed by length and by first letters for cheap look-ups."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(words)
        by_length: dict[int, list[str]] = defaultdict(list)
        by_start: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self._words):
            by_length[len(word)].append(word)
            by_start[word[:_PREFIX_KEY]].append(word)
        longest = max(by_length, default=0)
        self._near_length = {
            length: tuple(
                word for near in _lengths_within_reach(length) for word in by_length.get(near, ())
            )
            for length in range(4, longest + 3)
        }
        self._by_start = dict(by_start)
        self._answers: dict[tuple[str, bool], tuple[WordMatch, ...]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def matches(self, written: str, dotted: bool) -> tuple[WordMatch, ...]:
        """The title words ``written`` (folded) may stand for; an exact match comes alone.

        Typos: one edit (a transposition counts as one) from five letters on, two from eight
        on; a four-letter word within one edit is a weak match. Abbreviations: a prefix of
        three letters or more, strong when it ends with a full stop (``Dep.``), else weak.
        Answers are remembered, up to a bound: title and filler words come back all the time.
        """
        known = self._answers.get((written, dotted))
        if known is None:
            if len(self._answers) >= _REMEMBERED_ANSWERS:
                self._answers.clear()
            known = self._answers[written, dotted] = self._look_up(written, dotted)
        return known

    def _look_up(self, written: str, dotted: bool) -> tuple[WordMatch, ...]:
        if written in self._words:
            return (WordMatch(written, Strength.STRONG),)
        if len(written) < _PREFIX_KEY or not written.isalpha():
            return ()
        found = self._typos(written)
        if found:
            return found
        strength = Strength.STRONG if dotted else Strength.WEAK
        return tuple(
            WordMatch(word, strength)
            for word in self._by_start.get(written[:_PREFIX_KEY], ())
            if len(word) > len(written) and word.startswith(written)
        )

    def _typos(self, written: str) -> tuple[WordMatch, ...]:
        choices = self._near_length.get(len(written))
        if not choices:
            return ()
        edits = _allowed_edits(len(written))
        near = process.extract(
            written, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
        )
        strength = Strength.STRONG if len(written) >= 5 else Strength.WEAK
        return tuple(WordMatch(word, strength) for word, _, _ in near if len(word) >= 4)


def _lengths_within_reach(length: int) -> range:
    edits = _allowed_edits(length)
    return range(length - edits, length + edits + 1)


def _allowed_edits(length: int) -> int:
    return 2 if length >= 8 else 1
