"""Words for relatives in English and French, folded, with the canonical English relation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

RELATIVE = "relative"

_CORE = {
    "spouse": "spouse", "husband": "husband", "wife": "wife", "wives": "wife",
    "father": "father", "mother": "mother", "son": "son", "daughter": "daughter",
    "brother": "brother", "sister": "sister", "sibling": "sibling",
    "brothers and sisters": "sibling", "brother or sister": "sibling",
}  # fmt: skip
_EXTENDED = (
    "uncle aunt cousin nephew niece grandfather grandmother grandparent grandson "
    "granddaughter grandchild grandchildren father-in-law mother-in-law brother-in-law "
    "sister-in-law son-in-law daughter-in-law parent-in-law stepfather stepmother stepson "
    "stepdaughter stepbrother stepsister half-brother half-sister"
)
_FRENCH_LOOSE = {
    "epoux": "husband", "epouse": "wife", "conjoint": "spouse", "conjointe": "spouse",
    "mari": "husband", "pere": "father", "mere": "mother", "fils": "son", "frere": "brother",
    "soeur": "sister", "freres et soeurs": "sibling", "frere ou soeur": "sibling",
    "concubin": "partner", "concubine": "partner",
}  # fmt: skip
_FRENCH_EXTENDED = (
    "oncle tante cousin cousine neveu niece grand-pere grand-mere grands-parents petit-fils "
    "petite-fille beau-pere belle-mere beau-frere belle-soeur beau-fils belle-fille gendre bru "
    "demi-frere demi-soeur"
)
_ENGLISH_STRICT = {
    "partner": "partner", "fiance": "partner", "fiancee": "partner", "parent": "parent",
    "child": "child", "children": "child",
}  # fmt: skip
_FRENCH_STRICT = {
    "femme": "wife", "compagnon": "partner", "compagne": "partner", "partenaire": "partner",
    "enfant": "child", "parent": "parent", "fiance": "partner", "fiancee": "partner",
    "fille": "daughter",
}  # fmt: skip

ENGLISH_WORDS: dict[str, str] = {**_CORE, **dict.fromkeys(_EXTENDED.split(), RELATIVE)}
FRENCH_WORDS: dict[str, str] = {
    **_FRENCH_LOOSE,
    **dict.fromkeys(_FRENCH_EXTENDED.split(), RELATIVE),
}
STRICT_WORDS: dict[str, str] = {**_ENGLISH_STRICT, **_FRENCH_STRICT}
ALL_WORDS: dict[str, str] = {**ENGLISH_WORDS, **FRENCH_WORDS, **STRICT_WORDS}

_ADJECTIVES = (
    "older younger elder eldest oldest youngest big little own twin only two three four dear "
    "civil domestic registered life common-law pacse pacsee "
    "beloved current close immediate direct other aine ainee cadet cadette jumeau jumelle grand "
    "grande petit petite cher chere deux trois proche proches autre"
)
ADJECTIVES = rf"(?:(?:{'|'.join(_ADJECTIVES.split())})\s+){{0,2}}"
_ENGLISH_POSSESSIVE = r"(?:(?:my|your)\s+)"
_ENGLISH_DETERMINER = r"(?:(?:my|your|our|a|an|the|no|any|one|every)\s+)"
_FRENCH_POSSESSIVE = r"(?:(?:mon|ma|mes|notre|nos|votre|vos)\s+)"
_FRENCH_DETERMINER = (
    r"(?:(?:mon|ma|mes|notre|nos|votre|vos|un|une|le|la|les|des|aucun|aucune|de)\s+|l'|d')"
)
_END = r"(?![\w-])"


def _alternatives(words: Iterable[str]) -> str:
    """Words (spaces as any whitespace, an optional plural s) longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") + "s?" for word in ordered)


def _relation_pattern(determiner: str, words: Mapping[str, str]) -> str:
    return rf"(?<![\w-]){determiner}{ADJECTIVES}(?P<word>{_alternatives(words)}){_END}"


def plural_free(word: str) -> str:
    """A matched relation word as its dictionary key: whitespace single, plural s dropped."""
    word = " ".join(word.split())
    if word in ALL_WORDS:
        return word
    for candidate in (word[:-1], word.replace("s ", " ", 1), word.replace("s-", "-", 1)):
        if candidate in ALL_WORDS:
            return candidate
    return word


def canonical(word: str) -> str:
    """The canonical English relation of a matched relation word."""
    return ALL_WORDS.get(plural_free(word), RELATIVE)


# "la fille d'un fonctionnaire": the daughter of, not a girl.
_DAUGHTER_OF = re.compile(r"(?<![\w-])(?:la|une|l'une)\s+(?P<word>filles?)(?=\s+d[eu']|\s+des\s)")
# Relations after a determiner: English words take English determiners, French ones French
# determiners (so the French possessive "son" and the English "a mere" are no relatives).
RELATION_PATTERNS = (
    *(
        re.compile(_relation_pattern(determiner, words))
        for determiner, words in (
            (_ENGLISH_DETERMINER, ENGLISH_WORDS),
            (_FRENCH_DETERMINER, FRENCH_WORDS),
            (_ENGLISH_POSSESSIVE, _ENGLISH_STRICT),
            (_FRENCH_POSSESSIVE, _FRENCH_STRICT),
        )
    ),
    _DAUGHTER_OF,
)
# Any relation word; alone, as in a form answer "Yes - brother (Jean Dupont)".
RELATION_WORDS = _alternatives(ALL_WORDS)
BARE_RELATION = re.compile(rf"(?<![\w-])(?P<word>{RELATION_WORDS}){_END}")
