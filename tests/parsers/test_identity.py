"""Who wrote a text: phone and email keys, file-sharing links, names that can be one person's."""

from __future__ import annotations

import pytest

from parsers.identity.contacts import email_keys, phone_keys
from parsers.identity.links import sharing_links
from parsers.identity.names import same_name


def test_a_phone_written_internationally_and_nationally_gives_one_key() -> None:
    international = phone_keys("Tel.: +32 470 12 34 56 — born 12.03.1985, 1000 Brussels")
    national = phone_keys("GSM 0470/12.34.56")
    assert international == national == ("470123456",)


def test_dates_years_and_postcodes_are_not_phone_numbers() -> None:
    assert phone_keys("2015-2019: Customs officer, 1000 Brussels, 12.03.1985") == ()


def test_email_addresses_in_a_cv_are_lower_cased_without_trailing_dot() -> None:
    assert email_keys("Contact: Jean.Dupont@Mail.BE. Referee: a.b@c.org") == (
        "jean.dupont@mail.be",
        "a.b@c.org",
    )


def test_file_sharing_links_are_found_and_other_links_are_not() -> None:
    body = (
        "My CV: https://1drv.ms/b/s!AbC123. Letter <https://drive.google.com/file/d/9/view>, "
        "profile https://www.linkedin.com/in/someone, https://evil.example/onedrive.live.com"
    )
    assert sharing_links(body) == (
        ("OneDrive", "https://1drv.ms/b/s!AbC123"),
        ("Google Drive", "https://drive.google.com/file/d/9/view"),
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jean-Pierre DUPONT", "Dupont, Jean-Pierre"),
        ("J.-P. Dupont", "Jean Pierre Dupônt"),
        ("Mohamed Ali", "Mohammed Ali"),
        ("Nguyễn Thị Lan", "Lan NGUYEN THI"),
    ],
)
def test_one_persons_name_written_differently_agrees(first: str, second: str) -> None:
    assert same_name(first, second) is True


def test_two_given_names_on_one_family_name_differ_and_an_unknown_name_is_unknown() -> None:
    assert same_name("Jean Dupont", "Marie Dupont") is False
    assert same_name(None, "Marie Dupont") is None
