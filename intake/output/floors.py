"""How far each column may narrow at each stage of fitting a table to the terminal, in the
order the columns give way (docs/listing.md, "Tables in a terminal")."""

from __future__ import annotations

from collections.abc import Callable

from intake.output.cells import LIST_SEPARATOR
from intake.output.columns import Column
from intake.output.width import chunks, display_width, fill
from intake.output.wrapping import CODE_BREAKS, STAMP_BREAKS, stamp_parts


def _widest_piece(column: Column, breaks: str, items: bool = False, stamps: bool = False) -> int:
    pieces = [column.heading]
    for cell in column.cells:
        text = stamp_parts(cell) if stamps else cell
        for item in text.split(LIST_SEPARATOR) if items else [text]:
            pieces.extend(chunks(item, breaks) if breaks else [item])
    return max(display_width(piece.rstrip()) for piece in pieces)


def _text_floor(least: int) -> Callable[[Column], int | None]:
    return lambda column: least if column.kind == "text" else None


def _lists_by_item(column: Column) -> int | None:
    return _widest_piece(column, "", items=True) if column.kind == "list" else None


def _stamps_on_two_lines(column: Column) -> int | None:
    if column.kind != "stamp":
        return None
    return _widest_piece(column, STAMP_BREAKS, stamps=True)


def _codes_broken(column: Column) -> int | None:
    """A code (a vacancy reference) on two lines at most, broken after "_" or "/"."""
    if column.kind != "code":
        return None
    least = _widest_piece(column, CODE_BREAKS)
    while any(len(fill(chunks(cell, CODE_BREAKS), least)) > 2 for cell in column.cells):
        least += 1
    return least


def _list_items_broken(column: Column) -> int | None:
    return _widest_piece(column, CODE_BREAKS, items=True) if column.kind == "list" else None


#: The order in which columns give way, each down to its floor: lists one item a line (that
#: costs lines, not words); long free text to 12 columns; time stamps as date over time; codes
#: broken after "_" and "/"; free text to 6 columns; list items broken after "_"; free text
#: to 2 columns. Then the same again with one space between columns instead of two.
STAGES: tuple[Callable[[Column], int | None], ...] = (
    _lists_by_item,
    _text_floor(12),
    _stamps_on_two_lines,
    _codes_broken,
    _text_floor(6),
    _list_items_broken,
    _text_floor(2),
)
