"""bars/14-candidate-facing: what a candidate receives, through the real pipeline and a real
SMTP server. A French application is answered in French with the French names; a missing
letter is named with its deadline (date, time, zone); the acknowledgement decodes cleanly and
threads; a reply to it without documents is an enquiry that gets nothing, and a reply carrying
the letter completes the application and gets one short note saying so."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import select

from intake.config.runtime import Runtime
from intake.config.settings import Config
from intake.hr.candidates.detail import candidate_lines
from intake.hr.enquiries import enquiry_dicts
from intake.mailbox.fake import FakeMailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from parsers.model import Disposition
from storage.candidate_models import Candidate
from storage.models import Message
from tests import candidate_files, messages
from tests.acks.test_delivery import FRENCH_LETTER, only_one
from tests.configs import VACANCIES, make_config
from tests.documents import docx_bytes
from tests.smtp import (
    SENDER,
    SMTP_ENVIRON,
    OpenRuntimes,
    SmtpServer,
    open_runtimes,
    outbox_rows,
    smtp_server,
)

__all__ = ["open_runtimes", "smtp_server"]

ON_TIME = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
LATER = datetime(2025, 10, 22, 9, 0, tzinfo=UTC)
FRENCH_TITLE = "Directeur adjoint, Appui à la mise en œuvre"
FRENCH_NAME = "Organisation mondiale des douanes"
# The acknowledgements go out now: the deadline must be ahead for the invitation to show.
DEADLINE_FR = "30 juin 2099 à 23:59:59 (Europe/Brussels, UTC+02:00)"
SUBJECT = f"Candidature – {FRENCH_TITLE} – Maria FERNÁNDEZ"
CV = ("CV Maria Fernandez.pdf", "application/pdf", candidate_files.cv_pdf())
LETTER = ("Lettre de motivation.docx", "application/octet-stream", docx_bytes(FRENCH_LETTER))


def _config(tmp_path: Path, url: str, server: SmtpServer) -> Config:
    """The test config with French names for the organisation and the first vacancy."""
    organisation: dict[str, object] = {
        "name": "World Customs Organization",
        "timezone": "Europe/Brussels",
        "names": {"fr": FRENCH_NAME},
    }
    acks = {"transport": "smtp", "sender": SENDER, "max_age_days": 0}
    vacancy = {**VACANCIES[0], "titles": {"fr": FRENCH_TITLE}, "deadline": "2099-06-30"}
    vacancies = [vacancy, VACANCIES[1]]
    overrides: dict[str, dict[str, object]] = {
        "organisation": organisation,
        "acknowledgements": acks,
        "smtp": server.config(),
    }
    return make_config(tmp_path, url, overrides, environ=SMTP_ENVIRON, vacancies=vacancies)


def _french(attachments: tuple[tuple[str, str, bytes], ...], **changes: object) -> bytes:
    fields: dict[str, object] = {
        "sender": "Maria Fernández <maria.fernandez@example.com>",
        "subject": SUBJECT,
        "body": "Madame, Monsieur,\n\nVeuillez trouver ci-joint ma candidature au poste.\n\nMaria",
        "attachments": attachments,
        "message_id": "<first.1@example.com>",
        **changes,
    }
    return messages.application(**fields)  # type: ignore[arg-type]


def _reply_to(
    ack: EmailMessage, body: str, attachments: tuple[tuple[str, str, bytes], ...]
) -> bytes:
    """The candidate's reply to our acknowledgement, quoting it as mail programs do."""
    quoted = "\n".join(f"> {line}" for line in _text(ack).splitlines())
    ack_id = str(ack["Message-ID"])
    return messages.application(
        subject=f"RE: {ack['Subject']}",
        body=f"{body}\n\nLe 20 oct. 2025, WCO Recruitment a écrit :\n{quoted}",
        attachments=attachments,
        message_id=email.utils.make_msgid(domain="example.com"),
        extra_headers=(("In-Reply-To", ack_id), ("References", f"<first.1@example.com> {ack_id}")),
    )


class _Inbox:
    """One mailbox polled again after each arrival, as the daemon does."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.mailbox = FakeMailbox()

    def deliver(self, raw: bytes, received_at: datetime) -> None:
        self.mailbox.append(raw, received_at)
        report = poll_once(
            self.runtime.config, self.runtime.sessions, self.mailbox, progress=Progress(live=False)
        )
        assert report.ok, report.error


def _acknowledged(runtime: Runtime, server: SmtpServer) -> tuple[_Inbox, EmailMessage]:
    """The inbox after a French application with a CV and no letter, and our answer to it."""
    inbox = _Inbox(runtime)
    inbox.deliver(_french((CV,)), ON_TIME)
    return inbox, only_one(server).message


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


def test_a_french_application_without_a_letter_is_answered_in_french_and_told_until_when(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(_config(tmp_path, sqlite_url, smtp_server))
    _inbox, ack = _acknowledged(runtime, smtp_server)
    text = _text(ack)
    assert f"Poste : {FRENCH_TITLE} (WCO/2025/DD-IS)" in text
    assert f"{FRENCH_NAME} l'a reçue le 20 octobre 2025 à 10:00:00" in text
    assert "Deputy Director" not in text and "World Customs" not in text
    assert "il manque votre lettre de motivation" in text
    assert f"Si vous répondez à ce message avant le {DEADLINE_FR} en joignant votre lettre" in text
    # Decodes cleanly and threads under the candidate's message.
    plain = ack.get_body(preferencelist=("plain",))
    assert plain is not None and plain.get_content_charset() == "utf-8"
    assert "=C3" not in text and "\ufffd" not in text
    assert ack["Subject"] == f"Re: {SUBJECT}"
    assert ack["In-Reply-To"] == "<first.1@example.com>"
    assert ack["References"] == "<first.1@example.com>"


def test_a_reply_without_documents_is_an_enquiry_and_gets_nothing(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(_config(tmp_path, sqlite_url, smtp_server))
    inbox, ack = _acknowledged(runtime, smtp_server)
    question = _reply_to(ack, "Merci. La date limite peut-elle être prolongée ?", ())
    inbox.deliver(question, LATER)
    assert len(smtp_server.received) == 1
    assert len(outbox_rows(runtime.sessions)) == 1
    with runtime.sessions() as session:
        dispositions = session.scalars(select(Message.disposition).order_by(Message.id)).all()
    assert dispositions == [Disposition.APPLICATION, Disposition.ENQUIRY]
    # Attached to the candidate: in the enquiries listing and on the candidate's screen.
    with runtime.sessions() as session:
        (candidate_id,) = session.scalars(select(Candidate.id)).all()
        (listed,) = enquiry_dicts(session, runtime.config.organisation.timezone)
        screen = candidate_lines(session, candidate_id, runtime.config)
    assert listed["candidate"] == candidate_id
    assert screen is not None
    assert "Questions in reply (enquiries, not applications):" in screen
    assert "    Merci. La date limite peut-elle être prolongée ?" in screen


def test_a_reply_carrying_the_letter_completes_the_application_with_one_short_note(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    runtime = open_runtimes(_config(tmp_path, sqlite_url, smtp_server))
    inbox, ack = _acknowledged(runtime, smtp_server)
    reply = _reply_to(ack, "Veuillez trouver ma lettre de motivation ci-jointe.", (LETTER,))
    inbox.deliver(reply, LATER)
    assert len(smtp_server.received) == 2
    note = smtp_server.received[1].message
    text = _text(note)
    assert (
        f"Votre candidature au poste {FRENCH_TITLE} (WCO/2025/DD-IS) est désormais complète" in text
    )
    assert "il manque" not in text
    assert note["In-Reply-To"] != ack["Message-ID"]
    assert str(note["Subject"]).startswith("RE: Re: ")
    with runtime.sessions() as session:
        candidates = session.scalars(select(Candidate)).all()
    assert [(c.complete, c.has_cv, c.has_letter) for c in candidates] == [(True, True, True)]
    inbox.deliver(_reply_to(ack, "Et voici une seconde copie.", (LETTER,)), LATER)
    assert len(smtp_server.received) == 2  # complete already: no second note
    assert [row.status for row in outbox_rows(runtime.sessions)] == ["sent", "sent", "suppressed"]
