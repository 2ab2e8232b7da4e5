"""Builds an application's record: its documents read and classified, its subject, its flags."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from intake.acks.compose import available_languages, pick_language
from intake.acks.outgoing import compose_settings
from intake.acks.policy import initial_acknowledgement
from intake.config.deadlines import deadline_of
from intake.config.settings import Config, VacancyConfig
from intake.poll.attachments import AttachmentReader, PendingDocument, read_document
from intake.poll.extraction import Extractor
from intake.poll.storable import clean, header_field, optional_text
from intake.rules.facts import Facts, ReadDocument
from intake.rules.identity import CandidateHistory, name_key, name_proof, sender_key
from intake.rules.relatives import RelativesChecker
from intake.rules.table import judge
from parsers.documents.language import detect_language
from parsers.documents.letter import body_is_letter
from parsers.model import Attachment, ParsedMessage
from parsers.subject import SubjectReader, VacancyTerms
from storage.records import ApplicationRecord, FlagRecord, NameProof


@dataclass(frozen=True)
class Arrival:
    """How the message arrived: the server's receipt time, its size, whether it was cut."""

    received_at: datetime
    size: int
    truncated: bool


@dataclass(frozen=True)
class _CandidateKeys:
    """Who sent an application, compared across messages."""

    sender: str | None
    name: str | None

    @classmethod
    def of(cls, facts: Facts) -> _CandidateKeys:
        name = facts.subject.candidate_name or facts.message.sender_name
        return cls(sender_key(header_field(facts.message.sender)), name_key(name))


class ApplicationBuilder:
    """Reads, classifies and judges applications for one config."""

    def __init__(self, config: Config, extractor: Extractor) -> None:
        self._config = config
        self._attachments = AttachmentReader(config.limits, extractor)
        self._subjects = SubjectReader(
            [VacancyTerms(v.reference, v.title, v.other_titles) for v in config.vacancies]
        )
        self._vacancies = {vacancy.reference: vacancy for vacancy in config.vacancies}
        self._relatives = RelativesChecker(config.organisation)
        self._ack_languages = available_languages(compose_settings(config))

    def start_documents(self, attachments: Iterable[Attachment]) -> tuple[PendingDocument, ...]:
        """Hand every attachment within the limits to the extractor."""
        return self._attachments.start(attachments)

    def build(
        self,
        parsed: ParsedMessage,
        arrival: Arrival,
        pending: tuple[PendingDocument, ...],
        history: CandidateHistory,
    ) -> ApplicationRecord:
        """Wait for the documents, then read the subject, find the vacancy and judge."""
        facts = self._facts(parsed, arrival, tuple(read_document(doc) for doc in pending))
        keys = _CandidateKeys.of(facts)
        if facts.vacancy is not None:
            earlier = history.earlier_applications(
                facts.vacancy.reference,
                keys.sender,
                keys.name,
                arrival.received_at,
                _proof(facts, keys.sender),
            )
            facts = replace(facts, earlier=earlier)
        return self._record(facts, keys, judge(facts, self._config))

    def _facts(
        self, parsed: ParsedMessage, arrival: Arrival, documents: tuple[ReadDocument, ...]
    ) -> Facts:
        """Everything the rules look at, but the candidate's history."""
        body_letter = body_is_letter(parsed.body_text)
        subject = self._subjects.read(parsed.subject)
        vacancy, source = self._find_vacancy(subject.vacancy, parsed.body_text, documents)
        organisation = self._config.organisation
        return Facts(
            message=parsed,
            message_size=arrival.size,
            truncated=arrival.truncated,
            documents=documents,
            subject=subject,
            vacancy=vacancy,
            vacancy_source=source,
            body_letter=body_letter,
            received_at=arrival.received_at,
            body_language=detect_language(parsed.body_text) if body_letter.is_letter else None,
            deadline=deadline_of(vacancy, organisation) if vacancy else None,
            relatives=self._relatives.declaration(parsed.body_text, documents),
            staff_matches=self._relatives.staff_matches(
                (subject.candidate_name, parsed.sender_name)
            ),
        )

    def _record(
        self, facts: Facts, keys: _CandidateKeys, flags: tuple[FlagRecord, ...]
    ) -> ApplicationRecord:
        parsed, relatives = facts.message, facts.relatives
        return ApplicationRecord(
            sender=header_field(parsed.sender),
            sender_name=optional_text(parsed.sender_name),
            subject=clean(parsed.subject),
            body_text=clean(parsed.body_text),
            vacancy=facts.vacancy.reference if facts.vacancy else None,
            candidate_name=facts.subject.candidate_name,
            subject_valid=not any(flag.code == "subject_invalid" for flag in flags),
            late=facts.deadline.is_late(facts.received_at) if facts.deadline else None,
            relatives=str(relatives.outcome),
            relatives_evidence=optional_text(relatives.evidence),
            relatives_relation=relatives.relation,
            relatives_name=optional_text(relatives.relative_name),
            has_cv=facts.has_cv,
            has_letter=facts.has_letter,
            sender_key=keys.sender,
            name_key=keys.name,
            previous_application_id=facts.earlier.latest_id if facts.earlier else None,
            documents=facts.records,
            flags=flags,
            acknowledgement=initial_acknowledgement(
                parsed,
                self._config,
                pick_language(answer_languages(facts), self._ack_languages),
                uuid.uuid4().hex,
            ),
        )

    def _find_vacancy(
        self, from_subject: str | None, body: str, documents: tuple[ReadDocument, ...]
    ) -> tuple[VacancyConfig | None, str | None]:
        """The subject's vacancy, else one named clearly in the body or a letter."""
        if from_subject is not None:
            return self._vacancies[from_subject], "subject"
        letters = [doc.record.text or "" for doc in documents if doc.is_letter]
        for source, text in [("body", body), *(("letter", letter) for letter in letters)]:
            reference = self._subjects.vacancy_in_text(text)
            if reference is not None:
                return self._vacancies[reference], source
        return None, None


def answer_languages(facts: Facts) -> list[str | None]:
    """The candidate's languages, then the vacancy's first (the fallback of the notice)."""
    fallback = facts.vacancy.languages[:1] if facts.vacancy else ()
    return [*candidate_languages(facts), *fallback]


def candidate_languages(facts: Facts) -> list[str | None]:
    """The languages to answer in, best first: the letters', the body's, the subject's."""
    letters = [doc.record.language for doc in facts.documents if doc.is_letter]
    body = facts.body_language or detect_language(facts.message.body_text)
    subject = detect_language(facts.message.subject) if facts.message.subject else None
    return [*letters, body, subject]


def _proof(facts: Facts, sender: str | None) -> NameProof:
    """What backs a match by name: the CV's and letter's contacts and hashes, the body's."""
    papers = [doc.record for doc in facts.documents if doc.is_cv or doc.is_letter]
    texts = [record.text or "" for record in papers] + [facts.message.body_text]
    return name_proof(sender, texts, [record.sha256 for record in facts.records])
