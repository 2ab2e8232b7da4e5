"""The suite's SMTP server: records every acknowledgement and can act at the moment it accepts
one (to kill the sender between the server's 250 and the sender's own record of it)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from aiosmtpd.smtp import SMTP, Envelope
from aiosmtpd.smtp import Session as SmtpSession

from tests.smtp import Received, RecordingHandler, SmtpServer

__all__ = ["HookedHandler", "acks_per_recipient", "fault_smtp", "received_recipients"]


@dataclass
class HookedHandler(RecordingHandler):
    """Records like RecordingHandler; ``on_accept`` runs after recording, before the 250."""

    on_accept: Callable[[Received], None] | None = None
    delay: float = 0.0

    async def handle_RCPT(
        self,
        server: SMTP,
        session: SmtpSession,
        envelope: Envelope,
        address: str,
        options: list[str],
    ) -> str:
        # Slows every send, so random kills land inside drains. The wait is before DATA, as a
        # server checking a recipient waits: once the final "." is in, the message is the
        # server's whatever the sender does, so a wait there would only widen the one window
        # SMTP leaves (the server has it, the sender has not recorded it) by the rig's hand.
        if self.delay:
            time.sleep(self.delay)
        return await super().handle_RCPT(server, session, envelope, address, options)

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        if self.on_accept is not None and reply.startswith("250"):
            self.on_accept(self.received[-1])
        return reply


@pytest.fixture
def fault_smtp() -> Iterator[SmtpServer]:
    """A plain SMTP server on 127.0.0.1 with a HookedHandler."""
    server = SmtpServer(handler=HookedHandler())
    server.start()
    yield server
    server.stop()


def received_recipients(server: SmtpServer) -> list[str]:
    """Every envelope recipient, once per accepted message, lower-cased."""
    return [rcpt.lower() for received in server.received for rcpt in received.rcpt_tos]


def acks_per_recipient(server: SmtpServer) -> Counter[str]:
    """How many acknowledgements each address received."""
    return Counter(received_recipients(server))
