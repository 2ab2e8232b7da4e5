"""Other documents candidates attach: diplomas, certificates, ID pages, transcripts, references."""

from __future__ import annotations

from tests.document_texts import Person, Text, jobs, schools


def diploma_en(person: Person) -> Text:
    degree, school = schools(person, 1)[0]
    return Text(
        [
            school.upper(),
            "",
            "This is to certify that",
            person.name,
            "having fulfilled the requirements prescribed by the University",
            f"has been awarded the degree of {degree}",
            "with Merit",
            "",
            "Conferred on 14 July 2016",
            "",
            "Vice-Chancellor            Registrar",
        ]
    )


def diploma_fr(person: Person) -> Text:
    degree, school = schools(person, 1)[0]
    return Text(
        [
            "RÉPUBLIQUE FRANÇAISE",
            "Ministère de l'Enseignement supérieur",
            "",
            "DIPLÔME",
            degree,
            "",
            f"Vu le code de l'éducation, le diplôme est décerné à {person.name}",
            f"né(e) le 12 mars 1989 à {person.city}",
            "au titre de l'année universitaire 2013-2014, avec la mention Bien.",
            "",
            f"Fait à {person.city}, le 3 juillet 2014",
            f"Le Président de l'{school}",
        ]
    )


def training_certificate_en(person: Person) -> Text:
    return Text(
        [
            "CERTIFICATE OF COMPLETION",
            "",
            "This certificate is presented to",
            person.name,
            "for having successfully completed the course",
            "Risk Management in Customs (40 hours)",
            "organised by the Regional Training Centre, 2-13 May 2022",
            "",
            "Course Director",
        ]
    )


def employment_certificate_en(person: Person) -> Text:
    title, employer, _ = jobs(person, 2)[1]
    return Text(
        [
            employer,
            "",
            "CERTIFICATE OF EMPLOYMENT",
            "",
            f"This is to certify that {person.name} was employed by {employer} from 1 March "
            f"2016 to 31 August 2020 as {title}. During this period {person.first} "
            "performed the duties of the post to our full satisfaction.",
            "This certificate is issued at the request of the employee.",
            "",
            "Human Resources Department",
        ]
    )


def work_attestation_fr(person: Person) -> Text:
    title, employer, _ = jobs(person, 2)[1]
    return Text(
        [
            employer,
            "",
            "ATTESTATION DE TRAVAIL",
            "",
            f"Je soussignée, Directrice des ressources humaines, atteste que {person.name} "
            f"a été employé(e) au sein de notre structure du 01/03/2016 au 31/08/2020 en "
            f"qualité de {title}.",
            "La présente attestation est délivrée à l'intéressé(e) pour servir et valoir ce "
            "que de droit.",
            "",
            "Fait à Paris, le 2 septembre 2020",
        ]
    )


def passport(person: Person) -> Text:
    surname, given = person.last.upper(), person.first.upper()
    return Text(
        [
            "PASSPORT / PASSEPORT",
            "Type P   Code GBR   Passport No. 533380006",
            "",
            f"Surname / Nom: {surname}",
            f"Given names / Prénoms: {given}",
            "Nationality / Nationalité: BRITISH CITIZEN",
            "Date of birth / Date de naissance: 12 MAR 1988",
            f"Place of birth / Lieu de naissance: {person.city.upper()}",
            "Date of expiry / Date d'expiration: 11 JUN 2031",
            "Authority / Autorité: HMPO",
            "",
            f"P<GBR{surname}<<{given}".ljust(44, "<"),
            "5333800068GBR8803124F3106112<<<<<<<<<<<<<<02",
        ]
    )


def identity_card_fr(person: Person) -> Text:
    surname, given = person.last.upper(), person.first
    return Text(
        [
            "RÉPUBLIQUE FRANÇAISE",
            "CARTE NATIONALE D'IDENTITÉ N° 880692310285",
            "",
            f"Nom : {surname}",
            f"Prénom(s) : {given}",
            "Sexe : F",
            f"Né(e) le : 04.05.1990 à {person.city.upper()}",
            "Taille : 1,68 m",
            "Signature du titulaire",
            "",
            f"IDFRA{surname}".ljust(30, "<") + "920123",
            "8806923102858" + given.upper() + "<<9005041F6",
        ]
    )


def transcript_en(person: Person) -> Text:
    degree, school = schools(person, 1)[0]
    rows = [
        ["Course", "Credits", "Grade"],
        ["International Trade Law", "10", "A"],
        ["Customs Valuation", "5", "B+"],
        ["Research Methods", "5", "A-"],
        ["Dissertation", "30", "A"],
    ]
    return Text(
        [
            school,
            "ACADEMIC TRANSCRIPT OF RECORDS",
            f"Student: {person.name}",
            f"Programme: {degree}",
            "Academic year 2015-2016",
        ],
        table=rows,
    )


def transcript_fr(person: Person) -> Text:
    degree, school = schools(person, 1)[0]
    return Text(
        [
            school,
            "RELEVÉ DE NOTES",
            f"Étudiant(e) : {person.name}",
            f"Diplôme : {degree}",
            "Droit du commerce international    16/20    6 ECTS",
            "Procédures douanières    14/20    6 ECTS",
            "Mémoire    17/20    12 ECTS",
            "Moyenne générale : 15,4/20 — Admis(e) avec la mention Bien",
        ]
    )


def reference_en(person: Person) -> Text:
    """A recommendation from a former employer that says so."""
    title, employer, _ = jobs(person, 2)[1]
    pronoun, possessive = ("she", "her") if person.index % 2 == 0 else ("he", "his")
    return Text(
        [
            employer,
            "",
            "To whom it may concern,",
            "",
            f"It is my pleasure to recommend {person.name}, who worked under my supervision "
            f"as {title} from 2016 to 2020. {pronoun.capitalize()} quickly became the person "
            f"the team relied on, and {possessive} reports were always clear and on time.",
            f"{pronoun.capitalize()} is thorough, fair with colleagues and calm when deadlines "
            f"are tight. I recommend {person.first} without reservation for any position of "
            "responsibility.",
            "",
            "Sincerely,",
            "Dr. Helen Carter, Head of Operations",
        ]
    )


def reference_subtle_en(person: Person) -> Text:
    """A reference that never uses the word "recommend": third person, about the candidate."""
    pronoun, possessive = ("she", "her") if person.index % 2 == 0 else ("he", "his")
    return Text(
        [
            "Dear Colleagues,",
            "",
            f"I have had the pleasure of supervising {person.first} {person.last} for four "
            f"years. In that time {pronoun} led two national reforms, and {possessive} "
            f"judgement was trusted by ministers and by {possessive} own team alike.",
            f"{pronoun.capitalize()} writes well, listens carefully and never lets a problem "
            f"drift. I have no doubt {pronoun} will be an asset to your organisation, and I "
            f"would be glad to say more about {possessive} work by telephone.",
            "",
            "Kind regards,",
            "Prof. Samuel Adeyemi, Director of Studies",
        ]
    )


def reference_fr(person: Person) -> Text:
    pronoun, article = ("elle", "la") if person.index % 2 == 0 else ("il", "le")
    return Text(
        [
            "LETTRE DE RECOMMANDATION",
            "",
            "Madame, Monsieur,",
            "",
            f"J'ai eu le plaisir d'encadrer {person.name} pendant trois ans au sein de mon "
            f"service. {pronoun.capitalize()} a fait preuve d'une grande rigueur et "
            "d'un sens aigu des responsabilités.",
            f"{pronoun.capitalize()} a conduit avec succès la réforme de nos procédures et "
            f"{pronoun} a su fédérer une équipe de douze personnes. Je {article} recommande "
            "sans réserve.",
            "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
            "",
            "Jean Rousseau, Directeur régional",
        ]
    )


def work_reference_de(person: Person) -> Text:
    title, employer, _ = jobs(person, 1)[0]
    return Text(
        [
            "Arbeitszeugnis",
            "",
            f"{person.name} war vom 01.04.2017 bis 31.12.2022 in "
            f"unserem Unternehmen {employer} als {title} tätig.",
            "Er erledigte alle Aufgaben stets zu unserer vollsten Zufriedenheit. Sein "
            "Verhalten gegenüber Vorgesetzten und Kollegen war stets einwandfrei.",
            "Wir bedauern sein Ausscheiden und wünschen ihm für die Zukunft alles Gute.",
            "",
            "Köln, den 31.12.2022",
            "Personalabteilung",
        ]
    )


def language_certificate_fr(person: Person) -> Text:
    return Text(
        [
            "DELF",
            "Diplôme d'études en langue française",
            "Niveau B2",
            "",
            f"Le diplôme est délivré à {person.name}, né(e) le 2 février 1991,",
            "ayant satisfait aux épreuves de la session de juin 2019.",
            "",
            "Le directeur de France Éducation international",
        ]
    )


def photo(person: Person) -> Text:
    """A photo with a caption: a few letters only."""
    return Text([person.first])
