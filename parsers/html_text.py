"""HTML mail bodies to readable plain text: paragraphs and line breaks kept, scripts dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

_RAW_TEXT_ELEMENTS = ("script", "style", "title")
_PARAGRAPH_ELEMENTS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr"}
)
_LINE_ELEMENTS = frozenset(
    {
        "div", "li", "tr", "dd", "dt", "dl", "section", "article", "header", "footer",
        "address", "form", "fieldset", "figure", "figcaption", "main", "nav", "aside",
        "caption", "center", "tbody", "thead", "tfoot",
    }
)  # fmt: skip
_CELL_ELEMENTS = frozenset({"td", "th"})
_BREAK_STRENGTH = ("", " ", "\n", "\n\n")
_TAG_START = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
# Attributes up to the closing ">", quotes respected; possessive so nothing is rescanned.
_TAG_ATTRIBUTES = re.compile(r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+""")
_RAW_TEXT_ENDS = {
    name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT_ELEMENTS
}
_WHITESPACE_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_SPACES_AROUND_NEWLINES = re.compile(r"[ \t]*\n[ \t]*")
_EXCESS_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML document: block structure as line breaks, no markup."""
    return _Scanner(html).text()


class _Scanner:
    """One linear pass over a document, from markup to markup.

    Not ``html.parser``: on Python 3.11 it rescans the rest of the input for every
    malformed tag, so 40 KB of ``<a b='>'`` takes seconds, and mail is untrusted input.
    Every scan here either consumes what it reads or happens once per document.
    """

    def __init__(self, html: str) -> None:
        self._html = html
        self._builder = _TextBuilder()
        # A quote-aware tag scan that does not stop at ">" has read to the end of the input
        # (the quote it stopped at never closes): from then on a tag ends at the next ">",
        # so no later tag rescans the rest of the document.
        self._quotes_unreliable = False

    def text(self) -> str:
        html, position = self._html, 0
        while position < len(html):
            markup_start = html.find("<", position)
            if markup_start < 0:
                self._builder.add_data(html[position:])
                break
            self._builder.add_data(html[position:markup_start])
            position = self._consume_markup(markup_start)
        return self._builder.result()

    def _consume_markup(self, start: int) -> int:
        """Handle the markup at ``start`` and return where the text after it begins."""
        html = self._html
        if html.startswith("<!--", start):
            return _after(html, "-->", start + 4)
        if html.startswith(("<!", "<?"), start):
            return _after(html, ">", start + 2)
        tag = _TAG_START.match(html, start)
        if tag is None:
            self._builder.add_data("<")
            return start + 1
        end = self._tag_end(tag.end())
        is_end_tag, name = bool(tag[1]), tag[2].lower()
        if is_end_tag:
            self._builder.close_element(name)
        elif name in _RAW_TEXT_ENDS:
            raw_text_end = _RAW_TEXT_ENDS[name].search(html, end)
            return _after(html, ">", raw_text_end.start()) if raw_text_end else len(html)
        else:
            self._builder.open_element(name, self_closing=html[end - 2 : end] == "/>")
        return end

    def _tag_end(self, attributes_start: int) -> int:
        """Position just after the ">" that closes a tag, quotes respected while they pair."""
        html = self._html
        if not self._quotes_unreliable:
            attributes = _TAG_ATTRIBUTES.match(html, attributes_start)
            attributes_end = attributes.end() if attributes else attributes_start
            if html.startswith(">", attributes_end):
                return attributes_end + 1
            self._quotes_unreliable = True
        return _after(html, ">", attributes_start)


def _after(html: str, terminator: str, start: int) -> int:
    """Position after the next ``terminator``, or the end when there is none."""
    found = html.find(terminator, start)
    return len(html) if found < 0 else found + len(terminator)


@dataclass
class _TextBuilder:
    """Collects text; element boundaries become a space, a line break or a blank line.

    Boundaries are held back until text follows and only the strongest one is written,
    so ``</li><li>`` gives one line break and ``</p><p>`` one blank line.
    """

    chunks: list[str] = field(default_factory=list)
    pending_break: str = ""
    preformatted_depth: int = 0

    def add_data(self, data: str) -> None:
        data = unescape(data)
        if not self.preformatted_depth:
            data = _WHITESPACE_RUN.sub(" ", data)
            if not data.strip() and self.pending_break:
                return
        self.chunks.extend((self.pending_break, data.replace("\r\n", "\n")))
        self.pending_break = ""

    def open_element(self, name: str, *, self_closing: bool) -> None:
        if name == "br":
            self.chunks.extend((self.pending_break, "\n"))
            self.pending_break = ""
            return
        if name == "pre" and not self_closing:
            self.preformatted_depth += 1
        self._hold_break(name)

    def close_element(self, name: str) -> None:
        if name == "pre":
            self.preformatted_depth = max(0, self.preformatted_depth - 1)
        if name != "br":
            self._hold_break(name)

    def _hold_break(self, name: str) -> None:
        if name in _PARAGRAPH_ELEMENTS:
            wanted = "\n\n"
        elif name in _LINE_ELEMENTS:
            wanted = "\n"
        elif name in _CELL_ELEMENTS:
            wanted = " "
        else:
            return
        self.pending_break = max(self.pending_break, wanted, key=_BREAK_STRENGTH.index)

    def result(self) -> str:
        """The text, one blank line at most between paragraphs, no edge whitespace."""
        text = _SPACES_AROUND_NEWLINES.sub("\n", "".join(self.chunks))
        return _EXCESS_BLANK_LINES.sub("\n\n", text).strip()
