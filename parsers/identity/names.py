"""Whether two written names can be one person's: accents, case, word order and initials aside.

``Jean-Pierre DUPONT``, ``Dupont, Jean-Pierre``, ``J.-P. Dupont`` and ``Jean Pierre Dupônt``
agree; ``Jean Dupont`` and ``Marie Dupont`` do not. A near-miss by a typing slip (``Mohamed``
and ``Mohammed``) is caught by ``rapidfuzz``'s token-sorted ratio, a fast, well-kept
Levenshtein implementation. Agreement is never enough alone to call two messages one person's:
the caller also needs an address, a phone number or a thread in common.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from parsers.folding import fold

_WORD = re.compile(r"[^\W\d_]+")
#: token_sort_ratio at or above which two full names are the same name misspelt.
SAME_NAME_SCORE = 90


def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, hyphenated parts apart: ``J.-P. Dupônt`` -> j, p, dupont."""
    return tuple(_WORD.findall(fold(name)))


def same_name(first: str | None, second: str | None) -> bool | None:
    """True when the names agree, False when they differ, None when either is unknown."""
    one, two = name_words(first or ""), name_words(second or "")
    if not one or not two:
        return None
    if sorted(one) == sorted(two):
        return True
    if _initials_agree(one, two) or _initials_agree(two, one):
        return True
    return fuzz.token_sort_ratio(" ".join(one), " ".join(two)) >= SAME_NAME_SCORE


def _initials_agree(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every word of ``short`` is a word of ``long`` or its initial, and one full word matches."""
    rest = list(long)
    full = 0
    for word in sorted(short, key=len, reverse=True):
        match = next((other for other in rest if other == word), None)
        if match is None and len(word) == 1:
            match = next((other for other in rest if other.startswith(word)), None)
        elif match is not None:
            full += 1
        if match is None:
            return False
        rest.remove(match)
    return full > 0
