"""Typed SQLAlchemy 2 models; Alembic migrations are the only source of the real schema."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base carrying the naming convention for constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Message(Base):
    """Every message the mailbox held, exactly once, with its raw bytes and disposition."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("mailbox", "folder", "uidvalidity", "uid"),
        Index("ix_messages_message_id_content_hash", "message_id", "content_hash"),
        # Only the rows still to be marked in the mailbox: the reconciling costs O(unmarked).
        Index(
            "ix_messages_unmarked",
            "mailbox",
            "folder",
            sqlite_where=text("marked_at IS NULL"),
            postgresql_where=text("marked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[str] = mapped_column(String(255))
    message_id: Mapped[str | None] = mapped_column(String(998))
    sha256: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    date_header: Mapped[str | None] = mapped_column(Text)
    date_claimed: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sender: Mapped[str | None] = mapped_column(String(998))
    sender_name: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    disposition: Mapped[str] = mapped_column(String(32), index=True)
    disposition_reason: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    stored_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # When the mailbox was told the message is done (keyword, move); NULL until then.
    marked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    application: Mapped[Application | None] = relationship(back_populates="message")


class Application(Base):
    """One application: the facts HR reads, derived from one message."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    sender: Mapped[str | None] = mapped_column(String(998), index=True)
    sender_name: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    body_text: Mapped[str] = mapped_column(Text, default="")
    vacancy: Mapped[str | None] = mapped_column(String(255), index=True)
    candidate_name: Mapped[str | None] = mapped_column(Text)
    subject_valid: Mapped[bool] = mapped_column(Boolean, default=False)
    late: Mapped[bool | None] = mapped_column(Boolean)
    relatives: Mapped[str] = mapped_column(String(16), default="none")
    relatives_evidence: Mapped[str | None] = mapped_column(Text)
    relatives_relation: Mapped[str | None] = mapped_column(String(32))
    relatives_name: Mapped[str | None] = mapped_column(Text)
    # Whether this message brought a CV / a motivation letter (attached, or the body is one).
    has_cv: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    has_letter: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Who the candidate is, for recognising a resubmission: the address and the folded name.
    sender_key: Mapped[str | None] = mapped_column(String(998), index=True)
    name_key: Mapped[str | None] = mapped_column(String(255), index=True)
    previous_application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )

    message: Mapped[Message] = relationship(back_populates="application")
    documents: Mapped[list[Document]] = relationship(
        back_populates="application", order_by="Document.id", cascade="all, delete-orphan"
    )
    flags: Mapped[list[Flag]] = relationship(
        back_populates="application", order_by="Flag.id", cascade="all, delete-orphan"
    )
    acknowledgement: Mapped[Acknowledgement | None] = relationship(
        back_populates="application", cascade="all, delete-orphan"
    )


class Document(Base):
    """One attached file with its bytes; kind, status and text come from extraction."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    kind: Mapped[str] = mapped_column(String(32), default="other")
    status: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(8))
    pages: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="documents")


class Flag(Base):
    """One thing HR must check on an application, with the evidence for it."""

    __tablename__ = "flags"
    __table_args__ = (UniqueConstraint("application_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64), index=True)
    evidence: Mapped[str | None] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="flags")


class Acknowledgement(Base):
    """The outbox row of one application's receipt confirmation."""

    __tablename__ = "acknowledgements"
    __table_args__ = (
        Index("ix_acknowledgements_status_next_attempt_at", "status", "next_attempt_at"),
        # The global rate counts what was sent in the last minute, per drain and per send.
        Index("ix_acknowledgements_status_sent_at", "status", "sent_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    recipient: Mapped[str | None] = mapped_column(String(998), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    outbound_message_id: Mapped[str | None] = mapped_column(String(998))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # A sender that took the row to send it holds it until then; another sender skips it.
    claimed_by: Mapped[str | None] = mapped_column(String(255))
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Set (committed) just before the message is handed to the transport, cleared with its
    # outcome: a row still pending with it set was perhaps delivered by a sender that died.
    sending_since: Mapped[datetime | None] = mapped_column(UtcDateTime())

    application: Mapped[Application] = relationship(back_populates="acknowledgement")


class MailboxState(Base):
    """The UID watermark of one mailbox folder: every UID up to it is stored."""

    __tablename__ = "mailbox_state"
    __table_args__ = (UniqueConstraint("mailbox", "folder"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)


class MessageClaim(Base):
    """A message a poller is processing: other pollers skip it until its claim runs out."""

    __tablename__ = "message_claims"
    __table_args__ = (UniqueConstraint("mailbox", "folder", "uidvalidity", "uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[str] = mapped_column(String(255))
    claimed_by: Mapped[str] = mapped_column(String(255), index=True)
    claimed_until: Mapped[datetime] = mapped_column(UtcDateTime())


class PollRun(Base):
    """One poll cycle, for the health check and the operator's history."""

    __tablename__ = "poll_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(16), default="running", index=True)
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    # Renewed while the poll runs: a "running" row without a recent one is a poll that died.
    heartbeat_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class DaemonRun(Base):
    """One ``intake run`` process: its start, its heartbeat and its IDLE connection, for status."""

    __tablename__ = "daemon_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    holder: Mapped[str] = mapped_column(String(255))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    # Renewed every [schedule] claim_seconds / 4 while the daemon runs; set when it stops.
    heartbeat_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # When the IDLE connection came up; None while there is none.
    idle_since: Mapped[datetime | None] = mapped_column(UtcDateTime())


class AuditEntry(Base):
    """One purge or erasure: when, what kind, its scope and how much it deleted; nothing personal.

    ``scope`` names a vacancy and a cut-off date, or just "one email address": never the
    address, a hash of it, a name or an id of the deleted records.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(Text)
    messages: Mapped[int] = mapped_column(Integer, default=0)
    applications: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    acknowledgements: Mapped[int] = mapped_column(Integer, default=0)
    files: Mapped[int] = mapped_column(Integer, default=0)
