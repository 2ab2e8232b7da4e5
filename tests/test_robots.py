"""Robots without robot headers are not acknowledged, and no application is taken for a robot."""

from __future__ import annotations

import email
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.runtime import open_runtime
from parsers.disposition import classify_with_reason
from parsers.message import parse_message
from parsers.model import Disposition
from storage.models import Message
from tests.cli_runs import config_file, run_intake
from tests.configs import make_config
from tests.robot_controls import CONTROLS
from tests.robot_messages import robots

PERSON = {Disposition.APPLICATION, Disposition.ENQUIRY}
# Delivered to the Maildir one minute apart from here (the unique name gives the time).
FIRST_DELIVERY = int(datetime(2025, 10, 20, 10, 0, tzinfo=UTC).timestamp())
NO_CAPS = {"max_per_recipient": 1000, "max_per_recipient_vacancy": 1000}


def test_the_set_holds_a_hundred_robots_none_with_a_robot_header() -> None:
    made = robots()
    assert len(made) == 100
    for label, raw in made:
        headers = email.message_from_bytes(raw)
        for name in ("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence"):
            assert headers[name] is None, label


def test_at_most_two_of_a_hundred_headerless_robots_are_read_as_a_person() -> None:
    read_as_person = [
        label for label, raw in robots() if classify_with_reason(parse_message(raw))[0] in PERSON
    ]
    assert len(read_as_person) <= 2, read_as_person


@pytest.mark.parametrize(
    ("expected", "raw"),
    [(expected, raw) for _, expected, raw in CONTROLS],
    ids=[label for label, _, _ in CONTROLS],
)
def test_applications_and_enquiries_that_look_like_robots_are_read_as_such(
    expected: str, raw: bytes
) -> None:
    disposition, reason = classify_with_reason(parse_message(raw))
    assert disposition == expected, reason


def deliver_all(maildir: Path, raws: list[bytes]) -> None:
    for number, raw in enumerate(raws):
        (maildir / "new" / f"{FIRST_DELIVERY + 60 * number}.M{number}P1.robots").write_bytes(raw)


def stored(sessions: sessionmaker[Session]) -> dict[str, str]:
    """The disposition of every stored message, by Message-ID."""
    with sessions() as session:
        rows = session.execute(select(Message.message_id, Message.disposition)).all()
    return {str(message_id): disposition for message_id, disposition in rows}


def acknowledged(outbox: Path) -> Counter[str]:
    """How many acknowledgements in the outbox folder answer each Message-ID."""
    replies = (email.message_from_bytes(path.read_bytes()) for path in outbox.glob("*.eml"))
    return Counter(str(reply["In-Reply-To"]) for reply in replies)


def test_a_poll_of_the_robots_and_the_controls_acknowledges_at_most_two_robots_and_loses_none(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raws = [raw for _, raw in robots()] + [raw for _, _, raw in CONTROLS]
    path = config_file(tmp_path, sqlite_url, acknowledgements=NO_CAPS)
    config = make_config(tmp_path, sqlite_url)  # makes the Maildir folders
    assert config.mailbox.path is not None
    deliver_all(config.mailbox.path, raws)
    code, _lines, err = run_intake(path, capsys, "poll")
    assert code == 0, err
    runtime = open_runtime(config)
    try:
        dispositions = stored(runtime.sessions)
    finally:
        runtime.close()
    assert len(dispositions) == len(raws)
    robot_ids = {f"<robot-{number}@" for number in range(100)}
    acks = acknowledged(tmp_path / "outbox")
    robots_acknowledged = [key for key in acks if key.partition("@")[0] + "@" in robot_ids]
    assert len(robots_acknowledged) <= 2, robots_acknowledged
    controls = [(str(parse_message(raw).message_id), want) for _, want, raw in CONTROLS]
    assert [dispositions[key] for key, _ in controls] == [want for _, want in controls]
    assert all(acks[key] == 1 for key, want in controls if want == "application")
