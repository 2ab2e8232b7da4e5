"""DeclarationReader scenarios: the issue's examples, evidence, several texts, long text, forms."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.declaration_data import ORGANISATION_TERMS
from parsers.declarations import (
    DeclarationReader,
    RelativesDeclaration,
    RelativesOutcome,
    SourceText,
)

DECLARED, DENIED, NONE = RelativesOutcome.DECLARED, RelativesOutcome.DENIED, RelativesOutcome.NONE
READER = DeclarationReader(ORGANISATION_TERMS)


def read(*texts: str) -> RelativesDeclaration:
    return READER.read([SourceText(f"text {number}", text) for number, text in enumerate(texts)])


@pytest.mark.parametrize(
    "text",
    [
        "I confirm that no family member of mine works for the Organization.",
        "I am not related to anyone on the staff.",
        "Family members in the Organization: No",
        "Aucun membre de ma famille ne travaille à l'OMD.",
        "I have no relatives employed by the WCO.",
        "Je n'ai aucun lien de parenté avec un membre du personnel.",
        "Relatives employed by the WCO: None",
        "Relatives employed by the WCO: N/A",
    ],
)
def test_explicit_statements_that_there_is_none_are_denials(text: str) -> None:
    found = read(text)
    assert found.outcome is DENIED
    assert found.sentence == text and found.relation is None


@pytest.mark.parametrize(
    "text",
    [
        "My mother inspired me to join the public service.",
        "I trained staff of the Organization in risk analysis.",
        "My brother is with the national customs service.",
        "I worked with staff members of the WCO.",
        "My referee, Mr Paul Smith, is a staff member of the WCO.",
        "I look forward to joining the WCO family.",
        "My father was a customs officer.",
        "My late father worked at the WCO Secretariat for twenty years.",
        "I met my wife at the WCO conference in 2015.",
        "Our partner organisations include the WCO.",
        "My sister wants to work at the WCO one day.",
    ],
)
def test_family_or_staff_without_a_relative_on_the_staff_is_no_declaration(text: str) -> None:
    assert read(text) == RelativesDeclaration(NONE)


def test_exception_after_a_general_denial_is_a_declaration() -> None:
    found = read("None of my relatives work for the Organization, except my wife.")
    assert (found.outcome, found.relation) == (DECLARED, "wife")


def test_brother_at_the_national_customs_and_a_denial_is_a_denial() -> None:
    text = (
        "My brother is with the national customs service, and no family member of mine works "
        "at the Organization."
    )
    assert read(text).outcome is DENIED


def test_form_line_with_a_named_relative_is_a_declaration() -> None:
    found = read("Relatives in the Organization: Yes – my sister, Marie Curie (Finance)")
    assert (found.outcome, found.relation, found.relative_name) == (
        DECLARED,
        "sister",
        "Marie Curie",
    )


def test_docx_table_row_no_is_a_denial_and_yes_names_the_father() -> None:
    assert read("Nationality\tBelgian\nFamily members in the Organization\tNo").outcome is DENIED
    found = read("Family members in the Organization\tYes, my father Jan de Vries")
    assert (found.outcome, found.relation, found.relative_name) == (
        DECLARED,
        "father",
        "Jan de Vries",
    )


def test_ticked_box_decides_the_answer() -> None:
    assert read("Family members working at the WCO\t☐ Yes ☒ No").outcome is DENIED
    assert read("Family members working at the WCO\t☒ Yes ☐ No").outcome is DECLARED


def test_related_to_a_staff_member_is_a_declaration_without_a_relation() -> None:
    found = read("For transparency: I am related to a staff member.")
    assert (found.outcome, found.relation) == (DECLARED, "relative")


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("My husband, Paul Martin, is a staff member of the WCO.", "husband"),
        ("One of your staff members, Jean Dupont, is my brother.", "brother"),
        ("The WCO employs my daughter.", "daughter"),
        ("I am the son of a WCO staff member.", "son"),
        ("I am married to a WCO official.", "spouse"),
        ("My partner works at the Secretariat.", "partner"),
        ("Both my parents are on the staff of the Organization.", "parent"),
        ("One of my children works for the WCO.", "child"),
        ("My mother is an interpreter at the WCO.", "mother"),
        ("I have a sibling working at the WCO.", "sibling"),
        ("Mon frère, Jean Dupont, travaille au Secrétariat de l'OMD.", "brother"),
        ("Ma sœur est fonctionnaire de l'Organisation.", "sister"),
        ("Je suis la fille d'un fonctionnaire de l'OMD.", "daughter"),
        ("Mon épouse est employée par l'OMD.", "wife"),
        ("Mon conjoint fait partie du personnel de l'OMD.", "spouse"),
        ("Mes frères et sœurs travaillent à l'OMD.", "sibling"),
        ("PARK Ji-hoon, my brother-in-law, works at the WCO.", "relative"),
    ],
)
def test_each_relation_tied_to_the_organisation_is_declared(text: str, relation: str) -> None:
    found = read(text)
    assert (found.outcome, found.relation) == (DECLARED, relation)


def test_evidence_quotes_the_sentence_then_where_relation_and_name() -> None:
    letter = "Dear Sir,\n\nMy brother Jean Dupont works at the WCO Secretariat. I enclose my CV."
    found = READER.read([SourceText("letter Motivation.docx", letter)])
    assert found.sentence == "My brother Jean Dupont works at the WCO Secretariat."
    assert found.evidence == (
        '"My brother Jean Dupont works at the WCO Secretariat." '
        "(letter Motivation.docx; relation: brother; name: Jean Dupont)"
    )


def test_names_given_before_after_or_with_a_title_are_kept() -> None:
    assert read("Jan de Vries, my father, works at the WCO.").relative_name == "Jan de Vries"
    assert read("My mother, Dr Maria Gonzalez, is a Senior Adviser at the WCO.").relative_name == (
        "Maria Gonzalez"
    )
    assert read("My sister, a Senior Technical Officer, works at the WCO.").relative_name is None


def test_nothing_said_gives_none_without_evidence() -> None:
    found = read("Please find attached my CV for the post at the WCO.")
    assert found == RelativesDeclaration(NONE) and found.evidence is None


def test_a_declaration_in_any_text_wins_over_a_denial_in_another() -> None:
    found = READER.read(
        [
            SourceText("the email body", "I have no relatives employed by the WCO."),
            SourceText("CV cv.pdf", "ADDITIONAL INFORMATION\n• My sister works at the WCO"),
        ]
    )
    assert (found.outcome, found.where, found.relation) == (DECLARED, "CV cv.pdf", "sister")


def test_a_denial_is_kept_with_the_text_it_comes_from() -> None:
    found = READER.read(
        [
            SourceText("the email body", "Please find my application attached."),
            SourceText("letter l.docx", "No member of my family works for the WCO."),
        ]
    )
    assert (found.outcome, found.where) == (DENIED, "letter l.docx")


def test_the_most_detailed_declaration_is_kept() -> None:
    found = read(
        "I am related to a staff member of the WCO.",
        "Relatives at the WCO: my brother, Karim Benali (Procurement)",
    )
    assert (found.relation, found.relative_name) == ("brother", "Karim Benali")


def test_no_texts_give_none() -> None:
    assert READER.read([]) == RelativesDeclaration(NONE)


def test_organisation_names_come_from_the_configuration() -> None:
    text = "My brother works at Interpol in Lyon."
    assert read(text).outcome is NONE
    found = DeclarationReader(["Interpol"]).read([SourceText("body", text)])
    assert found.outcome is DECLARED


def test_hard_wrapped_body_and_pdf_lines_are_read_as_one_sentence() -> None:
    wrapped = (
        "Dear Sir,\nI must declare that my brother Jean Dupont is employed at the\nWCO Secretariat."
    )
    assert read(wrapped).outcome is DECLARED
    pdf_like = (
        "My brother Jean Dupont works at the WCO Secretariat in the Compliance\n\n"
        "and Facilitation Directorate."
    )
    assert read(pdf_like).relative_name == "Jean Dupont"


def test_a_form_answer_on_the_next_line_is_read() -> None:
    assert read("Relatives employed by the WCO:\nNone").outcome is DENIED


def test_long_sentences_are_capped_in_the_evidence() -> None:
    text = "My brother works at the WCO, " + "and " * 200 + "that is all."
    found = read(text)
    assert found.outcome is DECLARED
    assert found.sentence is not None and len(found.sentence) <= 400


def test_a_hundred_page_cv_with_the_declaration_on_its_last_page_is_read() -> None:
    """Its cost is measured by benchmarks/candidate_checks_speed.py, not here."""
    page = (
        "PROFESSIONAL EXPERIENCE\nHead of Risk Management, National Customs, 2018 - present\n"
        "• Trained staff of the Organization and partner administrations in data analytics\n"
        "• Worked with WCO experts on the SAFE Framework in Africa and Asia\n"
        "EDUCATION\nMaster of Laws, Université libre de Bruxelles, 2008\n"
    )
    cv = page * 600 + "PERSONAL DETAILS\nRelatives employed by the WCO: my brother, Jean Dupont\n"
    assert len(cv) > 150_000
    found = READER.read([SourceText("CV cv.pdf", cv)])
    assert (found.outcome, found.relative_name) == (DECLARED, "Jean Dupont")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.sampled_from(
                [
                    "my brother",
                    "WCO",
                    "no",
                    "except",
                    "\t",
                    "\n",
                    "staff member",
                    "Yes",
                    ":",
                    "ma sœur",
                    "l'OMD",
                    "aucun",
                    "relatives",
                    "works at",
                    "Jean Dupont",
                    ".",
                ]
            ),
        ),
        max_size=30,
    ).map(" ".join)
)
def test_any_text_gives_an_outcome(text: str) -> None:
    found = READER.read([SourceText("text", text)])
    assert found.outcome in set(RelativesOutcome)
    assert (found.evidence is None) == (found.outcome is NONE)
    assert found.sentence is None or len(found.sentence) <= 400


def test_the_package_imports_neither_intake_nor_storage() -> None:
    package = Path(__file__).resolve().parents[2] / "parsers" / "declarations"
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = [
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        ] + [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ]
        assert not [name for name in names if name.split(".")[0] in ("intake", "storage")], module


def _imports_of(module: Path) -> set[str]:
    """The parsers.declarations modules that ``module`` imports (type-checking ones included)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    return {name.rsplit(".", 1)[-1] for name in found if name.startswith("parsers.declarations.")}


def test_no_two_modules_of_the_package_import_each_other_even_through_others() -> None:
    package = Path(__file__).resolve().parents[2] / "parsers" / "declarations"
    graph = {module.stem: _imports_of(module) for module in package.glob("*.py")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            step == goal or (step not in seen and reaches(step, goal, seen | {step}))
            for step in graph.get(start, ())
        )

    assert "sentence" in graph["clauses"] and "sentence" in graph["ties"]
    assert [name for name in graph if reaches(name, name, set())] == []


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Mon frère est employé par l'Organisation mondiale des douanes.", "brother"),
        ("mon frère est employé par l'Organisation mondiale des douanes", "brother"),
        ("Ma sœur est employée par l'OMD depuis 2015.", "sister"),
        ("Mon épouse travaille au sein de l'Organisation mondiale des douanes.", "wife"),
        ("Mon père travaille à l'OMD.", "father"),
        ("Ma cousine fait partie du personnel de l'OMD.", "relative"),
        ("Mon oncle est fonctionnaire de l'OMD.", "relative"),
        ("Mon beau-frère est membre du personnel du Secrétariat.", "relative"),
        ("Je déclare que mon père est membre du personnel du Secrétariat de l'OMD.", "father"),
        ("Mon frère est salarié de l'OMD à Bruxelles.", "brother"),
        ("Mon mari est en poste à l'OMD.", "husband"),
        ("My brother is employed by the World Customs Organization.", "brother"),
        ("My wife is on the staff of the WCO.", "wife"),
        ("My father is a member of the WCO Secretariat staff.", "father"),
    ],
)
def test_employment_in_every_form_in_french_and_english_is_a_declaration(
    text: str, relation: str
) -> None:
    found = read(text)
    assert (found.outcome, found.relation) == (DECLARED, relation)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Aucun membre de ma famille ne travaille pour l'Organisation mondiale des douanes.",
            DENIED,
        ),
        ("Je certifie qu'aucun membre de ma famille n'est employé par l'OMD.", DENIED),
        ("Aucun de mes proches ne fait partie du personnel de l'OMD.", DENIED),
        ("Personne de ma famille ne travaille à l'OMD.", DENIED),
        ("Nobody in my family works for the WCO.", DENIED),
        ("Ma mère, qui m'a inspiré, a toujours souhaité que je travaille un jour à l'OMD.", NONE),
        ("Mon frère travaille aux douanes françaises, qui coopèrent avec l'OMD.", NONE),
        ("Ma mère fait partie du personnel du secrétariat de l'école ; je vise l'OMD.", NONE),
        ("My mother inspired me to pursue a career at the WCO.", NONE),
    ],
)
def test_negations_deny_and_family_not_working_there_is_no_declaration_in_both_languages(
    text: str, outcome: RelativesOutcome
) -> None:
    assert read(text).outcome is outcome


def test_the_french_name_is_known_only_when_configured() -> None:
    text = "Mon frère est employé par l'Organisation mondiale des douanes."
    english_only = DeclarationReader(("World Customs Organization", "WCO"))
    assert english_only.read([SourceText("body", text)]).outcome is NONE
    assert read(text).outcome is DECLARED
