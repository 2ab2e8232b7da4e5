"""The guard every page goes through: signed in, CSRF on POST, role; then the page itself."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from intake.hr.users import WebAccount, load_account
from intake.web.console import Console, client_address, console_of
from intake.web.session import SessionData

ALL_ROLES = ("admin", "hr", "panel")
DECIDERS = ("admin", "hr")
MAX_FORM_FIELDS = 50
MAX_FORM_BYTES = 64 * 1024


class NotFound(Exception):
    """The page or record does not exist, or this user may not know that it does."""


@dataclass(frozen=True)
class Page:
    """One request to a page, after the guard let it through."""

    request: Request
    console: Console
    account: WebAccount
    session: SessionData
    form: FormData

    def render(self, name: str, status: int = 200, **values: Any) -> Response:
        """A template with the header's values (user, CSRF token, menu) added."""
        return self.console.render(
            name, status, account=self.account, csrf_token=self.session.csrf, **values
        )

    @property
    def address(self) -> str:
        """The client's address, for the audit."""
        return client_address(self.request)


Handler = Callable[[Page], Response]


def page(
    handler: Handler, roles: tuple[str, ...] = ALL_ROLES
) -> Callable[..., Awaitable[Response]]:
    """The endpoint: anonymous GET → the sign-in page, anonymous POST or a POST without the
    session's CSRF token → 403, a role not in ``roles`` → 404; the handler runs in a thread."""

    async def endpoint(request: Request) -> Response:
        console = console_of(request)
        session = console.cookies.read(request)
        form = await read_form(request)
        if request.method == "POST" and not session.token_matches(_token(form)):
            return forbidden()
        account = await run_in_threadpool(_account, console, session)
        if account is None:
            return forbidden() if request.method == "POST" else to_sign_in(request)
        if account.role not in roles:
            return not_found(console, account, session)
        try:
            response = await run_in_threadpool(
                handler, Page(request, console, account, session, form)
            )
        except NotFound:
            return not_found(console, account, session)
        console.cookies.write(request, response, session)
        return response

    return endpoint


async def read_form(request: Request) -> FormData:
    """The POSTed form (no files accepted); empty for a GET and for a body that does not say
    its length or is over ``MAX_FORM_BYTES``."""
    if request.method != "POST":
        return FormData()
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > MAX_FORM_BYTES:
        return FormData()  # not read: without its token the POST is refused
    return await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)


def _token(form: FormData) -> str | None:
    value = form.get("csrf_token")
    return value if isinstance(value, str) else None


def _account(console: Console, session: SessionData) -> WebAccount | None:
    if session.user is None:
        return None
    with console.sessions() as db:
        return load_account(db, session.user)


def to_sign_in(request: Request) -> Response:
    """303 to /login, with the page asked for to come back to."""
    wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(wanted, safe='')}", status_code=303)


def forbidden() -> Response:
    """403 for a POST without a valid CSRF token or without a signed-in user."""
    return PlainTextResponse("Forbidden: sign in again and resend the form.", status_code=403)


def not_found(console: Console, account: WebAccount, session: SessionData) -> Response:
    """404: the same answer for what does not exist and what this user may not see."""
    return console.render("not_found.html", 404, account=account, csrf_token=session.csrf)
