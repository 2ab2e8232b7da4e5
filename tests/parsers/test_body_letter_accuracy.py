"""Every hand-labelled email body of tests/data/body_letters.toml is judged as labelled."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from parsers.documents.letter import body_is_letter

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "body_letters.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_labelled_body_is_judged_a_letter_or_not_as_labelled(case: dict[str, Any]) -> None:
    reading = body_is_letter(case["body"].strip())
    assert reading.is_letter is case["letter"], reading.reason


def test_labelled_bodies_hold_letters_and_non_letters_in_english_and_french() -> None:
    labels = " ".join(case["label"] for case in CASES)
    assert {case["letter"] for case in CASES} == {True, False}
    assert "French" in labels and "English" in labels
