"""A poll killed the moment its commit shows in the database, before it marks the message in
the mailbox: the next poll marks every stored message done without processing it again."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text

from tests.faults.conftest import Figures, MakeRig
from tests.faults.letters import application, deliver, sql_count
from tests.faults.rig import KEYWORD, Rig, kill_group, unmarked_uids

pytestmark = [pytest.mark.faults, pytest.mark.imap, pytest.mark.postgres, pytest.mark.slow]

TAG = "unmarked"
ROUNDS = 4
PER_ROUND = 2
#: stored messages whose keyword is taken away by hand, so the state exists on every run.
UNMARKED_BY_HAND = 2
STORED = "SELECT count(*) FROM messages"


def kill_after_commit(rig: Rig, url: str, before: int) -> None:
    """Start a poll and kill its group as soon as the message count passes ``before``."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    process = rig.start("poll")
    try:
        with engine.connect() as connection:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                count = connection.execute(text(STORED)).scalar_one()
                if count > before:
                    break
                time.sleep(0.001)
    finally:
        kill_group(process)
        engine.dispose()


def unmark(rig: Rig, count: int) -> None:
    """Take the done keyword off the first ``count`` messages still carrying it."""
    with rig.dovecot.client() as client:
        client.select_folder("INBOX")
        marked = sorted(client.search(["KEYWORD", KEYWORD]))[:count]
        client.remove_flags(marked, [KEYWORD])


def test_messages_stored_but_never_marked_are_marked_by_the_next_poll_and_not_reprocessed(
    make_rig: MakeRig, postgres_url: str, record_figures: Figures
) -> None:
    rig = make_rig(postgres_url)
    windows_hit = gap = 0
    for round_ in range(ROUNDS):
        first = round_ * PER_ROUND
        raws = [application(TAG, index) for index in range(first, first + PER_ROUND)]
        deliver(rig.dovecot, raws, start=first)
        stored = sql_count(postgres_url, STORED)
        kill_after_commit(rig, postgres_url, stored)
        new_gap = sql_count(postgres_url, STORED) - marked(rig)
        windows_hit += new_gap > gap
        gap = new_gap
    code, output = rig.run("poll")  # finish what the kills left, then break some more marks
    assert code == 0, output
    unmark(rig, UNMARKED_BY_HAND)
    before = {row["message_id"]: row["id"] for row in rig.listing("messages")}
    left_unmarked = len(unmarked_uids(rig.dovecot))
    code, output = rig.run("poll")
    assert code == 0, output
    after = {row["message_id"]: row["id"] for row in rig.listing("messages")}
    figures = {
        "kills": ROUNDS,
        "kills_between_commit_and_mark": windows_hit,
        "unmarked_before_poll": left_unmarked,
        "unmarked_after_poll": len(unmarked_uids(rig.dovecot)),
        "rows_added_by_poll": len(after) - len(before),
        "rows_changed_by_poll": sum(after.get(key) != value for key, value in before.items()),
    }
    record_figures("stored_unmarked", **figures)
    assert len(before) == ROUNDS * PER_ROUND, figures
    assert figures["rows_added_by_poll"] == figures["rows_changed_by_poll"] == 0, figures
    assert figures["unmarked_after_poll"] == 0, figures


def marked(rig: Rig) -> int:
    """Messages marked done in the mailbox."""
    return len(rig.dovecot.uids()) - len(unmarked_uids(rig.dovecot))
