"""Differences, changes and ratios of outcomes no rule names (made-up sentences in the printed shapes, third night)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _found(text):
    return [(d.endpoint, d.measure, d.value, d.arm, d.ci_low, d.ci_high) for d in _sentence_results(text, ["A", "B"])]


@pytest.mark.parametrize(("text", "expected"), [
    # "difference in <outcome> was N": the outcome's name may hold digits
    ("The between-group difference in EORTC QLQ-C30 global health status was 6.1 points (95% CI 2.0 to 10.2).",
     [("QOL", "difference", 6.1, None, 2.0, 10.2)]),
    ("The difference in EQ-5D index between arms was 0.05 (95% CI 0.01 to 0.09).",
     [("QOL", "difference", 0.05, None, 0.01, 0.09)]),
])
def test_a_difference_in_an_outcome_then_its_value(text, expected):
    assert _found(text) == expected


def test_no_difference_is_no_difference_value():
    # the percentage after "no difference in … was" is the arms' share, not a difference
    found = _found("There was no difference in 2-year survival, which was 45% in both arms.")
    assert found and all(f[1] != "difference" for f in found)


@pytest.mark.parametrize(("text", "expected"), [
    # the outcome named before a bracketed difference
    ("There was no difference between A and B for QL2 (LSM difference = -1.91; 95% CI = -4.61, 0.78).",
     [("QOL", "difference", -1.91, None, -4.61, 0.78)]),
    # the outcome named after the difference and its interval
    ("The A group had a mean difference of 4.2 points (95% CI 1.1 to 7.3) in global health status compared with B.",
     [("QOL", "difference", 4.2, None, 1.1, 7.3)]),
])
def test_the_outcome_a_difference_is_of(text, expected):
    assert _found(text) == expected


def test_a_difference_named_then_equals():
    text = "QL scores were lower with A (mean difference QL index week 1=-0.66; P=0.04; mean difference QL index week 6=-1.01)."
    assert [(e, m, v) for e, m, v, *_ in _found(text)] == [("QOL", "difference", -0.66), ("QOL", "difference", -1.01)]


def test_a_risk_reduced_by_a_percentage_is_a_difference_of_that_outcome():
    found = _sentence_results("A reduced the risk of invasive breast cancer by 49% (two-sided P<.00001).", ["A", "B"])
    assert [(d.endpoint, d.measure, d.value, d.unit, d.name) for d in found] == [
        ("OTHER", "difference", 49.0, "percent", "invasive breast cancer")]


def test_change_scores_are_differences_of_a_score():
    text = "Fatigue change scores were -0.5 for A and -7.1 for B (P = .008) at 8 weeks."
    assert [(e, m, v) for e, m, v, *_ in _found(text)] == [("QOL", "difference", -0.5), ("QOL", "difference", -7.1)]


@pytest.mark.parametrize("text", [
    "ANCOVA showed a group difference for the MCS (mean difference = 2.68, 95% confidence interval 0.1 to 5.2).",
    "GHS change scores were 2.68 for A (P = .008) at 8 weeks.",
])
def test_quality_of_life_scales_by_their_abbreviations(text):
    # the SF-12/36 mental component score, the QLQ-C30 global health status
    assert [(e, m, v) for e, m, v, *_ in _found(text)] == [("QOL", "difference", 2.68)]


@pytest.mark.parametrize(("text", "expected"), [
    # a ratio "for" an outcome named before "was"
    ("The hazard ratio for investigator-assessed PFS was 0.82 (95% CI, 0.65 to 1.02; P = .0775).",
     [("PFS", "hazard_ratio", 0.82, None, 0.65, 1.02)]),
    ("The hazard ratio for time to treatment failure was 0.70 (95% CI 0.55 to 0.89).",
     [("TTF", "hazard_ratio", 0.7, None, 0.55, 0.89)]),
    ("The adjusted odds ratio for diagnosis of a postpartum mental disorder was 0.43 (95% CI 0.21, 0.89) in the A group.",
     [("OTHER", "odds_ratio", 0.43, None, 0.21, 0.89)]),
    # a ratio no survival endpoint claims is of the outcome named before it
    ("A was discontinued more often and earlier than was B (hazard ratio 1.46 [1.03-2.06], p=0.03).",
     [("DISCONTINUATION", "hazard_ratio", 1.46, None, 1.03, 2.06)]),
    # "for <arm> did not change": no outcome after "for"
    ("When adjusted for scores, the relative risk for A did not change markedly and was 1.05 (95% CI 0.71-1.55).", []),
    # a predictor's ratio, and a range of ratios, are no trial result
    ("Predictors of remission were A (odds ratio (OR) 7.29; 95% CI 2.15 to 24.77) and age (OR 1.07).", []),
    ("The risk of major bleedings was lower with A than any other drug, odds ratios (ORs) ranging between 0.45 and 0.67.", []),
    # a "ratio" printed with an interval in percent is a share
    ("Six complete and 19 partial remissions were recorded in the A arm (odds ratio (OR): 41.7; 95% confidence "
     "limit (CL), 29.1–55.1%).", []),
])
def test_a_ratio_of_an_outcome_no_survival_endpoint_names(text, expected):
    assert [f for f in _found(text) if f[1].endswith("ratio")] == expected


def test_ratios_listed_each_with_its_interval():
    text = ("The hazard ratios of death were 1.15 (95% CI, 0.79 to 1.67) for VC, 1.32 (95% CI, 0.91 to 1.92) for GC, and "
            "1.26 (95% CI, 0.86 to 1.82) for TC.")
    assert [(e, m, v, lo, hi) for e, m, v, _, lo, hi in _found(text)] == [
        ("OS", "hazard_ratio", 1.15, 0.79, 1.67), ("OS", "hazard_ratio", 1.32, 0.91, 1.92), ("OS", "hazard_ratio", 1.26, 0.86, 1.82)]
