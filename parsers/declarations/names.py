"""The relative's name when given: "my brother, Jean Dupont," or "Jan de Vries (father)"."""

from __future__ import annotations

import re

from parsers.folding import fold

_LEAD = re.compile(
    r"[\s,(:\u2013\u2014-]*(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mme|Mlle|Madame|Monsieur|M)\.?\s+)?"
)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_TAIL = re.compile(r"[\s,(\u2013\u2014-]*(?:\b(?:is|est|was|are)\s*)?$")
_PARTICLE_WORDS = "de da del della der den di du dos das van von le la bin ben al el ibn y zu ter"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
_NOT_NAME_WORDS = """
    officer senior director technical head deputy assistant manager adviser advisor chief
    secretary analyst expert specialist attache programme program coordinator organization
    organisation secretariat directorate unit division department service office customs
    world finance procurement compliance facilitation capacity building legal human
    resources tariff trade the a an he she who which and i yes oui no non my mon ma mes his
    her their is works worked currently also both since in at for mr mrs ms dr directeur
    directrice chef conseiller conseillere administrateur administratrice fonctionnaire agent
    responsable direction il elle qui travaille brussels bruxelles belgium belgique staff
    member members spouse husband wife father mother son daughter brother sister partner
    relative none aucun aucune n a na yes finance hr it ict policy research
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_MAX_TOKENS = 5


def relative_name(sentence: str, start: int, end: int, excluded: frozenset[str]) -> str | None:
    """A name right after the family words at ``start:end``, else right before them."""
    return _after(sentence, end, excluded) or _before(sentence[:start], excluded)


def _after(sentence: str, end: int, excluded: frozenset[str]) -> str | None:
    lead = _LEAD.match(sentence, end)
    position = lead.end() if lead else end
    tokens: list[str] = []
    while len(tokens) < _MAX_TOKENS:
        token = _TOKEN.match(sentence, position)
        if token is None or not _fits(token.group(), excluded, bool(tokens)):
            break
        tokens.append(token.group())
        position = token.end()
        if not sentence.startswith(" ", position):
            break
        position += 1
    return _name(tokens, minimum=1)


def _before(head: str, excluded: frozenset[str]) -> str | None:
    tail = _TAIL.search(head)
    text = head[: tail.start()] if tail else head
    tokens: list[str] = []
    for word in reversed(text.split(" ")[-_MAX_TOKENS:]):
        if not _TOKEN.fullmatch(word) or not _fits(word, excluded, True):
            break
        tokens.insert(0, word)
    while tokens and tokens[0] in _PARTICLES:
        tokens.pop(0)
    return _name(tokens, minimum=2)


def _fits(token: str, excluded: frozenset[str], inside: bool) -> bool:
    folded = fold(token)
    if folded in _NOT_NAMES or folded in excluded:
        return False
    if token in _PARTICLES:
        return inside
    return token[0].isupper() and not (token.isupper() and len(token) <= 3 and "-" not in token)


def _name(tokens: list[str], minimum: int) -> str | None:
    while tokens and tokens[-1] in _PARTICLES:
        tokens.pop()
    capitalised = [token for token in tokens if token[0].isupper()]
    return " ".join(tokens) if len(capitalised) >= minimum else None
