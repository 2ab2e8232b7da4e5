"""One stored value as one printable cell of a table or a CSV line."""

from __future__ import annotations

from typing import Any

from intake.terminal_text import safe_line

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def spreadsheet_safe(cell: str) -> str:
    """Defuse text a spreadsheet would run as a formula (a subject "=HYPERLINK(...)")."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def cell_text(value: Any) -> str:
    """One value as one printable line: stored text comes from strangers, and a table or a
    CSV often lands in a terminal, so escape sequences and controls never pass."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(
            safe_line(str(item.get("filename", item)) if isinstance(item, dict) else str(item))
            for item in value
        )
    return safe_line(str(value))
