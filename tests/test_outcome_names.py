"""Which endpoint a result is: "the primary outcome" and lists of outcomes with one value each
(``results._primary_outcome``, ``results.name_primary_outcome``, ``results._respectively_mentions``)."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.backends.rules.results import PRIMARY, Draft, name_primary_outcome
from tests.test_rules import _sentence_results

_ARMS = "METHODS: Patients with advanced gastric cancer were randomly assigned to drug A or placebo. "


def _found(text, arms=("drug A", "placebo")):
    return [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, list(arms))]


def _record(methods, results):
    return extract(f"{_ARMS}{methods} RESULTS: {results}").trials[0]


@pytest.mark.parametrize("text", [
    "The primary end point was met (HR 0.70; 95% CI 0.55-0.89; P = 0.003).",
    "The co-primary endpoint was reached, with a hazard ratio of 0.65 (95% CI 0.50-0.84).",
    "For the primary endpoint, the hazard ratio was 0.75 (95% CI, 0.60 to 0.93; P = .01).",
])
def test_a_ratio_no_named_outcome_claims_is_the_primary_outcomes(text):
    assert [e for e, *_ in _found(text)] == [PRIMARY]


def test_an_outcome_of_no_known_kind_called_the_primary_outcome_is_it():
    text = "The primary outcome was significantly lower in the drug A arm (adjusted difference -16.8, 95% CI -28.34 to -5.3)."
    assert _found(text) == [(PRIMARY, "difference", -16.8, None)]


def test_values_before_the_words_the_primary_outcome_are_its_too():
    text = ("Mixed-model analyses showed that neither HIGH (+0.8; 95% confidence interval [CI] = -0.8 to 2.4; P = .30) "
            "nor COMB (+0.5; 95% CI = -1.1 to 2.1; P = .52] were superior to STAN for the primary outcome.")
    assert {e for e, *_ in _found(text, ())} == {PRIMARY}


@pytest.mark.parametrize("text", [
    "The primary endpoint was met: median PFS was 7.2 vs 5.1 months.",  # the outcome named
    "Overall response rate, the primary end point, was 27.2% with drug A and 28.9% with placebo.",
    "The primary outcome, sleep quality, improved in 29% with drug A and 21% with placebo.",  # words of a kind (QOL)
])
def test_a_sentence_naming_its_outcome_keeps_it(text):
    assert PRIMARY not in {e for e, *_ in _found(text)}


@pytest.mark.parametrize("text", [
    "121 (90%) patients in each group were included in the analysis of the primary outcome.",
    "Independent risk factors for developing the primary outcome were diabetes (OR 1.87, 95% CI 1.34-2.60).",
])
def test_who_was_analysed_for_the_primary_outcome_or_what_predicts_it_is_not_its_value(text):
    assert PRIMARY not in {e for e, *_ in _found(text)}


def test_the_primary_outcomes_results_take_the_declared_primary_endpoint():
    trial = _record("The primary endpoint was progression-free survival.",
                    "The primary end point was met (HR 0.70; 95% CI 0.55-0.89; P = 0.003).")
    assert [(r.endpoint, r.measure, r.value) for r in trial.results] == [("PFS", "hazard_ratio", 0.7)]


def test_without_one_declared_primary_endpoint_they_are_other():
    trial = _record("Outcomes were assessed at 12 weeks.", "The primary end point was met (HR 0.70; 95% CI 0.55-0.89).")
    assert [r.endpoint for r in trial.results] == ["OTHER"]


def test_a_rate_of_a_time_to_event_primary_endpoint_at_a_time_is_a_survival_rate():
    draft = Draft(PRIMARY, "proportion", 61.0, "percent", 0, 3, None, None, timepoint="2 years")  # type: ignore[arg-type]
    name_primary_outcome([draft], {"PFS"})
    assert (draft.endpoint, draft.measure) == ("PFS", "rate_at_time")


@pytest.mark.parametrize(("text", "expected"), [
    ("The response rate and the disease control rate in the drug A arm were 35% and 80%.", [("ORR", "drug A"), ("DCR", "drug A")]),
    ("The ORR and DCR were 35% and 80% in the drug A arm.", [("ORR", "drug A"), ("DCR", "drug A")]),
    ("Median PFS and OS were 5.1 and 9.0 months.", [("PFS", None), ("OS", None)]),
])
def test_a_list_of_outcomes_then_one_value_each_gives_them_in_order(text, expected):
    assert [(e, a) for e, _, _, a in _found(text)] == expected


def test_runs_of_values_one_per_arm_still_cycle_through_the_outcomes():
    text = "ORR and DCR were 35% and 80% for drug A and 20% and 60% for placebo."
    assert _found(text) == [("ORR", "proportion", 35.0, "drug A"), ("DCR", "proportion", 80.0, "drug A"),
                            ("ORR", "proportion", 20.0, "placebo"), ("DCR", "proportion", 60.0, "placebo")]
