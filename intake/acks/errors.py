"""Exception tree of the acknowledgements.

IntakeError (intake.errors)
└── AckError              every error intake.acks raises on purpose
    ├── AckTemplateError  a template is broken (syntax, undefined variable): names file, line
    ├── AckRecipientError the recipient is not one plain address (addr-spec)
    ├── AckUnsafeError    the composed message, parsed back, is not the one meant: never sent
    └── AckTransportError the transport could not take the message
        ├── TemporaryFailure  4xx, connection lost, timeout: retried later
        │   ├── ConnectionFailure  the server cannot be reached or refuses the session
        │   └── OutboxFolderError  the file transport's folder cannot be written (full disk,
        │                          I/O error): the drain stops and the cycle fails
        └── PermanentFailure  5xx: the acknowledgement fails at once

Further kinds of AckError (sending, for one) are added here as subclasses of AckError, so a
caller can catch the whole family with one ``except AckError``.
"""

from __future__ import annotations

from intake.errors import IntakeError


class AckError(IntakeError):
    """Base of every error raised by the acknowledgements."""


class AckTemplateError(AckError):
    """A template could not be loaded or rendered; the message names the file and the line."""

    def __init__(self, template: str, line: int | None, problem: str) -> None:
        where = f"{template}, line {line}" if line else template
        super().__init__(f"acknowledgement template {where}: {problem}")
        self.template = template
        self.line = line
        self.problem = problem


class AckRecipientError(AckError):
    """The recipient is not one plain address (addr-spec) an acknowledgement can go to."""

    def __init__(self, recipient: str) -> None:
        super().__init__(f"acknowledgement recipient is not one plain address: {recipient!r}")
        self.recipient = recipient


class AckUnsafeError(AckError):
    """The composed acknowledgement, serialised and parsed back, differs from the one meant
    (a header added, lost or changed): it must not be sent."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"acknowledgement not sent, its headers are unsafe: {problem}")
        self.problem = problem


class AckTransportError(AckError):
    """An acknowledgement could not be handed to the transport (SMTP server, folder)."""


class TemporaryFailure(AckTransportError):
    """Sending may work later: a 4xx reply, a refused or dropped connection, a timeout."""


class ConnectionFailure(TemporaryFailure):
    """No session with the server (refused, TLS or login failure): nothing can be sent now."""


class OutboxFolderError(TemporaryFailure):
    """The folder of the file transport refuses writes (ENOSPC, EIO, permissions): a storage
    fault of this machine, not of the acknowledgement, so the cycle fails and says so."""


class PermanentFailure(AckTransportError):
    """Sending this message will never work: a 5xx reply, quoted in the error text."""
