"""Lateness through a real poll: the server's receipt time against the deadline, Date compared."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from tests import candidate_files, messages, processes
from tests.configs import write_config_file
from tests.polling import flag_evidence, poll_applications

# WCO/2025/DD-IS closes 2025-10-26, the night Brussels leaves summer time: 23:59:59 CET.
LAST_ON_TIME = datetime(2025, 10, 26, 22, 59, 59, tzinfo=UTC)
ONE_SECOND = timedelta(seconds=1)
CV = ("CV.pdf", "application/pdf", candidate_files.cv_pdf())


def test_the_last_second_is_on_time_and_the_next_one_late(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    on_time, late = poll_applications(
        config,
        sessions,
        [
            (messages.application(date=LAST_ON_TIME), LAST_ON_TIME),
            (messages.application(date=LAST_ON_TIME + ONE_SECOND), LAST_ON_TIME + ONE_SECOND),
        ],
    )
    assert on_time["late"] is False
    assert "late" not in on_time["flags"]
    assert late["late"] is True
    assert "late" in late["flags"]
    evidence = flag_evidence(sessions, late["id"], "late")
    assert "2025-10-27 00:00:00 CET" in evidence
    assert "1 second after" in evidence
    assert "2025-10-26 23:59:59 CET" in evidence


def test_lateness_is_unknown_when_the_vacancy_is(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    no_vacancy = messages.application(subject="Application – Maria FERNÁNDEZ", attachments=(CV,))
    (row,) = poll_applications(config, sessions, [(no_vacancy, LAST_ON_TIME + ONE_SECOND)])
    assert row["vacancy"] is None
    assert row["late"] is None
    assert "late" not in row["flags"]


def test_a_forged_earlier_date_header_does_not_hide_a_late_arrival(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    received = LAST_ON_TIME + timedelta(hours=9)
    forged = messages.application(date=datetime(2025, 10, 25, 10, 0, tzinfo=UTC))
    (row,) = poll_applications(config, sessions, [(forged, received)])
    assert row["late"] is True
    assert {"late", "date_mismatch"} <= set(row["flags"])
    evidence = flag_evidence(sessions, row["id"], "date_mismatch")
    assert "different sides of the deadline" in evidence
    assert "2025-10-25 12:00:00 CEST" in evidence


def test_a_date_header_a_day_and_more_away_is_a_mismatch_even_on_time(
    config: Config, sessions: sessionmaker[Session]
) -> None:
    received = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
    stale = messages.application(date=received - timedelta(hours=24, seconds=1))
    close = messages.application(date=received - timedelta(hours=23))
    stale_row, close_row = poll_applications(
        config, sessions, [(stale, received), (close, received + ONE_SECOND)]
    )
    assert stale_row["late"] is False
    assert "date_mismatch" in stale_row["flags"]
    assert "1 day" in flag_evidence(sessions, stale_row["id"], "date_mismatch")
    assert "date_mismatch" not in close_row["flags"]


def test_the_host_timezone_does_not_move_the_deadline(tmp_path: Path, sqlite_url: str) -> None:
    config_file = write_config_file(tmp_path, sqlite_url)
    new = tmp_path / "Maildir" / "new"
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    for moment in (LAST_ON_TIME, LAST_ON_TIME + ONE_SECOND):
        stamp = int(moment.timestamp())
        (new / f"{stamp}.M{stamp}P1.host").write_bytes(messages.application(date=moment))
    environment = {"INTAKE_CONFIG": str(config_file), "TZ": "Pacific/Auckland"}
    poll = processes.run_intake("poll", env=environment)
    assert poll.returncode == 0, poll.stderr
    listing = processes.run_intake("applications", "--format", "json", env=environment)
    rows = json.loads(listing.stdout)
    assert [(row["received_at"], row["late"]) for row in rows] == [
        ("2025-10-26T22:59:59Z", False),
        ("2025-10-26T23:00:00Z", True),
    ]
