"""Debian's headless Chromium driven through /usr/bin/chromedriver; nothing downloaded."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
INSTALL_HINT = "Chromium not installed: apt-get install chromium chromium-driver"
WINDOW = (1280, 900)
#: Selenium Manager must never fetch a browser or a driver: both paths are given, and offline.
os.environ["SE_OFFLINE"] = "true"


def _missing() -> NoReturn:
    """Skip the test, or fail it under CI=true, because Chromium or its driver is absent."""
    if os.environ.get("CI") == "true":
        pytest.fail(INSTALL_HINT, pytrace=False)
    pytest.skip(INSTALL_HINT)


def chromium_paths() -> tuple[str, str]:
    """The browser and its driver, or skip (fail under CI=true) saying how to install them."""
    browser = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    driver = shutil.which("chromedriver") or (CHROMEDRIVER if Path(CHROMEDRIVER).exists() else None)
    if browser is None or driver is None:
        _missing()
    return browser, driver


def chromium_options(browser: str, downloads: Path) -> webdriver.ChromeOptions:
    """Headless, a fixed window, downloads into ``downloads`` without asking, console kept."""
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    options.add_argument("--headless=new")
    options.add_argument(f"--window-size={WINDOW[0]},{WINDOW[1]}")
    options.add_argument("--disable-gpu")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--no-first-run")
    options.add_argument("--lang=en-GB")
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        },
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


@contextmanager
def headless_chromium(downloads: Path) -> Iterator[webdriver.Chrome]:
    """A running headless Chromium saving downloads into ``downloads``; quit on exit."""
    browser, driver_path = chromium_paths()
    downloads.mkdir(parents=True, exist_ok=True)
    driver = webdriver.Chrome(
        options=chromium_options(browser, downloads), service=Service(executable_path=driver_path)
    )
    try:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        yield driver
    finally:
        driver.quit()


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """The browser console's messages of level SEVERE since the last call."""
    entries: list[dict[str, str]] = driver.get_log("browser")  # type: ignore[no-untyped-call]
    return [entry["message"] for entry in entries if entry["level"] == "SEVERE"]


def wait_for_download(downloads: Path, timeout: float = 20.0) -> Path:
    """The one file Chromium saved into ``downloads``, once it has finished writing it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(downloads.iterdir())
        if len(files) == 1 and not files[0].name.endswith(".crdownload"):
            return files[0]
        time.sleep(0.1)
    listed = sorted(path.name for path in downloads.iterdir())
    raise AssertionError(f"no single finished download in {downloads} (holds {listed})")


def csp_violations(messages: list[str]) -> list[str]:
    """The console messages that report a Content-Security-Policy refusal."""
    return [text for text in messages if "Content Security Policy" in text]
