"""The device-code sign-in for Microsoft 365 through MSAL, which makes a delegated refresh token.

``msal_device_request`` says what MSAL is asked for (no network); ``MicrosoftDeviceFlow``
runs it through an application the ``application`` seam builds (MSAL's PublicClientApplication
in service). MSAL adds ``offline_access`` (hence the refresh token), ``openid`` and ``profile``
itself and refuses them in the scope list, so they are left out of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from intake.config.credentials.device import DEFAULT_EXPIRY, Prompt
from intake.config.credentials.microsoft import DELEGATED_SCOPES, LOGIN_HOST, TIMEOUT_SECONDS
from intake.config.oauth2 import OAuth2Config
from intake.errors import OAuth2Error
from intake.terminal_text import safe_line

MSAL_RESERVED_SCOPES = frozenset({"offline_access", "openid", "profile"})
#: MSAL stops polling when the code expires and returns the last answer, often still pending.
EXPIRED = frozenset({"expired_token", "code_expired", "authorization_pending", "slow_down"})


@dataclass(frozen=True)
class MsalDeviceRequest:
    """The public client, its tenant's authority and the delegated scopes asked for."""

    client_id: str
    authority: str
    scopes: tuple[str, ...]


def msal_device_request(config: OAuth2Config) -> MsalDeviceRequest:
    """IMAP.AccessAsUser.All and SMTP.Send unless ``oauth2_scopes`` says otherwise."""
    scopes = tuple(s for s in config.scopes or DELEGATED_SCOPES if s not in MSAL_RESERVED_SCOPES)
    return MsalDeviceRequest(config.client_id, f"{LOGIN_HOST}/{config.tenant}", scopes)


class DeviceApplication(Protocol):
    """The two calls of MSAL's PublicClientApplication the sign-in makes."""

    def initiate_device_flow(self, scopes: list[str]) -> dict[str, Any]: ...

    def acquire_token_by_device_flow(self, flow: dict[str, Any]) -> dict[str, Any]: ...


def msal_application(request: MsalDeviceRequest, http_client: Any = None) -> DeviceApplication:
    """MSAL's public client for ``request`` (it fetches the tenant's metadata); ``http_client``
    is MSAL's own transport hook, left None in service."""
    import msal  # imported here: only Microsoft mailboxes pay for it

    kwargs: dict[str, Any] = {"authority": request.authority, "timeout": TIMEOUT_SECONDS}
    if http_client is not None:
        kwargs["http_client"] = http_client
    application: DeviceApplication = msal.PublicClientApplication(request.client_id, **kwargs)
    return application


class MicrosoftDeviceFlow:
    """One device sign-in at Entra ID; MSAL polls, honouring the interval it is given."""

    def __init__(
        self,
        request: MsalDeviceRequest,
        application: Callable[[MsalDeviceRequest], DeviceApplication] = msal_application,
    ) -> None:
        self._request = request
        self._build = application
        self._application: DeviceApplication | None = None
        self._flow: dict[str, Any] = {}

    def start(self) -> Prompt:
        """Ask Entra ID for a user code."""
        flow = self._call(lambda app: app.initiate_device_flow(scopes=list(self._request.scopes)))
        if not flow.get("user_code") or not flow.get("verification_uri"):
            raise OAuth2Error(f"Microsoft gave no device code: {_reason(flow)}")
        self._flow = flow
        expires_in = flow.get("expires_in")
        return Prompt(
            safe_line(str(flow["verification_uri"])),
            safe_line(str(flow["user_code"])),
            float(expires_in) if isinstance(expires_in, int | float) else DEFAULT_EXPIRY,
        )

    def finish(self) -> str:
        """Wait for the sign-in; the refresh token, or OAuth2Error with Entra's reason."""
        result = self._call(lambda app: app.acquire_token_by_device_flow(self._flow))
        token = result.get("refresh_token")
        if isinstance(token, str) and token:
            return token
        if result.get("error") in ("authorization_declined", "access_denied"):
            raise OAuth2Error("the sign-in was refused (access_denied): no token was issued")
        if result.get("error") in EXPIRED:
            raise OAuth2Error("the code expired before the sign-in was approved; start again")
        raise OAuth2Error(f"Microsoft gave no refresh token: {_reason(result)}")

    def _call(self, step: Callable[[DeviceApplication], Any]) -> dict[str, Any]:
        authority = self._request.authority
        try:
            if self._application is None:
                self._application = self._build(self._request)
            result = step(self._application)
        except (ValueError, OSError) as exc:  # requests' errors are OSErrors
            raise OAuth2Error(f"Microsoft sign-in at {authority} failed: {_one_line(exc)}") from exc
        return result if isinstance(result, dict) else {}


def _reason(result: dict[str, Any]) -> str:
    """Entra's error code and the first line of its description, cleaned."""
    detail = str(result.get("error_description") or "").splitlines()
    parts = [
        safe_line(str(result.get("error") or "no answer")),
        safe_line(detail[0] if detail else ""),
    ]
    return ": ".join(part for part in parts if part)[:300]


def _one_line(exc: BaseException) -> str:
    return safe_line(str(exc))[:300] or type(exc).__name__
