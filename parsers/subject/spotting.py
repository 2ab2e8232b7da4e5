"""Which words of a subject are title words: sure matches, and weak ones that sit beside them."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.subject.lexicon import FILLER, TITLE_STOPWORDS
from parsers.subject.normalise import words
from parsers.subject.titles import TitleDecision, TitleIndex
from parsers.subject.tokens import Gap, Token
from parsers.subject.vocabulary import Strength, Vocabulary, WordMatch

_LONG_ENOUGH_ACROSS_COMMA = 4


class _Line:
    """The tokens of a text with what every step asks of them, computed once."""

    def __init__(self, tokens: Sequence[Token], gaps: Sequence[Gap]) -> None:
        self.tokens = tokens
        self.parts = [words(token.text) for token in tokens]
        self.stop = [all(part in TITLE_STOPWORDS for part in parts) for parts in self.parts]
        self.gaps = gaps

    def neighbour(self, index: int, step: int) -> tuple[int | None, Gap]:
        """The next token that way that is not a stop word, and the widest gap on the way."""
        widest = Gap.SPACE
        current = index
        while 0 <= current + step < len(self.tokens):
            widest = max(widest, self.gaps[min(current, current + step)])
            current += step
            if widest is Gap.STRONG:
                return None, widest
            if not self.stop[current]:
                return current, widest
        return None, widest


def read_title(
    tokens: Sequence[Token], gaps: Sequence[Gap], index: TitleIndex
) -> tuple[TitleDecision, set[int]]:
    """The vacancy the tokens name, and which tokens are its title (never part of a name).

    With a winner, only the tokens standing for its words are the title, so that a surname
    such as ``Head`` beside another vacancy's title stays a name; without one, every title
    word is. Small words between two title words (``of``, ``à la``) belong to the title.
    ``gaps[i]`` is the gap between tokens i and i + 1.
    """
    line = _Line(tokens, gaps)
    taken = _spot_title_words(line, index.vocabulary)
    decision = index.decide(frozenset().union(*taken))
    wanted = index.words_of(decision.vacancy) if decision.vacancy else None
    title = {i for i, found in enumerate(taken) if found and (wanted is None or found & wanted)}
    for i in range(len(tokens)):
        if line.stop[i] and all(line.neighbour(i, step)[0] in title for step in (-1, 1)):
            title.add(i)
    return decision, title


def _spot_title_words(line: _Line, vocabulary: Vocabulary) -> list[frozenset[str]]:
    """For each token, the title words it is taken for (empty when none).

    Sure matches always count. A weak match (``Unti``, ``Supp``, ``Dep``) counts only for a
    title word no sure match already covers, and only beside other title words: separated
    by spaces, or by a comma when it has four letters or more.
    """
    candidates = [
        _matches(parts, token.dotted, vocabulary)
        for parts, token in zip(line.parts, line.tokens, strict=True)
    ]
    taken = [
        frozenset(match.word for match in found if match.strength is Strength.STRONG)
        for found in candidates
    ]
    covered = set().union(*taken)
    changed = any(found and not strong for found, strong in zip(candidates, taken, strict=True))
    while changed:
        changed = False
        for index, found in enumerate(candidates):
            weak = frozenset(match.word for match in found if match.word not in covered)
            if taken[index] or not weak or not _anchored(line, candidates, taken, index):
                continue
            taken[index] = weak
            covered |= weak
            changed = True
    return taken


def _matches(parts: Sequence[str], dotted: bool, vocabulary: Vocabulary) -> list[WordMatch]:
    """What the parts of a token stand for; filler words (``application``) are not searched."""
    found: list[WordMatch] = []
    last = len(parts) - 1
    for position, part in enumerate(parts):
        if part in vocabulary or (part not in TITLE_STOPWORDS and part not in FILLER):
            found += vocabulary.matches(part, dotted=dotted and position == last)
    return found


def _anchored(
    line: _Line,
    candidates: Sequence[Sequence[WordMatch]],
    taken: Sequence[frozenset[str]],
    index: int,
) -> bool:
    long_enough = len(line.tokens[index].text) >= _LONG_ENOUGH_ACROSS_COMMA
    for step in (-1, 1):
        neighbour, widest = line.neighbour(index, step)
        if neighbour is None:
            continue
        if widest is Gap.SPACE and (taken[neighbour] or candidates[neighbour]):
            return True
        if widest is Gap.SOFT and long_enough and taken[neighbour]:
            return True
    return False
