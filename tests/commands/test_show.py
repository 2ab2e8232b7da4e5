"""``intake show ID``: one application with headers, documents, flags and their evidence, the
acknowledgement and the candidate's other submissions, as text and JSON, hostile text defused."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from intake.terminal_text import safe_line, safe_lines, wrapped
from storage import repository
from storage.database import write_transaction
from storage.models import Application
from tests import candidate_files, messages
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.hr_data import Doc, Stored, message_record, store_applications
from tests.polling import poll_applications

# WCO/2025/DD-IS closes 2025-10-26 23:59:59 CET (22:59:59 UTC).
ON_TIME = datetime(2025, 10, 24, 8, 0, tzinfo=UTC)
LATE = datetime(2025, 10, 27, 9, 15, tzinfo=UTC)
SUBJECT = "Application – Deputy Director, Implementation Support – Maria FERNÁNDEZ"
DECLARING_BODY = (
    "Dear Sir or Madam,\n\nPlease find my CV attached. In line with the vacancy notice, I declare "
    "that my brother, Jan Fernández, is a staff member of the World Customs Organization.\n\nMaria"
)
HOSTILE_SUBJECT = "Application \x1b[2J\x1b]0;owned\x07 – Maria\r\nBcc: everyone@example.com"
HOSTILE_RAW = (
    b"From: =?utf-8?q?Eve_=1B[31mRed?= <eve@example.com>\r\n"
    b"To: recruitment@example.org\r\n"
    b"Subject: Application \x1b[2J\x1b]0;owned\x07 \xe2\x80\xae fdp.exe\r\n"
    b"Reply-To: eve@example.com\r\n"
    b"Date: Mon, 20 Oct 2025 09:30:00 +0000\r\n"
    b"Message-ID: <hostile@example.com>\r\n"
    b"\r\n"
    b"Body\x1b[2J\r\n"
)
ESCAPE = "\x1b"


def show(config_file: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run ``intake show`` in-process; its exit code and what it printed (output, then errors)."""
    code, lines, err = run_intake(config_file, capsys, "show", *args)
    return code, "".join(line + "\n" for line in lines) + err


def show_json(config_file: Path, capsys: pytest.CaptureFixture[str], app_id: int) -> Any:
    code, out = show(config_file, capsys, str(app_id), "--format", "json")
    assert code == 0
    return json.loads(out)


def test_a_polled_resubmission_shows_evidence_documents_acknowledgement_and_both_ends(
    config: Config,
    sessions: sessionmaker[Session],
    tmp_path: Path,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cv = ("CV Maria Fernandez.pdf", "application/pdf", candidate_files.cv_pdf())
    letter = ("Motivation letter.docx", "application/octet-stream", candidate_files.letter_docx())
    cv_declaring = messages.application(subject=SUBJECT, body=DECLARING_BODY, attachments=(cv,))
    letter_late = messages.application(subject=SUBJECT, body="My letter.", attachments=(letter,))
    first, second = poll_applications(
        config, sessions, [(cv_declaring, ON_TIME), (letter_late, LATE)]
    )
    assert {"letter_missing", "relative_declared"} <= set(first["flags"])
    assert {"late", "resubmission"} <= set(second["flags"])
    config_file = write_config_file(tmp_path, database_url)

    code, earlier_text = show(config_file, capsys, str(first["id"]))
    assert code == 0
    assert f"Application {first['id']}" in earlier_text
    assert "2025-10-24T08:00:00Z (UTC), 2025-10-24 10:00:00 CEST (Europe/Brussels)" in earlier_text
    assert "Deputy Director, Implementation Support; deadline 2025-10-26" in earlier_text
    assert "declared: brother, Jan Fernández" in earlier_text
    assert "letter_missing\n    no attachment reads as a motivation letter" in earlier_text
    assert "CV Maria Fernandez.pdf" in earlier_text
    assert "| Maria Fernández" in earlier_text  # the CV's excerpt
    assert "Subject         " + SUBJECT in earlier_text
    assert f"Later submissions of the same candidate (1)\n  application {second['id']}" in (
        earlier_text
    )
    assert "Earlier submissions of the same candidate (0)" in earlier_text

    code, later_text = show(config_file, capsys, str(second["id"]))
    assert code == 0
    assert "late\n    received 2025-10-27 10:15:00 CET (Europe/Brussels)" in later_text
    assert "10 h 15 min after the deadline of" in later_text
    assert f"supersedes application {first['id']}" in later_text
    assert "| Dear Madam, Dear Sir," in later_text  # the letter's excerpt
    assert f"Earlier submissions of the same candidate (1)\n  application {first['id']}" in (
        later_text
    )

    shown = show_json(config_file, capsys, second["id"])
    assert shown["vacancy"]["title"] == "Deputy Director, Implementation Support"
    assert shown["vacancy"]["deadline"] == "2025-10-26T22:59:59Z"
    assert shown["late"] is True
    evidence = {flag["code"]: flag["evidence"] for flag in shown["flags"]}
    assert evidence["late"].endswith(
        "after the deadline of WCO/2025/DD-IS: 2025-10-26 23:59:59 CET (Europe/Brussels)"
    )
    assert [one["id"] for one in shown["earlier_submissions"]] == [first["id"]]
    assert "letter_missing" in shown["earlier_submissions"][0]["flags"]
    assert shown["later_submissions"] == []
    (document,) = shown["documents"]
    assert document["kind"] == "motivation_letter"
    assert document["excerpt"].startswith("Dear Madam, Dear Sir,")
    assert document["pages"] is None or document["pages"] >= 1
    headers = {header["name"]: header["value"] for header in shown["headers"]}
    assert headers["Subject"] == SUBJECT
    assert headers["From"] == "Maria Fernández <maria.fernandez@example.com>"
    ack = shown["acknowledgement"]
    # Both were confirmed in one drain: the vacancy cap (one a day) held the second back.
    assert ack["status"] == "suppressed"
    assert ack["reason"].startswith("vacancy cap: 1 acknowledgements for WCO/2025/DD-IS")
    assert ack["recipient"] == "maria.fernandez@example.com"
    earlier = show_json(config_file, capsys, first["id"])
    assert earlier["acknowledgement"]["status"] == "sent"
    assert earlier["acknowledgement"]["sent_at"] is not None
    assert earlier["acknowledgement"]["outbound_message_id"].startswith("<")
    relatives = earlier["relatives"]
    assert relatives["outcome"] == "declared"
    assert relatives["relation"] == "brother"
    assert "World Customs Organization" in relatives["evidence"]


def test_an_unknown_id_is_an_error_naming_it(
    sessions: sessionmaker[Session],
    tmp_path: Path,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config_file = write_config_file(tmp_path, database_url)
    for asked in ("99", "0", str(10**25)):  # the last would overflow the database's integer
        code, out = show(config_file, capsys, asked)
        assert code == 1
        assert out == f"intake: error: no application with id {asked}\n"


def store_hostile(sessions: sessionmaker[Session]) -> int:
    """An application whose raw headers and stored values carry escapes, CR/LF and bidi marks."""
    stored = Stored(
        subject="placeholder",
        flags=(("subject_invalid", "subject lacks a name: \x1b[2Jwiped\r\nX-Fake: 1"),),
        documents=(Doc("CV\x1b[8m.pdf", text="Line one\x1b]0;title\x07\nLine \x9b31mtwo"),),
    )
    record = message_record(stored)
    assert record.application is not None
    application = dataclasses.replace(record.application, subject=HOSTILE_SUBJECT)
    record = dataclasses.replace(
        record, raw=HOSTILE_RAW, subject=HOSTILE_SUBJECT, application=application
    )
    with write_transaction(sessions) as session:
        result = repository.store_message(session, record)
    with sessions() as session:
        app_id = session.scalar(
            select(Application.id).where(Application.message_pk == result.message_pk)
        )
    assert app_id is not None
    return app_id


def test_hostile_header_values_are_shown_harmless_in_text_and_json(
    sessions: sessionmaker[Session],
    tmp_path: Path,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app_id = store_hostile(sessions)
    config_file = write_config_file(tmp_path, database_url)
    code, text = show(config_file, capsys, str(app_id))
    assert code == 0
    assert ESCAPE not in text
    assert "\r" not in text
    assert "\x9b" not in text
    assert "\u202e" not in text
    assert "owned" not in text  # the terminal-title sequence went whole
    assert "Bcc: everyone@example.com" in text  # on the subject's own line, not a line of its own
    assert not any(line.startswith("Bcc:") for line in text.splitlines())
    # The evidence's own line break is laid out as an indented line under its flag.
    assert "subject_invalid\n    subject lacks a name: wiped\n    X-Fake: 1\n" in text
    assert "From            Eve Red <eve@example.com>" in text
    assert "| Line one" in text
    assert "| Line two" in text

    code, out = show(config_file, capsys, str(app_id), "--format", "json")
    assert code == 0
    assert ESCAPE not in json.loads(out)["subject"]
    assert "\\u001b" not in out
    assert "\x9b" not in out
    shown = json.loads(out)
    assert shown["documents"][0]["filename"] == "CV.pdf"
    assert shown["documents"][0]["excerpt"] == "Line one\nLine two"


def test_a_candidate_chain_is_followed_both_ways_and_across_branches(
    sessions: sessionmaker[Session],
    tmp_path: Path,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    start = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
    (root,) = store_applications(sessions, [Stored(received_at=start)])
    (middle,) = store_applications(
        sessions, [Stored(received_at=start + timedelta(hours=1), previous_application_id=root)]
    )
    (branch,) = store_applications(
        sessions, [Stored(received_at=start + timedelta(hours=2), previous_application_id=root)]
    )
    (last,) = store_applications(
        sessions,
        [
            Stored(
                received_at=start + timedelta(hours=3),
                previous_application_id=middle,
                flags=(("resubmission", f"supersedes application {middle}"),),
            )
        ],
    )
    (stranger,) = store_applications(sessions, [Stored(sender="someone.else@example.com")])
    config_file = write_config_file(tmp_path, database_url)
    shown = show_json(config_file, capsys, middle)
    assert [one["id"] for one in shown["earlier_submissions"]] == [root]
    assert [one["id"] for one in shown["later_submissions"]] == [branch, last]
    assert shown["later_submissions"][1]["flags"] == ["resubmission"]
    from_root = show_json(config_file, capsys, root)
    assert [one["id"] for one in from_root["later_submissions"]] == [middle, branch, last]
    assert stranger not in [one["id"] for one in from_root["later_submissions"]]


def test_a_long_text_shows_only_its_beginning_and_its_length(
    sessions: sessionmaker[Session],
    tmp_path: Path,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "Experience. " * 5000 + "THE-END"
    (app_id,) = store_applications(sessions, [Stored(documents=(Doc("CV.pdf", text=text),))])
    config_file = write_config_file(tmp_path, database_url)
    code, out = show(config_file, capsys, str(app_id))
    assert code == 0
    assert "THE-END" not in out
    assert f"({len(text):,} characters of text in all)" in out
    excerpt = show_json(config_file, capsys, app_id)["documents"][0]["excerpt"]
    assert 0 < len(excerpt) <= 600


def test_safe_line_removes_escape_sequences_controls_and_direction_marks() -> None:
    assert safe_line("a\x1b[1;31mb\x1b[0m c") == "ab c"
    assert safe_line("a\x1b]0;title\x07b") == "ab"
    assert safe_line("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") == "alink"
    assert safe_line("a\x9b2Jb\x07\x00c") == "ab c"
    assert safe_line("report\u202efdp.exe") == "report fdp.exe"
    assert safe_line("two\r\nlines\u2028here") == "two lines here"
    assert safe_lines("one\r\n\r\n\x1b[2Jtwo\nthree\x85four") == ["one", "two", "three", "four"]


def test_wrapped_text_stays_within_the_width_and_keeps_its_indent() -> None:
    lines = wrapped("word " * 60 + "x" * 150, "    ", width=50)
    assert all(len(line) <= 50 and line.startswith("    ") for line in lines)
    assert "".join(line.strip() for line in lines).endswith("x" * 150)
