"""Counts of events and patients, and list shapes (results.py): response categories beyond complete and partial
counted in a list, deaths split by arm in brackets with no "in", cases or episodes of an unnamed event, and a bracketed
pair of counts after the words of what it counts; one test per phrase shape."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _counts(sentence, arms=()):
    return [(d.endpoint, d.value, d.arm, d.name) for d in _sentence_results(sentence, list(arms)) if d.measure == "count"]


def test_stable_and_progressive_disease_counted_in_words():
    assert _counts("In comparison, for the PC + D arm, there were three PR, four SD, four PD, and one NE.", ["PC", "PC + D"]) == [
        ("PR", 3.0, "PC + D", None), ("OTHER", 4.0, "PC + D", "SD"), ("OTHER", 4.0, "PC + D", "PD"),
        ("OTHER", 1.0, "PC + D", "NE")]


def test_not_evaluable_spelled_out_in_a_response_list():
    got = _counts("We observed two partial responses (PR), seven stable disease (SD), three progressive disease (PD), and two "
                  "not evaluable (NE) in the PC arm.", ["PC", "PC + D"])
    assert ("OTHER", 2.0, "PC", "not evaluable (NE)") in got
    assert ("OTHER", 3.0, "PC", "progressive disease (PD)") in got


def test_pd_patients_are_no_response_list():
    assert _counts("Forty-four PD patients and 20 controls were randomised.") == []


def test_deaths_split_by_arm_words_in_brackets():
    assert _counts("With a median follow-up of 56.9 months and 370 deaths (186 early, 184 delayed), there was no evidence of "
                   "a difference in overall survival between early and delayed treatment.", ["early", "delayed"]) == [
        ("OS", 370.0, None, None), ("OS", 186.0, "early", None), ("OS", 184.0, "delayed", None)]


def test_deaths_split_with_in_still_read():
    assert _counts("139 patients died (64 in the chemotherapy group vs 75 in the surgery group).",
                   ["chemotherapy", "surgery"]) == [
        ("OS", 139.0, None, None), ("OS", 64.0, "chemotherapy", None), ("OS", 75.0, "surgery", None)]


@pytest.mark.parametrize("sentence, arms, expected", [
    # (sore throat is a named adverse event)
    ("We detected three cases of sore throat in each group.", ["Group G", "Group F"],
     [("AE", 3.0, "Group G", "sore throat"), ("AE", 3.0, "Group F", "sore throat")]),
    ("The propofol group reported only one case of severe hypoxemia with no need of mask ventilation.", ["propofol", "combination"],
     [("OTHER", 1.0, "propofol", "severe hypoxemia")]),
    ("There were 2 cases of incident HIV during 3-month study period.", [], [("OTHER", 2.0, None, "incident HIV")]),
    ("No serious adverse events were observed, however, there was one case of mild gastrointestinal discomfort.", [],
     [("SAE", 0.0, None, None), ("AE", 1.0, None, "mild gastrointestinal discomfort")]),
])
def test_cases_of_an_unnamed_event(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence", [
    "The study included 35 cases of primary ureteropelvic junction obstruction (UPJO) with mean age of 29.5 years.",
    "In Lithuania, about 400 cases of pancreatic cancer are diagnosed each year.",
    "When 60 cases of non-small cell lung cancer patients in stage IIIb and IV reached stable disease, they were randomised.",
])
def test_cases_of_who_was_studied_are_no_outcome(sentence):
    assert _counts(sentence) == []


@pytest.mark.parametrize("sentence, arms, expected", [
    ("There were more cranial nerve palsies (22 vs 0) in the endarterectomy group than in the endovascular group.",
     ["endarterectomy", "endovascular"],
     [("OTHER", 22.0, "endarterectomy", "cranial nerve palsies"), ("OTHER", 0.0, "endovascular", "cranial nerve palsies")]),
    ("When raloxifene was compared with placebo, there was a significant increase in the number of major cardiovascular "
     "events (7 v 0, P=0.016).", ["raloxifene", "placebo"],
     [("OTHER", 7.0, "raloxifene", "major cardiovascular events"), ("OTHER", 0.0, "placebo", "major cardiovascular events")]),
])
def test_pair_of_counts_after_what_it_counts(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, arms", [
    ("Analyses were repeated for all eligible (171 vs 171) and resected patients (151 vs 152).", ["A", "B"]),
    ("The intervention group had more emergency department visits (20 vs. 8, p=0.03).", []),  # no arm named
    ("Those with stroke units (95 vs. 20; p = 0.031) in the A group were more willing.", ["A", "B"]),
    ("Pain scores were higher in the A group than in the B group (88 vs. 69, P = 0.003).", ["A", "B"]),
])
def test_pairs_that_count_no_outcome(sentence, arms):
    assert [c for c in _counts(sentence, arms) if c[0] == "OTHER"] == []


def test_people_of_two_arms_counted_before_the_verb():
    assert _counts("Thirty-eight patients in the treatment group, and 58 in the placebo group, suffered breakthrough pain on "
                   "day 3 (P < 0.001).", ["treatment", "placebo"]) == [
        ("AE", 38.0, "treatment", "breakthrough pain"), ("AE", 58.0, "placebo", "breakthrough pain")]


def test_people_presented_an_outcome():
    assert _counts("Seven patients presented a second neoplasm during follow-up.") == [("OTHER", 7.0, None, "second neoplasm")]


def test_an_outcome_happened_in_people():
    assert _counts("Bone metastasis happened in two patients.") == [("OTHER", 2.0, None, "Bone metastasis")]


@pytest.mark.parametrize("sentence, arms, expected", [
    ("In the follow-up in this study, there were no recurrences, and the quality of life utilities were almost identical.",
     [], [("RFS", 0.0, None, None)]),
    ("No relapses occurred in the treatment arm.", ["treatment", "control"], [("RFS", 0.0, "treatment", None)]),
    ("There were no distant recurrences.", [], []),  # none of one kind says nothing of the others
])
def test_no_relapses_counted(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


def test_an_outcome_developed_in_people_of_each_arm():
    assert _counts("Positive urine dipstick albumin developed in 297 patients in the aspirin group (n = 1,075) and 270 patients "
                   "in the no aspirin group (n = 1,098) during follow-up.", ["aspirin", "no aspirin"]) == [
        ("OTHER", 297.0, "aspirin", "Positive urine dipstick albumin"),
        ("OTHER", 270.0, "no aspirin", "Positive urine dipstick albumin")]
