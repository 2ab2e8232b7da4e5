"""The CV or letter sent as a link to a file-sharing site: recorded for HR, never fetched."""

from __future__ import annotations

from intake.config.settings import Config
from intake.rules.facts import Facts
from parsers.identity.links import sharing_links
from storage.records import FlagRecord


def documents_linked(facts: Facts, config: Config) -> FlagRecord | None:
    """A file-sharing link stands in the email or a document while a CV or a letter is not
    attached: the link is most likely that document. The evidence holds the links."""
    if facts.has_cv and facts.has_letter:
        return None
    texts = [facts.message.body_text, *(doc.record.text or "" for doc in facts.documents)]
    links = dict.fromkeys(link for text in texts for link in sharing_links(text))
    if not links:
        return None
    shown = "; ".join(f"{site}: {url}" for site, url in links)
    return FlagRecord("documents_linked", f"{shown} (not fetched: open it with care)")
