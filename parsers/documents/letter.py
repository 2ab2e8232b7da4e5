"""Whether an email body is itself the motivation letter (the ``letter_in_body`` flag)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.documents import wordlists as words
from parsers.documents.features import MAX_CHARS, Side, read_content
from parsers.documents.letter_substance import read_substance
from parsers.folding import fold

#: A body that points to an attached letter must carry this much prose to be a letter itself.
MIN_PROSE_WORDS_WITH_ATTACHED_LETTER = 150
MIN_PROSE_LINE_WORDS = 5
_REPLY_START = re.compile(
    r"^(?:-- ?|-{3,}\s*original message\s*-{3,}|on .{4,200} wrote:|le .{4,200} a ecrit\s*:)\s*$",
    re.IGNORECASE,
)
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]+\s*){1,4}$")
REASONS = "reasons of the candidate's own (two sentences, one on experience or motivation)"
_LETTER_NOUN = re.compile(r"\b(?:letter|lettre|anschreiben|carta)\b")


@dataclass(frozen=True)
class LetterReading:
    """Whether the body is a motivation letter, and why (a short string HR can read)."""

    is_letter: bool
    reason: str


def body_is_letter(body_text: str) -> LetterReading:
    """A letter is addressed, about the vacancy, gives the candidate's reasons, and is signed.

    Length does not decide: four sentences can be a letter. Only a body that points to a
    letter attached must be long to count as a letter itself.
    """
    own = own_text(body_text[:MAX_CHARS])
    content = read_content(own)
    prose = prose_words(own)
    substance = read_substance(own)
    missing = [
        what
        for what, present in (
            *_length_needed(own, prose),
            ("a salutation", content.counts["salutation"] > 0),
            ("a signature", content.counts["closing formula"] > 0 or _ends_with_name(own)),
            ("motivation", content.says(Side.LETTER)),
            ("the vacancy", substance.about_vacancy),
            (REASONS, substance.gives_reasons),
        )
        if not present
    ]
    if missing:
        return LetterReading(False, "body lacks " + ", ".join(missing))
    return LetterReading(True, f"body is a letter: {prose} words, {content.evidence(Side.LETTER)}")


def own_text(body_text: str) -> str:
    """What the sender wrote: up to a signature separator or a quoted reply, no '>' lines."""
    kept: list[str] = []
    for line in body_text.replace("\r\n", "\n").split("\n"):
        if _REPLY_START.match(line.strip()) and kept:
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return "\n".join(kept).strip()


def prose_words(text: str) -> int:
    """Words on lines that read as sentences (at least ``MIN_PROSE_LINE_WORDS`` words)."""
    counts = (len(line.split()) for line in text.splitlines())
    return sum(count for count in counts if count >= MIN_PROSE_LINE_WORDS)


def _length_needed(text: str, prose: int) -> tuple[tuple[str, bool], ...]:
    """The one length test: a body pointing to an attached letter is a covering note unless
    it is as long as a letter itself."""
    folded = fold(text)
    points_to_attachment = words.ATTACHED_DOCUMENTS.search(folded) is not None
    if not (points_to_attachment and _LETTER_NOUN.search(folded)):
        return ()
    needed = MIN_PROSE_WORDS_WITH_ATTACHED_LETTER
    return ((f"{needed} words of prose (has {prose})", prose >= needed),)


def _ends_with_name(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and _NAME_LINE.match(lines[-1]) is not None
