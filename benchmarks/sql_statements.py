"""Counts the SQL statements a process sends, by thread and by verb and table."""

from __future__ import annotations

import re
import threading
from collections import Counter
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

#: The thread that is not the main one (the outbox's) is counted apart.
MAIN, OTHER = "polling thread", "other threads"
_TABLE_AFTER = re.compile(r"\b(?:INTO|UPDATE|FROM)\s+\"?(\w+)", re.IGNORECASE)


def statement_kind(statement: str) -> str:
    """``statement`` as its verb and the table it names first: "INSERT flags", "BEGIN"."""
    words = statement.split(None, 1)
    if not words:
        return "(empty)"
    verb = words[0].upper()
    table = _TABLE_AFTER.search(statement)
    return f"{verb} {table.group(1)}" if table and verb != "PRAGMA" else verb


class StatementCounter:
    """Counts every statement any engine of this process sends to its database driver.

    A statement that SQLAlchemy sends once per row (an ORM insert that must read back each
    row's id) counts once per row: that is what the database and the driver were asked.
    """

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()

    def install(self) -> None:
        """Listen on every engine, those made before and after."""
        event.listen(Engine, "before_cursor_execute", self._on_execute)

    def remove(self) -> None:
        event.remove(Engine, "before_cursor_execute", self._on_execute)

    def total(self, thread: str) -> int:
        return sum(count for (where, _), count in self.counts.items() if where == thread)

    def report(self, messages: int, top: int = 25) -> list[str]:
        """Lines: the statements of each thread, then the most frequent kinds a message."""
        lines = []
        for thread in (MAIN, OTHER):
            total = self.total(thread)
            lines.append(f"SQL statements, {thread}: {total} ({total / messages:.1f} a message)")
        for (thread, kind), count in self.counts.most_common(top):
            lines.append(f"  {count / messages:6.2f} a message  {kind:34s} {thread}")
        return lines

    def _on_execute(self, *args: Any) -> None:
        # before_cursor_execute(conn, cursor, statement, parameters, context, executemany)
        statement: str = args[2]
        thread = MAIN if threading.current_thread() is threading.main_thread() else OTHER
        with self._lock:
            self.counts[(thread, statement_kind(statement))] += 1
