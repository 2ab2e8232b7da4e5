"""A crawl of every page reachable from the vacancies and candidates: no server error; and the
whole way through on both databases."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from intake.config.settings import Config
from tests.configs import make_config
from tests.web_console import HOSTILE, add_users, client_for, crawl, seed, sign_in


def test_no_page_reachable_from_vacancies_and_candidates_fails(
    web_config: Config, web_sessions: sessionmaker[Session]
) -> None:
    seed(web_sessions)
    client = client_for(web_config, web_sessions)
    sign_in(client, "ada")
    seen = crawl(client, ("/vacancies", "/candidates"), most=400)
    assert len(seen) > 20
    failed = {path: visit.status for path, visit in seen.items() if visit.status >= 500}
    assert failed == {}
    assert any(path.startswith("/documents/") for path in seen)
    assert any(path.startswith("/candidates/export.xlsx") for path in seen)
    echoed = [path for path, visit in seen.items() if any(bad in visit.html for bad in HOSTILE)]
    assert echoed == []


def test_sign_in_decide_and_download_on_each_database(tmp_path: Path, database_url: str) -> None:
    from intake.config.runtime import open_runtime

    config = make_config(tmp_path, database_url)
    runtime = open_runtime(config)
    try:
        add_users(runtime.sessions)
        seeded = seed(runtime.sessions)
        client = client_for(config, runtime.sessions)
        token = sign_in(client, "hana")
        form = {"csrf_token": token, "decision": "shortlisted", "note": "call her"}
        url = f"/candidates/{seeded.plain}"
        assert client.post(f"{url}/decisions", data=form).status_code == 303
        page = client.get(url).text
        assert "call her" in page.split('<ol id="decisions">')[1]
        listing = client.get("/candidates", params={"status": "shortlisted", "q": "fern"}).text
        assert listing.count("data-candidate-id=") == 1
        document = page.split('class="download" href="')[1].split('"')[0]
        assert client.get(document).headers["content-disposition"].startswith("attachment")
    finally:
        runtime.close()
