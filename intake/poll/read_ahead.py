"""Starts work on the next few items while the caller finishes the current one."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from typing import TypeVar

Item = TypeVar("Item")
Started = TypeVar("Started")


def read_ahead(
    items: Iterable[Item],
    start: Callable[[Item], Started],
    cancel: Callable[[Started], None],
    window: int,
    size: Callable[[Started], int] = lambda _: 0,
    budget: int = 0,
) -> Generator[Started, None, None]:
    """``start(item)`` for each item in order, up to ``window`` started before the caller takes
    them (so every worker of a pool stays busy, even while one reads a long scan), and, with a
    ``budget``, the waiting ones held to ``budget`` in ``size`` (the newest may go over); those
    started but never handed out, because the caller stopped early, are cancelled."""
    started: deque[Started] = deque()
    held = 0
    try:
        for item in items:
            started.append(start(item))
            held += size(started[-1])
            while len(started) >= window or (budget and held > budget and len(started) > 1):
                # No local name keeps the item handed out: the caller's is its last reference.
                held -= size(started[0])
                yield started.popleft()
        while started:
            yield started.popleft()
    finally:
        for work in started:
            cancel(work)
