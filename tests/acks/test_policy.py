"""The enqueue policy on real parsed messages: who gets an acknowledgement, and why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.acks.policy import initial_acknowledgement
from intake.config.settings import Config
from parsers.message import parse_message
from tests import messages
from tests.configs import make_config

TOKEN = "0f1e2d3c4b5a"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    overrides = {
        "mailbox": {
            "kind": "imap",
            "host": "imap.example.org",
            "username": "hr-inbox@example.org",
            "password_env": "PW",
        }
    }
    return make_config(tmp_path, "sqlite:///unused.db", overrides, environ={"PW": "x"})


def decide(config: Config, raw: bytes, language: str = "en") -> tuple[str, str | None, str | None]:
    record = initial_acknowledgement(parse_message(raw), config, language, TOKEN)
    return record.status, record.recipient, record.reason


def test_an_application_is_pending_with_its_message_id_fixed_from_the_token(
    config: Config,
) -> None:
    record = initial_acknowledgement(parse_message(messages.application()), config, "fr", TOKEN)
    assert (record.status, record.recipient, record.language) == (
        "pending",
        "maria.fernandez@example.com",
        "fr",
    )
    assert record.message_id == f"<ack.{TOKEN}@example.org>"


def test_reply_to_is_never_the_recipient_the_from_mailbox_is(config: Config) -> None:
    other = messages.application(extra_headers=(("Reply-To", "Maria <maria@home.example>"),))
    assert decide(config, other)[:2] == ("pending", "maria.fernandez@example.com")
    ours = messages.application(extra_headers=(("Reply-To", "hr-inbox@example.org"),))
    assert decide(config, ours)[:2] == ("pending", "maria.fernandez@example.com")


@pytest.mark.parametrize(
    ("sender", "reason"),
    [
        ("No Reply <no-reply@jobs.example.com>", "automated mailbox"),
        ("noreply@example.com", "automated mailbox"),
        ("do_not_reply@example.com", "automated mailbox"),
        ("MAILER-DAEMON@mx.example.com", "automated mailbox"),
        ("postmaster@example.com", "automated mailbox"),
        ("bounces+12345@lists.example.com", "automated mailbox"),
        ("Recruitment <recruitment@example.org>", "our own address"),
        ("hr-inbox@example.org", "our own address"),
        ("not an address", "no usable recipient"),
    ],
)
def test_automated_own_and_unusable_senders_are_suppressed(
    config: Config, sender: str, reason: str
) -> None:
    status, _, why = decide(config, messages.application(sender=sender))
    assert status == "suppressed"
    assert why is not None and reason in why


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        ("Return-Path", "<>", "null Return-Path"),
        ("Auto-Submitted", "auto-generated", "Auto-Submitted"),
        ("Auto-Submitted", "auto-replied; owner-email=x@example.com", "Auto-Submitted"),
        ("Precedence", "bulk", "Precedence"),
        ("Precedence", "junk", "Precedence"),
        ("X-Autoreply", "yes", "X-Autoreply"),
        ("List-Id", "<jobs.lists.example.com>", "List-Id"),
        ("List-Unsubscribe", "<mailto:leave@example.com>", "List-Unsubscribe"),
    ],
)
def test_automatic_and_list_mail_is_suppressed_with_the_header_named(
    config: Config, header: str, value: str, reason: str
) -> None:
    status, _, why = decide(config, messages.application(extra_headers=((header, value),)))
    assert status == "suppressed"
    assert why is not None and reason in why


def test_auto_submitted_no_and_a_real_return_path_are_fine(config: Config) -> None:
    raw = messages.application(
        extra_headers=(("Auto-Submitted", "no"), ("Return-Path", "<maria.fernandez@example.com>"))
    )
    assert decide(config, raw)[0] == "pending"


def test_transport_off_disables_every_acknowledgement(tmp_path: Path) -> None:
    config = make_config(tmp_path, "sqlite:///unused.db", {"acknowledgements": {}})
    status, recipient, reason = decide(config, messages.application())
    assert (status, recipient) == ("disabled", "maria.fernandez@example.com")
    assert reason == "acknowledgements.transport is off"
