"""Which arm a single value belongs to (seventh session, h-single): one value of its outcome, not part of a pair or run,
stated for both arms of a two-arm trial, is each arm's (two results); a value of both arms pooled stays armless.
One phrase shape per test."""

from tests.test_arm_pairing_four import _paired

TWO = ["arm A", "arm B"]
EACH = [(0.0, "arm A"), (0.0, "arm B")]


def test_value_in_both_treatment_groups():
    assert _paired("The day 28 cure rate was 100% in both treatment groups.", TWO) == [(100.0, "arm A"), (100.0, "arm B")]
    assert _paired("At the fourth time point, 60% of living patients in both arms completed a QOL assessment.", TWO) == [
        (60.0, "arm A"), (60.0, "arm B")]


def test_event_observed_in_either_or_each_group():
    assert _paired("No serious adverse events were observed in either treatment group.", TWO) == EACH
    assert _paired("No severe adverse events related to meropenem administration in either group were observed.", TWO) == EACH
    assert _paired("One deep vein thrombosis was observed in each group.", TWO) == [(1.0, "arm A"), (1.0, "arm B")]


def test_clause_ending_on_both_arms_needs_a_single_value():
    assert _paired("Two cases > grade 2 neutropenia were observed; one in each treatment groups.", TWO) == [(2.0, None)]


def test_sentence_opening_on_both_arms():
    assert _paired("In both the groups, no patients reported any adverse drug reaction.", TWO) == EACH
    assert _paired("The two groups had no special or severe adverse reactions.", TWO) == EACH
    assert _paired("By design, both groups lost ~7% of total body weight.", TWO) == [(7.0, "arm A"), (7.0, "arm B")]


def test_sentence_opening_on_both_arms_but_comparing_or_pooling_them():
    assert _paired("Both groups had similar response rates (45%).", TWO) == [(45.0, None)]
    assert _paired("At 3 years, overall survival in both arms was 57%.", TWO) == [(57.0, None)]


def test_value_of_arms_called_identical():
    assert _paired("The RRs were identical in the 2 arms (6.7%; 95% confidence interval [95% CI], 1.8-16.5%).", TWO) == [
        (6.7, "arm A"), (6.7, "arm B")]


def test_bracketed_share_or_any_group_for_both_arms():
    assert _paired("121 (90%) patients in each group were included in the analysis of the primary outcome.", TWO) == [
        (90.0, "arm A"), (90.0, "arm B")]
    assert _paired("No severe side-effects were observed in any group.", TWO) == EACH


def test_clause_on_both_arms_after_an_opening_that_does_not_fit():
    text = "The two groups had similar scores; no serious adverse events occurred in either group."
    assert _paired(text, TWO) == EACH
