"""Makes parsed text safe to store: no NUL characters, header values within index limits."""

from __future__ import annotations

HEADER_FIELD_LIMIT = 998
CONTENT_TYPE_LIMIT = 255


def clean(text: str) -> str:
    """Text safe for every database (PostgreSQL refuses NUL characters)."""
    return text.replace("\x00", "")


def optional_text(text: str | None) -> str | None:
    """``clean`` that lets None through."""
    return None if text is None else clean(text)


def header_field(text: str | None) -> str | None:
    """A header-derived value, cut to the RFC 5322 line limit so every index accepts it."""
    return None if text is None else clean(text)[:HEADER_FIELD_LIMIT]
