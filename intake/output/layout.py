"""How wide each column of a terminal table is: every column starts at its natural width, and
while the line is wider than the terminal they give way in a fixed order (docs/listing.md)."""

from __future__ import annotations

from collections.abc import Callable

from intake.output.columns import Column
from intake.output.floors import STAGES
from intake.output.width import display_width
from intake.output.wrapping import whole_lines

WIDE_GAP, NARROW_GAP = 2, 1


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
