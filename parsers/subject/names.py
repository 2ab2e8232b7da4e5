"""The candidate's name: the words a subject has left once vacancy, reference and filler are out.

The name is kept as the candidate wrote it: spelling, capitals, word order and an inner comma
(``DOE, Jane`` stays ``DOE, Jane``); only whitespace is collapsed and the punctuation around it
stripped. A title of address in front (``Mr``, ``Dr``, ``Mme``) and a degree after (``PhD``) are
not part of the name.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from enum import Enum

from parsers.folding import fold
from parsers.subject.lexicon import (
    FILLER,
    FROM_CONTEXT,
    FROM_WORDS,
    HONORIFICS,
    JOB_WORDS,
    MONTHS,
    PARTICLES,
)
from parsers.subject.tokens import Gap, Token

MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 100
_FOLDED_JOB_WORDS = frozenset(map(fold, JOB_WORDS))
_ELISIONS = ("d'", "d’")


class Role(Enum):
    """What a token can be in a name."""

    NAME = "name"
    PARTICLE = "particle"
    FILLER = "filler"  # a filler word, unless a short one beside a name
    OTHER = "other"


def pick_name(
    text: str,
    tokens: Sequence[Token],
    gaps: Sequence[Gap],
    taken: Collection[int],
    filler: Collection[str],
) -> str | None:
    """The name among ``tokens`` once those ``taken`` (vacancy, reference) are left out.

    ``gaps[i]`` is the gap between tokens i and i + 1; ``filler`` holds extra folded words
    that are never a name (the organisation's code).
    """
    if any(token.text.startswith(_ELISIONS) for token in tokens):
        tokens = [_without_elision(tokens, gaps, index) for index in range(len(tokens))]
    roles = [_role(tokens, gaps, index, taken, filler) for index in range(len(tokens))]
    if Role.FILLER in roles:
        roles = [_short_word_in_name(tokens, gaps, roles, index) for index in range(len(tokens))]
    best: tuple[int, int] | None = None
    chosen: list[Token] = []
    writes_capitals = any(_capitalised_word(token.text) for token in tokens)
    for run in _runs(tokens, gaps, roles):
        score = _score(run, writes_capitals)
        if score is not None and (best is None or score > best):
            best, chosen = score, run
    if not chosen:
        return None
    end = chosen[-1].end - (chosen[-1].dotted and len(chosen[-1].text) > 1)
    return text[chosen[0].start : end]


def _without_elision(tokens: Sequence[Token], gaps: Sequence[Gap], index: int) -> Token:
    """``d'Amélie`` after ``Candidature`` is ``Amélie``; ``D'Souza`` stays whole."""
    token = tokens[index]
    if (
        token.text.startswith(_ELISIONS)
        and len(token.text) > 2
        and _after_from_context(tokens, gaps, index)
    ):
        return token._replace(text=token.text[2:], start=token.start + 2)
    return token


def _after_from_context(tokens: Sequence[Token], gaps: Sequence[Gap], index: int) -> bool:
    if index == 0 or gaps[index - 1] is not Gap.SPACE:
        return False
    return tokens[index - 1].text.casefold() in FROM_CONTEXT


def _role(
    tokens: Sequence[Token],
    gaps: Sequence[Gap],
    index: int,
    taken: Collection[int],
    filler: Collection[str],
) -> Role:
    if index in taken:
        return Role.OTHER
    lower = tokens[index].text.casefold()
    if _has_digit(lower) or fold(lower) in filler:
        return Role.OTHER
    if lower in FROM_WORDS and _after_from_context(tokens, gaps, index):
        return Role.OTHER
    if lower in PARTICLES:
        return Role.PARTICLE
    if lower in FILLER:
        return Role.FILLER
    if lower in MONTHS and _beside_number(tokens, index):
        return Role.OTHER
    return Role.NAME


def _short_word_in_name(
    tokens: Sequence[Token], gaps: Sequence[Gap], roles: Sequence[Role], index: int
) -> Role:
    """A capitalised filler of two letters beside a name is a name (Nguyễn Văn ``An``, ``Ma``)."""
    token = tokens[index]
    if roles[index] is not Role.FILLER:
        return roles[index]
    if len(token.text) <= 2 and token.text.istitle():
        before = index > 0 and roles[index - 1] is Role.NAME and gaps[index - 1] is Gap.SPACE
        after = index + 1 < len(tokens) and roles[index + 1] is Role.NAME
        if before or (after and gaps[index] is Gap.SPACE):
            return Role.NAME
    return Role.OTHER


def _capitalised_word(word: str) -> bool:
    """``Legal``, not ``WCO`` or ``2025``: a writer who capitalises words."""
    return word[:1].isupper() and any(char.islower() for char in word)


def _beside_number(tokens: Sequence[Token], index: int) -> bool:
    return any(_has_digit(token.text) for token in tokens[max(index - 1, 0) : index + 2])


def _has_digit(word: str) -> bool:
    return not word.isalpha() and any(char.isdigit() for char in word)


def _runs(tokens: Sequence[Token], gaps: Sequence[Gap], roles: Sequence[Role]) -> list[list[Token]]:
    """Groups of name words and particles not split by a dash, bar, bracket or other word."""
    runs: list[list[Token]] = []
    current: list[tuple[Token, Role]] = []
    for index, (token, role) in enumerate(zip(tokens, roles, strict=True)):
        ends = role is Role.OTHER or (index > 0 and gaps[index - 1] is Gap.STRONG)
        if ends and current:
            runs.append(_trimmed(current))
            current = []
        if role is not Role.OTHER:
            current.append((token, role))
    if current:
        runs.append(_trimmed(current))
    return [run for run in runs if run]


def _trimmed(run: list[tuple[Token, Role]]) -> list[Token]:
    """The run without a title of address in front and without particles at its end."""
    while run and _is_honorific(run[0][0], len(run)):
        run = run[1:]
    while run and run[-1][1] is Role.PARTICLE:
        run = run[:-1]
    return [token for token, _ in run]


def _is_honorific(token: Token, run_length: int) -> bool:
    lower = token.text.casefold()
    return lower in HONORIFICS or (lower == "m" and token.dotted and run_length >= 3)


def _score(run: Sequence[Token], writes_capitals: bool) -> tuple[int, int] | None:
    """How much ``run`` looks like a name: capitalised words first, then length; None if not.

    A run all in lower case is no name in a subject that capitalises other words ("please
    confirm receipt"): a name wrongly missing is flagged for HR, a wrong name is not.
    """
    if writes_capitals and all(token.text.islower() for token in run):
        return None
    if (
        len(run) > MAX_NAME_WORDS
        or run[-1].end - run[0].start > MAX_NAME_CHARS
        or any(fold(token.text) in _FOLDED_JOB_WORDS for token in run)
    ):
        return None
    if not any(char.isalpha() for token in run for char in token.text):
        return None
    capitalised = sum(1 for token in run if not token.text[0].islower())
    return capitalised, min(len(run), 4)
