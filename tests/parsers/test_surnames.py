"""Surnames read from names as written, and staff matched on them: order, compounds, particles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.folding import fold
from parsers.staff_match import StaffDirectory, StaffEntry, StaffMatch
from parsers.surnames import display_surname, keys_of_surname, name_case, surname_keys


def whole_keys(name: str) -> set[str]:
    return {key.key for key in surname_keys(name) if key.whole}


def part_keys(name: str) -> set[str]:
    return {key.key for key in surname_keys(name) if not key.whole}


def directory(*names: str) -> StaffDirectory:
    return StaffDirectory(StaffEntry(name, row) for row, name in enumerate(names, start=1))


def only_match(staff: StaffDirectory, *names: str) -> StaffMatch:
    found = staff.matches(names)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Ji-hoon Park", "park"),
        ("PARK Ji-hoon", "park"),
        ("Park, Ji-hoon", "park"),
        ("Park Ji-hoon", "park"),
        ("Anna de Vries", "devries"),
        ("DE VRIES Anna", "devries"),
        ("de VRIES Anna", "devries"),
        ("Pieter de VRIES", "devries"),
        ("de Vries, Anna", "devries"),
        ("Vries, Pieter de", "devries"),
        ("María Fernández Ruiz", "fernandezruiz"),
        ("Carlos FERNÁNDEZ RUIZ", "fernandezruiz"),
        ("FERNÁNDEZ RUIZ, Carlos", "fernandezruiz"),
        ("Carlos FERNÁNDEZ y RUIZ", "fernandezruiz"),
        ("Anne Dupont-Moretti", "dupontmoretti"),
        ("Sean O'Brien", "obrien"),
        ("Priya D’Souza", "dsouza"),
        ("Ahmed Al-Mansouri", "almansouri"),
        ("Jan van der Berg", "vanderberg"),
        ("Angus Mac Donald", "macdonald"),
        ("José Ortega y Gasset", "ortegagasset"),
        ("Madonna", "madonna"),
        ("김 민준", "김"),
        ("山田 太郎", "山田"),
        ("दीपिका शर्मा", "शर्मा"),
        ("Thomas Müller", "muller"),
    ],
)
def test_surname_is_read_from_each_written_form(name: str, surname: str) -> None:
    assert fold(surname) in whole_keys(name)  # folding decomposes Hangul syllables


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Thomas Müller", "thomas"),
        ("Martin Thomas", "martin"),
        ("Ji-hoon Park", "jihoon"),
        ("PARK Ji-hoon", "jihoon"),
        ("Park, Ji-hoon", "jihoon"),
        ("Ben Smith", "ben"),
        ("Jean Pierre Dupont", "pierre"),
        ("Anna Maria Rossi", "maria"),
        ("Vries, Pieter de", "pieter"),
    ],
)
def test_a_given_name_is_never_a_key(name: str, given: str) -> None:
    assert given not in {key.key for key in surname_keys(name)}


@pytest.mark.parametrize(
    "name",
    ["Dr. Jane Doe, PhD", "Mrs Jane DOE", "Doe, Jane (Finance)", "J. R. Doe", "Jane Doe MBA"],
)
def test_titles_degrees_initials_and_remarks_are_left_out(name: str) -> None:
    assert whole_keys(name) == {"doe"}


@pytest.mark.parametrize("name", ["Claire D.", "Mary Ann D.", "J."])
def test_surname_given_only_as_an_initial_gives_no_key(name: str) -> None:
    assert surname_keys(name) == ()


@pytest.mark.parametrize("name", ["John F. Kennedy", "JOHN F. KENNEDY", "Kennedy, J. F."])
def test_middle_initials_do_not_hide_the_surname(name: str) -> None:
    assert whole_keys(name) == {"kennedy"}


def test_comma_before_a_degree_is_no_surname_first_form() -> None:
    assert whole_keys("John Smith, PhD") == {"smith"}


def test_compound_surname_gives_its_parts_as_partial_keys() -> None:
    assert part_keys("Carlos FERNÁNDEZ RUIZ") == {"fernandez", "ruiz"}
    assert part_keys("Anne Dupont-Moretti") == {"dupont", "moretti"}


def test_surname_without_its_detachable_particle_is_a_partial_key() -> None:
    assert part_keys("Anna de Vries") == {"vries"}
    assert part_keys("Priya D'Souza") == {"souza"}
    assert part_keys("Angus Mac Donald") == set()


def test_plain_three_word_name_keeps_middle_word_only_when_iberian_patronymic() -> None:
    assert part_keys("María Fernández Ruiz") == {"fernandez"}
    assert part_keys("Anna Maria Rossi") == set()


def test_email_addresses_and_blank_names_give_no_key() -> None:
    assert surname_keys("jdoe@example.org") == ()
    assert surname_keys("   ") == ()
    assert surname_keys("") == ()


def test_surname_column_value_counts_every_word() -> None:
    assert {key.key for key in keys_of_surname("Fernández Ruiz") if key.whole} == {"fernandezruiz"}


def test_capitals_are_shown_in_name_case() -> None:
    assert display_surname("DE VRIES") == "de Vries"
    assert display_surname("FERNÁNDEZ RUIZ") == "Fernández Ruiz"
    assert display_surname("McLeod") == "McLeod"
    assert display_surname("LE") == "Le"


@pytest.mark.parametrize(
    "candidate", ["Maria Fernandez Ruiz", "maria fernandez ruiz", "Fernández Ruiz, María"]
)
def test_fernandez_ruiz_candidate_matches_staff_in_capitals(candidate: str) -> None:
    match = only_match(directory("Carlos FERNÁNDEZ RUIZ", "Ana Torres"), candidate)
    assert (match.entry.row, match.surname, match.partial) == (1, "Fernández Ruiz", False)


@pytest.mark.parametrize("staff", ["Pieter DE VRIES", "Vries, Pieter de", "Pieter de Vries"])
@pytest.mark.parametrize("candidate", ["Anna de Vries", "DE VRIES Anna", "anna DEVRIES"])
def test_de_vries_matches_in_every_written_form(staff: str, candidate: str) -> None:
    match = only_match(directory(staff), candidate)
    assert match.surname == "de Vries" and not match.partial


@pytest.mark.parametrize("candidate", ["Ji-hoon Park", "PARK Ji-hoon", "Park, Ji-hoon"])
def test_park_candidate_matches_park_min_jun(candidate: str) -> None:
    match = only_match(directory("PARK Min-jun", "Min-jun Kim"), candidate)
    assert (match.entry.name, match.surname, match.partial) == ("PARK Min-jun", "Park", False)


def test_surname_in_hangul_matches_with_its_one_syllable() -> None:
    assert only_match(directory("김 민준"), "김 지훈").surname == "김"


def test_accents_and_case_are_ignored() -> None:
    match = only_match(directory("Lukas MÜLLER"), "sarah muller")
    assert match.surname == "Müller"
    assert only_match(directory("Lukas Müller"), "Sarah Mueller").entry.row == 1


def test_given_name_equal_to_a_staff_surname_does_not_match() -> None:
    assert directory("Martin Thomas").matches(["Thomas Müller"]) == ()
    assert directory("PARK Min-jun").matches(["Min-jun Kim"]) == ()


def test_unrelated_names_do_not_match() -> None:
    staff = directory("Carlos FERNÁNDEZ RUIZ", "Pieter de Vries", "PARK Min-jun")
    assert staff.matches(["Olga Kowalczyk", "Kwame Mensah", "Vriesland, Jo"]) == ()


def test_shared_by_counts_staff_with_the_surname() -> None:
    staff = directory("Claire Martin", "Jean-Luc MARTIN", "Sophie Martin", "Marc Dupont")
    found = staff.matches(["Paul Martin"])
    assert [match.entry.row for match in found] == [1, 2, 3]
    assert {match.shared_by for match in found} == {3}
    assert "3 staff members have this surname" in found[0].evidence()
    assert only_match(staff, "Jean Dupont").shared_by == 1


def test_one_part_of_a_compound_is_marked_partial() -> None:
    staff = directory("Carlos FERNÁNDEZ RUIZ", "Anne Dupont-Moretti")
    assert only_match(staff, "Luis Fernández").partial
    moretti = only_match(staff, "Julien Moretti")
    assert (moretti.surname, moretti.partial) == ("Moretti", True)
    assert "partial" in moretti.evidence()


def test_candidate_compound_matches_staff_with_one_of_its_parts_as_partial() -> None:
    match = only_match(directory("Ana Fernández"), "María FERNÁNDEZ RUIZ")
    assert (match.surname, match.partial) == ("Fernández", True)


def test_whole_match_wins_over_partial_for_the_same_staff_member() -> None:
    match = only_match(directory("Carlos FERNÁNDEZ RUIZ"), "Luis Ruiz", "María Fernández Ruiz")
    assert not match.partial


def test_names_from_subject_and_sender_are_deduplicated_and_none_ignored() -> None:
    staff = directory("PARK Min-jun")
    found = staff.matches([None, "PARK Ji-hoon", "", "Ji-hoon Park"])
    assert [match.entry.row for match in found] == [1]


def test_whole_matches_and_rare_surnames_come_first() -> None:
    staff = directory("Anne Dupont-Moretti", "Marc Dupont", "Isabelle DUPONT", "Paul Moretti")
    found = staff.matches(["Jean Dupont", "Lea Moretti"])
    assert [(match.entry.row, match.partial) for match in found] == [
        (4, False),
        (2, False),
        (3, False),
        (1, True),
    ]


def test_evidence_names_the_row_the_staff_member_and_the_details() -> None:
    entry = StaffEntry("Carlos FERNÁNDEZ RUIZ", 12, (("unit", "Finance"),))
    match = only_match(StaffDirectory([entry]), "Maria Fernandez Ruiz")
    assert match.evidence() == (
        'surname "Fernández Ruiz" matches staff register row 12: Carlos FERNÁNDEZ RUIZ '
        "(unit: Finance); 1 staff member has this surname"
    )


def test_register_surname_is_trusted_over_the_name() -> None:
    entry = StaffEntry("Thomas Martin", 1, surname="Thomas")
    assert only_match(StaffDirectory([entry]), "Julie Thomas").surname == "Thomas"
    assert StaffDirectory([entry]).matches(["Julie Martin"]) == ()


NAME_PARTS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["de", "VAN", "y", "D'", "-", ",", "Dr.", "PhD", "(", "Ruiz", "PARK", "é"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(NAME_PARTS, max_size=10).map(" ".join))
def test_any_string_as_a_name_never_raises(name: str) -> None:
    for key in surname_keys(name):
        assert key.key and key.written
    directory("Carlos FERNÁNDEZ RUIZ", name).matches([name, None])


@pytest.mark.parametrize(
    ("written", "greeted"),
    [
        ("Maria FERNÁNDEZ RUIZ", "Maria Fernández Ruiz"),
        ("Pieter DE VRIES", "Pieter de Vries"),
        ("PARK Ji-hoon", "Park Ji-hoon"),
        ("Siobhan O'BRIEN", "Siobhan O'Brien"),
        ("ANNA KOWALSKA", "Anna Kowalska"),
        ("Élodie Marchand", "Élodie Marchand"),
        ("J. SMITH", "J. Smith"),
    ],
)
def test_a_name_written_in_capitals_is_greeted_in_name_case(written: str, greeted: str) -> None:
    assert name_case(written) == greeted
