"""A folded sentence with its marks: what the clause judge and the ties both read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parsers.declarations.folded import Folded
from parsers.declarations.marks import Marks, Span


@dataclass(frozen=True)
class Sentence:
    """A folded sentence with its marks, and the checks drawn from both."""

    folded: Folded
    marks: Marks

    def between(self, start: int, end: int) -> tuple[str, ...]:
        return self.folded.words_between(start, end)

    def clauses(self) -> Iterator[tuple[int, int]]:
        start = 0
        for boundary in self.marks.boundaries:
            yield start, boundary.start
            start = boundary.end
        yield start, len(self.folded.text)

    def has_span(self, spans: Sequence[Span], start: int, end: int) -> bool:
        return any(start <= span.start and span.end <= end for span in spans)
