"""Real legacy Word (.doc, Word 97) files for tests: an OLE2 compound file holding a
WordDocument stream (FIB and text) and a 1Table stream (piece table, styles, fonts).

Written from the published formats ([MS-CFB], [MS-DOC]); enough for antiword to read.
"""

from __future__ import annotations

import shutil
import struct

from tests.documents import missing_in_ci_fails

SECTOR = 512
STREAM_MINIMUM = 4096  # smaller streams would live in the mini stream, which this leaves out
END_OF_CHAIN, FREE, FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
TEXT_OFFSET = 1024  # the text follows the FIB in the WordDocument stream
# FIB offsets (Word 97): flags, ccpText, and the (fc, lcb) pairs of the 1Table structures.
FIB_FLAGS, FIB_CCP_TEXT, FIB_STSHF, FIB_STTBFFFN, FIB_CLX = 10, 76, 162, 274, 418


ANTIWORD_HINT = "antiword not installed: apt-get install antiword"


def require_antiword() -> None:
    """Skip the calling test without antiword; under CI=true, fail instead."""
    if shutil.which("antiword") is None:
        missing_in_ci_fails(ANTIWORD_HINT)


def word97_doc_bytes(paragraphs: list[str]) -> bytes:
    """A .doc whose main text is ``paragraphs`` (cp1252), one paragraph each."""
    text = ("\r".join(paragraphs) + "\r").encode("cp1252", "replace")
    word = bytearray(_padded(_fib(len(text)) + text, STREAM_MINIMUM))
    table = b""
    for data, offset in ((_piece_table(len(text)), FIB_CLX), (_styles(), FIB_STSHF),
                         (_fonts(), FIB_STTBFFFN)):  # fmt: skip
        struct.pack_into("<II", word, offset, len(table), len(data))
        table += data
    return _compound_file({"WordDocument": bytes(word), "1Table": _padded(table, STREAM_MINIMUM)})


def _padded(data: bytes, size: int) -> bytes:
    return data + bytes(-len(data) % size)


def _fib(text_length: int) -> bytes:
    fib = bytearray(TEXT_OFFSET)
    struct.pack_into("<HHHH", fib, 0, 0xA5EC, 0x00C1, 0, 0x0409)  # wIdent, nFib, lid
    struct.pack_into("<HH", fib, FIB_FLAGS, 0x0200 | 0x0004, 0x00BF)  # 1Table, complex
    struct.pack_into("<II", fib, 24, TEXT_OFFSET, TEXT_OFFSET + text_length)
    struct.pack_into("<H", fib, 32, 14)  # csw
    struct.pack_into("<H", fib, 62, 22)  # cslw
    struct.pack_into("<I", fib, 64, TEXT_OFFSET + text_length)  # cbMac
    struct.pack_into("<I", fib, FIB_CCP_TEXT, text_length)
    struct.pack_into("<H", fib, 152, 0x5D)  # cbRgFcLcb
    return bytes(fib)


def _piece_table(text_length: int) -> bytes:
    """One piece of 8-bit text: character positions 0..n at TEXT_OFFSET."""
    pieces = struct.pack("<II", 0, text_length)
    pieces += struct.pack("<HIH", 0, (TEXT_OFFSET * 2) | 0x40000000, 0)
    return b"\x02" + struct.pack("<I", len(pieces)) + pieces


def _styles() -> bytes:
    """A style sheet header with no styles."""
    return struct.pack("<H", 18) + struct.pack("<HHHHHH", 0, 10, 0, 0, 0, 0) + bytes(6)


def _fonts() -> bytes:
    """A font table with Arial alone."""
    name = "Arial\0".encode("utf-16-le")
    font = bytes([0, 0x26]) + struct.pack("<H", 400) + bytes(36) + name
    return struct.pack("<HH", 1, 0) + bytes([len(font) - 1]) + font[1:]


def _compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 file: header, one FAT sector, one directory sector, then each stream."""
    fat, starts, next_sector = [FAT_SECTOR, END_OF_CHAIN], [], 2
    for data in streams.values():
        count = len(data) // SECTOR
        starts.append(next_sector)
        fat += [next_sector + i + 1 for i in range(count - 1)] + [END_OF_CHAIN]
        next_sector += count
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", FREE) * (128 - len(fat))
    entries = [_entry("Root Entry", 5, END_OF_CHAIN, 0, child=1)]
    names = list(streams)
    for index, name in enumerate(names):
        following = index + 2 if index + 1 < len(names) else FREE
        entries.append(_entry(name, 2, starts[index], len(streams[name]), right=following))
    directory = _padded(b"".join(entries), SECTOR)
    return _header() + fat_sector + directory + b"".join(streams.values())


def _entry(
    name: str, kind: int, start: int, size: int, child: int = FREE, right: int = FREE
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, FREE, right, child)
    struct.pack_into("<II", entry, 116, start, size)
    return bytes(entry)


def _header() -> bytes:
    header = bytearray(SECTOR)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    # directory sectors, FAT sectors, first directory sector, transaction, mini cutoff,
    # first mini FAT, mini FAT sectors, first DIFAT, DIFAT sectors; then DIFAT[0] = sector 0
    struct.pack_into(
        "<9I", header, 40, 0, 1, 1, 0, STREAM_MINIMUM, END_OF_CHAIN, 0, END_OF_CHAIN, 0
    )
    header[76:] = struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    return bytes(header)
