"""``check-config --connect`` for the mailbox: log in, select the folder, look for IDLE."""

from __future__ import annotations

from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from intake.config.settings import MailboxConfig
from intake.errors import MailboxError, OAuth2Error
from intake.mailbox.imap_login import open_session, tokens_for

__all__ = ["probe_mailbox"]


def probe_mailbox(config: MailboxConfig) -> str:
    """What the check found (``ok (IDLE supported)``); MailboxError saying why it failed."""
    if config.kind == "maildir":
        assert config.path is not None  # validation requires it
        if not (config.path / "cur").is_dir():
            raise MailboxError(f"{config.path} is not a Maildir (no cur/ folder)")
        return "ok"
    where = f"{config.host}:{config.port}"
    try:
        client = open_session(config, IMAPClient, tokens_for(config), _describe, where)
    except (OSError, IMAPClientError) as exc:
        raise MailboxError(f"cannot connect to {where}: {_describe(exc)}") from exc
    except MailboxError as exc:
        if isinstance(exc, OAuth2Error) or isinstance(exc.__cause__, LoginError):
            raise MailboxError(f"authentication failed: {exc}") from exc
        raise
    try:
        return _inspect(client, config.folder)
    except (OSError, IMAPClientError) as exc:
        raise MailboxError(f"folder {config.folder!r} on {where}: {_describe(exc)}") from exc
    finally:
        _log_out(client)


def _inspect(client: Any, folder: str) -> str:
    client.select_folder(folder, readonly=True)
    idle = "IDLE supported" if client.has_capability("IDLE") else "no IDLE: polling only"
    return f"ok ({idle})"


def _log_out(client: Any) -> None:
    try:
        client.logout()
    except (OSError, IMAPClientError):
        client.shutdown()


def _describe(exc: BaseException) -> str:
    """One line of a server's or the socket's complaint (a login error never holds a secret)."""
    detail = exc.args[0] if len(exc.args) == 1 else exc
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    text = " ".join(str(detail).split())
    if text.startswith(("b'", 'b"')) and text.endswith(text[1]):  # imapclient's str(bytes)
        text = text[2:-1]
    return text or type(exc).__name__
