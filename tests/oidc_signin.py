"""A trip through the local OpenID Connect provider, as a browser makes it, for HTTP tests."""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
from starlette.testclient import TestClient

SLUG = "test-idp"


def through_provider(client: TestClient, slug: str = SLUG, next_page: str = "") -> str:
    """Follow the console's redirect to the provider's /authorize for real and return the
    callback path (with its query) the provider sends the browser back to."""
    start = client.get(f"/login/oidc/{slug}", params={"next": next_page} if next_page else None)
    assert start.status_code == 303, start.text
    answer = requests.get(start.headers["location"], allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["location"])
    assert back.netloc == "testserver"
    return f"{back.path}?{back.query}"
