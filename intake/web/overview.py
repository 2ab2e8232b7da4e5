"""The vacancies page with its counts and the arrivals chart (an image route, no script)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, case, exists, func, select
from sqlalchemy.orm import Session
from starlette.responses import Response

from intake.hr.summary.counts import build_summary
from intake.hr.users import WebAccount
from intake.web.pages import Page
from storage.candidate_models import Candidate, CandidateFlag, CandidateLink


@dataclass(frozen=True)
class VacancyRow:
    """One vacancy's counts: applications received, candidates and how many are complete,
    late or flagged."""

    reference: str
    title: str
    received: int
    candidates: int
    complete: int
    late: int
    flagged: int


def vacancies_page(page: Page) -> Response:
    """GET /vacancies: one row per vacancy the user reads (configured ones first)."""
    with page.console.sessions() as session:
        rows = vacancy_rows(session, page)
    return page.render("vacancies.html", rows=rows)


def vacancy_rows(session: Session, page: Page) -> list[VacancyRow]:
    """The counts of every vacancy ``page.account`` reads, in one grouped query."""
    flagged = exists().where(CandidateFlag.candidate_id == Candidate.id)
    received = (
        select(func.count())
        .where(CandidateLink.candidate_id == Candidate.id)
        .correlate(Candidate)
        .scalar_subquery()
    )
    statement = select(
        Candidate.vacancy,
        func.sum(received),
        func.count(Candidate.id),
        func.sum(case((Candidate.complete, 1), else_=0)),
        func.sum(case((Candidate.late.is_(True), 1), else_=0)),
        func.sum(case((flagged, 1), else_=0).cast(Integer)),
    ).group_by(Candidate.vacancy)
    found = {row[0]: row[1:] for row in session.execute(statement)}
    titles = {vacancy.reference: vacancy.title for vacancy in page.console.config.vacancies}
    order = list(titles) + sorted(ref for ref in found if ref and ref not in titles)
    return [
        VacancyRow(ref, titles.get(ref, ""), *(int(n or 0) for n in found.get(ref, (0,) * 5)))
        for ref in order
        if page.account.reads(ref)
    ]


def chart(page: Page) -> Response:
    """GET /vacancies/chart.png: arrivals per day of the vacancies the user reads."""
    from intake.hr.summary.chart import chart_png

    config = page.console.config
    with page.console.sessions() as session:
        summaries = [
            item for item in build_summary(session, config) if _shown(page.account, item.reference)
        ]
    png = chart_png(summaries, config.organisation.timezone.key)
    return Response(png, media_type="image/png")


def _shown(account: WebAccount, reference: str | None) -> bool:
    return reference is not None and account.reads(reference)
