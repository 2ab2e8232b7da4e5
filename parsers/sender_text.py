"""What the sender wrote this time and attached: own text, first lines, application wording."""

from __future__ import annotations

import re

from parsers.model import Attachment, ParsedMessage

SIGNATURE_TYPES = frozenset(
    {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
)
# Parts that mail programs and servers add on their own: never a CV or a letter.
_MACHINE_PART_TYPES = SIGNATURE_TYPES | {
    "text/rfc822-headers", "message/delivery-status", "message/global-delivery-status",
    "message/disposition-notification", "text/calendar", "text/vcard", "text/x-vcard",
}  # fmt: skip
# An image this small is a logo or a signature picture, not a scanned CV.
_LOGO_BYTES = 100 * 1024
# Sending an application: the writer applies, or hands over the papers.
_APPLYING = r"""
        i\ am\ applying | i'm\ applying | i\ wish\ to\ apply | i\ would\ like\ to\ apply
      | i\ hereby\ apply | i\ am\ writing\ to\ apply | i\ want\ to\ apply
      | please\ find\ (?:attached\ |enclosed\ )?my\ application | please\ find\ attached
      | find\ enclosed | attached\ (?:is|are|please\ find)\ my | here\ (?:is|are)\ my
      | voici\ (?:mon|ma|mes) | adjunto\ (?:mi|le|les) | in\ allegato | em\ anexo | anbei
      | im\ anhang
      | je\ postule | je\ souhaite\ postuler | je\ me\ permets\ de\ postuler
      | ci-joint | ci-joints | en\ pièce\ jointe | veuillez\ trouver
"""
APPLYING_PHRASES = re.compile(rf"\b(?:{_APPLYING})\b", re.IGNORECASE | re.VERBOSE)
# Sending one, or naming its papers (a question about them names them too).
APPLICATION_PHRASES = re.compile(
    rf"""\b(?:{_APPLYING}
      | my\ candidacy | cover\ letter | motivation\ letter | letter\ of\ motivation | curriculum
      | my\ (?:cv|resume|résumé) | ma\ candidature | lettre\ de\ motivation | mon\ cv
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The line a mail program puts above the message it quotes (Outlook, Gmail, Apple Mail,
# Thunderbird, in the vacancy languages); what follows it is not the sender's own text.
_QUOTE_HEADER = re.compile(
    r"""^\s*(?:
        -{2,}\ ?(?:original\ message|message\ d'origine|ursprüngliche\ nachricht
                 |mensaje\ original|messaggio\ originale|forwarded\ message)\ ?-{2,}
      | _{10,}
      | (?:from|de|von|da|van)\s*:\s.*
      | (?:on|le|am|el|il|em|op)\s.{4,200}(?:wrote|a\ écrit|schrieb|escribió|ha\ scritto
                                          |escreveu|schreef)\b.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\w+")


def files(message: ParsedMessage) -> list[str]:
    """Names of the attachments that are files a person sent (not cryptographic signatures)."""
    return [a.filename for a in message.attachments if a.content_type not in SIGNATURE_TYPES]


def documents(message: ParsedMessage) -> list[str]:
    """Names of the attachments that could be a CV or a letter: not machine parts, not logos."""
    return [a.filename for a in message.attachments if _could_be_a_document(a)]


def _could_be_a_document(attachment: Attachment) -> bool:
    if attachment.content_type in _MACHINE_PART_TYPES:
        return False
    is_image = attachment.content_type.startswith("image/")
    return not is_image or len(attachment.payload) > _LOGO_BYTES


def unquoted(body: str) -> str:
    """The body without quoted lines (``> ...``), i.e. what the sender wrote this time."""
    return "\n".join(line for line in body.splitlines() if not line.lstrip().startswith(">"))


def own_text(body: str) -> str:
    """The unquoted body up to the first header of a quoted message (Outlook's included)."""
    kept: list[str] = []
    for line in unquoted(body).splitlines():
        if _QUOTE_HEADER.match(line):
            break
        kept.append(line)
    return "\n".join(kept)


def first_lines(text: str, count: int) -> str:
    """The first ``count`` non-blank lines of ``text``, stripped, one per line."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join([line for line in lines if line][:count])


def word_count(text: str) -> int:
    """How many words ``text`` has."""
    return len(_WORD.findall(text))


def mentions_application(text: str) -> bool:
    """Whether ``text`` says it is (or carries) an application."""
    return APPLICATION_PHRASES.search(text) is not None
