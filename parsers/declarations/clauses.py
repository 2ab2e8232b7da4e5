"""One sentence's verdict: a relative tied to the organisation, a denial in scope, or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.declarations import cues
from parsers.declarations.marks import Family
from parsers.declarations.model import RelativesOutcome
from parsers.declarations.sentence import Sentence
from parsers.declarations.ties import named_before, place_reached
from parsers.declarations.vocabulary import RELATIVE

_MAX_NEGATION_REACH = 5
_PAST_REACH = 15
_THERE = frozenset({"there", "here", "y"})


@dataclass(frozen=True)
class Verdict:
    """What a sentence says; ``family`` is the relative a declaration names."""

    outcome: RelativesOutcome
    family: Family | None = None


def judge(sentence: Sentence) -> Verdict | None:
    """The sentence's verdict: DECLARED, DENIED, or None when it says neither."""
    denied = family_before = False
    for start, end in sentence.clauses():
        family = [mark for mark in sentence.marks.family if start <= mark.start < end]
        denials: list[Family] = []
        for mark in family:
            if negated(sentence, mark, start, end) or (denials and _included(sentence, mark)):
                denials.append(mark)
            elif _tied(sentence, mark, start, end):
                return Verdict(RelativesOutcome.DECLARED, _specific(sentence, mark, family))
        denied = denied or _denies(sentence, bool(denials), start, end)
        denied = denied or _denies(
            sentence, family_before and _referred(sentence, start, end), start, end
        )
        family_before = family_before or bool(family)
    if not denied:
        return None
    for mark in sentence.marks.family:
        if _excepted(sentence, mark):
            return Verdict(RelativesOutcome.DECLARED, mark)
    return Verdict(RelativesOutcome.DENIED)


def negated(sentence: Sentence, mark: Family, start: int, end: int) -> bool:
    """Whether a negation in the clause covers these family words ("no relative", "not
    related", "my relatives do not…", "aucun membre de ma famille")."""
    for negation in sentence.marks.negations:
        if not start <= negation.start < end:
            continue
        if mark.start <= negation.start < mark.end:
            return True
        if negation.end <= mark.start:
            gap = sentence.between(negation.end, mark.start)
        elif negation.start >= mark.end:
            gap = sentence.between(mark.end, negation.start)[: _MAX_NEGATION_REACH + 1]
        else:
            continue
        if len(gap) <= _MAX_NEGATION_REACH and all(word in cues.BRIDGES for word in gap):
            return True
    return False


def _denies(sentence: Sentence, negation: bool, start: int, end: int) -> bool:
    """Negated family words in a clause that names the organisation, or points back to it
    ("…the staff of the WCO, and no relative of mine works there")."""
    places = sentence.marks.places
    named = any(start <= place.start < end for place in places) or (
        bool(places) and not _THERE.isdisjoint(sentence.between(start, end))
    )
    return negation and named


def _referred(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the clause denies family words of an earlier one ("none of them")."""
    return any(start <= reference.start < end for reference in sentence.marks.references)


def _included(sentence: Sentence, mark: Family) -> bool:
    """Whether the family words are listed inside a negation ("including my husband")."""
    head = sentence.folded.text[max(0, mark.start - 20) : mark.start]
    return cues.INCLUSION.search(head) is not None


def _excepted(sentence: Sentence, mark: Family) -> bool:
    """Whether the family words follow an exception ("except my wife", "sauf mon frère")."""
    return any(
        exception.end <= mark.start and len(sentence.between(exception.end, mark.start)) <= 1
        for exception in sentence.marks.exceptions
    )


def _specific(sentence: Sentence, mark: Family, family: list[Family]) -> Family:
    """The decided family words, or a later specific relative for a generic one."""
    if mark.relation != RELATIVE:
        return mark
    later = [other for other in family if other.start > mark.start and other.relation != RELATIVE]
    return later[0] if later else mark


def _tied(sentence: Sentence, mark: Family, start: int, end: int) -> bool:
    """Whether the relative is tied to the organisation in this clause, now."""
    place_end = place_reached(sentence, mark, end) or named_before(sentence, mark, start)
    if place_end is None:
        return False
    reach = max(0, mark.start - _PAST_REACH)
    return not any(reach <= past.start < place_end for past in sentence.marks.past)
