"""Fixtures of the browser tests: a headless Chromium with its own download directory, and
one seeded ``intake web`` shared by this package's tests and stopped after the last of them
(its stderr shown under a failing test).

The rig that starts them sits at the root of tests/ with the other server fixtures:
tests/chromium.py (the browser), tests/web_process.py (``intake web`` as a subprocess)."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from tests.chromium import chromium_paths, headless_chromium
from tests.web.browser.seed import seed_console
from tests.web_process import WebConsole


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    """Where the test's Chromium saves what it downloads."""
    path = tmp_path / "downloads"
    path.mkdir()
    return path


@pytest.fixture
def browser(downloads: Path) -> Iterator[webdriver.Chrome]:
    """A fresh headless Chromium (no cookies) for one test."""
    with headless_chromium(downloads) as driver:
        yield driver


@pytest.fixture(scope="package")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebConsole]:
    """``intake web`` on a seeded SQLite database (four candidates, an hr and a panel user);
    SIGTERM must stop it with status 0."""
    chromium_paths()  # no browser: skip (fail under CI=true) before seeding anything
    directory = tmp_path_factory.mktemp("console")
    config = seed_console(directory, f"sqlite:///{directory / 'intake.db'}")
    server = WebConsole(config, directory / "logs")
    try:
        server.start()
        yield server
    finally:
        status = server.stop()
    assert status == 0, f"intake web exited {status} on SIGTERM:\n{server.stderr}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Add the server's stderr to the report of a failing test that used it."""
    report: pytest.TestReport = yield
    server = getattr(item, "funcargs", {}).get("console")
    if report.failed and isinstance(server, WebConsole):
        report.sections.append(("intake web stderr", server.stderr))
    return report
