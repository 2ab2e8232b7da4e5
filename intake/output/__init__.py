"""Writes rows as JSON, CSV or a terminal table, to the terminal or atomically to a file.

The table is laid out by ``intake.output.table`` (its width rule: ``intake.output.layout``
and ``intake.output.floors``); JSON and CSV always carry the full values."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

from intake.output.cells import cell_text, spreadsheet_safe
from intake.output.table import write_table

__all__ = ["replaced_atomically", "spreadsheet_safe", "write_rows"]


def write_rows(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    stream: TextIO,
    details: str | None = None,
) -> None:
    """Write ``rows`` in format ``fmt`` (``table``, ``json`` or ``csv``); a table prints the
    lines of the ``details`` field under each row (JSON and CSV carry it among the columns)."""
    if fmt == "json":
        _write_json_array(rows, stream)
    elif fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows(
            [spreadsheet_safe(cell_text(row.get(column))) for column in columns] for row in rows
        )
    else:
        write_table(list(rows), columns, stream, details)


def _write_json_array(rows: Iterable[dict[str, Any]], stream: TextIO) -> None:
    """The rows as one indented JSON array, written row by row (memory stays flat)."""
    separator = "\n"
    stream.write("[")
    for row in rows:
        item = json.dumps(row, ensure_ascii=False, indent=2)
        stream.write(separator + "  " + item.replace("\n", "\n  "))
        separator = ",\n"
    stream.write("\n]\n" if separator != "\n" else "]\n")


@contextmanager
def replaced_atomically(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` to write; it becomes ``target`` only when the block
    ends without an error, so a reader never sees half a file and a failure leaves the old one."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644 & ~_umask())
        temporary.replace(target)
    finally:
        with suppress(FileNotFoundError):
            temporary.unlink()


def _umask() -> int:
    """The process's umask (read by setting it, then put back)."""
    current = os.umask(0)
    os.umask(current)
    return current
