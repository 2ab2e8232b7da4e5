"""``intake oauth2 login`` against the test token server's device endpoint over HTTP (generic)."""

from __future__ import annotations

import signal
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.oauth2_server import CLIENT_ID, DEVICE_REFRESH_TOKEN, TokenServer, token_server
from tests.processes import start_intake

__all__ = ["token_server"]

TOKEN_ENV = "INTAKE_TEST_DEVICE_REFRESH"


def mailbox_section(server: TokenServer, **keys: Any) -> dict[str, Any]:
    """A generic OAuth2 [mailbox] whose refresh token variable is not set yet."""
    section = {
        "kind": "imap",
        "host": "127.0.0.1",
        "username": "hr@example.org",
        "auth": "oauth2",
        "oauth2_provider": "generic",
        "oauth2_client_id": CLIENT_ID,
        "oauth2_token_url": f"{server.url}/token",
        "oauth2_device_url": f"{server.url}/device",
        "oauth2_refresh_token_env": TOKEN_ENV,
        "oauth2_scopes": ["mail", "offline_access"],
    }
    return {**section, **keys}


@pytest.fixture
def config_path(tmp_path: Path, token_server: TokenServer, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    overrides = {"mailbox": mailbox_section(token_server)}
    return write_config_file(tmp_path, f"sqlite:///{tmp_path / 'intake.db'}", overrides)


def login(
    path: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str], list[str]]:
    code, out, err = run_intake(path, capsys, "oauth2", "login", *args)
    return code, out, err.splitlines()


def test_approved_sign_in_writes_the_token_0600_after_the_pending_polls(
    config_path: Path, token_server: TokenServer, capsys: pytest.CaptureFixture[str]
) -> None:
    token_server.device.pending = 3
    target = config_path.parent / "refresh-token"
    code, out, err = login(config_path, capsys, "--write-token", str(target))
    assert (code, out) == (0, [])
    assert target.read_text() == DEVICE_REFRESH_TOKEN + "\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert token_server.device.polls == 4
    assert token_server.device.requests[0]["scope"] == "mail offline_access"
    assert err[0] == (
        "To sign in, open https://login.example.org/device and enter the code WDJB-MJHT"
    )
    assert err[-1] == f"Put it in the environment variable {TOKEN_ENV} of the service."
    assert DEVICE_REFRESH_TOKEN not in "\n".join(err)


def test_print_puts_the_token_alone_on_standard_output(
    config_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = login(config_path, capsys, "--print")
    assert (code, out) == (0, [DEVICE_REFRESH_TOKEN])
    assert DEVICE_REFRESH_TOKEN not in "\n".join(err)


def test_a_hostile_user_code_reaches_the_terminal_cleaned(
    config_path: Path, token_server: TokenServer, capsys: pytest.CaptureFixture[str]
) -> None:
    token_server.device.user_code = "\x1b[2J\x1b]0;owned\x07ABCD\r\nEFGH"
    code, _out, err = login(config_path, capsys, "--print")
    assert code == 0
    assert err[0].endswith("enter the code ABCD EFGH")
    assert "\x1b" not in "\n".join(err)


@pytest.mark.parametrize(
    ("outcome", "line"),
    [
        ("deny", "intake: error: the sign-in was refused (access_denied): no token was issued"),
        ("expire", "intake: error: the code expired before the sign-in was approved; start again"),
    ],
)
def test_denied_or_expired_sign_in_is_one_line_exit_1_and_no_file(
    config_path: Path,
    token_server: TokenServer,
    capsys: pytest.CaptureFixture[str],
    outcome: str,
    line: str,
) -> None:
    token_server.device.outcome = outcome
    target = config_path.parent / "refresh-token"
    code, out, err = login(config_path, capsys, "--write-token", str(target))
    assert (code, out, err[-1], target.exists()) == (1, [], line, False)
    assert "Traceback" not in "\n".join(err)


def test_an_existing_token_file_is_refused_before_the_sign_in_unless_forced(
    config_path: Path, token_server: TokenServer, capsys: pytest.CaptureFixture[str]
) -> None:
    target = config_path.parent / "refresh-token"
    target.write_text("an older token\n")
    code, _out, err = login(config_path, capsys, "--write-token", str(target))
    assert (code, len(err), token_server.device.requests) == (2, 1, [])
    assert err[0] == f"intake: --write-token: {target} exists; give --force to overwrite it"
    assert target.read_text() == "an older token\n"
    target.chmod(0o644)
    code, _out, _err = login(config_path, capsys, "--write-token", str(target), "--force")
    assert (code, target.read_text()) == (0, DEVICE_REFRESH_TOKEN + "\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unreachable_device_endpoint_is_one_line_exit_1(
    tmp_path: Path,
    token_server: TokenServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    section = mailbox_section(token_server, oauth2_device_url="http://127.0.0.1:9/device")
    path = write_config_file(tmp_path, "sqlite://", {"mailbox": section})
    code, _out, err = login(path, capsys, "--print")
    assert (code, len(err)) == (1, 1)
    assert err[0].startswith("intake: error: cannot reach OAuth2 endpoint http://127.0.0.1:9/")


@pytest.mark.parametrize(
    ("keys", "line"),
    [
        (
            {"oauth2_device_url": None},
            "intake: config error at 'mailbox.oauth2_device_url': is required by oauth2 login",
        ),
        (
            {"oauth2_device_url": "http://tokens.example.org/device"},
            "intake: config error at 'mailbox.oauth2_device_url': must be an https:// URL "
            "(http:// only for a loopback host)",
        ),
        (
            {"oauth2_refresh_token_env": None, "oauth2_client_secret_env": "HOME"},
            "intake: config error at 'mailbox.oauth2_refresh_token_env': is required by oauth2 "
            "login: it names the variable the refresh token goes in",
        ),
    ],
)
def test_a_config_without_what_the_login_needs_names_the_key(
    tmp_path: Path,
    token_server: TokenServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    keys: dict[str, Any],
    line: str,
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    section = {k: v for k, v in mailbox_section(token_server, **keys).items() if v is not None}
    path = write_config_file(tmp_path, "sqlite://", {"mailbox": section})
    code, _out, err = login(path, capsys, "--print")
    assert (code, err, token_server.device.requests) == (2, [line], [])


def test_ctrl_c_while_waiting_exits_130_without_a_traceback_or_a_file(
    config_path: Path, token_server: TokenServer
) -> None:
    token_server.device.pending = 10_000
    token_server.device.interval = 1
    target = config_path.parent / "refresh-token"
    process = start_intake(
        "--config", str(config_path), "oauth2", "login", "--write-token", str(target)
    )
    assert process.stderr is not None
    first = process.stderr.readline()  # the prompt: the sign-in has started
    process.send_signal(signal.SIGINT)
    _out, rest = process.communicate(timeout=60)
    assert first.startswith("To sign in, open https://login.example.org/device")
    assert (process.returncode, "Traceback" in rest, target.exists()) == (130, False, False)
    assert rest.splitlines()[-1] == "intake: oauth2 login interrupted; no token was written"


def test_section_smtp_signs_in_with_smtps_own_settings_and_names_its_variable(
    tmp_path: Path,
    token_server: TokenServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("INTAKE_TEST_SMTP_REFRESH", raising=False)
    oauth2_keys = {
        key: value
        for key, value in mailbox_section(token_server).items()
        if key.startswith("oauth2_")
    }
    smtp = {
        "host": "127.0.0.1",
        "security": "none",
        "username": "hr@example.org",
        "auth": "oauth2",
        **oauth2_keys,
        "oauth2_refresh_token_env": "INTAKE_TEST_SMTP_REFRESH",
    }
    path = write_config_file(tmp_path, "sqlite://", {"smtp": smtp})
    code, out, err = login(path, capsys, "--section", "smtp", "--print")
    assert (code, out) == (0, [DEVICE_REFRESH_TOKEN])
    assert err[-1] == "Put it in the environment variable INTAKE_TEST_SMTP_REFRESH of the service."
    code, _out, err = login(path, capsys, "--print")
    assert (code, err) == (
        2,
        ["intake: config error at 'mailbox.auth': is not \"oauth2\": there is no token to get"],
    )
