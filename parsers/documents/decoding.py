"""Bytes of a text-like attachment (plain text, HTML, RTF) to a string, byte-order mark first."""

from __future__ import annotations

import codecs

from parsers.charsets import decode_bytes

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_codec(data: bytes) -> str | None:
    """The codec a byte-order mark at the start names, or None without one."""
    for mark, codec in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return codec
    return None


def decode_text(data: bytes, charset: str | None = None) -> str:
    """Text of the bytes: by their byte-order mark, else the charset, else UTF-8, else cp1252."""
    codec = bom_codec(data)
    if codec is not None:
        return data.decode(codec, "replace")
    return decode_bytes(data, charset)[0]


def decode_sample(data: bytes) -> str:
    """The start of the bytes as text: by its BOM, else UTF-8, else cp1252 (with replacements).

    A multi-byte character cut by the sample's end does not count against UTF-8.
    """
    codec = bom_codec(data)
    if codec is not None:
        return data.decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")
        return data.decode("cp1252", "replace")
