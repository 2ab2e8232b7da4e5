"""Every real-world message of the shared corpus parses (or fails cleanly) and classifies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parsers.disposition import classify
from parsers.errors import MessageParseError
from parsers.message import parse_message
from parsers.model import Disposition, ParsedMessage

CORPUS_EML = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "eml"
PARSER_DISPOSITIONS = {
    Disposition.APPLICATION,
    Disposition.ENQUIRY,
    Disposition.AUTO_REPLY,
    Disposition.BOUNCE,
    Disposition.BULK,
}


def corpus_files() -> list[Path]:
    if not CORPUS_EML.is_dir():
        return []
    return sorted(path for path in CORPUS_EML.rglob("*") if path.is_file())


def test_corpus_is_present() -> None:
    if CORPUS_EML.is_dir() and corpus_files():
        return
    message = f"message corpus not found at {CORPUS_EML} (the shared/ folder beside the repo)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: str(path.relative_to(CORPUS_EML)))
def test_corpus_message_parses_or_raises_message_parse_error_and_classifies(path: Path) -> None:
    try:
        parsed = parse_message(path.read_bytes())
    except MessageParseError:
        return
    assert isinstance(parsed, ParsedMessage)
    assert classify(parsed) in PARSER_DISPOSITIONS
