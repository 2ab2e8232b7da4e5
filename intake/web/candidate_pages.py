"""The candidates list, one candidate's page and the decision form's POST."""

from __future__ import annotations

from starlette.responses import RedirectResponse, Response

from intake.errors import UsageError
from intake.flag_codes import FLAG_CODES
from intake.hr.candidates.decisions import DECISIONS, decide
from intake.hr.candidates.sheet import FLAG_WORDS, STATUS_WORDS
from intake.web.candidate_view import candidate_view, readable_candidate
from intake.web.listing import PAGE_SIZE, STATUSES, Filters, count, filtered, one_page
from intake.web.pages import NotFound, Page
from storage.database import write_transaction
from storage.web_audit import record_web_action

MAX_NOTE = 2000


def candidates_page(page: Page) -> Response:
    """GET /candidates: the filter form, one page of the table, links to the next and previous."""
    filters = Filters.parse(page.request.query_params)
    with page.console.sessions() as session:
        statement = filtered(filters, page.account)
        total = count(session, statement)
        rows = one_page(session, statement, filters)
        return page.render(
            "candidates.html",
            filters=filters,
            rows=rows,
            total=total,
            pages=max(1, -(-total // PAGE_SIZE)),
            vacancies=_vacancy_choices(page),
            statuses=[(value, STATUS_WORDS[value]) for value in STATUSES],
            flags=[(code, FLAG_WORDS.get(code, code)) for code in FLAG_CODES],
            flag_words=FLAG_WORDS,
            status_words=STATUS_WORDS,
        )


def _vacancy_choices(page: Page) -> list[str]:
    configured = [vacancy.reference for vacancy in page.console.config.vacancies]
    return [ref for ref in configured if page.account.reads(ref)]


def candidate_page(page: Page) -> Response:
    """GET /candidates/N: 404 when it does not exist or is another vacancy's."""
    candidate_id = int(page.request.path_params["candidate_id"])
    with page.console.sessions() as session:
        candidate = readable_candidate(session, candidate_id, page.account)
        if candidate is None:
            raise NotFound
        view = candidate_view(session, candidate, page.console.config)
        return page.render("candidate.html", view=view, decisions=DECISIONS, error=None)


def decide_post(page: Page) -> Response:
    """POST /candidates/N/decisions: the same code as ``intake decide``; audited; 303 back."""
    candidate_id = int(page.request.path_params["candidate_id"])
    decision = str(page.form.get("decision") or "")
    note = str(page.form.get("note") or "").strip()[:MAX_NOTE] or None
    with write_transaction(page.console.sessions) as session:
        if readable_candidate(session, candidate_id, page.account) is None:
            raise NotFound
        try:
            decide(session, candidate_id, decision, note, page.account.name)
        except UsageError:
            return Response("Unknown decision.", status_code=400, media_type="text/plain")
        target = f"candidate {candidate_id}: {decision}"
        record_web_action(session, "decision", page.account.name, target, page.address)
    return RedirectResponse(f"/candidates/{candidate_id}", status_code=303)
