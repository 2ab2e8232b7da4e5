"""Text cut into the lines and sentences the reader judges: wrapped lines joined, form rows
and CV lines kept apart, sentences split at full stops but not after "Mr." or "J."."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_BULLET = re.compile(r"\s*(?:[•·▪■◦●○*►>–—-]|\d{1,2}[.)])\s")
_LABELLED = re.compile(r"[^:?\t]{1,60}[:?]\s")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»')\]]*\s+")
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof st no nos vs etc e.g i.e eg ie mme mlle jr sr ca cf art p pp ref"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_MIN_WRAPPED = 40
_MAX_SENTENCE = 1200
_WINDOW = 600


def raw_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped of spaces (tabs kept: they part table cells)."""
    stripped = (line.strip(" \u00a0") for line in text.splitlines())
    return [line for line in stripped if line]


def logical_line(lines: Sequence[str], index: int) -> tuple[int, int]:
    """The span ``[start, end)`` of the logical line holding ``lines[index]``: hard-wrapped
    prose joined (PDF text puts blank lines inside paragraphs too); tab rows, bullets and
    "Label: value" lines stay alone."""
    start = end = index
    while start > 0 and _continues(lines[start - 1], lines[start]):
        start -= 1
    while end + 1 < len(lines) and _continues(lines[end], lines[end + 1]):
        end += 1
    return start, end + 1


def _continues(previous: str, line: str) -> bool:
    if "\t" in previous or "\t" in line or _BULLET.match(line):
        return False
    if previous[-1] in ".!?…:":
        return False
    if line[0].islower():
        return True
    wrapped = len(previous) >= _MIN_WRAPPED and (previous[-1].islower() or previous[-1] in ",;")
    return wrapped and not _LABELLED.match(previous) and not _LABELLED.match(line)


def sentences(line: str) -> Iterator[str]:
    """The sentences of one logical line (tab cells apart), over-long ones in windows."""
    for cell in line.split("\t"):
        for sentence in _split(cell):
            yield from _windows(sentence)


def _split(text: str) -> Iterator[str]:
    start = 0
    for end in _SENTENCE_END.finditer(text):
        following = text[end.end() : end.end() + 1]
        before = text[max(start, end.start() - 24) : end.start()].split()
        word = before[-1] if before else ""
        if not following or following.islower() or _abbreviated(word):
            continue
        yield text[start : end.end()].strip()
        start = end.end()
    if text[start:].strip():
        yield text[start:].strip()


def _abbreviated(word: str) -> bool:
    bare = word.lstrip("(\"'“«").lower()
    return bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha())


def _windows(sentence: str) -> Iterator[str]:
    """The sentence, or overlapping windows of it when it is too long to be one sentence."""
    if len(sentence) <= _MAX_SENTENCE:
        yield sentence
        return
    for start in range(0, len(sentence), _WINDOW):
        yield sentence[max(0, start - 100) : start + _WINDOW]
