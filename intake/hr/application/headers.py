"""The headers HR reads on an application, decoded from the stored header block and made safe."""

from __future__ import annotations

import email.policy
from email.parser import BytesHeaderParser

from intake.terminal_text import safe_line
from parsers.charsets import LINE_BREAK, clean_header_text, repair_raw_bytes
from parsers.fingerprint import header_block

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
# Decoding costs grow faster than the length; nothing past this is shown anyway.
DECODE_LIMIT = 8 * 1024


def shown_headers(raw_head: bytes) -> list[tuple[str, str]]:
    """(label, decoded value) for each shown header the message has, every copy of it, from
    the first bytes of the raw message."""
    parsed = BytesHeaderParser(policy=email.policy.compat32).parsebytes(header_block(raw_head))
    shown: list[tuple[str, str]] = []
    for label, name in SHOWN_HEADERS:
        shown.extend((label, decoded(str(value))) for value in parsed.get_all(name) or ())
    return shown


def decoded(value: str) -> str:
    """A raw header value as one safe line: 8-bit bytes read, unfolded, encoded words decoded,
    then escape sequences and controls removed (those hidden in encoded words included)."""
    unfolded = LINE_BREAK.sub("", repair_raw_bytes(value, None))[:DECODE_LIMIT]
    text = safe_line(_decode_words(unfolded))
    return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 1] + "…"


def _decode_words(value: str) -> str:
    """Encoded words decoded, everything else kept as written (read as unstructured text)."""
    try:
        return str(email.policy.default.header_factory("x-shown", value))
    except Exception:  # the stdlib's header parser on a stranger's bytes: fall back, never fail
        return clean_header_text(value)
