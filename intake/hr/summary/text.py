"""The summary as HR reads it: each group named, its counts as a terminal block or JSON."""

from __future__ import annotations

from typing import Any

from intake.hr.summary.counts import VacancySummary
from intake.hr.views import iso_utc
from intake.terminal_text import safe_line
from storage.summaries import VacancyCounts

AFTER_LABEL = "after the deadline"

# (what the line says, VacancyCounts field), in the order shown.
COUNTED = (
    ("applications", "applications"),
    ("candidates", "candidates"),
    ("late", "late"),
    ("subject invalid", "subject_invalid"),
    ("CV missing", "cv_missing"),
    ("letter missing", "letter_missing"),
    ("relative declared", "relative_declared"),
    ("possible relative", "possible_relative"),
    ("acknowledgements sent", "acknowledgements_sent"),
    ("acknowledgements failed", "acknowledgements_failed"),
    ("acknowledgements pending", "acknowledgements_pending"),
)
COUNT_LABELS = tuple(label for label, _field in COUNTED)


def count_values(counts: VacancyCounts) -> list[int]:
    """The counts in the order of COUNT_LABELS."""
    return [int(getattr(counts, field)) for _label, field in COUNTED]


def summary_dict(summary: VacancySummary) -> dict[str, Any]:
    """One group as a JSON object: the counts, the deadline and the arrivals per day."""
    deadline = summary.deadline
    return {
        "vacancy": safe_line(summary.reference) if summary.reference else None,
        "title": safe_line(summary.title) if summary.title else None,
        "configured": summary.configured,
        "deadline": iso_utc(deadline.last_on_time) if deadline else None,
        "deadline_local": deadline.describe() if deadline else None,
        **{field: int(getattr(summary.counts, field)) for _label, field in COUNTED},
        "arrivals_per_day": [
            {"date": day.isoformat(), "count": count} for day, count in summary.days
        ],
        "after_deadline": summary.after_deadline,
    }


def summary_lines(summary: VacancySummary, title: str) -> list[str]:
    """One group's heading and counts, aligned for a terminal."""
    lines = [title]
    if summary.deadline is not None:
        lines.append(f"deadline {summary.deadline.describe()}")
    width = max(len(label) for label in COUNT_LABELS)
    values = count_values(summary.counts)
    lines.extend(
        f"  {label:<{width}}  {value:>6}" for label, value in zip(COUNT_LABELS, values, strict=True)
    )
    return lines


def chart_heading(zone: str) -> str:
    """The line above a text chart."""
    return f"arrivals per day ({zone}):"


def group_title(summary: VacancySummary) -> str:
    """How a group is named on charts and in the terminal."""
    if summary.reference is None:
        return "Vacancy not recognised"
    reference = safe_line(summary.reference)
    if summary.title is None:
        return f"{reference} (no longer configured)"
    return f"{reference}: {safe_line(summary.title)}"
