"""Fills a database with generated applications for the HR-commands benchmark, fast.

Each application is a real multipart message (a text body and two base64 attachments of
about 50 kB) stored straight through ``storage.repository.store_message``, as the pipeline
would store it: the raw message, the two documents with about 5 kB of extracted text each,
flags with evidence and an acknowledgement row. The message is assembled by hand rather than
with the ``email`` package, which would take most of the build time.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.charset import BASE64, Charset
from email.header import Header

from sqlalchemy.orm import Session, sessionmaker

from intake.rules.identity import name_key
from storage import records, repository
from storage.database import write_transaction
from storage.models import Message

#: A word found in the text of a few CVs only, for ``--search``.
RARE_WORD = "quipucamayoc"
RARE_EVERY = 1000  # one CV in this many holds RARE_WORD
RESUBMIT_EVERY = 250  # every this many-th application resubmits the one before (same sender)
DOCUMENT_BYTES = 50_000
TEXT_CHARACTERS = 5_000
AVERAGE_WORD = 9  # characters of a word of WORDS with its space
BASE64_LINE = 76
BATCH = 200  # applications per transaction
BOUNDARY = "=-=-benchmark-boundary-=-="
# Base64 encoded words: the email package's default weighs both encodings, which is slow.
HEADER_CHARSET = Charset("utf-8")
HEADER_CHARSET.header_encoding = BASE64
GIVEN = ("Maria", "Jan", "Élodie", "Kwame", "Ji-hoon", "Priya", "Lukas", "Fatou", "Omar", "Anna")
SURNAMES = (
    "Fernández", "de Vries", "Park", "Martin", "Dupont", "O'Brien", "Müller", "van der Berg",
    "Al-Mansouri", "Okonkwo", "Kowalska", "Nguyen", "Rossi", "Dlamini",
)  # fmt: skip
WORDS = (
    "customs", "risk", "management", "trade", "facilitation", "project", "capacity",
    "building", "officer", "regional", "programme", "implementation", "support", "reform",
    "border", "valuation", "tariff", "classification", "training", "experience", "team",
    "ministry", "finance", "audit", "procedures", "international", "cooperation", "data",
    "analysis", "policy", "years", "responsible", "coordinated", "developed", "led",
)  # fmt: skip


@dataclass(frozen=True)
class Vacancy:
    """A vacancy the generated applications answer, with its deadline (end of that day, UTC)."""

    reference: str
    title: str
    first_arrival: datetime
    deadline: datetime


@dataclass(frozen=True)
class Built:
    """What was stored: how many applications, the vacancies and the ids worth asking about."""

    applications: int
    per_vacancy: dict[str, int]
    erase_address: str
    shown_id: int


def build(
    sessions: sessionmaker[Session], count: int, vacancies: list[tuple[Vacancy, int]]
) -> Built:
    """Store ``count`` applications; ``vacancies`` gives each vacancy's share, in order (the
    last one takes the rest)."""
    plan = _vacancy_plan(count, vacancies)
    rng = random.Random(7)
    ids: list[int] = []
    shown_id = 0
    for start in range(0, count, BATCH):
        with write_transaction(sessions) as session:
            for index in range(start, min(start + BATCH, count)):
                vacancy, position, size = plan[index]
                previous = ids[-1] if _resubmits(index) else None
                record = message_record(index, vacancy, position / size, previous, rng)
                result = repository.store_message(session, record)
                ids.append(_application_id(session, result.message_pk))
                if record.application and len(record.application.flags) >= 2 and not shown_id:
                    shown_id = ids[-1]
    per_vacancy = {vacancy.reference: share for vacancy, share in _shares(count, vacancies)}
    return Built(count, per_vacancy, sender_of(RESUBMIT_EVERY), shown_id or ids[0])


def _vacancy_plan(
    count: int, vacancies: list[tuple[Vacancy, int]]
) -> list[tuple[Vacancy, int, int]]:
    """For each application in order: its vacancy, its place among that vacancy's, their count."""
    plan: list[tuple[Vacancy, int, int]] = []
    for vacancy, share in _shares(count, vacancies):
        plan.extend((vacancy, position, share) for position in range(share))
    return plan


def _shares(count: int, vacancies: list[tuple[Vacancy, int]]) -> Iterator[tuple[Vacancy, int]]:
    left = count
    for number, (vacancy, share) in enumerate(vacancies):
        taken = left if number == len(vacancies) - 1 else min(share, left)
        yield vacancy, taken
        left -= taken


def _resubmits(index: int) -> bool:
    return index > 0 and index % RESUBMIT_EVERY == 0


def _application_id(session: Session, message_pk: int) -> int:
    application = session.get_one(Message, message_pk).application
    assert application is not None
    return application.id


def sender_of(index: int) -> str:
    """The address of application ``index``; a resubmission reuses its predecessor's."""
    return f"candidate{index - 1 if _resubmits(index) else index}@example.com"


def candidate_name(index: int) -> str:
    """A generated full name, the surname in capitals as many subjects write it."""
    person = index - 1 if _resubmits(index) else index
    surname = SURNAMES[person % len(SURNAMES)]
    return f"{GIVEN[person // len(SURNAMES) % len(GIVEN)]} {surname.upper()} {person}"


def message_record(
    index: int, vacancy: Vacancy, progress: float, previous: int | None, rng: random.Random
) -> records.MessageRecord:
    """Application ``index`` to ``vacancy``, received ``progress`` (0..1) of the way from its
    first arrival to two days past its deadline."""
    span = vacancy.deadline + timedelta(days=2) - vacancy.first_arrival
    received = vacancy.first_arrival + span * progress
    name = candidate_name(index)
    sender = sender_of(index)
    subject = f"Application – {vacancy.title} – {name}"
    body = "Dear Sir or Madam,\n\nPlease find attached my CV and motivation letter.\n\n" + name
    documents = (
        _document(f"CV_{index}.pdf", "cv", rng, rare=index % RARE_EVERY == 7),
        _document(f"Letter_{index}.pdf", "motivation_letter", rng),
    )
    raw = raw_message(index, sender, name, subject, received, body, documents)
    digest = hashlib.sha256(raw).hexdigest()
    late = received > vacancy.deadline
    application = records.ApplicationRecord(
        sender=sender,
        sender_name=name,
        subject=subject,
        body_text=body,
        vacancy=vacancy.reference,
        candidate_name=name,
        subject_valid=index % 53 != 5,
        late=late,
        relatives="declared" if index % 97 == 3 else "none",
        relatives_evidence="My brother works at the WCO." if index % 97 == 3 else None,
        has_cv=True,
        has_letter=True,
        sender_key=sender,
        name_key=name_key(name),
        previous_application_id=previous,
        documents=documents,
        flags=flags(index, late, previous),
        acknowledgement=records.AcknowledgementRecord(
            status=("sent", "sent", "pending", "failed")[index % 4], recipient=sender
        ),
    )
    return records.MessageRecord(
        key=records.MessageKey("benchmark", "INBOX", 1, str(index + 1)),
        raw=raw,
        sha256=digest,
        content_hash=digest,
        received_at=received,
        disposition="application",
        message_id=f"<bench-{index}@example.com>",
        sender=sender,
        sender_name=name,
        subject=subject,
        application=application,
    )


def flags(index: int, late: bool, previous: int | None) -> tuple[records.FlagRecord, ...]:
    """A few flags, each with the evidence HR reads."""
    chosen = (
        ("late", "received 1 day after the deadline", late),
        ("subject_invalid", "no vacancy in the subject", index % 53 == 5),
        ("relative_declared", "My brother works at the WCO.", index % 97 == 3),
        ("possible_relative", "surname matches staff member row 12", index % 37 == 1),
        ("date_mismatch", "Date header 30 hours before receipt", index % 23 == 2),
        ("not_in_required_language", "letter in de", index % 41 == 4),
        ("resubmission", f"resubmits application {previous}", previous is not None),
    )
    return tuple(records.FlagRecord(code, evidence) for code, evidence, on in chosen if on)


def _document(
    filename: str, kind: str, rng: random.Random, *, rare: bool = False
) -> records.DocumentRecord:
    """About 50 kB of PDF-like bytes (distinct for each document) and ~5 kB of text."""
    content = b"%PDF-1.4\n" + rng.randbytes(DOCUMENT_BYTES)
    words = rng.choices(WORDS, k=TEXT_CHARACTERS // AVERAGE_WORD)
    if rare:
        words[len(words) // 2] = RARE_WORD
    return records.DocumentRecord(
        filename=filename,
        content_type="application/pdf",
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        kind=kind,
        status="ok",
        language="en",
        pages=2,
        text=" ".join(words),
    )


def raw_message(
    index: int,
    sender: str,
    name: str,
    subject: str,
    received: datetime,
    body: str,
    documents: tuple[records.DocumentRecord, ...],
) -> bytes:
    """A multipart/mixed message: the body as 8-bit UTF-8 text, each document in base64."""
    headers = [
        f"From: {email.utils.formataddr((name, sender))}",
        "To: recruitment@example.org",
        f"Subject: {Header(subject, HEADER_CHARSET).encode()}",
        f"Date: {email.utils.format_datetime(received.astimezone(UTC))}",
        f"Message-ID: <bench-{index}@example.com>",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed; boundary="{BOUNDARY}"',
    ]
    parts = [
        'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
        + body.replace("\n", "\r\n")
    ]
    parts.extend(
        f"Content-Type: {doc.content_type}\r\n"
        f'Content-Disposition: attachment; filename="{doc.filename}"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n" + _base64_lines(doc.content)
        for doc in documents
    )
    text = "\r\n".join(headers) + "\r\n\r\n"
    text += "".join(f"--{BOUNDARY}\r\n{part}\r\n" for part in parts) + f"--{BOUNDARY}--\r\n"
    return text.encode("utf-8")


def _base64_lines(content: bytes) -> str:
    """``content`` in base64, in lines of 76 characters ended by CRLF."""
    encoded = base64.b64encode(content).decode("ascii")
    return "".join(
        encoded[start : start + BASE64_LINE] + "\r\n"
        for start in range(0, len(encoded), BASE64_LINE)
    )
