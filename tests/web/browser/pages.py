"""What a user does in the console's pages (by their element ids and field names)."""

from __future__ import annotations

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from tests.web.browser.seed import PASSWORD, User
from tests.web_process import WebConsole

WAIT = 15.0


def wait_for_path(browser: webdriver.Chrome, console: WebConsole, path: str) -> None:
    """Wait until the browser shows ``path`` (query string aside) of the console."""
    WebDriverWait(browser, WAIT).until(
        lambda driver: driver.current_url.split("?")[0] == f"{console.url}{path}",
        f"never reached {path}",
    )


def sign_in(browser: webdriver.Chrome, console: WebConsole, user: User) -> None:
    """Fill in and send the login form as ``user``; wait for the candidates page."""
    browser.get(f"{console.url}/login")
    fill_login(browser, user.name, PASSWORD)
    wait_for_path(browser, console, "/candidates")


def send_form(browser: webdriver.Chrome, form: WebElement) -> None:
    """Click the form's submit button and wait until the page it was on is gone."""
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(lambda _driver: _is_gone(form))


def _is_gone(element: WebElement) -> bool:
    """Whether the page holding ``element`` has been replaced.

    Asked while the next page replaces it, chromedriver sometimes answers "Node with given id
    does not belong to the document" (a generic WebDriverException) instead of a stale
    element: both mean the old page is gone.
    """
    try:
        return bool(expected_conditions.staleness_of(element)(None))
    except WebDriverException as exc:
        if "does not belong to the document" in str(exc):
            return True
        raise


def fill_login(browser: webdriver.Chrome, name: str, password: str) -> None:
    """Type ``name`` and ``password`` into form#login and send it."""
    form = browser.find_element(By.ID, "login")
    form.find_element(By.NAME, "username").send_keys(name)
    form.find_element(By.NAME, "password").send_keys(password)
    send_form(browser, form)


def candidate_names(browser: webdriver.Chrome) -> dict[int, str]:
    """The rows of table#candidates: candidate id -> the text of its name link."""
    rows = browser.find_elements(By.CSS_SELECTOR, "table#candidates tr[data-candidate-id]")
    return {
        int(row.get_attribute("data-candidate-id") or 0): row.find_element(
            By.CSS_SELECTOR, "a[href^='/candidates/']"
        ).text
        for row in rows
    }


def filter_candidates(browser: webdriver.Chrome, **choices: str) -> None:
    """Set ``choices`` (field name -> value: an option of a select, the text of an input) in
    form#filters and send it."""
    form = browser.find_element(By.ID, "filters")
    for name, value in choices.items():
        field = form.find_element(By.NAME, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)
    send_form(browser, form)


def open_candidate(browser: webdriver.Chrome, name: str) -> int:
    """Click the candidate whose name link reads ``name``; its id."""
    link = browser.find_element(By.LINK_TEXT, name)
    href = link.get_attribute("href") or ""
    link.click()
    WebDriverWait(browser, WAIT).until(lambda driver: driver.current_url == href)
    return int(href.rsplit("/", 1)[1])


def decide(browser: webdriver.Chrome, decision: str, note: str) -> None:
    """Choose ``decision``, write ``note`` in form#decide, send it and wait for the next page."""
    form = browser.find_element(By.ID, "decide")
    Select(form.find_element(By.NAME, "decision")).select_by_value(decision)
    form.find_element(By.NAME, "note").send_keys(note)
    send_form(browser, form)
