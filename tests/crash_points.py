"""Runs one poll in this process and kills it with SIGKILL at a chosen point, for crash tests.

``python -m tests.crash_points CONFIG N`` polls with the configured mailbox and dies by
``kill -9`` of itself just before it marks the N-th message done (the poll marks stored
messages a batch at a time, ``intake.poll.mark_batch``): the N-th message and the rest of its
batch are committed and never marked, the state a power cut between commit and mark leaves.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from intake.config.runtime import open_runtime
from intake.config.settings import load_config
from intake.mailbox.base import Ledger, Mailbox, RawMessage
from intake.mailbox.open import open_mailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress


class DiesAtMark:
    """A Mailbox that forwards everything, and kills its process before it marks the N-th
    message done."""

    def __init__(self, inner: Mailbox, fatal_mark: int) -> None:
        self._inner = inner
        self._left = fatal_mark

    @property
    def name(self) -> str:
        return self._inner.name

    @property
    def folder(self) -> str:
        return self._inner.folder

    def fetch_new(self, ledger: Ledger) -> Iterator[RawMessage]:
        return self._inner.fetch_new(ledger)

    def mark_done(self, message: RawMessage) -> None:
        self._count_down(1)
        self._inner.mark_done(message)

    def mark_stored(self, uidvalidity: int, uids: Sequence[str]) -> None:
        self._count_down(len(uids))
        self._inner.mark_stored(uidvalidity, uids)

    def _count_down(self, marks: int) -> None:
        if 0 < self._left <= marks:
            os.kill(os.getpid(), signal.SIGKILL)
        self._left -= marks

    def without_mark(self, ledger: Ledger) -> tuple[int, list[str]]:
        return self._inner.without_mark(ledger)

    def close(self) -> None:
        self._inner.close()


def main(argv: list[str]) -> int:
    config = load_config(Path(argv[0]), os.environ)
    runtime = open_runtime(config)
    mailbox = DiesAtMark(open_mailbox(config.mailbox), int(argv[1]))
    report = poll_once(config, runtime.sessions, mailbox, progress=Progress(live=False))
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
