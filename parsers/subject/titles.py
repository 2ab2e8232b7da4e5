"""Which vacancy a set of title words points to, or that it points to several equally."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from parsers.subject.lexicon import TITLE_STOPWORDS
from parsers.subject.model import VacancyTerms
from parsers.subject.normalise import words
from parsers.subject.vocabulary import Vocabulary

# Share of a title's words a subject must carry before it names that vacancy.
ACCEPT_COVERAGE = 0.5
# Below this share, words shared by several titles do not even make the subject ambiguous.
AMBIGUOUS_COVERAGE = 0.25
_REMEMBERED_DECISIONS = 4096


@dataclass(frozen=True)
class TitleDecision:
    """The vacancy the words name, or None and the vacancies they fit equally well."""

    vacancy: str | None = None
    ambiguous: tuple[str, ...] = ()


def title_words(title: str) -> frozenset[str]:
    """The meaningful folded words of a title (``of``, ``de``, ``la``… left out)."""
    return frozenset(word for word in words(title) if word not in TITLE_STOPWORDS)


class _Candidate(NamedTuple):
    """A vacancy some title words point to: how much of its best title they cover."""

    coverage: float
    seen: int
    reference: str


class TitleIndex:
    """The titles and aliases of every vacancy as word sets, built once per configuration."""

    def __init__(self, vacancies: Sequence[VacancyTerms]) -> None:
        self._words_of: dict[str, frozenset[str]] = {}
        self._sizes: dict[tuple[str, int], int] = {}
        places: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for vacancy in vacancies:
            variants = [title_words(title) for title in (vacancy.title, *vacancy.aliases)]
            self._words_of[vacancy.reference] = frozenset().union(*variants)
            for number, variant in enumerate(variants):
                self._sizes[vacancy.reference, number] = len(variant)
                for word in variant:
                    places[word].append((vacancy.reference, number))
        self._places = dict(places)
        self._references_of = {
            word: frozenset(reference for reference, _ in found) for word, found in places.items()
        }
        self.vocabulary = Vocabulary(self._places)
        # Subjects name the same few titles again and again: decisions are remembered by
        # the set of title words seen (names rarely add one), up to a bound.
        self._decided: dict[frozenset[str], TitleDecision] = {}

    def words_of(self, reference: str) -> frozenset[str]:
        """Every meaningful word of the vacancy's title and aliases."""
        return self._words_of.get(reference, frozenset())

    def decide(self, evidence: frozenset[str]) -> TitleDecision:
        """The vacancy ``evidence`` names: enough of its title, and more than of any other.

        The winner must cover at least half of one of its titles, more than any other
        vacancy covers (or as much, with fewer of the words seen: ``Technical Officer`` is not
        ``Legal Officer``), and its words seen must not all belong to another title too
        (unless the whole title was written): ``Programme Officer`` fits two titles, names none.
        """
        known = self._decided.get(evidence)
        if known is None:
            if len(self._decided) >= _REMEMBERED_DECISIONS:
                self._decided.clear()
            known = self._decided[evidence] = self._decide(evidence)
        return known

    def _decide(self, evidence: frozenset[str]) -> TitleDecision:
        candidates = self._candidates(evidence)
        if not candidates:
            return TitleDecision()
        leader, others = candidates[0], candidates[1:]
        seen = evidence & self._words_of[leader.reference]
        rivals = [
            other.reference
            for other in others
            if (
                other.coverage >= leader.coverage
                and not evidence & self._words_of[other.reference] < seen
            )
            or (leader.coverage < 1 and seen <= self._words_of[other.reference])
        ]
        if leader.coverage >= ACCEPT_COVERAGE and not rivals:
            return TitleDecision(vacancy=leader.reference)
        if rivals and leader.coverage >= AMBIGUOUS_COVERAGE:
            return TitleDecision(ambiguous=tuple(sorted([leader.reference, *rivals])))
        return TitleDecision()

    def _candidates(self, evidence: frozenset[str]) -> list[_Candidate]:
        """Every vacancy with a word in ``evidence``, the best covered first."""
        counts: dict[tuple[str, int], int] = {}
        seen: dict[str, int] = {}
        for word in evidence:
            for place in self._places.get(word, ()):
                counts[place] = counts.get(place, 0) + 1
            for reference in self._references_of.get(word, ()):
                seen[reference] = seen.get(reference, 0) + 1
        coverage: dict[str, float] = {}
        for (reference, number), count in counts.items():
            share = count / self._sizes[reference, number]
            if share > coverage.get(reference, 0.0):
                coverage[reference] = share
        ranked = [_Candidate(share, seen[ref], ref) for ref, share in coverage.items()]
        return sorted(ranked, reverse=True)
