"""Writes listed applications as an Excel workbook: one row each, a column per flag, filters on.

The sheet is streamed (openpyxl's write-only mode): freeze panes and column widths are set
before the first row, the autofilter after the last one, and hyperlinks ride on their cells,
so memory stays flat however many applications are listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from intake.flag_codes import APPLICATION_FLAG_CODES
from intake.hr.export.links import DocumentLinks, LinkedFile

# What XML 1.0 cannot hold (openpyxl raises IllegalCharacterError on them); tab, LF, CR stay.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CELL_LIMIT = 32_767  # Excel's limit on the characters of one cell
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
SHEET_TITLE = "Applications"
# The "late" fact in words; its column is not called "late", which is a flag column already.
DEADLINE_WORDS = {False: "on time", True: "late", None: "unknown"}


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its header, width and how a row's value is read."""

    header: str
    width: float
    key: str


def columns(zone: ZoneInfo, *, linked: bool) -> list[Column]:
    """The sheet's columns: identity, the flags one by one, then the details."""
    leading = [
        Column("id", 8, "id"),
        Column(f"received_at ({zone.key})", 20, "received_at"),
        Column("sender", 32, "sender"),
        Column("candidate_name", 28, "candidate_name"),
        Column("subject", 48, "subject"),
        Column("vacancy", 18, "vacancy"),
        Column("subject_valid", 8, "subject_valid"),
        Column("deadline", 12, "deadline"),
        Column("relatives", 10, "relatives"),
        Column("relatives_evidence", 40, "relatives_evidence"),
    ]
    flags = [
        Column(code, max(len(code) * 0.9 + 3, 7), f"flag:{code}") for code in APPLICATION_FLAG_CODES
    ]
    trailing = [
        Column("flag_evidence", 60, "flag_evidence"),
        Column("documents", 40, "documents"),
        Column("acknowledgement", 12, "acknowledgement"),
        Column("previous_application", 10, "previous_application"),
        Column("superseded_by", 10, "superseded_by"),
    ]
    links = [Column("CV", 32, "link:cv"), Column("Letter", 32, "link:motivation_letter")]
    return leading + flags + trailing + (links if linked else [])


def write_workbook(
    rows: Iterable[Mapping[str, Any]],
    path: Path,
    zone: ZoneInfo,
    links: DocumentLinks | None = None,
) -> int:
    """Write ``rows`` (application dicts with ``flag_evidence``) to ``path``; the row count.

    With ``links`` (the documents exported with the list) the sheet gains CV and Letter
    columns, each cell a hyperlink to the application's first file of that kind.
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    layout = columns(zone, linked=links is not None)
    for index, column in enumerate(layout, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, column.header) for column in layout])
    count = 0
    for row in rows:
        files = links.of(row["id"]) if links else {}
        sheet.append([_cell(sheet, column.key, row, zone, files) for column in layout])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(layout))}{count + 1}"
    workbook.save(path)
    return count


def _header_cell(sheet: Any, header: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=header)
    cell.font = Font(bold=True)
    return cell


def _cell(
    sheet: Any,
    key: str,
    row: Mapping[str, Any],
    zone: ZoneInfo,
    files: Mapping[str, tuple[LinkedFile, ...]],
) -> Any:
    """The cell of column ``key`` for one application."""
    if key.startswith("flag:"):
        return "yes" if key.removeprefix("flag:") in row["flags"] else None
    if key.startswith("link:"):
        return _link_cell(sheet, files.get(key.removeprefix("link:"), ()))
    if key == "received_at":
        return _date_cell(sheet, row[key], zone)
    if key == "deadline":
        return DEADLINE_WORDS[row["late"]]
    return text_cell(sheet, _display(key, row.get(key)))


def _display(key: str, value: Any) -> str | int | None:
    """A value as HR reads it in a cell."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "flag_evidence":
        return "\n".join(f"{code}: {text}" if text else code for code, text in value.items())
    if key == "documents":
        return "\n".join(f"{doc['filename']} ({doc['kind']}, {doc['status']})" for doc in value)
    return str(value)


def text_cell(sheet: Any, value: str | int | None) -> Any:
    """A cell holding text as text: never a formula, whatever its first character."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=None)
    cell.value = writable_text(value)
    cell.data_type = "s"  # openpyxl reads a leading "=" as a formula; this keeps it text
    return cell


def writable_text(text: str) -> str:
    """``text`` without the characters XML cannot hold, cut to what one cell can hold."""
    return _UNWRITABLE.sub("", text)[:CELL_LIMIT]


def _date_cell(sheet: Any, received_at: str, zone: ZoneInfo) -> Any:
    """The receipt time as a real Excel date-time in the organisation's local time."""
    from openpyxl.cell import WriteOnlyCell

    local = datetime.fromisoformat(received_at).astimezone(zone).replace(tzinfo=None)
    cell = WriteOnlyCell(sheet, value=local)
    cell.number_format = DATE_FORMAT
    return cell


def _link_cell(sheet: Any, files: tuple[LinkedFile, ...]) -> Any:
    """A hyperlink to the first exported file, naming how many more the folder holds."""
    if not files:
        return None
    from openpyxl.cell import WriteOnlyCell

    first = files[0]
    more = f" (+{len(files) - 1} more)" if len(files) > 1 else ""
    cell = WriteOnlyCell(sheet, value=None)
    cell.value = writable_text(first.name + more)
    cell.data_type = "s"
    cell.hyperlink = first.link()
    cell.style = "Hyperlink"
    return cell
