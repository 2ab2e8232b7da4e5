"""``intake check-config --connect`` against real servers: one line per part, exit codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.dovecot import DovecotServer
from tests.dovecot_oauth2 import OAUTH2_ENVIRON, OAuth2Rig
from tests.smtp import SmtpServer, smtp_server

__all__ = ["smtp_server"]

pytestmark = pytest.mark.imap

SENDER = "WCO Recruitment <recruitment@example.org>"


def smtp_section(server: SmtpServer) -> dict[str, Any]:
    """[smtp] with auth = "oauth2" and the mailbox's OAuth2 settings and user."""
    password_keys = ("password_env", "username")
    section = {key: value for key, value in server.config().items() if key not in password_keys}
    return {**section, "auth": "oauth2"}


def write_config(tmp_path: Path, mailbox: dict[str, Any], smtp: dict[str, Any]) -> Path:
    acks = {"transport": "smtp", "sender": SENDER}
    overrides = {"mailbox": mailbox, "smtp": smtp, "acknowledgements": acks}
    return write_config_file(tmp_path, f"sqlite:///{tmp_path / 'intake.db'}", overrides)


@pytest.fixture
def oauth2_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in OAUTH2_ENVIRON.items():
        monkeypatch.setenv(name, value)


@pytest.mark.usefixtures("oauth2_environ")
def test_good_oauth2_credentials_give_ok_on_every_line_and_exit_0(
    tmp_path: Path,
    oauth2_rig: OAuth2Rig,
    smtp_oauth2_server: SmtpServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_config(tmp_path, oauth2_rig.mailbox_section(), smtp_section(smtp_oauth2_server))
    code, lines, err = run_intake(path, capsys, "check-config", "--connect")
    assert lines[0] == "config: ok"
    assert lines[1].startswith("database: ok (schema at ")
    assert lines[2] == "imap: ok (IDLE supported)"
    assert lines[3] == (
        "smtp: ok (MAIL FROM:<> accepted; MAIL FROM:<recruitment@example.org> accepted; "
        'envelope_from = "" in use)'
    )
    assert (code, len(lines), "Traceback" in err) == (0, 4, False), err


def test_bad_refresh_token_fails_imap_and_smtp_and_exits_1(
    tmp_path: Path,
    oauth2_rig: OAuth2Rig,
    smtp_oauth2_server: SmtpServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTAKE_TEST_OAUTH2_REFRESH", "a-refresh-token-that-was-revoked")
    path = write_config(tmp_path, oauth2_rig.mailbox_section(), smtp_section(smtp_oauth2_server))
    code, lines, err = run_intake(path, capsys, "check-config", "--connect")
    refusal = "refused: HTTP 400 invalid_grant: refresh token revoked"
    assert lines[2].startswith("imap: authentication failed: token endpoint http://127.0.0.1:")
    assert lines[2].endswith(refusal)
    assert lines[3].startswith("smtp: authentication failed: token endpoint ")
    assert lines[3].endswith(refusal)
    assert (code, "Traceback" in err, "a-refresh-token-that-was-revoked" in "".join(lines)) == (
        1,
        False,
        False,
    )


def test_wrong_imap_password_and_closed_smtp_port_are_named_and_exit_1(
    tmp_path: Path,
    dovecot: DovecotServer,
    smtp_server: SmtpServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTAKE_TEST_IMAP_PASSWORD", "not-the-password")
    mailbox = {
        "kind": "imap",
        "host": dovecot.host,
        "port": dovecot.port,
        "security": "starttls",
        "ca_file": str(dovecot.ca_file),
        "username": dovecot.username,
        "password_env": "INTAKE_TEST_IMAP_PASSWORD",
        "timeout_seconds": 10,
    }
    smtp_server.stop()  # nothing listens on its port any more
    path = write_config(tmp_path, mailbox, smtp_server.config())
    code, lines, err = run_intake(path, capsys, "check-config", "--connect")
    assert lines[2] == (
        f"imap: authentication failed: login to 127.0.0.1:{dovecot.port} refused: "
        "[AUTHENTICATIONFAILED] Authentication failed."
    )
    assert lines[3] == (
        f"smtp: connection refused (cannot connect to SMTP server 127.0.0.1:{smtp_server.port}: "
        "[Errno 111] Connection refused)"
    )
    assert (code, "Traceback" in err, "not-the-password" in "".join(lines)) == (1, False, False)


def test_without_connect_the_config_is_printed_with_secrets_masked(
    tmp_path: Path,
    oauth2_rig: OAuth2Rig,
    capsys: pytest.CaptureFixture[str],
    oauth2_environ: None,
) -> None:
    path = write_config(tmp_path, oauth2_rig.mailbox_section(), {"host": "127.0.0.1"})
    code, lines, _ = run_intake(path, capsys, "check-config")
    assert 'mailbox.oauth2.refresh_token = "********"' in lines
    assert 'mailbox.oauth2.provider = "generic"' in lines
    assert code == 0
