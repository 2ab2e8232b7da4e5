"""The language a document is written in (ISO 639-1), by py3langid on its wordy lines only."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

MIN_LETTERS = 40
MAX_CHARS = 20_000
#: A line is kept when at least this share of its non-space characters are letters.
MIN_LETTER_SHARE = 0.6
_NOISE_MARKS = ("@", "://", "www.")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when under ``MIN_LETTERS`` letters.

    CVs are lists of names, dates and addresses: lines that are mostly digits, symbols,
    e-mail addresses or URLs are dropped (as are such tokens in the lines kept), and all-caps
    lines are lowered so headings count as words. Every language of the model stays allowed,
    so a German CV comes out "de" and can be flagged as not in a required language.
    """
    wordy = _wordy_text(text[:MAX_CHARS])
    if len(_LETTER.findall(wordy)) < MIN_LETTERS:
        return None
    # The model also knows languages with only a three-letter code (pcm, bcl…): the contract
    # asks for ISO 639-1, so the likeliest language that has a two-letter code is given.
    for language, _score in _identifier().rank(wordy):
        if len(language) == 2:
            return str(language)
    return None


def _wordy_text(text: str) -> str:
    """The lines worth judging, without addresses, links and numbers; capitals lowered."""
    kept = []
    for line in text.splitlines():
        words = " ".join(token for token in line.split() if not _is_noise(token))
        if words and _letter_share(line) >= MIN_LETTER_SHARE:
            kept.append(words.lower() if words.isupper() else words)
    return "\n".join(kept)


def _is_noise(token: str) -> bool:
    """An e-mail address, a link, or anything with a digit in it (dates, phones, codes)."""
    return _DIGIT.search(token) is not None or any(mark in token for mark in _NOISE_MARKS)


def _letter_share(line: str) -> float:
    visible = "".join(line.split())
    return len(_LETTER.findall(visible)) / len(visible) if visible else 0.0


@cache
def _identifier() -> Any:
    """py3langid's model, loaded on first use and kept for the life of the process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)
