"""Pytest plugin giving tests a real PostgreSQL server and a fresh empty database per test."""

from __future__ import annotations

import os
import pwd
import secrets
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
from psycopg import sql
from psycopg.rows import TupleRow
from sqlalchemy.engine import URL, make_url

URL_ENV = "INTAKE_TEST_POSTGRES_URL"
MISSING_MESSAGE = "PostgreSQL not installed: apt-get install postgresql"
SYSTEM_USER = "postgres"
SUPERUSER = "postgres"
HOST = "127.0.0.1"
START_ATTEMPTS = 3
SERVER_SETTINGS = {
    "listen_addresses": HOST,
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "50",
}


@dataclass(frozen=True)
class PostgresServer:
    """A reachable PostgreSQL server and the superuser URL that administers it."""

    admin_url: URL

    def database_url(self, name: str) -> str:
        """The SQLAlchemy URL (psycopg 3 driver) of database ``name`` on this server."""
        url = self.admin_url.set(drivername="postgresql+psycopg", database=name)
        return url.render_as_string(hide_password=False)

    def connect(self) -> psycopg.Connection[TupleRow]:
        """An autocommit superuser connection, as CREATE/DROP DATABASE require."""
        url = self.admin_url
        return psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
            connect_timeout=10,
        )


def find_bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: from PATH, else the newest Debian one."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda path: _version_key(path.parent.name),
        reverse=True,
    )
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _version_key(name: str) -> tuple[int, ...]:
    """Sort key for Debian version folders such as ``15`` or ``9.6``."""
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _missing_server() -> NoReturn:
    """Skip the test, or fail it in CI, because no PostgreSQL binaries exist."""
    if os.environ.get("CI") == "true":
        pytest.fail(MISSING_MESSAGE)
    pytest.skip(MISSING_MESSAGE)


def _free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


class Cluster:
    """A throwaway cluster in a temp dir, run as the ``postgres`` user when we are root."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="intake-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        if self.as_root:
            self._hand_over_to_system_user()

    def _hand_over_to_system_user(self) -> None:
        """Give the temp dir to the postgres user, which must be able to reach it."""
        try:
            account = pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            shutil.rmtree(self.root, ignore_errors=True)
            pytest.fail(f"running as root but there is no '{SYSTEM_USER}' system user")
        os.chown(self.root, account.pw_uid, account.pw_gid)
        self.root.chmod(0o700)
        for parent in self.root.parents:
            if not parent.stat().st_mode & 0o001:
                shutil.rmtree(self.root, ignore_errors=True)
                pytest.fail(f"{SYSTEM_USER} cannot traverse {parent}; set TMPDIR elsewhere")

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        """Run a PostgreSQL program, as the postgres user when we are root."""
        command = [str(self.bin_dir / program), *args]
        completed = subprocess.run(
            self._as_system_user(command),
            cwd=self.root,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if check and completed.returncode != 0:
            raise RuntimeError(
                f"{program} failed ({completed.returncode}):\n"
                f"{completed.stdout}{completed.stderr}{self._log_tail()}"
            )

    def _as_system_user(self, command: Sequence[str]) -> list[str]:
        """The command unchanged, or wrapped to run as the postgres system user."""
        if not self.as_root:
            return list(command)
        if shutil.which("runuser"):
            return ["runuser", "-u", SYSTEM_USER, "--", *command]
        return ["su", SYSTEM_USER, "-s", "/bin/sh", "-c", shlex.join(command)]

    def _log_tail(self) -> str:
        """The end of the server log, for error messages."""
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\nserver log:\n" + "\n".join(lines[-20:])

    def init(self) -> None:
        """Create the cluster: UTF-8, C locale, trust authentication, no fsync."""
        self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )

    def start(self) -> None:
        """Start the server on a free 127.0.0.1 port, trying again if the port was taken."""
        for attempt in range(START_ATTEMPTS):
            self.port = _free_port()
            try:
                self._run(
                    "pg_ctl", "start", "--pgdata", str(self.data), "--wait", "--timeout", "60",
                    "--log", str(self.log), "-o", self._options(),
                )  # fmt: skip
            except RuntimeError:
                if attempt == START_ATTEMPTS - 1:
                    raise
            else:
                return

    def _options(self) -> str:
        """Server options for pg_ctl -o (a shell-quoted string)."""
        settings = {
            **SERVER_SETTINGS,
            "port": str(self.port),
            "unix_socket_directories": str(self.root),
        }
        return " ".join(f"-c {shlex.quote(f'{key}={value}')}" for key, value in settings.items())

    def stop(self) -> None:
        """Stop the server at once and delete every file of the cluster."""
        if (self.data / "postmaster.pid").exists():
            self._run(
                "pg_ctl", "stop", "--pgdata", str(self.data), "--mode", "immediate",
                "--wait", "--timeout", "60", check=False,
            )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)

    def server(self) -> PostgresServer:
        """How to reach this cluster as its superuser."""
        admin_url = URL.create(
            "postgresql+psycopg", username=SUPERUSER, host=HOST, port=self.port, database="postgres"
        )
        return PostgresServer(admin_url)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The server of $INTAKE_TEST_POSTGRES_URL, or a throwaway cluster for the session."""
    given = os.environ.get(URL_ENV)
    if given:
        yield PostgresServer(make_url(given))
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _missing_server()
    cluster = Cluster(bin_dir)
    try:
        cluster.init()
        cluster.start()
        yield cluster.server()
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The SQLAlchemy URL of a new empty database, dropped (connections and all) afterwards."""
    name = f"test_{secrets.token_hex(6)}"
    with postgres_server.connect() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield postgres_server.database_url(name)
    finally:
        with postgres_server.connect() as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
