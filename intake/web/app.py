"""The Starlette application: its routes, each behind the guard with the roles it allows."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from intake.config.settings import Config
from intake.web.candidate_pages import candidate_page, candidates_page, decide_post
from intake.web.console import HERE, Console
from intake.web.downloads import document_download, export
from intake.web.erasure import erase_form, erase_post
from intake.web.headers import SecurityHeaders
from intake.web.oidc_pending import PendingCookies
from intake.web.oidc_provider import OidcProvider
from intake.web.oidc_signin import oidc_callback, oidc_start
from intake.web.other_pages import enquiries_page, quarantine_page, status_page, users_page
from intake.web.overview import chart, vacancies_page
from intake.web.pages import DECIDERS, page
from intake.web.session import SessionCookies
from intake.web.signin import login, login_form, logout


def build_app(config: Config, sessions: sessionmaker[Session], secret: str) -> Starlette:
    """The web console over ``sessions``, its cookies signed with ``secret``."""
    app = Starlette(
        routes=routes(),
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={404: _missing, 405: _missing, 500: _failed},
    )
    app.state.console = Console(
        config,
        sessions,
        SessionCookies(secret, config.web),
        PendingCookies(secret, config.web),
        {provider.slug: OidcProvider(provider) for provider in config.web.oidc},
    )
    return app


def routes() -> list[Route | Mount]:
    """Every URL of docs/web.md."""
    return [
        Route("/", _home),
        Route("/healthz", _healthz),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/login/oidc/{provider:str}", oidc_start, methods=["GET"]),
        Route("/login/oidc/{provider:str}/callback", oidc_callback, methods=["GET"]),
        Route("/vacancies", page(vacancies_page)),
        Route("/vacancies/chart.png", page(chart)),
        Route("/candidates", page(candidates_page)),
        Route("/candidates/export.{fmt:str}", page(export, DECIDERS)),
        Route("/candidates/{candidate_id:int}", page(candidate_page)),
        Route(
            "/candidates/{candidate_id:int}/decisions",
            page(decide_post, DECIDERS),
            methods=["POST"],
        ),
        Route("/documents/{document_id:int}", page(document_download)),
        Route("/erase", page(erase_form, DECIDERS), methods=["GET"]),
        Route("/erase", page(erase_post, DECIDERS), methods=["POST"]),
        Route("/quarantine", page(quarantine_page, DECIDERS)),
        Route("/enquiries", page(enquiries_page, DECIDERS)),
        Route("/status", page(status_page, DECIDERS)),
        Route("/users", page(users_page, ("admin",))),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


async def _home(_request: Request) -> Response:
    return RedirectResponse("/candidates", status_code=303)


async def _healthz(_request: Request) -> Response:
    return PlainTextResponse("ok")


async def _missing(_request: Request, _exc: Exception) -> Response:
    return PlainTextResponse("Not found.", status_code=404)


async def _failed(_request: Request, _exc: Exception) -> Response:
    return PlainTextResponse("Something went wrong; the log says what.", status_code=500)
