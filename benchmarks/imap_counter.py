"""A plain-text TCP relay to an IMAP server that counts the commands its clients send, by name."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import Counter

__all__ = ["CountingRelay"]


class CountingRelay:
    """Listens on 127.0.0.1 and relays each connection to ``port``; counts client command lines.

    A command line is ``TAG NAME …``; ``DONE`` (which ends an IDLE) is counted as itself.
    Only plain text (``security = "none"``) can be read this way. With ``delay_seconds`` each
    line the client sends waits that long before it goes on: the round trip of a server
    far away (a hosted mailbox), added to every command.
    """

    def __init__(self, host: str, port: int, delay_seconds: float = 0.0) -> None:
        self._target = (host, port)
        self._delay = delay_seconds
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._commands: Counter[str] = Counter()
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def commands(self) -> Counter[str]:
        """The commands counted so far, by name."""
        with self._lock:
            return Counter(self._commands)

    def close(self) -> None:
        """Stop accepting (relayed connections end with their peers)."""
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self._target)
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._client_side, args=(client, server), daemon=True).start()
            threading.Thread(target=_copy, args=(server, client), daemon=True).start()

    def _client_side(self, client: socket.socket, server: socket.socket) -> None:
        with client.makefile("rb") as lines:
            for line in lines:
                self._count(line)
                if self._delay:
                    time.sleep(self._delay)
                try:
                    server.sendall(line)
                except OSError:
                    break
        _close(client, server)

    def _count(self, line: bytes) -> None:
        words = line.split()
        if words[:1] == [b"DONE"]:
            name = "DONE"
        elif len(words) >= 2:
            name = words[1].decode("ascii", "replace").upper()
            if name == "UID" and len(words) >= 3:
                name += " " + words[2].decode("ascii", "replace").upper()
        else:
            return
        with self._lock:
            self._commands[name] += 1


def _copy(source: socket.socket, target: socket.socket) -> None:
    while True:
        try:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
        except OSError:
            break
    _close(source, target)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
