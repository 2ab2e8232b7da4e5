"""Rules about time: arrival after the deadline, and a Date header that tells another story."""

from __future__ import annotations

from datetime import timedelta

from intake.config.deadlines import local_time
from intake.config.settings import Config
from intake.rules.facts import Facts
from storage.records import FlagRecord

# A Date header this far from the receipt time is not a slow relay; someone set the clock.
DATE_DRIFT_LIMIT = timedelta(hours=24)


def late(facts: Facts, config: Config) -> FlagRecord | None:
    """The server received the message after the vacancy's deadline (and grace)."""
    deadline = facts.deadline
    if deadline is None or not deadline.is_late(facts.received_at):
        return None
    zone = config.organisation.timezone
    return FlagRecord(
        "late",
        f"received {local_time(facts.received_at, zone)}, "
        f"{_duration(deadline.seconds_after(facts.received_at))} after the deadline of "
        f"{_reference(facts)}: {deadline.describe()}",
    )


def date_mismatch(facts: Facts, config: Config) -> FlagRecord | None:
    """The sender's Date header and the receipt time disagree about the deadline, or by a day."""
    claimed = facts.message.date_claimed
    if claimed is None:
        return None
    zone = config.organisation.timezone
    story = (
        f"the Date header says {local_time(claimed, zone)} "
        f"({facts.message.date_header or ''}), the server received it "
        f"{local_time(facts.received_at, zone)}"
    )
    deadline = facts.deadline
    if deadline is not None and deadline.is_late(claimed) != deadline.is_late(facts.received_at):
        return FlagRecord(
            "date_mismatch",
            f"{story}: they fall on different sides of the deadline of {_reference(facts)} "
            f"({deadline.describe()})",
        )
    drift = abs(facts.received_at - claimed)
    if drift > DATE_DRIFT_LIMIT:
        return FlagRecord(
            "date_mismatch", f"{story}: {_duration(int(drift.total_seconds()))} apart"
        )
    return None


def _reference(facts: Facts) -> str:
    return facts.vacancy.reference if facts.vacancy else "the vacancy"


def _duration(seconds: int) -> str:
    """``1 second``, ``2 h 5 min``, ``3 days 4 h``: how far apart, to the second when small."""
    seconds = abs(seconds)
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes, hours, days = seconds // 60 % 60, seconds // 3600 % 24, seconds // 86400
    parts = [(days, "days" if days != 1 else "day"), (hours, "h"), (minutes, "min")]
    shown = [f"{count} {unit}" for count, unit in parts if count]
    return " ".join(shown[:2]) if shown else f"{seconds} seconds"
