"""How a document reader reports a document it cannot read: one exception and one-line text."""

from __future__ import annotations

from parsers.errors import ParserError


class UnreadableDocument(ParserError):
    """A document that breaks a limit or a format rule; the message is the stored problem."""


def one_line(exc: BaseException) -> str:
    """An exception as one short line: its type, then the first line of its message."""
    lines = str(exc).strip().splitlines()
    detail = lines[0][:200] if lines else ""
    name = type(exc).__name__
    if isinstance(exc, UnreadableDocument):
        return detail or name
    return f"{name}: {detail}" if detail else name
