"""Links to file-sharing sites (OneDrive, SharePoint, Google Drive, Dropbox, WeTransfer…).

A candidate who sends the CV as such a link has sent no file: the link is recorded for HR
and never fetched (it is a stranger's URL).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Host names (and their sub-domains) of sites that share files, and what HR calls them.
SHARING_HOSTS: dict[str, str] = {
    "1drv.ms": "OneDrive",
    "onedrive.live.com": "OneDrive",
    "sharepoint.com": "SharePoint",
    "drive.google.com": "Google Drive",
    "docs.google.com": "Google Docs",
    "dropbox.com": "Dropbox",
    "db.tt": "Dropbox",
    "wetransfer.com": "WeTransfer",
    "we.tl": "WeTransfer",
    "box.com": "Box",
    "icloud.com": "iCloud",
    "mega.nz": "MEGA",
    "swisstransfer.com": "SwissTransfer",
    "fromsmash.com": "Smash",
    "transfernow.net": "TransferNow",
    "grosfichiers.com": "Grosfichiers",
}
#: A link in text: up to whitespace, quotes or angle brackets; its tail punctuation trimmed.
_URL = re.compile(r"\bhttps?://[^\s<>\"'\])}]{1,2000}", re.IGNORECASE)
#: At most this many links are recorded per text.
MAX_LINKS = 10


def sharing_links(text: str) -> tuple[tuple[str, str], ...]:
    """(site, URL) of every file-sharing link in ``text``, in order, without repeats."""
    found: dict[str, str] = {}
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        site = sharing_site(url)
        if site is not None:
            found.setdefault(url, site)
        if len(found) >= MAX_LINKS:
            break
    return tuple((site, url) for url, site in found.items())


def sharing_site(url: str) -> str | None:
    """The file-sharing site ``url`` points to, or None for any other link."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for known, site in SHARING_HOSTS.items():
        if host == known or host.endswith("." + known):
            return site
    return None
