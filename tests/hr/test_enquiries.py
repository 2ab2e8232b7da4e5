"""``intake enquiries`` lists the questions candidates asked, polled from real messages, newest
first: sender, the time in the organisation's timezone, subject and the first lines the sender
wrote, without quoted replies and without anything that could drive the terminal."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.output.width import display_width
from tests import messages
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.polling import poll_arrivals

QUESTION = "Could you tell me whether the post is open to non-nationals?"
FOLLOW_UP = (
    "Many thanks for your answer.\n\n"
    "Could you also tell me whether the post can be held part-time?\n\n"
    "Best regards,\nSofia\n\n"
    "On Wed, 22 Oct 2025 at 14:00, Recruitment <recruitment@example.org> wrote:\n"
    "> The post is open to the nationals of every Member.\n"
    "> Kind regards\n"
)
HOSTILE = "\x1b]0;pwned\x07Is there \u202ea deadline\x1b[2J for questions?\r\nThanks"
SUMMER = datetime(2025, 10, 22, 11, 58, 20, tzinfo=UTC)  # 13:58 in Brussels (UTC+2)
WINTER = datetime(2025, 10, 27, 9, 0, tzinfo=UTC)  # 10:00 in Brussels (UTC+1)


def enquiry(sender: str, subject: str, body: str) -> bytes:
    """A question to HR, no attachment, built with the email package."""
    return messages.application(sender=sender, subject=subject, body=body, attachments=())


@pytest.fixture
def polled(config: Config, sessions: sessionmaker[Session], tmp_path: Path) -> Path:
    """Three enquiries and an application, polled from the fake mailbox; the config's path."""
    arrivals = [
        (
            enquiry("Amélie Côté <amelie@example.ca>", "Question about the vacancy", QUESTION),
            SUMMER,
        ),
        (messages.application(), datetime(2025, 10, 23, 8, 0, tzinfo=UTC)),
        (enquiry("Sofia Rossi <sofia@example.net>", "Re: Question", FOLLOW_UP), WINTER),
        (enquiry("eve@example.net", "Question \x1b[31mabout\u202e dates", HOSTILE), WINTER),
    ]
    poll_arrivals(config, sessions, arrivals)
    return write_config_file(tmp_path, str(config.database.url))


def listed(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    """``intake enquiries --format json ARGS`` as a list of objects."""
    code, lines, _err = run_intake(path, capsys, "enquiries", "--format", "json", *args)
    assert code == 0
    rows: list[dict[str, Any]] = json.loads("\n".join(lines))
    return rows


def test_enquiries_are_listed_newest_first_in_the_organisations_time(
    polled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listed(polled, capsys)
    assert [row["sender"] for row in rows] == [
        "eve@example.net", "sofia@example.net", "amelie@example.ca",
    ]  # fmt: skip
    amelie = rows[2]
    assert amelie["received_at"] == "2025-10-22T11:58:20Z"
    assert amelie["received_local"] == "2025-10-22T13:58+02:00"
    assert rows[1]["received_local"] == "2025-10-27T10:00+01:00"  # after the clocks went back
    assert (amelie["sender_name"], amelie["subject"]) == (
        "Amélie Côté",
        "Question about the vacancy",
    )
    assert amelie["first_lines"] == [QUESTION]


def test_quoted_replies_are_left_out_of_the_first_lines(
    polled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sofia = listed(polled, capsys)[1]
    assert sofia["first_lines"] == [
        "Many thanks for your answer.",
        "Could you also tell me whether the post can be held part-time?",
        "Best regards,",
    ]
    assert len(listed(polled, capsys, "--lines", "10")[1]["first_lines"]) == 4  # then "Sofia"


def test_since_keeps_the_enquiries_received_from_that_day_on(
    polled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listed(polled, capsys, "--since", "2025-10-23")
    assert [row["sender"] for row in rows] == ["eve@example.net", "sofia@example.net"]
    code, _lines, err = run_intake(polled, capsys, "enquiries", "--since", "23/10/2025")
    assert code == 2
    assert err.startswith("intake: --since:")


def test_the_table_fits_80_columns_shows_the_question_and_nothing_hostile(
    polled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    code, lines, _err = run_intake(polled, capsys, "enquiries")
    assert code == 0
    assert max(display_width(line) for line in lines) <= 80
    printed = "\n".join(lines)
    assert "2025-10-22T13:58+02:00" in printed
    assert "    Could you tell me whether the post is open to non-nationals?" in lines
    assert "Is there a deadline" in printed and "for questions? Thanks" in printed
    assert "nationals of every Member" not in printed  # quoted: left out
    assert not any(mark in printed for mark in ("\x1b", "\x07", "\u202e", "\r"))
    assert lines[-1] == "(3 rows)"


def test_csv_carries_every_field(polled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, lines, _err = run_intake(polled, capsys, "enquiries", "--format", "csv")
    rows = list(csv.DictReader(lines))
    assert list(rows[0]) == [
        "id", "message_id", "received_at", "received_local", "sender", "sender_name", "subject",
        "candidate", "first_lines",
    ]  # fmt: skip
    assert rows[2]["candidate"] == ""  # a question out of the blue replies to no candidate
    assert rows[2]["first_lines"] == QUESTION
