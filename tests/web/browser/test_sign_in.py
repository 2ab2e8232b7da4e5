"""Signing in to ``intake web`` in a real Chromium, and being sent to the login page without."""

from __future__ import annotations

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

from tests.web.browser.pages import WAIT, candidate_names, fill_login, sign_in, wait_for_path
from tests.web.browser.seed import HR, PASSWORD
from tests.web_process import WebConsole

pytestmark = pytest.mark.browser


def test_hr_signs_in_through_the_form_and_sees_every_candidate(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    browser.get(f"{console.url}/login")
    csrf = browser.find_element(By.CSS_SELECTOR, "form#login input[name=csrf_token]")
    assert csrf.get_attribute("type") == "hidden" and csrf.get_attribute("value")
    sign_in(browser, console, HR)
    names = candidate_names(browser)
    assert len(names) == 4
    assert {"Maria FERNÁNDEZ", "John SMITH", "Amina DIALLO"} <= set(names.values())
    assert browser.find_element(By.ID, "logout").tag_name == "form"


def test_a_wrong_password_shows_the_form_again_with_an_error(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    browser.get(f"{console.url}/login")
    fill_login(browser, HR.name, "not the password")
    error = browser.find_element(By.CSS_SELECTOR, ".error")
    assert error.text.strip()
    assert browser.find_element(By.ID, "login").is_displayed()
    assert browser.find_elements(By.ID, "candidates") == []


def test_an_anonymous_browser_is_sent_to_the_login_page(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    browser.get(f"{console.url}/candidates/1")
    wait_for_path(browser, console, "/login")
    assert "next=" in browser.current_url
    assert browser.find_elements(By.ID, "decide") == []
    fill_login(browser, HR.name, PASSWORD)
    wait_for_path(browser, console, "/candidates/1")


def test_signing_out_ends_the_session(console: WebConsole, browser: webdriver.Chrome) -> None:
    sign_in(browser, console, HR)
    logout = browser.find_element(By.ID, "logout")
    logout.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(browser, WAIT).until(expected_conditions.staleness_of(logout))
    wait_for_path(browser, console, "/login")
    browser.get(f"{console.url}/candidates")
    wait_for_path(browser, console, "/login")
