"""Every refusal over HTTP: anonymous, missing CSRF, wrong role, another vacancy."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.web_console import PASSWORD, Seeded, csrf_of, sign_in

PAGES = (
    "/vacancies", "/vacancies/chart.png", "/candidates", "/candidates/1",
    "/candidates/export.csv", "/candidates/export.xlsx", "/documents/1", "/quarantine",
    "/enquiries", "/status", "/erase", "/users",
)  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_get_of_any_page_is_sent_to_the_sign_in_form(
    client: TestClient, path: str
) -> None:
    answer = client.get(path)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/candidates/1/decisions", "/logout"])
def test_anonymous_post_is_forbidden_even_with_a_token(client: TestClient, path: str) -> None:
    token = csrf_of(client.get("/login").text)
    answer = client.post(path, data={"csrf_token": token, "decision": "hired"})
    assert answer.status_code == 403


def test_sign_in_form_has_a_csrf_field_and_a_post_without_it_is_forbidden(
    client: TestClient,
) -> None:
    form = client.get("/login").text
    assert 'id="login"' in form and 'name="csrf_token"' in form
    answer = client.post("/login", data={"username": "ada", "password": "correct horse battery"})
    assert answer.status_code == 403
    assert client.get("/candidates").status_code == 303


def test_sign_in_with_a_forged_token_is_forbidden(client: TestClient) -> None:
    client.get("/login")
    form = {"username": "ada", "password": "correct horse battery", "csrf_token": "forged"}
    assert client.post("/login", data=form).status_code == 403


def test_decision_without_the_sessions_token_is_forbidden(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, "hana")
    answer = client.post(f"/candidates/{seeded.plain}/decisions", data={"decision": "hired"})
    assert answer.status_code == 403
    assert "No decision yet" in client.get(f"/candidates/{seeded.plain}").text


def test_wrong_password_shows_the_form_again_with_an_error(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    form = {"username": "ada", "password": "wrong password!", "csrf_token": token}
    answer = client.post("/login", data=form)
    assert answer.status_code == 200 and 'class="error"' in answer.text
    assert client.get("/vacancies").status_code == 303


def test_panel_user_sees_only_its_vacancy_and_gets_404_for_the_other(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, "pat")
    listing = client.get("/candidates").text
    assert f'data-candidate-id="{seeded.plain}"' in listing
    assert f'data-candidate-id="{seeded.other_vacancy}"' not in listing
    assert client.get(f"/candidates/{seeded.other_vacancy}").status_code == 404
    assert client.get("/candidates?vacancy=WCO/2025/HU-NA").text.count("data-candidate-id") == 0
    assert 'data-vacancy="WCO/2025/HU-NA"' not in client.get("/vacancies").text


def test_panel_user_may_not_decide_export_or_read_the_operators_pages(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, "pat")
    form = {"csrf_token": token, "decision": "hired"}
    assert client.post(f"/candidates/{seeded.plain}/decisions", data=form).status_code == 404
    for path in ("/candidates/export.csv", "/quarantine", "/enquiries", "/status"):
        assert client.get(path).status_code == 404, path
    assert 'id="decide"' not in client.get(f"/candidates/{seeded.plain}").text


def test_panel_user_cannot_download_another_vacancys_document(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, "hana")
    page = client.get(f"/candidates/{seeded.other_vacancy}").text
    document = page.split('class="download" href="')[1].split('"')[0]
    client.cookies.clear()
    sign_in(client, "pat")
    assert client.get(document).status_code == 404


def test_a_removed_user_is_signed_out_at_its_next_page(client: TestClient) -> None:
    from intake.hr.users import remove_user
    from storage.database import write_transaction

    sign_in(client, "hana")
    console = client.app.state.console  # type: ignore[attr-defined]
    with write_transaction(console.sessions) as session:
        remove_user(session, "hana")
    assert client.get("/candidates").status_code == 303


@pytest.mark.parametrize(
    ("wanted", "landing"),
    [
        ("/candidates/1", "/candidates/1"),
        ("//evil.example.org/x", "/candidates"),
        ("/\\evil.example.org", "/candidates"),
        ("https://evil.example.org/", "/candidates"),
    ],
)
def test_sign_in_returns_only_to_a_page_of_this_site(
    client: TestClient, wanted: str, landing: str
) -> None:
    token = csrf_of(client.get("/login", params={"next": wanted}).text)
    form = {"username": "ada", "password": PASSWORD, "csrf_token": token, "next": wanted}
    answer = client.post("/login", data=form)
    assert answer.status_code == 303 and answer.headers["location"] == landing


def test_sign_out_ends_the_session(client: TestClient) -> None:
    token = sign_in(client, "ada")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/candidates").status_code == 303


def test_a_form_over_the_size_limit_is_not_read_and_so_refused(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, "hana")
    form = {"csrf_token": token, "decision": "hired", "note": "x" * 70_000}
    assert client.post(f"/candidates/{seeded.plain}/decisions", data=form).status_code == 403


def test_only_an_admin_sees_the_users(client: TestClient) -> None:
    sign_in(client, "hana")
    assert client.get("/users").status_code == 404
    client.cookies.clear()
    sign_in(client, "ada")
    page = client.get("/users").text
    assert 'data-user="pat"' in page and "WCO/2025/DD-IS" in page and "password" not in page
