"""The Message-IDs a raw message replies to (In-Reply-To, References), from its header only."""

from __future__ import annotations

import re
from email.parser import BytesHeaderParser
from email.policy import compat32

_ID = re.compile(r"<([^<>\s]{1,990})>")
#: Only the header section is read, from at most this many bytes.
HEAD_BYTES = 64 * 1024
#: References of a long thread list every ancestor: the nearest few are enough.
MAX_IDS = 20


def replied_ids(raw: bytes) -> tuple[str, ...]:
    """``<id>`` strings of In-Reply-To and References, nearest first, without repeats."""
    head = raw[:HEAD_BYTES].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    headers = BytesHeaderParser(policy=compat32).parsebytes(head)
    found: dict[str, None] = {}
    for name in ("In-Reply-To", "References"):
        values = [str(value) for value in headers.get_all(name, [])]
        ids = [match[1] for value in values for match in _ID.finditer(value)]
        for identifier in reversed(ids) if name == "References" else ids:
            found.setdefault(f"<{identifier}>")
    return tuple(found)[:MAX_IDS]
