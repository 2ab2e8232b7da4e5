"""Makes text that came from strangers safe to print: no escape sequences, controls or line
breaks of their own, so a hostile subject cannot clear, retitle or rewrite HR's terminal."""

from __future__ import annotations

import re
import shutil
import textwrap
import unicodedata

# CSI (ESC [ … final, or the one-byte C1 CSI), OSC (ESC ] … BEL or ESC \, or unterminated),
# and the two-character escapes (ESC followed by one character).
_ESCAPE_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\r\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# Controls (C0, DEL, C1; CR and LF among them), line and paragraph separators, lone surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})
#: Marks that change the direction of the text around them: "cv\u202efdp.exe" displays as
#: "cvexe.pdf". File names made safe (intake.hr.export.safe_names) drop the same marks.
DIRECTION_MARKS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
WIDEST_TEXT = 100
NARROWEST_TEXT = 40


def safe_line(text: str | None) -> str:
    """``text`` as one printable line: escape sequences removed, every control, separator and
    direction mark turned into a space, runs of white space made one space."""
    if not text:
        return ""
    stripped = _ESCAPE_SEQUENCES.sub("", text)
    kept = "".join(" " if _unsafe(character) else character for character in stripped)
    return " ".join(kept.split())


def safe_lines(text: str | None) -> list[str]:
    """``text`` as printable lines, split where it broke its lines; blank lines dropped."""
    if not text:
        return []
    lines = (safe_line(line) for line in _LINE_BREAKS.split(_ESCAPE_SEQUENCES.sub("", text)))
    return [line for line in lines if line]


def safe_text(text: str | None) -> str:
    """``text`` with its own line breaks kept as ``\\n`` and everything else made safe."""
    return "\n".join(safe_lines(text))


def text_width() -> int:
    """How wide wrapped prose may be: the terminal's width, kept between 40 and 100."""
    columns = shutil.get_terminal_size((WIDEST_TEXT, 24)).columns
    return max(NARROWEST_TEXT, min(columns, WIDEST_TEXT))


def wrapped(text: str | None, indent: str, width: int | None = None) -> list[str]:
    """Safe ``text`` wrapped to the width, each line starting with ``indent``."""
    width = width or text_width()
    lines: list[str] = []
    for line in safe_lines(text):
        lines.extend(
            textwrap.wrap(
                line,
                width=width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_long_words=True,
                break_on_hyphens=False,
            )
        )
    return lines


def _unsafe(character: str) -> bool:
    return character in DIRECTION_MARKS or unicodedata.category(character) in _UNSAFE_CATEGORIES
