"""Writes small TNEF streams (Outlook's winmail.dat) the way Outlook lays them out: a
signature, a key, then attributes of level, id, type, length, data and checksum."""

from __future__ import annotations

import struct

SIGNATURE = 0x223E9F78
LEVEL_MESSAGE = 1
LEVEL_ATTACHMENT = 2
# Attribute ids (low word) and their TNEF types (high word).
ATT_TNEF_VERSION = (0x9006, 0x0008)
ATT_BODY = (0x800C, 0x0002)
ATT_ATTACH_REND_DATA = (0x9002, 0x0006)
ATT_ATTACH_TITLE = (0x8010, 0x0001)
ATT_ATTACH_DATA = (0x800F, 0x0006)


def attribute(level: int, kind: tuple[int, int], data: bytes) -> bytes:
    """One attribute: level, id, type, length, the data and its 16-bit checksum."""
    name, type_ = kind
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BHHI", level, name, type_, len(data)) + data + struct.pack("<H", checksum)


def tnef_bytes(files: list[tuple[str, bytes]], body: str = "") -> bytes:
    """A winmail.dat holding these (filename, bytes) files and, when given, a plain body."""
    parts = [struct.pack("<IH", SIGNATURE, 0x1234)]
    parts.append(attribute(LEVEL_MESSAGE, ATT_TNEF_VERSION, struct.pack("<I", 0x00010000)))
    if body:
        parts.append(attribute(LEVEL_MESSAGE, ATT_BODY, body.encode("cp1252") + b"\x00"))
    for name, data in files:
        parts.append(attribute(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, bytes(14)))
        parts.append(attribute(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, name.encode("cp1252") + b"\0"))
        parts.append(attribute(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, data))
    return b"".join(parts)
