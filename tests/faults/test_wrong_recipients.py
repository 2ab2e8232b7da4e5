"""Applications from Reply-To third parties, groups, several From addresses, our own domain and
role mailboxes, through a real poll: the SMTP server receives no acknowledgement for any."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.faults.conftest import Figures, MakeRig
from tests.faults.hostile import SUBJECT, raw_application, wrong_recipients
from tests.faults.letters import candidate, deliver
from tests.faults.mail_server import acks_per_recipient

pytestmark = [pytest.mark.faults, pytest.mark.imap, pytest.mark.postgres]

TAG = "recipients"


def with_reply_to(raw: bytes, reply_to: str) -> bytes:
    """``raw`` with a Reply-To header put before its first header."""
    return f"Reply-To: {reply_to}\r\n".encode() + raw if reply_to else raw


def test_no_ack_goes_to_a_reply_to_a_group_a_role_or_our_own_domain(
    make_rig: MakeRig, postgres_url: str, record_figures: Figures
) -> None:
    rig = make_rig(postgres_url)
    cases = wrong_recipients()
    raws = [
        with_reply_to(raw_application(index, f"{SUBJECT} {index}", sender, TAG), reply_to)
        for index, (_, sender, reply_to) in enumerate(cases)
    ]
    control = candidate(TAG, len(cases))
    raws.append(raw_application(len(cases), f"{SUBJECT} control", f"Control <{control}>", TAG))
    deliver(rig.dovecot, raws)
    code, output = rig.run("poll")
    assert code == 0, output
    acks = acks_per_recipient(rig.smtp)
    assert acks[control] == 1, f"the control application was not acknowledged:\n{output}"
    # A Reply-To case may be acknowledged, but only to its own single From address.
    allowed = {candidate("rt", 0), candidate("rt", 1), control}
    wrong: Counter[str] = Counter()
    for kind, sender, _ in cases:
        if any(address in sender.lower() for address in acks if address not in allowed):
            wrong[kind] += 1
    stray = sum(times for address, times in acks.items() if address not in allowed)
    figures = {
        "cases": len(cases),
        "acks_wrong": stray,
        **{f"acks_{k}": v for k, v in wrong.items()},
    }
    figures["acks_reply_to_third_party"] = acks["third.party@evil.example"]
    record_figures("wrong_recipients", **figures)
    assert stray == 0, figures
