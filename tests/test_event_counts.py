"""Counts of events and of the people who had them, in lists and pairs (results.py's count rules), one test per shape."""

from __future__ import annotations

import pytest

from tests.test_result_counts import _counts


@pytest.mark.parametrize("sentence, arms, expected", [
    # the first counts of a list before what they count
    ("Seven and nine deaths were observed in the octreotide LAR and placebo groups, respectively.",
     ["octreotide LAR", "placebo"], [("OS", 7.0, "octreotide LAR"), ("OS", 9.0, "placebo")]),
    ("Four vs two events of febrile neutropenia occurred in the A and B arm, respectively.", ["A", "B"],
     [("AE", 4.0, "A"), ("AE", 2.0, "B")]),
    # "times" says how much, not how many
    ("When ultrabrief ECT was given at a higher dosage (8 versus 5 times seizure threshold), efficacy was comparable.", [],
     []),
])
def test_a_list_of_counts_before_the_events(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    ("The most frequent events were neutropenia (937 events vs 797 events) and leucopenia (507 vs 362).",
     ["experimental", "control"],
     [("AE", 937.0, "experimental"), ("AE", 797.0, "control"), ("AE", 507.0, "experimental"), ("AE", 362.0, "control")]),
    # the pair says it counts patients: the outcome may be named further before
    ("Fewer patients in group D experienced vomiting than those in group P (7 vs. 24 patients, respectively; P < .05).",
     ["D", "P"], [("AE", 7.0, "D"), ("AE", 24.0, "P")]),
    # a bare pair far from the outcome may be scores
    ("Drug-related adverse events were significantly less under F (3 vs. 10).", [], []),
    ("Satisfaction scores were higher in the A group than in the B group (88 vs. 69, P = 0.003).", ["A", "B"], []),
])
def test_a_bracketed_pair_of_counts(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    ("Transient grade 4 neutropenia occurred in 18 and 2 patients in Arm A and Arm B, respectively.", ["Arm A", "Arm B"],
     [("AE_GRADE3PLUS", 18.0, "Arm A"), ("AE_GRADE3PLUS", 2.0, "Arm B")]),
    ("Febrile neutropenia developed in 3 patients in the A arm and 1 in the B arm.", ["A", "B"],
     [("AE", 3.0, "A"), ("AE", 1.0, "B")]),
    ("Grade 3 or 4 neutropenia was experienced by 12 patients.", [], [("AE_GRADE3PLUS", 12.0, None)]),
    ("Adverse events (nausea and vomiting) were found in 4, 5, and 7 patients in the ZA10, A20, and A40 groups, "
     "respectively.", ["ZA10", "A20", "A40"], [("AE", 4.0, "ZA10"), ("AE", 5.0, "A20"), ("AE", 7.0, "A40")]),
])
def test_people_counted_after_the_verb(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Toxicities included grade 3 neutropenia in 12 patients and grade 3 diarrhoea in 4 patients.",
     [("AE_GRADE3PLUS", 12.0, None), ("AE_GRADE3PLUS", 4.0, None)]),
    ("Neutropenia was grade 3 in 12 patients.", [("AE_GRADE3PLUS", 12.0, None)]),
    ("We evaluated toxicity in 30 patients.", []),
])
def test_people_counted_right_after_the_event(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    ("The absolute numbers of deaths were 27 in the levamisole group and 35 in the observation group.",
     ["levamisole", "observation"], [("OS", 27.0, "levamisole"), ("OS", 35.0, "observation")]),
    ("The number of patients with grade 3 neutropenia was 12.", [], [("AE_GRADE3PLUS", 12.0, None)]),
    ("The mean number of cycles was 6.", [], []),
])
def test_the_number_of_events_was(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


def test_one_case_had_the_event():
    assert _counts("Only one case in the 3-weekly arm suffered from grade IV diarrhea.", ["3-weekly", "weekly"]) == [
        ("AE_GRADE3PLUS", 1.0, "3-weekly")]
