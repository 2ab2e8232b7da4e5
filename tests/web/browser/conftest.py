"""Fixtures of the browser tests: a headless Chromium with its own download directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from tests.web.browser.chromium import headless_chromium


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
