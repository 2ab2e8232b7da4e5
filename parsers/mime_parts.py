"""A message's part tree walked into body text and attachments, unnamed files given names."""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass, field
from email.message import Message

from parsers.charsets import LINE_BREAK, clean_header_text, decode_bytes
from parsers.html_text import html_to_text
from parsers.model import Attachment
from parsers.tnef import is_tnef, unpack

_MAX_FILENAME_CHARS = 255
_BODY_TYPES = frozenset({"text/plain", "text/html"})
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
_NOT_BASE64_ALPHABET = re.compile(rb"[^A-Za-z0-9+/]")
_BODY_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class PartHarvest:
    """What a walk over the part tree found."""

    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    first_charset: str | None = None
    # Every part's content type, containers and forwarded messages' parts included.
    content_types: list[str] = field(default_factory=list)


def harvest_parts(message: Message) -> PartHarvest:
    """Walk the part tree without recursion, sorting leaves into body text and attachments."""
    harvest = PartHarvest()
    pending: list[Message] = [message]
    while pending:
        part = pending.pop()
        harvest.content_types.append(part.get_content_type())
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                pending.extend(reversed([c for c in children if isinstance(c, Message)]))
        else:
            _harvest_leaf(part, harvest)
        harvest.defects.extend(type(defect).__name__ for defect in part.defects)
    return harvest


def _harvest_leaf(part: Message, harvest: PartHarvest) -> None:
    filename = _attachment_filename(part, harvest.defects)
    content_type = part.get_content_type()
    data = _decoded_payload(part, harvest.defects)
    is_attached = filename is not None or part.get_content_disposition() == "attachment"
    if not is_attached and (content_type in _BODY_TYPES or content_type.startswith("multipart/")):
        _add_body_text(part, data, content_type, harvest)
    elif is_tnef(data):
        _add_tnef(data, filename or "winmail.dat", content_type, harvest)
    elif filename is not None or data:
        name = filename or _generated_filename(content_type, len(harvest.attachments) + 1)
        harvest.attachments.append(Attachment(name, content_type, data))


def _add_tnef(data: bytes, filename: str, content_type: str, harvest: PartHarvest) -> None:
    """The files inside Outlook's winmail.dat, each an attachment of its own, and its plain
    body when no text part came before it; a wrapper that cannot be read, or holds nothing,
    stays one attachment."""
    content = unpack(data)
    if content is None or not (content.files or content.body.strip()):
        harvest.defects.append("UnreadableTnef")
        harvest.attachments.append(Attachment(filename, content_type, data))
        return
    for found in content.files:
        name = _safe_basename(found.filename, harvest.defects)
        name = name or _generated_filename(found.content_type, len(harvest.attachments) + 1)
        harvest.attachments.append(Attachment(name, found.content_type, found.payload))
    if content.body.strip() and not harvest.plain:  # Outlook often repeats it as text/plain
        harvest.plain.append(content.body)


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


def _add_body_text(part: Message, data: bytes, content_type: str, harvest: PartHarvest) -> None:
    charset = part.get_content_charset()
    harvest.first_charset = harvest.first_charset or charset
    text, charset_worked = decode_bytes(data, charset)
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
    return _safe_basename(str(raw_name), defects)


def _safe_basename(raw_name: str, defects: list[str]) -> str | None:
    """A filename cleaned of controls and folders and cut to a safe length, or None."""
    name = clean_header_text(raw_name)
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


def body_text(harvest: PartHarvest) -> str:
    """The plain parts joined, else the HTML parts as text; NUL and stray controls removed."""
    texts = harvest.plain or [html_to_text(html) for html in harvest.html]
    joined = "\n\n".join(LINE_BREAK.sub("\n", text).strip("\n") for text in texts)
    return _BODY_CONTROL_CHARACTERS.sub("", joined)
