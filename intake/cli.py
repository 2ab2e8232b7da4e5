"""The ``intake`` command line: parses arguments, runs a command, turns errors into one line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from intake import __version__
from intake.commands import COMMANDS, check_config, status
from intake.commands.acks import add_arguments as add_acks_arguments
from intake.config.needs import require_mailbox_secrets
from intake.config.runtime import open_runtime, runtime_for
from intake.config.settings import Config, load_config
from intake.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ConfigError, IntakeError, UsageError
from intake.hr.views import MESSAGE_COLUMNS, MESSAGE_TABLE_COLUMNS, message_dicts
from intake.logs import configure_logging
from intake.mailbox.open import open_mailbox
from intake.output import FORMATS, write_rows
from storage.database import database_errors
from storage.errors import StorageError
from storage.migrate import current_revision, head_revision

Command = Callable[[argparse.Namespace, Config], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = _parser().parse_args(argv)
    try:
        configure_logging(args.log_level)
        awaiting = getattr(args, "awaiting_refresh_token", False)  # set by ``oauth2 login``
        config = load_config(_config_path(args.config), os.environ, awaiting_refresh_token=awaiting)
        command: Command = args.handler
        with database_errors():
            return command(args, config)
    except ConfigError as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (IntakeError, StorageError) as exc:
        print(f"intake: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``intake applications | head``): not an error
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not complain again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _config_path(option: str | None) -> Path:
    return Path(option or os.environ.get("INTAKE_CONFIG") or "config.toml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="intake", description=__doc__)
    parser.add_argument("--config", help="config file (default: $INTAKE_CONFIG or ./config.toml)")
    parser.add_argument("--log-level", default=os.environ.get("INTAKE_LOG_LEVEL", "INFO"))
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add(commands, "poll", "fetch and store every new message once", _poll)
    _add(commands, "run", "run the daemon (polls on a schedule)", _run)
    check = _add(commands, "check-config", check_config.SUMMARY, check_config.run)
    check_config.add_arguments(check)
    status.add_arguments(_add(commands, "status", status.SUMMARY, status.run))
    for name, module in COMMANDS[:1]:
        module.add_arguments(_add(commands, name, module.SUMMARY, module.run))
    messages = _add(commands, "messages", "list stored messages", _messages)
    messages.add_argument("--format", choices=FORMATS, default="table")
    for name, module in COMMANDS[1:]:
        module.add_arguments(_add(commands, name, module.SUMMARY, module.run))
    web = _add(commands, "web", "serve the HR web console (docs/web.md)", _web)
    web.add_argument("--listen", metavar="HOST:PORT", help="default: [web] listen")
    acks = _add(commands, "acks", "acknowledgements: list, retry, preview, send", _acks)
    add_acks_arguments(acks)
    db = _add(commands, "db", "database schema", _db)
    db.add_argument("action", choices=("upgrade", "current"))
    return parser


def _add(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    handler: Command,
) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=summary, description=summary)
    sub.set_defaults(handler=handler)
    return sub


def _poll(_args: argparse.Namespace, config: Config) -> int:
    # Imported here: the document readers take seconds to import, which read commands skip.
    from intake.poll.cycle import poll_once

    require_mailbox_secrets(config)
    runtime = open_runtime(config)
    mailbox = open_mailbox(config.mailbox)
    try:
        report = poll_once(config, runtime.sessions, mailbox)
    finally:
        mailbox.close()
        runtime.close()
    print(f"poll {'finished' if report.ok else 'failed'}: {report.summary()}")
    return EXIT_OK if report.ok else EXIT_FAILED


def _run(args: argparse.Namespace, config: Config) -> int:
    from intake.poll.daemon import Daemon  # imported here for the reason given in _poll

    require_mailbox_secrets(config)
    runtime = open_runtime(config)
    try:
        # The path as given, not resolved: a symlink swapped to a new file is a new config.
        Daemon(runtime, config_path=_config_path(args.config).absolute()).run()
    finally:
        runtime.close()
    return EXIT_OK


def _web(args: argparse.Namespace, config: Config) -> int:
    from intake.web.server import serve  # imported here: only this command needs the web stack

    serve(config, args.listen)
    return EXIT_OK


def _messages(args: argparse.Namespace, config: Config) -> int:
    with runtime_for(config) as runtime, runtime.sessions() as session:
        columns = MESSAGE_TABLE_COLUMNS if args.format == "table" else MESSAGE_COLUMNS
        write_rows(message_dicts(session), columns, args.format, sys.stdout)
    return EXIT_OK


def _acks(args: argparse.Namespace, config: Config) -> int:
    from intake.commands.acks import run

    return run(args, config)


def _db(args: argparse.Namespace, config: Config) -> int:
    runtime = open_runtime(config, schema="upgrade" if args.action == "upgrade" else "any")
    try:
        print(f"database at revision {current_revision(runtime.engine)}")
        print(f"code expects revision {head_revision(runtime.engine)}")
    finally:
        runtime.close()
    return EXIT_OK
