"""Exception tree of the parsers package.

ParserError                 every error a parser raises on purpose
├── MessageParseError       a MIME message could not be turned into a ParsedMessage
└── UnreadableDocument      an attachment breaks a limit or a format rule (the message is the
                            problem stored with the document)

Third-party errors (mail-parser, the email package) are wrapped where they enter,
with ``raise MessageParseError(...) from exc``. The document readers never raise to their
caller: ``parsers.documents.extract`` turns every error, third-party ones included, into a
``failed`` Extraction with a one-line problem.
"""


class ParserError(Exception):
    """Base of every error raised by the parsers package."""


class MessageParseError(ParserError):
    """A raw message could not be parsed into a ParsedMessage."""


class UnreadableDocument(ParserError):
    """A document that breaks a limit or a format rule; the message is the stored problem."""
