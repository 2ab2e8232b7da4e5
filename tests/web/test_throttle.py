"""The sign-in rate limits: per account and per client address."""

from __future__ import annotations

from starlette.testclient import TestClient

from intake.web.throttle import PER_ACCOUNT, PER_ADDRESS, WINDOW_SECONDS, SignInThrottle
from storage.web_audit import web_actions
from tests.web_console import PASSWORD, csrf_of


def _try(client: TestClient, name: str, password: str) -> int:
    token = csrf_of(client.get("/login").text)
    form = {"username": name, "password": password, "csrf_token": token}
    return client.post("/login", data=form).status_code


def test_an_account_with_too_many_failures_is_refused_even_with_its_password(
    client: TestClient,
) -> None:
    for _ in range(PER_ACCOUNT):
        assert _try(client, "ada", "guess number x") == 200
    assert _try(client, "ADA", PASSWORD) == 429
    assert _try(client, "hana", PASSWORD) == 303
    console = client.app.state.console  # type: ignore[attr-defined]
    with console.sessions() as session:
        assert len(web_actions(session, "sign_in_refused")) == 1


def test_an_address_trying_many_accounts_is_refused() -> None:
    throttle = SignInThrottle()
    for number in range(PER_ADDRESS):
        assert not throttle.refused(f"user{number}", "192.0.2.7")
        throttle.failed(f"user{number}", "192.0.2.7")
    assert throttle.refused("someone-else", "192.0.2.7")
    assert not throttle.refused("someone-else", "192.0.2.8")


def test_failures_are_forgotten_after_the_window_and_by_a_good_sign_in() -> None:
    now = [1000.0]
    throttle = SignInThrottle(clock=lambda: now[0])
    for _ in range(PER_ACCOUNT):
        throttle.failed("ada", "192.0.2.7")
    assert throttle.refused("ada", "192.0.2.9")
    now[0] += WINDOW_SECONDS + 1
    assert not throttle.refused("ada", "192.0.2.9")
    for _ in range(PER_ACCOUNT - 1):
        throttle.failed("hana", "192.0.2.7")
    throttle.succeeded("hana")
    throttle.failed("hana", "192.0.2.7")
    assert not throttle.refused("hana", "192.0.2.9")
