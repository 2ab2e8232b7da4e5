"""Machine receipts and short notices that are no application: tickets, read receipts,
calendar invitations, "back on Monday".

Like ``parsers.robots``, each rule first asks whether a person could have sent the message
with an application: any attached document or application wording lets it through.
"""

from __future__ import annotations

from parsers import receipt_lexicon as words
from parsers.model import ParsedMessage
from parsers.robots import a_reply, asks_or_applies, machine_made, opening_lines, top_text
from parsers.sender_text import own_text, word_count

_NOTIFICATION_TYPE = "message/disposition-notification"
_CALENDAR_TYPES = frozenset({"text/calendar", "application/ics"})
# Own words a receipt or a calendar notice has at most.
_RECEIPT_WORDS = 120
# Own words of a short return notice ("Back on Monday.").
_SHORT_WORDS = 25


def help_desk_receipt(message: ParsedMessage) -> bool:
    """A ticket system logging the request under a number, or a receipt promising an answer."""
    if not _short(message, _RECEIPT_WORDS):
        return False
    opening = opening_lines(message)
    ticket = words.TICKET_RECEIPT.search(opening) is not None and (
        words.REFERENCE_NUMBER.search(f"{message.subject}\n{opening}") is not None
    )
    promise = words.RECEIVED_NOTICE.search(opening) is not None and (
        words.RESPONSE_TIME.search(opening) is not None
    )
    return ticket or promise


def read_receipt_text(message: ParsedMessage) -> bool:
    """A read receipt written as text ("Your message … was read on …") or nested in a part."""
    return _short(message, _RECEIPT_WORDS) and (
        words.READ_RECEIPT.search(opening_lines(message)) is not None
        or _NOTIFICATION_TYPE in message.part_types
    )


def calendar_message(message: ParsedMessage) -> bool:
    """A calendar invitation, answer or update: a text/calendar part and no document."""
    has_calendar = message.content_type in _CALENDAR_TYPES or not _CALENDAR_TYPES.isdisjoint(
        message.part_types
    )
    return has_calendar and _short(message, _RECEIPT_WORDS)


def back_on_day(message: ParsedMessage) -> bool:
    """A short reply that only says when the writer is back ("De retour lundi.")."""
    opening = opening_lines(message)
    return (
        _short(message, _SHORT_WORDS)
        and (a_reply(message) or words.AWAY_SUBJECT.match(message.subject) is not None)
        and words.BACK_ON.search(opening) is not None
        and words.WHEN.search(opening) is not None
        and not asks_or_applies(opening)
    )


def _short(message: ParsedMessage, limit: int) -> bool:
    """Nothing a person sends with an application, and few words of the sender's own."""
    return machine_made(message) and word_count(own_text(top_text(message))) <= limit
