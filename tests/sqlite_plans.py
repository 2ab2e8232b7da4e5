"""SQLite's query plan for the statement storage code really sends, not a copy of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy
from sqlalchemy import Engine
from sqlalchemy.orm import Session


def sqlite_plan(engine: Engine, ask: Callable[[Session], object]) -> list[str]:
    """The steps of SQLite's plan for the one SELECT that ``ask`` sends through a session."""
    statements: list[tuple[str, Any]] = []

    def remember(*event: Any) -> None:
        statements.append((event[2], event[3]))

    sqlalchemy.event.listen(engine, "before_cursor_execute", remember)
    try:
        with Session(engine) as session:
            ask(session)
    finally:
        sqlalchemy.event.remove(engine, "before_cursor_execute", remember)
    [(sql, parameters)] = [(s, p) for s, p in statements if s.lstrip().startswith("SELECT")]
    with engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
    return [str(row[-1]) for row in plan]
