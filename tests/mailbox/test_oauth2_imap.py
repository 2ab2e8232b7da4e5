"""XOAUTH2 against Dovecot's oauth2 passdb: token fetch, reuse, expiry, revocation, refusal."""

from __future__ import annotations

import pytest

from intake.config.credentials import TokenSource
from intake.config.credentials.generic import GenericProvider
from intake.errors import MailboxError, OAuth2Error
from intake.mailbox.imap import ImapMailbox
from tests.dovecot_oauth2 import OAuth2Rig

pytestmark = pytest.mark.imap


def mailbox_with_cache(
    rig: OAuth2Rig, clock: list[float] | None = None
) -> tuple[ImapMailbox, TokenSource]:
    """A mailbox whose token cache the test can watch (and whose clock it can move)."""
    now = clock if clock is not None else [0.0]
    tokens = TokenSource(GenericProvider(rig.oauth2_config()), clock=lambda: now[0])
    config = rig.mailbox_config()
    return ImapMailbox(config, tokens=tokens, reconnect_delay=0.01), tokens


def test_oauth2_login_fetches_one_token_and_reuses_it_for_the_next_session(
    oauth2_rig: OAuth2Rig,
) -> None:
    mailbox, tokens = mailbox_with_cache(oauth2_rig)
    mailbox.connect()
    mailbox.close()
    mailbox.connect()
    mailbox.close()
    assert oauth2_rig.tokens.grants == ["refresh_token"]
    assert (tokens.stats.fetches, tokens.stats.reused) == (1, 1)
    assert oauth2_rig.tokens.introspections == 2  # Dovecot checked the token at each login


def test_token_near_its_expiry_is_refreshed_before_login(oauth2_rig: OAuth2Rig) -> None:
    clock = [0.0]
    mailbox, tokens = mailbox_with_cache(oauth2_rig, clock)
    mailbox.connect()
    mailbox.close()
    clock[0] = oauth2_rig.tokens.lifetime - 1.0  # inside the renewal margin
    mailbox.connect()
    mailbox.close()
    assert oauth2_rig.tokens.grants == ["refresh_token", "refresh_token"]
    assert tokens.stats.fetches == 2


def test_token_the_server_revoked_is_replaced_and_login_retried_once(
    oauth2_rig: OAuth2Rig,
) -> None:
    mailbox, tokens = mailbox_with_cache(oauth2_rig)
    mailbox.connect()
    mailbox.close()
    oauth2_rig.tokens.revoke_all()  # the cache still holds it: Dovecot will refuse it
    mailbox.connect()
    mailbox.close()
    assert tokens.stats.fetches == 2
    assert oauth2_rig.tokens.introspections == 3  # accepted, refused, accepted


def test_token_expired_at_the_server_before_the_cache_knew_is_replaced(
    oauth2_rig: OAuth2Rig,
) -> None:
    mailbox, tokens = mailbox_with_cache(oauth2_rig)
    mailbox.connect()
    mailbox.close()
    oauth2_rig.tokens.expire_all()
    with mailbox:
        mailbox.connect()
    assert tokens.stats.fetches == 2


def test_login_refused_twice_is_one_clear_error_without_the_token(
    oauth2_rig: OAuth2Rig,
) -> None:
    oauth2_rig.tokens.user = "someone-else@example.org"  # valid tokens, for the wrong mailbox
    mailbox, tokens = mailbox_with_cache(oauth2_rig)
    with pytest.raises(MailboxError) as caught:
        mailbox.connect()
    assert "refused even with a new access token" in str(caught.value)
    assert tokens.stats.fetches == 2
    assert not any(token in str(caught.value) for token in oauth2_rig.tokens.issued)


def test_token_endpoint_refusing_the_grant_is_an_oauth2_error_naming_it(
    oauth2_rig: OAuth2Rig,
) -> None:
    oauth2_rig.tokens.refuse_grants = True
    mailbox, _ = mailbox_with_cache(oauth2_rig)
    with pytest.raises(
        OAuth2Error, match=r"token endpoint .*/token refused: HTTP 401 invalid_client"
    ):
        mailbox.connect()


def test_client_credentials_grant_logs_in_without_a_refresh_token(oauth2_rig: OAuth2Rig) -> None:
    from intake.config.secret import Secret
    from tests.oauth2_server import CLIENT_SECRET

    config = oauth2_rig.oauth2_config(refresh_token=None, client_secret=Secret(CLIENT_SECRET))
    tokens = TokenSource(GenericProvider(config))
    with ImapMailbox(oauth2_rig.mailbox_config(), tokens=tokens) as mailbox:
        mailbox.connect()
    assert oauth2_rig.tokens.grants == ["client_credentials"]
