"""Writes rows as JSON, CSV or a terminal table, to the terminal or atomically to a file."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

from intake.terminal_text import safe_line

FORMATS = ("table", "json", "csv")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_rows(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, stream: TextIO
) -> None:
    """Write ``rows`` in format ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        _write_json_array(rows, stream)
    elif fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows(
            [spreadsheet_safe(_cell(row.get(column))) for column in columns] for row in rows
        )
    else:
        _write_table(list(rows), columns, stream)


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


def spreadsheet_safe(cell: str) -> str:
    """Defuse text a spreadsheet would run as a formula (a subject "=HYPERLINK(...)")."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    """One value as one printable line: stored text comes from strangers, and a table or a
    CSV often lands in a terminal, so escape sequences and controls never pass."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(
            safe_line(str(item.get("filename", item)) if isinstance(item, dict) else str(item))
            for item in value
        )
    return safe_line(str(value))


# A column whose list wraps onto more lines rather than being cut: a cut list hides a flag.
WRAPPING = "flags"
LIST_SEPARATOR = "; "
NARROWEST_WRAP = 24
NARROWEST_CUT = 12
CUT_LAST = frozenset({"received_at"})


def _widest(column: str) -> int:
    """Most columns are cut at 40 characters; the flag list wraps instead (up to 120 wide)."""
    return 120 if column == WRAPPING else 40


def _write_table(rows: list[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> None:
    """A plain text table fitted to the terminal: long cells cut, the flag list wrapped."""
    width = shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [
        min(max([len(column)] + [len(line[i]) for line in cells]), _widest(column))
        for i, column in enumerate(columns)
    ]
    _fit_wrapping_column(columns, widths, width)
    for line in [list(columns), ["-" * w for w in widths], *cells]:
        for physical in _physical_lines(line, columns, widths):
            text = "  ".join(value[:w].ljust(w) for value, w in zip(physical, widths, strict=True))
            stream.write(text[:width].rstrip() + "\n")
    stream.write(f"({len(rows)} {'row' if len(rows) == 1 else 'rows'})\n")


def _fit_wrapping_column(columns: Sequence[str], widths: list[int], width: int) -> None:
    """Narrow the wrapping column, then the widest others, until the line fits the terminal;
    a receipt time is cut last (a cut time reads as a different time)."""
    if WRAPPING not in columns:
        return
    index = list(columns).index(WRAPPING)
    widths[index] = max(widths[index] - _overflow(widths, width), NARROWEST_WRAP, len(WRAPPING))
    others = sorted(
        (i for i in range(len(widths)) if i != index),
        key=lambda i: (columns[i] in CUT_LAST, -widths[i]),
    )
    for other in others:
        overflow = _overflow(widths, width)
        if overflow <= 0:
            return
        widths[other] = max(widths[other] - overflow, min(widths[other], NARROWEST_CUT))


def _overflow(widths: list[int], width: int) -> int:
    """How many characters the line is wider than the terminal."""
    return sum(widths) + 2 * (len(widths) - 1) - width


def _physical_lines(line: list[str], columns: Sequence[str], widths: list[int]) -> list[list[str]]:
    """One table row as printed: the wrapping column's list split over as many lines as it takes."""
    if WRAPPING not in columns:
        return [line]
    index = list(columns).index(WRAPPING)
    pieces = _wrap_list(line[index], widths[index])
    return [
        [piece if i == index else (value if n == 0 else "") for i, value in enumerate(line)]
        for n, piece in enumerate(pieces)
    ]


def _wrap_list(text: str, width: int) -> list[str]:
    """``a; b; c`` in lines of at most ``width`` characters, breaking only between items."""
    lines: list[str] = []
    for item in text.split(LIST_SEPARATOR) if text else [""]:
        if lines and len(lines[-1]) + len(LIST_SEPARATOR) + len(item) <= width:
            lines[-1] += LIST_SEPARATOR + item
        else:
            lines.append(item)
    return lines
