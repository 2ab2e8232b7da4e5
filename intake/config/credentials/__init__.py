"""OAuth2 for IMAP and SMTP: token providers (Microsoft, Google, any token URL) behind one cache.

Tokens are held in memory only and never logged; ``token_source`` builds the cache for a
config's ``[mailbox]`` or ``[smtp]`` OAuth2 settings.
"""

from __future__ import annotations

from intake.config.credentials.tokens import TokenProvider, TokenSource
from intake.config.oauth2 import OAuth2Config

__all__ = ["TokenSource", "provider_for", "token_source"]


def provider_for(config: OAuth2Config) -> TokenProvider:
    """The provider ``config.provider`` names."""
    if config.provider == "microsoft":
        from intake.config.credentials.microsoft import MicrosoftProvider

        return MicrosoftProvider(config)
    if config.provider == "google":
        from intake.config.credentials.google import GoogleProvider

        return GoogleProvider(config)
    from intake.config.credentials.generic import GenericProvider

    return GenericProvider(config)


def token_source(config: OAuth2Config) -> TokenSource:
    """A token cache over the provider ``config`` names."""
    return TokenSource(provider_for(config))
