"""Reply and forward prefixes (``Re:``, ``TR:``, ``AW:``…) and external-mail tags at the start."""

from __future__ import annotations

import re

_LEADING_MARK = re.compile(
    r"""^\s*(?:
        (?:re|r|aw|sv|vs|antw|odp|ynt|fwd?|fw|tr|wg|rv|rif|enc|vl|doorst|wtf)
        \s*(?:\[\d+\]|\(\d+\))?\s*[:：]
      | \[\s*(?:ext|external|externe|extern|caution|warning|spam|suspected\ spam|suspicious
               |secure|encrypt|phishing|attention|sent\ by\ an\ external\ sender)[^\]]{0,30}\]
      | \*+\s*(?:external|ext|externe)\s*\*+
      | (?:external|externe|extern)\s*[:：]
    )\s*""",
    re.IGNORECASE | re.VERBOSE,
)


def strip_prefixes(subject: str) -> str:
    """``subject`` without the reply/forward prefixes and tags mail clients stacked in front."""
    while True:
        match = _LEADING_MARK.match(subject)
        if match is None or not match.group():
            return subject
        subject = subject[match.end() :]
