"""``intake users`` and ``intake web`` as an operator runs them, and the ``[web]`` section."""

from __future__ import annotations

import socket
import time
import urllib.request
from pathlib import Path

import pytest

from intake.config.runtime import open_runtime
from intake.errors import ConfigError
from intake.hr.users import account_by_email, sign_in
from tests.configs import make_config, write_config_file
from tests.processes import run_intake, start_intake
from tests.web_console import SECRET


def _users(config: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    import subprocess
    import sys

    from tests.processes import REPO

    done = subprocess.run(
        [sys.executable, "-m", "intake", "--config", str(config), "users", *args],
        cwd=REPO, input=stdin, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def test_users_are_added_listed_and_removed(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config_file(tmp_path, sqlite_url)
    assert run_intake("--config", str(config), "db", "upgrade").returncode == 0
    add = ("add", "pat", "--role", "panel", "--vacancy", "WCO/2025/DD-IS", "--password-stdin")
    assert _users(config, *add, stdin="a long password\n")[0] == 0
    code, out, _err = _users(config, "list")
    assert code == 0 and "pat" in out and "panel" in out and "WCO/2025/DD-IS" in out
    assert _users(config, *add, stdin="a long password\n")[0] == 2
    assert _users(config, "remove", "pat")[0] == 0
    assert "pat" not in _users(config, "list")[1]


def test_users_add_with_an_email_and_no_password_signs_in_only_through_oidc(
    tmp_path: Path, sqlite_url: str
) -> None:
    config = write_config_file(tmp_path, sqlite_url)
    assert run_intake("--config", str(config), "db", "upgrade").returncode == 0
    add = ("add", "olga", "--role", "hr", "--email", "Olga@Org.Example", "--no-password")
    assert _users(config, *add)[0] == 0
    code, out, _err = _users(config, "list")
    assert code == 0 and "olga@org.example" in out
    refused = _users(config, "add", "oleg", "--role", "hr", "--email", "olga@org.example",
                     "--no-password")  # fmt: skip
    assert refused[0] == 2 and "olga" in refused[2] and "Traceback" not in refused[2]
    assert _users(config, "add", "ivo", "--role", "hr", "--no-password")[0] == 2
    assert _users(config, "add", "ivo", "--role", "hr", "--email", "not-an-address",
                  "--no-password")[0] == 2  # fmt: skip
    assert _users(config, "remove", "olga")[0] == 0
    assert _users(config, "add", "oleg", "--role", "hr", "--email", "olga@org.example",
                  "--no-password")[0] == 0  # fmt: skip
    runtime = open_runtime(make_config(tmp_path, sqlite_url))
    try:
        with runtime.sessions() as session:
            assert sign_in(session, "oleg", "") is None
            found = account_by_email(session, "OLGA@org.example")
            assert found is not None and found.name == "oleg"
    finally:
        runtime.close()


def test_users_add_takes_the_password_from_the_variable_it_names(
    tmp_path: Path, sqlite_url: str
) -> None:
    config = write_config_file(tmp_path, sqlite_url)
    assert run_intake("--config", str(config), "db", "upgrade").returncode == 0
    add = ("--config", str(config), "users", "add", "ana", "--role", "hr")
    missing = run_intake(*add, "--password-env", "HR_NEW_PASSWORD")
    assert missing.returncode == 2 and "HR_NEW_PASSWORD is not set" in missing.stderr
    done = run_intake(*add, "--password-env", "HR_NEW_PASSWORD", env={"HR_NEW_PASSWORD": "x" * 12})
    assert done.returncode == 0, done.stderr
    runtime = open_runtime(make_config(tmp_path, sqlite_url))
    try:
        with runtime.sessions() as session:
            assert sign_in(session, "ana", "x" * 12) is not None
    finally:
        runtime.close()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("add", "x", "--role", "panel", "--password-stdin"), "--vacancy"),
        (("add", "x", "--role", "hr", "--password-stdin"), "at least 10"),
        (("remove", "nobody"), "no user 'nobody'"),
    ],
)
def test_users_mistakes_are_one_line(
    tmp_path: Path, sqlite_url: str, args: tuple[str, ...], said: str
) -> None:
    config = write_config_file(tmp_path, sqlite_url)
    assert run_intake("--config", str(config), "db", "upgrade").returncode == 0
    code, _out, err = _users(config, *args, stdin="short\n")
    assert code == 2 and said in err and "Traceback" not in err


def test_a_wrong_web_key_is_named(tmp_path: Path, sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match=r"web\.listen_on"):
        make_config(tmp_path, sqlite_url, {"web": {"listen_on": "0.0.0.0:80"}})
    with pytest.raises(ConfigError, match=r"web\.secure_cookies"):
        make_config(tmp_path, sqlite_url, {"web": {"secure_cookies": "yes"}})
    with pytest.raises(ConfigError, match=r"web\.listen"):
        make_config(tmp_path, sqlite_url, {"web": {"listen": "8080"}})


def test_web_without_its_key_fails_in_one_line_naming_the_variable(
    tmp_path: Path, sqlite_url: str
) -> None:
    config = write_config_file(tmp_path, sqlite_url, {"web": {"secret_key_env": "HR_WEB_KEY"}})
    done = run_intake("--config", str(config), "web", secrets=False)
    assert done.returncode == 2
    assert "web.secret_key_env" in done.stderr and "HR_WEB_KEY" in done.stderr
    assert "Traceback" not in done.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_web_serves_the_sign_in_page_until_terminated(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config_file(tmp_path, sqlite_url)
    assert run_intake("--config", str(config), "db", "upgrade").returncode == 0
    port = _free_port()
    process = start_intake(
        "--config", str(config), "web", "--listen", f"127.0.0.1:{port}",
        env={"INTAKE_WEB_SECRET_KEY": SECRET},
    )  # fmt: skip
    try:
        page = _wait_for(f"http://127.0.0.1:{port}/login")
        assert 'id="login"' in page and 'name="csrf_token"' in page
    finally:
        process.terminate()
        process.communicate(timeout=30)
    assert process.returncode == 0


def _wait_for(url: str) -> str:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return str(answer.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_check_config_shows_the_web_keys_and_never_the_session_key(
    tmp_path: Path, sqlite_url: str
) -> None:
    from intake.config.render import config_lines

    web = {"listen": "[::1]:8443", "secret_key_env": "HR_WEB_KEY", "secure_cookies": "true"}
    config = make_config(tmp_path, sqlite_url, {"web": web}, environ={"HR_WEB_KEY": SECRET})
    lines = list(config_lines(config))
    assert 'web.listen = "[::1]:8443"' in lines
    assert 'web.secret_key_env = "HR_WEB_KEY"' in lines
    assert 'web.secure_cookies = "true"' in lines and "web.session_minutes = 480" in lines
    assert not any(SECRET in line for line in lines)
