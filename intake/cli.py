"""The ``intake`` command line: parses arguments, runs a command, turns errors into one line.

Building the parser imports only argparse and each command's argument declarations
(``intake.commands.arguments``): ``intake --help``, ``--version`` and ``COMMAND --help`` end
there. The config, the database and the command's own module are imported once a command
runs, and only that command's (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pkgutil import resolve_name
from typing import TYPE_CHECKING, Protocol

from intake import __version__
from intake.commands.arguments import (
    acks,
    applications,
    audit,
    candidate,
    candidates,
    check_config,
    db,
    decide,
    documents,
    enquiries,
    erase,
    messages,
    oauth2,
    poll,
    purge,
    quarantine,
    reprocess,
    run,
    show,
    status,
    summary,
    users,
    web,
)
from intake.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ConfigError, IntakeError, UsageError
from intake.logs import configure_logging
from storage.errors import StorageError

if TYPE_CHECKING:
    from intake.config.settings import Config

#: What ``intake --help`` says first (argparse's description).
DESCRIPTION = (
    "The ``intake`` command line: parses arguments, runs a command, turns errors into one line."
)
Run = Callable[[argparse.Namespace, "Config"], int]
#: Commands that may compose an acknowledgement: their start renders every template once.
COMPOSING_COMMANDS = frozenset({"poll", "run", "check-config", "acks"})
#: Commands that read attachments in worker processes: their fork server starts first.
READING_COMMANDS = frozenset({"poll", "run"})


class Arguments(Protocol):
    """A module of ``intake.commands.arguments``: what one command accepts."""

    SUMMARY: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...


@dataclass(frozen=True)
class Command:
    """One command: its name, its arguments, and where its ``run(args, config)`` is, as
    ``module:function``, imported only when the command runs."""

    name: str
    arguments: Arguments
    runner: str


#: Every command, in the order ``intake --help`` lists them.
COMMANDS = (
    Command("poll", poll, "intake.commands.poll:run"),
    Command("run", run, "intake.commands.run:run"),
    Command("check-config", check_config, "intake.commands.check_config:run"),
    Command("status", status, "intake.commands.status:run"),
    Command("applications", applications, "intake.commands.applications:run"),
    Command("messages", messages, "intake.commands.messages:run"),
    Command("show", show, "intake.commands.show:run"),
    Command("candidates", candidates, "intake.commands.candidates:run"),
    Command("candidate", candidate, "intake.commands.candidate:run"),
    Command("decide", decide, "intake.commands.decide:run"),
    Command("summary", summary, "intake.commands.summary:run"),
    Command("enquiries", enquiries, "intake.commands.enquiries:run"),
    Command("documents", documents, "intake.commands.documents:run"),
    Command("reprocess", reprocess, "intake.commands.reprocess:run"),
    Command("quarantine", quarantine, "intake.commands.quarantine:run"),
    Command("purge", purge, "intake.commands.purge:run"),
    Command("erase", erase, "intake.commands.erase:run"),
    Command("audit", audit, "intake.commands.audit:run"),
    Command("oauth2", oauth2, "intake.commands.oauth2:run"),
    Command("users", users, "intake.commands.users:run"),
    # Here, not in intake.commands: the commands wing and the web wing never import each other.
    Command("web", web, "intake.cli:serve_web"),
    Command("acks", acks, "intake.commands.acks:run"),
    Command("db", db, "intake.commands.db:run"),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        configure_logging(args.log_level)
        return _run(args)
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


def _run(args: argparse.Namespace) -> int:
    """Load the config and run the command the arguments chose."""
    if args.command in READING_COMMANDS:
        # Before the imports below: the fork server imports the readers meanwhile.
        from intake.poll.fork_server import start_fork_server

        start_fork_server()
    # Imported only now: the config needs SQLAlchemy, which --help and --version never load.
    from intake.config.settings import config_path, load_config
    from storage.database import database_errors

    awaiting = getattr(args, "awaiting_refresh_token", False)  # set by ``oauth2 login``
    path = config_path(args.config, os.environ)
    config = load_config(path, os.environ, awaiting_refresh_token=awaiting)
    if args.command in COMPOSING_COMMANDS:
        _check_templates(config)
    command: Run = resolve_name(args.runner)
    with database_errors():
        return command(args, config)


def _check_templates(config: Config) -> None:
    """Every acknowledgement template renders (ConfigError naming the file otherwise)."""
    # Imported here: Jinja and the templates cost half a second the read commands skip.
    from intake.acks.template_check import check_templates

    check_templates(config)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not complain again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command's runner is left as a name, not imported."""
    parser = argparse.ArgumentParser(prog="intake", description=DESCRIPTION)
    parser.add_argument("--config", help="config file (default: $INTAKE_CONFIG or ./config.toml)")
    parser.add_argument("--log-level", default=os.environ.get("INTAKE_LOG_LEVEL", "INFO"))
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        summary_line = command.arguments.SUMMARY
        sub = subparsers.add_parser(command.name, help=summary_line, description=summary_line)
        command.arguments.add_arguments(sub)
        sub.set_defaults(runner=command.runner)
    return parser


def serve_web(args: argparse.Namespace, config: Config) -> int:
    """``intake web``: serve the HR console until stopped."""
    from intake.web.server import serve  # imported here: only this command needs the web stack

    serve(config, args.listen)
    return EXIT_OK
