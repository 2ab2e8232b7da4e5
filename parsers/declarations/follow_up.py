"""Declarations that take two sentences: a relative named, then "she/he works at the WCO".

"My sister works in the Finance directorate. She joined the WCO in 2019." names the relative
in one sentence and ties them to the organisation in the next, through a pronoun. The next
sentence is read again with the relative in the pronoun's place; the evidence keeps both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.declarations import cues
from parsers.declarations.folded import folded
from parsers.declarations.marks import find_marks
from parsers.declarations.organisation import Organisation

# A sentence that opens on a pronoun standing for the relative named just before.
_PRONOUN = re.compile(r"\s*(?:she|he|they|both\s+of\s+them|il|elle|ils|elles)(?![\w-])", re.I)


@dataclass(frozen=True)
class Antecedent:
    """The words naming a relative in a sentence that said nothing on its own."""

    sentence: str
    start: int
    end: int

    @property
    def relative(self) -> str:
        """The words naming the relative, as written."""
        return self.sentence[self.start : self.end]


def antecedent(sentence: str, organisation: Organisation) -> Antecedent | None:
    """The last relative the sentence names, unless the sentence negates or is in the past
    ("I have no relatives…", "My late father…")."""
    source = folded(sentence)
    marks = find_marks(source, organisation)
    if not marks.family or marks.negations or marks.past:
        return None
    last = marks.family[-1]
    start, end = source.original_offset(last.start), source.original_offset(last.end)
    return Antecedent(sentence, start, end)


def restated(previous: Antecedent, sentence: str) -> str | None:
    """``sentence`` with the relative in place of its opening pronoun; None without one."""
    pronoun = _PRONOUN.match(sentence)
    if pronoun is None or cues.NEGATION.search(folded(sentence).text):
        return None
    return previous.relative + sentence[pronoun.end() :]
