"""Means, mean differences and scores read from one results sentence (made-up sentences in the printed shapes;
``results._bare_statistics`` and its leads), and the "(mean: X)" cue of unlabelled results."""

from __future__ import annotations

import pytest

from extractor.structure import read_structure
from tests.test_rules import _sentence_results


def _found(text, arms=("A", "B")):
    return [(d.measure, d.value, d.unit, d.arm) for d in _sentence_results(text, list(arms))]


def test_a_mean_at_a_time_in_points_with_its_interval():
    # "at 12 months" between the statistic's name and "was"; the unit "points" is no unit of the contract
    text = "Mean physical function at 12 months was 66 points (95% CI 62·9-70·0) in the A group and 68 points in the B group."
    found = _sentence_results(text, ["A", "B"])
    assert [(d.measure, d.value, d.unit, d.arm, d.ci_low, d.ci_high) for d in found] == [
        ("mean", 66.0, None, "A", 62.9, 70.0), ("mean", 68.0, None, "B", None, None)]


def test_a_bracketed_aside_before_were():
    text = "Mean ratings (0-10 scale) of pain were 5.4 (95% CI 4.9-5.9) in the A group and 6.1 (95% CI 5.6-6.6) in the B group."
    assert _found(text) == [("mean", 5.4, None, "A"), ("mean", 6.1, None, "B")]


def test_a_mean_pair_printed_with_its_spread_in_square_brackets():
    text = ("The mean global QoL score at 54 weeks was higher in the A group than in the B group "
            "(76·1 [SD 18·2] vs 69·7 [19·1] points; difference 6·4 points, 95% CI 3·7-9·0, p<0·0001).")
    assert _found(text) == [("mean", 76.1, None, "A"), ("mean", 69.7, None, "B"), ("difference", 6.4, None, None)]


def test_mean_sd_named_right_before_the_value():
    text = "Significantly greater energy intake (mean (SD) 1712 (511) calories vs 1130 (601) calories) was delivered."
    assert [(m, v) for m, v, *_ in _found(text, ())] == [("mean", 1712.0), ("mean", 1130.0)]


@pytest.mark.parametrize(("text", "value"), [
    # a level in mg/dl is no dose; an en dash after a space is the minus sign
    ("Insulin resistance declined 52 ± 11.8 mg/dl with A, mean difference from placebo of −58.8 mg/dl (95% CI −99.7 to −18.0).",
     -58.8),
    ("Total bleeding was slightly less with A (1,184 mL vs. 1,236 mL) with a mean difference of –54 mL (95% CI –256 to 152).",
     -54.0),
    ("In the A group, total cholesterol decreased by 26.82 mg/dl (P = 0.001).", 26.82),
])
def test_a_difference_in_a_unit_outside_the_contract(text, value):
    assert [(m, v, u) for m, v, u, _ in _found(text, ())] == [("difference", value, None)]


def test_least_squares_mean_differences_with_their_intervals():
    text = ("Least-squares mean differences (95% CI) between groups in pain score were 0.2 (-0.4 to 0.9) in men "
            "and -0.8 (-1.6 to -0.01) in women.")
    assert [(d.measure, d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == [
        ("difference", 0.2, None), ("difference", -0.8, None)]


@pytest.mark.parametrize("text", [
    "After 2 months, the difference of mean change from baseline in pain score was greater for A (vs B): mean (SD) −6.0 (−8.8, −3.3).",
    "Pain was better with A: a difference (B - A in mean peak change in pain score (0-10 points) of -1.2 (P < 0.001).",
])
def test_a_mean_named_after_difference_of_is_what_the_difference_is_of(text):
    assert [m for m, *_ in _found(text, ())] == ["difference"]


def test_no_difference_in_means_keeps_them_means():
    assert [m for m, *_ in _found("There was no difference in mean pain scores (4.1 vs 4.3) between A and B.")] == ["mean", "mean"]


def test_a_signed_percentage_with_its_spread_is_read_once():
    text = "The change in HbA1c [mean ± standard error (SE)] was −0.8 ± 0.1% in the A group and 0.1 ± 0.1% in the B group."
    assert [v for _, v, *_ in _found(text)].count(-0.8) == 0  # the percentage read first, not also a bare mean


def test_mean_colon_in_a_bracket_marks_an_unlabelled_sentence_as_results():
    text = ("Patients with painful bone metastases were randomized to 8 Gy in one fraction or 30 Gy in 10 fractions. "
            "Pain was graded by the patients on a scale of 1 to 4 before and 1 month after treatment. "
            "We randomized 70 patients in this trial (63% women). "
            "At one month, pain was graded in a range from 1.0 to 4.0 (mean: 2.0). "
            "The reduction in pain grade ranged from –0.8 to 2.6 (mean: 1.1). "
            "The overall response rate was 71%.")
    kinds = [s.section for s in read_structure(text).sentences]
    assert kinds[3:5] == ["results", "results"]
    # a mean with its unit (an age) is no such cue
    assert read_structure("Patients were enrolled between 2001 and 2004 (mean age: 51.6 years). "
                          "Patients were randomized to A or B.").sentences[0].section != "results"


@pytest.mark.parametrize(("text", "expected"), [
    ("Median PFS was 2.1 months longer with A than with B.", [("difference", 2.1, "months", None)]),
    ("The mean hospital stay was 3 days shorter in the A group than in the B group.", [("difference", 3.0, "days", None)]),
    ("The mean hospitalization duration was 34% shorter in the A group than in the B group.", [("difference", 34.0, "percent", None)]),
])
def test_a_time_or_share_longer_or_shorter_than_the_other_arm_is_a_difference(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "Energy expenditure with A (mean [SD] 0.96 [0.20] kcal per hour) was greater than with B.",
    "The pain score mean (SEM) was 3.2 (0.4) with A.",
])
def test_the_spread_named_after_mean(text):
    assert [m for m, *_ in _found(text, ())][:1] == ["mean"]
