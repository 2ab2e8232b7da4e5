"""Fixtures of the web tests: a seeded SQLite database, its users, a console client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from intake.config.runtime import open_runtime
from intake.config.settings import Config
from tests.configs import make_config
from tests.web_console import Seeded, add_users, client_for, seed


@pytest.fixture
def web_config(tmp_path: Path, sqlite_url: str) -> Config:
    """The test config on a fresh SQLite database."""
    return make_config(tmp_path, sqlite_url)


@pytest.fixture
def web_sessions(web_config: Config) -> Iterator[sessionmaker[Session]]:
    """The upgraded database with its users."""
    runtime = open_runtime(web_config)
    add_users(runtime.sessions)
    yield runtime.sessions
    runtime.close()


@pytest.fixture
def seeded(web_sessions: sessionmaker[Session]) -> Seeded:
    """The three seeded candidates."""
    return seed(web_sessions)


@pytest.fixture
def client(web_config: Config, web_sessions: sessionmaker[Session], seeded: Seeded) -> TestClient:
    """An anonymous client of a console over the seeded database."""
    return client_for(web_config, web_sessions)
