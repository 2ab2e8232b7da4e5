"""What a parsed message is: an ordered chain of small named rules, the first match decides."""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.documents.letter import body_is_letter
from parsers.identity.links import sharing_links
from parsers.model import Disposition, ParsedMessage
from parsers.receipts import (
    back_on_day,
    calendar_message,
    help_desk_receipt,
    read_receipt_text,
)
from parsers.robots import (
    acknowledgement_echo,
    answers_our_acknowledgement,
    delivery_failure_text,
    delivery_status_part,
    out_of_office_subject,
    out_of_office_text,
)
from parsers.sender_text import (
    APPLYING_PHRASES,
    documents,
    files,
    mentions_application,
    own_text,
    unquoted,
)

Rule = Callable[[ParsedMessage], bool]

DEFAULT_REASON = "default_application"
_LETTER_WORDS = 100
#: Words of its own that make a reply about applying count as a letter written in the reply.
_REPLY_LETTER_WORDS = 60
_REPORT_TYPE = re.compile(r"""report-type\s*=\s*"?\s*([\w-]+)""", re.IGNORECASE)
_QUESTION_PHRASES = re.compile(
    r"""\b(?:
        could\ you | can\ you | would\ you | may\ i | could\ i | can\ i
      | i\ would\ like\ to\ know | i'?d\ like\ to\ know | is\ it\ possible | i\ was\ wondering
      | please\ let\ me\ know | please\ advise | do\ you | is\ there
      | pourriez-vous | pouvez-vous | est-il\ possible | est-ce\ que
      | je\ souhaiterais\ savoir | je\ voudrais\ savoir | j'aimerais\ savoir
      | quisiera\ saber | me\ gustar[íi]a\ saber | es\ posible | podr[íi]an?
      | vorrei\ sapere | [èe]\ possibile | potreste | potete
      | gostaria\ de\ saber | [ée]\ poss[íi]vel | poderiam? | podem
      | ich\ m[öo]chte\ (?:gerne\ )?wissen | k[öo]nnten\ sie | ist\ es\ m[öo]glich
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\w+")


def classify(message: ParsedMessage) -> Disposition:
    """The disposition of a parsed message: the first rule that matches, else APPLICATION."""
    return classify_with_reason(message)[0]


def classify_with_reason(message: ParsedMessage) -> tuple[Disposition, str]:
    """The disposition and the name of the rule that decided it (``default_application``).

    Bounces, then automatic replies as their structure and headers show them, then robots
    known by their words (``parsers.robots``), then bulk mail, then enquiries; everything
    else is an application. The enquiry rule is deliberately timid because HR must never miss an
    application: no attachment, a question asked, no sign of an application, a short body.
    DUPLICATE and QUARANTINED are decided outside the parsers.
    """
    for rule, disposition in RULES:
        if rule(message):
            return disposition, rule.__name__
    return Disposition.APPLICATION, DEFAULT_REASON


# Bounces ------------------------------------------------------------------------------


def delivery_status_report(message: ParsedMessage) -> bool:
    """A top-level multipart/report carrying a delivery-status report (RFC 3464)."""
    return message.content_type == "multipart/report" and _report_type(message) == "delivery-status"


def mailer_daemon_sender(message: ParsedMessage) -> bool:
    """Sent by MAILER-DAEMON or postmaster, the senders of bounces."""
    local_part = (message.sender or "").partition("@")[0]
    return local_part in {"mailer-daemon", "postmaster"}


def null_return_path(message: ParsedMessage) -> bool:
    """A null Return-Path ``<>``, which only delivery notifications carry."""
    return message.return_path == ""


# Automatic replies --------------------------------------------------------------------


def auto_submitted(message: ParsedMessage) -> bool:
    """An RFC 3834 Auto-Submitted header with a value other than "no"."""
    value = _keyword(message.header("Auto-Submitted"))
    return value not in {None, "", "no"}


def autoreply_header(message: ParsedMessage) -> bool:
    """An X-Autoreply or X-Autorespond header, as vacation programs add."""
    return message.has_header("X-Autoreply") or message.has_header("X-Autorespond")


def precedence_auto_reply(message: ParsedMessage) -> bool:
    """Precedence: auto_reply."""
    return _keyword(message.header("Precedence")) == "auto_reply"


def auto_response_suppress(message: ParsedMessage) -> bool:
    """An X-Auto-Response-Suppress header, which Exchange puts on its automatic replies."""
    return message.has_header("X-Auto-Response-Suppress")


def read_receipt(message: ParsedMessage) -> bool:
    """A multipart/report carrying a disposition notification (a read receipt, RFC 8098)."""
    report_type = _report_type(message)
    return message.content_type == "multipart/report" and report_type == "disposition-notification"


# Bulk mail ----------------------------------------------------------------------------


def mailing_list(message: ParsedMessage) -> bool:
    """A List-Id or List-Unsubscribe header: sent through a list or a mass mailer."""
    return message.has_header("List-Id") or message.has_header("List-Unsubscribe")


def precedence_bulk(message: ParsedMessage) -> bool:
    """Precedence: bulk, list or junk."""
    return _keyword(message.header("Precedence")) in {"bulk", "list", "junk"}


# Enquiries ----------------------------------------------------------------------------
# A reply to our acknowledgement that brings a file that could be a CV or letter, or writes a
# letter in its own text, stays an application (it joins its candidate by the thread); any
# other reply to it is a question about the application.


def reply_to_our_acknowledgement(message: ParsedMessage) -> bool:
    """A reply to our acknowledgement bringing no document: an enquiry, never an application."""
    return (
        answers_our_acknowledgement(message)
        and not documents(message)
        and not _writes_a_letter(own_text(message.body_text))
    )


# A subject or a question that names the application or its papers does not make one: only
# words that send it ("please find attached", "je postule"), a link to the papers on a
# file-sharing site, or a letter in the body do.
def question_without_application(message: ParsedMessage) -> bool:
    """No attachment, a question asked, and a body that neither applies nor is a letter."""
    own = unquoted(message.body_text)
    return (
        not files(message)
        and _asks_question(message.subject, own)
        and APPLYING_PHRASES.search(message.body_text) is None
        and not sharing_links(message.body_text)
        and len(_WORD.findall(own)) <= _LETTER_WORDS
        and not body_is_letter(message.body_text).is_letter
    )


RULES: tuple[tuple[Rule, Disposition], ...] = (
    (delivery_status_report, Disposition.BOUNCE),
    (mailer_daemon_sender, Disposition.BOUNCE),
    (null_return_path, Disposition.BOUNCE),
    (delivery_status_part, Disposition.BOUNCE),
    (auto_submitted, Disposition.AUTO_REPLY),
    (autoreply_header, Disposition.AUTO_REPLY),
    (precedence_auto_reply, Disposition.AUTO_REPLY),
    (auto_response_suppress, Disposition.AUTO_REPLY),
    (read_receipt, Disposition.AUTO_REPLY),
    (delivery_failure_text, Disposition.BOUNCE),
    (out_of_office_subject, Disposition.AUTO_REPLY),
    (out_of_office_text, Disposition.AUTO_REPLY),
    (acknowledgement_echo, Disposition.AUTO_REPLY),
    (back_on_day, Disposition.AUTO_REPLY),
    (help_desk_receipt, Disposition.AUTO_REPLY),
    (read_receipt_text, Disposition.AUTO_REPLY),
    (calendar_message, Disposition.AUTO_REPLY),
    (mailing_list, Disposition.BULK),
    (precedence_bulk, Disposition.BULK),
    (reply_to_our_acknowledgement, Disposition.ENQUIRY),
    (question_without_application, Disposition.ENQUIRY),
)


# Helpers ------------------------------------------------------------------------------


def _writes_a_letter(own: str) -> bool:
    """The sender's own text is a letter: one by its form, or a long text about applying."""
    if body_is_letter(own).is_letter:
        return True
    return len(_WORD.findall(own)) >= _REPLY_LETTER_WORDS and mentions_application(own)


def _keyword(value: str | None) -> str | None:
    """A header's leading keyword, lowercased, without parameters or comments."""
    if value is None:
        return None
    return re.split(r"[;(\s]", value.strip(), maxsplit=1)[0].lower()


def _report_type(message: ParsedMessage) -> str | None:
    match = _REPORT_TYPE.search(message.header("Content-Type") or "")
    return match[1].lower() if match else None


def _asks_question(subject: str, own_text: str) -> bool:
    text = f"{subject}\n{own_text}"
    return "?" in text or "¿" in text or _QUESTION_PHRASES.search(text) is not None
