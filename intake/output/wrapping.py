"""How one cell of a table breaks into lines: whole values where their kind allows, free text
anywhere, and cut with "…" past the lines the row has."""

from __future__ import annotations

from intake.output.cells import LIST_SEPARATOR
from intake.output.width import chunks, cut, display_width, fill

CODE_BREAKS = "_/"
STAMP_BREAKS = " "


def stamp_parts(cell: str) -> str:
    """A time stamp ready to break between its date and its time."""
    return cell.replace("T", " ", 1)


def whole_lines(cell: str, kind: str, width: int) -> list[str]:
    """A value that is never cut (a time stamp, a code, a list), wrapped where it may be."""
    if display_width(cell) <= width:
        return [cell]
    if kind == "stamp":
        return fill(chunks(stamp_parts(cell), STAMP_BREAKS), width)
    if kind == "code":
        return fill(chunks(cell, CODE_BREAKS), width)
    return list_lines(cell, width)


def list_lines(cell: str, width: int) -> list[str]:
    """``a; b; c`` one or more items a line; an item wider than the line breaks after _ or /."""
    lines: list[str] = []
    for item in cell.split(LIST_SEPARATOR):
        joined = lines[-1] + LIST_SEPARATOR + item if lines else item
        if lines and display_width(joined) <= width:
            lines[-1] = joined
        else:
            lines.extend(fill(chunks(item, CODE_BREAKS), width))
    return lines


def text_lines(cell: str, width: int, height: int) -> list[str]:
    """Free text over at most ``height`` lines, the last one cut with "…" when it goes on."""
    lines = fill(chunks(cell, " "), width)
    if len(lines) <= height:
        return lines
    rest = cell
    for line in lines[: height - 1]:
        rest = rest[len(line) :].lstrip()
    return [*lines[: height - 1], cut(rest, width)]
