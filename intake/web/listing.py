"""The candidates list's query: filters, search, sorting and one page, all in SQL."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload
from starlette.datastructures import QueryParams

from intake.flag_codes import FLAG_CODES
from intake.hr.users import WebAccount
from storage.candidate_models import Candidate, CandidateFlag, CandidateLink
from storage.models import Application

PAGE_SIZE = 50
STATUSES = ("new", "shortlisted", "rejected", "withdrawn", "hired")
RELATIVES = ("declared", "denied", "none")
SORTS = {
    "id": Candidate.id,
    "name": Candidate.candidate_name,
    "vacancy": Candidate.vacancy,
    "status": Candidate.status,
    "received": Candidate.created_at,
}


@dataclass(frozen=True)
class Filters:
    """What the filter form asks; anything not understood is dropped, not an error."""

    q: str = ""
    vacancy: str = ""
    status: str = ""
    complete: str = ""
    flag: str = ""
    relatives: str = ""
    late: str = ""
    sort: str = "id"
    page: int = 1

    @classmethod
    def parse(cls, params: QueryParams) -> Filters:
        """The filters of a query string, each checked against what it may be."""

        def pick(name: str, allowed: tuple[str, ...]) -> str:
            value = params.get(name, "")
            return value if value in allowed else ""

        page = params.get("page", "1")
        return cls(
            q=params.get("q", "").strip()[:200],
            vacancy=params.get("vacancy", "").strip()[:255],
            status=pick("status", STATUSES),
            complete=pick("complete", ("yes", "no")),
            flag=pick("flag", FLAG_CODES),
            relatives=pick("relatives", RELATIVES),
            late=pick("late", ("yes", "no")),
            sort=pick("sort", tuple(SORTS)) or "id",
            page=int(page) if page.isdigit() and 0 < int(page) < 1_000_000 else 1,
        )

    def query_string(self, **changes: object) -> str:
        """The query string of these filters with ``changes`` (no empty values)."""
        values = replace(self, **changes).__dict__  # type: ignore[arg-type]
        kept = {key: value for key, value in values.items() if value not in ("", None, 1, "id")}
        return urlencode(kept)


def filtered(filters: Filters, account: WebAccount) -> Select[Candidate]:
    """The candidates ``filters`` select that ``account`` may read (unsorted, unpaged)."""
    statement = select(Candidate)
    if account.role == "panel":
        statement = statement.where(Candidate.vacancy.in_(account.vacancies))
    if filters.vacancy:
        statement = statement.where(Candidate.vacancy == filters.vacancy)
    if filters.status:
        statement = statement.where(Candidate.status == filters.status)
    if filters.complete:
        statement = statement.where(Candidate.complete == (filters.complete == "yes"))
    if filters.late:
        statement = statement.where(Candidate.late == (filters.late == "yes"))
    if filters.relatives:
        statement = statement.where(Candidate.relatives == filters.relatives)
    if filters.flag:
        flagged = (CandidateFlag.candidate_id == Candidate.id) & (
            CandidateFlag.code == filters.flag
        )
        statement = statement.where(exists().where(flagged))
    if filters.q:
        statement = statement.where(_search(filters.q))
    return statement


def _search(text: str) -> ColumnElement[bool]:
    """The name, or any sender address of the candidate's applications, contains ``text``."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sent = (
        select(CandidateLink.application_id)
        .join(Application, Application.id == CandidateLink.application_id)
        .where(CandidateLink.candidate_id == Candidate.id)
        .where(Application.sender.ilike(pattern, escape="\\"))
    )
    return or_(Candidate.candidate_name.ilike(pattern, escape="\\"), exists(sent))


def count(session: Session, statement: Select[Candidate]) -> int:
    """How many candidates ``statement`` selects."""
    total = session.scalar(select(func.count()).select_from(statement.subquery()))
    return int(total or 0)


def one_page(session: Session, statement: Select[Candidate], filters: Filters) -> list[Candidate]:
    """The page ``filters.page`` asks, sorted, with each candidate's flags."""
    order = SORTS[filters.sort]
    ordered = statement.order_by(order, Candidate.id).options(selectinload(Candidate.flags))
    paged = ordered.limit(PAGE_SIZE).offset((filters.page - 1) * PAGE_SIZE)
    return list(session.scalars(paged))


def everything(session: Session, statement: Select[Candidate]) -> list[Candidate]:
    """Every candidate selected, by vacancy then id (the exports)."""
    ordered = statement.order_by(Candidate.vacancy, Candidate.id)
    return list(session.scalars(ordered.options(selectinload(Candidate.flags))))
