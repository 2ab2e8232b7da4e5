"""A candidate's real CV and letter files (PDF, DOCX), for tests that go through the pipeline."""

from __future__ import annotations

from functools import cache

from tests.documents import docx_bytes, pdf_bytes

CV_TEXT = """Maria Fernández
Customs policy adviser, Madrid

Professional experience
2019 - present  Senior customs adviser, Spanish Tax Agency
2014 - 2019  Trade facilitation officer, Ministry of Finance

Education
2010 - 2012  Master in International Trade Law, University of Salamanca

Languages
Spanish (native), English (fluent), French (good)

Skills
Risk management, capacity building, project management"""

LETTER_PARAGRAPHS = [
    "Dear Madam, Dear Sir,",
    "I am writing to apply for the position of Deputy Director, Implementation Support, "
    "advertised on your website. For the past ten years I have worked on customs reform and "
    "the implementation of trade facilitation measures in Spain and in partner countries.",
    "In my current role I lead a team of twelve advisers who support administrations in "
    "planning and delivering their modernisation programmes. I am motivated by the chance to "
    "bring this experience to an international organisation and to its members.",
    "I would welcome the opportunity to discuss my application with you.",
    "Yours sincerely,",
    "Maria Fernández",
]

GERMAN_CV_TEXT = """Maria Fernández
Lebenslauf

Berufserfahrung
2019 - heute  Leitende Zollberaterin bei der spanischen Steuerbehörde, zuständig für die
Umsetzung von Reformen und die Zusammenarbeit mit internationalen Partnern
2014 - 2019  Referentin für Handelserleichterungen im Finanzministerium

Ausbildung
2010 - 2012  Master im internationalen Handelsrecht, Universität Salamanca

Sprachkenntnisse
Spanisch (Muttersprache), Englisch (fließend), Französisch (gut)"""


@cache
def cv_pdf() -> bytes:
    """A two-page CV in English with a text layer."""
    return pdf_bytes([CV_TEXT, "References available on request."])


@cache
def letter_docx() -> bytes:
    """A motivation letter in English."""
    return docx_bytes(LETTER_PARAGRAPHS)


def letter_text() -> str:
    """The letter as one text, for an email body."""
    return "\n\n".join(LETTER_PARAGRAPHS)


@cache
def german_cv_pdf() -> bytes:
    """A CV written in German."""
    return pdf_bytes([GERMAN_CV_TEXT])
