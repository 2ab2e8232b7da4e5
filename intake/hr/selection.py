"""Turns ``intake applications`` options into a storage query, refusing wrong values by name."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from intake.config.settings import Config
from intake.errors import UsageError
from intake.flag_codes import APPLICATION_FLAG_CODES
from parsers.folding import fold
from storage.queries import SORT_KEYS, ApplicationQuery

ONE_DAY = dt.timedelta(days=1)
ONE_SECOND = dt.timedelta(seconds=1)


def query_from_args(args: argparse.Namespace, config: Config) -> ApplicationQuery:
    """The query the command line asks for; a wrong value raises UsageError naming its option."""
    zone = config.organisation.timezone
    with_flags = flag_codes("--flag", args.flag)
    without_flags = flag_codes("--no-flag", args.no_flag)
    both = sorted(set(with_flags) & set(without_flags))
    if both:
        raise UsageError(f"--flag and --no-flag both name {', '.join(both)}")
    since = start_of(args.since, zone) if args.since else None
    until = end_of(args.until, zone) if args.until else None
    if since and until and since >= until:
        raise UsageError(f"--since {args.since} is not before --until {args.until}")
    sort, descending = sort_key(args.sort)
    search = search_text(args.search)
    return ApplicationQuery(
        vacancy=vacancy_reference(args.vacancy, config),
        with_flags=with_flags,
        without_flags=without_flags,
        late=args.late,
        relatives=args.relatives,
        since=since,
        until=until,
        search=search,
        search_words=tuple(fold(search).split()) if search else (),
        sort=sort,
        descending=descending,
    )


def flag_codes(option: str, given: Sequence[str]) -> tuple[str, ...]:
    """The codes given to ``option``, each checked against the contract's flag codes."""
    codes: list[str] = []
    for value in given:
        code = value.strip().lower()
        if code not in APPLICATION_FLAG_CODES:
            known = ", ".join(APPLICATION_FLAG_CODES)
            raise UsageError(f"{option}: unknown flag code '{value}' (known: {known})")
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def start_of(value: str, zone: ZoneInfo, option: str = "--since") -> dt.datetime:
    """The first instant ``value`` names: a date is the start of that day in ``zone``."""
    try:
        moment = _moment(value)
        if not isinstance(moment, dt.datetime):
            return _local_midnight(moment, zone)
        return _in_utc(moment, zone)
    except (ValueError, OverflowError) as exc:
        raise _bad_moment(option, value) from exc


def end_of(value: str, zone: ZoneInfo, option: str = "--until") -> dt.datetime:
    """The instant just after ``value``: a date is the end of that day in ``zone``; a time
    includes its own second (``12:00`` takes in 12:00:00 up to, not including, 12:00:01)."""
    try:
        moment = _moment(value)
        if not isinstance(moment, dt.datetime):
            return _local_midnight(moment + ONE_DAY, zone)
        return _in_utc(moment.replace(microsecond=0), zone) + ONE_SECOND
    except (ValueError, OverflowError) as exc:
        raise _bad_moment(option, value) from exc


def _moment(value: str) -> dt.date | dt.datetime:
    text = value.strip()
    if len(text) == len("YYYY-MM-DD"):
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


def _bad_moment(option: str, value: str) -> UsageError:
    return UsageError(
        f"{option}: '{value}' is not a date (YYYY-MM-DD) or a date and time "
        "(YYYY-MM-DDTHH:MM, optionally with an offset such as +02:00)"
    )


def _local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)


def _in_utc(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A date-time without an offset is read in the organisation's timezone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(dt.UTC)


def sort_key(value: str) -> tuple[str, bool]:
    """``name`` -> ("name", False); ``-name`` -> ("name", True) (descending)."""
    text = value.strip().lower()
    descending = text.startswith("-")
    key = text.removeprefix("-")
    if key not in SORT_KEYS:
        raise UsageError(
            f"--sort: unknown key '{value}' (known: {', '.join(SORT_KEYS)}; "
            "a leading '-' sorts in descending order)"
        )
    return key, descending


def search_text(value: str | None) -> str | None:
    """The search text with outer spaces removed; only spaces is a mistake."""
    if value is None:
        return None
    text = " ".join(value.split())
    if not text:
        raise UsageError("--search: give some text to look for")
    return text


def vacancy_reference(value: str | None, config: Config) -> str | None:
    """The configured spelling of a reference typed in another case; other values as given."""
    if value is None:
        return None
    text = value.strip()
    for vacancy in config.vacancies:
        if vacancy.reference.casefold() == text.casefold():
            return vacancy.reference
    return text
