"""The device sign-in's polling (RFC 8628) against the test token server, and what Microsoft's
and Google's sign-ins ask for, built without their servers (unreachable from the tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake.config.credentials.device import (
    DEVICE_GRANT,
    GOOGLE_DEVICE_URL,
    DeviceEndpoints,
    DeviceFlow,
    endpoints_for,
)
from intake.config.credentials.microsoft_device import (
    MicrosoftDeviceFlow,
    MsalDeviceRequest,
    msal_device_request,
)
from intake.config.oauth2 import OAuth2Config
from intake.errors import OAuth2Error
from tests.config.test_oauth2 import load, oauth2
from tests.oauth2_server import CLIENT_ID, DEVICE_REFRESH_TOKEN, TokenServer, token_server

__all__ = ["token_server"]


def settings(tmp_path: Path, provider: str, **keys: Any) -> OAuth2Config:
    config = load(tmp_path, oauth2(provider, oauth2_refresh_token_env="REFRESH", **keys))
    assert config.mailbox.oauth2 is not None
    return config.mailbox.oauth2


def test_polling_waits_the_interval_and_five_seconds_more_after_slow_down(
    token_server: TokenServer,
) -> None:
    token_server.device.pending, token_server.device.slow_down_at = 3, 2
    token_server.device.interval = 2
    waits: list[float] = []
    url = token_server.url
    flow = DeviceFlow(
        DeviceEndpoints(f"{url}/device", f"{url}/token", CLIENT_ID), sleep=waits.append
    )
    prompt = flow.start()
    assert (prompt.user_code, prompt.expires_in) == ("WDJB-MJHT", 900.0)
    assert flow.finish() == DEVICE_REFRESH_TOKEN
    assert (token_server.device.polls, waits) == (4, [2.0, 2.0, 7.0, 7.0])


def test_googles_verification_url_is_read_like_the_rfcs_verification_uri(
    token_server: TokenServer,
) -> None:
    token_server.device.uri_key = "verification_url"
    url = token_server.url
    flow = DeviceFlow(DeviceEndpoints(f"{url}/device", f"{url}/token", CLIENT_ID))
    assert flow.start().verification_uri == "https://login.example.org/device"


def test_a_code_past_its_expiry_stops_the_polling_without_asking_again(
    token_server: TokenServer,
) -> None:
    token_server.device.pending = 10
    now = [0.0]
    url = token_server.url

    def sleep(seconds: float) -> None:
        now[0] += seconds + 301.0  # each wait overruns: the third ends past the 900 s

    endpoints = DeviceEndpoints(f"{url}/device", f"{url}/token", CLIENT_ID)
    flow = DeviceFlow(endpoints, sleep=sleep, clock=lambda: now[0])
    flow.start()
    with pytest.raises(OAuth2Error, match="the code expired"):
        flow.finish()
    assert token_server.device.polls == 2


def test_google_sign_in_asks_its_device_endpoint_for_the_mail_scope_with_the_secret(
    tmp_path: Path,
) -> None:
    endpoints = endpoints_for(settings(tmp_path, "google", oauth2_client_secret_env="SECRET"))
    assert endpoints.device_url == GOOGLE_DEVICE_URL == "https://oauth2.googleapis.com/device/code"
    assert endpoints.token_url == "https://oauth2.googleapis.com/token"
    assert (endpoints.scopes, endpoints.client_secret) == (("https://mail.google.com/",), "s3cret")
    assert DEVICE_GRANT == "urn:ietf:params:oauth:grant-type:device_code"


def test_microsoft_sign_in_asks_for_imap_and_smtp_and_leaves_msal_its_reserved_scopes(
    tmp_path: Path,
) -> None:
    config = settings(tmp_path, "microsoft", oauth2_tenant="contoso.onmicrosoft.com")
    assert msal_device_request(config) == MsalDeviceRequest(
        client_id="client",
        authority="https://login.microsoftonline.com/contoso.onmicrosoft.com",
        scopes=(
            "https://outlook.office.com/IMAP.AccessAsUser.All",
            "https://outlook.office.com/SMTP.Send",
        ),
    )
    scoped = settings(
        tmp_path, "microsoft", oauth2_tenant="t", oauth2_scopes=["offline_access", "openid", "x"]
    )
    assert msal_device_request(scoped).scopes == ("x",)


class ScriptedEntra:
    """Stands in for MSAL's public client behind the sign-in's own ``application`` seam."""

    def __init__(self, result: dict[str, Any]) -> None:
        self.result = result
        self.calls: list[tuple[str, Any]] = []

    def initiate_device_flow(self, scopes: list[str]) -> dict[str, Any]:
        self.calls.append(("initiate", scopes))
        uri = "https://microsoft.com/devicelogin\x1b[2J"
        return {"user_code": "F7KQ2", "verification_uri": uri, "expires_in": 900, "interval": 5}

    def acquire_token_by_device_flow(self, flow: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(("acquire", flow["user_code"]))
        return self.result


@pytest.mark.parametrize(
    ("result", "outcome"),
    [
        ({"access_token": "a", "refresh_token": "m365-refresh"}, "m365-refresh"),
        ({"error": "authorization_declined"}, "the sign-in was refused (access_denied)"),
        ({"error": "authorization_pending"}, "the code expired before the sign-in was approved"),
        (
            {"error": "invalid_client", "error_description": "AADSTS7000218: public\nflows off"},
            "Microsoft gave no refresh token: invalid_client: AADSTS7000218: public",
        ),
    ],
)
def test_microsoft_sign_in_hands_msal_the_request_and_reads_its_answer(
    tmp_path: Path, result: dict[str, Any], outcome: str
) -> None:
    request = msal_device_request(settings(tmp_path, "microsoft", oauth2_tenant="contoso"))
    entra = ScriptedEntra(result)
    built: list[MsalDeviceRequest] = []

    def application(asked: MsalDeviceRequest) -> ScriptedEntra:
        built.append(asked)
        return entra

    flow = MicrosoftDeviceFlow(request, application=application)
    prompt = flow.start()
    assert (prompt.verification_uri, prompt.user_code) == (
        "https://microsoft.com/devicelogin",
        "F7KQ2",
    )
    try:
        got = flow.finish()
    except OAuth2Error as exc:
        got = str(exc)
    assert got.startswith(outcome)
    assert (built, entra.calls) == (
        [request],
        [("initiate", list(request.scopes)), ("acquire", "F7KQ2")],
    )
