"""The vacancy a letter or an email body names: in the sentence that applies, or by reference."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice

from parsers.subject.model import VacancyTerms
from parsers.subject.normalise import words
from parsers.subject.references import ReferenceFinder
from parsers.subject.spotting import read_title
from parsers.subject.titles import TitleIndex
from parsers.subject.tokens import gaps, tokenize

# A letter announces its application in its first sentences; a text that "applies" more often
# than this is not read further for announcements (whole titles and references still count).
MAX_ANNOUNCEMENTS = 20
# A bare title counts only in a letter's opening lines (its heading, "Subject: …"): further
# down, "I worked as Legal Officer at …" names a past job, not the vacancy applied for.
OPENING_LINES = 12
# "I am writing to apply for the position of …", "candidature au poste de …": the words
# after the trigger, up to the end of the sentence (a single line break does not end it).
_ANNOUNCEMENT = re.compile(
    r"""\b(?:apply(?:ing)?|applications?|candidacy|candidature|postuler|postule
        |(?:post|position|role|vacancy|poste|fonction|emploi)\s+(?:of|as|for|de|d'|d’|du)
        |interest(?:ed)?\s+in)\b
        (?P<rest>(?:[^.!?\n]|\n(?![ \t]*\n)){1,200})""",
    re.IGNORECASE | re.VERBOSE,
)


class TextScanner:
    """Finds the one vacancy a long text names clearly; built once per configuration."""

    def __init__(
        self, vacancies: Sequence[VacancyTerms], titles: TitleIndex, references: ReferenceFinder
    ) -> None:
        self._titles = titles
        self._references = references
        self._by_phrase: dict[str, set[str]] = {}
        for vacancy in vacancies:
            for title in (vacancy.title, *vacancy.aliases):
                phrase = " ".join(words(title))
                if phrase:
                    self._by_phrase.setdefault(phrase, set()).add(vacancy.reference)
        phrases = sorted(self._by_phrase, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, phrases)) or r"(?!x)x"
        self._phrases = re.compile(rf"\b(?:{alternatives})\b")

    def vacancy_in(self, text: str) -> str | None:
        """The reference of the one vacancy ``text`` names, else None.

        First what the text says outright: references, and the sentences that announce the
        application. Only when these name nothing, whole titles in the opening lines.
        """
        named = {mention.reference for mention in self._references.find(text)}
        named |= set(self._announced(text))
        if not named:
            found = self._phrases.finditer(" ".join(words(_opening(text))))
            named = {ref for match in found for ref in self._by_phrase[match.group()]}
        return named.pop() if len(named) == 1 else None

    def _announced(self, text: str) -> Iterable[str]:
        """Vacancies named by the first sentences that announce an application."""
        for match in islice(_ANNOUNCEMENT.finditer(text), MAX_ANNOUNCEMENTS):
            sentence = match.group("rest")
            tokens = tokenize(sentence)
            decision, _ = read_title(tokens, gaps(sentence, tokens), self._titles)
            if decision.vacancy is not None:
                yield decision.vacancy


def _opening(text: str) -> str:
    """The first ``OPENING_LINES`` lines that have something on them."""
    lines = (line for line in text.splitlines() if line.strip())
    return "\n".join(islice(lines, OPENING_LINES))
