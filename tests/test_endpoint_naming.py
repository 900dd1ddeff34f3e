"""Which endpoint a value is filed under: names of outcomes the vocabulary reads (made-up sentences in the shapes
printed in unlabelled abstracts; see docs/rules-notes.md, "Endpoint names, second night")."""

from __future__ import annotations

import re

import pytest

from extractor.backends.rules.results import _primary_outcome
from extractor.backends.rules.vocabulary import find_mentions
from extractor.structure import Sentence
from tests.test_rules import _sentence_results


def _endpoints(text, arms=("A", "B")):
    return [(d.endpoint, d.value) for d in _sentence_results(text, list(arms))]


def _canonicals(text):
    return [m.canonical for m in find_mentions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # "severe" is no printed grade: the contract's 3-plus classes need one
    ("Severe rash occurred in 9% of patients.", ["AE"]),
    ("No severe adverse events occurred.", ["AE"]),
    # a grade printed with it still counts
    ("Severe (grade 3/4) neutropenia was seen in 30% of patients.", ["AE_GRADE3PLUS"]),
    ("High-grade rash was seen in 23% of patients.", ["AE_GRADE3PLUS"]),
])
def test_severe_is_no_printed_grade(text, expected):
    assert _canonicals(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The median time to recurrence was 23 months with A and 30 months with B.", ["RFS"]),
    ("Time to first relapse was longer with A (HR 0.70).", ["RFS", "HR"]),
    ("The 5-year relapse-free interval was 60% with A.", ["RFS"]),
    ("Freedom from relapse at 5 years was 70%.", ["RFS"]),
])
def test_recurrence_named_otherwise_is_rfs(text, expected):
    assert _canonicals(text) == expected


def test_freedom_from_progression_is_pfs():
    assert _canonicals("Freedom from progression at 5 years was 70% with A and 60% with B.") == ["PFS"]


@pytest.mark.parametrize("text", [
    "Seven patients (6%) died as a result of toxicity.",
    "There were three deaths from toxicity with A.",
    "Two chemotherapy-related deaths occurred.",
    "One death was considered possibly related to the study drug.",
    "There were 3 deaths attributable to treatment.",
])
def test_deaths_from_toxicity_are_treatment_related(text):
    assert _canonicals(text)[0] == "TREATMENT_RELATED_DEATH"


@pytest.mark.parametrize(("text", "expected"), [
    # a survival free of something no endpoint names is an outcome of its own
    ("Hospital-free survival was 603 days with A versus 358 days with B.", ["OTHER"]),
    ("A gained a mean of 45 days of toxicity-free survival.", ["OTHER"]),
    # the named ones keep their endpoint
    ("Progression-free survival was 10 months; disease-free survival was 60 months.", ["PFS", "DFS"]),
    ("Local recurrence-free survival at 5 years was 90%.", ["RFS"]),
    # the survival of a thing, or weighted by quality
    ("Implant survival rates at 10 years were 93.7% and 89.8%.", ["OTHER"]),
    ("The mean quality-adjusted survival was increased by 1.8 months.", ["OTHER"]),
])
def test_other_survivals_are_not_overall_survival(text, expected):
    assert _canonicals(text) == expected


@pytest.mark.parametrize("text", [
    "At six months, 119 (97%) patients responded to the questionnaire.",
    "451 (11.4%) responded to at least one survey question.",
    "The questionnaire response rate was 65% with A.",
])
def test_answering_a_questionnaire_is_feasibility_not_response(text):
    assert _canonicals(text) == ["FEASIBILITY"]


def test_a_tumour_response_rate_stays_orr():
    assert _canonicals("The objective response rate was 40%, and the QLQ-C30 questionnaire was returned by 90%.")[0] == "ORR"


@pytest.mark.parametrize(("text", "expected"), [
    # a follow-up named as a time point does not make the sentence one about the follow-up's length
    ("The primary outcome was significantly lower in the A arm at the 6-month follow-up (adjusted difference -16.8).", ["PRIMARY"]),
    ("The primary outcome was lower in the A arm after a median follow-up of 3 years (adjusted difference -16.8).", []),
])
def test_the_primary_outcome_reads_a_follow_up_as_the_other_outcomes_do(text, expected):
    sentence = Sentence(0, len(text), text, "results", 0)
    assert [m.canonical for m in _primary_outcome(sentence, [], re.search(r"\d", text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # survival counted from a relapse or progression is an outcome of its own
    ("Patients had shorter survival after relapse (3.6 months less).", ["OTHER"]),
    ("Post-progression survival was 10 months.", ["OTHER"]),
    # "-free" elided before "or overall survival"
    ("There were no differences in relapse-free or overall survival (31% vs 32%).", ["RFS", "OS"]),
])
def test_survival_from_relapse_and_elided_free(text, expected):
    assert _canonicals(text) == expected


def test_deaths_from_the_disease_stay_overall_survival():
    assert _canonicals("There were 5 deaths due to disease progression.") == ["OS"]
