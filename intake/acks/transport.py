"""The Transport protocol acknowledgements are handed to, and the one the config names."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Protocol

from intake.config.settings import Config


class Transport(Protocol):
    """Delivers one message to exactly one envelope recipient; raises TemporaryFailure or
    PermanentFailure (intake.acks.errors) when it cannot."""

    def send(self, message: EmailMessage, recipient: str) -> None:
        """Hand ``message`` over for ``recipient`` alone (never the message's own headers)."""

    def close(self) -> None:
        """Release connections; the transport may be used again afterwards."""


def open_transport(config: Config) -> Transport | None:
    """The configured transport; None when acknowledgements are off."""
    acks = config.acknowledgements
    if acks.transport == "smtp":
        from intake.acks.transport_smtp import SmtpTransport

        return SmtpTransport(config.smtp)
    if acks.transport == "file":
        from intake.acks.transport_file import FileTransport

        assert acks.directory is not None  # validation requires it
        return FileTransport(acks.directory)
    return None
