"""A plain text table fitted to the terminal's width, measured in display columns."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from typing import Any, TextIO

from intake.output.cells import cell_text
from intake.output.columns import Column, columns_of
from intake.output.layout import fit
from intake.output.width import chunks, cut, fill, pad
from intake.output.wrapping import text_lines, whole_lines
from intake.terminal_text import safe_line

#: The width of a table that goes to a pipe or a file (no terminal to measure).
DEFAULT_WIDTH = 80
NARROWEST = 20
DETAIL_INDENT = "    "


def table_width(stream: TextIO) -> int:
    """``$COLUMNS`` when set, else the terminal's width when ``stream`` is one, else 80."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), NARROWEST)
    if _is_terminal(stream):
        return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, NARROWEST)
    return DEFAULT_WIDTH


def write_table(
    rows: list[dict[str, Any]], names: Sequence[str], stream: TextIO, details: str | None = None
) -> None:
    """The rows as a table no wider than the terminal, then the row count; ``details`` names
    a list of lines printed under each row, indented, across the width (an excerpt)."""
    width = table_width(stream)
    columns = columns_of(names, [[cell_text(row.get(name)) for name in names] for row in rows])
    gap = " " * fit(columns, width)
    headings = [[cut(column.heading, column.width)] for column in columns]
    rules = [["-" * column.width] for column in columns]
    for index in range(-2, len(rows)):
        if index == -2:
            cells = headings
        elif index == -1:
            cells = rules
        else:
            cells = _row_lines([column.cells[index] for column in columns], columns)
        lines = _joined(cells, columns, gap)
        if details and index >= 0:
            lines += _detail_lines(rows[index].get(details) or [], width)
        for line in lines:
            stream.write(cut(line.rstrip(), width) + "\n")
    stream.write(f"({len(rows)} {'row' if len(rows) == 1 else 'rows'})\n")


def _detail_lines(items: list[Any], width: int) -> list[str]:
    """The items joined as one text (mail is often broken at 72 columns) and wrapped across
    the width under its row, indented."""
    text = safe_line(" ".join(str(item) for item in items))
    if not text:
        return []
    room = max(width - len(DETAIL_INDENT), 1)
    return [DETAIL_INDENT + line for line in fill(chunks(text, " "), room)]


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # a closed stream
        return False


def _row_lines(cells: list[str], columns: list[Column]) -> list[list[str]]:
    """Each cell of one row as its lines: whole values first, then free text fills as many
    lines as the tallest of them took (at least one) and is cut with "…" past them."""
    lines = [
        [] if column.kind == "text" else whole_lines(cell, column.kind, column.width)
        for cell, column in zip(cells, columns, strict=True)
    ]
    height = max([len(cell_lines) for cell_lines in lines if cell_lines] + [1])
    for index, column in enumerate(columns):
        if column.kind == "text":
            lines[index] = text_lines(cells[index], column.width, height)
    return lines


def _joined(cells: list[list[str]], columns: list[Column], gap: str) -> list[str]:
    """The physical lines of one row: each column padded to its width."""
    height = max(len(lines) for lines in cells)
    return [
        gap.join(
            pad(lines[number] if number < len(lines) else "", column.width)
            for lines, column in zip(cells, columns, strict=True)
        )
        for number in range(height)
    ]
