"""Signing in through an OpenID Connect provider: off to the provider, back with a code.

Only people who already have an account (``intake users add … --email``) get in; the
session they get is the one a password sign-in gives. Every sign-in and refusal is audited;
a refusal is a page in our own words (the provider's error text, escaped, at most as a detail),
never a traceback or a 5xx.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from intake.errors import SignInRefused
from intake.hr.users import WebAccount, account_by_email
from intake.web.console import Console, client_address, console_of
from intake.web.oidc_identity import claimed_address, vouched_address
from intake.web.oidc_pending import PendingSignIn, new_pending
from intake.web.oidc_provider import OidcProvider
from intake.web.oidc_token import authorization_url, exchange_code
from intake.web.session import new_session
from intake.web.signin import landing_page
from storage.database import write_transaction
from storage.web_audit import record_web_action

#: Characters of the provider's error description shown on the refusal page.
MAX_DETAIL = 300


async def oidc_start(request: Request) -> Response:
    """GET /login/oidc/{provider}: 303 to the provider, the sign-in under way in a cookie."""
    console = console_of(request)
    provider = console.providers.get(request.path_params["provider"])
    if provider is None:
        return PlainTextResponse("Not found.", status_code=404)
    pending = new_pending(provider.config.slug, landing_page(request.query_params.get("next", "")))
    redirect_uri = _redirect_uri(request, provider)
    try:
        url = await run_in_threadpool(authorization_url, provider, pending, redirect_uri)
    except SignInRefused as refusal:
        await run_in_threadpool(_audit, console, provider, "", client_address(request), refusal)
        return _refused(console, refusal)
    response = RedirectResponse(url, status_code=303)
    console.pending.write(request, response, pending)
    return response


async def oidc_callback(request: Request) -> Response:
    """GET /login/oidc/{provider}/callback: the code exchanged and the token checked, then
    a new session and 303 to the page asked for; else the refusal page (403)."""
    console = console_of(request)
    provider = console.providers.get(request.path_params["provider"])
    if provider is None:
        return PlainTextResponse("Not found.", status_code=404)
    pending = console.pending.read(request)
    where = (_redirect_uri(request, provider), client_address(request))
    try:
        account = await run_in_threadpool(
            _finish, console, provider, pending, request.query_params, *where
        )
    except SignInRefused as refusal:
        response = _refused(console, refusal, _detail(request.query_params))
    else:
        assert pending is not None
        response = RedirectResponse(pending.next, status_code=303)
        console.cookies.write(request, response, new_session(account.name))
    console.pending.delete(request, response)
    return response


def _finish(
    console: Console,
    provider: OidcProvider,
    pending: PendingSignIn | None,
    query: Mapping[str, str],
    redirect_uri: str,
    address: str,
) -> WebAccount:
    """The account the callback signs in; SignInRefused (audited) when there is none."""
    claims: dict[str, Any] = {}
    try:
        _check_callback(provider, pending, query)
        assert pending is not None
        claims = exchange_code(provider, pending, query["code"], redirect_uri)
        email = vouched_address(provider.config, claims)
        with console.sessions() as db:
            account = account_by_email(db, email)
        if account is None:
            raise SignInRefused("unknown_identity", "No account of this console has that address.")
    except SignInRefused as refusal:
        _audit(console, provider, claimed_address(claims), address, refusal)
        raise
    _audit(console, provider, account.name, address, None)
    return account


def _check_callback(
    provider: OidcProvider, pending: PendingSignIn | None, query: Mapping[str, str]
) -> None:
    """The callback answers the sign-in under way in this browser, with a code."""
    if "error" in query:
        raise SignInRefused("provider_refused", "The sign-in provider did not sign you in.")
    state = query.get("state", "")
    if (
        pending is None
        or pending.provider != provider.config.slug
        or not hmac.compare_digest(pending.state.encode(), state.encode())
    ):
        raise SignInRefused(
            "state_mismatch",
            "This sign-in was not started here, was used already or took too long: start again.",
        )
    if not query.get("code"):
        raise SignInRefused("no_code", "The sign-in provider sent no authorization code.")


def _audit(
    console: Console,
    provider: OidcProvider,
    username: str,
    address: str,
    refusal: SignInRefused | None,
) -> None:
    target = f"oidc {provider.config.slug}"
    with write_transaction(console.sessions) as db:
        if refusal is None:
            record_web_action(db, "sign_in", username, target=target, address=address)
        else:
            target = f"{target}: {refusal.reason}"
            record_web_action(db, "sign_in_failed", username, target=target, address=address)


def _refused(console: Console, refusal: SignInRefused, detail: str = "") -> Response:
    return console.render(
        "oidc_refused.html", 403, message=refusal.message, detail=detail, account=None
    )


def _detail(query: Mapping[str, str]) -> str:
    """The provider's own words for its refusal, cut short; hostile text, escaped when shown."""
    words = query.get("error_description") or query.get("error") or ""
    return words[:MAX_DETAIL]


def _redirect_uri(request: Request, provider: OidcProvider) -> str:
    """This console's callback URL for ``provider``, as registered at the provider."""
    return str(request.url_for("oidc_callback", provider=provider.config.slug))
