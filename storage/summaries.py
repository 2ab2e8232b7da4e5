"""Counts per vacancy for ``intake summary``, computed by the database in one grouped query,
and the receipt times the arrivals-per-day chart is drawn from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from storage.models import Acknowledgement, Application, Flag

# Flag codes counted per vacancy, each as the number of applications that carry it.
COUNTED_FLAGS = (
    "subject_invalid", "cv_missing", "letter_missing", "relative_declared", "possible_relative",
)  # fmt: skip
COUNTED_ACKNOWLEDGEMENTS = ("sent", "failed", "pending")


@dataclass(frozen=True)
class VacancyCounts:
    """How many applications of one vacancy (None: not recognised) have each property."""

    vacancy: str | None
    applications: int
    candidates: int
    late: int
    subject_invalid: int
    cv_missing: int
    letter_missing: int
    relative_declared: int
    possible_relative: int
    acknowledgements_sent: int
    acknowledgements_failed: int
    acknowledgements_pending: int


@dataclass(frozen=True)
class Arrival:
    """When one application of a vacancy arrived, and whether it was judged late."""

    vacancy: str | None
    received_at: datetime
    late: bool | None


def vacancy_counts(session: Session, vacancies: Sequence[str] | None = None) -> list[VacancyCounts]:
    """One row per vacancy found among the applications (``vacancies``: only these)."""
    flags = _flag_table()
    superseded = (
        select(Application.previous_application_id.label("application_id"))
        .where(Application.previous_application_id.is_not(None))
        .distinct()
        .subquery()
    )
    query = (
        select(
            Application.vacancy,
            func.count(Application.id),
            _count(superseded.c.application_id.is_(None)),
            _count(Application.late.is_(True)),
            *(func.coalesce(func.sum(flags.c[code]), 0) for code in COUNTED_FLAGS),
            *(_count(Acknowledgement.status == status) for status in COUNTED_ACKNOWLEDGEMENTS),
        )
        .outerjoin(flags, flags.c.application_id == Application.id)
        .outerjoin(superseded, superseded.c.application_id == Application.id)
        .outerjoin(Acknowledgement, Acknowledgement.application_id == Application.id)
        .group_by(Application.vacancy)
        .order_by(Application.vacancy)
    )
    return [VacancyCounts(*row) for row in session.execute(query.where(*_only(vacancies)))]


def arrivals(session: Session, vacancies: Sequence[str] | None = None) -> list[Arrival]:
    """Every application's vacancy, receipt time and lateness, oldest first."""
    query = select(Application.vacancy, Application.received_at, Application.late).order_by(
        Application.received_at, Application.id
    )
    return [Arrival(*row) for row in session.execute(query.where(*_only(vacancies)))]


def _flag_table() -> Any:
    """Per application that has flags: 1 or 0 for each counted code (one row per application)."""
    return (
        select(
            Flag.application_id,
            *(
                func.max(case((Flag.code == code, 1), else_=0)).label(code)
                for code in COUNTED_FLAGS
            ),
        )
        .where(Flag.code.in_(COUNTED_FLAGS))
        .group_by(Flag.application_id)
        .subquery()
    )


def _count(condition: Any) -> Any:
    """How many rows of the group meet ``condition``."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _only(vacancies: Sequence[str] | None) -> list[Any]:
    """The condition that keeps the chosen vacancies (none: keep every application)."""
    return [] if vacancies is None else [Application.vacancy.in_(vacancies)]
