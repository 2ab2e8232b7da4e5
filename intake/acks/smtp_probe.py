"""``check-config --connect`` for SMTP: connect, secure, log in, and try the envelope senders
with MAIL FROM (then RSET): nothing is sent."""

from __future__ import annotations

import smtplib

from intake.acks.addresses import sender_address
from intake.acks.errors import ConnectionFailure
from intake.acks.transport import smtp_transport
from intake.acks.transport_smtp import reply_line
from intake.config.settings import Config
from intake.errors import OAuth2Error

__all__ = ["probe_smtp"]


def probe_smtp(config: Config) -> tuple[bool, str]:
    """(all well, what was found): the session, and which envelope senders the server takes."""
    transport = smtp_transport(config)
    try:
        client = transport.session()
        null = _try_sender(client, "")
        address = sender_address(config.acknowledgements.sender) or ""
        own = _try_sender(client, address) if address else None
    except ConnectionFailure as exc:
        return False, _connection_failure(exc)
    except (smtplib.SMTPException, OSError) as exc:
        return False, f"the server broke off the session: {exc}"
    finally:
        transport.close()
    chosen = config.acknowledgements.envelope_from
    in_use = null if chosen == "" else own
    parts = [f"MAIL FROM:<> {null or 'accepted'}"]
    if own is not None:
        parts.append(f"MAIL FROM:<{address}> {own or 'accepted'}")
    summary = "; ".join(parts)
    if in_use:
        fix = "sender" if chosen == "" else ""
        return False, f'envelope sender refused ({summary}); set envelope_from = "{fix}"'
    return True, f'ok ({summary}; envelope_from = "{chosen}" in use)'


def _try_sender(client: smtplib.SMTP, address: str) -> str:
    """'' when MAIL FROM:<address> is accepted, else ``refused: <code> <reply>``."""
    code, reply = client.mail(address)
    client.rset()
    if 200 <= code < 300:
        return ""
    return f"refused: {reply_line(code, reply)}"


def _connection_failure(exc: ConnectionFailure) -> str:
    """``authentication failed: 535 …``, ``connection refused …`` or the failure as it is."""
    cause = exc.__cause__
    if isinstance(cause, smtplib.SMTPAuthenticationError):
        return f"authentication failed: {reply_line(cause.smtp_code, cause.smtp_error)}"
    if isinstance(cause, OAuth2Error):
        return f"authentication failed: {cause}"
    text = str(exc)
    if isinstance(cause, ConnectionRefusedError):
        return f"connection refused ({text})"
    return text
