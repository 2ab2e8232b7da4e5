"""``intake oauth2 login``: the device-code sign-in (RFC 8628) that gets a delegated mailbox's
refresh token, for the environment variable the config's ``oauth2_refresh_token_env`` names.

The operator opens the address shown on any device, types the code and signs in as the
mailbox; the refresh token goes only to the file ``--write-token`` names (created 0600) or,
with ``--print``, to standard output. Everything else is said on standard error.
"""

from __future__ import annotations

import argparse
import sys

from intake.commands.token_file import open_token_file
from intake.config.credentials.device import DeviceFlow, Prompt, endpoints_for
from intake.config.credentials.microsoft_device import MicrosoftDeviceFlow, msal_device_request
from intake.config.oauth2 import OAuth2Config
from intake.config.settings import Config
from intake.errors import EXIT_OK, ConfigError, OAuth2Error


def run(args: argparse.Namespace, config: Config) -> int:
    """Sign in, hand the token over, say where it goes; OAuth2Error on refusal or expiry."""
    settings = login_settings(config, args.section)
    flow = device_flow(settings, args.section)
    with open_token_file(args.write_token, force=args.force) as token_file:
        try:
            _say_prompt(_start(flow, settings))
            token = flow.finish()
        except KeyboardInterrupt:
            _say("intake: oauth2 login interrupted; no token was written")
            raise
        if token_file is not None:
            token_file.write(token)
            _say(f"The refresh token is in {args.write_token} (readable by you only).")
        else:
            print(token, flush=True)
    _say(f"Put it in the environment variable {settings.refresh_token_env} of the service.")
    return EXIT_OK


def login_settings(config: Config, section: str) -> OAuth2Config:
    """The section's OAuth2 settings, when a refresh token has somewhere to go."""
    settings = config.mailbox.oauth2 if section == "mailbox" else config.smtp.oauth2
    if settings is None:
        raise ConfigError(f"{section}.auth", 'is not "oauth2": there is no token to get')
    if not settings.refresh_token_env:
        raise ConfigError(
            f"{section}.oauth2_refresh_token_env",
            "is required by oauth2 login: it names the variable the refresh token goes in",
        )
    return settings


def device_flow(settings: OAuth2Config, section: str) -> DeviceFlow | MicrosoftDeviceFlow:
    """MSAL's device flow for Microsoft, RFC 8628 over HTTP for Google and generic."""
    if settings.provider == "microsoft":
        return MicrosoftDeviceFlow(msal_device_request(settings))
    if settings.service_account_file is not None:
        raise ConfigError(
            f"{section}.oauth2_service_account_file",
            "a service account needs no refresh token (oauth2 login is for a user's mailbox)",
        )
    if settings.provider == "generic" and not settings.device_url:
        raise ConfigError(f"{section}.oauth2_device_url", "is required by oauth2 login")
    return DeviceFlow(endpoints_for(settings))


def _start(flow: DeviceFlow | MicrosoftDeviceFlow, settings: OAuth2Config) -> Prompt:
    """The prompt; Google's refusal of the Gmail scope gets a pointer to the alternatives."""
    try:
        return flow.start()
    except OAuth2Error as exc:
        if settings.provider == "google" and "invalid_scope" in str(exc):
            raise OAuth2Error(f"{exc} (see docs/oauth2-google.md for the other ways)") from exc
        raise


def _say_prompt(prompt: Prompt) -> None:
    minutes = max(1, round(prompt.expires_in / 60))
    _say(f"To sign in, open {prompt.verification_uri} and enter the code {prompt.user_code}")
    _say(f"as the mailbox's user. Waiting up to {minutes} minutes (Ctrl-C gives up).")


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
