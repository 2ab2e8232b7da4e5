"""ImapMailbox against a real Dovecot: new-message detection, marking, TLS, drops, time zones."""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from ssl import SSLContext
from typing import Any

import pytest
from imapclient import IMAPClient

from intake.errors import MailboxConnectionLost, MailboxError
from intake.mailbox.base import RawMessage, Watermark
from intake.mailbox.fake import FakeMailbox
from intake.mailbox.imap import MAX_RECONNECT_WAIT, ImapMailbox
from tests.dovecot import DovecotServer, make_tls_files

pytestmark = pytest.mark.imap

MailboxFactory = Callable[..., ImapMailbox]

BRUSSELS_EVENING = datetime(2025, 10, 26, 23, 30, tzinfo=timezone(timedelta(hours=1)))


class InMemoryLedger:
    """What a database would remember, kept in dicts; records what it was asked."""

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str, int], set[str]] = {}
        self.watermarks: dict[tuple[str, str], Watermark] = {}
        self.asked: list[list[str]] = []

    def watermark(self, mailbox: str, folder: str) -> Watermark | None:
        return self.watermarks.get((mailbox, folder))

    def known_uids(
        self, mailbox: str, folder: str, uidvalidity: int, uids: Iterable[str]
    ) -> set[str]:
        candidates = list(uids)
        self.asked.append(candidates)
        known = self.stored.get((mailbox, folder, uidvalidity), set())
        return {uid for uid in candidates if uid in known}

    def store(self, message: RawMessage) -> None:
        key = (message.mailbox, message.folder, message.uidvalidity)
        self.stored.setdefault(key, set()).add(message.uid)
        current = self.watermarks.get((message.mailbox, message.folder))
        last = int(message.uid)
        if current is not None and current.uidvalidity == message.uidvalidity:
            last = max(last, current.last_uid)
        self.watermarks[(message.mailbox, message.folder)] = Watermark(message.uidvalidity, last)


class NoMoveClient(IMAPClient):  # type: ignore[misc]
    """A real IMAPClient that pretends the server lacks MOVE, to exercise COPY + EXPUNGE."""

    def has_capability(self, capability: str) -> bool:
        return capability.upper() != "MOVE" and bool(super().has_capability(capability))


MISSING = object()


def client_with_bad_internaldate(uid: int, value: object) -> type[IMAPClient]:
    """A real IMAPClient whose FETCH answer for ``uid`` carries ``value`` as INTERNALDATE.

    ``MISSING`` drops the item altogether, as a server that leaves it out would.
    """

    class BadDateClient(IMAPClient):  # type: ignore[misc]
        def fetch(self, messages: Any, data: Any, modifiers: Any = None) -> Any:
            response = super().fetch(messages, data, modifiers)
            item = response.get(uid)
            if item is not None and b"INTERNALDATE" in item:
                if value is MISSING:
                    del item[b"INTERNALDATE"]
                else:
                    item[b"INTERNALDATE"] = value
            return response

    return BadDateClient


def application(number: int) -> bytes:
    return (
        f"From: Candidate {number} <candidate{number}@example.net>\r\n"
        f"To: recruitment@example.org\r\n"
        f"Subject: Candidate {number} - WCO/2025/DD-IS\r\n"
        f"Message-ID: <application-{number}@example.net>\r\n"
        f"Date: Sun, 26 Oct 2025 23:00:00 +0100\r\n"
        f"\r\n"
        f"Please find my application number {number}.\r\n"
    ).encode()


def poll_fake(mailbox: FakeMailbox, ledger: InMemoryLedger) -> list[RawMessage]:
    """One pipeline cycle against the fake: store every new message, then mark it done."""
    messages = []
    for message in mailbox.fetch_new(ledger):
        ledger.store(message)
        mailbox.mark_done(message)
        messages.append(message)
    return messages


def poll(mailbox: ImapMailbox, ledger: InMemoryLedger, *, mark: bool = False) -> list[RawMessage]:
    """One pipeline cycle: store every new message, then mark it done if asked."""
    messages = []
    for message in mailbox.fetch_new(ledger):
        ledger.store(message)
        if mark:
            mailbox.mark_done(message)
        messages.append(message)
    return messages


@pytest.fixture
def mailbox_for(dovecot: DovecotServer) -> Iterator[MailboxFactory]:
    """Builds ImapMailbox objects for the test server with tiny reconnect delays; closes them.

    ``sleeps`` receives every backoff wait asked for; each is really slept, but for at most
    10 ms, so a test may ask for a large ``reconnect_delay`` without waiting for it.
    """
    opened: list[ImapMailbox] = []

    def build(**overrides: Any) -> ImapMailbox:
        factory = overrides.pop("client_factory", IMAPClient)
        max_chunk_bytes = overrides.pop("max_chunk_bytes", 1024 * 1024)
        reconnect_delay = overrides.pop("reconnect_delay", 0.001)
        sleeps: list[float] = overrides.pop("sleeps", [])

        def sleep(seconds: float) -> None:
            sleeps.append(seconds)
            time.sleep(min(seconds, 0.01))

        mailbox = ImapMailbox(
            dovecot.mailbox_config(**overrides),
            client_factory=factory,
            reconnect_delay=reconnect_delay,
            sleep=sleep,
            max_chunk_bytes=max_chunk_bytes,
        )
        opened.append(mailbox)
        return mailbox

    yield build
    for mailbox in opened:
        mailbox.close()


@pytest.fixture
def new_york_process_timezone() -> Iterator[None]:
    """Run the test with the process clock in America/New_York, then restore it."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


# -- fetching -----------------------------------------------------------------------------------


def test_fetch_new_yields_appended_messages_with_timezone_aware_internaldate(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dates = [
        BRUSSELS_EVENING,
        datetime(2025, 3, 30, 1, 59, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC),
    ]
    for number, date in enumerate(dates, start=1):
        dovecot.append(application(number), date)
    mailbox = mailbox_for()

    messages = poll(mailbox, InMemoryLedger())

    assert mailbox.name == "imap://recruitment%40example.org@127.0.0.1"
    assert [m.uid for m in messages] == ["1", "2", "3"]
    assert [m.data for m in messages] == [application(n) for n in (1, 2, 3)]
    assert [m.received_at for m in messages] == dates
    assert all(m.received_at.tzinfo is UTC for m in messages)
    assert messages[0].received_at == datetime(2025, 10, 26, 22, 30, tzinfo=UTC)
    assert {(m.mailbox, m.folder, m.uidvalidity) for m in messages} == {
        (mailbox.name, "INBOX", dovecot.uidvalidity())
    }
    assert mailbox.stats.bodies_fetched == 3
    assert mailbox.stats.bytes_fetched == sum(len(application(n)) for n in (1, 2, 3))


def test_received_at_is_utc_when_process_timezone_differs(
    dovecot: DovecotServer, mailbox_for: MailboxFactory, new_york_process_timezone: None
) -> None:
    assert time.localtime().tm_zone in ("EST", "EDT")
    dovecot.append(application(1), BRUSSELS_EVENING)

    [message] = poll(mailbox_for(), InMemoryLedger())

    assert message.received_at == datetime(2025, 10, 26, 22, 30, tzinfo=UTC)
    assert message.received_at.utcoffset() == timedelta(0)


def test_switching_from_starttls_to_ssl_port_keeps_what_is_stored(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    ledger = InMemoryLedger()
    assert len(poll(mailbox_for(), ledger)) == 1

    over_ssl = mailbox_for(security="ssl")

    assert over_ssl.name == mailbox_for().name
    assert poll(over_ssl, ledger) == []


def test_poll_with_nothing_new_fetches_no_bodies_and_needs_no_select(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 6):
        dovecot.append(application(number))
    ledger = InMemoryLedger()
    assert len(poll(mailbox_for(), ledger)) == 5
    assert ledger.watermark(mailbox_for().name, "INBOX") == Watermark(dovecot.uidvalidity(), 5)

    mailbox = mailbox_for()
    assert poll(mailbox, ledger) == []

    # STATUS says UIDNEXT is 6: nothing can lie above the watermark, so no SELECT or SEARCH.
    assert mailbox.stats.status_checks == 1
    assert mailbox.stats.searches == 0
    assert mailbox.stats.bodies_fetched == 0
    assert mailbox.stats.bytes_fetched == 0

    dovecot.append(application(6))
    assert [m.uid for m in poll(mailbox, ledger)] == ["6"]


def test_search_drops_the_highest_uid_that_star_always_matches(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 3):
        dovecot.append(application(number))
    ledger = InMemoryLedger()
    assert len(poll(mailbox_for(), ledger)) == 2
    third = dovecot.append(application(3))
    with dovecot.client() as client:
        client.select_folder("INBOX")
        client.delete_messages([third])
        client.expunge()

    mailbox = mailbox_for()
    assert poll(mailbox, ledger) == []

    # UIDNEXT moved past the watermark, so it searches; "UID 3:*" answers UID 2 (the highest
    # left), which must be dropped before the ledger is asked or anything is fetched.
    assert mailbox.stats.searches == 1
    assert ledger.asked[-1] == []
    assert mailbox.stats.bodies_fetched == 0


def test_uids_the_ledger_already_knows_are_not_fetched(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 4):
        dovecot.append(application(number))
    mailbox = mailbox_for()
    ledger = InMemoryLedger()
    ledger.stored[(mailbox.name, "INBOX", dovecot.uidvalidity())] = {"1", "3"}

    assert [m.uid for m in poll(mailbox, ledger)] == ["2"]
    assert ledger.asked == [["1", "2", "3"]]
    assert mailbox.stats.bodies_fetched == 1


def test_messages_are_fetched_in_batches_in_ascending_uid_order(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 8):
        dovecot.append(application(number))
    mailbox = mailbox_for(batch_size=3, max_chunk_bytes=1)

    assert [m.uid for m in poll(mailbox, InMemoryLedger())] == [str(n) for n in range(1, 8)]
    assert mailbox.stats.bodies_fetched == 7


def test_missing_folder_raises_mailbox_error_naming_folder_and_server(
    mailbox_for: MailboxFactory,
) -> None:
    mailbox = mailbox_for(folder="Applications/2025")

    with pytest.raises(MailboxError) as caught:
        poll(mailbox, InMemoryLedger())

    assert not isinstance(caught.value, MailboxConnectionLost)
    assert str(caught.value).startswith(
        "selecting folder 'Applications/2025' on imap://recruitment%40example.org@127.0.0.1 "
        "failed: "
    )


@pytest.mark.parametrize(
    "bad_value",
    [None, MISSING, datetime(2025, 10, 26, 23, 30)],
    ids=["none", "missing", "naive"],
)
def test_message_without_usable_internaldate_is_yielded_with_a_problem_not_fatal(
    dovecot: DovecotServer, mailbox_for: MailboxFactory, bad_value: object
) -> None:
    for number in range(1, 4):
        dovecot.append(application(number), BRUSSELS_EVENING)
    mailbox = mailbox_for(client_factory=client_with_bad_internaldate(2, bad_value))
    ledger = InMemoryLedger()
    before = datetime.now(UTC)

    messages = poll(mailbox, ledger)

    after = datetime.now(UTC)
    assert [m.uid for m in messages] == ["1", "2", "3"]
    assert [m.data for m in messages] == [application(n) for n in (1, 2, 3)]
    first, broken, third = messages
    shown = repr(None if bad_value is MISSING else bad_value)
    assert broken.problem == f"server gave no usable INTERNALDATE for UID 2: {shown}"
    assert broken.received_at.tzinfo is UTC
    assert before <= broken.received_at <= after
    assert (first.problem, third.problem) == (None, None)
    assert first.received_at == third.received_at == BRUSSELS_EVENING
    # The poll went past the broken message, so the next one does not stop at it again.
    assert ledger.watermark(mailbox.name, "INBOX") == Watermark(dovecot.uidvalidity(), 3)
    assert poll(mailbox_for(), ledger) == []


# -- marking ------------------------------------------------------------------------------------


def test_keyword_marks_message_done(dovecot: DovecotServer, mailbox_for: MailboxFactory) -> None:
    for number in range(1, 4):
        dovecot.append(application(number))
    mailbox = mailbox_for()
    first = next(mailbox.fetch_new(InMemoryLedger()))

    mailbox.mark_done(first)

    assert "$IntakeDone" in dovecot.flags(1)
    assert "\\Seen" not in dovecot.flags(1)
    assert "$IntakeDone" not in dovecot.flags(2)
    # The keyword is only a marker: a ledger that knows nothing fetches the marked one too.
    assert [m.uid for m in poll(mailbox_for(), InMemoryLedger())] == ["1", "2", "3"]


def test_message_marked_done_by_another_installation_is_still_fetched(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 5):
        dovecot.append(application(number))
    production = InMemoryLedger()
    assert [m.uid for m in poll(mailbox_for(), production, mark=True)] == ["1", "2", "3", "4"]
    # A second installation (staging, a laptop) that starts from nothing marks them all again.
    staging = InMemoryLedger()
    assert len(poll(mailbox_for(), staging, mark=True)) == 4
    # A production database restored from a backup taken after UID 1, meanwhile.
    restored = InMemoryLedger()
    mailbox = mailbox_for()
    restored.stored[(mailbox.name, "INBOX", dovecot.uidvalidity())] = {"1"}
    restored.watermarks[(mailbox.name, "INBOX")] = Watermark(dovecot.uidvalidity(), 1)

    assert all("$IntakeDone" in dovecot.flags(uid) for uid in (1, 2, 3, 4))
    assert [m.uid for m in poll(mailbox, restored)] == ["2", "3", "4"]
    assert mailbox.stats.searches == 1


def test_fake_mailbox_like_imap_fetches_a_message_marked_done_that_its_ledger_lacks() -> None:
    mailbox = FakeMailbox()
    for number in range(1, 4):
        mailbox.append(application(number), BRUSSELS_EVENING)
    first = InMemoryLedger()
    assert [m.uid for m in poll_fake(mailbox, first)] == ["1", "2", "3"]
    assert mailbox.done == {1, 2, 3}

    assert [m.uid for m in poll_fake(mailbox, InMemoryLedger())] == ["1", "2", "3"]
    restored = InMemoryLedger()
    restored.stored[(mailbox.name, mailbox.folder, mailbox.uidvalidity)] = {"1"}
    restored.watermarks[(mailbox.name, mailbox.folder)] = Watermark(mailbox.uidvalidity, 1)
    assert [m.uid for m in poll_fake(mailbox, restored)] == ["2", "3"]
    assert poll_fake(mailbox, first) == []


def test_processed_folder_moves_message(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 4):
        dovecot.append(application(number))
    mailbox = mailbox_for(processed_folder="Processed")

    assert len(poll(mailbox, InMemoryLedger(), mark=True)) == 3

    assert dovecot.uids("INBOX") == []
    assert dovecot.uids("Processed") == [1, 2, 3]
    assert "$IntakeDone" in dovecot.flags(1, folder="Processed")


def test_processed_folder_without_move_capability_copies_then_expunges(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    dovecot.append(application(2))
    mailbox = mailbox_for(processed_folder="Processed", client_factory=NoMoveClient)

    assert len(poll(mailbox, InMemoryLedger(), mark=True)) == 2

    assert dovecot.uids("INBOX") == []
    assert dovecot.uids("Processed") == [1, 2]


def test_mark_done_ignores_message_of_an_old_uidvalidity(
    dovecot: DovecotServer, mailbox_for: MailboxFactory, caplog: pytest.LogCaptureFixture
) -> None:
    dovecot.append(application(1), folder="Applications")
    mailbox = mailbox_for(folder="Applications")
    ledger = InMemoryLedger()
    [old] = poll(mailbox, ledger)
    dovecot.delete_and_recreate("Applications")
    dovecot.append(application(2), folder="Applications")
    [new] = poll(mailbox, ledger)
    assert (new.uid, new.uidvalidity) == ("1", dovecot.uidvalidity("Applications"))

    with caplog.at_level(logging.WARNING, logger="intake.mailbox.imap"):
        mailbox.mark_done(old)

    assert "$IntakeDone" not in dovecot.flags(1, folder="Applications")
    assert "not marking UID 1" in caplog.text


def test_without_done_keyword_or_folder_nothing_is_marked(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    mailbox = mailbox_for(done_keyword="")

    assert len(poll(mailbox, InMemoryLedger(), mark=True)) == 1
    assert dovecot.flags(1) <= {"\\Recent"}


def test_new_uidvalidity_refetches_all(dovecot: DovecotServer, mailbox_for: MailboxFactory) -> None:
    for number in range(1, 4):
        dovecot.append(application(number), folder="Applications")
    mailbox = mailbox_for(folder="Applications")
    ledger = InMemoryLedger()
    assert len(poll(mailbox, ledger)) == 3
    old_uidvalidity = dovecot.uidvalidity("Applications")

    dovecot.delete_and_recreate("Applications")
    dovecot.append(application(4), folder="Applications")
    dovecot.append(application(5), folder="Applications")
    messages = poll(mailbox, ledger)

    # With the old watermark (UID 3) a plain "UID 4:*" search would have found nothing.
    assert dovecot.uidvalidity("Applications") != old_uidvalidity
    assert [(m.uid, m.data) for m in messages] == [("1", application(4)), ("2", application(5))]
    assert {m.uidvalidity for m in messages} == {dovecot.uidvalidity("Applications")}


def test_inbox_with_new_uidvalidity_is_rescanned(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    ledger = InMemoryLedger()
    assert len(poll(mailbox_for(), ledger)) == 1

    dovecot.delete_and_recreate("INBOX")
    dovecot.append(application(2))

    assert [m.data for m in poll(mailbox_for(), ledger)] == [application(2)]


# -- security -----------------------------------------------------------------------------------


def test_starttls_verifies_certificate_against_ca(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    contexts: list[SSLContext] = []

    class RecordingClient(IMAPClient):  # type: ignore[misc]
        def starttls(self, ssl_context: SSLContext | None = None) -> Any:
            assert ssl_context is not None
            contexts.append(ssl_context)
            return super().starttls(ssl_context)

    mailbox = mailbox_for(security="starttls", client_factory=RecordingClient)
    assert len(poll(mailbox, InMemoryLedger())) == 1
    assert contexts[0].check_hostname

    refused = mailbox_for(security="starttls", ca_file=None)
    with pytest.raises(MailboxError, match="certificate verify failed"):
        poll(refused, InMemoryLedger())


def test_unrecognised_security_value_uses_starttls_never_plain_text(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    # The config loader refuses such a value; a MailboxConfig built in code still gets TLS.
    dovecot.append(application(1))
    started: list[bool] = []

    class RecordingClient(IMAPClient):  # type: ignore[misc]
        def starttls(self, ssl_context: SSLContext | None = None) -> Any:
            started.append(True)
            return super().starttls(ssl_context)

    mailbox = mailbox_for(security="tls", client_factory=RecordingClient)

    assert len(poll(mailbox, InMemoryLedger())) == 1
    assert started == [True]


def test_ssl_port_verifies_certificate_against_ca(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    mailbox = mailbox_for(security="ssl")

    assert len(poll(mailbox, InMemoryLedger())) == 1


def test_ssl_with_unknown_ca_is_refused(mailbox_for: MailboxFactory, tmp_path: Path) -> None:
    stranger = make_tls_files(tmp_path)
    mailbox = mailbox_for(security="ssl", ca_file=stranger.ca_file)

    with pytest.raises(MailboxError, match="certificate verify failed") as caught:
        poll(mailbox, InMemoryLedger())
    assert not isinstance(caught.value, MailboxConnectionLost)
    assert isinstance(caught.value.__cause__, OSError)


def test_ssl_without_verification_accepts_unknown_ca(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    mailbox = mailbox_for(security="ssl", ca_file=None, verify_certificates=False)

    assert len(poll(mailbox, InMemoryLedger())) == 1


def test_security_none_logs_in_without_tls(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))

    assert len(poll(mailbox_for(security="none", ca_file=None), InMemoryLedger())) == 1


def test_wrong_password_raises_mailbox_error_without_leaking_it(
    mailbox_for: MailboxFactory, caplog: pytest.LogCaptureFixture
) -> None:
    password = "hunter2-Wr0ng"
    mailbox = mailbox_for(password=password)

    with caplog.at_level(logging.DEBUG), pytest.raises(MailboxError) as caught:
        poll(mailbox, InMemoryLedger())

    error = caught.value
    assert not isinstance(error, MailboxConnectionLost)
    assert "login to imap://recruitment%40example.org@127.0.0.1" in str(error)
    assert "refused" in str(error)
    assert "\n" not in str(error)
    everything = "".join(traceback.format_exception(error)) + repr(error) + caplog.text
    assert password not in everything


# -- dropped connections ------------------------------------------------------------------------


def test_dropped_connection_mid_batch_reconnects_and_resumes(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 6):
        dovecot.append(application(number))
    mailbox = mailbox_for(batch_size=5, max_chunk_bytes=1)  # one body per FETCH
    ledger = InMemoryLedger()
    messages = mailbox.fetch_new(ledger)
    consumed = [next(messages), next(messages)]

    dovecot.kill_connections()
    consumed += list(messages)

    assert [m.uid for m in consumed] == ["1", "2", "3", "4", "5"]
    assert [m.data for m in consumed] == [application(n) for n in range(1, 6)]
    assert mailbox.stats.reconnects == 1
    assert mailbox.stats.bodies_fetched == 5  # nothing yielded before the drop is fetched again


def test_mark_done_after_dropped_connection_reconnects(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    dovecot.append(application(1))
    mailbox = mailbox_for()
    [message] = poll(mailbox, InMemoryLedger())

    dovecot.kill_connections()
    mailbox.mark_done(message)

    assert "$IntakeDone" in dovecot.flags(1)
    assert mailbox.stats.reconnects == 1


def test_next_poll_after_idle_drop_reconnects(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    mailbox = mailbox_for()
    ledger = InMemoryLedger()
    assert poll(mailbox, ledger) == []

    dovecot.kill_connections()
    dovecot.append(application(1))

    assert [m.uid for m in poll(mailbox, ledger)] == ["1"]
    assert mailbox.stats.reconnects == 1


def test_unreachable_server_after_drop_raises_connection_lost_with_backoff(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 4):
        dovecot.append(application(number))
    sleeps: list[float] = []
    mailbox = mailbox_for(batch_size=1, reconnect_attempts=3, sleeps=sleeps)
    messages = mailbox.fetch_new(InMemoryLedger())
    next(messages)

    dovecot.stop()
    with pytest.raises(MailboxConnectionLost, match="reconnecting failed 3 time") as caught:
        next(messages)

    assert sleeps == [0.001, 0.002, 0.004]
    assert caught.value.__cause__ is not None
    assert mailbox.stats.reconnects == 0
    mailbox.close()
    mailbox.close()


def test_reconnect_backoff_never_waits_longer_than_the_cap(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 3):
        dovecot.append(application(number))
    sleeps: list[float] = []
    mailbox = mailbox_for(batch_size=1, reconnect_attempts=8, reconnect_delay=10.0, sleeps=sleeps)
    messages = mailbox.fetch_new(InMemoryLedger())
    next(messages)

    dovecot.stop()
    with pytest.raises(MailboxConnectionLost, match="reconnecting failed 8 time"):
        next(messages)

    assert MAX_RECONNECT_WAIT == 60.0
    assert sleeps == [10.0, 20.0, 40.0, 60.0, 60.0, 60.0, 60.0, 60.0]


def test_folder_refused_while_reconnecting_raises_mailbox_error_naming_the_action(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    for number in range(1, 4):
        dovecot.append(application(number), folder="Applications")
    mailbox = mailbox_for(folder="Applications", batch_size=1)
    messages = mailbox.fetch_new(InMemoryLedger())
    next(messages)

    dovecot.kill_connections()
    with dovecot.client() as client:
        client.delete_folder("Applications")
    with pytest.raises(MailboxError) as caught:
        next(messages)

    # The drop is retried; the server's NO to SELECT on the new connection is not.
    assert not isinstance(caught.value, MailboxConnectionLost)
    assert str(caught.value).startswith(
        "reading message sizes in folder 'Applications' "
        "on imap://recruitment%40example.org@127.0.0.1 failed: select failed: "
    )


def test_close_is_safe_twice_and_after_a_drop(
    dovecot: DovecotServer, mailbox_for: MailboxFactory
) -> None:
    mailbox = mailbox_for()
    mailbox.connect()
    dovecot.kill_connections()

    mailbox.close()
    mailbox.close()
