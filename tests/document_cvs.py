"""CV templates for the labelled set: different layouts, section orders, date styles, languages."""

from __future__ import annotations

from tests.document_texts import Person, Text, jobs, schools, years

_MONTHS = ["Jan", "Mar", "Apr", "Jun", "Sep", "Oct", "Nov"]
_SKILLS = [
    "SQL, Python, Power BI, risk analysis",
    "ASYCUDA World, HS classification, customs valuation",
    "Project cycle management, logframes, donor reporting",
    "Contract drafting, negotiation, WTO law",
    "Stakeholder engagement, public speaking, facilitation",
    "Linux, network monitoring, ISO 27001 audits",
]


def _skill(person: Person, offset: int = 0) -> str:
    return _SKILLS[(person.index + offset) % len(_SKILLS)]


def chronological_en(person: Person) -> Text:
    """Profile, experience with bullets, education, languages, skills; years with "present"."""
    spans = years(person, 3)
    lines = [person.name, f"{person.city} | {person.email} | +44 7700 900{person.index:03d}", ""]
    lines += [
        "Profile",
        f"Professional with {spans[0][1] - spans[-1][0]} years of experience "
        "in international trade and public administration.",
        "",
        "Professional Experience",
    ]
    for (title, employer, detail), (start, end) in zip(jobs(person, 3), spans, strict=True):
        until = "present" if end == 2026 else str(end)
        lines += [f"{start} – {until}   {title}, {employer}", f"• {detail.capitalize()}"]
    lines += ["", "Education"]
    for degree, school in schools(person, 2):
        lines.append(f"{degree}, {school}")
    lines += [
        "",
        "Languages",
        "English (native), French (B2), Spanish (A2)",
        "",
        "Skills",
        _skill(person),
    ]
    return Text(lines)


def academic_en(person: Person) -> Text:
    """Education first, research, publications; month-year ranges, upper-case headings."""
    spans = years(person, 3)
    lines = [person.name.upper(), person.email, "", "EDUCATION"]
    for (degree, school), (start, end) in zip(schools(person, 2), spans[1:], strict=True):
        lines.append(f"Sep {start} - Jun {end}  {degree}, {school}")
    lines += ["", "RESEARCH EXPERIENCE"]
    for (title, employer, detail), (start, end) in zip(jobs(person, 2), spans, strict=False):
        month = _MONTHS[(person.index + start) % len(_MONTHS)]
        lines += [
            f"{month} {start} - {'Present' if end == 2026 else f'Dec {end}'}",
            f"{title}, {employer}: {detail}",
        ]
    lines += [
        "",
        "PUBLICATIONS",
        f"{person.last}, {person.first[0]}. (2021). Border delays and "
        "trade costs in landlocked economies. Journal of Trade Studies 14(2).",
        "",
        "LANGUAGES",
        "English, Swahili, French (intermediate)",
        "",
        "AWARDS",
        "Best paper award, Regional Trade Conference 2022",
    ]
    return Text(lines)


def skills_based_en(person: Person) -> Text:
    """Summary, key skills as bullets, employment history with mm/yyyy ranges, training."""
    spans = years(person, 3)
    lines = [
        f"{person.name} — Curriculum Vitae",
        f"Email: {person.email}",
        "",
        "SUMMARY",
        "Analytical, calm under pressure, used to multicultural teams.",
        "",
        "KEY SKILLS",
    ]
    lines += [f"- {skill}" for skill in _skill(person, 2).split(", ")]
    lines += ["", "EMPLOYMENT HISTORY"]
    for index, ((title, employer, detail), (start, end)) in enumerate(
        zip(jobs(person, 3), spans, strict=True)
    ):
        until = "to date" if end == 2026 else f"12/{end}"
        lines += [f"{title} | {employer} | {index + 3:02d}/{start} - {until}", f"  {detail}"]
    lines += [
        "",
        "TRAINING",
        "Certified Risk Manager (2020); Prince2 Foundation (2018)",
        "",
        "INTERESTS",
        "Long-distance running, chess, volunteering with refugees",
        "",
        "REFERENCES",
        "Available on request",
    ]
    return Text(lines)


def table_en(person: Person) -> Text:
    """A grid CV: section rows and period/description rows in a two-column table."""
    spans = years(person, 3)
    rows = [["Work experience", ""]]
    rows += [
        [f"{start}–{'now' if end == 2026 else end}", f"{title}, {employer}. {detail}."]
        for (title, employer, detail), (start, end) in zip(jobs(person, 3), spans, strict=True)
    ]
    rows += [["Education", ""]]
    rows += [
        [str(spans[-1][0] - 2 * (step + 1)), f"{degree} ({school})"]
        for step, (degree, school) in enumerate(schools(person, 2))
    ]
    rows += [
        ["Languages", "English — mother tongue; French — fluent"],
        ["Computer skills", _skill(person, 4)],
    ]
    lines = ["Curriculum Vitae", person.name, f"{person.city}, {person.email}"]
    return Text(lines, table=rows)


def europass_en(person: Person) -> Text:
    """Europass-style labels: personal information, dates, occupation or position held."""
    spans = years(person, 2)
    lines = [
        "PERSONAL INFORMATION",
        f"Name: {person.name}",
        f"Address: {person.city}",
        f"E-mail: {person.email}",
        "Nationality: ...",
        "",
        "WORK EXPERIENCE",
    ]
    for (title, employer, detail), (start, end) in zip(jobs(person, 2), spans, strict=True):
        lines += [
            f"Dates: 01/{start} – {'present' if end == 2026 else f'06/{end}'}",
            f"Occupation or position held: {title}",
            f"Employer: {employer}",
            f"Main activities: {detail}",
            "",
        ]
    lines += ["EDUCATION AND TRAINING"]
    lines += [
        f"Title of qualification: {degree}, {school}" for degree, school in schools(person, 2)
    ]
    lines += ["", "PERSONAL SKILLS", "Mother tongue(s): English", "Other language(s): French C1"]
    return Text(lines)


def first_person_en(person: Person) -> Text:
    """A CV that opens with a first-person profile paragraph, then short sections."""
    spans = years(person, 2)
    lines = [
        person.name,
        "",
        "About me",
        "I am a data professional who enjoys turning messy "
        "records into decisions. I have worked with ministries and NGOs and I like teaching "
        "colleagues to use data themselves.",
        "",
        "Experience",
    ]
    for (title, employer, _), (start, end) in zip(jobs(person, 2), spans, strict=True):
        lines.append(f"{title} at {employer} ({start} to {'now' if end == 2026 else end})")
    lines += [
        "",
        "Education",
        *(f"{degree} — {school}" for degree, school in schools(person, 1)),
        "",
        "Technical skills",
        _skill(person, 1),
    ]
    return Text(lines)


def classic_fr(person: Person) -> Text:
    """Expérience professionnelle, formation, compétences, langues, centres d'intérêt."""
    spans = years(person, 3)
    lines = [
        person.name,
        f"{person.city} — {person.email} — 06 12 34 56 {person.index:02d}",
        "",
        "Expérience professionnelle",
    ]
    for (title, employer, detail), (start, end) in zip(jobs(person, 3), spans, strict=True):
        period = f"Depuis {start}" if end == 2026 else f"{start} – {end}"
        lines += [f"{period} : {title}, {employer}", f"– {detail}"]
    lines += [
        "",
        "Formation",
        *(f"{degree}, {school}" for degree, school in schools(person, 2)),
        "",
        "Compétences",
        "Analyse de risques, gestion de projet, Excel avancé",
        "",
        "Langues",
        "Français (langue maternelle), anglais (courant), arabe (notions)",
        "",
        "Centres d'intérêt",
        "Randonnée, lecture, bénévolat associatif",
    ]
    return Text(lines)


def modern_fr(person: Person) -> Text:
    """Upper-case headings, parcours first, mm/aaaa dates, diplomas and computing last."""
    spans = years(person, 2)
    lines = [
        person.name.upper(),
        "Chargé de mission confirmé",
        person.email,
        "",
        "PROFIL",
        "Dix ans d'expérience dans la coopération internationale et la réforme douanière.",
        "",
        "PARCOURS PROFESSIONNEL",
    ]
    for (title, employer, detail), (start, end) in zip(jobs(person, 2), spans, strict=True):
        until = "aujourd'hui" if end == 2026 else f"06/{end}"
        lines += [f"09/{start} - {until}", f"{title} — {employer}", f"Missions : {detail}"]
    lines += [
        "",
        "DIPLÔMES",
        *(f"{degree} ({school})" for degree, school in schools(person, 2)),
        "",
        "LANGUES",
        "Français, anglais, wolof",
        "",
        "INFORMATIQUE",
        "Pack Office, SPSS, Stata",
    ]
    return Text(lines)


def table_fr(person: Person) -> Text:
    """A French grid CV (as word processors make them)."""
    spans = years(person, 2)
    rows = [["Expérience", ""]]
    rows += [
        [f"{start} à {'ce jour' if end == 2026 else end}", f"{title}, {employer} : {detail}"]
        for (title, employer, detail), (start, end) in zip(jobs(person, 2), spans, strict=True)
    ]
    rows += [
        ["Formation", ""],
        *([f"{spans[-1][0] - 1}", f"{d}, {s}"] for d, s in schools(person, 1)),
    ]
    rows += [["Langues", "français, anglais (C1), espagnol (B1)"]]
    return Text(["CURRICULUM VITAE", person.name, person.city, "Née le 4 mai 1990"], table=rows)


def german(person: Person) -> Text:
    """Lebenslauf: persönliche Daten, Berufserfahrung (seit …), Ausbildung, Sprachkenntnisse."""
    spans = years(person, 2)
    lines = [
        "Lebenslauf",
        "",
        "Persönliche Daten",
        f"Name: {person.name}",
        f"Wohnort: {person.city}",
        f"E-Mail: {person.email}",
        "",
        "Berufserfahrung",
    ]
    for (title, employer, detail), (start, end) in zip(jobs(person, 2), spans, strict=True):
        period = f"seit {start}" if end == 2026 else f"{start} bis {end}"
        lines += [f"{period}: {title} bei {employer}", f"Aufgaben: {detail}"]
    lines += [
        "",
        "Ausbildung",
        *(f"{d}, {s}" for d, s in schools(person, 2)),
        "",
        "Sprachkenntnisse",
        "Deutsch (Muttersprache), Englisch (fließend), Französisch (gute Kenntnisse)",
        "",
        "Interessen",
        "Radfahren, Fotografie, Ehrenamt beim Roten Kreuz",
    ]
    return Text(lines)


def spanish(person: Person) -> Text:
    """Currículum: datos personales, experiencia (… - actualidad), formación, idiomas."""
    spans = years(person, 2)
    lines = [
        "Currículum Vitae",
        person.name,
        "",
        "Datos personales",
        f"Ciudad: {person.city}",
        f"Correo electrónico: {person.email}",
        "",
        "Experiencia profesional",
    ]
    for (title, employer, detail), (start, end) in zip(jobs(person, 2), spans, strict=True):
        lines += [
            f"{start} - {'actualidad' if end == 2026 else end}: {title}, {employer}",
            f"Funciones: {detail}",
        ]
    lines += [
        "",
        "Formación académica",
        *(f"{d}, {s}" for d, s in schools(person, 2)),
        "",
        "Idiomas",
        "Español (nativo), inglés (avanzado), francés (intermedio)",
        "",
        "Habilidades",
        "Trabajo en equipo, negociación, gestión de proveedores",
    ]
    return Text(lines)


def minimal_en(person: Person) -> Text:
    """A bare CV with no usual headings: a few labelled lines."""
    (title, employer, _), (old_title, old_employer, _) = jobs(person, 2)
    degree, school = schools(person, 1)[0]
    return Text(
        [
            person.name,
            "Born 1990",
            f"Work: 2018-2024 {old_title} at {old_employer}; 2024-now {title} at {employer}",
            f"School: {degree}, {school}, 2017",
            "I speak English and Hindi.",
        ]
    )
