"""Labelled applications of the judgement benchmark: declarations, subjects, HTML letters,
unreadable documents and namesakes, in English, French, Spanish, Italian, Portuguese, German."""

from __future__ import annotations

from tests.candidate_messages import letter_file
from tests.judged_messages import Case, Want, both, cv_file, html_letter, letter_with, mail
from tests.legacy_word import word97_doc_bytes

DD = "WCO/2025/DD-IS"
HU = "WCO/2025/HU-NA"
SUBJECT = "Application – WCO/2025/DD-IS – {name}"
BODY = "Dear Sir or Madam,\n\nPlease find attached my CV and motivation letter.\n\n{name}"

# (language, where, text, outcome): where is "body", "letter" or "cv" (its last section).
_DECLARATIONS = (
    ("en", "body", "My sister works at the WCO. She joined the Finance directorate in 2019.",
     "declared"),
    ("en", "letter", "My husband is employed by the World Customs Organization. He has been a "
     "translator there since 2015.", "declared"),
    ("en", "letter", "In the interest of transparency: my partner is on the staff. She works "
     "in the WCO Secretariat as an analyst.", "declared"),
    ("en", "cv", "ADDITIONAL INFORMATION\nRelatives at the WCO: my brother, Piotr Nowak, "
     "Compliance and Facilitation Directorate.", "declared"),
    ("en", "cv", "OTHER\nMy wife, Anna Lind, works for the Organization (Capacity Building "
     "Directorate).", "declared"),
    ("fr", "body", "Mon épouse travaille à l'OMD. Elle y est assistante depuis 2020.",
     "declared"),
    ("fr", "letter", "Je tiens à signaler que mon conjoint est fonctionnaire de "
     "l'Organisation mondiale des douanes.", "declared"),
    ("fr", "cv", "DIVERS\nMa sœur, Claire Morel, est employée au Secrétariat de l'OMD.",
     "declared"),
    ("fr", "letter", "Par souci de transparence, je vous informe que mon père travaille à "
     "l'OMD. Il y dirige le service des traductions.", "declared"),
    ("en", "body", "My brother works for the Belgian customs administration, a member "
     "administration of the WCO.", "none"),
    ("en", "letter", "My wife is a customs officer with the national customs service of Ghana.",
     "none"),
    ("en", "letter", "A former colleague of mine, with whom I worked in Nairobi, now works at "
     "the WCO.", "none"),
    ("en", "cv", "PERSONAL\nMarried; my husband works for Kenya Revenue Authority, a WCO "
     "Member administration.", "none"),
    ("fr", "body", "Mon père a fait toute sa carrière à la Direction générale des douanes, "
     "administration membre de l'OMD.", "none"),
    ("fr", "letter", "Un ancien collègue de la douane du Havre travaille aujourd'hui à l'OMD.",
     "none"),
    ("fr", "letter", "Mon frère est inspecteur des douanes françaises, Membre de l'OMD.",
     "none"),
    ("en", "letter", "I have no relatives working at the WCO.", "denied"),
)  # fmt: skip
_OTHER_LANGUAGE_SUBJECTS = (
    ("Candidature – Directeur adjoint, Appui à la mise en œuvre – {name}", DD),
    ("Candidature au poste de Chef d'unité, Évaluation des besoins – {name}", HU),
    ("Candidature : Directeur adjoint Appui a la mise en oeuvre - {name}", DD),
    ("Candidatura – Directeur adjoint, Appui à la mise en œuvre – {name}", DD),
    ("Application – Deputy Director, Implementation Support – {name}", DD),
)
_HTML_LETTERS = (
    (False, ["Dear Madam, Dear Sir,", "I am writing to apply for the post of Deputy Director, "
     "Implementation Support. For twelve years I have led customs reform programmes in West "
     "Africa, with a focus on risk management and the SAFE Framework of Standards.",
     "In my current role I manage a team of fifteen officers and coordinate projects funded "
     "by international donors. I would bring this experience to the Organization and its "
     "Members.", "Yours sincerely,", "{name}"]),
    (True, ["Madame, Monsieur,", "Je vous adresse ma candidature au poste de Directeur "
     "adjoint, Appui à la mise en œuvre. Depuis dix ans, je conduis des programmes de "
     "modernisation des douanes et de renforcement des capacités en Afrique centrale.",
     "Mon expérience de la gestion de projets financés par des bailleurs internationaux et "
     "ma connaissance de la Convention de Kyoto révisée seraient utiles à l'Organisation.",
     "Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.", "{name}"]),
    (True, ["Dear Selection Panel,", "Please consider this email my motivation letter for the "
     "post of Deputy Director, Implementation Support. I have spent fourteen years in customs "
     "administration, the last six as head of the post-clearance audit division.",
     "I have designed training on valuation and rules of origin for more than thirty "
     "administrations and I am used to working with international partners.",
     "Kind regards,", "{name}"]),
)  # fmt: skip
_NAMESAKES = (
    ("Maria GARCIA", ("maria.garcia@example.com", "mgarcia77@example.es"),
     ("+34 600 111 222", "+34 655 987 654")),
    ("Mohamed Ali", ("mohamed.ali@example.com", "m.ali.customs@example.net"),
     ("+20 100 123 4567", "+212 6 11 22 33 44")),
    ("Marie Martin", ("marie.martin@example.fr", "martin.marie@example.be"),
     ("+33 6 12 34 56 78", "+32 475 11 22 33")),
)  # fmt: skip
_DOC_CVS = (
    ("en", ["Curriculum Vitae", "Professional experience", "2015 - present  Senior customs "
     "officer, risk management unit", "2009 - 2015  Customs inspector, port of Rotterdam",
     "Education", "2008  Master in International Trade Law", "Languages", "English, French, "
     "Dutch", "Skills", "Risk analysis, post-clearance audit, training"]),
    ("fr", ["Curriculum vitae", "Expérience professionnelle", "2016 - aujourd'hui  Inspectrice "
     "principale des douanes, cellule de ciblage", "2010 - 2016  Contrôleuse des douanes, "
     "Marseille", "Formation", "2009  Master de droit international", "Langues", "Français, "
     "anglais, espagnol", "Compétences", "Analyse de risque, formation, audit"]),
)  # fmt: skip
_NAMES = iter(f"{first} {last}" for last in ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva",
    "Novak", "Haddad", "Kowalski", "Rossi", "Dubois", "Jensen", "Mensah", "Costa", "Weber",
    "Ibrahim", "Fischer", "Laurent", "Nakamura", "Sato", "Alves")
    for first in ("Ada", "Ben"))  # fmt: skip


def _declaration(number: int, row: tuple[str, str, str, str]) -> Case:
    language, where, text, outcome = row
    name = next(_NAMES)
    files = both(name)
    body = BODY.format(name=name)
    if where == "body":
        body = f"Dear Sir or Madam,\n\nPlease find attached my application.\n\n{text}\n\n{name}"
    elif where == "letter":
        files = (cv_file(name), letter_with(name, text))
    else:
        files = (cv_file(name, extra=text), letter_file(name))
    raw = mail(SUBJECT.format(name=name), body, files=files)
    flags = ("relative_declared",) if outcome == "declared" else ()
    not_flags = () if outcome == "declared" else ("relative_declared",)
    want = Want(flags=flags, not_flags=not_flags, relatives=outcome)
    return Case(f"declaration {number} {language} {where} {outcome}", "declaration", raw, want)


def application_cases() -> list[Case]:
    """Every labelled application, built into a message."""
    cases = [_declaration(n, row) for n, row in enumerate(_DECLARATIONS, 1)]
    for number, (subject, vacancy) in enumerate(_OTHER_LANGUAGE_SUBJECTS, 1):
        name = next(_NAMES)
        raw = mail(subject.format(name=name), BODY.format(name=name), files=both(name))
        want = Want(not_flags=("subject_invalid", "vacancy_unknown"), vacancy=vacancy)
        cases.append(Case(f"subject {number} {subject[:40]!r}", "subject_language", raw, want))
    for number, (outlook, paragraphs) in enumerate(_HTML_LETTERS, 1):
        name = next(_NAMES)
        html = html_letter([p.format(name=name) for p in paragraphs], outlook)
        raw = mail(SUBJECT.format(name=name), html=html, files=(cv_file(name),))
        want = Want(flags=("letter_in_body",), not_flags=("letter_missing",))
        cases.append(Case(f"html letter {number}", "html_letter", raw, want))
    cases += _unreadable_cases()
    cases += _namesake_cases()
    cases += _legacy_word_cases()
    return cases


def _legacy_word_cases() -> list[Case]:
    """A CV and a letter saved by Word 97-2003 (.doc): read, judged like any other."""
    cases = []
    for number, (language, lines) in enumerate(_DOC_CVS, 1):
        name = next(_NAMES)
        doc = ("CV.doc", "application/msword", word97_doc_bytes([name, *lines]))
        raw = mail(SUBJECT.format(name=name), BODY.format(name=name),
                   files=(doc, letter_file(name)))  # fmt: skip
        want = Want(not_flags=("cv_missing", "unreadable_document"), statuses=(("CV.doc", "ok"),))
        cases.append(Case(f"legacy .doc CV {number} {language}", "legacy_doc", raw, want))
    return cases


def _unreadable_cases() -> list[Case]:
    """An empty CV file and a PDF letter without pages: said precisely, never 'unsupported'."""
    name, other = next(_NAMES), next(_NAMES)
    empty = ("CV.pdf", "application/pdf", b"")
    no_pages = (
        "Letter.pdf",
        "application/pdf",
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    )
    return [
        Case(
            "empty CV.pdf",
            "unreadable_document",
            mail(
                SUBJECT.format(name=name), BODY.format(name=name), files=(empty, letter_file(name))
            ),
            # A file named CV that cannot be read is flagged unreadable, as an encrypted one is.
            Want(flags=("unreadable_document",), statuses=(("CV.pdf", "no_text"),)),
        ),
        Case(
            "zero-page Letter.pdf",
            "unreadable_document",
            mail(
                SUBJECT.format(name=other),
                BODY.format(name=other),
                files=(cv_file(other), no_pages),
            ),
            Want(flags=("unreadable_document",), statuses=(("Letter.pdf", "failed"),)),
        ),
    ]


def _namesake_cases() -> list[Case]:
    """Two people of one common name, two addresses and two CVs, applying for DD-IS."""
    cases = []
    for name, addresses, phones in _NAMESAKES:
        for address, phone in zip(addresses, phones, strict=True):
            # Two people write two letters: each gives the writer's own address.
            letter = letter_with(name, f"You can reach me at {address}.")
            files = (cv_file(name, phone=phone), letter)
            raw = mail(SUBJECT.format(name=name), BODY.format(name=name),
                       sender=f"{name} <{address}>", files=files)  # fmt: skip
            want = Want(not_flags=("resubmission", "sender_mismatch"), namesakes=name)
            cases.append(Case(f"namesake {name} {address}", "namesakes", raw, want))
    return cases
