"""Candidates as an Excel workbook: a summary sheet, then one sheet per vacancy."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from intake.hr.candidates.sheet import headings, sheet_rows
from intake.hr.export.xlsx import text_cell

#: Characters Excel refuses in a sheet name; a name holds at most 31 characters.
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
SUMMARY_HEADINGS = ("Vacancy", "Candidates", "Complete", "Incomplete", "Late", "Shortlisted")


def write_workbook(path: Path, items: list[dict[str, Any]], zone: ZoneInfo) -> None:
    """Write the candidates to ``path``: summary first, then a sheet per vacancy."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    by_vacancy: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_vacancy.setdefault(item["vacancy"] or "(not recognised)", []).append(item)
    summary = workbook.create_sheet("Summary")
    summary.append(list(SUMMARY_HEADINGS))
    for vacancy, group in by_vacancy.items():
        summary.append([text_cell(summary, vacancy), *_counts(group)])
    used: set[str] = {"Summary"}
    for vacancy, group in by_vacancy.items():
        sheet = workbook.create_sheet(_sheet_name(vacancy, used))
        names = headings(zone)
        sheet.append(list(names))
        for row in sheet_rows(group, zone):
            sheet.append([text_cell(sheet, row[name]) for name in names])
    workbook.save(path)


def _counts(group: list[dict[str, Any]]) -> list[int]:
    statuses = Counter(item["status"] for item in group)
    complete = sum(1 for item in group if item["complete"])
    late = sum(1 for item in group if item["late"])
    return [len(group), complete, len(group) - complete, late, statuses["shortlisted"]]


def _sheet_name(vacancy: str, used: set[str]) -> str:
    """A sheet name Excel accepts, unique in the workbook."""
    base = _NOT_IN_SHEET_NAME.sub("-", vacancy)[:31] or "Vacancy"
    name, number = base, 2
    while name in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name)
    return name
