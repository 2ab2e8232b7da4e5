"""Tokens for Microsoft 365 (Exchange Online) through MSAL: app-only or a delegated mailbox.

With a client secret or certificate and no refresh token, the client-credentials flow gets an
app-only token for ``https://outlook.office365.com/.default`` (the app holds IMAP.AccessAsApp
and SMTP.SendAsApp, and Exchange grants it the mailbox). With a refresh token (from
``intake oauth2 login``) it gets a delegated token for IMAP.AccessAsUser.All and SMTP.Send.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake.config.credentials.tokens import AccessToken, lifetime_of
from intake.config.oauth2 import OAuth2Config
from intake.errors import OAuth2Error

LOGIN_HOST = "https://login.microsoftonline.com"
APP_SCOPES = ("https://outlook.office365.com/.default",)
DELEGATED_SCOPES = (
    "https://outlook.office.com/IMAP.AccessAsUser.All",
    "https://outlook.office.com/SMTP.Send",
)
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class MsalPlan:
    """What MSAL is asked for: the tenant's authority, the scopes and the flow."""

    authority: str
    scopes: tuple[str, ...]
    flow: str  # "client_credentials" | "refresh_token"
    confidential: bool


def msal_plan(config: OAuth2Config) -> MsalPlan:
    """The plan for ``config``: a refresh token means delegated access, else app-only."""
    delegated = config.refresh_token is not None
    default = DELEGATED_SCOPES if delegated else APP_SCOPES
    return MsalPlan(
        authority=f"{LOGIN_HOST}/{config.tenant}",
        scopes=config.scopes or default,
        flow="refresh_token" if delegated else "client_credentials",
        confidential=bool(config.client_secret or config.certificate_file),
    )


class MicrosoftProvider:
    """Asks MSAL for a token per fetch (the TokenSource caches it); ``http_client`` is MSAL's
    own hook, left None in service."""

    def __init__(self, config: OAuth2Config, http_client: Any = None) -> None:
        self._config = config
        self._plan = msal_plan(config)
        self._http_client = http_client
        self._refresh_token = config.refresh_token.value if config.refresh_token else ""

    def fetch(self) -> AccessToken:
        """A new token from Entra ID; OAuth2Error with MSAL's error code and description."""
        plan = self._plan
        try:
            app = self._application()
            if plan.flow == "client_credentials":
                result = app.acquire_token_for_client(scopes=list(plan.scopes))
            else:
                result = app.acquire_token_by_refresh_token(
                    self._refresh_token, scopes=list(plan.scopes)
                )
        except (ValueError, OSError) as exc:  # requests' errors are OSErrors
            raise OAuth2Error(f"Microsoft sign-in at {plan.authority} failed: {exc}") from exc
        return self._token(result)

    def _application(self) -> Any:
        import msal  # imported here: only Microsoft mailboxes pay for it

        kwargs: dict[str, Any] = {"authority": self._plan.authority, "timeout": TIMEOUT_SECONDS}
        if self._http_client is not None:
            kwargs["http_client"] = self._http_client
        if not self._plan.confidential:
            return msal.PublicClientApplication(self._config.client_id, **kwargs)
        return msal.ConfidentialClientApplication(
            self._config.client_id, client_credential=self._credential(), **kwargs
        )

    def _credential(self) -> str | dict[str, str]:
        config = self._config
        if config.certificate_file is None:
            assert config.client_secret is not None  # msal_plan made this a confidential app
            return config.client_secret.value
        try:
            key = config.certificate_file.read_text()
        except OSError as exc:
            raise OAuth2Error(f"cannot read {config.certificate_file}: {exc}") from exc
        return {"private_key": key, "thumbprint": config.certificate_thumbprint}

    def _token(self, result: Any) -> AccessToken:
        if not isinstance(result, dict) or not result.get("access_token"):
            detail = result.get("error_description", "") if isinstance(result, dict) else ""
            code = result.get("error", "no token") if isinstance(result, dict) else "no token"
            first_line = str(detail).splitlines()[0] if detail else ""
            raise OAuth2Error(f"Microsoft refused a token: {code}: {first_line}".rstrip(": "))
        rotated = result.get("refresh_token")
        if isinstance(rotated, str) and rotated:
            self._refresh_token = rotated
        return AccessToken(str(result["access_token"]), lifetime_of(result.get("expires_in")))
