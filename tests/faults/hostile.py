"""Hostile applications: encoded words that decode to new header lines, and senders an
acknowledgement must never reach (Reply-To third parties, groups, roles, our own domain)."""

from __future__ import annotations

import base64
from email.message import Message

from tests.faults.letters import candidate

EVIL = "evil.example"
SUBJECT = "Application – Deputy Director, Implementation Support – Candidate"


def q_word(text: str) -> str:
    """``text`` as one RFC 2047 Q encoded word, every byte but letters and digits escaped."""
    body = "".join(
        chr(b) if chr(b).isascii() and chr(b).isalnum() else f"={b:02X}" for b in text.encode()
    )
    return f"=?utf-8?q?{body}?="


def b_word(text: str) -> str:
    """``text`` as one RFC 2047 B encoded word."""
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


def injections() -> list[tuple[str, str]]:
    """(Subject, From display name) pairs, each trying to add headers to the acknowledgement."""
    lines = f"\r\nBcc: x@{EVIL}\r\nReply-To: y@{EVIL}\r\nContent-Type: text/html\r\n\r\n<b>"
    nested = q_word(q_word(f"{SUBJECT} 1{lines}"))
    return [
        (nested, "Candidate 1"),
        (q_word(f"{SUBJECT} 2{lines}"), "Candidate 2"),
        (b_word(f"{SUBJECT} 3\r\nBcc: x@{EVIL}"), "Candidate 3"),
        (q_word(f"{SUBJECT} 4\nX-Injected: 1\nBcc: x@{EVIL}"), "Candidate 4"),
        (b_word(f"{SUBJECT} 5\u2028Bcc: x@{EVIL}\u0085Cc: z@{EVIL}"), "Candidate 5"),
        (q_word(f"{SUBJECT} 6\x00\x1b[2J\rBcc: x@{EVIL}"), "Candidate 6"),
        (f"{SUBJECT} 7", q_word(f"Candidate 7\r\nBcc: x@{EVIL}\r\nTo: y@{EVIL}")),
        (f"{SUBJECT} 8", b_word(f'Candidate 8"\r\nReply-To: y@{EVIL}\r\nX-Injected: 1')),
        (" ".join([q_word(f"{SUBJECT} 9 " + "é" * 40)] * 4 + [q_word(f"\r\nBcc: x@{EVIL}")]), "C9"),
        (f"{SUBJECT} 10", "Candidate 10"),  # a clean one: the header set every ack should have
    ]


def raw_application(index: int, subject: str, sender: str, tag: str = "hostile") -> bytes:
    """Raw bytes of an application with these header texts written as they are."""
    message = Message()
    message["From"] = sender
    message["To"] = "recruitment@example.org"
    message["Subject"] = subject
    message["Date"] = "Mon, 20 Oct 2025 09:30:00 +0000"
    message["Message-ID"] = f"<{tag}-{index}@candidates.example.com>"
    message["MIME-Version"] = "1.0"
    message["Content-Type"] = "text/plain; charset=utf-8"
    message.set_payload("Dear Sir or Madam,\n\nI apply for the post.\n\nCandidate\n")
    return message.as_bytes()


def wrong_recipients() -> list[tuple[str, str, str]]:
    """(kind, From, Reply-To or "") of applications whose ack must not go where it could."""
    third = f"third.party@{EVIL}"
    return [
        ("reply_to_third_party", f"Candidate <{candidate('rt', 0)}>", third),
        ("reply_to_third_party", f"Candidate <{candidate('rt', 1)}>", f"Friend <{third}>"),
        ("group", f"Applicants: a@{EVIL}, b@{EVIL};", ""),
        ("group", f"Team: {candidate('grp', 0)};", ""),
        ("several_from", f"{candidate('multi', 0)}, c@{EVIL}", ""),
        ("own_domain", "Colleague <someone@example.org>", ""),
        ("own_domain", "HR <hr@EXAMPLE.ORG>", ""),
        ("role", f"postmaster@{EVIL}", ""),
        ("role", f"MAILER-DAEMON@{EVIL}", ""),
        ("role", f"noreply@{EVIL}", ""),
        ("role", f"no-reply@{EVIL}", ""),
        ("role", f"do-not-reply@{EVIL}", ""),
    ]
