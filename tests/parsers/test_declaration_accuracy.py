"""The declaration reader on the labelled snippets, placed in real texts and files, meets the
accuracy the issue demands and reads no distractor as a declaration."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.declaration_accuracy import MIN_ACCURACY, Outcome, evaluate, score
from benchmarks.declaration_data import load_snippets


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return evaluate()


def test_the_labelled_set_is_large_and_varied_enough() -> None:
    rows = load_snippets()
    assert len(rows) >= 120
    placements = Counter(row.placement for row in rows)
    assert set(placements) == {"body", "letter", "cv", "docx_table"}
    assert min(placements.values()) >= 20, placements
    languages = Counter(row.language for row in rows)
    assert languages["en"] >= 40 and languages["fr"] >= 40, languages
    outcomes = Counter(row.outcome for row in rows)
    assert min(outcomes[name] for name in ("declared", "denied", "none")) >= 30, outcomes
    tags = Counter(tag for row in rows for tag in row.tags)
    for tag, least in {
        "distractor": 40,
        "negation": 20,
        "exception": 5,
        "form": 30,
        "name": 25,
    }.items():
        assert tags[tag] >= least, (tag, tags[tag])
    assert tags["national-customs"] >= 2 and tags["blind"] >= 30
    assert all(row.relation for row in rows if row.outcome == "declared")
    assert all(row.outcome == "none" for row in rows if "distractor" in row.tags)


def test_every_relation_of_the_vacancy_notice_is_declared_somewhere() -> None:
    declared = {row.relation for row in load_snippets() if row.outcome == "declared"}
    notice = {"spouse", "father", "mother", "son", "daughter", "brother", "sister"}
    assert notice | {"husband", "wife", "partner", "sibling", "relative"} <= declared


def test_docx_table_snippets_reach_the_reader_as_tab_separated_rows(
    outcomes: list[Outcome],
) -> None:
    for outcome in outcomes:
        if outcome.row.placement == "docx_table":
            form = outcome.texts[-1]
            question, _, answer = outcome.row.text.partition("\t")
            assert form.where == "form Form.docx"
            assert f"{question}\t{answer}" in form.text


def test_accuracy_meets_the_threshold(outcomes: list[Outcome]) -> None:
    misses = [
        (o.row.number, o.row.text, o.row.outcome, str(o.reading.outcome))
        for o in outcomes
        if not o.right
    ]
    assert score(outcomes).accuracy >= MIN_ACCURACY, misses


def test_no_distractor_is_read_as_declared(outcomes: list[Outcome]) -> None:
    declared = [(o.row.text, o.reading.evidence) for o in outcomes if o.declared_distractor]
    assert declared == []


def test_declarations_keep_the_relatives_names_given(outcomes: list[Outcome]) -> None:
    named = [o for o in outcomes if o.row.name is not None]
    wrong = [
        (o.row.text, o.reading.relative_name)
        for o in named
        if o.reading.relative_name != o.row.name
    ]
    assert len(wrong) <= len(named) // 10, wrong
