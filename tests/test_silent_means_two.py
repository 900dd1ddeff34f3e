"""Results sentences with no outcome the vocabulary knows whose values are a mean difference of the arms
(``results._outcome_of_mean_difference``) or each arm's mean change or least-squares mean
(``results._outcome_of_mean_change``): made-up sentences in the printed shapes."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _read(text):
    return sorted((d.measure, d.value, d.arm) for d in _sentence_results(text, ["A", "B"]))


@pytest.mark.parametrize(("text", "value"), [
    ("The adjusted mean between group difference was 0.8 for the 2-sided 95% CI (-1.047, 2.566).", 0.8),
    ("The mean difference of the LL was 0.31 mm, which was larger than the prespecified margin of 0.19 mm.", 0.31),
    ("Cardiac index improved by a least-squares mean difference of +0.6 L/min/m2 (95% CI 0.4 to 0.7; p<0.0001).", 0.6),
    ("The pain reduction was not significant (NRS, mean difference [95% CI]: 5.0 [0.09 to 9.9]; P = 0.046).", 5.0),
])
def test_a_mean_difference_of_an_outcome_no_rule_names_is_a_between_arm_difference(text, value):
    assert _read(text) == [("difference", value, None)]


@pytest.mark.parametrize("text", [
    # its spread, not its interval, follows the name: the value is read elsewhere or not at all
    "Analysis revealed differences favouring A for body mass (mean difference ± SEM) (+1.5 ± 0.6 kg, P = 0.01).",
    # an interval's bounds, not a difference
    "Scores improved in both groups (p=0.008) using a 95% CI for mean treatment difference of −26 to +16 points.",
])
def test_a_mean_difference_without_its_value_next_names_no_outcome(text):
    assert ("difference", 1.5, None) not in _read(text)
    assert all(d.value not in (-26.0, 16.0) for d in _sentence_results(text, ["A", "B"]))


def test_each_arms_mean_increase_when_the_sentence_opens_with_the_patients():
    text = ("B-treated patients had a mean increase in HgB of 0.9 g/dL (range, -3.8 to +5.3) compared with 2.8 g/dL "
            "(range, -2.2 to +7.5) for A-treated patients (P < .0001).")
    assert [(d.measure, d.value) for d in _sentence_results(text, ["A", "B"])] == [("mean", 0.9), ("mean", 2.8)]


def test_least_squares_means_of_each_arm_in_a_bracketed_pair():
    text = ("Summed pain intensity difference over 48 hours was significantly higher in the A group than in the B "
            "group (least squares mean [SEM], 105.60 [10.14] vs 55.58 [13.11]; P = 0.001).")
    assert _read(text) == [("mean", 55.58, "B"), ("mean", 105.6, "A")]


def test_a_mean_gain_per_arm():
    text = "The mean gain in weight in Group A and B were 4.8 vs. 6.5 kg, (P = 0.68)."
    assert _read(text) == [("mean", 4.8, "A"), ("mean", 6.5, "B")]


@pytest.mark.parametrize("text", [
    # a share, not a mean of one arm
    "The least squares (LS) mean change from baseline LDL-C were −30.09% and −27.54% for A and B respectively.",
    # a difference of the arms printed as a mean
    "LS mean ± SEM treatment difference for the change from baseline favored A over B [−3.4 ± 1.04, p = 0.0013].",
])
def test_a_mean_change_followed_by_a_share_or_a_difference_is_no_arms_mean(text):
    assert all(d.measure != "mean" for d in _sentence_results(text, ["A", "B"]))


def test_points_printed_with_their_interval_are_a_difference_even_unsigned():
    text = "The increase in disability was not significantly different between study groups (0.08 points; 95% CI, −1.1–1.2)."
    assert _read(text) == [("difference", 0.08, None)]


@pytest.mark.parametrize("text", [
    "Pain fell more with A (mean difference (95% CI) -1.8 (-3.5 to -0.1)) than with B.",
    "Angina frequency improved less with A than with B (difference −1.8 (−3.5 to −0.1), p=0.0198).",
])
def test_an_interval_after_a_signed_difference_keeps_its_signed_upper_bound(text):
    assert [(d.value, d.ci_low, d.ci_high) for d in _sentence_results(text, ["A", "B"])] == [(-1.8, -3.5, -0.1)]
