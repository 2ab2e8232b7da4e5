"""Content features of a CV, a letter or another document, with their weights in one table.

Each feature counts something in the folded text (capped), times its weight, for one side.
A side whose score reaches its ``THRESHOLD`` is what the content says; "other" must also
outweigh both cv and letter, so a reference letter (a letter in form) stays "other".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from parsers.documents import wordlists as words
from parsers.folding import fold


class Side(StrEnum):
    """What a content feature speaks for."""

    CV = "cv"
    LETTER = "letter"
    OTHER = "other"


@dataclass(frozen=True)
class Feature:
    """One named piece of evidence: its count (capped) times its weight adds to one side."""

    label: str
    side: Side
    weight: float
    cap: int
    count: Callable[[str], int]


def _distinct(pattern: re.Pattern[str]) -> Callable[[str], int]:
    return lambda folded: len({" ".join(match.split()) for match in pattern.findall(folded)})


def _every(pattern: re.Pattern[str]) -> Callable[[str], int]:
    return lambda folded: sum(1 for _ in pattern.finditer(folded))


def _about_someone_else(folded: str) -> int:
    """1 when third-person pronouns outnumber first-person ones by half again (and are many)."""
    third = len(words.THIRD_PERSON.findall(folded))
    first = len(words.FIRST_PERSON.findall(folded))
    return int(third >= 5 and third > 1.5 * first)


def _first_person_sentences(folded: str) -> int:
    """Sentences of eight words or more with "I", "my", "je", "ich"… in them: prose of one's own."""
    sentences = _SENTENCE_END.split(folded)
    return sum(1 for s in sentences if len(s.split()) >= 8 and words.FIRST_PERSON.search(s))


_SENTENCE_END = re.compile(r"[.!?;:]\s+|\n\s*\n")

FEATURES: tuple[Feature, ...] = (
    Feature("CV sections", Side.CV, 1.5, 6, _distinct(words.CV_SECTION)),
    Feature("date ranges", Side.CV, 1.0, 6, _every(words.DATE_RANGE)),
    Feature("salutation", Side.LETTER, 2.0, 1, _every(words.SALUTATION)),
    Feature("application phrase", Side.LETTER, 3.0, 2, _distinct(words.APPLICATION_PHRASE)),
    Feature("closing formula", Side.LETTER, 2.0, 1, _every(words.CLOSING)),
    Feature("first-person sentences", Side.LETTER, 0.5, 6, _first_person_sentences),
    Feature("motivation words", Side.LETTER, 0.3, 6, _distinct(words.MOTIVATION_WORD)),
    Feature("recommendation phrases", Side.OTHER, 4.0, 3, _distinct(words.RECOMMENDATION)),
    Feature("written about someone else", Side.OTHER, 5.0, 1, _about_someone_else),
    Feature("certificate/ID words", Side.OTHER, 1.5, 6, _distinct(words.CERTIFICATE)),
    Feature("machine-readable zone", Side.OTHER, 6.0, 1, _every(words.MACHINE_READABLE_ZONE)),
)
THRESHOLD = {Side.CV: 5.0, Side.LETTER: 5.5, Side.OTHER: 4.0}
STRONG = 2.0
#: What a CV or a letter says fits well within this; the rest of a huge text is not read.
MAX_CHARS = 100_000


@dataclass(frozen=True)
class ContentReading:
    """Scores per side and the features that produced them."""

    scores: dict[Side, float]
    found: dict[Side, list[str]]
    counts: dict[str, int]

    def says(self, side: Side) -> bool:
        """The side reaches its threshold (other must also outweigh cv and letter)."""
        score = self.scores[side]
        if side is Side.OTHER:
            return score >= THRESHOLD[side] and score >= max(self.scores.values())
        return score >= THRESHOLD[side] and not self.says(Side.OTHER)

    def strongly(self, side: Side) -> bool:
        return self.says(side) and self.scores[side] >= STRONG * THRESHOLD[side]

    def evidence(self, *sides: Side) -> str:
        return ", ".join(item for side in sides for item in self.found[side])


def read_content(text: str) -> ContentReading:
    """Score the first ``MAX_CHARS`` characters of the text on every feature."""
    folded = fold(text[:MAX_CHARS])
    scores = dict.fromkeys(Side, 0.0)
    found: dict[Side, list[str]] = {side: [] for side in Side}
    counts: dict[str, int] = {}
    for feature in FEATURES:
        count = counts[feature.label] = min(feature.count(folded), feature.cap)
        if count:
            scores[feature.side] += count * feature.weight
            found[feature.side].append(
                f"{count} {feature.label}" if feature.cap > 1 else feature.label
            )
    return ContentReading(scores, found, counts)
