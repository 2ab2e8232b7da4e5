"""What a panel user may see, hostile candidate text shown as text, and no CSP refusal."""

from __future__ import annotations

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from tests.chromium import console_errors, csp_violations
from tests.web.browser.pages import candidate_names, open_candidate, sign_in
from tests.web.browser.seed import HOSTILE, HR, PANEL
from tests.web_process import WebConsole

pytestmark = pytest.mark.browser
#: The main pages and an element each must have (the ids docs/web.md says the tests rely on).
MAIN_PAGES = {
    "/vacancies": "table#vacancies tr[data-vacancy]",
    "/candidates": "table#candidates tr[data-candidate-id]",
    "/candidates/1": "form#decide",
    "/quarantine": "table#quarantine",
    "/enquiries": "table#enquiries",
    "/status": "dl#status",
}


def test_the_panel_user_sees_only_its_vacancys_candidates_and_cannot_decide(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    sign_in(browser, console, PANEL)
    names = candidate_names(browser)
    assert "Amina DIALLO" in names.values()
    assert not {"Maria FERNÁNDEZ", "John SMITH"} & set(names.values())
    assert len(names) == 2
    assert browser.find_elements(By.ID, "export-csv") == []  # a panel may not export
    open_candidate(browser, "Amina DIALLO")
    assert "Amina DIALLO" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.ID, "decide") == []  # a panel reads, never decides
    browser.get(f"{console.url}/candidates/1")  # Maria, for the director's post
    assert "Maria" not in browser.find_element(By.TAG_NAME, "body").text
    assert browser.find_elements(By.ID, "decide") == []


def test_the_hostile_name_shows_as_text_and_injects_nothing(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    sign_in(browser, console, HR)
    browser.get(f"{console.url}/candidates/4")
    assert HOSTILE in browser.find_element(By.TAG_NAME, "body").text
    assert browser.execute_script("return document.querySelectorAll('img[onerror]').length") == 0
    assert browser.execute_script("return document.querySelectorAll('img[src=x]').length") == 0
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    browser.get(f"{console.url}/candidates")
    assert browser.execute_script("return document.querySelectorAll('img[onerror]').length") == 0


def test_the_main_pages_show_their_contract_elements_and_raise_no_csp_violation(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    browser.get(f"{console.url}/login")
    seen = console_errors(browser)
    sign_in(browser, console, HR)
    for path, element in MAIN_PAGES.items():
        browser.get(f"{console.url}{path}")
        assert browser.find_elements(By.CSS_SELECTOR, element), (path, element)
        seen += console_errors(browser)
    assert csp_violations(seen) == []


def test_the_arrivals_chart_loads_as_an_image_under_the_policy(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    sign_in(browser, console, HR)
    browser.get(f"{console.url}/vacancies")
    chart = browser.find_element(By.CSS_SELECTOR, "img#chart")
    loaded = browser.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth", chart
    )
    assert loaded > 0
    assert csp_violations(console_errors(browser)) == []
