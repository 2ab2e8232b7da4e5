"""Raw MIME bytes to a ParsedMessage, tolerant of whatever candidates' mail programs send."""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.feedparser import BytesFeedParser
from email.message import Message
from email.policy import Compat32

from parsers.charsets import clean_header_text, repair_raw_bytes
from parsers.errors import MessageParseError
from parsers.from_header import from_shape
from parsers.mime_parts import body_text, harvest_parts
from parsers.model import ParsedMessage
from parsers.sender_facts import sender_facts

_MAX_PARAMETER_HEADER_CHARS = 8 * 1024
_MAX_PARAMETERS = 64
_MAX_HEADER_CHARS = 64 * 1024
_MAX_DEFECTS = 50
_MAX_PART_TYPES = 64
_PARAMETER_HEADERS = frozenset({"content-type", "content-disposition"})
_ANGLE_ADDRESS = re.compile(r"<([^<>]*)>")
#: Bytes handed to the stdlib parser at a time (see ``_message_tree``).
_FEED_BYTES = 64 * 1024


class _TolerantPolicy(Compat32):
    """compat32 whose MIME parameter headers are capped and have their raw 8-bit bytes read."""

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        if name.strip().lower() in _PARAMETER_HEADERS:
            value = repair_raw_bytes(_bounded_parameters(value), None)
        return name, value


def _bounded_parameters(value: str) -> str:
    """A MIME parameter header cut to a size the stdlib parameter scanner handles quickly.

    That scanner copies the rest of the value once per ";" and recounts quotes from the
    start, so its cost is the value's length times its parameter count: both are capped.
    """
    return ";".join(
        value[:_MAX_PARAMETER_HEADER_CHARS].split(";", _MAX_PARAMETERS)[:_MAX_PARAMETERS]
    )


_POLICY = _TolerantPolicy()


def parse_message(raw: bytes) -> ParsedMessage:
    """Parse one raw message; raise MessageParseError, never anything else, when impossible.

    The stdlib ``email`` package reads the part tree and mail-parser the sender, Reply-To
    and Date (see ``parsers.sender_facts``). Raw 8-bit header bytes are read as UTF-8, else
    in the charset of the first body part, else as cp1252.

    The body is the text/plain parts joined (forwarded messages' included), else the HTML
    parts as text. Every other leaf part is an attachment: named files, unnamed files
    (named ``attachment-<n><ext>`` from the content type), inline images referenced by
    Content-ID (they are files the candidate sent), and the attachments of forwarded
    ``message/rfc822`` parts, which are opened rather than kept whole. Filenames are
    reduced to their last path component and 255 characters. Header values are capped at
    64 KiB (noted in ``defects``). Body text loses NUL and other control characters, which
    database text columns refuse.

    The ``mailparser`` logger is set to CRITICAL on import unless it already has a level.
    """
    if not isinstance(raw, bytes | bytearray) or not raw.strip():
        raise MessageParseError("empty message")
    try:
        return _parse(bytes(raw))
    except MessageParseError:
        raise
    except Exception as exc:  # the boundary: any library failure quarantines this one message
        raise MessageParseError(f"{type(exc).__name__}: {exc}"[:300]) from exc


def _message_tree(raw: bytes) -> Message:
    """The stdlib's part tree of ``raw``, fed in slices.

    ``email.message_from_bytes`` decodes the whole message to one string and reads it
    through a ``StringIO``, which holds it again at four bytes a character: parsing a
    6.5 MB message peaked at 48 MiB, against 17 MiB fed in slices (the same tree; each
    byte decodes to one character on its own, so a slice boundary changes nothing).
    """
    parser = BytesFeedParser(policy=_POLICY)
    view = memoryview(raw)
    for start in range(0, len(view), _FEED_BYTES):
        parser.feed(bytes(view[start : start + _FEED_BYTES]))
    return parser.close()


def _parse(raw: bytes) -> ParsedMessage:
    message = _message_tree(raw)
    harvest = harvest_parts(message)
    header_defects: list[str] = []
    raw_headers = _repaired_headers(message, harvest.first_charset, header_defects)
    headers = tuple((clean_header_text(n), clean_header_text(v)) for n, v in raw_headers)
    facts = sender_facts(_first_values(raw_headers))
    first = _first_values(headers)
    shape = from_shape(value for name, value in raw_headers if name.strip().lower() == "from")
    return ParsedMessage(
        message_id=_canonical_message_id(first.get("message-id")),
        sender=facts.sender,
        sender_name=facts.sender_name,
        reply_to=facts.reply_to,
        subject=first.get("subject", ""),
        date_header=first.get("date"),
        date_claimed=facts.date_claimed,
        return_path=_return_path(first.get("return-path")),
        headers=headers,
        body_text=body_text(harvest),
        attachments=tuple(harvest.attachments),
        content_type=message.get_content_type(),
        part_types=tuple(dict.fromkeys(harvest.content_types))[:_MAX_PART_TYPES],
        defects=_bounded_unique([*header_defects, *facts.defects, *harvest.defects]),
        from_addresses=shape.addresses,
        from_is_group=shape.group,
    )


def _repaired_headers(
    message: Message, charset_hint: str | None, defects: list[str]
) -> list[tuple[str, str]]:
    """Top-level headers as the sender wrote them, raw bytes read as text, values capped."""
    repaired: list[tuple[str, str]] = []
    for name, value in message.raw_items():
        if len(value) > _MAX_HEADER_CHARS:
            defects.append(f"HeaderTruncated: {name[:40]}")
            value = value[:_MAX_HEADER_CHARS]
        repaired.append(
            (repair_raw_bytes(name, charset_hint), repair_raw_bytes(str(value), charset_hint))
        )
    if not repaired:
        defects.append("NoHeaders")
    return repaired


def _first_values(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The first value of each header, by lowercased name."""
    first: dict[str, str] = {}
    for name, value in headers:
        first.setdefault(name.lower(), value)
    return first


def _canonical_message_id(value: str | None) -> str | None:
    if not value:
        return None
    bracketed = _ANGLE_ADDRESS.search(value)
    identifier = (bracketed[1] if bracketed else value).strip()
    return f"<{identifier}>" if identifier else None


def _return_path(value: str | None) -> str | None:
    """The Return-Path address, "" for the null path ``<>``, None when absent or empty."""
    if value is None or not value.strip():
        return None
    bracketed = _ANGLE_ADDRESS.search(value)
    return (bracketed[1] if bracketed else value).strip().lower()


def _bounded_unique(defects: list[str]) -> tuple[str, ...]:
    """Defects in first-seen order, each once, at most _MAX_DEFECTS of them."""
    return tuple(dict.fromkeys(defect[:120] for defect in defects))[:_MAX_DEFECTS]
