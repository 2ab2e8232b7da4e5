"""The rows of a staff register kept as an Excel (.xlsx) or OpenDocument (.ods) spreadsheet.

The first sheet is read; every cell becomes text (a number as HR sees it, an empty cell as
""). Failures are ConfigErrors at ``organisation.staff_register`` naming the file, and the
row when one row is at fault.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from intake.errors import ConfigError

KEY = "organisation.staff_register"
#: A repeated empty cell or row (how .ods stores the blank rest of a sheet) counts this often.
MAX_REPEAT = 1000
SPREADSHEET_SUFFIXES = (".xlsx", ".ods")


def spreadsheet_rows(path: Path) -> Iterator[list[str]]:
    """The rows of the first sheet of ``path`` (.xlsx or .ods), each a list of texts."""
    if not path.is_file():
        raise ConfigError(KEY, f"staff register {path} not found")
    reader = _xlsx_rows if path.suffix.lower() == ".xlsx" else _ods_rows
    try:
        yield from reader(path)
    except ConfigError:
        raise
    except Exception as exc:
        raise ConfigError(KEY, f"cannot read staff register {path}: {exc}") from exc


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_text(value) for value in row]
    finally:
        workbook.close()


def _ods_rows(path: Path) -> Iterator[list[str]]:
    from odf import teletype
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    tables = load(str(path)).spreadsheet.getElementsByType(Table)
    if not tables:
        raise ConfigError(KEY, f"staff register {path} holds no sheet")
    for row in tables[0].getElementsByType(TableRow):
        cells: list[str] = []
        for cell in row.getElementsByType(TableCell):
            text = "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))
            cells += [text] * _repeat(cell.getAttribute("numbercolumnsrepeated"))
        for _ in range(_repeat(row.getAttribute("numberrowsrepeated"))):
            yield list(cells)


def _repeat(value: str | None) -> int:
    return min(int(value or 1), MAX_REPEAT)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
