"""Adverse events the rule backend reads from one results sentence: which grade endpoint each value is
(made-up sentences in the shapes printed in unlabelled abstracts)."""

from __future__ import annotations

from extractor.backends.rules.vocabulary import find_mentions
from tests.test_rules import _sentence_results


def _events(text, arms=("A", "B")):
    return [(d.endpoint, d.value, d.arm) for d in _sentence_results(text, list(arms))]


def test_a_grade_after_a_list_of_events_grades_each():
    # "leukopenia, neutropenia, and thrombocytopenia grade 3 or 4": the grade is every listed event's
    text = "Toxicity was worse with A (leukopenia and thrombocytopenia grade 3 or 4: 66% v 19%, 36% v 2% in A and B, respectively)."
    assert [e[0] for e in _events(text)] == ["AE_GRADE3PLUS"] * 4


def test_a_named_events_grade_does_not_pass_to_the_next_finding():
    # the grade of "grade 3/4 neutropenia" is its own once its values are printed and the words go on ("and of")
    text = "The incidence of grade 3/4 neutropenia (34% versus 68%) and of febrile neutropenia (5% versus 12%) was higher with A than B."
    assert [e[:2] for e in _events(text)] == [("AE_GRADE3PLUS", 34.0), ("AE_GRADE3PLUS", 68.0), ("AE", 5.0), ("AE", 12.0)]


def test_a_grade_written_for_a_list_still_holds():
    # a list after a graded event keeps its grade: "grade >= 3 neutropenia (2% and 45%), stomatitis (0% and 24%)"
    text = "Toxicity included grade >= 3 neutropenia (2% and 45%) and stomatitis (0% and 24%) with A and B, respectively."
    assert {e[0] for e in _events(text)} == {"AE_GRADE3PLUS"}


def test_adverse_events_of_at_least_grade_3():
    mentions = find_mentions("Clinical adverse events of ≥ grade 3 were more common with A than with B.")
    assert [m.canonical for m in mentions] == ["AE_GRADE3PLUS"]


def test_a_grade_written_before_its_number_words():
    # "treatment-related 3/4 grade adverse events": the levels before the word "grade"
    mentions = find_mentions("Treatment-related 3/4 grade adverse events occurred in 28% and 17% of patients.")
    assert [m.canonical for m in mentions] == ["TRAE_GRADE3PLUS"]


def test_a_grade_with_a_plus():
    assert [m.canonical for m in find_mentions("Grade 3+ adverse events occurred in 35%.")] == ["AE_GRADE3PLUS"]


def test_a_bracketed_grade_before_the_event():
    mentions = find_mentions("Severe (grade 3/4) neutropenia was seen in 30% of patients.")
    assert [(m.canonical, m.text) for m in mentions] == [("AE_GRADE3PLUS", "Severe (grade 3/4) neutropenia")]


def test_a_grade_written_right_after_the_value():
    # "35% were grade 3 or higher": the value's own clause grades it
    text = "Adverse events (all grades) occurred in 90% of patients; 35% were grade 3 or higher."
    assert [e[:2] for e in _events(text, ())] == [("AE", 90.0), ("AE_GRADE3PLUS", 35.0)]
    text = "Neutropenia occurred in 40% of patients (12% grade 3/4)."
    assert [e[:2] for e in _events(text, ())] == [("AE", 40.0), ("AE_GRADE3PLUS", 12.0)]


def test_adverse_events_leading_to_discontinuation_are_discontinuations():
    for text in ("Adverse events leading to treatment discontinuation occurred in 5% and 3% of patients.",
                 "No adverse events led to permanent treatment discontinuation.",
                 "Discontinuations attributable to AEs occurred in 33 patients (10.4%)."):
        assert [m.canonical for m in find_mentions(text)] == ["DISCONTINUATION"]
