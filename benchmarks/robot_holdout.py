"""Robots and people written after the robot rules, to see how the rules do on new wording.

Thirty header-less robots and ten people, none of them looked at while the rules were written
(the set in tests/robot_messages.py was written alongside the rules and flatters them).
"""

from __future__ import annotations

from email.message import EmailMessage

from tests import candidate_files

CV = ("CV.pdf", "application/pdf", candidate_files.cv_pdf())
LETTER = ("Letter.docx", "application/octet-stream", candidate_files.letter_docx())
ACK = "<ack.311.c0ffee123456@wco.example.org>"
QUOTE = (
    "\n\n-----Original Message-----\nFrom: WCO Recruitment\nSubject: Re: Application\n\n"
    "Thank you for your application. World Customs Organization received it on 20 October."
)
ORIG = "Re: Application – Deputy Director, Implementation Support"

Files = tuple[tuple[str, str, bytes], ...]
# (subject, body, attachments, threaded to our acknowledgement).
Case = tuple[str, str, Files, bool]
ROBOTS: tuple[Case, ...] = (
    (ORIG, "Thanks for your note! I'm out until Nov 10th and will reply when I'm back.", (), False),
    (ORIG, "Hello,\nI am currently on paternity leave and will return to work on 1 December "
     "2025. For anything urgent, contact the HR team.", (), False),
    (ORIG, "Please note that I am no longer with the Ministry. Please direct your email to "
     "registry@example.gov.", (), False),
    (ORIG, "Thank you for your email. Please note that I am out of the office with no access "
     "to email until Monday 3rd November.", (), False),
    (ORIG, "I am attending a conference in Geneva until 30 October and will have intermittent "
     "access to email.", (), False),
    (ORIG, "Merci pour votre message. Je suis en congés jusqu'au 2 novembre inclus.", (), False),
    (ORIG, "Bonjour, je suis en formation jusqu'au 31/10. Je vous répondrai dès mon retour.",
     (), False),
    (ORIG, "Je suis absent jusqu'au lundi 3 novembre.", (), False),
    (ORIG, "Danke für Ihre E-Mail. Ich bin derzeit außer Haus und ab dem 3. November wieder "
     "erreichbar.", (), False),
    (ORIG, "Ich befinde mich bis 31.10. im Urlaub. Ihre Nachricht wird nicht weitergeleitet.",
     (), False),
    (ORIG, "Gracias por su correo. Me encuentro de vacaciones hasta el 3 de noviembre.", (),
     False),
    (ORIG, "En este momento no me encuentro en la oficina. Regresaré el lunes 3 de noviembre.",
     (), False),
    (ORIG, "Sono in ferie fino al 3 novembre. Per urgenze contattare la segreteria.", (), False),
    (ORIG, "Olá, estou ausente até dia 3/11 com acesso limitado ao email.", (), False),
    (f"Away: {ORIG}", "I'm away until Monday.", (), False),
    (f"Auto: {ORIG}", "Je serai absent du 20/10 au 31/10 inclus.", (), False),
    (ORIG, "This mailbox is no longer monitored. Please resend your message to "
     "jobs@example.net.", (), False),
    (ORIG, "I'm currently out of office, returning 4 November.", (), False),
    (f"[#12345] {ORIG}", "Thank you for contacting support. Your ticket has been created.",
     (), True),
    ("Message delivery failure", "Your message did not reach some or all of the intended "
     "recipients.\n\n   Subject: Re: Application\n   Sent: 20/10/2025 11:31", (), False),
    ("Delivery Notification: Delivery has failed", "This report relates to a message you sent "
     "with the following header fields:\n\n  Subject: Re: Application", (), False),
    ("Mail could not be delivered", "The following recipients could not be reached:\n\n"
     "  maria@example.com", (), False),
    ("Warning: message delayed", "Your message has not been delivered yet. The server will "
     "keep trying for 4 more days.", (), False),
    ("Failure Notice", "Sorry, we were unable to deliver your message to the following "
     "address.\n\n<maria@example.com>: 554 delivery error", (), False),
    (f"Undeliverable mail: {ORIG}", "Failed to deliver to 'maria@example.com'\nSMTP module "
     "(domain example.com) reports:\n host example.com says: 550 No such user", (), False),
    (ORIG, "Noted with thanks." + QUOTE, (), False),
    (ORIG, "Спасибо за письмо. Я в отпуске до 3 ноября.", (), False),
    (ORIG, "您好，我目前不在办公室，将于11月3日返回。", (), False),
    (f"Automatyczna odpowiedź: {ORIG}", "Jestem na urlopie do 3 listopada.", (), False),
    (ORIG, "I will be out of the office starting 20 October and returning on 3 November.",
     (), False),
)  # fmt: skip

# (subject, body, attachments, threaded, expected disposition).
Person = tuple[str, str, Files, bool, str]
PEOPLE: tuple[Person, ...] = (
    ("Application – Maria FERNÁNDEZ", "Dear HR, I'm out of the office until Monday but wanted "
     "to submit my application before the deadline. CV attached.", (CV,), False, "application"),
    ("Application – Maria FERNÁNDEZ", "Thank you for extending the deadline. I am currently on "
     "mission until 30 October; here is my motivation.\n\nFor twelve years I have led customs "
     "reform programmes, and I would bring that experience to the post.", (), False,
     "application"),
    (ORIG, "Dear Sir, attached is the signed letter." + QUOTE, (LETTER,), True, "application"),
    (ORIG, "Thank you. I'll send my CV tomorrow." + QUOTE, (), True, "enquiry"),
    ("Question", "I'm away until 3 Nov — can I send my documents afterwards?", (), False,
     "enquiry"),
    ("Fwd: Application – Maria FERNÁNDEZ", "Forwarding my application as my first email "
     "bounced.", (CV, LETTER), False, "application"),
    ("Re: Undeliverable: Application", "Here are my documents again.", (CV,), False,
     "application"),
    ("Automatic reply systems engineer – application", "Please find attached my CV.", (CV,),
     False, "application"),
    ("Candidature – Jean DUPONT", "Madame, Monsieur,\nActuellement en congé jusqu'au 3 "
     "novembre, je vous adresse ma candidature.", (CV, LETTER), False, "application"),
    ("Maria Fernández – WCO/2025/DD-IS", "Sent from my iPhone", (CV,), False, "application"),
)  # fmt: skip


def build(subject: str, body: str, files: Files, threaded: bool) -> bytes:
    """One message from a case, sent by an ordinary-looking address."""
    message = EmailMessage()
    message["From"] = "Maria Fernández <maria.fernandez@example.com>"
    message["To"] = "recruitment@wco.example.org"
    message["Subject"] = subject
    if threaded:
        message["In-Reply-To"] = ACK
    message.set_content(body)
    for filename, content_type, payload in files:
        maintype, subtype = content_type.split("/", 1)
        message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()
