"""Shared fixtures: real servers (Dovecot, PostgreSQL), databases and configs on 127.0.0.1."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.config.runtime import Runtime, open_runtime
from intake.config.settings import Config
from tests.configs import make_config

pytest_plugins = [
    "tests.dovecot",
    "tests.oauth2_server",
    "tests.oidc_provider",
    "tests.dovecot_oauth2",
    "tests.smtp_oauth2",
    "tests.postgres",
]


def pytest_configure() -> None:
    """Ctrl-C reaches the commands the tests start, however the suite itself was started: a
    shell starting it in the background (``&``) makes it ignore SIGINT, and every process it
    starts would ignore it too."""
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh empty database: SQLite in a temp dir, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'intake.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file."""
    return f"sqlite:///{tmp_path / 'intake.db'}"


@pytest.fixture
def config(tmp_path: Path, database_url: str) -> Config:
    """A config with a Maildir under tmp_path and the parametrised database."""
    return make_config(tmp_path, database_url)


@pytest.fixture
def runtime(config: Config) -> Iterator[Runtime]:
    """The config's database, upgraded to head."""
    opened = open_runtime(config)
    yield opened
    opened.close()


@pytest.fixture
def sessions(runtime: Runtime) -> sessionmaker[Session]:
    """Sessions on the upgraded database."""
    return runtime.sessions
