"""The composed acknowledgement serialised, parsed back and compared with the one meant."""

from __future__ import annotations

import email
from collections import Counter
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage, Message

from intake.acks.errors import AckUnsafeError

# The top-level headers every acknowledgement has, each exactly once.
REQUIRED_HEADERS = (
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "Auto-Submitted",
    "X-Auto-Response-Suppress",
    "MIME-Version",
    "Content-Type",
)
THREAD_HEADERS = ("In-Reply-To", "References")
# A single-part message also says how its body is encoded.
_OPTIONAL_HEADERS = ("Content-Transfer-Encoding",)
_PART_HEADERS = frozenset({"content-type", "content-transfer-encoding", "mime-version"})


@dataclass(frozen=True)
class Intended:
    """What the acknowledgement's headers must say once parsed back."""

    sender: str  # addr-spec of From
    recipient: str  # addr-spec of To, as it goes out (IDNA domain)
    subject: str
    message_id: str
    in_reply_to: str | None  # also the References value; None: no thread headers


def checked(message: EmailMessage, intended: Intended) -> bytes:
    """The bytes of ``message`` as the transport writes them, once parsed back they match
    ``intended``; AckUnsafeError naming every difference otherwise."""
    raw = message.as_bytes(policy=message.policy)
    found = problems(raw, intended, _shape(message))
    if found:
        raise AckUnsafeError("; ".join(found))
    return raw


def problems(raw: bytes, intended: Intended, shape: tuple[str, ...]) -> list[str]:
    """Every way the serialised message differs from the intended one (empty: none)."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    if not head.isascii():
        return ["the header section holds bytes that are not ASCII"]
    if b"\r" in head.replace(b"\r\n", b"") or b"\n" in head.replace(b"\r\n", b""):
        return ["the header section holds a bare CR or LF"]
    parsed = email.message_from_bytes(raw, policy=policy.default)
    found = _names(parsed, intended.in_reply_to is not None)
    found += _values(parsed, intended)
    if _shape(parsed) != shape:
        found.append(f"the body parts changed: {_shape(parsed)} instead of {shape}")
    found += [
        f"a body part carries the header {name!r}"
        for part in parsed.walk()
        if part is not parsed
        for name in part
        if name.lower() not in _PART_HEADERS
    ]
    return found


def _names(parsed: Message, threaded: bool) -> list[str]:
    """Headers missing, repeated or not meant to be there."""
    wanted = [*REQUIRED_HEADERS, *(THREAD_HEADERS if threaded else ())]
    counts = Counter(name.lower() for name in parsed)
    found = [f"header {name} missing" for name in wanted if counts[name.lower()] == 0]
    allowed = {name.lower() for name in (*wanted, *_OPTIONAL_HEADERS)}
    for name, count in counts.items():
        if name not in allowed:
            found.append(f"unexpected header {name[:40]!r}")
        elif count > 1:
            found.append(f"header {name} appears {count} times")
    return found


def _values(parsed: Message, intended: Intended) -> list[str]:
    """Header values that parse back to something other than what was meant."""
    found = []
    for name, expected in (("From", intended.sender), ("To", intended.recipient)):
        addresses: tuple[Address, ...] = getattr(parsed[name], "addresses", ())
        if len(addresses) != 1 or addresses[0].addr_spec != expected:
            found.append(f"{name} is not the single address {expected}")
    expected_values = {
        "Subject": intended.subject,
        "Message-ID": intended.message_id,
        "Auto-Submitted": "auto-replied",
        "In-Reply-To": intended.in_reply_to,
        "References": intended.in_reply_to,
    }
    for name, expected_value in expected_values.items():
        if expected_value is not None and _squeezed(str(parsed[name])) != _squeezed(expected_value):
            found.append(f"{name} does not read back as written")
    return found


def _squeezed(text: str) -> str:
    """``text`` without white space: the package's folding may lose a space between two
    encoded words (``¡ ¡`` reads back as ``¡¡``), which changes no header."""
    return "".join(text.split())


def _shape(message: Message) -> tuple[str, ...]:
    """The content types of the message's parts, in order."""
    return tuple(part.get_content_type() for part in message.walk())
