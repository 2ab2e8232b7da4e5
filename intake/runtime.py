"""Opens what a command needs from the config: the database (upgraded) and the mailbox."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from intake.config import Config, MailboxConfig
from intake.mailbox.base import Mailbox
from intake.mailbox.maildir import MaildirMailbox
from storage.database import create_database_engine, database_errors, session_factory
from storage.migrate import upgrade_to_head


@dataclass(frozen=True)
class Runtime:
    """The validated config with an open database."""

    config: Config
    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        """Release pooled connections."""
        self.engine.dispose()


def open_runtime(config: Config, upgrade: bool = True) -> Runtime:
    """Open the database and, by default, bring its schema to the newest revision."""
    engine = create_database_engine(config.database.url)
    if upgrade:
        with database_errors():
            upgrade_to_head(engine)
    return Runtime(config=config, engine=engine, sessions=session_factory(engine))


def open_mailbox(config: MailboxConfig) -> Mailbox:
    """The Mailbox the config describes."""
    if config.kind == "maildir":
        assert config.path is not None  # validation requires it
        return MaildirMailbox(config.path, config.folder)
    from intake.mailbox.imap import ImapMailbox  # imported late: imapclient is heavy

    return ImapMailbox(config)
