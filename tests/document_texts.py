"""Text of the labelled documents: people, careers, and templates for CVs, letters and others.

The CV and letter templates differ in section names and order, date styles, layout (tables,
bullets, prose profiles) and wording, so that no two CVs in the set are the same page with a
name swapped. Everything is deterministic: a template picks its material by the person's index.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    """A candidate: index (to vary what templates pick), name, city, and the language written."""

    index: int
    first: str
    last: str
    city: str
    language: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        return f"{self.first.lower()}.{self.last.lower()}@example.com".replace(" ", "")


@dataclass(frozen=True)
class Text:
    """Lines of a document, an optional table after them, and page breaks (line indexes)."""

    lines: list[str]
    table: list[list[str]] | None = None
    breaks: tuple[int, ...] = field(default=())

    def flat_lines(self) -> list[str]:
        """The lines, then the table's rows as lines of cells spaced apart."""
        return self.lines + ["    ".join(row) for row in self.table or []]

    def plain(self) -> str:
        return "\n".join(self.flat_lines())


PEOPLE = [
    Person(0, "Jane", "Doe", "Manchester", "en"),
    Person(1, "Michael", "Okafor", "Lagos", "en"),
    Person(2, "Priya", "Raman", "Chennai", "en"),
    Person(3, "Thomas", "Whitfield", "Leeds", "en"),
    Person(4, "Amina", "Yusuf", "Nairobi", "en"),
    Person(5, "Daniel", "Kowalski", "Warsaw", "en"),
    Person(6, "Sarah", "Lindqvist", "Uppsala", "en"),
    Person(7, "Kwame", "Mensah", "Accra", "en"),
    Person(8, "Olivia", "Chen", "Vancouver", "en"),
    Person(9, "Rajesh", "Patel", "Mumbai", "en"),
    Person(10, "Marie", "Dupont", "Lyon", "fr"),
    Person(11, "Jean-Baptiste", "Moreau", "Bordeaux", "fr"),
    Person(12, "Fatou", "Diallo", "Dakar", "fr"),
    Person(13, "Camille", "Lefèvre", "Liège", "fr"),
    Person(14, "Youssef", "Benali", "Casablanca", "fr"),
    Person(15, "Claire", "Martin", "Genève", "fr"),
    Person(16, "Pierre-Antoine", "Girard", "Montréal", "fr"),
    Person(17, "Aïcha", "Traoré", "Abidjan", "fr"),
    Person(18, "Lukas", "Becker", "Köln", "de"),
    Person(19, "Anna", "Schmidt", "Leipzig", "de"),
    Person(20, "Lucía", "Fernández", "Sevilla", "es"),
    Person(21, "Carlos", "Ortega", "Valencia", "es"),
]
VACANCIES = {
    "en": [
        "Programme Officer, Trade Facilitation",
        "Deputy Director, Implementation Support",
        "Senior Data Analyst",
        "HR Business Partner",
        "Legal Officer",
        "Procurement Specialist",
        "Communications Officer",
        "IT Security Engineer",
    ],
    "fr": [
        "Chargé de programme, facilitation des échanges",
        "Directeur adjoint, Appui à la mise en œuvre",
        "Analyste de données principal",
        "Juriste",
        "Spécialiste des achats",
        "Chargée de communication",
    ],
    "de": ["Referent für Handelserleichterung", "Datenanalystin"],
    "es": ["Oficial de programas, facilitación del comercio", "Especialista en adquisiciones"],
}
JOBS = {
    "en": [
        (
            "Customs Officer",
            "HM Revenue & Customs",
            "managed risk profiling for 3,000 daily entries",
        ),
        ("Data Analyst", "Northwind Logistics", "built dashboards used by 40 regional managers"),
        (
            "Trade Policy Adviser",
            "Ministry of Commerce",
            "drafted the national single window roadmap",
        ),
        ("Project Coordinator", "Oxfam", "coordinated a 2.4 million euro capacity-building grant"),
        ("Legal Counsel", "Baker & Lowe LLP", "advised clients on WTO valuation disputes"),
        ("HR Generalist", "Contoso Health", "ran recruitment for 120 posts a year"),
        ("Procurement Officer", "UNICEF Supply Division", "cut tender lead time by a third"),
        ("Software Engineer", "Fabrikam Systems", "designed the payment reconciliation service"),
        ("Communications Assistant", "World Food Programme", "edited the annual report"),
        ("Border Management Expert", "European Commission", "trained 200 border officials"),
        ("Research Assistant", "University of Ghana", "co-authored two papers on regional trade"),
        ("Network Security Analyst", "Deloitte", "led incident response for 14 clients"),
    ],
    "fr": [
        ("Inspectrice des douanes", "Direction générale des douanes", "pilotage du ciblage fret"),
        ("Chargé de mission", "Agence française de développement", "suivi de projets au Sahel"),
        ("Juriste", "Cabinet Lemaire & Associés", "contentieux douanier et fiscal"),
        ("Analyste de données", "Orange Business", "tableaux de bord pour la direction"),
        ("Responsable des achats", "Croix-Rouge française", "appels d'offres internationaux"),
        ("Chargée de communication", "Organisation internationale de la Francophonie", "site web"),
        ("Consultant", "Banque mondiale", "réforme des procédures de dédouanement"),
        ("Assistant de recherche", "Université Cheikh Anta Diop", "enquêtes sur le commerce"),
    ],
    "de": [
        ("Zollinspektor", "Generalzolldirektion", "Risikoanalyse im Frachtverkehr"),
        ("Datenanalystin", "Deutsche Post DHL", "Berichte für das Management"),
        ("Projektleiter", "GIZ", "Handelserleichterung in Westafrika"),
    ],
    "es": [
        ("Técnica de aduanas", "Agencia Tributaria", "análisis de riesgos en mercancías"),
        ("Coordinador de proyectos", "AECID", "programas de cooperación en Centroamérica"),
        ("Especialista en compras", "Naciones Unidas", "licitaciones internacionales"),
    ],
}
SCHOOLS = {
    "en": [
        ("MSc International Trade Law", "University of Leeds"),
        ("BA Economics", "University of Nairobi"),
        ("MBA", "Indian Institute of Management Ahmedabad"),
        ("BSc Computer Science", "University of British Columbia"),
        ("LLM International Law", "Graduate Institute Geneva"),
        ("MA Public Policy", "University of Warsaw"),
        ("BSc Statistics", "University of Ghana"),
    ],
    "fr": [
        ("Master en droit international", "Université Lyon 3"),
        ("Licence d'économie", "Université de Bordeaux"),
        ("Master en administration publique", "ENA"),
        ("Diplôme d'ingénieur", "École polytechnique de Montréal"),
        ("Master en commerce international", "Université Cheikh Anta Diop"),
    ],
    "de": [
        ("Master Volkswirtschaftslehre", "Universität zu Köln"),
        ("Bachelor Informatik", "TU Dresden"),
    ],
    "es": [
        ("Máster en Comercio Internacional", "Universidad de Sevilla"),
        ("Grado en Derecho", "Universitat de València"),
    ],
}


def jobs(person: Person, count: int) -> list[tuple[str, str, str]]:
    pool = JOBS[person.language]
    return [pool[(person.index * 5 + step * 3) % len(pool)] for step in range(count)]


def schools(person: Person, count: int) -> list[tuple[str, str]]:
    pool = SCHOOLS[person.language]
    return [pool[(person.index + step * 2) % len(pool)] for step in range(count)]


def vacancy(person: Person) -> str:
    pool = VACANCIES[person.language]
    return pool[person.index % len(pool)]


def years(person: Person, count: int) -> list[tuple[int, int]]:
    """Consecutive (start, end) years, newest first, ending in 2026 (the current job)."""
    spans, end = [], 2026
    for step in range(count):
        start = end - 2 - (person.index + step) % 4
        spans.append((start, end))
        end = start
    return spans
