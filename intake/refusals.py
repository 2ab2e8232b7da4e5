"""Tells a write the database refused for its values apart from a database that is unavailable."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError

from intake.errors import IntakeError
from storage.database import refuses_values
from storage.errors import DatabaseUnavailable


class RecordRefused(IntakeError):
    """The database refused a value of this record; the connection itself is fine."""


@contextmanager
def refused_values() -> Iterator[None]:
    """Raise RecordRefused for a refused value (a constraint, a value too long or invalid) and
    DatabaseUnavailable for anything else the database raises (lost connection, lock timeout)."""
    try:
        yield
    except DBAPIError as exc:
        if isinstance(exc, IntegrityError) or refuses_values(exc):
            raise RecordRefused(str(exc.orig)) from exc
        raise DatabaseUnavailable(f"database unavailable: {exc.orig}") from exc
    except (StatementError, ValueError) as exc:  # refused before it reached the server
        raise RecordRefused(str(exc)) from exc
