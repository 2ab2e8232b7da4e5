"""The per-vacancy summary of ``intake summary``: counts from the database, arrivals per day.

Groups, in order: every configured vacancy (even without applications), then vacancies found
among the applications but no longer configured, then the applications whose vacancy was not
recognised. Days are calendar days in the organisation's timezone; they run from the first
day with an on-time arrival up to the deadline's day, and every application judged late is
counted once as "after the deadline" instead of on its day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from intake.config.deadlines import Deadline, deadline_of
from intake.config.settings import Config, VacancyConfig
from intake.errors import UsageError
from intake.hr.application.detail import configured_vacancy
from intake.terminal_text import safe_line
from storage.summaries import Arrival, VacancyCounts, arrivals, vacancy_counts

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class VacancySummary:
    """One group of the summary: a vacancy (None: not recognised), its counts and arrivals."""

    reference: str | None
    title: str | None
    deadline: Deadline | None
    deadline_day: dt.date | None
    counts: VacancyCounts
    days: tuple[tuple[dt.date, int], ...]
    after_deadline: int

    @property
    def configured(self) -> bool:
        """Whether the vacancy is in the config (an unrecognised group never is)."""
        return self.title is not None


def build_summary(
    session: Session, config: Config, only: str | None = None
) -> list[VacancySummary]:
    """The summary of every group, or of the one vacancy ``only`` names."""
    chosen = None if only is None else [_reference(session, config, only)]
    counts = {row.vacancy: row for row in vacancy_counts(session, chosen)}
    per_vacancy: dict[str | None, list[Arrival]] = {}
    for arrival in arrivals(session, chosen):
        per_vacancy.setdefault(arrival.vacancy, []).append(arrival)
    zone = config.organisation.timezone
    return [
        _group(reference, config, counts.get(reference), per_vacancy.get(reference, []), zone)
        for reference in _group_order(config, counts, chosen)
    ]


def _reference(session: Session, config: Config, asked: str) -> str:
    """The vacancy ``--vacancy`` means: a configured or stored reference, case aside."""
    known = [vacancy.reference for vacancy in config.vacancies]
    known += [
        row.vacancy for row in vacancy_counts(session) if row.vacancy and row.vacancy not in known
    ]
    for reference in known:
        if reference.casefold() == asked.strip().casefold():
            return reference
    listed = ", ".join(safe_line(reference) for reference in known) or "none"
    raise UsageError(f"--vacancy: no vacancy {safe_line(asked)!r} (known vacancies: {listed})")


def _group_order(
    config: Config, counts: dict[str | None, VacancyCounts], chosen: list[str] | None
) -> list[str | None]:
    configured = [vacancy.reference for vacancy in config.vacancies]
    stored = sorted(reference for reference in counts if reference and reference not in configured)
    order: list[str | None] = [*configured, *stored]
    if chosen is not None:
        return [reference for reference in order if reference in chosen]
    return [*order, None] if None in counts else order


def _group(
    reference: str | None,
    config: Config,
    counts: VacancyCounts | None,
    group_arrivals: list[Arrival],
    zone: ZoneInfo,
) -> VacancySummary:
    vacancy = configured_vacancy(config, reference)
    deadline = deadline_of(vacancy, config.organisation) if vacancy else None
    deadline_day = _deadline_day(vacancy, zone) if vacancy else None
    on_time = [arrival.received_at for arrival in group_arrivals if arrival.late is not True]
    return VacancySummary(
        reference=reference,
        title=vacancy.title if vacancy else None,
        deadline=deadline,
        deadline_day=deadline_day,
        counts=counts or _no_applications(reference),
        days=arrivals_per_day(on_time, zone, deadline_day),
        after_deadline=len(group_arrivals) - len(on_time),
    )


def arrivals_per_day(
    moments: Iterable[dt.datetime], zone: ZoneInfo, last_day: dt.date | None
) -> tuple[tuple[dt.date, int], ...]:
    """(day, arrivals) for every day from the first arrival's to ``last_day`` (or the last
    arrival's, when later), days without arrivals included; nothing without arrivals."""
    per_day = Counter(moment.astimezone(zone).date() for moment in moments)
    if not per_day:
        return ()
    day, last = min(per_day), max(per_day)
    if last_day is not None:
        last = max(last, last_day)
    days: list[tuple[dt.date, int]] = []
    while day <= last:
        days.append((day, per_day[day]))
        day += ONE_DAY
    return tuple(days)


def _deadline_day(vacancy: VacancyConfig, zone: ZoneInfo) -> dt.date:
    """The calendar day the deadline falls on, in the organisation's timezone (grace aside)."""
    deadline = vacancy.deadline
    if not isinstance(deadline, dt.datetime):
        return deadline
    return (deadline if deadline.tzinfo is None else deadline.astimezone(zone)).date()


def _no_applications(reference: str | None) -> VacancyCounts:
    return VacancyCounts(reference, *([0] * (len(fields(VacancyCounts)) - 1)))
