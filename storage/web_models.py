"""Typed models of the web console: its users, the vacancies a panel user sees, its audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models import Base, utcnow
from storage.types import UtcDateTime


class WebUser(Base):
    """One person who signs in to the web console; ``role`` is admin, hr or panel.

    ``password_hash`` is None for an account that signs in only through an OpenID Connect
    provider, which finds it by ``email`` (lower case; unique among the accounts that have one).
    """

    __tablename__ = "web_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    vacancies: Mapped[list[WebUserVacancy]] = relationship(
        order_by="WebUserVacancy.vacancy", cascade="all, delete-orphan"
    )


class WebUserVacancy(Base):
    """A vacancy a panel user may read (admin and hr read every vacancy)."""

    __tablename__ = "web_user_vacancies"
    __table_args__ = (UniqueConstraint("user_id", "vacancy"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id", ondelete="CASCADE"))
    vacancy: Mapped[str] = mapped_column(String(255))


class WebAuditEntry(Base):
    """One thing done in the web console: who, when, what (ids only), from which address."""

    __tablename__ = "web_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    # sign_in | sign_in_failed | sign_in_refused | sign_out | download | export | decision |
    # erasure; an OpenID Connect sign-in or refusal says "oidc <provider>" in target
    action: Mapped[str] = mapped_column(String(32), index=True)
    # The account name as typed for a failed sign-in (cut to 255), else the user's name.
    username: Mapped[str] = mapped_column(String(255))
    # What it was done to, by id only: "candidate 12", "document 40", "export csv".
    target: Mapped[str] = mapped_column(String(255), default="")
    address: Mapped[str] = mapped_column(String(64), default="")
