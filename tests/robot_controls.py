"""Real applications and enquiries that look a little like robots: none may be taken for one."""

from __future__ import annotations

import email
from email.mime.message import MIMEMessage

from tests import candidate_files, messages
from tests.robot_messages import report
from tests.robot_texts import ACK_TEXT

CV = ("CV.pdf", "application/pdf", candidate_files.cv_pdf())
LETTER = ("Motivation letter.docx", "application/octet-stream", candidate_files.letter_docx())
SCAN = ("cv-scan.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(300 * 1024))
LOGO = ("image001.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(2048))
ACK_ID = "<ack.42.9e8d7c6b5a41@example.org>"
THREAD = (("In-Reply-To", ACK_ID), ("References", f"<first@example.com> {ACK_ID}"))
LETTER_LINES = [
    "Dear Sir or Madam,",
    "I am writing to apply for the post of Deputy Director, Implementation Support.",
    "For twelve years I have led customs modernisation programmes in three regions.",
    "I have managed teams of up to forty people and budgets of several million euros.",
    "In my current role I coordinate capacity building with national administrations.",
    "I speak English, French and Spanish.",
    "I have worked closely with the secretariat on several occasions.",
    "I would welcome the opportunity to discuss my application in an interview.",
    "Please note that I will be out of office next week, from 27 to 31 October;",
    "I will be out of the office until 3 November but reachable on my mobile phone.",
    "Yours faithfully,",
    "Maria Fernández",
]
QUOTED_ACK = "\n".join(f"> {row}" for row in ACK_TEXT["en"].format(name="Maria").splitlines())


def _resent_after_a_bounce() -> bytes:
    """A candidate's resend carrying the delivery report they got, and their CV."""
    message = email.message_from_bytes(messages.application(attachments=(CV,)))
    message.attach(MIMEMessage(report("Delivery has failed to these recipients", "hr@example.org")))
    return message.as_bytes()


def _reply(text: str) -> str:
    return f"{text}\n\nOn Mon, 20 Oct 2025 at 11:31, WCO Recruitment wrote:\n{QUOTED_ACK}"


# (label, the disposition it must get, the raw message).
CONTROLS: list[tuple[str, str, bytes]] = [
    ("plain application", "application", messages.application()),
    ("letter mentions out of office on its 9th and 10th lines, CV attached", "application",
     messages.application(body="\n".join(LETTER_LINES), attachments=(CV,))),
    ("letter in the body mentions out of office deep down, nothing attached", "application",
     messages.application(body="\n".join(LETTER_LINES), attachments=())),
    ("short application with a CV", "application",
     messages.application(subject="Maria Fernández – WCO/2025/DD-IS", body="CV attached.",
                          attachments=(CV,))),
    ("application from a phone saying the writer is away", "application",
     messages.application(body="I am on mission until 3 November, sending from my phone.\n\n"
                          "Sent from my iPhone", attachments=(CV, LETTER))),
    ("reply to our acknowledgement carrying the missing CV", "application",
     messages.application(subject="Re: Application – Maria FERNÁNDEZ", body=_reply("Here it is."),
                          attachments=(CV,), extra_headers=THREAD)),
    ("reply to our acknowledgement carrying the missing letter", "application",
     messages.application(subject="Re: Application – Maria FERNÁNDEZ", attachments=(LETTER,),
                          body=_reply("Please find attached my motivation letter."),
                          extra_headers=THREAD)),
    ("reply to our acknowledgement with a letter of its own", "application",
     messages.application(subject="Re: Application – Maria FERNÁNDEZ", attachments=(),
                          body=_reply("\n".join(LETTER_LINES[:8])), extra_headers=THREAD)),
    ("reply to our acknowledgement saying the letter is in the body", "enquiry",
     messages.application(subject="Re: Application – Maria FERNÁNDEZ", attachments=(),
                          body=_reply("Thank you for the confirmation. My motivation letter "
                                      "was in the body of my first email."),
                          extra_headers=THREAD)),
    ("away until a date, applying in the same breath, nothing attached", "application",
     messages.application(body="Dear HR,\n\nI am currently on leave until 3 November but I "
                          "wish to apply for the post; my CV follows on my return.",
                          attachments=())),
    ("French candidate on parental leave who applies", "application",
     messages.application(subject="Candidature – WCO/2025/DD-IS – Jean DUPONT",
                          body="Madame, Monsieur,\n\nJe suis actuellement en congé parental "
                          "jusqu'au 1er décembre ; je postule néanmoins au poste.",
                          attachments=(CV, LETTER))),
    ("German candidate on holiday, CV attached", "application",
     messages.application(subject="Bewerbung WCO/2025/HU-NA – Anna Schmidt",
                          body="Sehr geehrte Damen und Herren,\n\nich bin bis 3.11. im Urlaub, "
                          "anbei meine Unterlagen.", attachments=(CV,))),
    ("subject about office hours, CV attached", "application",
     messages.application(subject="Out of office hours assistant – application – Maria",
                          attachments=(CV,))),
    ("subject saying undeliverable, candidate resends with a CV", "application",
     messages.application(subject="Undeliverable: my application, sent again",
                          body="My first email bounced, so here are my documents again.",
                          attachments=(CV, LETTER))),
    ("resend with the delivery report attached and a CV", "application",
     _resent_after_a_bounce()),
    ("scanned CV only, short body", "application",
     messages.application(body="Automatic reply from my phone is off; scan attached.",
                          attachments=(SCAN,))),
    ("application with a logo in the signature", "application",
     messages.application(attachments=(CV, LETTER, LOGO))),
    ("enquiry", "enquiry", messages.enquiry()),
    ("enquiry in reply to our acknowledgement", "enquiry",
     messages.application(subject="Re: Question", body=_reply("Thanks. Is the deadline fixed?"),
                          attachments=(), extra_headers=THREAD)),
]  # fmt: skip
