"""Reading ahead: a window of started items, a cap on what they hold, nothing started is lost."""

from __future__ import annotations

import weakref
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from intake.mailbox.base import RawMessage
from intake.poll.analysis import Analyser
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from intake.poll.read_ahead import read_ahead
from tests import messages
from tests.configs import make_config

NOW = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)


class Starts:
    """Records what was started and cancelled; each item's size is its value."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.cancelled: list[int] = []

    def start(self, item: int) -> int:
        self.started.append(item)
        return item

    def cancel(self, item: int) -> None:
        self.cancelled.append(item)


def test_window_starts_that_many_items_before_the_first_is_handed_out() -> None:
    starts = Starts()
    ahead = read_ahead(range(10), starts.start, starts.cancel, window=4)
    handed = []
    for item in ahead:
        handed.append(item)
        assert len(starts.started) - len(handed) <= 3
        if item == 0:
            assert starts.started == [0, 1, 2, 3]
    assert handed == list(range(10))
    assert starts.cancelled == []


def test_byte_budget_holds_back_large_items_but_always_hands_one_out() -> None:
    starts = Starts()
    sizes = [10, 10, 10, 100, 10, 10]
    ahead = read_ahead(
        sizes, starts.start, starts.cancel, window=50, size=lambda item: item, budget=25
    )
    handed = []
    for item in ahead:
        handed.append(item)
        waiting = starts.started[len(handed) :]
        # Only the item just started may take the waiting ones over the budget.
        assert sum(waiting[:-1]) <= 25
    assert handed == sizes


def test_items_started_but_not_taken_are_cancelled_when_the_caller_stops() -> None:
    starts = Starts()
    with closing(read_ahead(range(10), starts.start, starts.cancel, window=4)) as ahead:
        first = next(ahead)
    assert first == 0
    assert starts.cancelled == [1, 2, 3]


def test_a_draft_counts_its_decoded_attachments_against_the_read_ahead_budget(
    tmp_path: Path,
) -> None:
    config = make_config(tmp_path, "sqlite:///:memory:")
    scan = bytes(range(256)) * 4096  # 1 MiB attachment, about 1.37 MiB once in base64
    data = messages.application(attachments=(("scan.pdf", "application/pdf", scan),))
    with closing(InlineExtractor(extraction_limits(config))) as extractor:
        draft = Analyser(config, extractor).start(RawMessage("test", "INBOX", 1, "1", NOW, data))
        assert draft.held_bytes() == len(data) + len(scan)
        bare = Analyser(config, extractor).start(
            RawMessage("test", "INBOX", 1, "2", NOW, b"not a message at all")
        )
        assert bare.held_bytes() == len(b"not a message at all")  # no attachments to count


class Item:
    """Something started that a weak reference can watch."""


def test_an_item_handed_out_is_freed_when_the_caller_drops_it_not_kept_by_the_read_ahead() -> None:
    ahead = read_ahead((Item() for _ in range(4)), lambda item: item, lambda _: None, window=2)
    first = next(ahead)
    watch = weakref.ref(first)
    del first
    assert watch() is None  # a large message handed out must not outlive its storing
    assert isinstance(next(ahead), Item)
