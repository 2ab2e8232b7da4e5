"""A web console on a real database seeded with stored applications, and a signed-in client."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from intake.config.settings import Config
from intake.hr.users import add_user
from intake.poll.grouping import group_by_id
from intake.web.app import build_app
from storage.database import write_transaction
from tests.hr_data import Doc, Stored, store_applications

SECRET = "a test key that is long enough to sign sessions"
PASSWORD = "correct horse battery"
VACANCY, OTHER_VACANCY = "WCO/2025/DD-IS", "WCO/2025/HU-NA"
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(2)>'
#: Every hostile text the seeded data carries; none may reach a page unescaped.
HOSTILE = (SCRIPT, IMAGE, "<img src=x")
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class Seeded:
    """The candidate ids of the seeded data."""

    plain: int
    hostile: int
    other_vacancy: int


def hostile_application() -> Stored:
    """An application whose every stranger-written text is an attack."""
    return Stored(
        sender="attacker@example.com",
        sender_name=SCRIPT,
        candidate_name=SCRIPT + IMAGE,
        subject=f"Application – Deputy Director – {IMAGE}",
        body=f"Hello {SCRIPT} {IMAGE}",
        relatives="declared",
        relatives_evidence=f"my cousin {SCRIPT} works there",
        flags=(("possible_relative", f"surname {IMAGE}"),),
        documents=(Doc(f"{SCRIPT}.pdf", text=f"CV {IMAGE}"), Doc(f'{IMAGE}".html', kind="other")),
    )


def seed(sessions: sessionmaker[Session]) -> Seeded:
    """Three candidates: a plain one, a hostile one (same vacancy), one of the other vacancy."""
    other = Stored(sender="li.wei@example.com", candidate_name="Li WEI", vacancy=OTHER_VACANCY)
    ids = store_applications(sessions, [Stored(), hostile_application(), other])
    candidates = []
    for application_id in ids:
        with write_transaction(sessions) as session:
            candidates.append(group_by_id(session, application_id))
    assert all(candidate is not None for candidate in candidates)
    return Seeded(*(int(candidate or 0) for candidate in candidates))


def add_users(sessions: sessionmaker[Session]) -> None:
    """admin ``ada``, hr ``hana`` and panel ``pat`` (reads VACANCY only), all with PASSWORD."""
    with write_transaction(sessions) as session:
        add_user(session, "ada", "admin", PASSWORD, ())
        add_user(session, "hana", "hr", PASSWORD, ())
        add_user(session, "pat", "panel", PASSWORD, (VACANCY,))


def client_for(config: Config, sessions: sessionmaker[Session]) -> TestClient:
    """A client of a new console over ``sessions``; redirects are not followed."""
    return TestClient(build_app(config, sessions, SECRET), follow_redirects=False)


def csrf_of(html: str) -> str:
    """The CSRF token of the first form of a page."""
    match = _CSRF.search(html)
    assert match is not None, "no csrf_token field"
    return match.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign ``name`` in; the session's CSRF token for later forms."""
    token = csrf_of(client.get("/login").text)
    form = {"username": name, "password": password, "csrf_token": token}
    answer = client.post("/login", data=form)
    assert answer.status_code == 303, answer.text
    return csrf_of(client.get("/candidates").text)


@dataclass(frozen=True)
class Visit:
    """One page of a crawl: its status code, how long it took, its HTML (else empty)."""

    status: int
    seconds: float
    html: str = ""


_LINK = re.compile(r'(?:href|src)="(/[^"]*)"')


def crawl(client: TestClient, starts: tuple[str, ...], most: int) -> dict[str, Visit]:
    """Follow every same-site link (and image) from ``starts``, at most ``most`` pages;
    each path with its status code and the seconds it took (for the benchmark)."""
    seen: dict[str, Visit] = {}
    queue = list(starts)
    while queue and len(seen) < most:
        path = queue.pop(0).replace("&amp;", "&")
        if path in seen:
            continue
        started = time.perf_counter()
        answer = client.get(path)
        spent = time.perf_counter() - started
        html = answer.text if answer.headers.get("content-type", "").startswith("text/html") else ""
        seen[path] = Visit(answer.status_code, spent, html)
        queue += [link for link in _LINK.findall(html) if link not in seen]
    return seen
