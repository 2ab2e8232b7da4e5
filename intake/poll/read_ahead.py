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
) -> Generator[Started, None, None]:
    """``start(item)`` for each item in order, up to ``window`` started before the caller takes
    them (so every worker of a pool stays busy); those started but never handed out, because
    the caller stopped early, are cancelled."""
    started: deque[Started] = deque()
    try:
        for item in items:
            started.append(start(item))
            if len(started) >= window:
                yield started.popleft()
        while started:
            yield started.popleft()
    finally:
        for work in started:
            cancel(work)
