"""One form POST to an OAuth2 endpoint and its JSON answer, refusals included (RFC 6749 5.2).

Plain ``urllib``: every exchange here is one POST and one JSON object, which does not justify
a library; TLS certificates are checked as for IMAP. What the server says reaches a message
only through ``refusal``, cleaned for the terminal.
"""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from intake.errors import OAuth2Error
from intake.terminal_text import safe_line

TIMEOUT_SECONDS = 30.0
MAX_ANSWER_BYTES = 1024 * 1024


def post_form(
    url: str, form: dict[str, str], context: ssl.SSLContext | None = None
) -> tuple[int, dict[str, Any]]:
    """POST ``form``; the HTTP status and the JSON object answered (empty when an error
    answer is not JSON). OAuth2Error when the endpoint cannot be reached or a success is
    not JSON."""
    request = urllib.request.Request(
        url,
        data=urlencode(form).encode(),
        headers={"Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS, context=context) as answer:
            return answer.status, _json(answer.read(MAX_ANSWER_BYTES), url)
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, _json(exc.read(MAX_ANSWER_BYTES), url)
        except OAuth2Error:
            return exc.code, {}
    except (urllib.error.URLError, OSError) as exc:
        raise OAuth2Error(f"cannot reach OAuth2 endpoint {url}: {safe_line(str(exc))}") from exc


def _json(body: bytes, url: str) -> dict[str, Any]:
    try:
        answer = json.loads(body)
    except ValueError as exc:
        raise OAuth2Error(f"{url} did not answer JSON") from exc
    if not isinstance(answer, dict):
        raise OAuth2Error(f"{url} did not answer a JSON object")
    return answer


def refusal(answer: dict[str, Any]) -> str:
    """``error: error_description`` of an RFC 6749 error answer, on one short clean line."""
    parts = [safe_line(str(answer.get(key, ""))) for key in ("error", "error_description")]
    return ": ".join(part for part in parts if part)[:300]
