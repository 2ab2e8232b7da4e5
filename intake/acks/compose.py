"""Builds the acknowledgement email of one application: headers, plain text and HTML parts."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import datetime
from email import policy
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import Policy
from email.utils import format_datetime
from functools import lru_cache

from intake.acks.addresses import ascii_domain, one_address
from intake.acks.content import TEXT_LIMIT, AckContent, ComposeSettings, one_line, template_context
from intake.acks.errors import AckRecipientError
from intake.acks.header_check import Intended, checked
from intake.acks.header_text import header_text
from intake.acks.templating import render, template_names

DEFAULT_LANGUAGE = "en"
ACKNOWLEDGEMENT = "acknowledgement"
ENQUIRY = "enquiry"
COMPLETED = "completed"
KINDS = (ACKNOWLEDGEMENT, ENQUIRY, COMPLETED)
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = rf"{_ATOM}(?:\.{_ATOM})*"
_MSG_ID = re.compile(rf"<{_DOT_ATOM}@(?:{_DOT_ATOM}|\[[!-Z^-~]*\])>")
_MSG_ID_LIMIT = 250
_REPLY_PREFIX = re.compile(r"(?:re|aw|tr|réf\.?)\s*:", re.IGNORECASE)
_LANGUAGE_DIR = re.compile(r"[a-z]{2}")


def compose_acknowledgement(
    content: AckContent, settings: ComposeSettings, now: datetime
) -> EmailMessage:
    """The acknowledgement of one application, ready to send (plain text, then HTML)."""
    return _compose(ACKNOWLEDGEMENT, content, settings, now)


def compose_enquiry_reply(
    content: AckContent, settings: ComposeSettings, now: datetime
) -> EmailMessage:
    """The "we received your question" reply to an enquiry (plain text only)."""
    return _compose(ENQUIRY, content, settings, now)


def compose_completion(
    content: AckContent, settings: ComposeSettings, now: datetime
) -> EmailMessage:
    """The short "your application is now complete" note, in the thread of the message that
    completed it (plain text, or with HTML when the templates give it)."""
    return _compose(COMPLETED, content, settings, now)


def outbound_message_id(sender: str, token: str) -> str:
    """Our Message-ID ``<ack.{token}@{domain of the sender}>``; ValueError when not valid."""
    message_id = f"<ack.{token}@{_sender_address(sender).domain}>"
    if not is_msg_id(message_id):
        raise ValueError(f"not a valid Message-ID: {message_id!r}")
    return message_id


def pick_language(candidates: Sequence[str | None], available: Collection[str]) -> str:
    """The first candidate language that has templates, else English."""
    for language in candidates:
        if language and language.strip().lower() in available:
            return language.strip().lower()
    return DEFAULT_LANGUAGE


def available_languages(settings: ComposeSettings, kind: str = ACKNOWLEDGEMENT) -> frozenset[str]:
    """Languages whose folder holds the ``kind`` template and the subject template."""
    names = template_names(settings.templates_dir)
    return frozenset(
        language
        for language, _, leaf in (name.partition("/") for name in names)
        if _LANGUAGE_DIR.fullmatch(language)
        and leaf == f"{kind}.txt.j2"
        and f"{language}/subject.txt.j2" in names
    )


def is_msg_id(value: str) -> bool:
    """Whether the value is one syntactically valid msg-id (RFC 5322, no obsolete forms)."""
    return len(value) <= _MSG_ID_LIMIT and _MSG_ID.fullmatch(value) is not None


def reply_subject(original: str | None, neutral: str) -> str:
    """``Re: <original>`` ("Re:" not doubled), or the neutral subject when there is none; the
    original is decoded to the end and loses controls (``header_text``)."""
    subject = header_text(original, TEXT_LIMIT)
    if not subject:
        return header_text(neutral, TEXT_LIMIT)
    return subject if _REPLY_PREFIX.match(subject) else f"Re: {subject}"


def _compose(
    kind: str, content: AckContent, settings: ComposeSettings, now: datetime
) -> EmailMessage:
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    language = pick_language([content.language], available_languages(settings, kind))
    context = template_context(kind, content, settings, now, language)
    directory = settings.templates_dir
    neutral = render(directory, f"{language}/subject.txt.j2", context)
    subject = reply_subject(content.original_subject, neutral)
    message = _headers(content, settings, now, subject)
    message.set_content(
        render(directory, f"{language}/{kind}.txt.j2", context), cte="quoted-printable"
    )
    html = f"{language}/{kind}.html.j2"
    if html in template_names(directory):
        message.add_alternative(
            render(directory, html, context), subtype="html", cte="quoted-printable"
        )
    intended = Intended(
        sender=_sender_address(settings.sender).addr_spec,
        recipient=_recipient(content.recipient).addr_spec,
        subject=subject,
        message_id=content.outbound_message_id,
        in_reply_to=_thread_id(content),
    )
    checked(message, intended)
    return message


def _headers(
    content: AckContent, settings: ComposeSettings, now: datetime, subject: str
) -> EmailMessage:
    """Every header of the reply; only the subject and the threading carry candidate text."""
    if not is_msg_id(content.outbound_message_id):
        raise ValueError(f"not a valid Message-ID: {content.outbound_message_id!r}")
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = _sender_address(settings.sender)
    message["To"] = _recipient(content.recipient)
    message["Subject"] = subject
    message["Date"] = format_datetime(now.astimezone(settings.timezone))
    message["Message-ID"] = _MSG_ID_HEADERS("Message-ID", content.outbound_message_id)
    original = _thread_id(content)
    if original is not None:
        message["In-Reply-To"] = _MSG_ID_HEADERS("In-Reply-To", original)
        message["References"] = _MSG_ID_HEADERS("References", original)
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    return message


def _thread_id(content: AckContent) -> str | None:
    """The candidate's Message-ID when it is one valid msg-id that the header classes keep as
    it is (they decode an encoded word even inside a msg-id: such an id is left out)."""
    original = (content.original_message_id or "").strip()
    if is_msg_id(original) and str(_MSG_ID_HEADERS("In-Reply-To", original)) == original:
        return original
    return None


class _MsgIdHeader(UnstructuredHeader, BaseHeader):
    """A header holding one msg-id, written on one line: folding would encode a long msg-id
    (Outlook's often pass 78 characters) as an encoded-word, which no client reads as an id."""

    def fold(self, *, policy: Policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


_MSG_ID_HEADERS = HeaderRegistry()
for _name in ("message-id", "in-reply-to", "references"):
    _MSG_ID_HEADERS.map_to_type(_name, _MsgIdHeader)


@lru_cache(maxsize=8)  # the config's sender, read for every application and acknowledgement
def _sender_address(sender: str) -> Address:
    """The configured sender as one address; ValueError otherwise."""
    address = _one_address(sender)
    if address is None:
        raise ValueError(f"sender is not one address: {sender!r}")
    return address


def _recipient(recipient: str) -> Address:
    """The recipient as one bare addr-spec; AckRecipientError otherwise."""
    address = _one_address(recipient)
    if address is None or address.addr_spec != recipient.strip():
        raise AckRecipientError(recipient)
    try:  # an internationalised domain goes out in its ASCII (IDNA) form
        return Address(username=address.username, domain=ascii_domain(address.domain))
    except UnicodeError as exc:
        raise AckRecipientError(recipient) from exc


def _one_address(value: str) -> Address | None:
    """The one address with a domain that the text holds, else None (controls refused)."""
    text = value.strip()
    if not text or one_line(text) != text:
        return None
    return one_address(text)
