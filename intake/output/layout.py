"""How wide each column of a terminal table is: every column starts at its natural width, and
while the line is wider than the terminal they give way in a fixed order (docs/listing.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from intake.output.cells import LIST_SEPARATOR
from intake.output.width import chunks, display_width, fill
from intake.output.wrapping import CODE_BREAKS, STAMP_BREAKS, stamp_parts, whole_lines

#: Free text from strangers: cut with "…" (after filling the lines the row takes anyway).
TEXT_COLUMNS = frozenset(
    {"sender", "sender_name", "subject", "candidate_name", "recipient", "reason", "error",
     "last_error", "scope", "title", "first_lines"}
)  # fmt: skip
#: Lists that wrap between their items, never cut: a cut list hides a flag.
LIST_COLUMNS = frozenset({"flags"})
#: Headings shortened in the table only (JSON and CSV keep the names).
LABELS = {
    "acknowledgement": "ack", "candidate_name": "candidate", "application_id": "application",
    "messages": "msgs", "applications": "apps", "documents": "docs", "acknowledgements": "acks",
    "received_local": "received",
}  # fmt: skip
WIDEST_TEXT = 40
WIDE_GAP, NARROW_GAP = 2, 1


@dataclass
class Column:
    """One column: its heading, its cells as single lines, its kind and its width."""

    name: str
    heading: str
    cells: list[str]
    kind: str  # text | list | stamp | code
    width: int = 0
    natural: int = 0


def columns_of(names: Sequence[str], cells: list[list[str]]) -> list[Column]:
    """The columns of a table, each at its natural width."""
    built = []
    for index, name in enumerate(names):
        column = Column(name, LABELS.get(name, name), [row[index] for row in cells], _kind(name))
        natural = max(display_width(text) for text in [column.heading, *column.cells])
        column.natural = min(natural, WIDEST_TEXT) if column.kind == "text" else natural
        column.width = column.natural
        built.append(column)
    return built


def fit(columns: list[Column], width: int) -> int:
    """Narrow the columns until a line fits ``width``; the gap between columns it leaves."""
    for gap in (WIDE_GAP, NARROW_GAP):
        room = width - gap * (len(columns) - 1)
        for floor in STAGES:
            _narrow(columns, room, floor)
            if _total(columns) <= room:
                _tighten(columns)
                _give_back(columns, room)
                return gap
    return NARROW_GAP  # the terminal is too narrow: each line is cut at its end


def _tighten(columns: list[Column]) -> None:
    """A wrapped whole column as wide as its widest line, not wider."""
    for column in columns:
        if column.kind != "text" and column.width < column.natural:
            column.width = max(
                display_width(line)
                for cell in [column.heading, *column.cells]
                for line in whole_lines(cell, column.kind, column.width)
            )


def _give_back(columns: list[Column], room: int) -> None:
    """What tightening freed goes to the free text that was cut, the narrowest first."""
    while _total(columns) < room:
        cut_text = [c for c in columns if c.kind == "text" and c.width < c.natural]
        if not cut_text:
            return
        min(cut_text, key=lambda column: column.width).width += 1


def _kind(name: str) -> str:
    if name in TEXT_COLUMNS:
        return "text"
    if name in LIST_COLUMNS:
        return "list"
    return "stamp" if name.endswith(("_at", "_local")) or name == "date" else "code"


def _total(columns: list[Column]) -> int:
    return sum(column.width for column in columns)


def _narrow(columns: list[Column], room: int, floor: Callable[[Column], int | None]) -> None:
    """Take one column from the widest of those above their floor, until the line fits."""
    floors = {column.name: floor(column) for column in columns}  # each measured once
    while _total(columns) > room:
        shrinkable = [c for c in columns if (f := floors[c.name]) is not None and c.width > f]
        if not shrinkable:
            return
        max(shrinkable, key=lambda column: column.width).width -= 1


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
