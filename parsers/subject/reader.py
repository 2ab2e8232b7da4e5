"""The subject reader: a subject line in, the vacancy it names and the candidate's name out."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from parsers.subject.announcements import TextScanner
from parsers.subject.model import SubjectReading, VacancyTerms
from parsers.subject.names import pick_name
from parsers.subject.normalise import clean
from parsers.subject.prefixes import strip_prefixes
from parsers.subject.references import ReferenceFinder, ReferenceMention, leading_code
from parsers.subject.spotting import read_title
from parsers.subject.titles import TitleDecision, TitleIndex
from parsers.subject.tokens import Gap, Token, gaps, tokenize


class SubjectReader:
    """Reads subjects against the open vacancies; build it once per configuration."""

    def __init__(self, vacancies: Sequence[VacancyTerms]) -> None:
        references = [vacancy.reference for vacancy in vacancies]
        self._titles = TitleIndex(vacancies)
        self._references = ReferenceFinder(references)
        self._reference_words = frozenset(
            word for reference in references for word in leading_code(reference)
        )
        self._scanner = TextScanner(vacancies, self._titles, self._references)

    def read(self, subject: str) -> SubjectReading:
        """The vacancy and the candidate's name that ``subject`` carries."""
        # Underscores come from file names pasted as subjects (CV_John_Doe): spaces to a reader.
        text = strip_prefixes(clean(subject.replace("_", " ")))
        mentions = self._references.find(text)
        tokens = tokenize(text)
        between = gaps(text, tokens)
        decision, taken = self._title(tokens, between, mentions)
        vacancy, ambiguous = _combine(sorted({m.reference for m in mentions}), decision)
        name = pick_name(text, tokens, between, taken, self._reference_words)
        return SubjectReading(vacancy=vacancy, candidate_name=name, ambiguous=ambiguous)

    def _title(
        self, tokens: Sequence[Token], between: Sequence[Gap], mentions: list[ReferenceMention]
    ) -> tuple[TitleDecision, set[int]]:
        """The title's decision, and the tokens that are title or reference (not name)."""
        if not mentions:
            return read_title(tokens, between, self._titles)
        free = [i for i, token in enumerate(tokens) if not _inside(token.start, mentions)]
        decision, title = read_title(
            [tokens[i] for i in free], _gaps_between(free, between), self._titles
        )
        return decision, set(range(len(tokens))) - set(free) | {free[i] for i in title}

    def vacancy_in_text(self, text: str) -> str | None:
        """The one vacancy an email body or a letter names clearly, else None."""
        return self._scanner.vacancy_in(text)


def _gaps_between(kept: Sequence[int], between: Sequence[Gap]) -> list[Gap]:
    """The gaps between the ``kept`` tokens: strong where left-out tokens lay between."""
    return [between[left] if right == left + 1 else Gap.STRONG for left, right in pairwise(kept)]


def _inside(position: int, mentions: Sequence[ReferenceMention]) -> bool:
    return any(mention.start <= position < mention.end for mention in mentions)


def _combine(references: list[str], decision: TitleDecision) -> tuple[str | None, tuple[str, ...]]:
    """One reference wins unless the title clearly names another; two references are ambiguous."""
    if len(references) > 1:
        return None, tuple(references)
    if not references:
        return decision.vacancy, decision.ambiguous
    if decision.vacancy not in (None, references[0]):
        return None, tuple(sorted({references[0], decision.vacancy}))
    return references[0], ()
