"""Results sentences that printed numbers and gave no result: ratios whose outcome and compared arms come before
their value (``results._RATIO_ARMS_COMPARED``), shares each arm carries in its own bracket
(``results._SHARES_EACH_ARM``), sums of money with the currency in words (``results._MONEY``), a threshold in brackets
after the outcome's name (``results._THRESHOLD_ASIDE``): made-up sentences in the printed shapes."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _read(text, arms=("A", "B")):
    return sorted((d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, list(arms)))


@pytest.mark.parametrize(("text", "endpoint", "measure", "value"), [
    ("In the Cox model, the relative risk of death for patients in the A arm compared with those in the B arm was 0.70 "
     "(95% confidence interval = 0.51 to 0.95).", "OS", "risk_ratio", 0.7),
    ("The unadjusted relative risk for mortality in the A group compared with patients in the B group was 1.11 "
     "(95% CI 0.76-1.63; P = 0.59).", "OTHER", "risk_ratio", 1.11),
    ("The hazard ratio for EDSS deterioration in the A group in comparison with the B group was 0.61 [95% CI: 0.31-1.22].",
     "OTHER", "hazard_ratio", 0.61),
])
def test_a_ratio_whose_outcome_and_arms_compared_come_before_its_value(text, endpoint, measure, value):
    assert _read(text) == [(endpoint, measure, value, None)]


def test_a_ratio_of_one_arm_named_far_before_its_value_is_still_not_read():
    # no arms compared between the ratio's words and its value: nothing says the value is the ratio's
    text = "The hazard ratio of death for patients receiving A after the first relapse of disease was 1.17 (95% CI 0.95-1.44)."
    assert _read(text) == []


@pytest.mark.parametrize(("text", "name", "values"), [
    # sore throat is a named adverse event (h-epname): the event names the shares
    ("Number of patients who developed sore throat was significantly higher in the A group (75%) compared to B group "
     "(27.5%) at the time of entrance to the recovery room (P = 0.001).", "sore throat",
     [(27.5, "B"), (75.0, "A")]),
    ("Number of patients who developed leg cramps was significantly higher in the A group (75%) compared to B group "
     "(27.5%) at the time of entrance to the recovery room (P = 0.001).", "patients who developed leg cramps",
     [(27.5, "B"), (75.0, "A")]),
    ("The patients with beta-blockers in group A had a lower rate of inconclusive tests (26%) compared to those in "
     "group B (40%).", "inconclusive tests", [(26.0, "A"), (40.0, "B")]),
])
def test_shares_each_arm_carries_in_its_own_bracket(text, name, values):
    found = _sentence_results(text, ["A", "B"])
    assert sorted((d.value, d.arm) for d in found) == values
    assert {d.name for d in found} == {name} and {d.measure for d in found} == {"proportion"}


def test_shares_in_their_own_brackets_of_people_not_compared_by_arm_name_no_outcome():
    # "were frequently late stage … in nonattenders (44%) and controls (36%)": no comparison verb of the outcome
    text = "Cancers were frequently late stage and inoperable in nonattenders (44%) and controls (36%)."
    assert _read(text, ("screening", "control")) == []


@pytest.mark.parametrize(("text", "found"), [
    ("The average direct costs per procedure were EUR 45 for the A group compared to EUR 58.3 for the B group.",
     [("OTHER", "mean", 45.0, "A"), ("OTHER", "mean", 58.3, "B")]),
    ("The mean intervention costs were 59 euro per participant in the A group and 28 euro in the B group.",
     [("OTHER", "mean", 28.0, "B"), ("OTHER", "mean", 59.0, "A")]),
    ("Total costs were higher with A (cost difference: 254 euros; 95% confidence interval, 181-324 euros).",
     [("OTHER", "difference", 254.0, None)]),
    ("Mean daily costs per patient were significantly reduced with EUR 12 (95% CI 2 to 18, P = 0.02) in the A group.",
     [("OTHER", "difference", 12.0, None)]),
])
def test_sums_of_money_whose_currency_is_written_in_words(text, found):
    assert _read(text) == found


def test_a_sum_of_money_after_its_spread_is_no_mean():
    text = "Mean total costs were $1,000 (SD $200) in the A group and 13,558 dollars (standard deviation, 6742 dollars) in the B group."
    assert _read(text) == [("OTHER", "mean", 1000.0, "A"), ("OTHER", "mean", 13558.0, "B")]


def test_a_costs_ratio_in_words_is_no_mean():
    # an incremental cost-effectiveness ratio: no mean or difference said
    assert _read("For primary disease, the incremental cost-effectiveness ratio was 29,231 euros.") == []


@pytest.mark.parametrize("text", [
    "The incidence of severe ARSR (RTOG/EORTC grade ≤2) at the follow-up visit was 23% (n = 45) in the A group and "
    "19% (n = 38) in the B group.",
    "Effective pain relief [numeric rating scale (NRS) < 3] was observed in 23% of patients in the A group and 19% of "
    "patients in the B group.",
])
def test_a_threshold_in_brackets_after_the_outcome_is_no_first_value(text):
    assert [(d.measure, d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == [
        ("proportion", 23.0, "A"), ("proportion", 19.0, "B")]


def test_a_p_value_in_brackets_is_no_threshold():
    text = "Weight gain was higher for A (difference: 0.77 kg, P < 0.001)."
    assert [(d.name, d.measure, d.value) for d in _sentence_results(text, ["A", "B"])] == [("Weight gain", "difference", 0.77)]
