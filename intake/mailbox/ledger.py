"""The database-backed Ledger a mailbox asks what is already stored."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from intake.mailbox.base import Watermark
from parsers.semantic_fingerprint import raw_semantic_fingerprint
from storage import candidates, repository
from storage.database import database_errors
from storage.records import EarlierApplications, MessageRecord, NameProof
from storage.resends import resent_original


class DatabaseLedger:
    """Answers watermark, known-UID, stored-copy and earlier-application questions."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def watermark(self, mailbox: str, folder: str) -> Watermark | None:
        """The stored watermark of the folder, or None."""
        with database_errors(), self._sessions() as session:
            stored = repository.stored_watermark(session, mailbox, folder)
        return Watermark(uidvalidity=stored[0], last_uid=stored[1]) if stored else None

    def known_uids(
        self, mailbox: str, folder: str, uidvalidity: int, uids: Iterable[str]
    ) -> set[str]:
        """Those of ``uids`` already stored."""
        with database_errors(), self._sessions() as session:
            return repository.known_uids(session, mailbox, folder, uidvalidity, uids)

    def has_copy(self, record: MessageRecord) -> bool:
        """Whether this content is stored already (under any key), in these raw bytes or
        re-sent in others (same Message-ID, sender and meaning)."""
        with database_errors(), self._sessions() as session:
            if repository.has_copy(session, record.message_id, record.content_hash):
                return True
            return resent_original(session, record, raw_semantic_fingerprint, False) is not None

    def earlier_applications(
        self,
        vacancy: str,
        sender_key: str | None,
        name_key: str | None,
        received_at: datetime,
        proof: NameProof | None = None,
    ) -> EarlierApplications | None:
        """What the same candidate sent before for ``vacancy``."""
        with database_errors(), self._sessions() as session:
            return candidates.earlier_applications(
                session, vacancy, sender_key, name_key, received_at, proof=proof
            )
