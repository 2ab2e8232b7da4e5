"""Extracted text made tidy and bounded: no control characters, even whitespace, a length cap."""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.documents.model import DocumentStatus, Extraction, ExtractionLimits

_PAGE_BREAK = re.compile(r"\f")
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x0b\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SPACE_RUN = re.compile(r"[ \u00a0\u200b]+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_LEADING_SPACE = re.compile(r"\n[ ]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(raw: str, max_chars: int) -> tuple[str, bool]:
    """The text tidied and cut to ``max_chars``, and whether it had to be cut."""
    text = _PAGE_BREAK.sub("\n\n", raw[: max_chars * 2])
    text = _CONTROL.sub("", _LINE_BREAK.sub("\n", text))
    text = _SPACE_RUN.sub(" ", text)
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    text = _BLANK_LINES.sub("\n\n", _LEADING_SPACE.sub("\n", text)).strip()
    if len(text) <= max_chars:
        return text, len(raw) > max_chars * 2
    return text[:max_chars].rstrip(), True


def text_extraction(
    file_type: str,
    raw: str,
    limits: ExtractionLimits,
    *,
    pages: int | None = None,
    has_macros: bool = False,
    problems: Iterable[str | None] = (),
    status: DocumentStatus = DocumentStatus.OK,
) -> Extraction:
    """The Extraction of a document read to this raw text (``no_text`` when nothing is left)."""
    text, was_cut = clean_text(raw, limits.max_text_chars)
    notes = [problem for problem in problems if problem]
    if was_cut:
        notes.append(f"text cut at max_text_chars={limits.max_text_chars}")
    if not text:
        status = DocumentStatus.NO_TEXT
        notes.insert(0, "no text found")
    return Extraction(
        status=status,
        file_type=file_type,
        text=text,
        pages=pages,
        has_macros=has_macros,
        problem="; ".join(notes) or None,
    )
