"""``intake users add|list|remove``: who may sign in to the web console, and in which role."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from intake.config.runtime import runtime_for
from intake.config.settings import Config
from intake.errors import EXIT_OK, UsageError
from intake.hr.users import add_user, list_users, remove_user
from intake.hr.views import iso_utc
from intake.output import write_rows
from storage.database import write_transaction
from storage.web_models import WebUser

COLUMNS = ("name", "role", "vacancies", "email", "password", "created_at")


def run(args: argparse.Namespace, config: Config) -> int:
    """Add, list or remove."""
    if args.action == "list":
        with runtime_for(config) as runtime, runtime.sessions() as session:
            rows = [_row(user) for user in list_users(session)]
        write_rows(rows, COLUMNS, "table", sys.stdout)
        return EXIT_OK
    if not args.name:
        raise UsageError(f"users {args.action}: name the user")
    if args.action == "remove":
        with runtime_for(config) as runtime, write_transaction(runtime.sessions) as session:
            remove_user(session, args.name)
        print(f"user {args.name} removed: it can no longer sign in")
        return EXIT_OK
    if args.role is None:
        raise UsageError("users add: give --role admin, hr or panel")
    if args.no_password and not args.email:
        raise UsageError("users add: --no-password needs --email (the way this user signs in)")
    password = None if args.no_password else _password(args.password_env, args.password_stdin)
    with runtime_for(config) as runtime, write_transaction(runtime.sessions) as session:
        add_user(session, args.name, args.role, password, tuple(args.vacancy), args.email)
    print(f"user {args.name} added ({args.role})")
    return EXIT_OK


def _password(env: str | None, from_stdin: bool) -> str:
    """From the variable ``env``, the first line of stdin, or asked twice on the terminal."""
    if env:
        if env not in os.environ:
            raise UsageError(f"--password-env: environment variable {env} is not set")
        return os.environ[env]
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("users add: no terminal to ask the password on; use --password-stdin")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise UsageError("the two passwords differ")
    return first


def _row(user: WebUser) -> dict[str, object]:
    return {
        "name": user.name,
        "role": user.role,
        "vacancies": ", ".join(item.vacancy for item in user.vacancies),
        "email": user.email or "",
        "password": "yes" if user.password_hash else "no",
        "created_at": iso_utc(user.created_at),
    }
