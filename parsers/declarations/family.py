"""Generic family words: relatives, family members, related to, married to, lien de parenté."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.declarations.vocabulary import RELATIVE

_MINE = r"(?:my|your|our)\s+(?:(?:immediate|close|extended|own)\s+)?"
_MIENNE = r"(?:ma|notre|votre|la)\s+(?:propre\s+)?"
_BE = r"(?:i'm|am|are|be|being|been|is\s+anyone|is\s+any\s+member)"

# (a word the text must contain, pattern, canonical relation); all on folded text.
GENERIC_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (key, re.compile(pattern), relation)
    for key, pattern, relation in (
        ("relatives", r"(?<![\w-])relatives(?![\w-])", RELATIVE),
        (
            "relative",
            r"(?<![\w-])(?:a|any|no|my|one|your|every|other|close)\s+"
            r"(?:(?:close|other|single|immediate)\s+)?relative(?![\w-])",
            RELATIVE,
        ),
        ("relative", r"(?<![\w-])relatives?\s+of\s+mine(?![\w-])", RELATIVE),
        ("family", r"(?<![\w-])family[\s-]+members?(?![\w-])", RELATIVE),
        (
            "family",
            r"(?<![\w-])family\s+(?:ties|links?|relations?(?:hips?)?|connections?)(?![\w-])",
            RELATIVE,
        ),
        ("family", rf"(?<![\w-])members?\s+of\s+{_MINE}family(?![\w-])", RELATIVE),
        (
            "family",
            rf"(?<![\w-]){_MINE}family(?![\w-])(?!\s+(?:name|situation|status|life|reasons?))",
            RELATIVE,
        ),
        (
            "related",
            rf"(?<![\w-])(?:{_BE}\s+(?:\w+\s+){{0,2}}?|^)related(?=\s+(?:to|with)\b)",
            RELATIVE,
        ),
        ("married", r"(?<![\w-])(?:am|are|'m|is|was|be)\s+married\s+to(?![\w-])", "spouse"),
        ("famille", rf"(?<![\w-])membres?\s+de\s+{_MIENNE}famille(?![\w-])", RELATIVE),
        ("famille", r"(?<![\w-])(?:ma|notre|votre)\s+famille(?![\w-])", RELATIVE),
        (
            "parente",
            r"(?<![\w-])liens?\s+(?:familia(?:l|ux)\s+ou\s+)?de\s+parente(?![\w-])",
            RELATIVE,
        ),
        ("familia", r"(?<![\w-])liens?\s+familia(?:l|ux)(?![\w-])", RELATIVE),
        ("apparente", r"(?<![\w-])apparentee?s?(?![\w-])", RELATIVE),
        ("proches", r"(?<![\w-])(?:mes|vos|nos|de\s+mes|des)\s+proches(?![\w-])", RELATIVE),
        ("parent", r"(?<![\w-])(?:un|des|aucun|de|d')\s*parents?(?![\w-])", RELATIVE),
        ("marie", r"(?<![\w-])(?:suis|est|etes|sont)\s+mariee?s?\s+(?:a|avec)(?![\w-])", "spouse"),
    )
)


def generic_matches(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Generic family words in folded text, with their canonical relation."""
    for key, pattern, relation in GENERIC_PATTERNS:
        if key in text:
            for match in pattern.finditer(text):
                yield match, relation
