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
    except IntegrityError as exc:
        raise RecordRefused(f"integrity error: {exc.orig}") from exc
    except DBAPIError as exc:
        if refuses_values(exc):
            raise RecordRefused(str(exc.orig)) from exc
        # A lost connection, a lock or statement timeout, a deadlock, a full disk: not the
        # record's fault.
        raise DatabaseUnavailable(f"database unavailable: {exc.orig}") from exc
    except (StatementError, ValueError) as exc:  # refused before it reached the server
        raise RecordRefused(str(exc)) from exc
