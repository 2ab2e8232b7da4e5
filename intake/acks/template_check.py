"""Renders every acknowledgement template with sample data at start: a broken one is a config
error naming its file, not a failed acknowledgement in the night."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

from intake.acks.compose import (
    ACKNOWLEDGEMENT,
    COMPLETED,
    ENQUIRY,
    available_languages,
    compose_acknowledgement,
    compose_completion,
    compose_enquiry_reply,
)
from intake.acks.content import NOTICES, AckContent, AckDocument, ComposeSettings, compose_settings
from intake.acks.errors import AckError, AckTemplateError
from intake.config.settings import Config
from intake.errors import ConfigError

TEMPLATES_KEY = "acknowledgements.templates"
_RECEIVED = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
_LATE = _RECEIVED + timedelta(days=30)
_SAMPLE_SENDER = "Recruitment <recruitment@example.org>"
Composer = Callable[[AckContent, ComposeSettings, datetime], EmailMessage]
_COMPOSERS: tuple[tuple[str, Composer], ...] = (
    (ACKNOWLEDGEMENT, compose_acknowledgement),
    (ENQUIRY, compose_enquiry_reply),
    (COMPLETED, compose_completion),
)


def check_templates(config: Config) -> None:
    """Every language a vacancy lists has templates, and every template of every language
    renders the sample applications; ConfigError otherwise."""
    settings = compose_settings(config)
    # With acknowledgements off the sender may be unset; the templates are checked all the same.
    settings = replace(settings, sender=settings.sender or _SAMPLE_SENDER)
    try:
        languages = {kind: available_languages(settings, kind) for kind, _ in _COMPOSERS}
    except AckTemplateError as exc:
        raise ConfigError(TEMPLATES_KEY, str(exc)) from exc
    for index, vacancy in enumerate(config.vacancies):
        for code in vacancy.languages:
            if code not in languages[ACKNOWLEDGEMENT]:
                raise ConfigError(
                    f"vacancies[{index}].languages",
                    f'no acknowledgement templates for "{code}": add {code}/acknowledgement.txt.j2 '
                    f"and {code}/subject.txt.j2 to the folder of {TEMPLATES_KEY}",
                )
    for kind, compose in _COMPOSERS:
        for language in sorted(languages[kind]):
            for content, now in samples(language, config):
                _render(compose, content, settings, now)


def samples(language: str, config: Config) -> list[tuple[AckContent, datetime]]:
    """Sample applications that reach every branch of the shipped templates."""
    vacancy = config.vacancies[0] if config.vacancies else None
    base = AckContent(
        recipient="candidate@example.org",
        recipient_name="Sample Candidate",
        candidate_name="Sample Candidate",
        original_subject="Sample Candidate - sample vacancy",
        original_message_id="<sample@example.org>",
        vacancy_reference=vacancy.reference if vacancy else "SAMPLE-1",
        vacancy_title=vacancy.title if vacancy else "Sample vacancy",
        vacancy_titles=vacancy.titles if vacancy else (),
        deadline=_RECEIVED + timedelta(days=7),
        received_at=_RECEIVED,
        documents=(AckDocument("cv.pdf", "cv", "ok"), AckDocument("scan.pdf", "other", "no_text")),
        flags=frozenset(),
        language=language,
        outbound_message_id="<ack.sample@example.org>",
    )
    late = replace(base, received_at=_LATE, flags=frozenset({"late", "cv_missing"}))
    unknown = replace(base, vacancy_reference=None, vacancy_title=None, deadline=None)
    return [
        (base, _RECEIVED),
        (replace(base, flags=frozenset(NOTICES) - {"late"}), _RECEIVED),
        (replace(base, flags=frozenset({"letter_missing"})), _RECEIVED),
        (late, _LATE),
        (replace(unknown, documents=(), flags=frozenset({"subject_invalid"})), _RECEIVED),
    ]


def _render(
    compose: Composer, content: AckContent, settings: ComposeSettings, now: datetime
) -> None:
    """Compose once; a template error becomes a ConfigError naming the file and line."""
    try:
        message = compose(content, settings, now)
    except (AckError, ValueError) as exc:  # a broken template, or a header it breaks
        raise ConfigError(TEMPLATES_KEY, str(exc)) from exc
    if not message.get_body(preferencelist=("plain",)):
        raise ConfigError(TEMPLATES_KEY, f"{content.language}: the message has no text part")
