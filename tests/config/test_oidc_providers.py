"""``[[web.oidc]]``: Entra ID and Google providers read; every wrong key named, no traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake.config.render import config_lines
from intake.config.settings import Config
from intake.config.web import require_web_secret
from intake.errors import ConfigError
from tests.configs import make_config

ENTRA_ISSUER = "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
ENTRA = {
    "name": "Microsoft",
    "issuer": ENTRA_ISSUER,
    "client_id": "6731de76-14a6-49ae-97bc-6eba6914391e",
    "client_secret_env": "ENTRA_SECRET",
    "allowed_domains": ["Org.Example"],
}
GOOGLE = {
    "name": "Google",
    "issuer": "https://accounts.google.com/",
    "client_id": "1234.apps.googleusercontent.com",
    "client_secret_env": "GOOGLE_SECRET",
}
KEY = "a session key long enough to sign the cookies"
ENVIRON = {"ENTRA_SECRET": "s1", "GOOGLE_SECRET": "s2", "INTAKE_WEB_SECRET_KEY": KEY}


def _config(
    tmp_path: Path, *providers: dict[str, Any], environ: dict[str, str] = ENVIRON
) -> Config:
    web = {"oidc": list(providers)}
    return make_config(tmp_path, f"sqlite:///{tmp_path / 'i.db'}", {"web": web}, environ)


def test_entra_and_google_providers_are_read_with_their_identity_rules(tmp_path: Path) -> None:
    entra, google = _config(tmp_path, ENTRA, GOOGLE).web.oidc
    assert (entra.slug, entra.identity, entra.tenant) == (
        "microsoft",
        "entra",
        "9188040d-6c67-4c5b-b112-36a304b66dad",
    )
    assert entra.allowed_domains == ("org.example",) and entra.client_secret.value == "s1"
    assert (google.slug, google.identity, google.issuer) == (
        "google",
        "email",
        "https://accounts.google.com",
    )
    assert google.scopes == ("openid", "email", "profile")


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"client_secret": "in the file"}, r"web\.oidc\[0\]\.client_secret'"),
        ({"issuer": None}, r"web\.oidc\[0\]\.issuer"),
        ({"client_id": None}, r"web\.oidc\[0\]\.client_id"),
        ({"client_secret_env": None}, r"web\.oidc\[0\]\.client_secret_env"),
        ({"issuer": "http://login.example.org"}, r"web\.oidc\[0\]\.issuer"),
        ({"issuer": "https://login.microsoftonline.com/common/v2.0"}, r"web\.oidc\[0\]\.issuer"),
        ({"identity": "upn"}, r"web\.oidc\[0\]\.identity"),
        ({"scopes": ["email"]}, r"web\.oidc\[0\]\.scopes"),
        ({"allowed_domains": ["@org"]}, r"web\.oidc\[0\]\.allowed_domains\[0\]"),
        ({"name": "!!"}, r"web\.oidc\[0\]\.name"),
    ],
    ids=[
        "unknown-key", "no-issuer", "no-client-id", "no-secret-variable", "plain-http",
        "entra-common", "unknown-identity", "no-openid-scope", "bad-domain", "bad-name",
    ],
)  # fmt: skip
def test_a_wrong_or_missing_provider_key_is_named(
    tmp_path: Path, change: dict[str, Any], key: str
) -> None:
    provider = {k: v for k, v in (ENTRA | change).items() if v is not None}
    with pytest.raises(ConfigError, match=key):
        _config(tmp_path, provider)


def test_two_providers_of_the_same_name_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"web\.oidc\[1\]\.name"):
        _config(tmp_path, GOOGLE, GOOGLE | {"name": "google"})


def test_oidc_must_be_an_array_of_tables(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"web\.oidc"):
        make_config(tmp_path, f"sqlite:///{tmp_path / 'i.db'}", {"web": {"oidc": GOOGLE}})


def test_web_does_not_start_without_a_providers_client_secret(tmp_path: Path) -> None:
    config = _config(tmp_path, GOOGLE, environ={"INTAKE_WEB_SECRET_KEY": KEY})
    with pytest.raises(ConfigError, match=r"web\.oidc\[0\]\.client_secret_env.*GOOGLE_SECRET"):
        require_web_secret(config.web)


def test_check_config_shows_the_providers_and_never_their_secrets(tmp_path: Path) -> None:
    lines = list(config_lines(_config(tmp_path, ENTRA, GOOGLE)))
    assert f'web.oidc[0].issuer = "{ENTRA_ISSUER}"' in lines
    assert 'web.oidc[1].client_secret_env = "GOOGLE_SECRET"' in lines
    assert not any("s1" in line.split("=", 1)[1] for line in lines if "oidc" in line)
