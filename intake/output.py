"""Writes rows as JSON, CSV or a terminal table."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "csv")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_rows(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, stream: TextIO
) -> None:
    """Write ``rows`` in format ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        json.dump(list(rows), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows(
            [_spreadsheet_safe(_cell(row.get(column))) for column in columns] for row in rows
        )
    else:
        _write_table(list(rows), columns, stream)


def _spreadsheet_safe(cell: str) -> str:
    """Defuse text a spreadsheet would run as a formula (a subject "=HYPERLINK(...)")."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(
            str(item.get("filename", item)) if isinstance(item, dict) else str(item)
            for item in value
        )
    return " ".join(str(value).split())


def _widest(column: str) -> int:
    """Most columns are cut at 40 characters; a cut flag list would hide a flag from HR."""
    return 120 if column == "flags" else 40


def _write_table(rows: list[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> None:
    """A plain text table trimmed to the terminal width."""
    width = shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [
        min(max([len(column)] + [len(line[i]) for line in cells]), _widest(column))
        for i, column in enumerate(columns)
    ]
    for line in [list(columns), ["-" * w for w in widths], *cells]:
        text = "  ".join(value[:w].ljust(w) for value, w in zip(line, widths, strict=True))
        stream.write(text[:width].rstrip() + "\n")
    stream.write(f"({len(rows)} rows)\n")
