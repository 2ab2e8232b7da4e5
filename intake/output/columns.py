"""The columns of a terminal table: each one's heading, kind (free text, list, time stamp or
code) and natural width, the widest of its heading and cells in display columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from intake.output.width import display_width

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


def _kind(name: str) -> str:
    if name in TEXT_COLUMNS:
        return "text"
    if name in LIST_COLUMNS:
        return "list"
    return "stamp" if name.endswith(("_at", "_local")) or name == "date" else "code"
