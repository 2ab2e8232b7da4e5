"""Reading ahead: a window of started items, a cap on what they hold, nothing started is lost."""

from __future__ import annotations

from contextlib import closing

from intake.poll.read_ahead import read_ahead


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
