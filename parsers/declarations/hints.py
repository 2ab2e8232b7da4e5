"""Cheap tests run before any real work: without a word for a relative and a word for the
organisation, a text (or a line, or a sentence) cannot declare or deny anything."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from parsers.declarations.vocabulary import ENGLISH_WORDS, FRENCH_WORDS, STRICT_WORDS

_LETTERS = re.compile(r"[a-z]+")
_DOTTED = re.compile(r"(?<![a-z])(?:[a-z]\.\s?){2,6}")
_NOT_RELATIVE_WORDS = "and or et ou in law grand grands petit petite beau belle demi half"
_NOT_RELATIVES = frozenset(_NOT_RELATIVE_WORDS.split())
_GENERIC = (
    "relative relatives related family famille parente apparente apparentee apparentes "
    "apparentees proches married marie mariee maries mariees relation relations relationship "
    "relationships kinship lien liens"
)
_AMBIGUOUS = frozenset({*STRICT_WORDS, "son"})
_RELATIVE_WORDS = frozenset(
    {
        form
        for entry in (*ENGLISH_WORDS, *FRENCH_WORDS)
        for word in re.split(r"[\s-]+", entry)
        for form in (word, word + "s")
        if word not in _NOT_RELATIVES and word not in _AMBIGUOUS
    }
    | set(_GENERIC.split())
)
# Words that are relatives only after a determiner: "my partner", not "partner organisations".
_AMBIGUOUS_FOUND = re.compile(
    r"(?:partners?|parents?|child|children|sons?|femmes?|filles?|enfants?|compagnon|compagne|"
    r"partenaires?|fiancee?s?)\b"
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:my|your|our|a|an|the|no|any|one|mon|ma|mes|notre|nos|votre|vos|un|une|des|"
    r"aucun|de|la|le)\s+|\bd')(?:\w+\s+){0,2}$"
)
_ORGANISATION_WORDS = (
    "organization organisation organizations organisations staff secretariat personnel "
    "fonctionnaire fonctionnaires official officials employee employees agent agents"
)


def quick_fold(text: str) -> str:
    """Lower case ASCII letters of ``text``, accents dropped (for hints only: "œ" is "oe")."""
    lowered = text.lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    return unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")


class Hints:
    """The cheap test, with the organisation's own names among its words."""

    def __init__(self, organisation_terms: Sequence[str]) -> None:
        own = [
            max(_LETTERS.findall(quick_fold(term)), key=len, default="")
            for term in organisation_terms
        ]
        self._organisation = frozenset(_ORGANISATION_WORDS.split()) | set(filter(None, own))

    def family_words(self, text: str) -> frozenset[str]:
        """The words for relatives in ``text`` (folded), none when it never names the
        organisation: a line without one of them needs no reading."""
        folded = quick_fold(text)
        words = _words(folded)
        if words.isdisjoint(self._organisation):
            return frozenset()
        return frozenset(words & _RELATIVE_WORDS) | _determined(folded)

    def may_speak(self, text: str) -> bool:
        """Whether ``text`` has a relative and the organisation in it, as far as words tell."""
        folded = quick_fold(text)
        words = _words(folded)
        if words.isdisjoint(self._organisation):
            return False
        return not words.isdisjoint(_RELATIVE_WORDS) or bool(_determined(folded))


def _words(folded: str) -> set[str]:
    """The words of quick-folded text, acronyms written with dots ("w.c.o.") joined too."""
    words = set(_LETTERS.findall(folded))
    if "." in folded:
        words.update(dotted.group().replace(".", "").replace(" ", "")
                     for dotted in _DOTTED.finditer(folded))  # fmt: skip
    return words


def _determined(folded: str) -> frozenset[str]:
    """The ambiguous words of quick-folded text used as relatives: "my partner", "un parent"."""
    return frozenset(
        found.group()
        for found in _AMBIGUOUS_FOUND.finditer(folded)
        if not folded[found.start() - 1 : found.start()].isalpha()
        and _DETERMINER_BEFORE.search(folded, max(0, found.start() - 40), found.start())
    )
