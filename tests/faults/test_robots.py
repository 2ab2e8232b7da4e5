"""Header-less auto-replies and delivery reports through a real poll: almost none acknowledged."""

from __future__ import annotations

import pytest

from tests.faults import sizes
from tests.faults.conftest import Figures, MakeRig
from tests.faults.letters import candidate, deliver
from tests.faults.mail_server import acks_per_recipient
from tests.faults.robots import robot

pytestmark = [pytest.mark.faults, pytest.mark.imap, pytest.mark.postgres]

TAG = "robot"
#: at most this many in a hundred may be acknowledged.
BAR_PER_HUNDRED = 2


def test_header_less_auto_replies_in_many_languages_and_shapes_are_not_acknowledged(
    make_rig: MakeRig, postgres_url: str, record_figures: Figures
) -> None:
    rig = make_rig(postgres_url)
    addresses = [candidate(TAG, index) for index in range(sizes.ROBOTS)]
    deliver(rig.dovecot, [robot(index, address) for index, address in enumerate(addresses)])
    code, output = rig.run("poll")
    assert code == 0, output
    acks = acks_per_recipient(rig.smtp)
    acknowledged = [index for index, address in enumerate(addresses) if acks[address]]
    figures = {
        "robots": sizes.ROBOTS,
        "robots_acknowledged": len(acknowledged),
        "first_acknowledged": ",".join(map(str, acknowledged[:10])) or "none",
    }
    record_figures("robots", **figures)
    assert len(acknowledged) * 100 <= BAR_PER_HUNDRED * sizes.ROBOTS, figures
