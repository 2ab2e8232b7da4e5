"""Reports poll progress: a live line on a terminal, one log line per message otherwise."""

from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

from intake.mailbox.base import RawMessage
from storage.records import MessageRecord
from storage.repository import StoreResult

log = logging.getLogger("intake.poll")


class Progress:
    """Counts processed messages and shows them the way the output device suits."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None) -> None:
        self._stream = stream or sys.stderr
        self._live = self._stream.isatty() if live is None else live
        self._started = time.monotonic()
        self.count = 0

    def message_done(self, raw: RawMessage, record: MessageRecord, result: StoreResult) -> None:
        """Account for one processed message."""
        self.count += 1
        if self._live:
            rate = self.count / max(time.monotonic() - self._started, 1e-6)
            self._stream.write(f"\r{self.count} messages processed ({rate:.0f}/s)")
            self._stream.flush()
        log.log(
            logging.DEBUG if self._live else logging.INFO,
            "uid=%s %s disposition=%s message_id=%s row=%s",
            raw.uid,
            result.outcome,
            record.disposition,
            record.message_id,
            result.message_pk,
        )

    def finish(self) -> None:
        """End the live line."""
        if self._live and self.count:
            self._stream.write("\n")
            self._stream.flush()
