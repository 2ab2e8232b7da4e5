"""The same message as another mail program re-sends it: new Date, boundary and encodings."""

from __future__ import annotations

import base64
import email
import email.utils
import quopri
from datetime import datetime
from email.header import Header, decode_header, make_header
from email.message import Message
from email.policy import compat32


def resent(
    raw: bytes,
    date: datetime,
    boundary: str = "==resent-boundary-7f3a==",
    text_encoding: str = "quoted-printable",
) -> bytes:
    """``raw`` with a new Date and MIME boundary, its text parts in ``text_encoding`` with an
    upper-case charset label, its files base64 in 64-character lines, and a folded subject."""
    message = email.message_from_bytes(raw, policy=compat32)
    message.replace_header("Date", email.utils.format_datetime(date))
    subject = str(make_header(decode_header(str(message["Subject"]))))
    del message["Subject"]
    message["Subject"] = Header(subject, "UTF-8", maxlinelen=40).encode()
    message.set_boundary(boundary)
    for part in message.walk():
        if not part.is_multipart():
            _reencode(part, text_encoding)
    return message.as_bytes(policy=compat32.clone(linesep="\r\n"))


def _reencode(part: Message, text_encoding: str) -> None:
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    del part["Content-Transfer-Encoding"]
    if part.get_content_maintype() == "text" and text_encoding == "quoted-printable":
        part.set_param("charset", "UTF-8")
        part["Content-Transfer-Encoding"] = "quoted-printable"
        part.set_payload(quopri.encodestring(data).decode("ascii"))
        return
    if part.get_content_maintype() == "text":
        part.set_param("charset", "Utf-8")
    encoded = base64.b64encode(data).decode("ascii")
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload("\n".join(encoded[i : i + 64] for i in range(0, len(encoded), 64)))
