"""What every page shares: the config, the database, the cookies, the sign-in providers, the
templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request
from starlette.responses import HTMLResponse

from intake.config.settings import Config
from intake.web.oidc_pending import PendingCookies
from intake.web.oidc_provider import OidcProvider
from intake.web.session import SessionCookies
from intake.web.throttle import SignInThrottle

HERE = Path(__file__).parent


@dataclass
class Console:
    """One running web console."""

    config: Config
    sessions: sessionmaker[Session]
    cookies: SessionCookies
    pending: PendingCookies
    #: The ``[[web.oidc]]`` providers by the slug of their name, in the file's order.
    providers: dict[str, OidcProvider]
    throttle: SignInThrottle = field(default_factory=SignInThrottle)
    templates: Environment = field(default_factory=lambda: templates())

    def render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        """A page from ``templates/``; every value is escaped unless the template says not."""
        html = self.templates.get_template(name).render(**values)
        return HTMLResponse(html, status_code=status)


def templates() -> Environment:
    """Jinja2 with autoescape on for every template and undefined names an error."""
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def console_of(request: Request) -> Console:
    """The console serving ``request``."""
    console: Console = request.app.state.console
    return console


def client_address(request: Request) -> str:
    """The client's address (uvicorn takes it from X-Forwarded-For behind a trusted proxy)."""
    return request.client.host if request.client else ""
