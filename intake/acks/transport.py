"""The Transport protocol acknowledgements are handed to, and the one the config names."""

from __future__ import annotations

from email.message import EmailMessage
from typing import TYPE_CHECKING, Protocol

from intake.config.settings import Config

if TYPE_CHECKING:
    from intake.acks.transport_smtp import SmtpTransport


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
        return smtp_transport(config)
    if acks.transport == "file":
        from intake.acks.transport_file import FileTransport

        assert acks.directory is not None  # validation requires it
        return FileTransport(acks.directory)
    return None


def smtp_transport(config: Config) -> SmtpTransport:
    """SMTP with the configured envelope sender and, for ``auth = "oauth2"``, a token cache."""
    from intake.acks.addresses import sender_address
    from intake.acks.transport_smtp import NULL_SENDER, SmtpTransport
    from intake.config.credentials import token_source

    acks, smtp = config.acknowledgements, config.smtp
    envelope_from = NULL_SENDER
    if acks.envelope_from == "sender":
        envelope_from = sender_address(acks.sender) or NULL_SENDER
    tokens = token_source(smtp.oauth2) if smtp.auth == "oauth2" and smtp.oauth2 else None
    return SmtpTransport(smtp, envelope_from=envelope_from, tokens=tokens)
