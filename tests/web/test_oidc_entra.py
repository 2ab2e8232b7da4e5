"""Entra ID's rule (``identity = "entra"``): the tenant's sign-in name, never its ``email``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from intake.config.settings import Config
from intake.hr.users import add_user
from storage.database import write_transaction
from tests.configs import make_config
from tests.oidc_provider import (
    CLIENT_SECRET,
    SECRET_ENV,
    TENANT,
    OidcProvider,
    provider_table,
    running_provider,
)
from tests.oidc_signin import through_provider
from tests.web_console import Seeded, client_for

ENTRA_PERSON = {"tid": TENANT, "preferred_username": "olga@org.example", "oid": "o-1"}


@pytest.fixture
def entra() -> Iterator[OidcProvider]:
    """A provider whose issuer carries a tenant id, as Entra's does."""
    yield from running_provider(f"/{TENANT}/v2.0")


@pytest.fixture
def web_config(tmp_path: Path, sqlite_url: str, entra: OidcProvider) -> Config:
    """The local Entra-like provider, with the Entra rule."""
    web = {"oidc": [provider_table(entra, identity="entra")]}
    return make_config(tmp_path, sqlite_url, {"web": web}, {SECRET_ENV: CLIENT_SECRET})


@pytest.fixture
def client(web_config: Config, web_sessions: sessionmaker[Session], seeded: Seeded) -> TestClient:
    """An anonymous client; hr ``olga`` signs in by olga@org.example."""
    with write_transaction(web_sessions) as session:
        add_user(session, "olga", "hr", None, (), email="olga@org.example")
    return client_for(web_config, web_sessions)


@pytest.mark.parametrize("claim", ["preferred_username", "upn"])
def test_entra_user_signs_in_by_the_tenants_sign_in_name(
    client: TestClient, entra: OidcProvider, claim: str
) -> None:
    entra.person = {"tid": TENANT, claim: "Olga@org.example"}
    assert client.get(through_provider(client)).status_code == 303
    assert client.get("/quarantine").status_code == 200


def test_entra_email_claim_is_not_trusted_even_when_it_matches(
    client: TestClient, entra: OidcProvider
) -> None:
    entra.person = {
        "tid": TENANT,
        "preferred_username": "guest@elsewhere.example",
        "email": "olga@org.example",
        "email_verified": True,
    }
    assert client.get(through_provider(client)).status_code == 403
    assert client.get("/candidates").status_code == 303


def test_entra_token_of_another_tenant_is_refused(client: TestClient, entra: OidcProvider) -> None:
    entra.person = ENTRA_PERSON | {"tid": "00000000-0000-0000-0000-000000000000"}
    answer = client.get(through_provider(client))
    assert answer.status_code == 403 and "another organisation" in answer.text
