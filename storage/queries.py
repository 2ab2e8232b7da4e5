"""Which applications HR asked for, and in which order, as one SQLAlchemy select."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    case,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from storage.models import Application, Document, Flag

#: The keys ``ApplicationQuery.sort`` accepts; ``received`` is the default.
SORT_KEYS = ("received", "name", "sender", "vacancy", "id", "flags")
LIKE_ESCAPE = "\\"


@dataclass(frozen=True)
class ApplicationQuery:
    """A filter and an order for applications; every empty field selects everything.

    ``since`` is inclusive and ``until`` exclusive (received before it), both aware UTC
    instants. ``late`` True or False selects late or on-time applications; those whose
    vacancy is unknown (late is null) are neither. ``search`` is matched as written
    (case-insensitively) and ``search_words`` are the same text folded (lower case, no
    accents), all of which must be in the folded candidate name.
    """

    vacancy: str | None = None
    with_flags: tuple[str, ...] = ()
    without_flags: tuple[str, ...] = ()
    late: bool | None = None
    relatives: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    search: str | None = None
    search_words: tuple[str, ...] = ()
    sort: str = "received"
    descending: bool = False


def select_applications(query: ApplicationQuery | None = None) -> Select[Application]:
    """The applications ``query`` selects, in its order (ties broken by id)."""
    query = query or ApplicationQuery()
    return select(Application).where(*conditions(query)).order_by(*ordering(query))


def application_ids(session: Session, query: ApplicationQuery | None = None) -> list[int]:
    """The ids of the applications ``query`` selects, in its order."""
    query = query or ApplicationQuery()
    ids = select(Application.id).where(*conditions(query)).order_by(*ordering(query))
    return list(session.scalars(ids))


def vacancy_in_use(session: Session, vacancy: str) -> bool:
    """Whether any stored application is for ``vacancy``."""
    return session.scalar(select(exists().where(Application.vacancy == vacancy))) or False


def conditions(query: ApplicationQuery) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``query``, one per filter given."""
    found: list[ColumnElement[bool]] = []
    if query.vacancy is not None:
        found.append(Application.vacancy == query.vacancy)
    found.extend(_has_flag(code) for code in query.with_flags)
    found.extend(~_has_flag(code) for code in query.without_flags)
    if query.late is not None:
        found.append(Application.late.is_(query.late))
    if query.relatives is not None:
        found.append(Application.relatives == query.relatives)
    if query.since is not None:
        found.append(Application.received_at >= query.since)
    if query.until is not None:
        found.append(Application.received_at < query.until)
    if query.search:
        found.append(_matches(query.search, query.search_words))
    return found


def _has_flag(code: str) -> ColumnElement[bool]:
    return exists().where(Flag.application_id == Application.id, Flag.code == code)


def _matches(text: str, folded_words: tuple[str, ...]) -> ColumnElement[bool]:
    """The text in a name, the address, the subject, the body or a document's text."""
    pattern = contains_pattern(text)
    in_columns = [
        column.ilike(pattern, escape=LIKE_ESCAPE)
        for column in (
            Application.candidate_name,
            Application.sender_name,
            Application.sender,
            Application.subject,
            Application.body_text,
        )
    ]
    in_documents = exists().where(
        Document.application_id == Application.id,
        Document.text.ilike(pattern, escape=LIKE_ESCAPE),
    )
    alternatives = [*in_columns, in_documents]
    if folded_words:
        # name_key holds the folded words of the name, so "Fernandez" finds "FERNÁNDEZ".
        alternatives.append(
            and_(
                *(
                    Application.name_key.like(contains_pattern(word), escape=LIKE_ESCAPE)
                    for word in folded_words
                )
            )
        )
    return or_(*alternatives)


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its ``%`` and ``_`` taken literally."""
    escaped = (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


def ordering(query: ApplicationQuery) -> list[Any]:
    """ORDER BY: missing values last in either direction, then the key, then the id."""
    key = _sort_column(query.sort)
    missing_last = case((key.is_(None), 1), else_=0)
    if query.descending:
        return [missing_last, key.desc(), Application.id.desc()]
    return [missing_last, key, Application.id]


def _sort_column(sort: str) -> SQLColumnExpression[Any]:
    if sort == "received":
        return Application.received_at
    if sort == "name":
        return func.lower(func.coalesce(Application.candidate_name, Application.sender_name))
    if sort == "sender":
        return func.lower(Application.sender)
    if sort == "vacancy":
        return Application.vacancy
    if sort == "id":
        return Application.id
    if sort == "flags":
        count = select(func.count(Flag.id)).where(Flag.application_id == Application.id)
        return count.scalar_subquery()
    raise ValueError(f"unknown sort key {sort!r} (known: {', '.join(SORT_KEYS)})")
