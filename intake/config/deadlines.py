"""When a vacancy closes, to the second, in the organisation's timezone (daylight saving included).

A deadline given as a date means the end of that day: 23:59:59 is on time, midnight is late. A
local date-time is read in the organisation's timezone; one with an offset is taken as written.
When a local time occurs twice (the night clocks go back), the later of the two is used: the
notice promised that moment, and a candidate must not lose the hour. Grace minutes are added.
Nothing here reads the host's clock or timezone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from intake.config.settings import OrganisationConfig, VacancyConfig

LAST_SECOND = dt.time(23, 59, 59)


@dataclass(frozen=True)
class Deadline:
    """The last second on which an application is still on time."""

    last_on_time: dt.datetime
    grace_minutes: int
    timezone: ZoneInfo

    def is_late(self, received_at: dt.datetime) -> bool:
        """Whether a receipt time (aware) falls after the last on-time second."""
        return _whole_second(received_at) > self.last_on_time

    def seconds_after(self, moment: dt.datetime) -> int:
        """Whole seconds from the last on-time second to ``moment`` (negative: before it)."""
        return int((_whole_second(moment) - self.last_on_time).total_seconds())

    def describe(self) -> str:
        """The last on-time second in the organisation's time, for evidence and messages."""
        text = local_time(self.last_on_time, self.timezone)
        return (
            f"{text} (grace of {self.grace_minutes} min included)" if self.grace_minutes else text
        )


def deadline_of(vacancy: VacancyConfig, organisation: OrganisationConfig) -> Deadline:
    """The vacancy's deadline as an instant, its grace (or the organisation's) included."""
    grace = vacancy.grace_minutes
    if grace is None:
        grace = organisation.grace_minutes
    closing = deadline_instant(vacancy.deadline, organisation.timezone)
    return Deadline(closing + dt.timedelta(minutes=grace), grace, organisation.timezone)


def deadline_instant(deadline: dt.date | dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The configured deadline (date, local or offset date-time) as an aware UTC instant."""
    if not isinstance(deadline, dt.datetime):
        deadline = dt.datetime.combine(deadline, LAST_SECOND)
    if deadline.tzinfo is None:
        deadline = deadline.replace(tzinfo=zone, fold=1)
    return deadline.astimezone(dt.UTC)


def local_time(moment: dt.datetime, zone: ZoneInfo) -> str:
    """``2025-10-26 23:59:59 CET (Europe/Brussels)``: a moment as the organisation reads it."""
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()} ({zone.key})"


def _whole_second(moment: dt.datetime) -> dt.datetime:
    """Lateness is decided to the second: fractions of a second never make a message late."""
    return moment.astimezone(dt.UTC).replace(microsecond=0)
