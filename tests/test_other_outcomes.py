"""Results of outcomes outside the oncology vocabulary, read from one results sentence (made-up sentences in the printed
shapes): signed between-group changes printed with a unit before their interval (``results._SIGNED_THEN_INTERVAL``),
the outcome such a change is of (``results._sign_before``, ``results._changed_outcome_before_sign``), shares compared
in a bracket after a time or threshold that belongs to the outcome (``results._share_pair_at``) and the arms set
against each other by "than" (``results._compared_by_than``)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _found(text, arms=("A", "B")):
    return [(d.endpoint, d.measure, d.value, d.unit, d.arm) for d in _sentence_results(text, list(arms))]


@pytest.mark.parametrize(("text", "value"), [
    ("A was superior to B for upper extremity strength (+10.8 kg; 95% CI, 5.4-16.2 kg; P < .001).", 10.8),
    ("There was no difference in mean hemoglobin between the groups (-0.04 g/dL; 95% confidence interval: -0.26, 0.17 g/dL).",
     -0.04),
    ("The mean cholesterol level was significantly lower with A (-0.15 mmol/l, 95% CI -0.25, -0.06).", -0.15),
])
def test_a_signed_change_with_its_unit_before_the_interval(text, value):
    assert [(m, v, u, a) for _e, m, v, u, a in _found(text)] == [("difference", value, None, None)]


def test_a_signed_change_in_days_keeps_its_time_unit():
    text = "Mean duration of antibiotic exposure was shorter with A (−1.8 days; 95% CI −3.1, −0.5; P = 0.039)."
    assert ("difference", -1.8, "days", None) in [(m, v, u, a) for _e, m, v, u, a in _found(text)]


def test_the_outcome_before_a_signed_change_ends_before_its_sign():
    text = "On the basis of intention-to-treat analyses, A was superior to B for improving shoulder pain and disability " \
           "(-9.6; 95% confidence interval [95% CI], -16.4 to -4.5; P = .001)."
    assert [(m, v, a) for _e, m, v, _u, a in _found(text)] == [("difference", -9.6, None)]


def test_a_change_named_before_its_sign_when_other_outcomes_follow():
    text = ("In secondary outcomes, the A group experienced a significantly greater decrease in HADS anxiety score "
            "(-0.90; 95% CI, -1.51 to -0.29) as well as global quality of life and several functioning scores.")
    assert ("QOL", "difference", -0.9, None, None) in _found(text)


@pytest.mark.parametrize("text", [
    "More patients in the A group than in the B group were hospitalized for at least 3 days (36.3% vs. 13.0%, P<0.001).",
    "A greater percentage of patients in the A arm had physical function worsening at 6 weeks (36.3% vs 13.0%).",
])
def test_shares_compared_after_a_time_in_the_outcome(text):
    assert [(m, v, u, a) for _e, m, v, u, a in _found(text, ("B", "A"))] == [
        ("proportion", 36.3, "percent", "A"), ("proportion", 13.0, "percent", "B")]


def test_arms_set_against_each_other_by_than_take_the_pair_in_order():
    text = "Significantly more patients receiving combination therapy than monotherapy had clear skin (65.5% vs. 47.0%; P = 0.01)."
    assert [(v, a) for _e, _m, v, _u, a in _found(text, ("monotherapy", "combination therapy"))] == [
        (65.5, "combination therapy"), (47.0, "monotherapy")]


def test_a_signed_coefficient_of_an_association_is_no_result():
    text = "Reduced weight was associated with reported diarrhea (−0.26 kg; 95% CI −0.40 to −0.12)."
    assert not [f for f in _found(text) if f[1] == "difference"]


def test_unsigned_changes_printed_like_a_signed_one_in_the_same_sentence():
    text = ("In secondary outcomes, the A group experienced a significantly greater decrease in HADS anxiety score "
            "(-0.90; 95% CI, -1.51 to -0.29) as well as global quality of life (5.22; 95% CI, 0.93 to 9.50).")
    assert [(m, v, a) for _e, m, v, _u, a in _found(text)] == [("difference", -0.9, None), ("difference", 5.22, None)]


def test_an_unsigned_number_before_an_interval_alone_is_no_difference():
    # no signed change in the sentence: "(0.75; 95% CI …)" may as well be a ratio the text does not name
    assert not [f for f in _found("The risk of death was lower with A (0.75; 95% CI 0.60 to 0.90).") if f[1] == "difference"]


@pytest.mark.parametrize("text", [
    "Thirty-eight patients in the A group, and 58 in the B group, suffered breakthrough pain on day 3 (P < 0.001).",
    "Thirty-eight patients in the A group and 58 in the B group required rescue analgesia.",
])
def test_counts_of_two_groups_before_what_they_had(text):
    assert [(m, v, u, a) for _e, m, v, u, a in _found(text)] == [
        ("count", 38.0, "patients", "A"), ("count", 58.0, "patients", "B")]


@pytest.mark.parametrize(("text", "value"), [
    ("There was no significant difference between the A group and the B group (mean difference, 1.5 MET hr per week; "
     "95% CI, -1.0 to 4.0 MET hr per week; p = .244).", 1.5),
    ("This difference of 2.0 kg was statistically significant (P = .04).", 2.0),
])
def test_a_difference_framed_by_no_difference_between_the_groups(text, value):
    assert [(m, v, a) for _e, m, v, _u, a in _found(text)] == [("difference", value, None)]


def test_no_difference_between_groups_before_shares_is_still_about_them():
    # the frame is set aside only for a number the text calls a difference: shares after it name no outcome here
    assert not _found("There was no significant difference between the groups (45% vs 50%).")


@pytest.mark.parametrize(("text", "value"), [
    ("There was no difference between the groups in mean improvement in the Kujala score (group difference 1.1 "
     "(95% CI -7.4 - 5.2)).", 1.1),
    ("The improvement was greater with A at 8 weeks (average intergroup difference (95% CI), 5.5 (4.3–6.7), p < 0.001).", 5.5),
    ("Final velocities on A versus B were 143 and 138 cm/sec, respectively, with difference (95% CI) = 4.54 (0.10, 8.98).",
     4.54),
])
def test_a_difference_named_with_its_interval_aside(text, value):
    assert ("difference", value, None) in [(m, v, a) for _e, m, v, _u, a in _found(text)]


def test_a_least_squares_mean_with_its_spread_named_before_the_pair():
    text = ("Summed pain intensity over 48 hours was higher in the A group than in the B group (least squares mean [SEM], "
            "105.60 [10.14] vs 55.58 [13.11]; P = 0.001).")
    assert [(m, v, a) for _e, m, v, _u, a in _found(text)] == [("mean", 105.6, "A"), ("mean", 55.58, "B")]


@pytest.mark.parametrize(("text", "value"), [
    ("There was no difference between the groups for weight gain (mean difference (MD) −14 g/week; 95% CI −32, 4; "
     "p = 0.12).", -14.0),
    ("The adjusted between-group difference in the FFbH-R at 12 months was 6.58 (95% CI 3.38 to 9.78).", 6.58),
    ("No significant differences in lung function were found (FEV1: mean difference [95% CI] = 0.01 [-0.12 to 0.14] L).",
     0.01),
])
def test_a_difference_with_an_aside_or_a_time_before_its_value(text, value):
    assert ("difference", value, None) in [(m, v, a) for _e, m, v, _u, a in _found(text)]
