"""Robots without robot headers are not acknowledged, and no application is taken for a robot."""

from __future__ import annotations

import email
from pathlib import Path

import pytest

from intake.config.runtime import open_runtime
from parsers.disposition import classify_with_reason
from parsers.message import parse_message
from parsers.model import Disposition
from tests.cli_runs import config_file, run_intake
from tests.configs import make_config
from tests.robot_controls import CONTROLS
from tests.robot_messages import robots
from tests.robot_polling import (
    acknowledged,
    controls_as_stored,
    deliver_all,
    robots_acknowledged,
    stored,
)

PERSON = {Disposition.APPLICATION, Disposition.ENQUIRY}
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


def test_a_poll_of_the_robots_and_the_controls_acknowledges_at_most_two_robots_and_loses_none(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config_file(tmp_path, sqlite_url, acknowledgements=NO_CAPS)
    config = make_config(tmp_path, sqlite_url)  # makes the Maildir folders
    assert config.mailbox.path is not None
    delivered = deliver_all(config.mailbox.path)
    code, _lines, err = run_intake(path, capsys, "poll")
    assert code == 0, err
    runtime = open_runtime(config)
    try:
        dispositions = stored(runtime.sessions)
    finally:
        runtime.close()
    assert len(dispositions) == delivered
    acks = acknowledged(tmp_path / "outbox")
    assert len(robots_acknowledged(acks)) <= 2, robots_acknowledged(acks)
    controls = controls_as_stored(dispositions)
    assert [got for _, _, got in controls] == [want for _, want, _ in controls]
    assert all(acks[key] == 1 for key, want, _ in controls if want == "application")
