"""How a relative is tied to the organisation: "my brother works at the WCO", "a staff member
is my sister", "my wife, a WCO official"; each tie ends at the organisation's name."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.declarations import cues
from parsers.declarations.marks import Family, Span
from parsers.declarations.organisation import Place
from parsers.declarations.sentence import Sentence

_MAX_DIRECT = 3
_MAX_TO_VERB = 10
_MAX_TO_PLACE = 18
_MAX_AFTER_COPULA = 4
_MAX_UNKNOWN = 2
_MAX_PLACE_TO_VERB = 12
_EMPLOYS = frozenset({"is", "are", "est", "sont", "employs", "emploie", "employ"})
_AND = frozenset({"and", "et"})


def place_reached(sentence: Sentence, mark: Family, end: int) -> int | None:
    """End of the organisation's name the relative is tied to, after the family words."""
    return (
        _direct(sentence, mark, end)
        or _through(sentence, mark, end, _verbs(sentence), _MAX_TO_PLACE, _MAX_UNKNOWN)
        or _through(sentence, mark, end, sentence.marks.copulas, _MAX_AFTER_COPULA, 0)
    )


def named_before(sentence: Sentence, mark: Family, start: int) -> int | None:
    """The end of the family words when the organisation comes first: "one of your staff
    members, Jean Dupont, is my brother", "the WCO employs my sister"."""
    index = sentence.folded.word_index(mark.start)
    if index == 0 or sentence.folded.words[index - 1] not in _EMPLOYS:
        return None
    verb_start = sentence.folded.starts[index - 1]
    for place in sentence.marks.places:
        if start <= place.start and place.end <= verb_start:
            gap = sentence.between(place.end, verb_start)
            if len(gap) <= _MAX_PLACE_TO_VERB and not _someone_else(gap):
                return mark.end
    return None


def _verbs(sentence: Sentence) -> list[Span | Place]:
    """Work words, and staff terms, which say both the work and the place ("staff member")."""
    staff = [place for place in sentence.marks.places if place.staff]
    return sorted([*sentence.marks.work, *staff], key=lambda span: span.start)


def _direct(sentence: Sentence, mark: Family, end: int) -> int | None:
    """ "my sister at the WCO", "my wife, a WCO official", "the son of a staff member"."""
    place = next((p for p in sentence.marks.places if mark.end <= p.start < end), None)
    if place is None:
        return None
    gap = sentence.between(mark.end, place.start)
    if len(gap) <= _MAX_DIRECT and all(word in cues.DIRECT_CONNECTORS for word in gap):
        return place.end
    return None


def _through(
    sentence: Sentence,
    mark: Family,
    end: int,
    verbs: Sequence[Span | Place],
    reach: int,
    unknown: int,
) -> int | None:
    """Through the first verb after the relative ("works", "is") to the organisation."""
    verb = next((v for v in verbs if mark.end <= v.start < end), None)
    if verb is None:
        return None
    gap = sentence.between(mark.end, verb.start)
    if len(gap) > _MAX_TO_VERB or _someone_else(gap) or (gap and gap[-1] == "to"):
        return None
    if sentence.has_span(sentence.marks.negations, mark.end, verb.start):
        return None
    if isinstance(verb, Place) and verb.staff:
        return verb.end
    return _place_after(sentence, verb.end, end, reach, unknown)


def _place_after(sentence: Sentence, start: int, end: int, reach: int, unknown: int) -> int | None:
    place = next((p for p in sentence.marks.places if start <= p.start < end), None)
    if place is None:
        return None
    gap = sentence.between(start, place.start)
    if len(gap) > reach or any(word in cues.PLACE_BLOCKERS for word in gap):
        return None
    if sentence.has_span(sentence.marks.negations, start, place.start):
        return None
    strangers = sentence.folded.unknown_between(start, place.start, cues.CONNECTORS)
    return place.end if strangers <= unknown else None


def _someone_else(gap: tuple[str, ...]) -> bool:
    """Whether another subject or object stands in between ("inspired me", "I"), "and I" aside."""
    return any(
        word in cues.SUBJECT_BLOCKERS and not (word == "i" and index and gap[index - 1] in _AND)
        for index, word in enumerate(gap)
    )
