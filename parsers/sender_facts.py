"""Sender, Reply-To and Date as mail-parser reads them from a capped copy of those headers."""

from __future__ import annotations

import email.utils
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import mailparser

from parsers.charsets import LINE_BREAK, clean_header_text

# mail-parser's warnings repeat what ParsedMessage.defects records, with sender-chosen text in
# them; a caller that wants them sets the logger's level itself, before or after this import.
_MAILPARSER_LOGGER = logging.getLogger("mailparser")
if _MAILPARSER_LOGGER.level == logging.NOTSET:
    _MAILPARSER_LOGGER.setLevel(logging.CRITICAL)

_MAX_MAILPARSER_HEADER_CHARS = 8 * 1024
_BARE_LOCAL_PART = re.compile(r"\s*([A-Za-z0-9._+-]+)\s*(?:\([^()]*\))?\s*")


@dataclass(frozen=True)
class SenderFacts:
    """Sender, Reply-To and Date as mail-parser reads them."""

    sender: str | None
    sender_name: str | None
    reply_to: str | None
    date_claimed: datetime | None
    defects: tuple[str, ...]


def sender_facts(first_raw: dict[str, str]) -> SenderFacts:
    """mail-parser's reading of From, Reply-To and Date, each unfolded and capped.

    mail-parser recovers addresses from malformed headers and validates dates, but on a
    whole message its eager work is quadratic (80,000 encoded words in one header took
    18 s, 150,000 addresses 6 s, and it decodes a punycode-labelled body with punycode),
    so it only ever sees a capped copy of these three headers.
    """
    lines = []
    for name in ("from", "reply-to", "date"):
        if name in first_raw:
            capped = LINE_BREAK.sub("", first_raw[name])[:_MAX_MAILPARSER_HEADER_CHARS]
            lines.append(f"{name}: {capped}\r\n")
    parsed = mailparser.parse_from_bytes(("".join(lines) + "\r\n").encode("utf-8"))
    sender, sender_name = _first_mailbox(parsed.from_)
    if sender is None:
        sender = _bare_local_part(first_raw.get("from"))
    date_claimed = _aware_date(parsed.date, first_raw.get("date"))
    return SenderFacts(
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
    address = clean_header_text(str(address)).lower() or None
    display_name = clean_header_text(str(display_name)) or None
    return address, display_name


def _bare_local_part(value: str | None) -> str | None:
    """A domain-less sender such as ``MAILER-DAEMON (Mail Delivery System)``, lowercased."""
    if value is None:
        return None
    match = _BARE_LOCAL_PART.fullmatch(LINE_BREAK.sub("", value)[:256])
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
