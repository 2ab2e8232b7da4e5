"""Signing in through the organisation's OpenID Connect provider in a real Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from tests.chromium import chromium_paths
from tests.configs import write_config_file
from tests.oidc_provider import (
    CLIENT_SECRET,
    SECRET_ENV,
    OidcProvider,
    provider_table,
    running_provider,
)
from tests.web.browser.pages import wait_for_path
from tests.web.browser.seed import run_intake_checked
from tests.web_process import WebConsole

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def provider() -> Iterator[OidcProvider]:
    """The local provider; its person is olga@org.example."""
    yield from running_provider()


@pytest.fixture(scope="module")
def oidc_console(
    tmp_path_factory: pytest.TempPathFactory, provider: OidcProvider
) -> Iterator[WebConsole]:
    """``intake web`` offering the provider, with hr ``olga`` who has no password."""
    chromium_paths()
    directory = tmp_path_factory.mktemp("oidc-console")
    web = {"oidc": [provider_table(provider, name="Org Login")]}
    config = write_config_file(directory, f"sqlite:///{directory / 'intake.db'}", {"web": web})
    run_intake_checked(config, "db", "upgrade")
    run_intake_checked(
        config, "users", "add", "olga", "--role", "hr", "--email", "olga@org.example",
        "--no-password",
    )  # fmt: skip
    server = WebConsole(config, directory / "logs", environ={SECRET_ENV: CLIENT_SECRET})
    try:
        server.start()
        yield server
    finally:
        assert server.stop() == 0, server.stderr


def test_hr_signs_in_with_the_providers_button_and_lands_on_the_page_asked_for(
    oidc_console: WebConsole, browser: webdriver.Chrome
) -> None:
    browser.get(f"{oidc_console.url}/vacancies")
    wait_for_path(browser, oidc_console, "/login")
    button = browser.find_element(By.ID, "oidc-org-login")
    assert button.text == "Sign in with Org Login"
    button.click()
    wait_for_path(browser, oidc_console, "/vacancies")
    assert browser.find_element(By.CSS_SELECTOR, "header .who").text == "olga (hr)"
    assert browser.find_element(By.ID, "logout").tag_name == "form"
