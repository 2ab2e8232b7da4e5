"""Typed models of candidates: a person's applications to one vacancy, judged and decided on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models import Base, utcnow
from storage.types import UtcDateTime


class Candidate(Base):
    """One person applying to one vacancy: the judgement of all their applications together."""

    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy: Mapped[str | None] = mapped_column(String(255), index=True)
    candidate_name: Mapped[str | None] = mapped_column(Text)
    # The current decision (``new`` until HR decides); the history is in candidate_decisions.
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    late: Mapped[bool | None] = mapped_column(Boolean)
    relatives: Mapped[str] = mapped_column(String(16), default="none")
    has_cv: Mapped[bool] = mapped_column(Boolean, default=False)
    has_letter: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)

    links: Mapped[list[CandidateLink]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan"
    )
    flags: Mapped[list[CandidateFlag]] = relationship(
        order_by="CandidateFlag.id", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[CandidateDecision]] = relationship(
        order_by="CandidateDecision.id", cascade="all, delete-orphan"
    )


class CandidateLink(Base):
    """An application belongs to exactly one candidate; ``reason`` says why it was joined."""

    __tablename__ = "candidate_applications"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    # first | address | thread | cv_email | phone | hr_merge | hr_split
    matched_on: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)

    candidate: Mapped[Candidate] = relationship(back_populates="links")


class IdentityKey(Base):
    """One fact that says who sent an application (address, name, phone, email, message id)."""

    __tablename__ = "identity_keys"
    __table_args__ = (Index("ix_identity_keys_kind_value", "kind", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(998))


class CandidateFlag(Base):
    """A flag of the candidate, recomputed over every one of their messages."""

    __tablename__ = "candidate_flags"
    __table_args__ = (UniqueConstraint("candidate_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64), index=True)
    evidence: Mapped[str | None] = mapped_column(Text)


class CandidateDecision(Base):
    """One decision HR took on a candidate, who took it and when; rows are never changed."""

    __tablename__ = "candidate_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(255))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
