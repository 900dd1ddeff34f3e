"""Values of outcomes the vocabulary does not name (OTHER, QOL, FEASIBILITY) read from one results sentence
(made-up sentences in the printed shapes; ``results._sentence_outcome`` and its helpers)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _found(text, arms=("A", "B")):
    return [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, list(arms))]


@pytest.mark.parametrize(("text", "expected"), [
    # a share written in words opens the sentence: its outcome is told after the values
    ("Seventy-one percent of patients in the A group and 76% in the B group achieved the target hemoglobin.",
     [("OTHER", "proportion", 71.0, "A"), ("OTHER", "proportion", 76.0, "B")]),
    ("Seventy-eight percent of patients expressed satisfaction with their treatment.", [("OTHER", "proportion", 78.0, None)]),
    # ... but not the patients' characteristics
    ("Eighty-one percent of patients had performance status 0 and 23.1% of patients had weight loss.", []),
    ("Thirty two percent of women randomly assigned had receptor-negative cancer, 42% had visceral metastases.", []),
])
def test_a_share_written_in_words(text, expected):
    assert _found(text) == expected


def test_patients_progression_free_at_a_time_are_a_pfs_rate():
    text = "Nineteen percent of patients treated with A were progression-free at 24 months, compared with 10% of patients treated with B."
    assert [(d.endpoint, d.measure, d.value, d.arm, d.timepoint) for d in _sentence_results(text, ["A", "B"])] == [
        ("PFS", "rate_at_time", 19.0, "A", "24 months"), ("PFS", "rate_at_time", 10.0, "B", "24 months")]


def test_hr_in_lower_case_is_hours_not_a_hazard_ratio():
    # "MET hr per week": the unit of the difference; "a significant difference in X" still reports X
    text = ("There was a significant difference in total exercise in favor of the A group over the B group "
            "(mean difference, 3.4 MET hr per week; 95% confidence interval [CI], 0.7-6.1 MET hr per week; p = .01).")
    assert [(d.endpoint, d.measure, d.value, d.arm, d.ci_low, d.ci_high) for d in _sentence_results(text, ["A", "B"])] == [
        ("OTHER", "difference", 3.4, None, 0.7, 6.1)]


@pytest.mark.parametrize(("text", "expected"), [
    # the follow-up as a time point or its data does not make the sentence one about the follow-up's length
    ("During follow-up, 71% of the patients showed improved lung expansion.", [("OTHER", "proportion", 71.0, None)]),
    ("Utilization of treatments increased from 31% at study start to 49% at the 6-month follow-up (P = 0.003).",
     [("OTHER", "proportion", 31.0, None), ("OTHER", "proportion", 49.0, None)]),
    ("After a median follow-up of 36 months, 23% of patients were continent.", []),
    # "lost to follow-up" is no time point: who was lost is not a result of this kind
    ("At 10 years, 23 (11.5%) patients versus 25 (12.5%) patients were lost to follow-up.", []),
])
def test_a_follow_up_named_as_a_time_point(text, expected):
    assert _found(text, ()) == expected


@pytest.mark.parametrize("text", [
    "The follow-up assessment rate was 73% (329 of 450).",
    "Two hundred one (83.1%) participants provided 6-month follow-up data.",
    "Of the 83 women, 71 (86%) completed the EPDS at post-treatment.",
])
def test_assessments_completed_are_feasibility(text):
    assert [e for e, *_ in _found(text, ())] == ["FEASIBILITY"]


@pytest.mark.parametrize(("text", "expected"), [
    # "mean" right before its value names the statistic, the value paired with it too
    ("Blood loss during surgery was lower for A (mean 0.7, SD 1.7 mL) than B (mean 3.0, SD 4.3 mL, P < .0001).",
     [("OTHER", "mean", 0.7), ("OTHER", "mean", 3.0)]),
    ("The reduction in pain grade ranged from -0.8 to 2.6 (mean: 1.1).", [("QOL", "mean", 1.1)]),
    # with its interval it is a difference between the groups: not read as a mean
    ("In response to training, VO2peak (mean 3.9 ml/kg/min; 95 % CI, 0.93, 6.90) improved.", []),
])
def test_mean_right_before_its_value(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


def test_a_mean_difference_from_placebo():
    text = "Visceral fat area declined 23.9 ± 7.4 cm2 in the A group, mean difference from placebo: −28.1 cm2 (95% CI −49.9 to −6.3 cm2; p = 0.02)."
    assert [(d.endpoint, d.measure, d.value, d.arm, d.ci_low, d.ci_high) for d in _sentence_results(text, ["A", "placebo"])] == [
        ("OTHER", "difference", -28.1, None, -49.9, -6.3)]
