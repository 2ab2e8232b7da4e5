"""The postgres fixtures give every test a real server and a fresh, empty database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

pytestmark = pytest.mark.postgres

MARKER_TABLE = "fixture_marker"


@pytest.fixture
def engine(postgres_url: str) -> Iterator[Engine]:
    """An engine on the test's own database, disposed before the database is dropped."""
    engine = create_engine(postgres_url)
    try:
        yield engine
    finally:
        engine.dispose()


def test_url_names_a_fresh_psycopg_database(postgres_url: str) -> None:
    url = make_url(postgres_url)
    assert url.drivername == "postgresql+psycopg"
    assert url.database is not None
    assert url.database.startswith("test_")


def test_server_is_real_postgresql(engine: Engine) -> None:
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version()")).scalar_one()
    assert str(version).startswith("PostgreSQL ")


def test_a_table_created_here_exists_here(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text(f"CREATE TABLE {MARKER_TABLE} (id integer PRIMARY KEY)"))
        connection.execute(text(f"INSERT INTO {MARKER_TABLE} (id) VALUES (1)"))
    assert MARKER_TABLE in inspect(engine).get_table_names()


def test_no_other_test_leaves_tables_behind(engine: Engine) -> None:
    assert inspect(engine).get_table_names() == []


def test_database_starts_empty_every_time(engine: Engine) -> None:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT to_regclass(:name)"), {"name": MARKER_TABLE}
        ).scalar_one()
    assert found is None
