"""Writes the sample Maildir examples/mailbox/: twelve realistic messages, same bytes every run.

Usage:
    python examples/make_mailbox.py           # rewrite every message and its delivery time
    python examples/make_mailbox.py --touch   # only reset delivery times (e.g. after git clone)

A Maildir message's delivery time is its file's mtime, which git does not keep; each file
name starts with that time (Unix seconds), so ``--touch`` can restore it without rebuilding.
Each message also carries a Received: header with the same time, as a real MTA writes it.

The sample vacancies (put them in config.toml):
    WCO/2025/DD-IS  Deputy Director, Implementation Support  (alias: Directeur adjoint, Appui
                    à la mise en œuvre), deadline 2025-10-26, Europe/Brussels
    WCO/2025/HU-NA  Head of Unit, Needs Assessment, deadline 2025-11-30

Needs fpdf2 (PDF) and python-docx (DOCX) to rebuild the messages, nothing for ``--touch``.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # imported where used, so that --touch needs neither library
    from docx.document import Document
    from fpdf import FPDF

BRUSSELS = ZoneInfo("Europe/Brussels")
MAILDIR = Path(__file__).resolve().parent / "mailbox"
POLICY = policy.default  # LF line ends, as in Maildir files
HR_ADDRESS = "recruitment@example.org"
HR = f"Recruitment <{HR_ADDRESS}>"
MX = "mx1.example.org"
PDF = ("application", "pdf")
DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
NAME_TIME = re.compile(r"^(\d{9,11})\.")

DD_IS = "Deputy Director, Implementation Support"
DD_IS_FR = "Directeur adjoint, Appui à la mise en œuvre"
HU_NA = "Head of Unit, Needs Assessment"


def brussels(year: int, month: int, day: int, hour: int, minute: int, second: int) -> datetime:
    """A wall-clock time in Brussels, with the right UTC offset (CEST or CET)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=BRUSSELS)


def paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of a text block: blank lines part them, line breaks inside become spaces."""
    chunks = text.strip().split("\n\n")
    return tuple(" ".join(line.strip() for line in chunk.splitlines()) for chunk in chunks)


# ---------------------------------------------------------------- people


@dataclass(frozen=True)
class Candidate:
    """A (fictional) candidate: display name, name as written in a subject, address, city."""

    name: str
    formal: str
    email: str
    city: str

    @property
    def mailbox(self) -> str:
        """The From: value."""
        return f"{self.name} <{self.email}>"

    @property
    def contact(self) -> str:
        """The contact line under a CV's heading."""
        return f"{self.city} - {self.email}"


MARIA = Candidate(
    "Maria Fernández Ruiz",
    "Maria FERNÁNDEZ RUIZ",
    "maria.fernandez.ruiz@example.com",
    "Madrid, Spain",
)
ELODIE = Candidate(
    "Élodie Marchand", "Élodie MARCHAND", "elodie.marchand@example.net", "Lyon, France"
)
JONAS = Candidate(
    "Jonas Lindqvist", "Jonas LINDQVIST", "jonas.lindqvist@example.com", "Stockholm, Sweden"
)
KWAME = Candidate("Kwame Mensah", "Kwame MENSAH", "kwame.mensah@example.net", "Accra, Ghana")
ANNA = Candidate("Anna Kowalska", "Anna KOWALSKA", "anna.kowalska@example.com", "Warsaw, Poland")
RAHUL = Candidate("Rahul Mehta", "Rahul MEHTA", "rahul.mehta@example.net", "New Delhi, India")
AMARA = Candidate("Amara Okonkwo", "Amara OKONKWO", "amara.okonkwo@example.com", "Nairobi, Kenya")


# ---------------------------------------------------------------- documents


@dataclass(frozen=True)
class Section:
    """A titled block of a CV."""

    title: str
    entries: tuple[str, ...]


def cv_sections(text: str) -> tuple[Section, ...]:
    """CV sections from a text block where each section starts with a ``## Title`` line."""
    sections = []
    for chunk in re.split(r"^## ", text.strip(), flags=re.MULTILINE):
        if chunk.strip():
            title, _, body = chunk.partition("\n")
            sections.append(Section(title.strip(), paragraphs(body)))
    return tuple(sections)


PDF_REPLACEMENTS = {"–": "-", "—": "-", "’": "'", "“": '"', "”": '"', "œ": "oe", "Œ": "OE"}


def pdf_text(text: str) -> str:
    """Text the PDF core fonts (Latin-1) can draw: typographic signs become plain ones."""
    for sign, plain in PDF_REPLACEMENTS.items():
        text = text.replace(sign, plain)
    return text


def new_pdf(title: str, author: str, created: datetime) -> FPDF:
    """An A4 fpdf2 document with fixed metadata, so that its bytes never change."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(created)
    pdf.set_title(pdf_text(title))
    pdf.set_author(pdf_text(author))
    pdf.set_creator("Writer")
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    return pdf


def write_pdf_paragraph(pdf: FPDF, text: str, size: float, style: str, height: float) -> None:
    """One wrapped paragraph in Helvetica; ``height`` is the line height in mm."""
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(0, height, pdf_text(text), align="L", new_x="LMARGIN", new_y="NEXT")


def cv_pdf(person: Candidate, cv: Sequence[Section], created: datetime) -> bytes:
    """A CV as a real PDF with extractable text."""
    pdf = new_pdf(f"Curriculum vitae - {person.name}", person.name, created)
    write_pdf_paragraph(pdf, person.formal, 18, "B", 10)
    write_pdf_paragraph(pdf, person.contact, 10, "", 8)
    for section in cv:
        write_pdf_paragraph(pdf, section.title.upper(), 11, "B", 7)
        for entry in section.entries:
            write_pdf_paragraph(pdf, entry, 10, "", 5.5)
        pdf.ln(3)
    return bytes(pdf.output())


def letter_pdf(person: Candidate, letter: Sequence[str], title: str, created: datetime) -> bytes:
    """A letter as a real PDF: one paragraph after another, the signature in bold."""
    pdf = new_pdf(title, person.name, created)
    for text in letter[:-1]:
        write_pdf_paragraph(pdf, text, 10.5, "", 6)
        pdf.ln(4)
    write_pdf_paragraph(pdf, letter[-1], 10.5, "B", 6)
    return bytes(pdf.output())


def letter_docx(person: Candidate, letter: Sequence[str], title: str, created: datetime) -> bytes:
    """A letter as a real Word document."""
    import docx

    document = docx.Document()
    for text in letter:
        document.add_paragraph(text)
    return docx_bytes(document, title, person.name, created)


def cv_docx(person: Candidate, cv: Sequence[Section], created: datetime) -> bytes:
    """A CV as a real Word document."""
    import docx

    document = docx.Document()
    document.add_heading(person.formal, level=0)
    document.add_paragraph(person.contact)
    for section in cv:
        document.add_heading(section.title, level=1)
        for entry in section.entries:
            document.add_paragraph(entry)
    return docx_bytes(document, f"Curriculum vitae – {person.name}", person.name, created)


def docx_bytes(document: Document, title: str, author: str, created: datetime) -> bytes:
    """Save with fixed core properties, then give the zip entries a fixed date too."""
    when = created.astimezone(UTC).replace(tzinfo=None)  # python-docx writes naive UTC
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.created = when
    properties.modified = when
    properties.last_printed = when
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), when)


def stable_zip(data: bytes, when: datetime) -> bytes:
    """The same zip with every entry dated ``when`` (zip writers otherwise stamp 'now')."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            target.writestr(info, source.read(entry))
    return output.getvalue()


# ---------------------------------------------------------------- messages


@dataclass(frozen=True)
class Sample:
    """One message of the sample mailbox and the moment the server received it."""

    slug: str
    delivered: datetime
    message: EmailMessage


@dataclass(frozen=True)
class Hop:
    """The sender's outgoing mail server as the organisation's MX saw it, and its queue id."""

    host: str
    ip: str
    queue_id: str


def new_message(
    sender: str,
    subject: str,
    delivered: datetime,
    hop: Hop,
    message_id: str,
    sent_seconds_before: int = 7,
) -> EmailMessage:
    """A message to HR with the trace headers an MX and the local delivery agent add."""
    message = EmailMessage(policy=POLICY)
    message["Return-Path"] = f"<{sender.rsplit('<', 1)[-1].rstrip('>')}>"
    message["Delivered-To"] = HR_ADDRESS
    message["Received"] = (
        f"from {hop.host} ({hop.host} [{hop.ip}]) by {MX} (Postfix) with ESMTPS id "
        f"{hop.queue_id} for <{HR_ADDRESS}>; {received_date(delivered)}"
    )
    message["From"] = sender
    message["To"] = HR
    message["Subject"] = subject
    message["Date"] = format_datetime(delivered - timedelta(seconds=sent_seconds_before))
    message["Message-ID"] = message_id
    return message


def received_date(moment: datetime) -> str:
    """A Received: header's date, with the zone's abbreviation as MTAs add it."""
    return f"{format_datetime(moment)} ({moment.tzname()})"


def attach(message: EmailMessage, data: bytes, kind: tuple[str, str], filename: str) -> None:
    """Add a base64 file attachment (RFC 2231 file name when it is not ASCII)."""
    maintype, subtype = kind
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)


def finish(message: EmailMessage, tag: str) -> EmailMessage:
    """Fixed MIME boundaries (the email package picks random ones) and no stray MIME-Version."""
    _finish_part(message, tag, itertools.count(1), top=True)
    return message


def _finish_part(part: EmailMessage, tag: str, counter: Iterator[int], *, top: bool) -> None:
    if not top:
        del part["MIME-Version"]  # the email package copies it into attachments
    if part.get_content_maintype() == "multipart":
        part.set_boundary(f"=_sample_{tag}_{next(counter)}")
        for child in part.iter_parts():
            _finish_part(child, tag, counter, top=False)  # type: ignore[arg-type]
    elif part.get_content_type() == "message/rfc822":
        for inner in part.get_payload():
            if isinstance(inner, EmailMessage):
                _finish_part(inner, tag, counter, top=True)


# ---------------------------------------------------------------- a) complete, English

MARIA_CV = cv_sections("""
## Profile
Customs official with seventeen years of experience in customs modernisation, risk management
and capacity building, including six years of technical assistance to customs administrations
in West Africa.

## Professional experience
2019 - present  Head of Capacity Building Programmes, National Customs Administration, Madrid.
Leads a team of 14 advisers; designed the Authorised Economic Operator programme now run in six
partner administrations.

2013 - 2019  Senior Technical Adviser, Regional Customs Reform Project, Dakar. Implementation
of the Trade Facilitation Agreement: single window, advance rulings, time release studies.

2008 - 2013  Risk Analyst, Customs Risk Management Unit, Algeciras.

## Education
2007  Master in International Trade Law, Universidad Complutense de Madrid

2005  Licenciatura in Economics, Universidad de Sevilla

## Languages
Spanish (mother tongue), English (C2), French (B2), Portuguese (B1)
""")

MARIA_LETTER = paragraphs(f"""
Madrid, 13 October 2025

Dear Members of the Selection Panel,

I am writing to apply for the post of {DD_IS} (vacancy notice WCO/2025/DD-IS).

For the past six years I have led the capacity building programmes of my administration, and
before that I spent six years in Dakar supporting customs administrations in implementing the
Trade Facilitation Agreement. I have learned how much lasting reform depends on a careful
assessment of each administration's needs, on realistic plans, and on patient support once the
experts have gone home.

I would bring to the Implementation Support Directorate experience in managing multi-donor
programmes, a network of counterparts in three regions, and the ability to work in English,
French and Spanish.

As the vacancy notice asks, I declare that a member of my family works for the Organization.
My brother, Carlos Fernández, works at the World Customs Organization as a Technical Officer.

Thank you for considering my application. I would welcome the opportunity to discuss it with
you.

Yours sincerely,

Maria Fernández Ruiz
""")


def complete_english() -> Sample:
    """a) Subject, CV (PDF) and letter (DOCX) as asked; the letter declares a brother."""
    delivered = brussels(2025, 10, 14, 10, 27, 43)
    written = brussels(2025, 10, 13, 18, 2, 0)
    message = new_message(
        MARIA.mailbox,
        f"Application – {DD_IS} – {MARIA.formal}",
        delivered,
        Hop("mail.example.com", "203.0.113.25", "4cMq2L0Rk3z9sWb"),
        "<CAF3x9Q2mR7h0gT1yJ4kP8e2Wd5vN6s@mail.example.com>",
    )
    message.set_content(
        "Dear Recruitment Team,\n\n"
        f"Please find attached my application for the post of {DD_IS}\n"
        "(WCO/2025/DD-IS): my curriculum vitae and my motivation letter.\n\n"
        "Kind regards,\n\nMaria Fernández Ruiz\n",
        cte="quoted-printable",
    )
    attach(message, cv_pdf(MARIA, MARIA_CV, written), PDF, "CV_Maria_Fernandez_Ruiz.pdf")
    letter = letter_docx(MARIA, MARIA_LETTER, "Motivation letter", written)
    attach(message, letter, DOCX, "Motivation_letter_Maria_Fernandez_Ruiz.docx")
    return Sample("complete-application-en", delivered, finish(message, "a"))


# ---------------------------------------------------------------- b) complete, French

ELODIE_CV = cv_sections("""
## Profil
Inspectrice principale des douanes : quinze ans d'expérience en facilitation des échanges, en
contrôle a posteriori et en pilotage de projets de coopération technique.

## Expérience professionnelle
2020 - aujourd'hui  Cheffe du bureau de la coopération internationale, Direction générale des
douanes, Lyon.

2015 - 2020  Experte résidente, programme d'appui à la modernisation des douanes, Abidjan :
mise en œuvre de l'Accord sur la facilitation des échanges.

2010 - 2015  Auditrice, service du contrôle a posteriori, Le Havre.

## Formation
2009  Master en droit international économique, Université Jean Moulin Lyon 3

## Langues
Français (langue maternelle), anglais (C1), espagnol (B1)
""")

ELODIE_LETTER = paragraphs(f"""
Lyon, le 26 octobre 2025

Madame, Monsieur,

Je souhaite présenter ma candidature au poste de {DD_IS_FR} (avis de vacance WCO/2025/DD-IS).

Depuis cinq ans, je dirige le bureau de la coopération internationale de mon administration ;
auparavant, j'ai accompagné pendant cinq ans la mise en œuvre de l'Accord sur la facilitation
des échanges en Côte d'Ivoire. J'en retiens qu'une réforme durable repose sur un diagnostic
partagé et sur un appui patient, au plus près des équipes.

Je mettrais volontiers cette expérience au service de la Direction de l'appui à la mise en
œuvre.

Comme le demande l'avis de vacance, je déclare n'avoir aucun lien de parenté avec un membre du
personnel. Aucun membre de ma famille ne travaille à l'Organisation.

Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.

Élodie Marchand
""")


def complete_french() -> Sample:
    """b) In French, received 19 minutes before the deadline, the night the clocks went back."""
    delivered = brussels(2025, 10, 26, 23, 41, 9)
    written = brussels(2025, 10, 26, 21, 15, 0)
    message = new_message(
        ELODIE.mailbox,
        f"Candidature – {DD_IS_FR} – {ELODIE.formal}",
        delivered,
        Hop("smtp.example.net", "198.51.100.23", "4cQv7N1Ty2z3kHd"),
        "<8d2f61c4-3b7e-4a0f-9c55-2e17a9b04d6e@example.net>",
        sent_seconds_before=4,
    )
    message["User-Agent"] = "Mozilla Thunderbird"
    message.set_content(
        "Madame, Monsieur,\n\n"
        "Veuillez trouver ci-joints mon CV et ma lettre de motivation pour le poste\n"
        f"de {DD_IS_FR} (WCO/2025/DD-IS).\n\n"
        "Bien cordialement,\n\nÉlodie Marchand\n",
        cte="8bit",
    )
    message["Content-Language"] = "fr"  # after set_content, which drops Content-* headers
    attach(message, cv_pdf(ELODIE, ELODIE_CV, written), PDF, "CV_Élodie_Marchand.pdf")
    letter = letter_docx(ELODIE, ELODIE_LETTER, "Lettre de motivation", written)
    attach(message, letter, DOCX, "Lettre_de_motivation_Élodie_Marchand.docx")
    return Sample("complete-application-fr", delivered, finish(message, "b"))


# ---------------------------------------------------------------- c) late

JONAS_CV = cv_sections("""
## Summary
Customs and border management adviser: twelve years in a national customs administration and
five in international technical assistance.

## Experience
2020 - present  Programme Manager, Border Management Programme, Stockholm.

2008 - 2020  Head of Section, Post-Clearance Audit, regional customs office, Gothenburg.

## Education
2007  MSc Economics, Uppsala University

## Languages
Swedish (native), English (C2), French (B1)
""")

JONAS_LETTER = paragraphs(f"""
Stockholm, 26 October 2025

Dear Sir or Madam,

I hereby apply for the position of {DD_IS}, reference WCO/2025/DD-IS.

My programme work has taken me to fourteen customs administrations, where I helped turn the
findings of diagnostic missions into funded and monitored reform plans.

To my knowledge, none of my relatives is employed by the World Customs Organization.

Yours faithfully,

Jonas Lindqvist
""")


def late_application() -> Sample:
    """c) Complete, but received on 27 October at 09:14, the morning after the deadline."""
    delivered = brussels(2025, 10, 27, 9, 14, 37)
    written = brussels(2025, 10, 26, 20, 30, 0)
    message = new_message(
        JONAS.mailbox,
        f"Application - {DD_IS} - {JONAS.formal}",
        delivered,
        Hop("out.example.com", "203.0.113.78", "4cR0gS5Wm1z8pLx"),
        "<20251027081426.1f9c2a@out.example.com>",
        sent_seconds_before=11,
    )
    message.set_content(
        "Dear Recruitment Team,\n\n"
        "Please accept my application for WCO/2025/DD-IS. I am sorry that it reaches you\n"
        "only this morning: I was travelling yesterday and could not connect.\n\n"
        "My CV and motivation letter are attached.\n\n"
        "Best regards,\nJonas Lindqvist\n"
    )
    attach(message, cv_pdf(JONAS, JONAS_CV, written), PDF, "Lindqvist_CV.pdf")
    letter = letter_pdf(JONAS, JONAS_LETTER, "Motivation letter", written)
    attach(message, letter, PDF, "Lindqvist_motivation_letter.pdf")
    return Sample("late-application", delivered, finish(message, "c"))


# ---------------------------------------------------------------- d) bad subject

KWAME_CV = cv_sections("""
## Professional summary
Trade facilitation specialist with ten years in customs valuation and tariff classification.

## Experience
2018 - present  Principal Officer, Tariff and Valuation Unit, Accra.

2015 - 2018  Customs Officer, Kotoka International Airport, Accra.

## Education
2014  BA Economics, University of Ghana

## Languages
English (native), French (B2)
""")


def bad_subject() -> Sample:
    """d) The subject is only "CV": no name, no vacancy; a CV (DOCX) and no letter."""
    delivered = brussels(2025, 10, 16, 8, 5, 12)
    written = brussels(2025, 10, 15, 22, 40, 0)
    message = new_message(
        KWAME.mailbox,
        "CV",
        delivered,
        Hop("mail.example.net", "198.51.100.41", "4cNb3X7Hq9z1vRt"),
        "<CAB7k2Lp9Qw3Xz8Rm1Tn5Yv0Hs4Gd6Jf@mail.example.net>",
    )
    message.set_content(
        "Good morning,\n\n"
        "I would like to apply for the Deputy Director position. My CV is attached.\n\n"
        "Best regards,\nKwame Mensah\n"
    )
    attach(message, cv_docx(KWAME, KWAME_CV, written), DOCX, "Kwame_Mensah_CV.docx")
    return Sample("subject-cv-only", delivered, finish(message, "d"))


# ---------------------------------------------------------------- e) letter missing

ANNA_CV = cv_sections("""
## Profile
Customs policy analyst specialised in needs assessment and diagnostic missions.

## Experience
2017 - present  Senior Analyst, Customs Policy Department, Warsaw. Led eleven diagnostic
missions to customs administrations in Eastern Europe and Central Asia.

2012 - 2017  Customs Officer, Terespol border crossing.

## Education
2011  MA International Relations, University of Warsaw

## Languages
Polish (native), English (C1), Russian (B2), French (A2)
""")


def letter_missing() -> Sample:
    """e) A good subject and a CV, but no motivation letter anywhere."""
    delivered = brussels(2025, 11, 3, 18, 20, 54)
    written = brussels(2025, 11, 2, 16, 0, 0)
    message = new_message(
        ANNA.mailbox,
        f"Application – {HU_NA} – {ANNA.formal}",
        delivered,
        Hop("mail.example.com", "203.0.113.25", "4cW5hJ2Fn6z4tQs"),
        "<CAH1r8Wm4Zt6Yq2Pk9Xs3Lb7Nd0Vc5Ge@mail.example.com>",
    )
    message.set_content(
        "Dear Madam, Dear Sir,\n\n"
        "Please find attached my CV for the vacancy WCO/2025/HU-NA.\n\n"
        "Yours faithfully,\nAnna Kowalska\n"
    )
    attach(message, cv_pdf(ANNA, ANNA_CV, written), PDF, "Kowalska_Anna_CV_2025.pdf")
    return Sample("letter-missing", delivered, finish(message, "e"))


# ---------------------------------------------------------------- l) the letter, a day later

ANNA_LETTER = paragraphs(f"""
Warsaw, 4 November 2025

Dear Members of the Selection Panel,

I am writing to apply for the post of {HU_NA} (vacancy notice WCO/2025/HU-NA); my CV reached
you yesterday.

For eight years I have led diagnostic missions to customs administrations, and I have seen how
an assessment that the administration itself shares becomes a reform plan that is carried out.
I would bring that method, and the patience it asks for, to the Needs Assessment Unit.

I declare that no member of my family works for the World Customs Organization.

Yours faithfully,

Anna Kowalska
""")


def letter_follow_up() -> Sample:
    """l) The motivation letter Anna forgot, sent the next day: a resubmission, now complete."""
    delivered = brussels(2025, 11, 4, 9, 12, 5)
    written = brussels(2025, 11, 4, 8, 40, 0)
    message = new_message(
        ANNA.mailbox,
        f"Application – {HU_NA} – {ANNA.formal} – motivation letter",
        delivered,
        Hop("mail.example.com", "203.0.113.25", "4cW9kP3Qs1x7vRt"),
        "<CAH1r8Wm7Qd2Lx5Jn3Tb9Yc4Vf0Ke6Hs@mail.example.com>",
    )
    message.set_content(
        "Dear Madam, Dear Sir,\n\n"
        "Please find attached the motivation letter that should have come with my CV "
        "yesterday.\n\nYours faithfully,\nAnna Kowalska\n"
    )
    letter = letter_docx(ANNA, ANNA_LETTER, "Motivation letter", written)
    attach(message, letter, DOCX, "Kowalska_Anna_motivation_letter.docx")
    return Sample("letter-follow-up", delivered, finish(message, "l"))


# ---------------------------------------------------------------- f) letter in the body

RAHUL_CV = cv_sections("""
## Profile
Customs reform specialist; needs assessments in twenty countries.

## Experience
2016 - present  Lead Consultant, Customs Modernisation Practice, New Delhi.

2010 - 2016  Assistant Commissioner of Customs, Mumbai.

## Education
2009  MBA, Indian Institute of Management

## Languages
Hindi (native), English (C2), French (B1)
""")

RAHUL_LETTER = paragraphs(f"""
Dear Members of the Selection Committee,

I wish to apply for the post of {HU_NA} (WCO/2025/HU-NA). This email is my letter of
motivation; my CV is attached.

Over the past nine years I have led needs assessment and diagnostic missions for customs
administrations in Asia, Africa and the Pacific, and turned their findings into reform roadmaps
that donors agreed to fund. Before that I served six years as an Assistant Commissioner of
Customs, so I also know these assessments from the side of the administration being assessed.

I would welcome the chance to lead the Needs Assessment Unit, and to make its diagnostics
shorter, better shared with the administrations concerned and more closely tied to the support
that follows them.

I declare that I have no relatives working at the World Customs Organization.

Yours sincerely,

Rahul Mehta
""")


def letter_in_body() -> Sample:
    """f) HTML and plain-text alternatives carry the motivation letter; the CV is attached."""
    delivered = brussels(2025, 11, 12, 21, 7, 16)
    written = brussels(2025, 11, 10, 9, 30, 0)
    message = new_message(
        RAHUL.mailbox,
        f"WCO/2025/HU-NA – {HU_NA} – {RAHUL.formal}",
        delivered,
        Hop("mail.example.net", "198.51.100.41", "4cZ8mV1Bd3z7wKy"),
        "<CAD4t7Nq1Xv8Zm3Rp6Ws9Kc2Lf5Hb0Jy@mail.example.net>",
        sent_seconds_before=3,
    )
    message.set_content("\n\n".join(RAHUL_LETTER) + "\n", cte="quoted-printable")
    html = "".join(f"<p>{text}</p>\n" for text in RAHUL_LETTER)
    message.add_alternative(
        f'<html>\n<body style="font-family: Arial, sans-serif">\n{html}</body>\n</html>\n',
        subtype="html",
        cte="quoted-printable",
    )
    attach(message, cv_pdf(RAHUL, RAHUL_CV, written), PDF, "Rahul_Mehta_CV.pdf")
    return Sample("letter-in-body", delivered, finish(message, "f"))


# ---------------------------------------------------------------- g) auto-reply


def out_of_office() -> Sample:
    """g) An Exchange-style out-of-office answer to one of our acknowledgements."""
    delivered = brussels(2025, 10, 20, 16, 42, 31)
    message = new_message(
        "Thomas Berger <thomas.berger@example.com>",
        "Automatic reply: Acknowledgement of your application – WCO/2025/DD-IS",
        delivered,
        Hop("mail.example.com", "203.0.113.25", "4cPt6D9Kx2z5mWq"),
        "<AM0PR07MB6412A1B2C3D4E5F6A7B8C9D0E1F2@AM0PR07MB6412.example.com>",
        sent_seconds_before=2,
    )
    message["In-Reply-To"] = "<ack.20251020144158.7c1e@example.org>"
    message["References"] = "<ack.20251020144158.7c1e@example.org>"
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(
        "Thank you for your message. I am out of the office until 3 November 2025, with\n"
        "limited access to email. For urgent matters, please write to\n"
        "office.manager@example.com.\n\n"
        "Thomas Berger\n"
    )
    return Sample("out-of-office", delivered, finish(message, "g"))


# ---------------------------------------------------------------- h) bounce

BOUNCE_REPORT = """\
Content-Type: multipart/report; report-type=delivery-status; boundary="=_sample_h_1"

--=_sample_h_1
Content-Type: text/plain; charset="us-ascii"
Content-Description: Notification

The mail server mx1.example.org could not deliver your message to one
recipient. The receiving server refused it permanently, so it will not
be tried again.

<p.okafor@example.net>: host mail.example.net[198.51.100.7] said:
    550 5.1.1 <p.okafor@example.net>: Recipient address rejected: User
    unknown (in reply to RCPT TO command)

--=_sample_h_1
Content-Type: message/delivery-status
Content-Description: Delivery report

Reporting-MTA: dns; mx1.example.org
X-Postfix-Queue-ID: 4cR3pF8Ls4z6nYv
Arrival-Date: Tue, 21 Oct 2025 11:14:58 +0200 (CEST)

Final-Recipient: rfc822; p.okafor@example.net
Original-Recipient: rfc822;p.okafor@example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.example.net
Diagnostic-Code: smtp; 550 5.1.1 <p.okafor@example.net>: Recipient address
    rejected: User unknown

--=_sample_h_1
Content-Type: text/rfc822-headers
Content-Description: Undelivered Message Headers

From: Recruitment <recruitment@example.org>
To: p.okafor@example.net
Subject: Acknowledgement of your application - WCO/2025/DD-IS
Date: Tue, 21 Oct 2025 09:14:57 -0000
Message-ID: <ack.20251021091457.2b7d@example.org>
In-Reply-To: <CAG5u2Xr7Pm0Yt4Qn8Vz1Hd6Kb3Ws9Lc@mail.example.net>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

--=_sample_h_1--
"""


def bounce() -> Sample:
    """h) A delivery status notification: an acknowledgement went to a mistyped address."""
    delivered = brussels(2025, 10, 21, 11, 15, 2)
    report = BytesParser(policy=POLICY).parsebytes(BOUNCE_REPORT.encode("ascii"))
    message = new_message(
        f"Mail Delivery System <MAILER-DAEMON@{MX}>",
        "Undelivered Mail Returned to Sender",
        delivered,
        Hop(MX, "127.0.0.1", "4cR3pG0Mt5z7qZw"),
        f"<20251021091502.4cR3pG0Mt5z7qZw@{MX}>",
        sent_seconds_before=0,
    )
    message.replace_header("Return-Path", "<>")
    message.replace_header("Received", f"by {MX} (Postfix); {received_date(delivered)}")
    message["Auto-Submitted"] = "auto-replied"
    message["MIME-Version"] = "1.0"
    message["Content-Type"] = report["Content-Type"]
    message.set_payload(report.get_payload())
    return Sample("bounce", delivered, finish(message, "h"))


# ---------------------------------------------------------------- i) enquiry


def enquiry() -> Sample:
    """i) A question about a vacancy, with no attachment."""
    delivered = brussels(2025, 10, 22, 13, 58, 20)
    message = new_message(
        "Sofia Rossi <sofia.rossi@example.net>",
        "Question about the Head of Unit vacancy",
        delivered,
        Hop("mail.example.net", "198.51.100.41", "4cQ1wE4Pz8z2rTm"),
        "<CAE9w3Yt6Rk1Zq7Xm4Pv8Ns2Hc5Lb0Gd@mail.example.net>",
    )
    message.set_content(
        "Dear Sir or Madam,\n\n"
        "I have read the vacancy notice WCO/2025/HU-NA with great interest, but I am not a\n"
        "national of a Member of the Organization. Could you tell me whether the Head of\n"
        "Unit post is open to non-nationals?\n\n"
        "Thank you in advance.\n\nSofia Rossi\n"
    )
    return Sample("enquiry", delivered, finish(message, "i"))


# ---------------------------------------------------------------- j) forwarded

AMARA_CV = cv_sections("""
## Profile
Monitoring and evaluation expert for customs capacity building; certified project manager.

## Experience
2019 - present  Monitoring and Evaluation Lead, Regional Trade Programme, Nairobi.

2012 - 2019  Planning Officer, Federal Customs Service, Abuja.

## Education
2011  MSc Development Economics, University of Ibadan

## Languages
English (native), Igbo (native), French (B2)
""")

AMARA_LETTER = paragraphs(f"""
Nairobi, 19 November 2025

Dear Recruitment Team,

Please consider my application for the post of {HU_NA} (WCO/2025/HU-NA).

For six years I have measured what capacity building changes in practice, which is where every
good needs assessment begins and ends.

I confirm that I am not related to any member of the staff of the Organization.

Yours sincerely,

Amara Okonkwo
""")


def forwarded_application() -> Sample:
    """j) The candidate forwards, as an attachment, the application sent to a wrong address."""
    delivered = brussels(2025, 11, 20, 12, 33, 48)
    message = new_message(
        AMARA.mailbox,
        f"Fwd: Application – {HU_NA} – {AMARA.formal}",
        delivered,
        Hop("mail.example.com", "203.0.113.25", "4cf2kR6Vw0z9xMn"),
        "<4e0b7d5a-91c3-4f26-8a1d-6c3f2b9e8a70@example.com>",
    )
    message.set_content(
        "Dear Recruitment Team,\n\n"
        "I sent the application below yesterday to careers@example.org, and only now saw\n"
        "that the vacancy notice asks for applications at this address. I forward it\n"
        "unchanged.\n\n"
        "Kind regards,\nAmara Okonkwo\n"
    )
    message.add_attachment(original_application(), filename=f"Application - {HU_NA}.eml")
    return Sample("forwarded-application", delivered, finish(message, "j"))


def original_application() -> EmailMessage:
    """The message as first sent, to careers@example.org: CV (PDF) and letter (DOCX)."""
    written = brussels(2025, 11, 19, 10, 0, 0)
    original = EmailMessage(policy=POLICY)
    original["From"] = AMARA.mailbox
    original["To"] = "careers@example.org"
    original["Subject"] = f"Application – {HU_NA} – {AMARA.formal}"
    original["Date"] = format_datetime(brussels(2025, 11, 19, 10, 26, 3))
    original["Message-ID"] = "<b3c81f0e-5d27-4a9b-b6e4-0f7a2d93c158@example.com>"
    original.set_content(
        "Dear Sir or Madam,\n\n"
        f"Please find attached my CV and motivation letter for the post of\n{HU_NA}.\n\n"
        "Kind regards,\nAmara Okonkwo\n"
    )
    attach(original, cv_pdf(AMARA, AMARA_CV, written), PDF, "Amara_Okonkwo_CV.pdf")
    letter = letter_docx(AMARA, AMARA_LETTER, "Motivation letter", written)
    attach(original, letter, DOCX, "Amara_Okonkwo_motivation_letter.docx")
    return original


# ---------------------------------------------------------------- k) newsletter

NEWSLETTER_ITEMS = (
    "Customs Modernisation Adviser - regional programme, closes 7 November",
    "Trade Facilitation Expert - technical assistance facility, closes 14 November",
    "Data Analyst, Risk Management - national administration, closes 21 November",
)
UNSUBSCRIBE = "https://careers.example.net/unsubscribe?u=7f3a9c"


def newsletter() -> Sample:
    """k) A mailing-list newsletter (List-Id, List-Unsubscribe, Precedence: bulk)."""
    delivered = brussels(2025, 10, 17, 7, 0, 5)
    message = new_message(
        "Customs Careers Weekly <newsletter@example.net>",
        "This week: 14 new vacancies in customs and trade facilitation",
        delivered,
        Hop("bulk1.example.net", "198.51.100.90", "4cNx0Q2Jd7z3sPf"),
        "<weekly-2025-42.r7f3a9c@lists.example.net>",
        sent_seconds_before=40,
    )
    message.replace_header("Return-Path", "<bounce-weekly-7f3a9c@lists.example.net>")
    message["List-Id"] = "Customs Careers Weekly <weekly.careers.example.net>"
    message["List-Unsubscribe"] = (
        f"<mailto:leave-weekly@example.net?subject=unsubscribe>, <{UNSUBSCRIBE}>"
    )
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Precedence"] = "bulk"
    items = "\n".join(f"* {item}" for item in NEWSLETTER_ITEMS)
    message.set_content(
        f"Customs Careers Weekly - week 42\n\n{items}\n\nUnsubscribe: {UNSUBSCRIBE}\n"
    )
    html_items = "".join(f"<li>{item}</li>" for item in NEWSLETTER_ITEMS)
    message.add_alternative(
        f"<html><body><h1>Customs Careers Weekly</h1><ul>{html_items}</ul>"
        f'<p><a href="{UNSUBSCRIBE}">Unsubscribe</a></p></body></html>\n',
        subtype="html",
    )
    return Sample("newsletter", delivered, finish(message, "k"))


# ---------------------------------------------------------------- the Maildir

BUILDERS: tuple[Callable[[], Sample], ...] = (
    complete_english,
    complete_french,
    late_application,
    bad_subject,
    letter_missing,
    letter_in_body,
    out_of_office,
    bounce,
    enquiry,
    forwarded_application,
    newsletter,
    letter_follow_up,
)


def file_name(number: int, sample: Sample) -> str:
    """Maildir unique name: delivery time, sequence number, a fixed "pid", and the slug."""
    return f"{int(sample.delivered.timestamp())}.M{number}P1.{sample.slug}"


def clear(maildir: Path) -> None:
    """Empty new/, cur/ and tmp/ of earlier messages; keep the folders and their dotfiles."""
    for sub in ("new", "cur", "tmp"):
        folder = maildir / sub
        folder.mkdir(parents=True, exist_ok=True)
        for entry in folder.iterdir():
            if entry.is_file() and not entry.name.startswith("."):
                entry.unlink()
    for sub in ("cur", "tmp"):
        (maildir / sub / ".gitkeep").touch()


def write(maildir: Path) -> list[Path]:
    """Build every sample and deliver it into new/, its delivery time as the file's mtime."""
    clear(maildir)
    written = []
    for number, builder in enumerate(BUILDERS, start=1):
        sample = builder()
        path = maildir / "new" / file_name(number, sample)
        path.write_bytes(sample.message.as_bytes(policy=POLICY))
        stamp = sample.delivered.timestamp()
        os.utime(path, (stamp, stamp))
        written.append(path)
    return written


def touch(maildir: Path) -> list[Path]:
    """Set each message file's mtime back to the delivery time its name begins with."""
    touched = []
    for sub in ("new", "cur"):
        for path in sorted((maildir / sub).iterdir()):
            found = NAME_TIME.match(path.name)
            if found:
                stamp = int(found.group(1))
                os.utime(path, (stamp, stamp))
                touched.append(path)
    return touched


def main(argv: Sequence[str] | None = None) -> int:
    """Build the sample Maildir, or only reset its delivery times; list what was done."""
    parser = argparse.ArgumentParser(description="Write the sample Maildir of recruitment mail.")
    parser.add_argument(
        "--touch", action="store_true", help="only set each file's mtime from its name"
    )
    parser.add_argument(
        "--maildir", type=Path, default=MAILDIR, help=f"where to write (default: {MAILDIR})"
    )
    args = parser.parse_args(argv)
    paths = touch(args.maildir) if args.touch else write(args.maildir)
    for path in paths:
        delivered = datetime.fromtimestamp(path.stat().st_mtime, BRUSSELS)
        print(f"{delivered:%Y-%m-%d %H:%M:%S %Z}  {path.relative_to(args.maildir)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
