"""Hostile subjects and sender names through a real poll: the acknowledgements the SMTP server
receives carry no header, recipient or header-block cut the candidate's text put there."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.faults.conftest import Figures, MakeRig
from tests.faults.hostile import EVIL, injections, raw_application
from tests.faults.letters import candidate, deliver
from tests.smtp import Received

pytestmark = [pytest.mark.faults, pytest.mark.imap, pytest.mark.postgres]

TAG = "inject"


def header_names(received: Received) -> Counter[str]:
    """The acknowledgement's header names, lower-cased, with their counts."""
    return Counter(name.lower() for name in received.message)


def injected(received: Received, baseline: Counter[str], expected: str) -> int:
    """Headers beyond the clean ack's set, lost Auto-Submitted, hostile values, recipients."""
    names = header_names(received)
    extra = sum((names - baseline).values())
    lost = "auto-submitted" not in names
    hostile = sum(
        EVIL in str(value) for name, value in received.message.items() if name.lower() != "subject"
    )
    recipients = sum(rcpt.lower() != expected for rcpt in received.rcpt_tos)
    return extra + lost + hostile + recipients


def test_encoded_words_that_decode_to_header_lines_inject_no_header_into_the_ack(
    make_rig: MakeRig, postgres_url: str, record_figures: Figures
) -> None:
    rig = make_rig(postgres_url)
    cases = injections()
    raws = [
        raw_application(index, subject, f"{name} <{candidate(TAG, index)}>", TAG)
        for index, (subject, name) in enumerate(cases)
    ]
    deliver(rig.dovecot, raws)
    code, output = rig.run("poll")
    assert code == 0, output
    by_recipient = {received.rcpt_tos[0].lower(): received for received in rig.smtp.received}
    clean = by_recipient.get(candidate(TAG, len(cases) - 1))
    assert clean is not None, f"the clean application was not acknowledged:\n{output}"
    baseline = header_names(clean)
    counts = [
        injected(received, baseline, candidate(TAG, index))
        for index in range(len(cases) - 1)
        if (received := by_recipient.get(candidate(TAG, index))) is not None
    ]
    figures = {
        "hostile_messages": len(cases) - 1,
        "acks_sent": len(counts),
        "acks_with_injection": sum(count > 0 for count in counts),
        "injected_headers": sum(counts),
        "wrong_recipients": sum(
            rcpt.lower() not in {candidate(TAG, i) for i in range(len(cases))}
            for received in rig.smtp.received
            for rcpt in received.rcpt_tos
        ),
    }
    record_figures("header_injection", **figures)
    assert figures["injected_headers"] == figures["wrong_recipients"] == 0, figures
