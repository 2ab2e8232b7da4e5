"""Plain-text, HTML and RTF attachments to text."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from parsers.documents.cleaning import text_extraction
from parsers.documents.decoding import decode_text
from parsers.documents.model import Extraction, ExtractionLimits
from parsers.html_text import html_to_text

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I
)
_RTF_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def read_plain(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """Plain text: byte-order mark, else UTF-8, else cp1252."""
    return text_extraction(file_type, decode_text(payload), limits)


def read_html(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """HTML in the charset its meta tag names, as readable text without markup."""
    declared = _META_CHARSET.search(payload[:4096])
    text = decode_text(payload, declared[1].decode("ascii") if declared else None)
    return text_extraction(file_type, html_to_text(text), limits)


def read_rtf(payload: bytes, file_type: str, limits: ExtractionLimits) -> Extraction:
    """RTF without its control words; \\'hh escapes in the document's ANSI code page."""
    code_page = _RTF_CODE_PAGE.search(payload[:4096])
    encoding = _known_codec(f"cp{int(code_page[1])}") if code_page else "cp1252"
    rtf = payload.decode("cp1252", "replace")
    text = rtf_to_text(rtf, encoding=encoding, errors="replace")  # type: ignore[no-untyped-call]
    return text_extraction(file_type, str(text), limits)


def _known_codec(name: str) -> str:
    """The codec when Python has it, else cp1252."""
    try:
        "".encode(name)
    except LookupError:
        return "cp1252"
    return name
