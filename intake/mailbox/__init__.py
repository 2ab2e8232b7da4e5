"""The mailbox wing: one Mailbox protocol for every kind of mailbox, with one message id type.

It owns the IMAP and Maildir adapters, the in-memory fake, opening the one the config names,
and the ledger a mailbox asks what is already stored. It imports only config, the root and
storage/; never rules, acks or a wing above them.
"""

from intake.mailbox.base import Ledger, Mailbox, RawMessage, Watermark

__all__ = ["Ledger", "Mailbox", "RawMessage", "Watermark"]
