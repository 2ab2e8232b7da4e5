"""Signing in and out: the form with its CSRF token, the rate limit, the audit of each try."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from intake.hr.users import WebAccount, sign_in
from intake.web.console import Console, client_address, console_of
from intake.web.pages import forbidden, read_form
from intake.web.session import SessionData, new_session
from storage.database import write_transaction
from storage.web_audit import record_web_action

LANDING = "/candidates"


async def login_form(request: Request) -> Response:
    """GET /login: the form; an anonymous session is started to hold its CSRF token."""
    console = console_of(request)
    session = console.cookies.read(request)
    return _form(request, console, session, None, 200, request.query_params.get("next", ""))


async def login(request: Request) -> Response:
    """POST /login: 403 without the token; the form again on a wrong password or when the
    account or address is over its limit; else a new session and 303 to ``next``."""
    console = console_of(request)
    session = console.cookies.read(request)
    form = await read_form(request)
    token = form.get("csrf_token")
    if not session.token_matches(token if isinstance(token, str) else None):
        return forbidden()
    name, password = str(form.get("username") or "")[:255], str(form.get("password") or "")
    address = client_address(request)
    if console.throttle.refused(name, address):
        _audit(console, "sign_in_refused", name, address)
        message = "Too many failed sign-ins: wait a quarter of an hour and try again."
        return _form(request, console, session, message, 429, str(form.get("next") or ""))
    account = await run_in_threadpool(_check, console, name, password, address)
    if account is None:
        console.throttle.failed(name, address)
        wrong = "Wrong user name or password."
        return _form(request, console, session, wrong, 200, str(form.get("next") or ""))
    console.throttle.succeeded(name)
    response = RedirectResponse(landing_page(str(form.get("next") or "")), status_code=303)
    console.cookies.write(request, response, new_session(account.name))
    return response


async def logout(request: Request) -> Response:
    """POST /logout: the session is replaced by an anonymous one; 303 to /login."""
    console = console_of(request)
    session = console.cookies.read(request)
    form = await read_form(request)
    token = form.get("csrf_token")
    if session.user is None or not session.token_matches(token if isinstance(token, str) else None):
        return forbidden()
    _audit(console, "sign_out", session.user, client_address(request))
    response = RedirectResponse("/login", status_code=303)
    console.cookies.write(request, response, new_session(None))
    return response


def _check(console: Console, name: str, password: str, address: str) -> WebAccount | None:
    with write_transaction(console.sessions) as db:
        account = sign_in(db, name, password)
        action = "sign_in" if account else "sign_in_failed"
        record_web_action(db, action, name, address=address)
    return account


def _audit(console: Console, action: str, name: str, address: str) -> None:
    with write_transaction(console.sessions) as db:
        record_web_action(db, action, name, address=address)


def _form(
    request: Request,
    console: Console,
    session: SessionData,
    error: str | None,
    status: int,
    wanted: str,
) -> Response:
    response = console.render(
        "login.html",
        status,
        csrf_token=session.csrf,
        error=error,
        next=landing_page(wanted),
        account=None,
        providers=console.config.web.oidc,
    )
    console.cookies.write(request, response, session)
    return response


def landing_page(wanted: str) -> str:
    """``wanted`` when it is a path on this site (not ``//host`` nor ``/\\host``), else the
    candidates list."""
    if wanted.startswith("/") and not wanted.startswith(("//", "/\\")) and "\n" not in wanted:
        return wanted
    return LANDING
