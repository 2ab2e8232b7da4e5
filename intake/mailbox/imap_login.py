"""Opening an IMAP session: TLS as configured, then LOGIN or AUTHENTICATE XOAUTH2.

With OAuth2 a refused AUTHENTICATE is retried once on a new connection with a newly fetched
token (the cached one may have been revoked or expired early); a second refusal is final.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from ssl import SSLContext
from typing import Any

from imapclient.exceptions import IMAPClientError, LoginError

from intake.config.credentials import TokenSource, token_source
from intake.config.settings import MailboxConfig
from intake.config.tls import client_context
from intake.errors import MailboxError

log = logging.getLogger(__name__)

Describe = Callable[[BaseException], str]


def tokens_for(config: MailboxConfig) -> TokenSource | None:
    """The token cache of an OAuth2 mailbox; None for a password login."""
    if config.auth != "oauth2" or config.oauth2 is None:
        return None
    return token_source(config.oauth2)


def open_session(
    config: MailboxConfig, factory: Any, tokens: TokenSource | None, describe: Describe, where: str
) -> Any:
    """A connected, logged-in client; a refused login is a MailboxError naming ``where``.

    Connection errors (OSError, imaplib aborts) are raised raw for the caller's reconnect
    logic; an OAuth2Error (no token to be had) passes through as the MailboxError it is.
    """
    try:
        return _connect_and_log_in(config, factory, tokens, fresh=False)
    except LoginError as exc:
        if tokens is None:
            raise MailboxError(f"login to {where} refused: {describe(exc)}") from exc
        log.info("%s: access token refused (%s); fetching a new one", where, describe(exc))
    try:
        return _connect_and_log_in(config, factory, tokens, fresh=True)
    except LoginError as exc:
        raise MailboxError(
            f"login to {where} refused even with a new access token: {describe(exc)}"
        ) from exc


def _connect_and_log_in(
    config: MailboxConfig, factory: Any, tokens: TokenSource | None, *, fresh: bool
) -> Any:
    implicit_tls = config.security == "ssl"
    client = factory(
        config.host,
        config.port,
        ssl=implicit_tls,
        ssl_context=_tls_context(config) if implicit_tls else None,
        timeout=float(config.timeout_seconds),
    )
    client.normalise_times = False
    try:
        if not implicit_tls and config.security != "none":  # plain text only if asked
            client.starttls(_tls_context(config))
        if tokens is not None:
            client.oauth2_login(config.username, tokens.token(fresh=fresh))
        else:
            client.login(config.username, config.password.value if config.password else "")
    except BaseException:
        _close(client)
        raise
    return client


def _tls_context(config: MailboxConfig) -> SSLContext:
    return client_context(config.ca_file, config.verify_certificates)


def _close(client: Any) -> None:
    try:
        client.shutdown()
    except (OSError, IMAPClientError) as exc:
        log.debug("closing an IMAP socket failed: %s", exc)
