"""Microsoft's device sign-in through the real MSAL, its HTTP routed to the test token server.

login.microsoftonline.com cannot be reached from the tests: MSAL's own transport hook
(``http_client``) answers the tenant's OpenID metadata and sends MSAL's device-code and token
requests to the test server's ``/device`` and ``/token`` over HTTP on 127.0.0.1. What MSAL
asks for, how it polls and what it returns are MSAL's own; only the host is changed.
"""

from __future__ import annotations

import functools
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from intake.config.credentials.microsoft_device import (
    MicrosoftDeviceFlow,
    MsalDeviceRequest,
    msal_application,
)
from intake.errors import OAuth2Error
from tests.oauth2_server import CLIENT_ID, DEVICE_REFRESH_TOKEN, TokenServer, token_server

__all__ = ["token_server"]

AUTHORITY = "https://login.microsoftonline.com/contoso.onmicrosoft.com"
SCOPES = (
    "https://outlook.office.com/IMAP.AccessAsUser.All",
    "https://outlook.office.com/SMTP.Send",
)


@dataclass
class Answer:
    """The part of a ``requests`` response MSAL reads."""

    status_code: int
    text: str
    headers: dict[str, str] = field(default_factory=dict)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise OSError(f"HTTP {self.status_code}")


@dataclass
class EntraRoute:
    """MSAL's ``http_client``: the tenant metadata answered here, POSTs sent to the server."""

    server: TokenServer
    posts: list[str] = field(default_factory=list)

    def get(self, url: str, **_: Any) -> Answer:
        assert url == f"{AUTHORITY}/v2.0/.well-known/openid-configuration", url
        base = f"{AUTHORITY}/oauth2/v2.0"
        metadata = {
            "issuer": f"{AUTHORITY}/v2.0",
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "device_authorization_endpoint": f"{base}/devicecode",
        }
        return Answer(200, json.dumps(metadata))

    def post(self, url: str, data: Any = None, **_: Any) -> Answer:
        path = urlsplit(url).path.rsplit("/", 1)[-1]
        self.posts.append(path)
        local = f"{self.server.url}/{'device' if path == 'devicecode' else path}"
        form = data if isinstance(data, str) else urlencode(data or {})
        request = urllib.request.Request(local, data=form.encode(), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as exc:
            return Answer(exc.code, exc.read().decode())


def sign_in(server: TokenServer) -> tuple[str, EntraRoute]:
    route = EntraRoute(server)
    request = MsalDeviceRequest(CLIENT_ID, AUTHORITY, SCOPES)
    flow = MicrosoftDeviceFlow(request, functools.partial(msal_application, http_client=route))
    prompt = flow.start()
    assert (prompt.verification_uri, prompt.user_code) == (
        "https://login.example.org/device",
        "WDJB-MJHT",
    )
    return flow.finish(), route


def test_msal_asks_for_imap_smtp_and_offline_access_and_polls_until_approved(
    token_server: TokenServer,
) -> None:
    token_server.device.pending = 2
    token, route = sign_in(token_server)
    scope = token_server.device.requests[0]["scope"].split()
    assert token == DEVICE_REFRESH_TOKEN
    assert set(scope) == {*SCOPES, "offline_access", "openid", "profile"}
    assert (route.posts, token_server.device.polls) == (
        ["devicecode", "token", "token", "token"],
        3,
    )


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        ("deny", "the sign-in was refused (access_denied): no token was issued"),
        ("expire", "the code expired before the sign-in was approved; start again"),
    ],
)
def test_msal_reports_a_refused_or_expired_sign_in_as_one_line(
    token_server: TokenServer, outcome: str, message: str
) -> None:
    token_server.device.outcome = outcome
    with pytest.raises(OAuth2Error) as caught:
        sign_in(token_server)
    assert str(caught.value) == message
