"""Declarations that take two sentences, and relatives who work for a Member, not the staff."""

from __future__ import annotations

import pytest

from benchmarks.declaration_data import ORGANISATION_TERMS
from parsers.declarations import DeclarationReader, RelativesDeclaration, SourceText
from parsers.declarations import RelativesOutcome as Outcome

READER = DeclarationReader(ORGANISATION_TERMS)


def read(text: str) -> RelativesDeclaration:
    return READER.read([SourceText("the email body", text)])


@pytest.mark.parametrize(
    ("text", "relation"),
    [("My sister works in the Finance directorate. She joined the WCO in 2019.", "sister"),
     ("I have a brother. He works at the WCO as an analyst.", "brother"),
     ("Ma sœur vit à Bruxelles. Elle travaille à l'OMD depuis 2018.", "sister"),
     ("Mon conjoint est juriste. Il est fonctionnaire de l'Organisation mondiale des douanes.",
      "spouse")],
)  # fmt: skip
def test_a_relative_named_then_tied_to_the_organisation_by_a_pronoun_is_declared(
    text: str, relation: str
) -> None:
    found = read(text)
    assert (found.outcome, found.relation) == (Outcome.DECLARED, relation)
    assert found.sentence == text  # both sentences are the evidence


def test_the_pronoun_may_open_the_next_line_of_a_cv_and_the_name_is_kept() -> None:
    found = read("OTHER INFORMATION\nMy brother, Piotr Nowak.\nHe works at the WCO as an analyst.")
    assert (found.outcome, found.relation, found.relative_name) == (
        Outcome.DECLARED,
        "brother",
        "Piotr Nowak",
    )
    assert found.sentence == "My brother, Piotr Nowak. He works at the WCO as an analyst."


@pytest.mark.parametrize(
    "text",
    ["My sister lives in Brussels. She works for a bank.",
     "My late father was a customs officer. He worked with the WCO on many projects.",
     "I have no relatives at the WCO. They all live in Kenya."],
)  # fmt: skip
def test_a_pronoun_that_ties_nothing_to_the_staff_declares_nothing(text: str) -> None:
    assert read(text).outcome is not Outcome.DECLARED


@pytest.mark.parametrize(
    "text",
    ["My husband works for Kenya Revenue Authority, a WCO Member administration.",
     "My brother works for the Belgian customs administration, a member administration of "
     "the WCO.",
     "My sister works in the customs service of Kenya, which is a WCO Member.",
     "My wife works for the Ministry of Finance, which is a member of the WCO.",
     "My husband is employed by national customs, a WCO member.",
     "Ma sœur travaille pour une administration membre de l'OMD.",
     "Mon frère est inspecteur des douanes françaises, Membre de l'OMD.",
     "A former colleague of mine, with whom I worked in Nairobi, now works at the WCO.",
     "Un ancien collègue travaille aujourd'hui à l'OMD.",
     "My husband was previously employed by the WCO but left in 2015."],
)  # fmt: skip
def test_a_relative_at_a_member_administration_or_a_former_colleague_is_no_declaration(
    text: str,
) -> None:
    assert read(text).outcome is Outcome.NONE


@pytest.mark.parametrize(
    ("text", "relation"),
    [("My spouse is a staff member of the WCO.", "spouse"),
     ("My brother-in-law has been with the WCO Secretariat since 2012.", "relative"),
     ("Mon épouse travaille au Secrétariat.", "wife"),
     ("My daughter is a member of the WCO Secretariat.", "daughter")],
)  # fmt: skip
def test_the_staff_of_the_organisation_is_still_the_organisation(text: str, relation: str) -> None:
    found = read(text)
    assert (found.outcome, found.relation) == (Outcome.DECLARED, relation)


@pytest.mark.parametrize(
    ("text", "relation"),
    [("My civil partner works at the WCO.", "partner"),
     ("My domestic partner is employed by the WCO.", "partner"),
     ("Mon concubin travaille à l'OMD.", "partner"),
     ("My husband works for the World Customs Organisation.", "husband"),
     ("My sister works for the W. C. O. in Brussels.", "sister"),
     ("Ma sœur travaille à l'O.M.D.", "sister")],
)  # fmt: skip
def test_every_word_for_a_partner_and_every_spelling_of_the_organisation_is_read(
    text: str, relation: str
) -> None:
    found = read(text)
    assert (found.outcome, found.relation) == (Outcome.DECLARED, relation)
