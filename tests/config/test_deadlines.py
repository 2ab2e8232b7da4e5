"""Deadlines to the second, in the organisation's timezone, whatever the host's clock says."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest

from intake.config.deadlines import deadline_instant, deadline_of, local_time
from intake.config.settings import OrganisationConfig, VacancyConfig

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = dt.UTC


def organisation(grace_minutes: int = 0) -> OrganisationConfig:
    return OrganisationConfig("World Customs Organization", BRUSSELS, grace_minutes=grace_minutes)


def vacancy(deadline: dt.date | dt.datetime, grace_minutes: int | None = None) -> VacancyConfig:
    return VacancyConfig("WCO/2025/DD-IS", "Deputy Director", deadline, grace_minutes=grace_minutes)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.fixture
def host_in_auckland() -> Iterator[None]:
    """The host runs in a timezone far from the organisation's; restored afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Auckland"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_a_date_deadline_on_the_night_clocks_go_back_ends_at_midnight_winter_time() -> None:
    # 2025-10-26: Brussels leaves summer time at 03:00; the day ends at 23:59:59 CET (UTC+1).
    deadline = deadline_of(vacancy(dt.date(2025, 10, 26)), organisation())
    assert deadline.last_on_time == utc(2025, 10, 26, 22, 59, 59)
    assert not deadline.is_late(utc(2025, 10, 26, 22, 59, 59))
    assert deadline.is_late(utc(2025, 10, 26, 23, 0, 0))


def test_summer_time_offset_is_not_used_after_the_clocks_went_back() -> None:
    # A reader that kept UTC+2 would close at 21:59:59 UTC and call this half hour late.
    deadline = deadline_of(vacancy(dt.date(2025, 10, 26)), organisation())
    assert not deadline.is_late(utc(2025, 10, 26, 22, 30, 0))


def test_a_date_deadline_on_the_night_clocks_go_forward_ends_at_midnight_summer_time() -> None:
    deadline = deadline_of(vacancy(dt.date(2026, 3, 29)), organisation())
    assert deadline.last_on_time == utc(2026, 3, 29, 21, 59, 59)
    assert not deadline.is_late(utc(2026, 3, 29, 21, 59, 59))
    assert deadline.is_late(utc(2026, 3, 29, 22, 0, 0))


def test_a_fraction_of_a_second_after_the_last_second_is_still_on_time() -> None:
    deadline = deadline_of(vacancy(dt.date(2025, 11, 30)), organisation())
    assert not deadline.is_late(dt.datetime(2025, 11, 30, 22, 59, 59, 999_999, tzinfo=UTC))
    assert deadline.is_late(utc(2025, 11, 30, 23, 0, 0))


def test_a_local_date_time_is_read_in_the_organisations_timezone() -> None:
    deadline = deadline_of(vacancy(dt.datetime(2025, 11, 14, 12, 0, 0)), organisation())
    assert deadline.last_on_time == utc(2025, 11, 14, 11, 0, 0)
    assert not deadline.is_late(utc(2025, 11, 14, 11, 0, 0))
    assert deadline.is_late(utc(2025, 11, 14, 11, 0, 1))


def test_a_local_time_that_occurs_twice_means_the_later_one() -> None:
    # 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC (winter time).
    deadline = deadline_of(vacancy(dt.datetime(2025, 10, 26, 2, 30, 0)), organisation())
    assert deadline.last_on_time == utc(2025, 10, 26, 1, 30, 0)
    assert not deadline.is_late(utc(2025, 10, 26, 0, 30, 1))
    assert not deadline.is_late(utc(2025, 10, 26, 1, 30, 0))
    assert deadline.is_late(utc(2025, 10, 26, 1, 30, 1))


def test_a_date_time_with_an_offset_is_taken_as_written() -> None:
    plus_five = dt.timezone(dt.timedelta(hours=5))
    written = dt.datetime(2025, 10, 26, 12, 0, 0, tzinfo=plus_five)
    deadline = deadline_of(vacancy(written), organisation())
    assert deadline.last_on_time == utc(2025, 10, 26, 7, 0, 0)
    assert deadline.is_late(utc(2025, 10, 26, 7, 0, 1))


def test_vacancy_grace_minutes_extend_the_deadline() -> None:
    deadline = deadline_of(vacancy(dt.date(2025, 10, 26), grace_minutes=10), organisation())
    assert not deadline.is_late(utc(2025, 10, 26, 23, 9, 59))
    assert deadline.is_late(utc(2025, 10, 26, 23, 10, 0))
    assert "grace of 10 min" in deadline.describe()


def test_organisation_grace_applies_unless_the_vacancy_sets_its_own() -> None:
    generous = organisation(grace_minutes=30)
    assert not deadline_of(vacancy(dt.date(2025, 10, 26)), generous).is_late(
        utc(2025, 10, 26, 23, 29, 59)
    )
    strict = deadline_of(vacancy(dt.date(2025, 10, 26), grace_minutes=0), generous)
    assert strict.is_late(utc(2025, 10, 26, 23, 0, 0))


@pytest.mark.usefixtures("host_in_auckland")
def test_the_host_timezone_changes_nothing() -> None:
    assert time.localtime(0).tm_gmtoff == 12 * 3600  # the fixture really moved the host
    deadline = deadline_of(vacancy(dt.date(2025, 10, 26)), organisation())
    assert deadline.last_on_time == utc(2025, 10, 26, 22, 59, 59)
    assert deadline_instant(dt.datetime(2025, 11, 14, 12, 0), BRUSSELS) == utc(2025, 11, 14, 11)


def test_times_are_shown_in_the_organisations_clock_with_its_zone_name() -> None:
    assert local_time(utc(2025, 10, 26, 22, 59, 59), BRUSSELS) == (
        "2025-10-26 23:59:59 CET (Europe/Brussels)"
    )
    assert local_time(utc(2025, 10, 26, 0, 30), BRUSSELS) == (
        "2025-10-26 02:30:00 CEST (Europe/Brussels)"
    )
