"""Loads the staff register (``[organisation] staff_register``) into a StaffDirectory.

An .xlsx or .ods file is read as a spreadsheet (intake.config.spreadsheet_rows); any other name
as a CSV file, which is what a spreadsheet saves: UTF-8 with or without a byte-order mark,
UTF-16 with one ("Unicode text"), else Windows-1252; fields split by commas, semicolons or tabs,
whichever the header line holds most of. The header names the columns: ``name`` (any case,
spaces around ignored) is required; an optional ``surname`` column, where filled, gives that
row's surname and is trusted over a reading of the name. Every other column with a heading and a
value is kept as a detail shown to HR. Rows are numbered from 1 after the header, blank ones
counted (so row n is spreadsheet line n + 1) but not kept; a row without a name is skipped.
Every failure is a ConfigError at ``organisation.staff_register`` naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from intake.config.spreadsheet_rows import SPREADSHEET_SUFFIXES, spreadsheet_rows
from intake.errors import ConfigError
from parsers.staff_match import StaffDirectory, StaffEntry

KEY = "organisation.staff_register"
_DELIMITERS = (",", ";", "\t")


def load_staff_register(path: Path) -> StaffDirectory:
    """The staff register at ``path``, indexed by surname."""
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        rows = _skip_blank(spreadsheet_rows(path))
    else:
        rows = _rows(_text(path), path)
    header = next(rows, None)
    if header is None:
        raise ConfigError(KEY, f"staff register {path} is empty")
    columns = [cell.strip().casefold() for cell in header]
    if "name" not in columns:
        found = ", ".join(cell.strip() for cell in header if cell.strip()) or "none"
        raise ConfigError(KEY, f"staff register {path} has no 'name' column (columns: {found})")
    return StaffDirectory(_entries(rows, header, columns))


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(KEY, f"staff register {path} not found") from exc
    except OSError as exc:
        raise ConfigError(KEY, f"cannot read staff register {path}: {exc.strerror}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise ConfigError(KEY, f"staff register {path} is not a CSV text file (binary content)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _rows(text: str, path: Path) -> Iterator[list[str]]:
    """The CSV records of ``text``, blank lines before the header left out."""
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    delimiter = max(_DELIMITERS, key=lambda candidate: lines[0].count(candidate) if lines else 0)
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        raise ConfigError(
            KEY, f"staff register {path} is not a valid CSV file (line {reader.line_num}): {exc}"
        ) from exc


def _skip_blank(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows from the first that holds something (the header) on."""
    started = False
    for row in rows:
        started = started or any(cell.strip() for cell in row)
        if started:
            yield row


def _entries(
    rows: Iterator[list[str]], header: Sequence[str], columns: Sequence[str]
) -> Iterator[StaffEntry]:
    name_at = columns.index("name")
    surname_at = columns.index("surname") if "surname" in columns else None
    for row_number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        name = cells[name_at] if name_at < len(cells) else ""
        if not name:
            continue
        surname = cells[surname_at] if surname_at is not None and surname_at < len(cells) else ""
        yield StaffEntry(
            name, row_number, _details(header, cells, {name_at, surname_at}), surname or None
        )


def _details(
    header: Sequence[str], cells: Sequence[str], skip: set[int | None]
) -> tuple[tuple[str, str], ...]:
    pairs = zip(header, cells, strict=False)
    return tuple(
        (column.strip(), value)
        for index, (column, value) in enumerate(pairs)
        if index not in skip and column.strip() and value
    )
