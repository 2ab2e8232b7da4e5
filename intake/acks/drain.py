"""One drain of the outbox: each claimed row checked against the limits, composed and sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from intake.acks.errors import (
    AckRecipientError,
    AckTemplateError,
    AckUnsafeError,
    ConnectionFailure,
    OutboxFolderError,
    PermanentFailure,
    TemporaryFailure,
)
from intake.acks.heartbeat import Heartbeat, holder_name
from intake.acks.outcomes import Recorder
from intake.acks.outgoing import Outgoing, load_outgoing
from intake.acks.report import SendReport
from intake.acks.transport import Transport
from intake.config.settings import Config
from storage import outbox
from storage.database import database_errors, write_transaction

BATCH = 50
RATE_WINDOW = timedelta(minutes=1)


class _RateReached(Exception):
    """The global rate was reached while a batch was being sent."""


class Drain:
    """Sends claimed rows one by one; stops at the rate limit or when the server is unreachable."""

    def __init__(
        self,
        config: Config,
        sessions: sessionmaker[Session],
        transport: Transport,
        clock: Callable[[], datetime],
        report: SendReport,
    ) -> None:
        self._config = config
        self._sessions = sessions
        self._transport = transport
        self._clock = clock
        self._report = report
        self._claimer = holder_name()
        self._record = Recorder(config, sessions, report, self._claimer)
        # Rows this drain gave back and already counted deferred: due again at once, they must
        # not be counted a second time if the rate then stops the drain.
        self._counted: list[int] = []
        # A claim lasts claim_seconds and is renewed four times as often while the drain runs:
        # the claim of a sender that died runs out within claim_seconds of its last renewal.
        self._lease = timedelta(seconds=config.schedule.claim_seconds)

    def run(self, should_stop: Callable[[], bool]) -> None:
        """Claim and send batches while the claims are renewed in the background."""
        beat = Heartbeat(self._config.schedule.heartbeat_seconds, self._renew, "sending claims")
        with beat:
            self._run(should_stop)

    def _renew(self) -> None:
        outbox.renew_claims(self._sessions, self._claimer, self._clock() + self._lease)

    def _run(self, should_stop: Callable[[], bool]) -> None:
        """Claim and send batches until none is due, a limit is reached or ``should_stop``.

        At the global rate a drain claims nothing and counts the rows that wait: during a
        backlog the poll drains every few seconds, and each drain used to claim a batch only
        to give it back.
        """
        while not should_stop():
            waiting = self._waiting_at_rate()
            if waiting is not None:
                self._report.deferred += waiting
                return
            ids = outbox.claim_due(self._sessions, self._claimer, self._clock(), self._lease, BATCH)
            for index, ack_id in enumerate(ids):
                if should_stop():
                    self._record.release(ids[index:])
                    return
                try:
                    goes_on = self._send_one(ack_id)
                except _RateReached:
                    self._record.return_claims(ids[index:])
                    self._count_waiting()
                    return
                except OutboxFolderError:
                    # The rest of the batch is free at once for the next drain, which would
                    # otherwise wait for these claims to run out.
                    self._record.release(ids[index + 1 :])
                    raise
                if not goes_on:
                    self._record.release(ids[index + 1 :])
                    return
            if len(ids) < BATCH or self._report.deferred:
                return

    def _waiting_at_rate(self) -> int | None:
        """When max_per_minute acknowledgements went out in the last minute, how many rows
        wait for a later drain; None below the rate. One read for both."""
        now = self._clock()
        with database_errors(), self._sessions() as session:
            sent = outbox.sent_since(session, now - RATE_WINDOW)
            if sent < self._config.acknowledgements.max_per_minute:
                return None
            return self._still_waiting(session, now)

    def _count_waiting(self) -> None:
        """At the rate, every row due waits for a later drain: the report counts them deferred."""
        with database_errors(), self._sessions() as session:
            self._report.deferred += self._still_waiting(session, self._clock())

    def _still_waiting(self, session: Session, now: datetime) -> int:
        """The rows due and not yet counted deferred by this drain."""
        return outbox.count_due(session, now, self._counted)

    def _send_one(self, ack_id: int) -> bool:
        """Settle one claimed row; False when the drain must stop (the row is settled)."""
        now = self._clock()
        with database_errors(), self._sessions() as session:
            outgoing = load_outgoing(session, ack_id, self._config)
        if outgoing is None or outgoing.status != "pending":
            return True
        if outgoing.recipient is None:
            self._record.suppress(ack_id, "no usable recipient address")
            return True
        verdict = self._limits(outgoing, outgoing.recipient, now)
        if verdict is not None:
            return verdict
        return self._deliver(outgoing, outgoing.recipient, now)

    def _limits(self, outgoing: Outgoing, recipient: str, now: datetime) -> bool | None:
        """None when the row may be sent now; else whether the drain goes on. _RateReached
        when the global rate is: the row is left as it is, for the caller to give back."""
        acks = self._config.acknowledgements
        window = timedelta(hours=acks.recipient_window_hours)
        with database_errors(), self._sessions() as session:
            held = outbox.held_elsewhere(session, outgoing.ack_id, recipient, self._claimer, now)
            to_recipient = outbox.sent_to_recipient_since(session, recipient, now - window)
            vacancy = outgoing.content.vacancy_reference
            for_vacancy = outbox.sent_for_vacancy_since(session, recipient, vacancy, now - window)
            last_minute = outbox.sent_since(session, now - RATE_WINDOW)
        if held:
            self._record.release([outgoing.ack_id])
            self._counted.append(outgoing.ack_id)
            return True
        too_old = _too_old(outgoing, acks.max_age_days, now)
        if too_old is not None:
            self._record.suppress(outgoing.ack_id, too_old)
            return True
        if to_recipient >= acks.max_per_recipient:
            reason = (
                f"recipient cap: {to_recipient} acknowledgements already sent to this address "
                f"in the last {acks.recipient_window_hours} h (max_per_recipient = "
                f"{acks.max_per_recipient})"
            )
            self._record.suppress(outgoing.ack_id, reason)
            return True
        # The note that the application is now complete is sent once per candidate at most:
        # the vacancy cap, which stops a candidate's resends, does not hold it back.
        if for_vacancy >= acks.max_per_recipient_vacancy and not outgoing.completes:
            reason = (
                f"vacancy cap: {for_vacancy} acknowledgements for "
                f"{vacancy or 'no recognised vacancy'} already sent to this address in the last "
                f"{acks.recipient_window_hours} h "
                f"(max_per_recipient_vacancy = {acks.max_per_recipient_vacancy})"
            )
            self._record.suppress(outgoing.ack_id, reason)
            return True
        # Asked again for each row: other daemons sharing the database send too.
        if last_minute >= acks.max_per_minute:
            raise _RateReached
        return None

    def _deliver(self, outgoing: Outgoing, recipient: str, now: datetime) -> bool:
        """Compose, record the attempt, send; record what happened. False when the server is
        unreachable; OutboxFolderError (the folder of the file transport is full or broken)
        is raised after the row is given back."""
        attempts = outgoing.attempts + 1
        try:
            message_id = outgoing.message_id or self._record.fix_message_id(outgoing.ack_id)
            message = outgoing.message(self._config, message_id, now)
        except AckRecipientError as exc:
            self._record.suppress(outgoing.ack_id, str(exc))
            return True
        except AckUnsafeError as exc:
            self._record.unsafe(outgoing.ack_id, str(exc))
            return True
        except (AckTemplateError, ValueError) as exc:
            self._record.hold(outgoing.ack_id, str(exc), now)
            return True
        if not self._begin(outgoing, attempts, now):
            return True
        try:
            self._transport.send(message, recipient)
        except PermanentFailure as exc:
            self._record.fail(outgoing.ack_id, attempts, str(exc))
            return True
        except OutboxFolderError as exc:
            self._record.give_back(outgoing.ack_id, outgoing.attempts, str(exc))
            raise
        except TemporaryFailure as exc:
            self._record.retry(outgoing.ack_id, attempts, str(exc), now)
            return not isinstance(exc, ConnectionFailure)
        # Nothing between the server's reply and this commit: it is the only window in which
        # a death sends the acknowledgement twice (with the same Message-ID).
        self._record.sent(outgoing.ack_id, attempts, self._clock(), message_id)
        return True

    def _begin(self, outgoing: Outgoing, attempts: int, now: datetime) -> bool:
        """Commit the attempt before the transport sees it; False when the claim was lost."""
        if outgoing.sending_since is not None:
            if outgoing.attempts >= self._config.acknowledgements.max_attempts:
                reason = f"gave up: the sender stopped during each of {outgoing.attempts} attempts"
                self._record.fail(outgoing.ack_id, outgoing.attempts, reason)
                return False
            self._record.resumed(outgoing.ack_id, outgoing.sending_since)
        with database_errors(), write_transaction(self._sessions) as session:
            return outbox.begin_attempt(
                session, outgoing.ack_id, self._claimer, attempts, now, self._clock() + self._lease
            )


def _too_old(outgoing: Outgoing, max_age_days: int, now: datetime) -> str | None:
    """Why an application received too long ago is not confirmed now, or None."""
    age = now - outgoing.content.received_at
    if not max_age_days or age <= timedelta(days=max_age_days):
        return None
    return (
        f"too old: received {age.days} days ago, more than acknowledgements.max_age_days "
        f"({max_age_days})"
    )
