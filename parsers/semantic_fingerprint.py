"""A fingerprint of what a message says, blind to how its mail program encoded it.

The raw fingerprint (``parsers.fingerprint``) changes when a client re-sends the same message
with a new ``Date:``, a new MIME boundary, other transfer encodings or other header folding.
This one hashes only the sender's address, the subject, the decoded body text and the
decoded attachments (name and SHA-256), each with its whitespace normalised, so such a re-send
has the same fingerprint while any change a person would notice gives another.
"""

from __future__ import annotations

import hashlib
import unicodedata

from parsers.errors import MessageParseError
from parsers.message import parse_message
from parsers.model import ParsedMessage

_VERSION = b"semantic-1"
_SEPARATOR = b"\x00"


def semantic_fingerprint(parsed: ParsedMessage) -> str:
    """SHA-256 (hex) of the sender, subject, body text and attachments of ``parsed``."""
    digest = hashlib.sha256(_VERSION)
    for value in (parsed.sender or "").strip().lower(), _words(parsed.subject):
        _add(digest, value.encode("utf-8", "surrogatepass"))
    _add(digest, _words(parsed.body_text).encode("utf-8", "surrogatepass"))
    files = sorted(
        (_words(attachment.filename), hashlib.sha256(attachment.payload).hexdigest())
        for attachment in parsed.attachments
    )
    for name, sha in files:
        _add(digest, f"{name}/{sha}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def raw_semantic_fingerprint(raw: bytes) -> str | None:
    """The semantic fingerprint of raw bytes, or None when they cannot be parsed."""
    try:
        return semantic_fingerprint(parse_message(raw))
    except MessageParseError:
        return None


def _words(text: str) -> str:
    """``text`` in NFC with every run of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _add(digest: hashlib._Hash, value: bytes) -> None:
    """Add one length-prefixed field, so no two field lists hash alike by concatenation."""
    digest.update(str(len(value)).encode("ascii") + _SEPARATOR + value + _SEPARATOR)
