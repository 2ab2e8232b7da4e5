"""Splits long lists of keys into pieces short enough for one SQL ``IN`` list on every backend."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

#: Keys per ``IN`` list: far below SQLite's and PostgreSQL's parameter limits.
IN_LIST_LIMIT = 500

Key = TypeVar("Key")


def in_batches(keys: Iterable[Key], size: int = IN_LIST_LIMIT) -> Iterator[list[Key]]:
    """``keys`` in their order, in lists of at most ``size``."""
    remaining = iter(keys)
    while batch := list(islice(remaining, size)):
        yield batch
