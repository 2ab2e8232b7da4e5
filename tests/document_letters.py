"""Motivation letter templates: formal and plain, with and without the usual formulas."""

from __future__ import annotations

from tests.document_texts import Person, Text, jobs, vacancy

_MOTIVES_EN = [
    "What draws me to the organisation is its work with administrations that are modernising "
    "under real constraints, which is the work I have done for most of my career.",
    "I have followed your programmes for several years and I admire how they combine technical "
    "advice with patient support to member administrations.",
    "I am keen to bring field experience to a team that shapes standards used around the world, "
    "and to learn from colleagues with very different backgrounds.",
]
_MOTIVES_FR = [
    "Votre organisation accompagne des administrations qui se modernisent avec peu de moyens, "
    "et c'est précisément ce que je fais depuis le début de ma carrière.",
    "Je suis depuis plusieurs années vos programmes de renforcement des capacités, dont "
    "j'apprécie la rigueur et l'attention portée aux résultats concrets sur le terrain.",
    "Rejoindre une équipe internationale qui élabore des normes utilisées partout dans le monde "
    "serait pour moi l'aboutissement naturel de mon parcours.",
]


def _career_en(person: Person) -> str:
    (title, employer, detail), (old_title, old_employer, _) = jobs(person, 2)
    return (
        f"As {title} at {employer}, I {detail}. Before that, I worked as {old_title} with "
        f"{old_employer}, where I learned to deliver results with limited resources and to "
        "explain technical choices to people who do not share my specialism."
    )


def _career_fr(person: Person) -> str:
    (title, employer, detail), (old_title, old_employer, _) = jobs(person, 2)
    return (
        f"En tant que {title} au sein de {employer}, j'ai notamment assuré {detail}. "
        f"Auparavant, mon poste de {old_title} chez {old_employer} m'a appris à travailler "
        "avec des partenaires très divers et à rendre compte de mon action avec précision."
    )


def formal_en(person: Person) -> Text:
    """Address block, date, Dear…, "I am writing to apply", Yours sincerely."""
    return Text(
        [
            person.name,
            person.city,
            person.email,
            "",
            "5 January 2026",
            "",
            "Dear Hiring Manager,",
            "",
            f"I am writing to apply for the position of {vacancy(person)} advertised on your "
            "website.",
            _career_en(person),
            _MOTIVES_EN[person.index % 3],
            "I would welcome the opportunity to discuss my application with you at an "
            "interview. Thank you for considering my candidacy.",
            "",
            "Yours sincerely,",
            person.name,
        ]
    )


def enthusiastic_en(person: Person) -> Text:
    """Dear Selection Committee, a warmer opening with no stock phrase, Sincerely."""
    return Text(
        [
            "Dear Selection Committee,",
            "",
            f"It is with real enthusiasm that I put myself forward for the {vacancy(person)} "
            "post. For the past decade I have worked where policy meets practice, and this "
            "role feels like the place where my experience would matter most.",
            _career_en(person),
            _MOTIVES_EN[(person.index + 1) % 3],
            "I am available to start within three months and would be glad to tell you more "
            "in person.",
            "",
            "Sincerely,",
            "",
            person.name,
        ]
    )


def plain_en(person: Person) -> Text:
    """No salutation, a subject line, prose in the first person, Best regards."""
    return Text(
        [
            f"Application for the post of {vacancy(person)}",
            "",
            "This letter explains why I believe I am a strong fit for this vacancy. "
            + _career_en(person),
            _MOTIVES_EN[(person.index + 2) % 3],
            "My motivation is simple: I want my experience to benefit more countries than "
            "the one I work in today, and I am confident I can contribute from the first "
            "week.",
            "",
            "Best regards,",
            person.name,
        ]
    )


def to_whom_en(person: Person) -> Text:
    """To whom it may concern, "I would like to apply", Kind regards and a phone number."""
    return Text(
        [
            "To whom it may concern,",
            "",
            f"I would like to apply for the role of {vacancy(person)}. " + _career_en(person),
            _MOTIVES_EN[person.index % 3] + " I also speak French and some Portuguese, "
            "which I use daily with partner administrations.",
            "Please do not hesitate to contact me should you need any further information.",
            "",
            "Kind regards,",
            person.name,
            "+44 7700 900 555",
        ]
    )


def formal_fr(person: Person) -> Text:
    """Madame, Monsieur, « je me permets de vous présenter ma candidature », Veuillez agréer."""
    return Text(
        [
            person.name,
            person.city,
            "",
            f"{person.city}, le 6 janvier 2026",
            "",
            "Objet : candidature au poste de " + vacancy(person),
            "",
            "Madame, Monsieur,",
            "",
            f"Je me permets de vous présenter ma candidature au poste de {vacancy(person)}. "
            + _career_fr(person),
            _MOTIVES_FR[person.index % 3],
            "Je serais heureux de vous exposer plus en détail mes motivations lors d'un entretien.",
            "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
            "",
            person.name,
        ]
    )


def modern_fr(person: Person) -> Text:
    """Madame la Directrice, an opening on the candidate, "je vous prie d'agréer"."""
    return Text(
        [
            "Madame la Directrice des ressources humaines,",
            "",
            "Diplômée en droit international et forte de dix ans d'expérience, je souhaite "
            f"vous proposer ma candidature pour le poste de {vacancy(person)}.",
            _career_fr(person),
            _MOTIVES_FR[(person.index + 1) % 3],
            "Dans l'attente de votre réponse, je vous prie d'agréer, Madame, l'expression de "
            "ma considération distinguée.",
            "",
            person.name,
        ]
    )


def short_fr(person: Person) -> Text:
    """A brief letter: Bonjour-free, « Cordialement »."""
    return Text(
        [
            "Madame, Monsieur,",
            "",
            f"Votre offre pour le poste de {vacancy(person)} a retenu toute mon attention. "
            + _career_fr(person),
            "Motivé et rigoureux, je souhaite mettre mon expérience au service de votre "
            "organisation. Je me tiens à votre disposition pour un entretien.",
            "",
            "Cordialement,",
            person.name,
        ]
    )


def german(person: Person) -> Text:
    """Sehr geehrte Damen und Herren, hiermit bewerbe ich mich, Mit freundlichen Grüßen."""
    title, employer, detail = jobs(person, 1)[0]
    return Text(
        [
            "Sehr geehrte Damen und Herren,",
            "",
            f"mit großem Interesse habe ich Ihre Ausschreibung gelesen. Hiermit bewerbe ich "
            f"mich um die Stelle als {vacancy(person)}.",
            f"Derzeit arbeite ich als {title} bei {employer}, wo ich für {detail} zuständig "
            "bin. Dabei habe ich gelernt, komplexe Zusammenhänge verständlich darzustellen "
            "und mit vielen Partnern zusammenzuarbeiten.",
            "Über die Einladung zu einem Vorstellungsgespräch würde ich mich sehr freuen.",
            "",
            "Mit freundlichen Grüßen",
            person.name,
        ]
    )


def spanish(person: Person) -> Text:
    """Estimados señores: me dirijo a ustedes…, Atentamente."""
    title, employer, detail = jobs(person, 1)[0]
    return Text(
        [
            "Estimados señores:",
            "",
            f"Me dirijo a ustedes para presentar mi candidatura al puesto de {vacancy(person)}.",
            f"Actualmente trabajo como {title} en {employer}, donde me ocupo de {detail}. "
            "Esta experiencia me ha enseñado a trabajar con equipos diversos y a cumplir "
            "plazos exigentes.",
            "Estoy convencida de que puedo aportar mucho a su organización y quedo a su "
            "disposición para una entrevista.",
            "",
            "Atentamente,",
            person.name,
        ]
    )


def cover_note_en(person: Person) -> Text:
    """A three-sentence cover note: still the candidate's letter, but a thin one."""
    return Text(
        [
            "Dear Sir or Madam,",
            "",
            f"I apply for the {vacancy(person)} vacancy. My CV is attached and shows ten years "
            "in customs administration. I hope to hear from you.",
            "",
            "Regards,",
            person.first,
        ]
    )
