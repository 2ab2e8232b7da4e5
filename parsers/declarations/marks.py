"""The marks found in one folded sentence: relatives, the organisation, work, negation…"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.declarations import cues
from parsers.declarations.family import generic_matches
from parsers.declarations.folded import Folded
from parsers.declarations.organisation import Organisation, Place
from parsers.declarations.vocabulary import (
    ADJECTIVES,
    BARE_RELATION,
    RELATION_PATTERNS,
    RELATIVE,
    canonical,
)

_GENITIVE = re.compile(r"'s?(?![\w])")
_RELATIVE_OF_RELATIVE = re.compile(rf"'s?\s+(?:{ADJECTIVES})?(?:{BARE_RELATION.pattern})")
_FAMILY_OF = re.compile(r"\s*(?:of|de|d'|du|des)\s*(?:the\s+)?")


@dataclass(frozen=True)
class Span:
    """A stretch of the folded sentence."""

    start: int
    end: int


@dataclass(frozen=True)
class Family(Span):
    """Words for a relative; ``relation`` is canonical English ("relative" when generic)."""

    relation: str


@dataclass(frozen=True)
class Marks:
    """Everything a sentence's verdict is drawn from, each kind in order of position."""

    family: tuple[Family, ...]
    places: tuple[Place, ...]
    work: tuple[Span, ...]
    copulas: tuple[Span, ...]
    negations: tuple[Span, ...]
    references: tuple[Span, ...]
    exceptions: tuple[Span, ...]
    past: tuple[Span, ...]
    boundaries: tuple[Span, ...]


def find_marks(sentence: Folded, organisation: Organisation) -> Marks:
    """The marks of a folded sentence, the organisation found by ``organisation``."""
    text = sentence.text
    places = tuple(organisation.places(text))
    return Marks(
        family=_family(text, places),
        places=places,
        work=_spans(cues.WORK, text),
        copulas=_spans(cues.COPULA, text),
        negations=_spans(cues.NEGATION, text),
        references=_spans(cues.NEGATED_REFERENCE, text),
        exceptions=_spans(cues.EXCEPTION, text),
        past=_spans(cues.PAST, text),
        boundaries=_spans(cues.BOUNDARY, text),
    )


def _spans(pattern: re.Pattern[str], text: str) -> tuple[Span, ...]:
    return tuple(Span(match.start(), match.end()) for match in pattern.finditer(text))


def _family(text: str, places: tuple[Place, ...]) -> tuple[Family, ...]:
    """Relatives named in ``text``, the longest of overlapping ones, none that is someone
    else's ("my brother's colleague") or the organisation's ("the WCO family member")."""
    found = [
        _in_law(text, Family(match.start(), match.end(), canonical(match.group("word"))))
        for pattern in RELATION_PATTERNS
        for match in pattern.finditer(text)
    ]
    found += [
        Family(match.start(), match.end(), relation) for match, relation in generic_matches(text)
    ]
    found.sort(key=lambda mark: (mark.start, -mark.end))
    kept: list[Family] = []
    for mark in found:
        if kept and mark.start < kept[-1].end:
            if mark.relation != RELATIVE and kept[-1].relation == RELATIVE:
                kept[-1] = mark
            continue
        if not _belongs_elsewhere(text, mark, places):
            kept.append(mark)
    return tuple(kept)


def _in_law(text: str, mark: Family) -> Family:
    """ "my wife's brother" as one relative (an in-law), not my wife."""
    further = _RELATIVE_OF_RELATIVE.match(text, mark.end)
    return Family(mark.start, further.end(), RELATIVE) if further else mark


def _belongs_elsewhere(text: str, mark: Family, places: tuple[Place, ...]) -> bool:
    if _GENITIVE.match(text, mark.end):
        return True
    if any(
        place.end <= mark.start and not text[place.end : mark.start].strip() for place in places
    ):
        return True
    owner = _FAMILY_OF.match(text, mark.end)
    return owner is not None and any(
        mark.end <= place.start <= owner.end() and not place.staff for place in places
    )
