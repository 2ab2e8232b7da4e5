"""Raw MIME bytes to a ParsedMessage, tolerant of whatever candidates' mail programs send."""

from __future__ import annotations

import binascii
import codecs
import email
import email.utils
import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.message import Message
from email.policy import Compat32

import mailparser

from parsers.errors import MessageParseError
from parsers.html_text import html_to_text
from parsers.model import Attachment, ParsedMessage

# mail-parser's warnings repeat what ParsedMessage.defects records, with sender-chosen text in
# them; a caller that wants them sets the logger's level itself, before or after this import.
_MAILPARSER_LOGGER = logging.getLogger("mailparser")
if _MAILPARSER_LOGGER.level == logging.NOTSET:
    _MAILPARSER_LOGGER.setLevel(logging.CRITICAL)

_MAX_PARAMETER_HEADER_CHARS = 8 * 1024
_MAX_PARAMETERS = 64
_MAX_HEADER_CHARS = 64 * 1024
_MAX_MAILPARSER_HEADER_CHARS = 8 * 1024
_MAX_FILENAME_CHARS = 255
_MAX_DEFECTS = 50
_PARAMETER_HEADERS = frozenset({"content-type", "content-disposition"})
_BODY_TYPES = frozenset({"text/plain", "text/html"})
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
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/rtf": ".rtf",
    "text/rtf": ".rtf",
    "application/zip": ".zip",
    "application/pkcs7-signature": ".p7s",
    "application/pgp-signature": ".asc",
    "application/ms-tnef": ".dat",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/tiff": ".tif",
    "message/rfc822": ".eml",
    "text/plain": ".txt",
    "text/html": ".html",
    "text/calendar": ".ics",
    "text/rfc822-headers": ".txt",
}
_ENCODED_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=")
_BASE64_TEXT = re.compile(r"[A-Za-z0-9+/]*=*")
_NOT_BASE64_ALPHABET = re.compile(rb"[^A-Za-z0-9+/]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BODY_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ANGLE_ADDRESS = re.compile(r"<([^<>]*)>")
_BARE_LOCAL_PART = re.compile(r"\s*([A-Za-z0-9._+-]+)\s*(?:\([^()]*\))?\s*")


class _TolerantPolicy(Compat32):
    """compat32 whose MIME parameter headers are capped and have their raw 8-bit bytes read."""

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        if name.strip().lower() in _PARAMETER_HEADERS:
            value = _repair_raw_bytes(_bounded_parameters(value), None)
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


@dataclass
class _PartHarvest:
    """What a walk over the part tree found."""

    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    first_charset: str | None = None


@dataclass(frozen=True)
class _SenderFacts:
    """Sender, Reply-To and Date as mail-parser reads them."""

    sender: str | None
    sender_name: str | None
    reply_to: str | None
    date_claimed: datetime | None
    defects: tuple[str, ...]


def parse_message(raw: bytes) -> ParsedMessage:
    """Parse one raw message; raise MessageParseError, never anything else, when impossible.

    The stdlib ``email`` package reads the part tree and mail-parser the sender, Reply-To
    and Date (see ``_sender_facts``). Raw 8-bit header bytes are read as UTF-8, else in the
    charset of the first body part, else as cp1252.

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


def _parse(raw: bytes) -> ParsedMessage:
    message = email.message_from_bytes(raw, policy=_POLICY)
    harvest = _harvest_parts(message)
    header_defects: list[str] = []
    raw_headers = _repaired_headers(message, harvest.first_charset, header_defects)
    headers = tuple((_clean_header_text(n), _clean_header_text(v)) for n, v in raw_headers)
    facts = _sender_facts(_first_values(raw_headers))
    first = _first_values(headers)
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
        body_text=_body_text(harvest),
        attachments=tuple(harvest.attachments),
        content_type=message.get_content_type(),
        defects=_bounded_unique([*header_defects, *facts.defects, *harvest.defects]),
    )


# Text decoding ------------------------------------------------------------------------


def _repair_raw_bytes(text: str, charset_hint: str | None) -> str:
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


def _decode_bytes(data: bytes, charset: str | None) -> tuple[str, bool]:
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
            pieces.append(_decode_bytes(bytes(pending), pending_charset)[0])
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


def _clean_header_text(value: str) -> str:
    """Header value as one line: encoded words decoded, unfolded, control characters removed."""
    unfolded = _LINE_BREAK.sub("", value)
    decoded = _decode_encoded_words(unfolded) if "=?" in unfolded else unfolded
    return _CONTROL_CHARACTERS.sub("", decoded.replace("\t", " ")).strip()


# Headers ------------------------------------------------------------------------------


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
            (_repair_raw_bytes(name, charset_hint), _repair_raw_bytes(str(value), charset_hint))
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


# Sender and date, through mail-parser --------------------------------------------------


def _sender_facts(first_raw: dict[str, str]) -> _SenderFacts:
    """mail-parser's reading of From, Reply-To and Date, each unfolded and capped.

    mail-parser recovers addresses from malformed headers and validates dates, but on a
    whole message its eager work is quadratic (80,000 encoded words in one header took
    18 s, 150,000 addresses 6 s, and it decodes a punycode-labelled body with punycode),
    so it only ever sees a capped copy of these three headers.
    """
    lines = []
    for name in ("from", "reply-to", "date"):
        if name in first_raw:
            capped = _LINE_BREAK.sub("", first_raw[name])[:_MAX_MAILPARSER_HEADER_CHARS]
            lines.append(f"{name}: {capped}\r\n")
    parsed = mailparser.parse_from_bytes(("".join(lines) + "\r\n").encode("utf-8"))
    sender, sender_name = _first_mailbox(parsed.from_)
    if sender is None:
        sender = _bare_local_part(first_raw.get("from"))
    date_claimed = _aware_date(parsed.date, first_raw.get("date"))
    return _SenderFacts(
        sender=sender,
        sender_name=sender_name,
        reply_to=_first_mailbox(parsed.reply_to)[0],
        date_claimed=date_claimed,
        defects=tuple(str(category) for category in sorted(parsed.defects_categories)),
    )


def _first_mailbox(mailboxes: object) -> tuple[str | None, str | None]:
    """Address (lowercased) and display name of the first mailbox mail-parser found."""
    if not isinstance(mailboxes, list) or not mailboxes:
        return None, None
    display_name, address = mailboxes[0]
    address = _clean_header_text(str(address)).lower() or None
    display_name = _clean_header_text(str(display_name)) or None
    return address, display_name


def _bare_local_part(value: str | None) -> str | None:
    """A domain-less sender such as ``MAILER-DAEMON (Mail Delivery System)``, lowercased."""
    if value is None:
        return None
    match = _BARE_LOCAL_PART.fullmatch(_LINE_BREAK.sub("", value)[:256])
    return match[1].lower() if match else None


def _aware_date(utc_value: object, raw_date: str | None) -> datetime | None:
    """mail-parser's validated UTC date, shown at the offset the sender wrote."""
    if not isinstance(utc_value, datetime) or raw_date is None:
        return None
    try:
        parsed = email.utils.parsedate_tz(raw_date[:256])
        offset = timezone(timedelta(seconds=parsed[9])) if parsed and parsed[9] else UTC
        return utc_value.astimezone(offset)
    except (ValueError, TypeError, OverflowError, IndexError):
        return utc_value.astimezone(UTC)


# Parts --------------------------------------------------------------------------------


def _harvest_parts(message: Message) -> _PartHarvest:
    """Walk the part tree without recursion, sorting leaves into body text and attachments."""
    harvest = _PartHarvest()
    pending: list[Message] = [message]
    while pending:
        part = pending.pop()
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                pending.extend(reversed([c for c in children if isinstance(c, Message)]))
        else:
            _harvest_leaf(part, harvest)
        harvest.defects.extend(type(defect).__name__ for defect in part.defects)
    return harvest


def _harvest_leaf(part: Message, harvest: _PartHarvest) -> None:
    filename = _attachment_filename(part, harvest.defects)
    content_type = part.get_content_type()
    data = _decoded_payload(part, harvest.defects)
    is_attached = filename is not None or part.get_content_disposition() == "attachment"
    if not is_attached and (content_type in _BODY_TYPES or content_type.startswith("multipart/")):
        _add_body_text(part, data, content_type, harvest)
    elif filename is not None or data:
        name = filename or _generated_filename(content_type, len(harvest.attachments) + 1)
        harvest.attachments.append(Attachment(name, content_type, data))


def _decoded_payload(part: Message, defects: list[str]) -> bytes:
    """The part's bytes after its transfer encoding; damaged base64 gives its longest prefix.

    The stdlib hands back the undecoded base64 text when the data is cut mid-quantum,
    which for a truncated CV would be neither the file nor anything readable.
    """
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding != "base64":
        payload = part.get_payload(decode=True)
        return payload if isinstance(payload, bytes) else b""
    text = part.get_payload()
    data = text.encode("ascii", "ignore") if isinstance(text, str) else b""
    try:
        return binascii.a2b_base64(data)
    except binascii.Error:
        defects.append("BrokenBase64")
    alphabet_only = _NOT_BASE64_ALPHABET.sub(b"", data.partition(b"=")[0])
    if len(alphabet_only) % 4 == 1:  # a lone sextet carries no whole byte
        alphabet_only = alphabet_only[:-1]
    return binascii.a2b_base64(alphabet_only + b"=" * (-len(alphabet_only) % 4))


def _add_body_text(part: Message, data: bytes, content_type: str, harvest: _PartHarvest) -> None:
    charset = part.get_content_charset()
    harvest.first_charset = harvest.first_charset or charset
    text, charset_worked = _decode_bytes(data, charset)
    if not charset_worked:
        harvest.defects.append(f"UndecodableCharset: {str(charset)[:40]}")
    if text.strip():
        (harvest.html if content_type == "text/html" else harvest.plain).append(text)


def _attachment_filename(part: Message, defects: list[str]) -> str | None:
    """The decoded filename (RFC 2231 and RFC 2047) reduced to a safe basename, or None."""
    try:
        raw_name = part.get_filename()
    except (LookupError, ValueError, TypeError):
        defects.append("UndecodableFilename")
        return None
    if raw_name is None:
        return None
    name = _clean_header_text(str(raw_name))
    name = re.split(r"[/\\]", name)[-1].strip()
    if name in {"", ".", ".."}:
        return None
    if len(name) > _MAX_FILENAME_CHARS:
        defects.append("FilenameTruncated")
        stem, dot, extension = name.rpartition(".")
        keep = extension[:16] if dot and stem else ""
        name = name[: _MAX_FILENAME_CHARS - len(keep) - 1] + ("." + keep if keep else "")
    return name


def _generated_filename(content_type: str, number: int) -> str:
    return f"attachment-{number}{_EXTENSIONS.get(content_type, '.bin')}"


def _body_text(harvest: _PartHarvest) -> str:
    """The plain parts joined, else the HTML parts as text; NUL and stray controls removed."""
    texts = harvest.plain or [html_to_text(html) for html in harvest.html]
    joined = "\n\n".join(_LINE_BREAK.sub("\n", text).strip("\n") for text in texts)
    return _BODY_CONTROL_CHARACTERS.sub("", joined)


def _bounded_unique(defects: list[str]) -> tuple[str, ...]:
    """Defects in first-seen order, each once, at most _MAX_DEFECTS of them."""
    return tuple(dict.fromkeys(defect[:120] for defect in defects))[:_MAX_DEFECTS]
