"""The words and patterns that mark a CV, a motivation letter or another document, in one place.

Every pattern here matches *folded* text (``parsers.folding.fold``): lower case, accents
removed, curly quotes made straight. That keeps the lists short and survives OCR, which often
drops accents.
English and French come first (the organisation's languages), then German and Spanish.
"""

from __future__ import annotations

import re


def whole_words(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any alternative as whole words; spaces match any whitespace."""
    body = "|".join(alternative.replace(" ", r"\s+") for alternative in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


# Letters ------------------------------------------------------------------------------------

SALUTATION = re.compile(
    r"""^[^\w\n]{0,8}(?:
        dear\b | hi\b | to\ whom\ it\ may\ concern | hello\b | good\ (?:morning|afternoon)\b
      | to\ the\ (?:hiring|recruitment|selection)\ (?:committee|manager|panel|team)
      | madame | monsieur | mesdames | messieurs | chere?s?\ (?:madame|monsieur|recruteur)
      | bonjour\b | sehr\ geehrte | liebe[rs]?\b | hallo\b | guten\ tag\b | buenos\ dias\b
      | estimad[oa]s?\b | senor(?:a|es)?\b | muy\ senor | a\ quien\ corresponda
    )""",
    re.MULTILINE | re.VERBOSE,
)
APPLICATION_PHRASE = whole_words(
    "i am writing to apply",
    "i am writing to express my interest",
    "i wish to apply",
    "i would like to apply",
    "i am applying",
    "i apply for",
    "i hereby apply",
    "i am pleased to submit my application",
    "i would like to submit my application",
    "please accept my application",
    "i am delighted to apply",
    "i wish to express my interest",
    "i would like to express my interest",
    "to express my strong interest",
    "thank you for considering my application",
    "i am interested in the position",
    "my application for the",
    "i am submitting my application",
    "je me permets de vous presenter ma candidature",
    "je vous presente ma candidature",
    "je souhaite postuler",
    "je souhaite vous proposer ma candidature",
    "je vous adresse ma candidature",
    "je souhaite presenter ma candidature",
    "j'ai l'honneur de",
    "hiermit bewerbe ich mich",
    "ich bewerbe mich",
    "mit grossem interesse habe ich",
    "me dirijo a ustedes",
    "deseo presentar mi candidatura",
    "quisiera presentar mi candidatura",
    "me complace presentar",
)
CLOSING = whole_words(
    "yours sincerely",
    "yours faithfully",
    "sincerely yours",
    "sincerely",
    "kind regards",
    "best regards",
    "warm regards",
    "regards(?=[^\\S\\n]*[,\\n])",
    "with best regards",
    "respectfully",
    "veuillez agreer",
    "je vous prie d'agreer",
    "salutations distinguees",
    "mes sinceres salutations",
    "mes respectueuses salutations",
    "cordialement",
    "bien cordialement",
    "mit freundlichen grussen",
    "freundliche grusse",
    "atentamente",
    "cordiales saludos",
    "un cordial saludo",
    "saludos cordiales",
)
MOTIVATION_WORD = whole_words(
    "apply",
    "application",
    "applying",
    "position",
    "post",
    "role",
    "vacancy",
    "experience",
    "motivation",
    "motivated",
    "interest",
    "interview",
    "contribute",
    "opportunity",
    "candidature",
    "poste",
    "postuler",
    "motive",
    "entretien",
    "contribuer",
    "bewerbung",
    "stelle",
    "erfahrung",
    "vorstellungsgesprach",
    "candidatura",
    "puesto",
    "experiencia",
    "entrevista",
)
ATTACHED_DOCUMENTS = whole_words(
    "please find attached",
    "please find enclosed",
    "attached (?:is|are|please find)",
    "i attach",
    "i have attached",
    "veuillez trouver ci-joint",
    "ci-joint",
    "ci-joints",
    "en piece jointe",
    "im anhang",
    "anbei",
    "adjunto",
)
FIRST_PERSON = whole_words(
    "i", "my", "me", "je", "j'", "mon", "ma", "mes", "ich", "mein", "meine", "yo", "mi"
)
THIRD_PERSON = whole_words(
    "he", "she", "his", "her", "him", "il", "elle", "er", "sie", "sein", "seine", "ihr"
)

# CVs ----------------------------------------------------------------------------------------

#: A section heading starts a line and ends it, or is followed by a colon, a tab or a wide gap
#: (a table cell, "Languages: English, French"); a bullet or a number may go before it.
CV_SECTION = re.compile(
    r"""^[^\w\n]{0,4}\d{0,2}[^\w\n]{0,4}(?:
        (?:professional\ |work\ |relevant\ |employment\ |career\ )?(?:experience|history)
      | employment | career\ summary | work\ history
      | education(?:\ and\ training)? | academic\ background | qualifications
      | (?:language|computer|it|technical|key|core|soft)?\ ?skills | languages? | competencies
      | certifications? | publications | awards | interests | hobbies | references
      | profile | summary | personal\ (?:details|information|data) | contact | training
      | volunteering | volunteer\ work | projects | research
      | (?:experiences?\ )?professionnelles? | experiences? | parcours\ professionnel
      | formations? | formation\ academique | diplomes | etudes | competences(?:\ \w+)?
      | langues | langues\ parlees | informatique | centres\ d'interet | loisirs
      | etat\ civil | profil | coordonnees | benevolat
      | berufserfahrung | berufliche\ erfahrung | ausbildung | bildungsweg | studium
      | kenntnisse | sprachkenntnisse | fahigkeiten | personliche\ daten | interessen
      | experiencia(?:\ profesional|\ laboral)? | formacion(?:\ academica)? | educacion
      | idiomas | habilidades | competencias | datos\ personales | aptitudes
    )(?:[^\w\n]*$|\s*:|\t|\ {3})""",
    re.MULTILINE | re.VERBOSE,
)
_MONTH = (
    r"(?:jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|aou|sep|oct|nov|dec|dez|ene|abr"
    r"|ago|dic|janv|janvier|fevrier|mars|avril|juillet|aout|septembre|octobre|novembre|decembre"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|januar|februar|marz|juni|juli|oktober|dezember|enero|febrero|marzo|mayo|junio|julio"
    r"|agosto|septiembre|octubre|noviembre|diciembre)\.?"
)
_POINT_IN_TIME = rf"(?:(?:{_MONTH}\s+|\d{{1,2}}\s*[/.]\s*)?(?:19|20)\d\d)"
_NOW = (
    r"(?:present|now|current|today|ongoing|aujourd'hui|ce\ jour|en\ cours|actuel"
    r"|heute|jetzt|presente|actualidad)"
)
DATE_RANGE = re.compile(
    rf"""(?:
        {_POINT_IN_TIME}\s*(?:-|to|until|a|au|bis|hasta)\s*(?:{_POINT_IN_TIME}|{_NOW})
      | (?:depuis|since|seit|desde)\s+{_POINT_IN_TIME}
    )""",
    re.VERBOSE,
)

# Other documents ----------------------------------------------------------------------------

RECOMMENDATION = whole_words(
    "letter of recommendation",
    "recommendation letter",
    "reference letter",
    "letter of reference",
    "i recommend",
    "i highly recommend",
    "i strongly recommend",
    "i warmly recommend",
    "it is my pleasure to recommend",
    "i am pleased to recommend",
    "without reservation",
    "i have known",
    "i have had the (?:pleasure|privilege) of (?:working with|supervising|teaching|managing)",
    "(?:he|she|they) (?:will|would) be an? (?:asset|excellent addition|great addition)",
    "i am (?:happy|glad|pleased) to (?:provide|write) (?:this|a) reference",
    "has worked (?:for|with) (?:me|us|our)",
    "j'ai eu le plaisir (?:d'encadrer|de travailler avec|de diriger)",
    "a fait preuve",
    "worked under my supervision",
    "lettre de recommandation",
    "je recommande",
    "je la recommande",
    "je le recommande",
    "sans reserve",
    "(?:il|elle) sera un atout",
    "sous ma direction",
    "sous ma responsabilite",
    "arbeitszeugnis",
    "empfehlungsschreiben",
    "wir empfehlen",
    "carta de recomendacion",
    "recomiendo",
)
CERTIFICATE = whole_words(
    "this is to certify",
    "hereby certif(?:y|ies)",
    "certifies that",
    "has been awarded",
    "is awarded",
    "conferred",
    "degree of",
    "diploma",
    "certificate of (?:completion|attendance|achievement|participation|employment)",
    "successfully completed",
    "transcript of records",
    "academic transcript",
    "official transcript",
    "grade point average",
    "gpa",
    "credits",
    "ects",
    "passport",
    "passeport",
    "identity card",
    "carte d'identite",
    "carte nationale d'identite",
    "date of expiry",
    "date d'expiration",
    "place of birth",
    "lieu de naissance",
    "signature of (?:bearer|holder)",
    "certifie que",
    "atteste que",
    "attestation",
    "diplome",
    "decerne",
    "releve de notes",
    "a suivi avec succes",
    "zertifikat",
    "urkunde",
    "bescheinigt",
    "reisepass",
    "titulo",
    "certifica que",
    "pasaporte",
)
MACHINE_READABLE_ZONE = re.compile(r"^[a-z0-9<]{20,}<<[a-z0-9<]*$", re.MULTILINE)

# Filenames (folded, split into words: see kind.py) -------------------------------------------

FILENAME_OTHER = whole_words(
    "letters? of recommendation",
    "recommendation(?: letter)?",
    "reference letter",
    "letters? of reference",
    "references?",
    "lettre de recommandation",
    "recommandation",
    "empfehlung(?:sschreiben)?",
    "(?:arbeits)?zeugnis(?:se)?",
    "carta de recomendacion",
    "diplomas?",
    "diplomes?",
    "degree",
    "certificates?",
    "certificats?",
    "certification",
    "attestation",
    "transcripts?",
    "releve de notes",
    "grades",
    "passport",
    "passeport",
    "pasaporte",
    "reisepass",
    "photo",
    "foto",
    "picture",
    "portrait",
    "id",
    "id card",
    "identity",
    "carte d identite",
    "cni",
    "dni",
    "ausweis",
)
FILENAME_LETTER = whole_words(
    "cover(?:ing)? letter",
    "coverletter",
    "letter",
    "lettre",
    "motivation(?:al)?",
    "lettre de motivation",
    "lm",
    "anschreiben",
    "motivationsschreiben",
    "bewerbungsschreiben",
    "carta",
    "carta de presentacion",
    "carta de motivacion",
)
FILENAME_CV = whole_words(
    "cv", "c v", "resume", "curriculum", "vitae", "lebenslauf", "hoja de vida"
)
