"""Where a sentence names the organisation: configured names and acronyms, or generic terms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.declarations.cues import EVENT_NOUNS
from parsers.folding import fold

_OTHER_BODIES = (
    "of for de du des d' pour mondiale internationale international europeenne regionale "
    "africaine arabe maritime meteorologique panamericaine islamique intergouvernementale "
    "intergovernmental non"
)
_GENERIC = re.compile(
    r"(?<![\w-])(?:(?:the|this|your|cette|votre)\s+|l')organi[sz]ations?(?![\w-])"
    rf"(?!\s+(?:{'|'.join(_OTHER_BODIES.split())})(?![\w-]))"
)
# Staff terms name the organisation unless they point elsewhere ("staff member of a ministry").
_STAFF = re.compile(
    r"(?<![\w-])(?:staff\s+members?|members?\s+of\s+(?:the\s+|your\s+|its\s+)?staff|"
    r"on\s+(?:the|your|its)\s+staff|membres?\s+(?:du|de\s+votre)\s+personnel|"
    r"(?:fait|font)\s+partie\s+du\s+personnel|(?:the|your|this|le|votre|ce|au|du)\s+secretariat|"
    r"fonctionnaires?|officials?|employees?|agents?|(?:le|du|au)\s+personnel)(?![\w-])"
)
_NEEDS_OWNER = re.compile(r"fonctionnaires?|officials?|employees?|agents?|(?:le|du|au)\s+personnel")
_OWNER = re.compile(
    r"\s*(?:of|at|with|from|de|du|des|d'|chez|aupres\s+d(?:e|u|es|')|au|aux|a)(?![\w-])"
    r"\s*(?:the\s+|l'|la\s+|le\s+|les\s+|its\s+|your\s+|votre\s+)?"
)
_SECRETARIAT = re.compile(r"secretariat(?![\w-])")
_SPELLINGS = re.compile(r"organi[sz]ation")
_ACRONYM = re.compile(r"[a-z]{2,6}")
_NEXT_WORDS = re.compile(r"(?:'s)?\s+(\w+)(?:\s+(\w+))?")
# The organisation named as what its Members belong to, not as an employer: "a WCO Member
# administration", "a member (administration) of the WCO", "administration membre de l'OMD".
_MEMBER = frozenset({"member", "members", "membre", "membres"})
_MEMBER_OF = re.compile(
    r"(?<!staff\s)(?<![\w-])(?:members?|membres?)(?:\s+(?:administrations?|countr(?:y|ies)|"
    r"states?|governments?|econom(?:y|ies)|etats?|pays|customs|douanes?|des))*"
    r"\s+(?:of|de|du|des|d')\s*(?:the\s+|l'|la\s+|le\s+)?$"
)
# …unless what follows names its staff ("a member of the WCO Secretariat").
_ITS_STAFF = frozenset({"staff", "secretariat", "personnel", "team", "equipe"})


@dataclass(frozen=True)
class Place:
    """A span of folded text naming the organisation; ``staff`` when it says "its staff"."""

    start: int
    end: int
    staff: bool


class Organisation:
    """Finds the organisation in folded sentences, by its configured names and generic terms."""

    def __init__(self, terms: Sequence[str] = ()) -> None:
        names = sorted({" ".join(fold(term).split()) for term in terms if term.strip()}, key=len)
        alternatives = "|".join(_name_pattern(name) for name in names[::-1])
        self._names = (
            re.compile(rf"(?<![\w@.-])(?:{alternatives})(?![\w-]|\.\w)") if names else None
        )

    def places(self, text: str) -> list[Place]:
        """Every span naming the organisation, in order (events like "WCO conference" left out)."""
        bodies = [Place(m.start(), m.end(), False) for m in _GENERIC.finditer(text)]
        if self._names is not None:
            bodies += [Place(m.start(), m.end(), False) for m in self._names.finditer(text)]
        bodies = [
            place
            for place in bodies
            if not _is_event(text, place.end) and not _is_membership(text, place)
        ]
        starts = {place.start for place in bodies}
        staff = [
            Place(m.start(), m.end(), True)
            for m in _STAFF.finditer(text)
            if _owned_here(text, m.end(), starts, _NEEDS_OWNER.fullmatch(m.group()) is not None)
        ]
        return sorted(bodies + staff, key=lambda place: place.start)


def _name_pattern(name: str) -> str:
    """A configured name as a pattern: any spacing, either spelling of "organisation", and an
    acronym also written with dots ("W.C.O.")."""
    pattern = re.escape(name).replace(r"\ ", r"\s+")
    pattern = _SPELLINGS.sub("organi[sz]ation", pattern)
    if _ACRONYM.fullmatch(name):
        pattern += "|" + r"\.\s?".join(name) + r"\."
    return pattern


def _is_event(text: str, end: int) -> bool:
    """Whether the organisation's name qualifies an event or thing ("the WCO conference",
    "a WCO regional workshop")."""
    following = _NEXT_WORDS.match(text, end)
    return following is not None and not EVENT_NOUNS.isdisjoint(following.groups())


def _is_membership(text: str, place: Place) -> bool:
    """Whether the organisation is named as what its Members belong to (a relative in a
    member administration or a national customs service is no relative among its staff)."""
    following = _NEXT_WORDS.match(text, place.end)
    after = following.groups() if following else ()
    if after and after[0] in _MEMBER:
        return True
    before = _MEMBER_OF.search(text, max(0, place.start - 60), place.start)
    return before is not None and (not after or after[0] not in _ITS_STAFF)


def _owned_here(text: str, end: int, starts: set[int], needs_owner: bool) -> bool:
    """Whether a staff term belongs to the organisation: no owner named, or the organisation,
    or its Secretariat ("membre du personnel du Secrétariat (de l'OMD)")."""
    owner = _OWNER.match(text, end)
    if owner is None:
        return not needs_owner
    secretariat = _SECRETARIAT.match(text, owner.end())
    if secretariat is None:
        return any(end <= start <= owner.end() for start in starts)
    whose = _OWNER.match(text, secretariat.end())
    return whose is None or any(end <= start <= whose.end() for start in starts)
