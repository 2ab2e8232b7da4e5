"""The rig itself: headless Chromium loads a page from a local http.server and reads its DOM."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from tests.chromium import WINDOW, console_errors, csp_violations, wait_for_download

pytestmark = pytest.mark.browser


class StrictHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with the console's kind of policy: scripts only from the site itself."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", "default-src 'self'; script-src 'self'")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the DOM, not the access log."""


@pytest.fixture
def static_site(tmp_path: Path) -> Iterator[str]:
    """A one-page site served by http.server on a free port of 127.0.0.1; its base URL."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<!doctype html><title>Rig</title><h1 id='greeting'>Hello &lt;b&gt;rig</h1>"
        "<a id='file' href='data.bin' download>data</a>",
        encoding="utf-8",
    )
    (site / "data.bin").write_bytes(b"\x00\x01binary\xff")
    (site / "favicon.ico").write_bytes(b"")
    (site / "inline.html").write_text(
        "<!doctype html><title>Inline</title><script>document.title = 'ran'</script>",
        encoding="utf-8",
    )
    handler = partial(StrictHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_headless_chromium_reads_the_dom_of_a_local_page(
    static_site: str, browser: webdriver.Chrome
) -> None:
    browser.get(f"{static_site}/index.html")
    assert browser.title == "Rig"
    assert browser.find_element(By.ID, "greeting").text == "Hello <b>rig"
    assert browser.execute_script("return document.querySelectorAll('b').length") == 0
    size = browser.get_window_size()
    assert (size["width"], size["height"]) == WINDOW
    assert console_errors(browser) == []


def test_a_download_lands_in_the_download_directory_with_its_bytes(
    static_site: str, browser: webdriver.Chrome, downloads: Path
) -> None:
    browser.get(f"{static_site}/index.html")
    browser.find_element(By.ID, "file").click()
    saved = wait_for_download(downloads)
    assert saved.name == "data.bin"
    assert saved.read_bytes() == b"\x00\x01binary\xff"


def test_an_inline_script_refused_by_the_policy_is_seen_in_the_console(
    static_site: str, browser: webdriver.Chrome
) -> None:
    browser.get(f"{static_site}/inline.html")
    assert browser.title == "Inline"
    [violation] = csp_violations(console_errors(browser))
    assert "script-src 'self'" in violation
