"""HR in a real Chromium: filters the candidates, opens one, decides, downloads the CV."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from tests.chromium import wait_for_download
from tests.web.browser.pages import (
    candidate_names,
    decide,
    filter_candidates,
    open_candidate,
    sign_in,
    wait_for_path,
)
from tests.web.browser.seed import DIRECTOR, HEAD_OF_UNIT, HR, MARIA_CV
from tests.web_process import WebConsole

pytestmark = pytest.mark.browser


def test_filters_by_vacancy_and_by_complete_narrow_the_table(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    sign_in(browser, console, HR)
    filter_candidates(browser, vacancy=DIRECTOR)
    assert sorted(candidate_names(browser).values()) == ["John SMITH", "Maria FERNÁNDEZ"]
    assert f"vacancy={DIRECTOR.replace('/', '%2F')}" in browser.current_url
    filter_candidates(browser, complete="no")
    assert list(candidate_names(browser).values()) == ["John SMITH"]
    filter_candidates(browser, vacancy=HEAD_OF_UNIT, complete="yes")
    assert "Amina DIALLO" in candidate_names(browser).values()
    assert len(candidate_names(browser)) == 2
    filter_candidates(browser, q="diallo")
    assert list(candidate_names(browser).values()) == ["Amina DIALLO"]


def test_the_csv_export_downloads_what_the_filter_shows(
    console: WebConsole, browser: webdriver.Chrome, downloads: Path
) -> None:
    sign_in(browser, console, HR)
    filter_candidates(browser, complete="no")
    browser.find_element(By.ID, "export-csv").click()
    saved = wait_for_download(downloads)
    assert saved.suffix == ".csv"
    text = saved.read_bytes().decode("utf-8-sig")
    assert "John SMITH" in text
    assert "Maria FERNÁNDEZ" not in text and "Amina DIALLO" not in text


def test_a_decision_with_a_note_shows_in_the_history(
    console: WebConsole, browser: webdriver.Chrome
) -> None:
    sign_in(browser, console, HR)
    number = open_candidate(browser, "John SMITH")
    assert "John SMITH" in browser.find_element(By.TAG_NAME, "h1").text
    decide(browser, "shortlisted", "Strong field experience; call in week 44")
    wait_for_path(browser, console, f"/candidates/{number}")
    newest = browser.find_element(By.CSS_SELECTOR, "ol#decisions li")
    assert "shortlisted" in newest.text
    assert "Strong field experience; call in week 44" in newest.text


def test_the_cv_text_unfolds_and_the_cv_downloads_with_its_bytes(
    console: WebConsole, browser: webdriver.Chrome, downloads: Path
) -> None:
    sign_in(browser, console, HR)
    open_candidate(browser, "Maria FERNÁNDEZ")
    links = browser.find_elements(By.CSS_SELECTOR, "section#documents a.download")
    assert len(links) == 2
    preview = browser.find_element(By.CSS_SELECTOR, "section#documents details")
    assert "Senior customs adviser" not in preview.text  # folded until opened
    preview.find_element(By.TAG_NAME, "summary").click()
    assert "Senior customs adviser" in preview.text
    [cv] = [link for link in links if "CV.pdf" in link.text]
    cv.click()
    saved = wait_for_download(downloads)
    assert saved.suffix == ".pdf"
    assert saved.read_bytes() == MARIA_CV
    assert browser.current_url.startswith(f"{console.url}/candidates/")
