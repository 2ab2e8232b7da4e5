"""At most ``max_per_recipient_vacancy`` acknowledgements per address and vacancy in the window."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intake.acks.sender import send_due
from intake.config.runtime import Runtime
from intake.errors import ConfigError
from intake.mailbox.fake import FakeMailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from tests import messages
from tests.configs import config_document, make_config
from tests.documents import pdf_bytes
from tests.smtp import (
    OpenRuntimes,
    SmtpServer,
    open_runtimes,
    outbox_rows,
    poll_through,
    smtp_config,
    smtp_server,
)

__all__ = ["open_runtimes", "smtp_server"]

START = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
DEPUTY = "Application – Deputy Director, Implementation Support – Maria FERNÁNDEZ"
# A help desk's answer that no robot rule knows (no vacation words, more than 25 words).
HELPDESK = (
    "Thank you for writing to the Ministry of Finance help desk. This is to confirm that we "
    "have your message. Our opening hours are Monday to Friday, 8:00 to 16:00, and we aim to "
    "answer within three working days."
)
HEAD = "Application – Head of Unit, Needs Assessment (WCO/2025/HU-NA) – Maria FERNÁNDEZ"


def applying(subject: str, number: int) -> tuple[bytes, datetime]:
    raw = messages.application(subject=subject, message_id=f"<apply-{number}@example.com>")
    return raw, START + timedelta(minutes=number)


def test_five_applications_for_one_vacancy_in_a_day_get_one_acknowledgement(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    poll_through(runtime, *[applying(DEPUTY, i) for i in range(5)])
    rows = outbox_rows(runtime.sessions)
    assert [row.status for row in rows] == ["sent"] + ["suppressed"] * 4
    for row in rows[1:]:
        assert row.reason is not None
        assert row.reason.startswith("vacancy cap: 1 acknowledgements for WCO/2025/DD-IS")
    assert len(smtp_server.received) == 1


def test_applications_for_two_vacancies_get_one_acknowledgement_each(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    poll_through(runtime, *[applying(DEPUTY if i % 2 else HEAD, i) for i in range(6)])
    statuses = Counter(row.status for row in outbox_rows(runtime.sessions))
    assert statuses == Counter(sent=2, suppressed=4)
    subjects = sorted(str(received.message["Subject"]) for received in smtp_server.received)
    assert subjects == [f"Re: {DEPUTY}", f"Re: {HEAD}"]


def test_the_vacancy_cap_is_configurable(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    config = smtp_config(tmp_path, sqlite_url, smtp_server, max_per_recipient_vacancy=2)
    runtime = open_runtimes(config)
    poll_through(runtime, *[applying(DEPUTY, i) for i in range(4)])
    assert [row.status for row in outbox_rows(runtime.sessions)] == ["sent"] * 2 + [
        "suppressed"
    ] * 2


def second_sent_first(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> tuple[Runtime, datetime]:
    """Two applications for one vacancy: the first polled while the server is down waits for
    its retry; the second, polled once it is up, is sent before it; that retry's due time."""
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    mailbox = FakeMailbox()
    smtp_server.stop()
    mailbox.append(*applying(DEPUTY, 0))
    assert poll_once(runtime.config, runtime.sessions, mailbox, progress=Progress(live=False)).ok
    smtp_server.start()
    mailbox.append(*applying(DEPUTY, 1))
    assert poll_once(runtime.config, runtime.sessions, mailbox, progress=Progress(live=False)).ok
    retry_at = outbox_rows(runtime.sessions)[0].next_attempt_at
    assert retry_at is not None
    assert [row.status for row in outbox_rows(runtime.sessions)] == ["pending", "sent"]
    return runtime, retry_at


@pytest.mark.parametrize(
    ("hours", "first_status"),
    [(23, "suppressed"), (25, "sent")],
    ids=["within the window: suppressed", "after the window: sent"],
)
def test_a_second_acknowledgement_for_the_vacancy_is_sent_only_after_the_window(
    tmp_path: Path,
    sqlite_url: str,
    smtp_server: SmtpServer,
    open_runtimes: OpenRuntimes,
    hours: int,
    first_status: str,
) -> None:
    runtime, retry_at = second_sent_first(tmp_path, sqlite_url, smtp_server, open_runtimes)
    send_due(runtime.config, runtime.sessions, now=retry_at + timedelta(hours=hours))
    assert [row.status for row in outbox_rows(runtime.sessions)] == [first_status, "sent"]
    assert len(smtp_server.received) == (2 if first_status == "sent" else 1)


def test_a_robot_the_rules_miss_answering_our_acknowledgement_with_a_file_gets_no_second_one(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    mailbox = FakeMailbox()
    mailbox.append(*applying(DEPUTY, 0))
    poll_once(runtime.config, runtime.sessions, mailbox, progress=Progress(live=False))
    (ours,) = smtp_server.received
    # A file makes the answer an application (without one, a reply to our acknowledgement is
    # an enquiry and gets nothing): the vacancy cap is what stops the second acknowledgement.
    ticket = ("ticket-4711.pdf", "application/pdf", pdf_bytes(["Ticket 4711 has been opened."]))
    answer = messages.application(
        subject=f"Re: {ours.message['Subject']}",
        body=HELPDESK,
        attachments=(ticket,),
        message_id="<answer-1@example.com>",
        extra_headers=(("In-Reply-To", str(ours.message["Message-ID"])),),
    )
    mailbox.append(answer, START + timedelta(minutes=5))
    poll_once(runtime.config, runtime.sessions, mailbox, progress=Progress(live=False))
    rows = outbox_rows(runtime.sessions)
    assert [row.status for row in rows] == ["sent", "suppressed"]  # read as an application
    assert rows[1].reason is not None and rows[1].reason.startswith("vacancy cap: 1")
    assert len(smtp_server.received) == 1


def test_the_vacancy_cap_defaults_to_one_a_day(tmp_path: Path, sqlite_url: str) -> None:
    acks = make_config(tmp_path, sqlite_url).acknowledgements
    assert (acks.max_per_recipient_vacancy, acks.recipient_window_hours) == (1, 24)


@pytest.mark.parametrize("value", [0, 1001, "one"])
def test_a_vacancy_cap_out_of_range_or_not_a_number_is_refused_naming_the_key(
    tmp_path: Path, sqlite_url: str, value: object
) -> None:
    section = {**config_document(tmp_path, sqlite_url)["acknowledgements"]}
    section["max_per_recipient_vacancy"] = value
    with pytest.raises(ConfigError) as caught:
        make_config(tmp_path, sqlite_url, {"acknowledgements": section})
    assert caught.value.key == "acknowledgements.max_per_recipient_vacancy"
