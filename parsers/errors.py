"""Exception tree of the parsers package.

ParserError                 every error a parser raises on purpose
└── MessageParseError       a MIME message could not be turned into a ParsedMessage

Third-party errors (mail-parser, the email package) are wrapped where they enter,
with ``raise MessageParseError(...) from exc``.
"""


class ParserError(Exception):
    """Base of every error raised by the parsers package."""


class MessageParseError(ParserError):
    """A raw message could not be parsed into a ParsedMessage."""
