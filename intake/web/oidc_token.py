"""The authorization code flow's two calls: the URL that sends the browser to the provider
(state, nonce, PKCE S256) and the exchange of the code for an ID token that is then verified
(signature against the provider's keys, issuer, audience, expiry, nonce).

Authlib's requests client does the OAuth2 part; joserfc (Authlib's JOSE library) the checks.
"""

from __future__ import annotations

from typing import Any

import requests
from authlib.integrations.requests_client import OAuth2Session, OAuthError
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwt import JWTClaimsRegistry

from intake.errors import SignInRefused
from intake.web.oidc_pending import PendingSignIn
from intake.web.oidc_provider import TIMEOUT_SECONDS, OidcProvider

#: Seconds of clock difference allowed with the provider (expiry, issued-at).
LEEWAY_SECONDS = 60


def authorization_url(provider: OidcProvider, pending: PendingSignIn, redirect_uri: str) -> str:
    """Where the browser goes to sign in at ``provider``."""
    metadata = provider.metadata()
    with _client(provider, redirect_uri, metadata.token_auth_method) as client:
        url, _state = client.create_authorization_url(
            metadata.authorization_endpoint,
            state=pending.state,
            code_verifier=pending.verifier,
            nonce=pending.nonce,
        )
    return str(url)


def exchange_code(
    provider: OidcProvider, pending: PendingSignIn, code: str, redirect_uri: str
) -> dict[str, Any]:
    """The verified claims of the ID token the provider gives for ``code``."""
    metadata = provider.metadata()
    with _client(provider, redirect_uri, metadata.token_auth_method) as client:
        try:
            token = client.fetch_token(
                metadata.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=pending.verifier,
                redirect_uri=redirect_uri,
                timeout=TIMEOUT_SECONDS,
            )
        except requests.RequestException as exc:
            raise SignInRefused(
                "provider_unreachable", "The sign-in provider cannot be reached just now."
            ) from exc
        except (OAuthError, ValueError) as exc:
            raise SignInRefused(
                "token_refused", "The sign-in provider refused to complete the sign-in."
            ) from exc
    id_token = token.get("id_token")
    if not isinstance(id_token, str):
        raise SignInRefused("token_invalid", "The sign-in provider sent no identity token.")
    return verify_id_token(provider, id_token, pending.nonce)


def verify_id_token(provider: OidcProvider, id_token: str, nonce: str) -> dict[str, Any]:
    """The claims of ``id_token`` once its signature, issuer, audience, expiry and nonce are
    right; SignInRefused (reason ``token_invalid``) otherwise."""
    config = provider.config
    try:
        kid = jws.extract_compact(id_token.encode()).protected.get("kid")
        keys = provider.keys(kid if isinstance(kid, str) else None)
        decoded = jwt.decode(id_token, keys, algorithms=list(provider.metadata().algorithms))
        claims: dict[str, Any] = dict(decoded.claims)
        JWTClaimsRegistry(
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": config.issuer},
            aud={"essential": True, "value": config.client_id},
            exp={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(claims)
    except (JoseError, ValueError, TypeError) as exc:
        raise _invalid() from exc
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != config.client_id:
        raise _invalid()
    return claims


def _client(provider: OidcProvider, redirect_uri: str, auth_method: str) -> OAuth2Session:
    config = provider.config
    return OAuth2Session(
        client_id=config.client_id,
        client_secret=config.client_secret.value,
        token_endpoint_auth_method=auth_method,
        scope=" ".join(config.scopes),
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        default_timeout=TIMEOUT_SECONDS,
    )


def _invalid() -> SignInRefused:
    return SignInRefused(
        "token_invalid", "The identity token from the sign-in provider failed its checks."
    )
