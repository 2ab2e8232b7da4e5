"""Whether an application gets an acknowledgement, to whom, or why not (pure, no I/O)."""

from __future__ import annotations

from intake.acks.addresses import (
    is_automated,
    own_addresses,
    own_domain_of,
    own_domains,
    plain_address,
)
from intake.acks.compose import outbound_message_id
from intake.config.settings import Config
from parsers.model import ParsedMessage
from storage.records import AcknowledgementRecord

OFF_REASON = "acknowledgements.transport is off"
# Precedence values of mail sent to many (RFC 3834 section 2 asks responders to skip them).
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply"})
# Headers that only automated or list mail carries.
_AUTOMATED_HEADERS = ("X-Autoreply", "X-Autorespond")
_LIST_HEADERS = ("List-Id", "List-Unsubscribe")


def initial_acknowledgement(
    parsed: ParsedMessage, config: Config, language: str, token: str
) -> AcknowledgementRecord:
    """The outbox row written with an application: ``pending`` (with its Message-ID fixed
    from ``token``), ``suppressed`` with the reason, or ``disabled`` when the transport is off."""
    ours = own_addresses(config)
    recipient = choose_recipient(parsed)
    if config.acknowledgements.transport == "off":
        return AcknowledgementRecord("disabled", recipient, OFF_REASON, language)
    reason = suppression_reason(parsed, recipient, ours)
    if reason is not None:
        return AcknowledgementRecord("suppressed", recipient, reason, language)
    return AcknowledgementRecord(
        "pending", recipient, None, language, _message_id(config.acknowledgements.sender, token)
    )


def choose_recipient(parsed: ParsedMessage) -> str | None:
    """The single mailbox of From, when From names exactly one, plainly, and is no group.

    Reply-To is never used: it names whoever the sender wishes, a third party included.
    """
    if parsed.from_is_group or len(parsed.from_addresses) != 1:
        return None
    return plain_address(parsed.from_addresses[0])


def suppression_reason(
    parsed: ParsedMessage, recipient: str | None, ours: frozenset[str]
) -> str | None:
    """Why no acknowledgement may be sent for this message, or None."""
    if parsed.return_path == "":
        return "null Return-Path (<>): the message is a delivery or other notification"
    automatic = _automatic_header(parsed)
    if automatic is not None:
        return automatic
    if recipient is None:
        return _no_single_mailbox(parsed)
    if parsed.sender is not None and parsed.sender != recipient:
        return f"From is read two ways ({parsed.sender} and {recipient}): no single mailbox"
    if recipient in ours:
        return f"recipient {recipient} is our own address"
    domain = own_domain_of(recipient, own_domains(ours))
    if domain is not None:
        return f"recipient {recipient} is in the organisation's own domain {domain}"
    if is_automated(recipient):
        return f"recipient {recipient} is an automated mailbox (no-reply, daemon, bounce or role)"
    return None


def _no_single_mailbox(parsed: ParsedMessage) -> str:
    """Why From gives no address to answer."""
    if parsed.from_is_group:
        return "From is a group: no single mailbox to answer (Reply-To is never used)"
    if len(parsed.from_addresses) > 1:
        count = len(parsed.from_addresses)
        return f"From names {count} addresses: no single mailbox to answer"
    return "no usable recipient address in From (Reply-To is never used)"


def _automatic_header(parsed: ParsedMessage) -> str | None:
    """The header marking the message as automatic or bulk mail, as a reason."""
    auto_submitted = (parsed.header("Auto-Submitted") or "").split(";")[0].strip().lower()
    if auto_submitted and auto_submitted != "no":
        return f"Auto-Submitted: {auto_submitted}: the message was sent automatically"
    precedence = (parsed.header("Precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}: bulk or list mail"
    for name in _AUTOMATED_HEADERS:
        if parsed.has_header(name):
            return f"{name} header: the message is an automatic reply"
    for name in _LIST_HEADERS:
        if parsed.has_header(name):
            return f"{name} header: the message came through a mailing list"
    return None


def _message_id(sender: str, token: str) -> str | None:
    """Our Message-ID for the acknowledgement; None when the sender has no usable domain (the
    sender step then fixes one before the first attempt)."""
    try:
        return outbound_message_id(sender, token)
    except ValueError:
        return None
