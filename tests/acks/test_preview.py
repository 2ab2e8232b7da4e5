"""``intake acks preview`` shows the acknowledgement as a person reads it: headers decoded, the
body as text (not quoted-printable); ``--raw`` keeps the message exactly as it is sent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from tests import messages
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.polling import poll_arrivals

SUBJECT = "Application – Deputy Director, Implementation Support – Héloïse DÛBOIS-LEFÈVRE"


@pytest.fixture
def polled(config: Config, sessions: sessionmaker[Session], tmp_path: Path) -> Path:
    """One application from a candidate with an accented name; the config file's path."""
    raw = messages.application(
        sender="Héloïse Dûbois-Lefèvre <heloise.dubois@example.fr>", subject=SUBJECT
    )
    poll_arrivals(config, sessions, [(raw, datetime(2025, 10, 20, 9, 30, tzinfo=UTC))])
    return write_config_file(tmp_path, str(config.database.url))


def test_the_preview_shows_decoded_headers_and_the_body_as_text(
    polled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run_intake(polled, capsys, "acks", "preview", "1")
    assert code == 0
    assert err.startswith("acknowledgement 1 (")
    assert f"Subject: Re: {SUBJECT}" in lines
    assert "To: heloise.dubois@example.fr" in lines
    assert "Auto-Submitted: auto-replied" in lines
    printed = "\n".join(lines)
    assert "Héloïse" in printed.split("\n\n", 1)[1]  # the greeting, in the body
    for encoded in ("=?utf-8?", "=C3=", "Content-Transfer-Encoding", "quoted-printable"):
        assert encoded not in printed
    assert lines[-1].startswith("(also sent: text/html")


def test_raw_prints_the_message_as_it_is_sent(
    polled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _err = run_intake(polled, capsys, "acks", "preview", "1", "--raw")
    assert code == 0
    printed = "\n".join(lines)
    assert "Content-Transfer-Encoding: quoted-printable" in printed
    assert "=?utf-8?" in printed  # the subject encoded as it goes on the wire


def test_direction_marks_and_escapes_in_the_candidates_text_never_reach_the_terminal(
    config: Config,
    sessions: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    raw = messages.application(
        sender="\u202eEve\u202c <eve@example.net>",
        subject=f"{SUBJECT} \x1b]0;pwned\x07\u202egnp.exe",
    )
    poll_arrivals(config, sessions, [(raw, datetime(2025, 10, 20, 9, 30, tzinfo=UTC))])
    path = write_config_file(tmp_path, str(config.database.url))
    code, lines, _err = run_intake(path, capsys, "acks", "preview", "1")
    assert code == 0
    printed = "\n".join(lines)
    assert not any(mark in printed for mark in ("\x1b", "\x07", "\u202e", "\u202c"))
    assert "Héloïse DÛBOIS-LEFÈVRE" in printed
