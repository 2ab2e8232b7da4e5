"""How a document reader reports a document it cannot read: one exception and one-line text."""

from __future__ import annotations

from parsers.errors import UnreadableDocument

__all__ = ["UnreadableDocument", "one_line"]


def one_line(exc: BaseException) -> str:
    """An exception as one short line: its type, then the first line of its message."""
    lines = str(exc).strip().splitlines()
    detail = lines[0][:200] if lines else ""
    name = type(exc).__name__
    if isinstance(exc, UnreadableDocument):
        return detail or name
    return f"{name}: {detail}" if detail else name
