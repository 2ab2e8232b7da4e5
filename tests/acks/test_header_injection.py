"""Header injection into acknowledgements (the CVE-2024-6923 class): hostile subjects, names and
filenames through the real pipeline and SMTP server add no header and cut none; the header
check stops an acknowledgement by itself when the text cleaner is bypassed."""

from __future__ import annotations

import base64
import dataclasses
import unicodedata
from datetime import UTC, datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.acks import compose as compose_module
from intake.acks.compose import compose_acknowledgement
from intake.acks.content import AckContent, AckDocument, ComposeSettings
from intake.acks.errors import AckUnsafeError
from intake.acks.header_check import Intended, problems
from intake.acks.header_text import header_text
from intake.flag_codes import ACKNOWLEDGEMENT_UNSAFE
from intake.poll.analysis import Analyser
from intake.poll.extraction import extraction_limits
from intake.poll.inline import InlineExtractor
from intake.reprocess.applications import Result, reprocess
from intake.terminal_text import DIRECTION_MARKS
from storage.database import write_transaction
from storage.models import Flag
from tests import candidate_files
from tests.smtp import (
    OpenRuntimes,
    Received,
    SmtpServer,
    open_runtimes,
    outbox_rows,
    poll_through,
    smtp_config,
    smtp_server,
)

__all__ = ["open_runtimes", "smtp_server"]

ON_TIME = datetime(2025, 10, 20, 8, 0, tzinfo=UTC)
# Exactly the headers of an acknowledgement in a thread, each once.
HEADERS = sorted([
    "from", "to", "subject", "date", "message-id", "in-reply-to", "references",
    "auto-submitted", "x-auto-response-suppress", "mime-version", "content-type",
])  # fmt: skip
BCC = "Bcc: x@evil.example"
# Character categories no header text may keep: controls, line and paragraph separators,
# surrogates.
UNSAFE = frozenset({"Cc", "Zl", "Zp", "Cs"})


def q_word(text: str) -> str:
    """``text`` as one RFC 2047 Q-encoded word (every byte but letters and digits escaped)."""
    encoded = "".join(chr(b) if chr(b).isalnum() else f"={b:02X}" for b in text.encode())
    return f"=?utf-8?q?{encoded}?="


def b_word(text: str) -> str:
    """``text`` as one RFC 2047 B-encoded word."""
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


def nested(text: str, depth: int) -> str:
    """``text`` encoded ``depth`` times, Q and B in turn: each decoding reveals another word."""
    for level in range(depth):
        text = (q_word if level % 2 == 0 else b_word)(text)
    return text


HOSTILE_TEXTS = [
    nested(f"Hello\r\n{BCC}", 1),
    nested(f"Hello\r\n{BCC}", 2),  # the issue's subject: a word that decodes to a word
    nested(f"Hello\r\n{BCC}\r\nReply-To: y@evil.example\r\nContent-Type: text/html", 3),
    nested("x\r\n\r\n<html>body</html>", 4),
    f"Hello\u2028{BCC}\u2029Reply-To: y@evil.example",
    f"Hello\x85{BCC}",
    f"Hello\x00{BCC}",
    f"Hello\x0b\x0c{BCC}",
    "Application \u202eFDP.exe\u202c – Maria",
    "=?utf-8?q?unterminated=0D=0ABcc:_x@evil.example",
    "=?x-unknown?q?=0D=0ABcc:_x@evil.example?=",
    "=?utf-8?q?" + "A" * 2000 + "=0D=0A" + BCC.replace(" ", "_") + "?=",
    "Application " + "Deputy Director " * 200 + BCC,
    "Réponse – Élodie Dupont " + nested(f"\r\n{BCC}", 2),
]
# Raw header bytes no mail program should send, as an attacker can: bare CR, bare LF, NUL.
RAW_SUBJECTS = [
    b"Hello\r" + BCC.encode(),
    b"Hello\r\n " + BCC.encode(),
    b"Hello\x00\r\n\t" + BCC.encode(),
    b"Hello \xe2\x80\xa8" + BCC.encode(),
    b"Hello \xc2\x85" + BCC.encode(),
]


def hostile_application(number: int, subject: bytes, name: bytes, filename: bytes) -> bytes:
    """An application, each one from its own sender, with the given raw header texts."""
    cv = base64.encodebytes(candidate_files.cv_pdf()).replace(b"\n", b"\r\n")
    return b"".join(
        [
            b'From: "' + name + b'" <cand' + str(number).encode() + b"@example.com>\r\n",
            b"To: recruitment@example.org\r\n",
            b"Subject: " + subject + b"\r\n",
            b"Date: Mon, 20 Oct 2025 09:30:00 +0000\r\n",
            b"Message-ID: <hostile-" + str(number).encode() + b"@example.com>\r\n",
            b"MIME-Version: 1.0\r\n",
            b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n',
            b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
            b"Please find attached my CV.\r\n",
            b"--b1\r\nContent-Type: application/pdf\r\n",
            b'Content-Disposition: attachment; filename="' + filename + b'"\r\n',
            b"Content-Transfer-Encoding: base64\r\n\r\n",
            cv,
            b"--b1--\r\n",
        ]
    )


def hostile_corpus() -> list[bytes]:
    """Every hostile text as the subject, as the display name and as the filename."""
    texts = [text.encode() for text in HOSTILE_TEXTS] + RAW_SUBJECTS
    safe = b"Application Deputy Director Maria Fernandez"
    raws = []
    for text in texts:
        quoted = text.replace(b'"', b"'")
        raws.append((text, b"Maria", b"cv.pdf"))
        raws.append((safe, quoted, b"cv.pdf"))
        raws.append((safe, b"Maria", quoted))
    return [hostile_application(n, *parts) for n, parts in enumerate(raws)]


def injected(received: Received) -> list[str]:
    """What is wrong with the headers of one received acknowledgement (empty: nothing)."""
    message = received.message
    wrong = []
    if sorted(name.lower() for name in message) != HEADERS:
        wrong.append(f"headers {sorted(message.keys())}")
    if message["Auto-Submitted"] != "auto-replied":
        wrong.append("Auto-Submitted lost")
    if len(received.rcpt_tos) != 1 or message.get_all("To") != list(received.rcpt_tos):
        wrong.append(f"recipients {received.rcpt_tos}")
    return wrong


def test_a_hostile_corpus_through_the_pipeline_adds_no_header_and_keeps_auto_submitted(
    tmp_path: Path, sqlite_url: str, smtp_server: SmtpServer, open_runtimes: OpenRuntimes
) -> None:
    corpus = hostile_corpus()
    config = smtp_config(tmp_path, sqlite_url, smtp_server, max_per_minute=1000)
    runtime = open_runtimes(config)
    poll_through(runtime, *((raw, ON_TIME) for raw in corpus))
    received = smtp_server.received
    assert {name: wrong for name, wrong in _by_sender(received) if wrong} == {}
    # Every one was confirmed but where a bare CR cut the From header itself (the name's quote
    # is left open, no mailbox remains): none had to be held back by the header check.
    rows = outbox_rows(runtime.sessions)
    held = [row.reason for row in rows if row.status != "sent"]
    assert len(received) == len(rows) - len(held) == len(corpus) - 1
    assert len(held) == 1 and "no usable recipient address in From" in str(held[0])
    assert all(one.rcpt_tos[0].startswith("cand") for one in received)


def _by_sender(received: list[Received]) -> list[tuple[str, list[str]]]:
    return [(one.rcpt_tos[0] if one.rcpt_tos else "?", injected(one)) for one in received]


def test_with_the_cleaner_bypassed_the_header_check_alone_holds_the_ack_back_and_flags_it(
    tmp_path: Path,
    sqlite_url: str,
    smtp_server: SmtpServer,
    open_runtimes: OpenRuntimes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What the service did before: the subject decoded once, as the parser gives it.
    monkeypatch.setattr(compose_module, "header_text", lambda text, limit: text or "")
    runtime = open_runtimes(smtp_config(tmp_path, sqlite_url, smtp_server))
    raw = hostile_application(1, nested(f"Hello\r\n{BCC}", 2).encode(), b"Maria", b"cv.pdf")
    poll_through(runtime, (raw, ON_TIME))
    assert smtp_server.received == []
    [row] = outbox_rows(runtime.sessions)
    assert row.status == "suppressed"
    assert row.reason is not None and "unexpected header 'bcc'" in row.reason
    assert flag_codes(runtime.sessions).count(ACKNOWLEDGEMENT_UNSAFE) == 1
    # Read again after a rule flag changed: the rules' flags are replaced, the outbox's stays.
    with write_transaction(runtime.sessions) as session:
        session.add(Flag(application_id=row.application_id, code="late", evidence="stale"))
    extractor = InlineExtractor(extraction_limits(runtime.config))
    assert reprocess(Analyser(runtime.config, extractor), runtime.sessions, None).results == {
        Result.CHANGED: 1
    }
    codes = flag_codes(runtime.sessions)
    assert "late" not in codes and codes.count(ACKNOWLEDGEMENT_UNSAFE) == 1


def flag_codes(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(Flag.code)))


def good_message_bytes() -> tuple[bytes, Intended, tuple[str, ...]]:
    content = _content("Application Maria", "Maria", "cv.pdf")
    message = compose_acknowledgement(content, _SETTINGS, ON_TIME)
    intended = Intended(
        "recruitment@example.org",
        content.recipient,
        "Re: Application Maria",
        "<ack.1@x.org>",
        "<orig-1@example.com>",
    )
    shape = tuple(part.get_content_type() for part in message.walk())
    return message.as_bytes(policy=message.policy), intended, shape


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ((b"Subject:", b"Bcc: x@evil.example\r\nSubject:"), "unexpected header 'bcc'"),
        ((b"Auto-Submitted: auto-replied\r\n", b""), "Auto-Submitted missing"),
        ((b"To: ", b"To: x@evil.example, "), "To is not the single address"),
        ((b"Subject: Re:", b"Subject: Re: =?utf-8?q?X?="), "Subject does not read back"),
        (
            (b"\r\n\r\n", b"\r\nContent-Type: text/html\r\n\r\n"),
            "header content-type appears 2 times",
        ),
    ],
)
def test_the_header_check_names_each_header_added_lost_or_changed(
    change: tuple[bytes, bytes], found: str
) -> None:
    raw, intended, shape = good_message_bytes()
    assert problems(raw, intended, shape) == []
    tampered = raw.replace(change[0], change[1], 1)
    assert any(found in problem for problem in problems(tampered, intended, shape))


_SETTINGS = ComposeSettings(
    sender="WCO Recruitment <recruitment@example.org>",
    organisation_name="World Customs Organization",
    timezone=ZoneInfo("Europe/Brussels"),
)


def _content(subject: str, name: str, filename: str) -> AckContent:
    return AckContent(
        recipient="maria@example.com",
        recipient_name=name,
        candidate_name=name,
        original_subject=subject,
        original_message_id="<orig-1@example.com>",
        vacancy_reference="WCO/2025/DD-IS",
        vacancy_title="Deputy Director",
        deadline=None,
        received_at=ON_TIME,
        documents=(AckDocument(filename, "cv", "ok"),),
        flags=frozenset(),
        language="en",
        outbound_message_id="<ack.1@x.org>",
    )


_PIECES = st.sampled_from(
    ["\r", "\n", "\r\n", "\x00", "\x85", "\u2028", "\u2029", "\u202e", "=?", "?=", "Bcc:", " "]
)
_TEXT = st.lists(st.one_of(st.text(max_size=20), _PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, depth=st.integers(min_value=0, max_value=4))
def test_any_text_nested_in_encoded_words_composes_an_ack_with_only_the_intended_headers(
    text: str, depth: int
) -> None:
    hostile = nested(text, depth)
    cleaned = header_text(hostile)
    assert str(policy.SMTP.header_factory("Subject", cleaned)) == cleaned  # nothing left to decode
    assert not any(unicodedata.category(c) in UNSAFE or c in DIRECTION_MARKS for c in cleaned)
    try:
        message = compose_acknowledgement(_content(hostile, hostile, hostile), _SETTINGS, ON_TIME)
    except AckUnsafeError as exc:  # safe, but it would cost a candidate the acknowledgement
        pytest.fail(f"held back: {exc}")
    raw = message.as_bytes(policy=message.policy)
    head = raw.split(b"\r\n\r\n", 1)[0]
    lines = [line for line in head.split(b"\r\n") if line[:1] not in (b" ", b"\t")]
    assert sorted(line.split(b":", 1)[0].lower().decode() for line in lines) == HEADERS


def test_the_issue_subject_is_decoded_to_the_end_and_kept_on_one_line() -> None:
    assert header_text(nested(f"Hello\r\n{BCC}", 2)) == f"Hello {BCC}"
    assert header_text(nested(f"Hello\r\n{BCC}", 5)) == f"Hello {BCC}"


def test_a_candidate_message_id_holding_an_encoded_line_break_is_left_out_of_the_thread() -> None:
    hostile = "<=?utf-8?q?a=0D=0ABcc=3Ax=40evil.example?=@example.com>"
    content = dataclasses.replace(
        _content("Application", "Maria", "cv.pdf"), original_message_id=hostile
    )
    message = compose_acknowledgement(content, _SETTINGS, ON_TIME)
    raw = message.as_bytes(policy=message.policy)
    assert b"Bcc" not in raw and "In-Reply-To" not in message and "References" not in message
