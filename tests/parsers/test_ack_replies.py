"""Replies to our acknowledgement: known by the threading headers or by the quoted text of the
acknowledgement as it is sent today; without a document they are enquiries."""

from __future__ import annotations

import dataclasses
from email.message import EmailMessage

import pytest

from intake.acks.compose import compose_acknowledgement
from parsers.disposition import classify_with_reason
from parsers.message import parse_message
from parsers.model import Disposition
from tests import candidate_files, messages
from tests.acks.test_compose import COMPLETE, NOW, SETTINGS


def _sent_text(language: str) -> str:
    """The text of an acknowledgement of a letter-less application, as we send it now."""
    content = dataclasses.replace(COMPLETE, language=language, flags=frozenset({"letter_missing"}))
    part = compose_acknowledgement(content, SETTINGS, NOW).get_body(("plain",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


Files = tuple[tuple[str, str, bytes], ...]


def _reply(language: str, own: str, *, threaded: bool, attachments: Files = ()) -> bytes:
    quoted = "\n".join(f"> {line}" for line in _sent_text(language).splitlines())
    headers = (("In-Reply-To", COMPLETE.outbound_message_id),) if threaded else ()
    return messages.application(
        subject=f"Re: {COMPLETE.original_subject}",
        body=f"{own}\n\nOn Tue, 21 Oct 2025, WCO Recruitment wrote:\n{quoted}",
        attachments=attachments,
        extra_headers=headers,
    )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("threaded", [True, False])
def test_a_question_in_reply_to_our_acknowledgement_is_an_enquiry(
    language: str, threaded: bool
) -> None:
    raw = _reply(language, "Could the deadline be extended by a week for me?", threaded=threaded)
    disposition, reason = classify_with_reason(parse_message(raw))
    assert (disposition, reason) == (Disposition.ENQUIRY, "reply_to_our_acknowledgement")


def test_a_reply_carrying_the_letter_is_an_application() -> None:
    letter = ("Lettre.docx", "application/octet-stream", candidate_files.letter_docx())
    raw = _reply("fr", "Voici ma lettre.", threaded=True, attachments=(letter,))
    assert classify_with_reason(parse_message(raw))[0] is Disposition.APPLICATION
