"""Display width of terminal text: wide (East Asian) characters count two columns, combining
marks none, and text is cut or wrapped between graphemes, never inside one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

ELLIPSIS = "…"


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes (it holds no controls: see terminal_text)."""
    if text.isascii():  # the common case, one column a character, without asking wcwidth
        return len(text)
    import wcwidth  # imported on the first wide or combining text: 10-20 ms at start-up

    return max(0, wcwidth.width(text, control_codes="ignore"))


def graphemes(text: str) -> Iterable[str]:
    """The user-perceived characters of ``text``: each character of ASCII text (which holds
    no controls here, so no CR LF pair), wcwidth's grapheme clusters otherwise."""
    if text.isascii():
        return text
    import wcwidth

    return wcwidth.iter_graphemes(text)


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns; when it is longer, its start and one ``…``."""
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for grapheme in graphemes(text):
        size = display_width(grapheme)
        if used + size > width - 1:
            break
        kept.append(grapheme)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS if width > 0 else ""


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns."""
    return text + " " * max(0, width - display_width(text))


def chunks(text: str, breaks: str) -> list[str]:
    """``text`` split just after each character of ``breaks`` (a space, ``_``, ``/``…)."""
    pieces, current = [], ""
    for character in text:
        current += character
        if character in breaks:
            pieces.append(current)
            current = ""
    return [*pieces, current] if current else pieces


def fill(pieces: list[str], width: int) -> list[str]:
    """The pieces laid out greedily in lines of at most ``width`` columns; a piece wider than
    the line is broken between graphemes."""
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if display_width(current + piece.rstrip()) <= width:
            current += piece
            continue
        if current:
            lines.append(current.rstrip())
        *whole, current = _hard_broken(piece, width)
        lines.extend(part.rstrip() for part in whole)
    return [*lines, current.rstrip()] if current or not lines else lines


def _hard_broken(piece: str, width: int) -> list[str]:
    """``piece`` in parts of at most ``width`` columns (one part when it fits)."""
    if display_width(piece.rstrip()) <= width:
        return [piece]
    return list(_parts(piece, width)) or [""]


def _parts(piece: str, width: int) -> Iterator[str]:
    part, used = "", 0
    for grapheme in graphemes(piece):
        size = display_width(grapheme)
        if part and used + size > max(width, 1):
            yield part
            part, used = "", 0
        part += grapheme
        used += size
    if part:
        yield part
