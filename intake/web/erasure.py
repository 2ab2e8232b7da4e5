"""Erasure on a person's request from the console: shown first, carried out on confirmation,
through the same code as ``intake erase`` and written to both audit logs."""

from __future__ import annotations

from functools import partial

from sqlalchemy import Engine
from starlette.responses import Response

from intake.acks.addresses import own_addresses, plain_address
from intake.config.runtime import Runtime
from intake.hr.personal_data import deletion as personal_data
from intake.hr.personal_data.report import count_lines, linked_line
from intake.web.pages import Page
from storage.database import write_transaction
from storage.erasure import erase_selection
from storage.web_audit import record_web_action

#: The audit entry's scope, as ``intake erase`` writes it: the address is never recorded.
SCOPE = "one email address"


def erase_form(page: Page) -> Response:
    """GET /erase: the address to erase."""
    return page.render("erase.html", email="", lines=[], error=None, confirm=False)


def erase_post(page: Page) -> Response:
    """POST /erase: without ``confirm=yes`` what would go; with it, the erasure itself."""
    typed = str(page.form.get("email") or "")
    address = plain_address(typed)
    error = _refusal(page, address)
    if error is not None or address is None:
        return page.render("erase.html", 400, email=typed, lines=[], error=error, confirm=False)
    runtime = _runtime(page)
    selector = partial(erase_selection, address=address)
    if page.form.get("confirm") != "yes":
        deletion = personal_data.preview(runtime, selector)
        lines = [*count_lines(deletion), linked_line(deletion) or ""]
        return page.render("erase.html", email=address, lines=lines, error=None, confirm=True)
    done = personal_data.carry_out(runtime, "erase", SCOPE, selector)
    with write_transaction(page.console.sessions) as session:
        target = f"audit entry {done.audit_id}"
        record_web_action(session, "erasure", page.account.name, target, page.address)
    lines = [*count_lines(done.deletion), f"audit entry {done.audit_id} written", done.cleanup]
    return page.render("erase.html", email="", lines=lines, error=None, confirm=False)


def _refusal(page: Page, address: str | None) -> str | None:
    if address is None:
        return "Give one plain email address, such as name@example.org."
    if address in own_addresses(page.console.config):
        return "That is the organisation's own address, not a person's."
    return None


def _runtime(page: Page) -> Runtime:
    engine = page.console.sessions.kw["bind"]
    assert isinstance(engine, Engine)
    return Runtime(page.console.config, engine, page.console.sessions)
