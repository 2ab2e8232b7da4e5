"""HTML mail bodies to readable plain text with inscriptis: paragraphs and line breaks kept.

inscriptis (a maintained HTML-to-text converter) renders the document as a browser lays out
its blocks: paragraphs, headings, divisions and list items each start a line, paragraphs and
headings are set apart by a blank line (the strict CSS profile), table cells sit side by side;
scripts, styles and comments give no text. It parses with lxml's C parser, which reads
malformed and unterminated markup in one pass. The HTML read is capped (``MAX_HTML_CHARS``): a
letter never needs more, and a hostile body of many megabytes must not cost more.
"""

from __future__ import annotations

import re

from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml.etree import LxmlError

# About two seconds of conversion on a slow core.
MAX_HTML_CHARS = 2_000_000
_CONFIG = ParserConfig(css=CSS_PROFILES["strict"], display_images=False, display_links=False)
# lxml refuses the characters XML forbids (NUL, most C0 controls, lone surrogates).
_NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES_AT_LINE_ENDS = re.compile(r"[ \t\u00a0]+\n")
_EXCESS_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML document: blocks as lines, paragraphs apart, no markup."""
    cleaned = _NOT_XML_CHARACTERS.sub("", html[:MAX_HTML_CHARS])
    if not cleaned.strip():
        return ""
    try:
        text = get_text(cleaned, _CONFIG)
    except (LxmlError, ValueError):  # a document lxml cannot build a tree of
        return ""
    text = _SPACES_AT_LINE_ENDS.sub("\n", text.replace("\u00a0", " ") + "\n")
    return _EXCESS_BLANK_LINES.sub("\n\n", text).strip("\n")
