"""An outgoing acknowledgement as a person reads it: headers decoded, the text part as text."""

from __future__ import annotations

from email.message import EmailMessage

from intake.output.width import chunks, fill
from intake.terminal_text import safe_line, text_width

#: Headers that say how the message is encoded, not what it says: the preview leaves them out.
ENCODING_HEADERS = frozenset({"mime-version", "content-type", "content-transfer-encoding"})


def readable_lines(message: EmailMessage, width: int | None = None) -> list[str]:
    """The message's headers decoded (one line each), a blank line, then its plain text
    wrapped to ``width``; every line cleaned, since subject and names come from candidates."""
    lines = [
        f"{name}: {safe_line(str(value))}"
        for name, value in message.items()
        if name.lower() not in ENCODING_HEADERS
    ]
    return [*lines, "", *body_lines(message, width or text_width()), *_other_parts(message)]


def body_lines(message: EmailMessage, width: int) -> list[str]:
    """The text/plain part decoded, its paragraphs wrapped, one blank line between them."""
    part = message.get_body(preferencelist=("plain",))
    if not isinstance(part, EmailMessage):
        return ["(no plain text part)"]
    lines: list[str] = []
    for raw in str(part.get_content()).splitlines():
        line = safe_line(raw)
        if line:
            lines.extend(fill(chunks(line, " "), width))
        elif lines and lines[-1]:
            lines.append("")
    return lines[:-1] if lines and not lines[-1] else lines


def _other_parts(message: EmailMessage) -> list[str]:
    """A note naming the alternatives (the HTML version) that the preview does not print."""
    others = [
        part.get_content_type()
        for part in message.walk()
        if not part.is_multipart() and part.get_content_type() != "text/plain"
    ]
    return (
        ["", f"(also sent: {', '.join(others)}; --raw prints the message as sent)"]
        if others
        else []
    )
