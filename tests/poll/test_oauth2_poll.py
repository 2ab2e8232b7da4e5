"""``intake poll`` with auth = "oauth2", provider generic, through Dovecot's oauth2 passdb."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import messages
from tests.cli_runs import run_intake
from tests.configs import write_config_file
from tests.dovecot_oauth2 import OAUTH2_ENVIRON, OAuth2Rig

pytestmark = pytest.mark.imap


def test_poll_with_oauth2_generic_provider_stores_the_mail(
    tmp_path: Path,
    oauth2_rig: OAuth2Rig,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in OAUTH2_ENVIRON.items():
        monkeypatch.setenv(name, value)
    oauth2_rig.dovecot.append(messages.application(message_id="<oauth2-poll@example.com>"))
    overrides = {"mailbox": oauth2_rig.mailbox_section(), "acknowledgements": {"transport": "off"}}
    path = write_config_file(tmp_path, f"sqlite:///{tmp_path / 'intake.db'}", overrides)
    code, lines, err = run_intake(path, capsys, "poll")
    assert code == 0, err
    code, lines, _ = run_intake(path, capsys, "messages", "--format", "json")
    stored = json.loads("\n".join(lines))
    assert [row["message_id"] for row in stored] == ["<oauth2-poll@example.com>"]
    assert oauth2_rig.tokens.grants == ["refresh_token"]
    assert oauth2_rig.tokens.introspections >= 1
