"""Candidate text made fit for an outgoing header: decoded to the end, one line, no controls."""

from __future__ import annotations

import re
import unicodedata
from email import policy

from intake.acks.content import TEXT_LIMIT
from intake.terminal_text import DIRECTION_MARKS

# Each round decodes one layer of encoded words; real subjects need one, hostile ones a few.
_ROUNDS = 8
# Controls (C0, DEL, C1 with NEL), line and paragraph separators, lone surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})
# What is left of an encoded word no decoder took: broken up so that no reader decodes it later.
_ENCODED_WORD_START = re.compile(r"=\?")


def header_text(text: str | None, limit: int = TEXT_LIMIT) -> str:
    """Untrusted text as a header may carry it: encoded words decoded until nothing changes
    (by the ``email`` package's decoder, the one a header value goes through; the parsers
    decoded the stored text once already), every control, separator and direction mark made
    a space, white space collapsed, cut to ``limit`` characters.

    The ``email`` package decodes encoded words in a value it is given, so text that still
    held one after our decoding could become a line break inside the header (CVE-2024-6923):
    the result is a fixed point of that decoding, and a ``=?`` no decoder could read is
    written ``= ?``.
    """
    current = _one_line(text or "")
    for _ in range(_ROUNDS):
        decoded = _one_line(_stdlib_decoded(current))
        if decoded == current:
            break
        current = decoded
    current = _one_line(_ENCODED_WORD_START.sub("= ?", current))
    return current if len(current) <= limit else current[: limit - 1].rstrip() + "…"


def _stdlib_decoded(text: str) -> str:
    """The value the ``email`` package keeps when given ``text`` as an unstructured header."""
    return str(policy.SMTP.header_factory("Subject", text))


def _one_line(text: str) -> str:
    """Unsafe characters made spaces and runs of white space one space."""
    kept = "".join(" " if _unsafe(character) else character for character in text)
    return " ".join(kept.split())


def _unsafe(character: str) -> bool:
    return character in DIRECTION_MARKS or unicodedata.category(character) in _UNSAFE_CATEGORIES
