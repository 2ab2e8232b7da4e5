"""The TLS context of every client connection the service opens (IMAP, SMTP)."""

from __future__ import annotations

import ssl
from pathlib import Path


def client_context(ca_file: Path | None, verify_certificates: bool) -> ssl.SSLContext:
    """Certificates checked against the system CAs, or ``ca_file``; off only when asked."""
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file is not None else None)
    if not verify_certificates:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context
