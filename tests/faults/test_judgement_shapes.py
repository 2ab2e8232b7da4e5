"""Real shapes the judgement missed: a client re-sending the same message with a new Date and
MIME boundary, a French relatives declaration, and a short motivation letter in the body."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests import candidate_files, messages
from tests.faults.conftest import Figures, MakeRig
from tests.faults.letters import candidate, deliver
from tests.faults.mail_server import acks_per_recipient

pytestmark = [pytest.mark.faults, pytest.mark.imap, pytest.mark.postgres]

TAG = "shapes"
SUBJECT = "Application – Deputy Director, Implementation Support – {}"
CV = (("CV.pdf", "application/pdf", candidate_files.cv_pdf()),)
FRENCH = (
    "Madame, Monsieur,\n\nVeuillez trouver ci-joint mon CV et ma lettre de motivation.\n\n"
    "Je déclare que mon frère est employé par l'Organisation mondiale des douanes.\n\nJean"
)
# 76 words: addressed to the organisation, about the post, the candidate's motivation.
LETTER = (
    "Dear Members of the Selection Panel,\n\nI am writing to apply for the post of Deputy "
    "Director, Implementation Support at the World Customs Organization. For twelve years I "
    "have led customs modernisation projects in West Africa, building risk management units "
    "and training two hundred officers. I want to bring this field experience to the WCO and "
    "help Members turn its standards into daily practice at their borders. I would welcome "
    "an interview.\n\nYours faithfully,\nAmina Diallo"
)


def shaped(index: int, name: str, **fields: Any) -> bytes:
    """Candidate ``index``'s application, named ``name`` in the subject."""
    return messages.application(
        sender=f"{name} <{candidate(TAG, index)}>",
        subject=SUBJECT.format(name),
        message_id=f"<{TAG}-{index}@candidates.example.com>",
        **fields,
    )


def shapes() -> list[bytes]:
    """The original and its re-send, the French declaration, the letter in the body."""
    resent = messages.DEFAULT_DATE + timedelta(hours=3)  # a new Date, so a new boundary too
    return [
        shaped(0, "Ana LIMA", attachments=CV),
        shaped(0, "Ana LIMA", attachments=CV, date=resent),
        shaped(1, "Jean MARTIN", body=FRENCH),
        shaped(2, "Amina DIALLO", body=LETTER, attachments=CV),
    ]


def test_a_resend_is_one_application_and_french_and_short_letters_are_read(
    make_rig: MakeRig, postgres_url: str, record_figures: Figures
) -> None:
    rig = make_rig(postgres_url)
    deliver(rig.dovecot, shapes())
    code, output = rig.run("poll")
    assert code == 0, output
    applications = {row["message_id"]: row for row in rig.listing("applications")}
    resent = [
        row for row in rig.listing("applications") if row["sender"].endswith(candidate(TAG, 0))
    ]
    french = applications.get(f"<{TAG}-1@candidates.example.com>", {})
    letter = applications.get(f"<{TAG}-2@candidates.example.com>", {})
    figures = {
        "resend_applications": len(resent),
        "resend_acks": acks_per_recipient(rig.smtp)[candidate(TAG, 0)],
        "french_relatives": french.get("relatives"),
        "short_letter_flagged_missing": "letter_missing" in letter.get("flags", ["?"]),
    }
    record_figures("judgement_shapes", **figures)
    assert figures["resend_applications"] == figures["resend_acks"] == 1, figures
    assert figures["french_relatives"] == "declared", figures
    assert not figures["short_letter_flagged_missing"], figures
