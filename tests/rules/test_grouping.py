"""Which candidate an application joins: trusted matches, names checked, never a name alone."""

from __future__ import annotations

from intake.rules.grouping import IdentityFacts, KeyMatch, choose

NEW = IdentityFacts(sender_key="maria@work.example", name="Maria Fernández", phones=("612345678",))


def test_an_address_beats_a_phone_and_the_reason_names_it() -> None:
    matches = [
        KeyMatch(7, "phone", "612345678", "FERNANDEZ Maria"),
        KeyMatch(9, "address", "maria@work.example", None),
    ]
    join = choose(NEW, matches)
    assert join is not None
    assert (join.candidate_id, join.matched_on) == (9, "address")
    assert join.reason == "the same sender address maria@work.example"


def test_a_shared_phone_joins_only_when_both_names_are_known_and_agree() -> None:
    assert choose(NEW, [KeyMatch(7, "phone", "612345678", "Ana Lopez")]) is None
    assert choose(NEW, [KeyMatch(7, "phone", "612345678", None)]) is None
    join = choose(NEW, [KeyMatch(7, "phone", "612345678", "M. Fernandez")])
    assert join is not None and join.matched_on == "phone"


def test_an_application_without_shared_facts_starts_a_new_candidate() -> None:
    assert choose(NEW, []) is None


def test_the_keys_sought_never_pair_two_written_addresses() -> None:
    facts = IdentityFacts(sender_key="a@x.example", name=None, emails=("hr@org.example",))
    assert ("email", "hr@org.example") not in facts.sought_keys()
    assert ("address", "hr@org.example") in facts.sought_keys()
    assert ("email", "hr@org.example") in facts.stored_keys()
