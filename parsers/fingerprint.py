"""A content fingerprint of a raw message that ignores what relays add on the way in."""

from __future__ import annotations

import hashlib
import re

# Headers that servers and delivery agents prepend or rewrite: the same message delivered
# twice differs only in these, so they are left out of the fingerprint.
TRACE_HEADERS = frozenset(
    {
        "received",
        "return-path",
        "delivered-to",
        "x-original-to",
        "envelope-to",
        "x-envelope-from",
        "x-envelope-to",
        "status",
        "x-status",
        "x-keywords",
        "x-uid",
        "content-length",
        "lines",
        "x-spam-status",
        "x-spam-score",
        "x-spam-level",
        "x-spam-flag",
        "x-spam-checker-version",
        "x-virus-scanned",
        "authentication-results",
        "arc-seal",
        "arc-message-signature",
        "arc-authentication-results",
        "received-spf",
    }
)

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    return hashlib.sha256(data).hexdigest()


def content_fingerprint(raw: bytes) -> str:
    """SHA-256 of the message with trace headers removed and line endings normalised."""
    match = _HEADER_END.search(raw)
    head, body = (raw[: match.start()], raw[match.end() :]) if match else (raw, b"")
    digest = hashlib.sha256()
    for field in _header_fields(head):
        name = field.split(b":", 1)[0].strip().lower()
        if name.decode("ascii", "replace") not in TRACE_HEADERS:
            digest.update(field + b"\n")
    digest.update(b"\n")
    digest.update(unix_line_breaks(body))
    return digest.hexdigest()


def unix_line_breaks(data: bytes) -> bytes:
    """CRLF and lone CR as LF: the same as substituting ``\\r\\n|\\r|\\n``, eight times faster
    on a message's body (which is most of a poll's fingerprinting time)."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def header_block(raw: bytes) -> bytes:
    """The header section of a raw message, ending with the blank line."""
    match = _HEADER_END.search(raw)
    return raw[: match.end()] if match else raw + b"\r\n\r\n"


def _header_fields(head: bytes) -> list[bytes]:
    """Header fields with folded continuation lines joined to their field."""
    fields: list[bytes] = []
    for line in _LINE_BREAK.split(head):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += b" " + line.strip()
        elif line:
            fields.append(line)
    return fields
