"""PNG screenshots of the console's main pages on seeded sample data, for docs/.

Usage: ``python3 -m tests.web.browser.screenshots docs/screenshots`` (needs Debian's chromium
and chromium-driver; starts its own ``intake web`` on a free port and stops it).
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By

from tests.chromium import WINDOW, headless_chromium
from tests.web.browser.pages import decide, open_candidate, sign_in, wait_for_path
from tests.web.browser.seed import HR, seed_console
from tests.web_process import WebConsole

#: The tallest page kept whole; longer pages are cut there.
MAX_HEIGHT = 2400
SIGNED_IN_PAGES = (
    ("vacancies", "/vacancies"),
    ("candidates", "/candidates"),
    ("candidate", "/candidates/1"),
    ("candidate-hostile-text", "/candidates/4"),
    ("status", "/status"),
)


def shoot(browser: webdriver.Chrome, target: Path) -> None:
    """Save the whole page, up to MAX_HEIGHT pixels down, as the PNG ``target``."""
    metrics = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": WINDOW[0], "scale": 1}
    clip["height"] = min(max(int(size["height"]), 600), MAX_HEIGHT)
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    target.write_bytes(base64.b64decode(shot["data"]))


def take_screenshots(console: WebConsole, browser: webdriver.Chrome, out: Path) -> list[Path]:
    """Sign in as HR, record a decision on candidate 1, then shoot every main page."""
    browser.get(f"{console.url}/login")
    shoot(browser, out / "login.png")
    sign_in(browser, console, HR)
    number = open_candidate(browser, "Maria FERNÁNDEZ")
    decide(browser, "shortlisted", "Strong field experience; invite to the written test")
    wait_for_path(browser, console, f"/candidates/{number}")
    saved = [out / "login.png"]
    for name, path in SIGNED_IN_PAGES:
        browser.get(f"{console.url}{path}")
        for summary in browser.find_elements(By.CSS_SELECTOR, "section#documents summary")[:1]:
            summary.click()  # the first document's text unfolded, as HR would read it
        shoot(browser, out / f"{name}.png")
        saved.append(out / f"{name}.png")
    return saved


def main(argv: list[str]) -> int:
    """Write the PNGs into the directory named by the one argument."""
    if len(argv) != 1:
        print("usage: python3 -m tests.web.browser.screenshots DIRECTORY", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="intake-screenshots-") as scratch:
        directory = Path(scratch)
        config = seed_console(directory, f"sqlite:///{directory / 'intake.db'}")
        console = WebConsole(config, directory / "logs")
        console.start()
        try:
            with headless_chromium(directory / "downloads") as browser:
                saved = take_screenshots(console, browser, out)
        finally:
            console.stop()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
