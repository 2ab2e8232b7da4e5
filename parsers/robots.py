"""Robots whose headers do not say so, known by their parts, their opening lines and our echo.

Each rule here reads content, so each first asks whether a person could have written the
message: a robot sends no CV or letter (``documents``), opens with its formula rather than
an application, and writes little of its own. HR must never lose an application, so any
attached document, or application wording in the opening lines, lets the message through.
"""

from __future__ import annotations

import re

from parsers import robot_lexicon as words
from parsers.model import ParsedMessage
from parsers.sender_text import documents, first_lines, mentions_application, own_text, word_count

_DELIVERY_STATUS_TYPES = frozenset({"message/delivery-status", "message/global-delivery-status"})
# How many non-blank lines of the sender's own text count as the opening.
_OPENING_LINES = 8
# Own words an automatic reply has at most (bilingual and trilingual ones included).
_ROBOT_WORDS = 250
# Own words a reply to our acknowledgement may add and still be an echo of it.
_ECHO_WORDS = 25
_QUOTE_MARKS = re.compile(r"[\s>]+")
# How much of a body the rules read: a robot says what it is at the top, and a hostile
# body of megabytes must not cost more than this.
_READ_CHARS = 20_000


def delivery_status_part(message: ParsedMessage) -> bool:
    """A delivery-status part anywhere in the tree (a DSN inside a report or a forwarded one)."""
    return machine_made(message) and not _DELIVERY_STATUS_TYPES.isdisjoint(message.part_types)


def delivery_failure_text(message: ParsedMessage) -> bool:
    """A bounce in plain words: a failure subject, or a failure report opening the body."""
    if not machine_made(message) or words.FORWARD_PREFIX.match(message.subject):
        return False
    return (
        words.BOUNCE_SUBJECT.search(message.subject) is not None
        or words.BOUNCE_OPENING.search(opening_lines(message)) is not None
    )


def out_of_office_subject(message: ParsedMessage) -> bool:
    """A subject starting like an automatic reply, in one of the languages of the mailbox."""
    return machine_made(message) and words.OUT_OF_OFFICE_SUBJECT.search(message.subject) is not None


def out_of_office_text(message: ParsedMessage) -> bool:
    """Opening lines that say "automatic reply", or that the writer is away until a date."""
    opening = opening_lines(message)
    if not machine_made(message) or word_count(own_text(top_text(message))) > _ROBOT_WORDS:
        return False
    if words.AUTOMATIC_OPENING.search(opening) is not None:
        return True
    return _away_until(opening) and a_reply(message) and not asks_or_applies(opening)


def acknowledgement_echo(message: ParsedMessage) -> bool:
    """A reply to one of our acknowledgements that adds no file, no question and few words."""
    own = own_text(top_text(message))
    if not machine_made(message) or asks_or_applies(own) or mentions_application(own):
        return False
    return word_count(own) <= _ECHO_WORDS and answers_our_acknowledgement(message)


def answers_our_acknowledgement(message: ParsedMessage) -> bool:
    """The message replies to one of our acknowledgements: its threading names an ack's
    Message-ID, or its text quotes one."""
    return _refers_to_our_ack(message) or _quotes_our_ack(message)


def _away_until(opening: str) -> bool:
    """Being away and a return or a date, as vacation notices say it."""
    return (
        words.AWAY.search(opening) is not None and words.RETURN_OR_DATE.search(opening) is not None
    )


def a_reply(message: ParsedMessage) -> bool:
    """Vacation programs answer a message: a reply's subject or threading headers."""
    threaded = message.has_header("In-Reply-To") or message.has_header("References")
    return threaded or words.REPLY_SUBJECT.match(message.subject) is not None


def asks_or_applies(opening: str) -> bool:
    """A person saying they are away still asks questions or writes about the post."""
    return "?" in opening or "¿" in opening or words.ABOUT_THE_POST.search(opening) is not None


def machine_made(message: ParsedMessage) -> bool:
    """Nothing a person would send with an application: no document, no application opening."""
    return not documents(message) and not mentions_application(opening_lines(message))


def top_text(message: ParsedMessage) -> str:
    """The part of the body the rules read."""
    return message.body_text[:_READ_CHARS]


def opening_lines(message: ParsedMessage) -> str:
    """The first lines of what the sender wrote this time."""
    return first_lines(own_text(top_text(message)), _OPENING_LINES)


def _refers_to_our_ack(message: ParsedMessage) -> bool:
    threading = f"{message.header('In-Reply-To') or ''} {message.header('References') or ''}"
    return words.OUR_ACK_ID.search(threading) is not None


def _quotes_our_ack(message: ParsedMessage) -> bool:
    flat = _QUOTE_MARKS.sub(" ", top_text(message))
    return words.OUR_ACKNOWLEDGEMENT.search(flat) is not None
