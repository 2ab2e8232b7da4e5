"""Opens the Mailbox the config describes: a Maildir folder or an IMAP account."""

from __future__ import annotations

from intake.config.settings import MailboxConfig
from intake.mailbox.base import Mailbox
from intake.mailbox.maildir import MaildirMailbox


def open_mailbox(config: MailboxConfig) -> Mailbox:
    """The Mailbox the config describes."""
    if config.kind == "maildir":
        assert config.path is not None  # validation requires it
        return MaildirMailbox(config.path, config.folder)
    from intake.mailbox.imap import ImapMailbox  # imported late: imapclient is heavy

    return ImapMailbox(config)
