"""The SMTP transport: smtplib over SSL, STARTTLS (certificate checked) or plain, one connection
reused for a batch, every smtplib, socket and ssl error classified as temporary or permanent.

The envelope sender is the null path (``MAIL FROM:<>``), as RFC 3834 section 3.3 recommends for
automatic responses: a bounce of an acknowledgement goes nowhere instead of starting a loop.
Authenticated submission to Microsoft 365 or Gmail refuses it, so ``envelope_from = "sender"``
makes it the configured sender's address instead. The envelope recipient is the one address
given, never one read from the message's headers.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from intake.acks.addresses import envelope_address
from intake.acks.errors import ConnectionFailure, PermanentFailure, TemporaryFailure
from intake.acks.smtp_login import BearerTokens, log_in
from intake.config.settings import SmtpConfig
from intake.config.tls import client_context
from intake.errors import OAuth2Error

NULL_SENDER = ""  # smtplib writes it as MAIL FROM:<>


class SmtpTransport:
    """Sends through the configured server; connects on first use and after a dropped line."""

    def __init__(
        self,
        config: SmtpConfig,
        *,
        envelope_from: str = NULL_SENDER,
        tokens: BearerTokens | None = None,
    ) -> None:
        self._config = config
        self._envelope_from = envelope_from
        self._tokens = tokens
        self._client: smtplib.SMTP | None = None

    def send(self, message: EmailMessage, recipient: str) -> None:
        """Deliver to ``recipient`` alone; TemporaryFailure or PermanentFailure otherwise."""
        client = self._connected()
        try:
            envelope = [envelope_address(recipient)]  # an IDN domain as the To header has it
            client.send_message(message, from_addr=self._envelope_from, to_addrs=envelope)
        except (smtplib.SMTPException, OSError) as exc:
            failure = _classify(exc, recipient, self._where())
            if not isinstance(failure, PermanentFailure):
                self._drop()  # a 4xx may close the session (421); a fresh one is cheap
            raise failure from exc

    def session(self) -> smtplib.SMTP:
        """The connected, logged-in client (opened now if need be); ConnectionFailure if not."""
        return self._connected()

    def close(self) -> None:
        """Say QUIT (politely, errors ignored) and forget the connection."""
        client, self._client = self._client, None
        if client is not None:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()

    def _connected(self) -> smtplib.SMTP:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> smtplib.SMTP:
        """A connected, secured and logged-in client; TemporaryFailure when any step fails."""
        config = self._config
        client: smtplib.SMTP | None = None
        try:
            if config.security == "ssl":
                client = smtplib.SMTP_SSL(
                    config.host, config.port, timeout=config.timeout_seconds, context=self._tls()
                )
            else:
                client = smtplib.SMTP(config.host, config.port, timeout=config.timeout_seconds)
                if config.security == "starttls":
                    client.starttls(context=self._tls())
                    client.ehlo()
            log_in(client, config, self._tokens)
            return client
        except (smtplib.SMTPException, OSError, OAuth2Error) as exc:
            if client is not None:
                client.close()
            raise ConnectionFailure(f"cannot connect to {self._where()}: {_describe(exc)}") from exc

    def _tls(self) -> ssl.SSLContext:
        return client_context(self._config.ca_file, self._config.verify_certificates)

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def _where(self) -> str:
        return f"SMTP server {self._config.host}:{self._config.port}"


def _classify(
    exc: smtplib.SMTPException | OSError, recipient: str, where: str
) -> TemporaryFailure | PermanentFailure:
    """What a failed send means: the server's reply code decides, else it is temporary."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(exc.recipients.values()), (-1, b"recipient refused"))
        return _by_code(code, reply, f"recipient {recipient} refused")
    if isinstance(exc, smtplib.SMTPResponseException):
        return _by_code(exc.smtp_code, exc.smtp_error, "message refused")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return PermanentFailure(f"the server cannot take this message: {exc}")
    return TemporaryFailure(f"connection to {where} lost: {_describe(exc)}")


def _by_code(code: int, reply: bytes | str, what: str) -> TemporaryFailure | PermanentFailure:
    """5xx is permanent; 4xx and anything else (no code, a dropped line) temporary."""
    detail = f"{what}: {reply_line(code, reply)}"
    return PermanentFailure(detail) if 500 <= code <= 599 else TemporaryFailure(detail)


def _describe(exc: BaseException) -> str:
    """One line about ``exc``; a server reply, never what the client sent."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return reply_line(exc.smtp_code, exc.smtp_error)
    return str(exc) or type(exc).__name__


def reply_line(code: int, reply: bytes | str) -> str:
    """A server reply as one line: ``550 5.1.1 no such user``."""
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return f"{code} {' '.join(text.split())}"
