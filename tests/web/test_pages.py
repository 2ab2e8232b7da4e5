"""The pages: hostile text escaped everywhere, headers, downloads, decisions, exports, audit."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook
from starlette.testclient import TestClient

from intake.web.headers import CSP
from storage.web_audit import web_actions
from tests.web_console import HOSTILE, IMAGE, SCRIPT, Seeded, sign_in

HTML_PAGES = ("/vacancies", "/candidates", "/quarantine", "/enquiries", "/status", "/login")


def _document_links(html: str) -> list[str]:
    return re.findall(r'class="download" href="(/documents/\d+)"', html)


def test_hostile_candidate_text_is_escaped_on_every_page(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, "ada")
    pages = [*HTML_PAGES, f"/candidates/{seeded.hostile}", "/candidates?q=%3Cscript%3E"]
    for path in pages:
        html = client.get(path).text
        for attack in HOSTILE:
            assert attack not in html, (path, attack)
    page = client.get(f"/candidates/{seeded.hostile}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page


def test_search_finds_the_hostile_name_and_shows_it_escaped(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, "hana")
    found = client.get("/candidates", params={"q": "<script>"}).text
    assert f'data-candidate-id="{seeded.hostile}"' in found
    assert f'data-candidate-id="{seeded.plain}"' not in found
    assert SCRIPT not in found


def test_every_html_page_has_a_csp_without_inline_script_and_no_framing(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, "ada")
    for path in (*HTML_PAGES, f"/candidates/{seeded.plain}"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CSP, path
        assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP
        assert "frame-ancestors 'none'" in CSP
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"
        assert "<script" not in client.get(path).text


def test_session_cookie_is_httponly_and_samesite_lax_and_secure_over_https(
    client: TestClient,
) -> None:
    cookie = client.get("/login").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    secure = client.get("https://testserver/login").headers["set-cookie"].lower()
    assert "; secure" in secure


def test_documents_download_as_attachments_with_nosniff_and_safe_names(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, "hana")
    links = _document_links(client.get(f"/candidates/{seeded.hostile}").text)
    assert len(links) == 2
    for link in links:
        answer = client.get(link)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/octet-stream"
        assert answer.headers["x-content-type-options"] == "nosniff"
        disposition = answer.headers["content-disposition"]
        assert disposition.startswith("attachment; filename=")
        assert "<" not in disposition and ">" not in disposition and "/" not in disposition
        assert answer.content == b"%PDF-1.4 test document"


def test_decision_is_recorded_shown_newest_first_and_audited(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, "hana")
    url = f"/candidates/{seeded.hostile}"
    for decision, note in (("shortlisted", "strong CV"), ("rejected", f"late {SCRIPT}")):
        form = {"csrf_token": token, "decision": decision, "note": note}
        answer = client.post(f"{url}/decisions", data=form)
        assert answer.status_code == 303 and answer.headers["location"] == url
    page = client.get(url).text
    history = page.split('<ol id="decisions">')[1].split("</ol>")[0]
    assert history.index("rejected") < history.index("shortlisted")
    assert "strong CV" in history and SCRIPT not in history
    console = client.app.state.console  # type: ignore[attr-defined]
    with console.sessions() as session:
        audited = [row.target for row in web_actions(session, "decision")]
    assert audited == [
        f"candidate {seeded.hostile}: shortlisted",
        f"candidate {seeded.hostile}: rejected",
    ]


def test_exports_hold_what_the_filter_shows(client: TestClient, seeded: Seeded) -> None:
    sign_in(client, "hana")
    listing = client.get("/candidates", params={"vacancy": "WCO/2025/HU-NA"}).text
    csv_link = listing.split('id="export-csv" href="')[1].split('"')[0].replace("&amp;", "&")
    answer = client.get(csv_link)
    assert answer.headers["content-disposition"].startswith("attachment;")
    lines = answer.text.strip().splitlines()
    assert len(lines) == 2 and "Li WEI" in lines[1]
    xlsx = client.get("/candidates/export.xlsx")
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames[0] == "Summary"
    assert xlsx.headers["x-content-type-options"] == "nosniff"


def test_sign_ins_failures_and_downloads_are_audited_without_candidate_text(
    client: TestClient, seeded: Seeded
) -> None:
    token = client.get("/login").text.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"username": "ada", "password": "nope", "csrf_token": token})
    sign_in(client, "ada")
    for link in _document_links(client.get(f"/candidates/{seeded.hostile}").text):
        client.get(link)
    console = client.app.state.console  # type: ignore[attr-defined]
    with console.sessions() as session:
        rows = [(row.action, row.username, row.target) for row in web_actions(session)]
        addresses = {row.address for row in web_actions(session)}
    assert rows[0] == ("sign_in_failed", "ada", "")
    assert rows[1] == ("sign_in", "ada", "")
    assert [action for action, _name, _target in rows[2:]] == ["download", "download"]
    assert all(target.startswith("document ") for _a, _n, target in rows[2:])
    assert addresses == {"testclient"}
    assert not any(IMAGE in str(row) or SCRIPT in str(row) for row in rows)


def test_vacancies_page_counts_and_draws_the_chart(client: TestClient) -> None:
    sign_in(client, "hana")
    page = client.get("/vacancies").text
    row = page.split('data-vacancy="WCO/2025/DD-IS"')[1].split("</tr>")[0]
    assert re.findall(r'class="n">(?:<a [^>]+>)?(\d+)', row) == ["2", "2", "1", "0", "1"]
    chart = client.get("/vacancies/chart.png")
    assert chart.headers["content-type"] == "image/png" and chart.content[:4] == b"\x89PNG"
