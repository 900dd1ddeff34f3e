"""Counts of patients or events without a percentage (results.py's count rules), one test per phrase shape."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _counts(sentence, arms=()):
    return [(d.endpoint, d.value, d.arm) for d in _sentence_results(sentence, list(arms)) if d.measure == "count"]


@pytest.mark.parametrize("sentence, arms, expected", [
    # people, where they were counted, then what they had
    ("Thirty-two patients receiving IFN5 and 19 patients receiving IFN1 experienced Grade 3 or higher adverse events.",
     ["IFN5", "IFN1"], [("AE_GRADE3PLUS", 32.0, "IFN5"), ("AE_GRADE3PLUS", 19.0, "IFN1")]),
    ("Ten patients in ondansetron and 14 in placebo group had persistent vomiting.", ["ondansetron", "placebo"],
     [("AE", 10.0, "ondansetron"), ("AE", 14.0, "placebo")]),
    ("In the SM group, one patient in the hip arthroscopy group developed a hip joint infection.", [], [("AE", 1.0, None)]),
    ("27 patients in the A arm had a complete response.", ["A", "B"], [("CR_RATE", 27.0, "A")]),
    ("There were 36 relapses.", [], [("RFS", 36.0, None)]),  # no people, but relapses counted (test_values_unread)
    ("Ten patients in the A group were lost to follow-up.", ["A", "B"], []),  # no outcome
])
def test_people_where_counted_and_what_they_had(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("None of the patients in any of the groups developed deep vein thrombosis.", [("AE", 0.0, None)]),
    ("No patient died during the study.", [("OS", 0.0, None)]),
    ("No patients discontinued double-blind treatment because of adverse events.", [("DISCONTINUATION", 0.0, None)]),
    ("No patients discontinued the study.", []),  # no reason given: not a count of the trial's outcome
    ("No patients with grade 3 neutropenia were enrolled.", []),
    ("No patients had grade 4 toxicity.", []),  # none of grade 4 says nothing of grade 3
])
def test_no_patient_had_the_event(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("There were no serious or unexpected adverse events reported.", [("AE", 0.0, None)]),
    ("No cases of serious infections were reported.", [("AE", 0.0, None)]),
    ("Three cases of implant-related infection occurred.", [("TRAE", 3.0, None)]),
    ("One episode of headache was reported.", [("AE", 1.0, None)]),
])
def test_a_count_before_the_events_it_counts(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    ("Three patients receiving fludarabine died of treatment-related toxicity compared with none of the patients "
     "receiving CVP.", ["fludarabine", "CVP"],
     [("TREATMENT_RELATED_DEATH", 3.0, "fludarabine"), ("TREATMENT_RELATED_DEATH", 0.0, "CVP")]),
    ("Complications developed in 12 patients (44.4 %) in the control group compared to 6 patients in the nutrition "
     "group.", ["control", "nutrition"], [("AE", 6.0, "nutrition")]),
    # the count before is of another clause: not this one's arm count
    ("132 patients in the A group had died; deaths due to cancer were 47 in the A group and 29 in the B group.",
     ["A", "B"], [("OS", 132.0, "A")]),
])
def test_the_next_arm_count(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


def test_one_patient_in_each_group():
    assert _counts("One patient in each arm discontinued because of adverse events.", ["Arm A", "Arm B"]) == [
        ("DISCONTINUATION", 1.0, "Arm A"), ("DISCONTINUATION", 1.0, "Arm B")]


@pytest.mark.parametrize("sentence", [
    "Treatment-related 3/4 grade adverse events occurred in 28% and 17% of patients, respectively.",
    "Toxicity was higher but CTC grades 3/4 was increased only for thrombocytopaenia.",
    "A higher rate of side effects was detected with 1/3 dose BCG.",
    "In all, 152 fatigued patients with advanced cancer were randomly assigned.",
])
def test_not_counts(sentence):
    assert _counts(sentence) == []
