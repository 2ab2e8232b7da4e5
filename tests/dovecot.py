"""A real Dovecot IMAP server on 127.0.0.1, started per test by the ``dovecot`` pytest fixture."""

from __future__ import annotations

import contextlib
import grp
import ipaddress
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from imapclient import IMAPClient

from intake.config.settings import MailboxConfig, Secret

__all__ = [
    "DovecotServer",
    "TlsFiles",
    "dovecot",
    "dovecot_tls",
    "make_tls_files",
    "running_dovecot",
]

USERNAME = "recruitment@example.org"
PASSWORD = "secret"
#: Dovecot answers INTERNALDATE in its own zone; a non-UTC one proves offsets are honoured.
SERVER_TIMEZONE = "Asia/Kolkata"
INSTALL_HINT = "Dovecot not installed: apt-get install dovecot-imapd"
STARTUP_TIMEOUT = 10.0


@dataclass(frozen=True)
class TlsFiles:
    """A throw-away CA and a server certificate it signed for localhost and 127.0.0.1."""

    ca_file: Path
    cert_file: Path
    key_file: Path


@dataclass
class DovecotServer:
    """A running Dovecot with one passwd-file user; every path lives under ``root``."""

    host: str
    port: int
    ssl_port: int
    username: str
    password: str
    ca_file: Path
    maildir_root: Path
    root: Path = field(repr=False)
    config_path: Path = field(repr=False)
    binary: str = field(repr=False)
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Start the master process in the foreground and wait until both ports greet."""
        if self.process is not None:
            return
        env = {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/bin"), "TZ": SERVER_TIMEZONE}
        with (self.root / "dovecot.stderr").open("ab") as stderr:
            self.process = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.config_path)],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,  # its own process group: stop() can end every child
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        for port in (self.port, self.ssl_port):
            self._wait_for_greeting(port, deadline)

    def stop(self) -> None:
        """Kill the server and its sessions, as a crash would; ``start()`` brings it back.

        The master leaves running imap sessions behind when it exits and sometimes takes
        seconds to stop on SIGTERM, so the whole process group it leads (it was started in
        its own session) is killed outright: clients see their connections drop.
        """
        process, self.process = self.process, None
        if process is None:
            return
        _signal_group(process.pid, signal.SIGKILL)
        process.wait()

    def log(self) -> str:
        """Dovecot's log so far, for assertion messages."""
        parts = []
        for name in ("dovecot.log", "dovecot.stderr"):
            path = self.root / name
            if path.exists():
                parts.append(path.read_text(errors="replace"))
        return "\n".join(parts)

    def _wait_for_greeting(self, port: int, deadline: float) -> None:
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited at startup:\n{self.log()}")
            try:
                with socket.create_connection((self.host, port), timeout=1) as sock:
                    if port != self.ssl_port:
                        sock.recv(64)
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"dovecot did not listen on {port}:\n{self.log()}") from None
                time.sleep(0.02)

    # -- helpers for tests ------------------------------------------------------------------

    def client(self) -> IMAPClient:
        """A logged-in plain-text client of our own, independent of the code under test."""
        client = IMAPClient(self.host, self.port, ssl=False, timeout=10)
        client.normalise_times = False
        client.login(self.username, self.password)
        return client

    def append(
        self, raw: bytes, internaldate: datetime | None = None, folder: str = "INBOX"
    ) -> int:
        """Store ``raw`` in ``folder`` (created if missing) with that INTERNALDATE; its UID."""
        with self.client() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            response = client.append(folder, raw, msg_time=internaldate)
        match = re.search(rb"\[APPENDUID \d+ (\d+)\]", response)
        if match is None:
            raise RuntimeError(f"APPEND gave no APPENDUID: {response!r}")
        return int(match.group(1))

    def uids(self, folder: str = "INBOX") -> list[int]:
        """Every UID in ``folder``, ascending."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            return sorted(int(uid) for uid in client.search(["ALL"]))

    def flags(self, uid: int, folder: str = "INBOX") -> set[str]:
        """The flags and keywords of one message, as strings."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            found = client.get_flags([uid]).get(uid, ())
            return {flag.decode() if isinstance(flag, bytes) else str(flag) for flag in found}

    def uidvalidity(self, folder: str = "INBOX") -> int:
        """The folder's current UIDVALIDITY."""
        with self.client() as client:
            return int(client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def delete_and_recreate(self, folder: str) -> None:
        """Empty ``folder`` and give it a new UIDVALIDITY (INBOX cannot be deleted: doveadm)."""
        if folder.upper() == "INBOX":
            old = self.uidvalidity(folder)
            self.doveadm("expunge", "-u", self.username, "mailbox", folder, "all")
            self.doveadm(
                "mailbox", "update", "-u", self.username, "--uid-validity", str(old + 1), folder
            )
            return
        with self.client() as client:
            if client.folder_exists(folder):
                client.delete_folder(folder)
            client.create_folder(folder)

    def kill_connections(self) -> None:
        """Kick every IMAP session of the user, as a network drop would, and wait till gone."""
        self.doveadm("kick", self.username)
        deadline = time.monotonic() + 5
        while self.username in self.doveadm("who"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"sessions survived doveadm kick:\n{self.log()}")
            time.sleep(0.02)

    def doveadm(self, *args: str) -> str:
        """Run ``doveadm`` against this instance; its standard output."""
        doveadm = shutil.which("doveadm") or str(Path(self.binary).with_name("doveadm"))
        if not Path(doveadm).exists():
            doveadm = "/usr/bin/doveadm"
        result = subprocess.run(
            [doveadm, "-c", str(self.config_path), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
        if result.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def mailbox_section(self, **overrides: Any) -> dict[str, Any]:
        """The ``[mailbox]`` table of a config file for this server (STARTTLS, our CA); the
        password comes from INTAKE_IMAP_PASSWORD."""
        return {
            "kind": "imap",
            "host": self.host,
            "port": self.port,
            "security": "starttls",
            "ca_file": str(self.ca_file),
            "username": self.username,
            "password_env": "INTAKE_IMAP_PASSWORD",
            **overrides,
        }

    def mailbox_config(self, **overrides: Any) -> MailboxConfig:
        """A MailboxConfig for this server: STARTTLS against our CA unless overridden.

        ``security="ssl"`` switches to the implicit-TLS port; a ``password`` given as ``str``
        is wrapped in a Secret.
        """
        values: dict[str, Any] = {
            "kind": "imap",
            "host": self.host,
            "port": self.ssl_port if overrides.get("security") == "ssl" else self.port,
            "security": "starttls",
            "username": self.username,
            "password_env": "INTAKE_IMAP_PASSWORD",
            "password": Secret(self.password),
            "ca_file": self.ca_file,
            "timeout_seconds": 10,
            "reconnect_attempts": 3,
        }
        values.update(overrides)
        if isinstance(values["password"], str):
            values["password"] = Secret(values["password"])
        return MailboxConfig(**values)


# -- configuration ----------------------------------------------------------------------------


def _signal_group(group: int, signum: int) -> None:
    """Send ``signum`` to the process group ``group`` (one started by this module), if any."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signum)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _first_user(*names: str) -> str:
    for name in names:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError(f"none of the users {names} exists")


@dataclass(frozen=True)
class Accounts:
    """The system users Dovecot runs as and the owner of the mail files."""

    as_root: bool
    login_user: str
    internal_user: str
    internal_group: str
    uid: int
    gid: int


def _accounts() -> Accounts:
    """As root: unprivileged system users (Dovecot refuses mail as UID 0); else the caller."""
    if os.geteuid() == 0:
        mail_user = pwd.getpwnam(_first_user("nobody", "dovenull"))
        internal_user = _first_user("dovecot", "dovenull", "nobody")
        return Accounts(
            as_root=True,
            login_user=_first_user("dovenull", "nobody"),
            internal_user=internal_user,
            internal_group=grp.getgrgid(pwd.getpwnam(internal_user).pw_gid).gr_name,
            uid=mail_user.pw_uid,
            gid=mail_user.pw_gid,
        )
    me = pwd.getpwuid(os.geteuid())
    group = grp.getgrgid(me.pw_gid).gr_name
    return Accounts(False, me.pw_name, me.pw_name, group, me.pw_uid, me.pw_gid)


def _oauth2_passdb(root: Path, introspection_url: str | None) -> str:
    """Dovecot's oauth2 passdb for XOAUTH2/OAUTHBEARER, asking ``introspection_url`` (POST)."""
    if introspection_url is None:
        return ""
    (root / "dovecot-oauth2.conf.ext").write_text(
        f"introspection_mode = post\nintrospection_url = {introspection_url}\n"
        "username_attribute = username\nactive_attribute = active\nactive_value = true\n"
    )
    return f"""\
auth_mechanisms = plain login xoauth2 oauthbearer
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/dovecot-oauth2.conf.ext
}}
"""


def _render_config(
    root: Path,
    tls: TlsFiles,
    accounts: Accounts,
    ports: tuple[int, int],
    introspection_url: str | None = None,
) -> str:
    no_chroot = "" if accounts.as_root else "  chroot =\n"
    port, ssl_port = ports
    oauth2 = _oauth2_passdb(root, introspection_url)
    return f"""\
# Generated by tests/dovecot.py; no system configuration is read.
base_dir = {root}/run
state_dir = {root}/state
instance_name = intake-test-{port}
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
shutdown_clients = yes
default_login_user = {accounts.login_user}
default_internal_user = {accounts.internal_user}
default_internal_group = {accounts.internal_group}
first_valid_uid = {min(accounts.uid, 500)}
last_valid_uid = 0
mail_uid = {accounts.uid}
mail_gid = {accounts.gid}
mail_location = maildir:{root}/mail/%u
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
ssl = yes
ssl_cert = <{tls.cert_file}
ssl_key = <{tls.key_file}
{oauth2}passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = static
  args = uid={accounts.uid} gid={accounts.gid} home={root}/home/%u
}}
service imap-login {{
{no_chroot}  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port}
    ssl = yes
  }}
}}
service anvil {{
{no_chroot}}}
"""


def _launch(
    binary: str, tls: TlsFiles, attempts: int = 3, introspection_url: str | None = None
) -> DovecotServer:
    """Lay out a fresh root and start Dovecot; new ports if another process took ours."""
    root = Path(tempfile.mkdtemp(prefix="dovecot-"))  # short: unix socket paths are limited
    try:
        root.chmod(0o755)
        accounts = _accounts()
        for name in ("run", "state", "mail", "home"):
            (root / name).mkdir()
        for name in ("mail", "home"):
            os.chown(root / name, accounts.uid, accounts.gid)
        (root / "passwd").write_text(f"{USERNAME}:{{PLAIN}}{PASSWORD}::::::\n")
        attempt = 1
        while True:
            server = _server(binary, tls, root, accounts, introspection_url)
            try:
                server.start()
                return server
            except RuntimeError:
                server.stop()
                if attempt >= attempts:
                    raise
                attempt += 1
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


def _server(
    binary: str, tls: TlsFiles, root: Path, accounts: Accounts, introspection_url: str | None
) -> DovecotServer:
    port, ssl_port = _free_port(), _free_port()
    config_path = root / "dovecot.conf"
    config_path.write_text(_render_config(root, tls, accounts, (port, ssl_port), introspection_url))
    return DovecotServer(
        host="127.0.0.1",
        port=port,
        ssl_port=ssl_port,
        username=USERNAME,
        password=PASSWORD,
        ca_file=tls.ca_file,
        maildir_root=root / "mail" / USERNAME,
        root=root,
        config_path=config_path,
        binary=binary,
    )


def _dovecot_binary() -> str:
    """The dovecot binary, or skip (fail under CI=true) saying how to install it."""
    found = shutil.which("dovecot") or next(
        (path for path in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if Path(path).exists()),
        None,
    )
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL_HINT, pytrace=False)
        pytest.skip(INSTALL_HINT)
    return found


# -- certificates -----------------------------------------------------------------------------


def make_tls_files(directory: Path) -> TlsFiles:
    """Write a new CA and a server certificate for localhost/127.0.0.1 into ``directory``."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Intake test CA")])
    ca_cert = (
        _certificate(ca_name, ca_name, ca_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    alt_names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.IPv4Address("127.0.0.1"))]
    server_cert = (
        _certificate(server_name, ca_name, server_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = TlsFiles(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    files.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    files.cert_file.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    files.key_file.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


def _certificate(
    subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePublicKey, now: datetime
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=7))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key), critical=False)
    )


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dovecot_tls(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """One CA and server certificate shared by every Dovecot of the session."""
    return make_tls_files(tmp_path_factory.mktemp("dovecot-tls"))


@contextlib.contextmanager
def running_dovecot(
    tls: TlsFiles, binary: str | None = None, introspection_url: str | None = None
) -> Iterator[DovecotServer]:
    """A fresh Dovecot for as long as the block runs (benchmarks use it outside pytest).

    With ``introspection_url`` it also takes XOAUTH2/OAUTHBEARER through its oauth2 passdb,
    checking every bearer token at that URL; password logins keep working.
    """
    server = _launch(binary or _dovecot_binary(), tls, introspection_url=introspection_url)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def dovecot(dovecot_tls: TlsFiles) -> Iterator[DovecotServer]:
    """A fresh Dovecot with an empty Maildir for this test, stopped and removed afterwards."""
    with running_dovecot(dovecot_tls) as server:
        yield server
