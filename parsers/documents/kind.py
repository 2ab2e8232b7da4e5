"""What an attachment is (CV, motivation letter or other), from its filename and its text.

The filename decides when it names the document; otherwise the content features (see
``features.FEATURES``) do. Content overrides a filename only when it is strong (``STRONG``× a
side's threshold) and gives no support at all to what the filename claims: a "CV.pdf" holding a
letter with salutation, application phrase and closing and no CV section is a letter, but a
"CV.pdf" that merely opens with "Dear" stays a CV. A file named for one thing whose content is
also the other (a letter followed by a CV) serves as both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePath

from parsers.documents import wordlists as words
from parsers.documents.features import ContentReading, Side, read_content
from parsers.documents.model import DocumentKind
from parsers.folding import fold

_NAME = {Side.CV: "CV", Side.LETTER: "motivation letter", Side.OTHER: "other document"}


@dataclass(frozen=True)
class KindReading:
    """The kind to store, whether the file serves as a CV and/or a letter, and why."""

    kind: DocumentKind
    is_cv: bool
    is_letter: bool
    reason: str


def filename_sides(filename: str) -> set[Side]:
    """What the filename names: {CV}, {LETTER}, both, {OTHER}, or nothing (set())."""
    name = _filename_words(filename)
    rest = words.FILENAME_OTHER.sub(" ", name)
    named = {side for side, pattern in _FILENAME_PATTERNS if pattern.search(rest)}
    if rest != name:
        return set() if named else {Side.OTHER}
    return named


_FILENAME_PATTERNS = ((Side.CV, words.FILENAME_CV), (Side.LETTER, words.FILENAME_LETTER))


def _filename_words(filename: str) -> str:
    """The stem split into folded words: "JaneDoe_CV-2026(1).pdf" gives "jane doe cv"."""
    stem = PurePath(filename.replace("\\", "/")).stem
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", stem)
    return " ".join(re.split(r"[\W_\d]+", fold(stem))).strip()


def classify_document(filename: str, text: str) -> KindReading:
    """What this attachment is, whether it serves as CV and/or letter, and a reason HR can read."""
    claimed = filename_sides(filename)
    content = read_content(text)
    if not claimed and not text.strip():
        return _reading(False, False, "no text, and the filename says nothing")
    if not claimed:
        return _from_content(content)
    overriding = [side for side in Side if content.strongly(side) and side not in claimed]
    if overriding and not any(content.says(side) for side in claimed):
        reading = _from_content(content)
        reason = f"content overrides filename ({_names(claimed)}): {reading.reason}"
        return replace(reading, reason=reason)
    return _from_filename(claimed, content)


def _from_filename(claimed: set[Side], content: ContentReading) -> KindReading:
    reason = f"filename says {_names(claimed)}"
    if Side.OTHER in claimed:
        return KindReading(DocumentKind.OTHER, False, False, reason)
    is_cv = Side.CV in claimed or content.says(Side.CV)
    is_letter = Side.LETTER in claimed or content.says(Side.LETTER)
    added = [side for side in (Side.CV, Side.LETTER) if side not in claimed and content.says(side)]
    if added:
        reason += f"; content also a {_names(set(added))}: {content.evidence(*added)}"
    return _reading(is_cv, is_letter, reason)


def _from_content(content: ContentReading) -> KindReading:
    is_cv, is_letter = content.says(Side.CV), content.says(Side.LETTER)
    sides = [side for side in Side if content.says(side)]
    if not sides:
        strongest = content.evidence(*Side) or "nothing recognisable"
        return _reading(False, False, f"content inconclusive ({strongest}), filename says nothing")
    return _reading(is_cv, is_letter, f"content: {content.evidence(*sides)}")


def _reading(is_cv: bool, is_letter: bool, reason: str) -> KindReading:
    if is_cv:
        kind = DocumentKind.CV
    elif is_letter:
        kind = DocumentKind.MOTIVATION_LETTER
    else:
        kind = DocumentKind.OTHER
    return KindReading(kind, is_cv, is_letter, reason)


def _names(sides: set[Side]) -> str:
    return " and ".join(_NAME[side] for side in Side if side in sides)
