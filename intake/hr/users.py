"""The web console's users: added with an Argon2 password hash and/or an email address for
OpenID Connect, listed, disabled; signed in by password or found by a provider's email."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from intake.errors import UsageError
from intake.hr.choices import ROLES
from storage.models import utcnow
from storage.web_models import WebUser, WebUserVacancy

MIN_PASSWORD_LENGTH = 10
_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so that a wrong name costs as long as a wrong
    password and the answer time does not tell which names exist. Made at the first sign-in,
    not at import: every command imports this module, and one Argon2 hash costs 0.1 s of CPU."""
    return _HASHER.hash("not a password anyone has")


@dataclass(frozen=True)
class WebAccount:
    """A signed-in user: name, role and, for a panel user, the vacancies it reads."""

    name: str
    role: str
    vacancies: tuple[str, ...] = ()

    def reads(self, vacancy: str | None) -> bool:
        """Whether this user may read a candidate of ``vacancy``."""
        return self.role != "panel" or (vacancy is not None and vacancy in self.vacancies)

    @property
    def decides(self) -> bool:
        """Whether this user may record decisions and export (admin and hr)."""
        return self.role in ("admin", "hr")


def add_user(
    session: Session,
    name: str,
    role: str,
    password: str | None,
    vacancies: tuple[str, ...],
    email: str | None = None,
) -> None:
    """A new user (a removed one's name may be taken again); UsageError for what is wrong.

    ``password`` None: the user signs in only through an OpenID Connect provider, by ``email``.
    """
    _check_new(name, role, password, vacancies)
    email = _checked_email(session, email, password)
    existing = session.scalar(select(WebUser).where(WebUser.name == name))
    if existing is not None and existing.disabled_at is None:
        raise UsageError(f"user '{name}' exists already (remove it first)")
    if existing is not None:
        session.delete(existing)
        session.flush()
    hashed = None if password is None else _HASHER.hash(password)
    user = WebUser(name=name, role=role, password_hash=hashed, email=email)
    user.vacancies = [WebUserVacancy(vacancy=ref) for ref in dict.fromkeys(vacancies)]
    session.add(user)


def _check_new(name: str, role: str, password: str | None, vacancies: tuple[str, ...]) -> None:
    if not name.strip() or len(name) > 255 or not name.isprintable():
        raise UsageError("a user name is 1 to 255 printable characters")
    if role not in ROLES:
        raise UsageError(f"unknown role '{role}' (known: {', '.join(ROLES)})")
    if role == "panel" and not vacancies:
        raise UsageError("a panel user reads only the vacancies given with --vacancy: give one")
    if role != "panel" and vacancies:
        raise UsageError(f"--vacancy is for panel users; {role} reads every vacancy")
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"a password has at least {MIN_PASSWORD_LENGTH} characters")


def _checked_email(session: Session, email: str | None, password: str | None) -> str | None:
    """``email`` in lower case; UsageError when it is malformed, taken, or missing for a user
    without a password (who could never sign in)."""
    if email is None:
        if password is None:
            raise UsageError("a user without a password signs in by --email: give one")
        return None
    address = comparable_email(email)
    if not is_email_address(address):
        raise UsageError(f"--email: '{email}' is not an email address")
    taken = session.scalar(
        select(WebUser.name).where(WebUser.email == address, WebUser.disabled_at.is_(None))
    )
    if taken is not None:
        raise UsageError(f"--email: user '{taken}' has {address} already")
    return address


def list_users(session: Session) -> list[WebUser]:
    """Every user still allowed in, by name."""
    statement = select(WebUser).where(WebUser.disabled_at.is_(None)).order_by(WebUser.name)
    return list(session.scalars(statement.options(selectinload(WebUser.vacancies))))


def remove_user(session: Session, name: str) -> None:
    """Disable the user: it can no longer sign in; its name stays in the audit."""
    user = session.scalar(select(WebUser).where(WebUser.name == name))
    if user is None or user.disabled_at is not None:
        raise UsageError(f"no user '{name}'")
    user.disabled_at = utcnow()
    user.email = None  # free for a new account; a removed user is found by name in the audit


def sign_in(session: Session, name: str, password: str) -> WebAccount | None:
    """The account when the name and password match an enabled user; None otherwise."""
    user = session.scalar(select(WebUser).where(WebUser.name == name))
    if user is None or user.disabled_at is not None or user.password_hash is None:
        _verify(_dummy_hash(), password)
        return None
    if not _verify(user.password_hash, password):
        return None
    return account(user)


def account_by_email(session: Session, email: str) -> WebAccount | None:
    """The enabled user whose address is ``email`` (any case), for an OpenID Connect sign-in
    whose provider vouched for the address; None when nobody has it."""
    user = session.scalar(
        select(WebUser).where(
            WebUser.email == comparable_email(email), WebUser.disabled_at.is_(None)
        )
    )
    return None if user is None else account(user)


def comparable_email(email: str) -> str:
    """An address as stored and looked up: trimmed, in lower case."""
    return email.strip().lower()


def is_email_address(address: str) -> bool:
    """Whether ``address`` looks like one mailbox: something@domain.tld, printable, not too long."""
    local, _, domain = address.rpartition("@")
    return bool(local) and "." in domain and len(address) <= 320 and address.isprintable()


def load_account(session: Session, name: str) -> WebAccount | None:
    """The enabled user ``name`` as it stands now (role or vacancies may have changed)."""
    user = session.scalar(select(WebUser).where(WebUser.name == name))
    if user is None or user.disabled_at is not None:
        return None
    return account(user)


def account(user: WebUser) -> WebAccount:
    """The user as the web console sees it."""
    return WebAccount(user.name, user.role, tuple(item.vacancy for item in user.vacancies))


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
