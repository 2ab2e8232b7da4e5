"""Outlook's TNEF wrapper (``winmail.dat``, ``application/ms-tnef``) opened into the files and
the plain body it carries, with tnefparse; a wrapper it cannot read is left as it came."""

from __future__ import annotations

import logging
import mimetypes
import struct
from dataclasses import dataclass

from tnefparse.tnef import TNEF, TNEFAttachment

from parsers.charsets import decode_bytes
from parsers.model import Attachment

#: The first four bytes of every TNEF stream (0x223E9F78, little-endian).
SIGNATURE = b"\x78\x9f\x3e\x22"
#: A wrapper carrying more files than this is read only that far.
MAX_FILES = 50
# What a damaged stream makes tnefparse raise.
_READ_ERRORS = (ValueError, IndexError, KeyError, TypeError, UnicodeError, struct.error)
# tnefparse logs every unknown attribute and bad checksum: candidates' files are full of them.
logging.getLogger("tnefparse").setLevel(logging.ERROR)


@dataclass(frozen=True)
class TnefContent:
    """The files of one wrapper and its plain-text body ("" when it has none)."""

    files: tuple[Attachment, ...]  # names as Outlook wrote them, not yet cleaned
    body: str


def is_tnef(payload: bytes) -> bool:
    """The bytes are a TNEF stream (whatever the part's type or name claims)."""
    return payload.startswith(SIGNATURE)


def unpack(payload: bytes) -> TnefContent | None:
    """The wrapper's files and body; None when the stream cannot be read."""
    try:
        tnef = TNEF(payload, do_checksum=False)
        files = tuple(_file(attachment) for attachment in tnef.attachments[:MAX_FILES])
    except _READ_ERRORS:
        return None
    return TnefContent(tuple(f for f in files if f.payload), _text(tnef.body))


def _file(attachment: TNEFAttachment) -> Attachment:
    """One tnefparse attachment as a named file; the type is guessed from the name only
    (the bytes decide later, as for every attachment)."""
    name = _text(attachment.long_filename()).strip("\x00").strip()
    data = attachment.data
    guessed = mimetypes.guess_type(name)[0] if name else None
    return Attachment(name, guessed or "application/octet-stream", bytes(data or b""))


def _text(value: object) -> str:
    """A TNEF string (bytes in Outlook's ANSI code page, or str) as text."""
    if isinstance(value, bytes):
        return decode_bytes(value.rstrip(b"\x00"), "cp1252")[0]
    return value if isinstance(value, str) else ""
