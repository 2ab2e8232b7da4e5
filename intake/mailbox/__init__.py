"""One Mailbox protocol for every kind of mailbox, with one message id type."""

from intake.mailbox.base import Ledger, Mailbox, RawMessage, Watermark

__all__ = ["Ledger", "Mailbox", "RawMessage", "Watermark"]
