"""Erasure from the console: shown first, done on confirmation, audited without the address."""

from __future__ import annotations

from starlette.testclient import TestClient

from storage.audit import audit_records
from storage.web_audit import web_actions
from tests.web_console import Seeded, sign_in


def test_erasure_shows_what_goes_then_erases_on_confirmation(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, "hana")
    form = {"csrf_token": token, "email": "li.wei@example.com"}
    preview = client.post("/erase", data=form)
    assert preview.status_code == 200 and 'name="confirm" value="yes"' in preview.text
    assert client.get(f"/candidates/{seeded.other_vacancy}").status_code == 200
    done = client.post("/erase", data={**form, "confirm": "yes"})
    assert done.status_code == 200 and "audit entry" in done.text
    listing = client.get("/candidates").text
    assert "Li WEI" not in listing and f'data-candidate-id="{seeded.plain}"' in listing
    console = client.app.state.console  # type: ignore[attr-defined]
    with console.sessions() as session:
        erasures = web_actions(session, "erasure")
        deletions = audit_records(session)
    assert [row.username for row in erasures] == ["hana"]
    assert "li.wei" not in erasures[0].target
    assert [(entry.action, entry.counts.applications) for entry in deletions] == [("erase", 1)]


def test_erasure_refuses_a_non_address_and_the_organisations_own(client: TestClient) -> None:
    token = sign_in(client, "ada")
    for typed in ("not an address", "recruitment@example.org"):
        answer = client.post("/erase", data={"csrf_token": token, "email": typed})
        assert answer.status_code == 400 and 'class="error"' in answer.text, typed


def test_panel_user_cannot_erase(client: TestClient) -> None:
    token = sign_in(client, "pat")
    assert client.get("/erase").status_code == 404
    form = {"csrf_token": token, "email": "li.wei@example.com", "confirm": "yes"}
    assert client.post("/erase", data=form).status_code == 404
