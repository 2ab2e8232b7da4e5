"""Exception tree of the intake package, and the exit codes every ``intake`` command uses.

IntakeError                    every error the service raises on purpose
├── ConfigError                the config file is missing, unreadable or invalid (names the key)
├── UsageError                 a value given on the command line is wrong (names the option)
├── MailboxError               the mailbox could not be reached or answered wrongly
│   ├── MailboxConnectionLost  the connection dropped; the caller may reconnect and resume
│   └── OAuth2Error            no access token could be had (token endpoint, MSAL, google-auth)
└── SignInRefused              an OpenID Connect sign-in was refused (provider down, a check of
                               its answer failed, nobody has the account it vouched for)

Third-party errors (imapclient, socket, tomllib, requests, Authlib, joserfc) are wrapped where
they enter with ``raise … from exc``; the CLI turns an IntakeError into one line and an exit
code, never a traceback.
"""

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and something failed (or, for status, is unhealthy)
EXIT_USAGE = 2  # the config or a command-line value is wrong


class IntakeError(Exception):
    """Base of every error raised by the intake package."""


class ConfigError(IntakeError):
    """The configuration is invalid; the message names the key at fault."""

    def __init__(self, key: str, problem: str) -> None:
        where = f" at '{key}'" if key else ""
        super().__init__(f"config error{where}: {problem}")
        self.key = key
        self.problem = problem


class UsageError(IntakeError):
    """A command-line value is wrong; the message names the option and what it accepts."""


class MailboxError(IntakeError):
    """The mailbox could not be reached or gave an answer we cannot use."""


class MailboxConnectionLost(MailboxError):
    """The mailbox connection dropped mid-operation; reconnecting may help."""


class OAuth2Error(MailboxError):
    """No OAuth2 access token could be had; the message says from where and why, never a token."""


class SignInRefused(IntakeError):
    """An OpenID Connect sign-in was refused. ``reason`` is a short code for the audit
    (``provider_unreachable``, ``token_invalid``, ``unknown_identity``, …); the message is
    our own words for the refusal page, never the provider's text."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
