"""The SQLite database or the acknowledgement folder fills up mid-poll: the poll exits non-zero,
``status`` is unhealthy, and after space is freed the next poll finishes with nothing lost."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from tests import messages
from tests.faults.conftest import Figures, MakeRig
from tests.faults.letters import candidate, deliver
from tests.faults.rig import Rig
from tests.faults.volume import grow, tiny_volume

pytestmark = [pytest.mark.faults, pytest.mark.imap, pytest.mark.postgres]

COUNT = 16
# tmpfs sizes: the database's fits its schema and a few messages; the folder a few acks.
SIZES = {"database": "1m", "outbox": "16k"}


def bulky_application(tag: str, index: int) -> bytes:
    """An application with 150 KB of incompressible annex, so a few of them fill the volume."""
    annex = random.Random(index).randbytes(150_000)
    return messages.application(
        sender=f"Candidate {index} <{candidate(tag, index)}>",
        subject=f"Application – Deputy Director, Implementation Support – Candidate {index}",
        message_id=f"<{tag}-{index}@candidates.example.com>",
        attachments=(("annex.bin", "application/octet-stream", annex),),
    )


def rig_on(volume: Path, kind: str, make_rig: MakeRig, postgres_url: str) -> Rig:
    """The database on the volume, or the acknowledgement folder on it (database elsewhere)."""
    if kind == "database":
        return make_rig(f"sqlite:///{volume / 'intake.db'}")
    return make_rig(postgres_url, transport="file", directory=str(volume))


@pytest.mark.parametrize("kind", ["database", "outbox"])
def test_a_full_volume_fails_the_poll_and_the_next_poll_after_freeing_space_loses_nothing(
    kind: str, tmp_path: Path, make_rig: MakeRig, postgres_url: str, record_figures: Figures
) -> None:
    with tiny_volume(tmp_path / "volume", SIZES[kind]) as volume:
        rig = rig_on(volume, kind, make_rig, postgres_url)
        deliver(rig.dovecot, [bulky_application(kind, index) for index in range(COUNT)])
        full_poll, output = rig.run("poll")
        full_status, status_output = rig.run("status")
        stored_when_full = len(rig.listing("messages"))
        acks_when_full = acks_done(rig, volume, kind)
        grow(volume, "256m")
        again, again_output = rig.run("poll")
        healthy, _ = rig.run("status")
        stored = Counter(row["message_id"] for row in rig.listing("messages"))
        figures = {
            "stored_when_full": stored_when_full,
            "acks_when_full": acks_when_full,
            "poll_exit_when_full": full_poll,
            "status_exit_when_full": full_status,
            "poll_exit_after_freeing": again,
            "status_exit_after_freeing": healthy,
            "lost": COUNT - len(stored),
            "duplicated": sum(stored.values()) - len(stored),
            "acks_missing": COUNT - acks_done(rig, volume, kind),
        }
        record_figures(f"full_disk_{kind}", **figures)
    assert full_poll != 0 and full_status != 0, (figures, output, status_output)
    assert again == healthy == 0, (figures, again_output)
    assert figures["lost"] == figures["duplicated"] == figures["acks_missing"] == 0, figures


def acks_done(rig: Rig, volume: Path, kind: str) -> int:
    """Applications whose acknowledgement left: at the SMTP server, or as a whole .eml file."""
    if kind == "database":
        return len({received.rcpt_tos[0] for received in rig.smtp.received})
    return len([path for path in volume.glob("*.eml") if path.stat().st_size > 0])
