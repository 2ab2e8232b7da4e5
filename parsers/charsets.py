"""Text and headers read safely: raw 8-bit bytes, declared charsets, encoded words, controls."""

from __future__ import annotations

import binascii
import codecs
import functools
import re

# Mail programs label text with a subset's name and write the superset's characters.
_CHARSET_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "iso-8859-8-i": "iso-8859-8",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
}
_QUADRATIC_CODECS = frozenset({"punycode", "idna"})
_ENCODED_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=")
_BASE64_TEXT = re.compile(r"[A-Za-z0-9+/]*=*")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def repair_raw_bytes(text: str, charset_hint: str | None) -> str:
    """The parser's surrogate-escaped raw bytes as characters: UTF-8, the hint, else cp1252."""
    if not _SURROGATES.search(text):
        return text
    data = text.encode("utf-8", "surrogateescape")
    for codec in ("utf-8", _text_codec(charset_hint)):
        decoded = _strict_decode(data, codec)
        if decoded is not None:
            return decoded
    return data.decode("cp1252", "replace")


def _strict_decode(data: bytes, codec: str | None, errors: str = "strict") -> str | None:
    """The bytes read with a codec, or None when there is no codec or it fails."""
    if codec is None:
        return None
    try:
        return data.decode(codec, errors)
    except (UnicodeError, ValueError, LookupError):
        return None


@functools.lru_cache(maxsize=256)
def _text_codec(charset: str | None) -> str | None:
    """The codec to read a declared charset with, or None when unknown or unsafe."""
    if not charset:
        return None
    label = charset.strip().strip('"').lower()
    label = _CHARSET_SUPERSETS.get(label, label)
    try:
        name = codecs.lookup(label).name
        b"".decode(name)  # refuses bytes-to-bytes codecs such as base64 or rot13
    except (LookupError, ValueError, TypeError):
        return None
    return None if name in _QUADRATIC_CODECS else name


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, bool]:
    """Text of bytes in a declared charset, and whether that charset read them cleanly."""
    codec = _text_codec(charset)
    text = _strict_decode(data, codec)
    read_cleanly = text is not None or charset is None
    if text is None:
        text = _strict_decode(data, "utf-8") or _strict_decode(data, codec, "replace")
    if text is None:
        text = data.decode("cp1252", "replace")
    return _SURROGATES.sub("\ufffd", text), read_cleanly


def _decode_encoded_words(text: str) -> str:
    """RFC 2047: decode encoded words, joining adjacent ones of one charset before decoding."""
    pieces: list[str] = []
    pending = bytearray()
    pending_charset: str | None = None
    position = 0

    def flush() -> None:
        nonlocal pending_charset
        if pending_charset is not None:
            pieces.append(decode_bytes(bytes(pending), pending_charset)[0])
            pending.clear()
            pending_charset = None

    for match in _ENCODED_WORD.finditer(text):
        gap = text[position : match.start()]
        if gap and not (pending_charset is not None and gap.isspace()):
            flush()
            pieces.append(gap)
        position = match.end()
        data = _encoded_word_bytes(match[2], match[3])
        if data is None:
            flush()
            pieces.append(match[0])
            continue
        charset = match[1].lower()
        if charset != pending_charset:
            flush()
            pending_charset = charset
        pending.extend(data)
    flush()
    pieces.append(text[position:])
    return "".join(pieces)


def _encoded_word_bytes(encoding: str, encoded: str) -> bytes | None:
    """The bytes an encoded word carries, or None when they cannot be recovered."""
    data = encoded.encode("utf-8")
    try:
        if encoding in "qQ":
            return binascii.a2b_qp(data, header=True)
        if not _BASE64_TEXT.fullmatch(encoded):
            return None
        return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return None


def clean_header_text(value: str) -> str:
    """Header value as one line: encoded words decoded, unfolded, control characters removed."""
    unfolded = LINE_BREAK.sub("", value)
    decoded = _decode_encoded_words(unfolded) if "=?" in unfolded else unfolded
    return _CONTROL_CHARACTERS.sub("", decoded.replace("\t", " ")).strip()
