"""The headers HR reads on an application, decoded from the stored header block and made safe."""

from __future__ import annotations

from email.parser import BytesHeaderParser
from email.policy import compat32

from intake.terminal_text import safe_line
from parsers.charsets import clean_header_text, repair_raw_bytes

# (label shown, header name), in the order shown.
SHOWN_HEADERS = (
    ("From", "from"),
    ("To", "to"),
    ("Cc", "cc"),
    ("Reply-To", "reply-to"),
    ("Date", "date"),
    ("Subject", "subject"),
    ("Message-ID", "message-id"),
)
VALUE_LIMIT = 2000


def shown_headers(header_source: bytes) -> list[tuple[str, str]]:
    """(label, decoded value) for each shown header the message has, every copy of it."""
    parsed = BytesHeaderParser(policy=compat32).parsebytes(header_source)
    shown: list[tuple[str, str]] = []
    for label, name in SHOWN_HEADERS:
        shown.extend((label, decoded(str(value))) for value in parsed.get_all(name) or ())
    return shown


def decoded(value: str) -> str:
    """A raw header value as one safe line: 8-bit bytes read, encoded words decoded, escape
    sequences and controls removed (before and after decoding), long values cut."""
    readable = safe_line(repair_raw_bytes(value, None))
    text = safe_line(clean_header_text(readable))
    return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 1] + "…"
