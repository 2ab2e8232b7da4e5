"""The tuned robots and their controls polled from a Maildir, with the caps lifted and not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from intake.config.runtime import open_runtime
from intake.mailbox.open import open_mailbox
from intake.poll.cycle import poll_once
from intake.poll.progress import Progress
from tests.configs import config_document, make_config
from tests.robot_polling import (
    acknowledged,
    controls_as_stored,
    deliver_all,
    robots_acknowledged,
    stored,
)

CAPS: dict[str, dict[str, Any]] = {
    "caps lifted": {"max_per_recipient": 1000, "max_per_recipient_vacancy": 1000},
    "default caps": {},
}


def poll_figures(folder: Path) -> list[str]:
    """One line of figures per poll: robots acknowledged, applications lost."""
    return [f"poll, {name}: {one_poll(folder / str(n), caps)}" for n, (name, caps) in
            enumerate(CAPS.items())]  # fmt: skip


def one_poll(root: Path, caps: dict[str, Any]) -> str:
    """Deliver, poll once with the file transport, and count."""
    url = f"sqlite:///{root / 'intake.db'}"
    section = {**config_document(root, url)["acknowledgements"], **caps}
    config = make_config(root, url, {"acknowledgements": section})
    assert config.mailbox.path is not None
    delivered = deliver_all(config.mailbox.path)
    runtime = open_runtime(config)
    try:
        poll_once(
            config, runtime.sessions, open_mailbox(config.mailbox), progress=Progress(live=False)
        )
        dispositions = stored(runtime.sessions)
    finally:
        runtime.close()
    acks = acknowledged(root / "outbox")
    controls = controls_as_stored(dispositions)
    applications = [key for key, want, _ in controls if want == "application"]
    lost = [key for key, want, got in controls if want == "application" and got != want]
    answered = sum(1 for key in applications if acks[key])
    return (
        f"{len(dispositions)} of {delivered} stored, {len(robots_acknowledged(acks))} of 100 "
        f"robots acknowledged, {len(lost)} of {len(applications)} applications lost, "
        f"{answered} acknowledged"
    )
