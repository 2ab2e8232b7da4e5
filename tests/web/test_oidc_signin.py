"""Signing in through OpenID Connect over HTTP, against a real provider on 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from intake.config.settings import Config
from intake.hr.users import add_user
from storage.database import write_transaction
from storage.web_audit import web_actions
from tests.configs import make_config
from tests.oidc_provider import CLIENT_SECRET, SECRET_ENV, OidcProvider, provider_table
from tests.oidc_signin import SLUG, through_provider
from tests.web_console import SCRIPT, VACANCY, Seeded, client_for, csrf_of

OLGA = "olga@org.example"


@pytest.fixture
def web_config(tmp_path: Path, sqlite_url: str, oidc_provider: OidcProvider) -> Config:
    """The test config with the local provider as ``[[web.oidc]]``."""
    web = {"oidc": [provider_table(oidc_provider)]}
    environ = {SECRET_ENV: CLIENT_SECRET}
    return make_config(tmp_path, sqlite_url, overrides={"web": web}, environ=environ)


@pytest.fixture
def client(web_config: Config, web_sessions: sessionmaker[Session], seeded: Seeded) -> TestClient:
    """An anonymous client; hr ``olga`` and panel ``pia`` sign in only through the provider."""
    with write_transaction(web_sessions) as session:
        add_user(session, "olga", "hr", None, (), email="Olga@Org.Example")
        add_user(session, "pia", "panel", None, (VACANCY,), email="pia@org.example")
    return client_for(web_config, web_sessions)


def _audit(sessions: sessionmaker[Session]) -> list[tuple[str, str, str]]:
    with sessions() as session:
        return [(row.action, row.username, row.target) for row in web_actions(session)]


def _refused(client: TestClient, path: str) -> str:
    """The refusal page of the callback ``path``, checked to have signed nobody in."""
    answer = client.get(path)
    assert answer.status_code == 403, answer.text
    assert 'id="refusal"' in answer.text
    assert "intake_session" not in answer.headers.get("set-cookie", "")
    assert client.get("/candidates").status_code == 303
    return answer.text


def test_sign_in_page_has_a_button_per_provider_without_script(client: TestClient) -> None:
    page = client.get("/login?next=/vacancies").text
    assert 'href="/login/oidc/test-idp?next=/vacancies"' in page
    assert "Sign in with Test IdP" in page and "<script" not in page


def test_known_user_signs_in_through_the_provider_and_gets_the_pages_of_its_role(
    client: TestClient, web_sessions: sessionmaker[Session]
) -> None:
    answer = client.get(through_provider(client, next_page="/quarantine"))
    assert answer.status_code == 303 and answer.headers["location"] == "/quarantine"
    cookies = answer.headers.get_list("set-cookie")
    session_cookie = next(c for c in cookies if c.startswith("intake_session="))
    assert "HttpOnly" in session_cookie and "samesite=lax" in session_cookie.lower()
    assert "Max-Age=28800" in session_cookie
    assert any(c.startswith("intake_oidc=") and "Max-Age=0" in c for c in cookies)
    assert client.get("/quarantine").status_code == 200
    assert "olga (hr)" in client.get("/vacancies").text
    token = csrf_of(client.get("/candidates").text)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert ("sign_in", "olga", "oidc test-idp") in _audit(web_sessions)


def test_panel_user_signed_in_by_the_provider_sees_only_its_vacancy(
    client: TestClient, oidc_provider: OidcProvider, seeded: Seeded
) -> None:
    oidc_provider.person = {"email": "pia@org.example", "email_verified": True}
    assert client.get(through_provider(client)).status_code == 303
    listing = client.get("/candidates").text
    assert f'data-candidate-id="{seeded.plain}"' in listing
    assert f'data-candidate-id="{seeded.other_vacancy}"' not in listing
    assert client.get("/quarantine").status_code == 404


def test_unknown_address_is_refused_and_audited(
    client: TestClient, oidc_provider: OidcProvider, web_sessions: sessionmaker[Session]
) -> None:
    oidc_provider.person = {"email": "mallory@org.example", "email_verified": True}
    assert "No account" in _refused(client, through_provider(client))
    expected = ("sign_in_failed", "mallory@org.example", "oidc test-idp: unknown_identity")
    assert expected in _audit(web_sessions)


@pytest.mark.parametrize("verified", [False, "true", None])
def test_address_the_provider_has_not_verified_is_refused(
    client: TestClient, oidc_provider: OidcProvider, verified: Any
) -> None:
    oidc_provider.misbehave.claims = {"email_verified": verified}
    assert "not verified" in _refused(client, through_provider(client))


def test_password_sign_in_is_refused_for_an_account_without_a_password(
    client: TestClient,
) -> None:
    token = csrf_of(client.get("/login").text)
    form = {"username": "olga", "password": "", "csrf_token": token}
    assert 'class="error"' in client.post("/login", data=form).text
    assert client.get("/candidates").status_code == 303


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "another-client"},
        {"aud": ["another-client", "intake-console"]},
        {"iss": "https://impostor.example"},
        {"exp": int(time.time()) - 3600},
        {"exp": None},
        {"nonce": "a nonce from another sign-in"},
        {"nonce": None},
        {"sub": None},
    ],
    ids=[
        "wrong-audience", "audience-without-azp", "wrong-issuer", "expired", "no-expiry",
        "wrong-nonce", "no-nonce", "no-subject",
    ],
)  # fmt: skip
def test_id_token_failing_a_check_is_refused_without_a_session(
    client: TestClient,
    oidc_provider: OidcProvider,
    web_sessions: sessionmaker[Session],
    claims: dict[str, Any],
) -> None:
    oidc_provider.misbehave.claims = claims
    assert "failed its checks" in _refused(client, through_provider(client))
    # Nothing of a token that failed its checks is believed, not even the name for the audit.
    assert ("sign_in_failed", "", "oidc test-idp: token_invalid") in _audit(web_sessions)


def test_id_token_signed_by_a_key_not_in_the_providers_set_is_refused(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    oidc_provider.misbehave.foreign_key = True
    assert "failed its checks" in _refused(client, through_provider(client))


def test_callback_with_a_forged_state_is_refused_before_the_code_is_exchanged(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    path = through_provider(client)
    forged = path.replace("state=", "state=forged")
    assert "start again" in _refused(client, forged)
    assert oidc_provider.token_requests == 0


def test_replayed_callback_is_refused(client: TestClient, oidc_provider: OidcProvider) -> None:
    path = through_provider(client)
    assert client.get(path).status_code == 303
    token = csrf_of(client.get("/candidates").text)
    client.post("/logout", data={"csrf_token": token})
    assert "start again" in _refused(client, path)
    assert oidc_provider.token_requests == 1


def test_callback_started_in_another_browser_is_refused(
    client: TestClient, web_config: Config, web_sessions: sessionmaker[Session]
) -> None:
    victim = client_for(web_config, web_sessions)
    assert "start again" in _refused(victim, through_provider(client))


def test_callback_of_a_sign_in_started_at_another_provider_is_refused(
    client: TestClient,
) -> None:
    path = through_provider(client).replace(f"/{SLUG}/", "/other/")
    assert client.get(path).status_code == 404


def test_provider_down_at_the_start_gives_a_clear_page_not_a_5xx(
    client: TestClient, oidc_provider: OidcProvider, web_sessions: sessionmaker[Session]
) -> None:
    oidc_provider.misbehave.down = True
    answer = client.get(f"/login/oidc/{SLUG}")
    assert answer.status_code == 403 and "cannot be reached" in answer.text
    assert ("sign_in_failed", "", "oidc test-idp: provider_unreachable") in _audit(web_sessions)


def test_provider_down_at_the_token_exchange_gives_a_clear_page_not_a_5xx(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    path = through_provider(client)
    oidc_provider.misbehave.down = True
    assert "cannot be reached" in _refused(client, path)


def test_providers_hostile_error_text_is_escaped_and_kept_out_of_the_headers(
    client: TestClient, oidc_provider: OidcProvider, web_sessions: sessionmaker[Session]
) -> None:
    oidc_provider.misbehave.error = ("access_denied", f"{SCRIPT}\r\nSet-Cookie: evil=1")
    answer = client.get(through_provider(client))
    assert answer.status_code == 403
    assert SCRIPT not in answer.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in answer.text
    assert "evil" not in str(answer.headers)
    assert ("sign_in_failed", "", "oidc test-idp: provider_refused") in _audit(web_sessions)


def test_hostile_name_claim_of_an_unknown_person_is_escaped(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    oidc_provider.person = {"email": f"{SCRIPT}@org.example", "email_verified": True}
    page = _refused(client, through_provider(client))
    assert SCRIPT not in page


def test_address_outside_the_allowed_domains_is_refused(
    tmp_path: Path,
    sqlite_url: str,
    oidc_provider: OidcProvider,
    web_sessions: sessionmaker[Session],
    seeded: Seeded,
) -> None:
    web = {"oidc": [provider_table(oidc_provider, allowed_domains=["staff.example"])]}
    config = make_config(tmp_path, sqlite_url, {"web": web}, {SECRET_ENV: CLIENT_SECRET})
    with write_transaction(web_sessions) as session:
        add_user(session, "olga", "hr", None, (), email=OLGA)
    client = client_for(config, web_sessions)
    assert "of that domain" in _refused(client, through_provider(client))


def test_a_rotated_signing_key_is_fetched_again_and_accepted(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    assert client.get(through_provider(client)).status_code == 303
    oidc_provider.rotate_key()
    assert client.get(through_provider(client)).status_code == 303


def test_discovery_document_naming_another_issuer_is_refused(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    oidc_provider.misbehave.discovery = {"issuer": "https://impostor.example"}
    answer = client.get(f"/login/oidc/{SLUG}")
    assert answer.status_code == 403 and "answered wrongly" in answer.text


def test_discovery_endpoint_that_could_break_a_header_is_refused(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    oidc_provider.misbehave.discovery = {"authorization_endpoint": "https://x.example/a\r\nX: y"}
    answer = client.get(f"/login/oidc/{SLUG}")
    assert answer.status_code == 403 and "X" not in answer.headers


def test_discovery_and_keys_are_fetched_once_for_many_sign_ins(
    client: TestClient, oidc_provider: OidcProvider
) -> None:
    for _ in range(3):
        assert client.get(through_provider(client)).status_code == 303
    fetched = [path for path in oidc_provider.gets if not path.endswith("/authorize")]
    assert fetched == ["/.well-known/openid-configuration", "/jwks"]
