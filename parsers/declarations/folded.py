"""A sentence folded for matching, with the way back to the original characters and words."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.folding import fold

_WORD = re.compile(r"\w+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@dataclass(frozen=True)
class Folded:
    """``text`` is ``original`` folded; ``origin[i]`` is the original index of ``text[i]``."""

    original: str
    text: str
    origin: Sequence[int]
    starts: tuple[int, ...]
    words: tuple[str, ...]

    def word_index(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset`` of the folded text."""
        return bisect_left(self.starts, offset)

    def words_between(self, start: int, end: int) -> tuple[str, ...]:
        """The folded words wholly between two offsets of the folded text."""
        return self.words[self.word_index(start) : self.word_index(end)]

    def unknown_between(self, start: int, end: int, known: frozenset[str]) -> int:
        """How many words between two folded offsets are neither known, nor numbers, nor
        capitalised in the original (names of units: "the Compliance Directorate")."""
        first, last = self.word_index(start), self.word_index(end)
        return sum(
            not (self.words[i] in known or self.words[i].isdigit() or self._capitalised(i))
            for i in range(first, last)
        )

    def _capitalised(self, index: int) -> bool:
        return self.original[self.origin[self.starts[index]]].isupper()

    def original_offset(self, offset: int) -> int:
        """The original index for a folded offset (the end maps to the end)."""
        return self.origin[offset] if offset < len(self.text) else len(self.original)


def _ascii_fold(text: str) -> str:
    """What ``fold`` makes of ASCII text, one character for one."""
    return text.lower().replace("`", "'")


def folded(original: str) -> Folded:
    """``original`` folded (ASCII runs at once, other characters one by one), so that every
    folded index maps back to an original one."""
    if original.isascii():
        text = _ascii_fold(original)
        origin: Sequence[int] = range(len(original))
    else:
        pieces: list[str] = []
        origin = []
        done = 0
        for run in _NON_ASCII.finditer(original):
            pieces.append(_ascii_fold(original[done : run.start()]))
            origin.extend(range(done, run.start()))
            for index in range(run.start(), run.end()):
                piece = fold(original[index])
                pieces.append(piece)
                origin.extend([index] * len(piece))
            done = run.end()
        pieces.append(_ascii_fold(original[done:]))
        origin.extend(range(done, len(original)))
        text = "".join(pieces)
    found = list(_WORD.finditer(text))
    return Folded(
        original=original,
        text=text,
        origin=origin,
        starts=tuple(match.start() for match in found),
        words=tuple(match.group() for match in found),
    )
