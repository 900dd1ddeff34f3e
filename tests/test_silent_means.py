"""Results sentences with no outcome the vocabulary knows, whose means and differences are sums of money
(``results._money_values``, ``_costs_named``) or a difference printed with its interval
(``_outcome_before_interval_difference``): made-up sentences in the printed shapes."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _read(text, arms):
    return sorted((d.endpoint, d.name, d.measure, d.value, d.arm) for d in _sentence_results(text, list(arms)))


def test_mean_costs_per_arm_in_a_bracketed_pair():
    text = "Mean total costs of A were higher compared with B ($16,535 vs $11,720, respectively; P = .049)."
    assert _read(text, ["A", "B"]) == [("OTHER", "Mean total costs", "mean", 11720.0, "B"),
                                       ("OTHER", "Mean total costs", "mean", 16535.0, "A")]


def test_mean_costs_listed_with_the_arms():
    text = "Mean total costs were €4795 in the PST group and €6857 in the UC group."
    assert _read(text, ["PST", "UC"]) == [("OTHER", "Mean total costs", "mean", 4795.0, "PST"),
                                          ("OTHER", "Mean total costs", "mean", 6857.0, "UC")]


def test_a_signed_difference_in_money_and_not_its_interval():
    text = ("The costs related to absence from work differed significantly in favor of A (mean difference, -$5,453; "
            "95% CI: -$7,718, -$3,107).")
    assert _read(text, ["A", "B"]) == [("OTHER", "costs", "difference", -5453.0, None)]


def test_a_sum_printed_with_its_interval_is_a_difference():
    text = "The A arm was associated with greater mean cost per patient £1803 (95% CI 462, 3215) than the B arm."
    assert _read(text, ["A", "B"]) == [("OTHER", "mean cost per patient", "difference", 1803.0, None)]


def test_a_difference_named_just_before_the_sum_with_thousands_spaced():
    text = "The A group accumulated higher healthcare costs (adjusted mean difference €16 956, p < 0.001)."
    assert _read(text, ["A", "B"]) == [("OTHER", "healthcare costs", "difference", 16956.0, None)]


def test_sums_not_called_mean_stay_silent():
    text = "The direct medical costs were lower in the A group: $6,688 vs $8,313 (P = 0.02)."
    assert _read(text, ["A", "B"]) == []


def test_a_probability_printed_by_a_cost_is_no_share():
    text = ("A had a mean cost of £120 per patient and a 90% probability of being cost-effective if purchasers pay "
            "up to £270 per point.")
    assert all(d.unit != "percent" for d in _sentence_results(text, ["A", "B"]))


@pytest.mark.parametrize(("text", "read"), [
    ("Operative costs were higher in the A group using reusable instruments (difference 203 euro; 95% confidence "
     "interval 147 to 259 euro).", [("difference", 203.0, None)]),
    ("By age 4 y, the cumulative rates of severe malaria were slightly lower in chemosuppressed children "
     "(0.47 versus 0.59) (rate "
     "difference −0.12 [95% CI: −0.27 to 0.03]).", [("difference", -0.12, None)]),
    ("Concentration of troponin T as the most sensitive marker for myocardial injury at POD1 was significantly lower "
     "in the A group compared with the B group (unadjusted difference, "
     "-0.4; 95% CI, -0.7 to -0.1; P < 0.01; adjusted difference, -0.2; 95% CI, -0.4 to -0.02; P = 0.03).",
     [("difference", -0.4, None), ("difference", -0.2, None)]),
])
def test_a_difference_with_its_interval_whose_sentence_opens_with_words_that_silenced_it(text, read):
    assert [(d.measure, d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == read


def test_who_the_patients_were_before_the_trial_stays_silent_despite_an_interval_difference():
    text = "Patients with a history of smoking differed from the others (difference 4.1 years, 95% CI 1.9 to 6.4)."
    assert _sentence_results(text, ["A", "B"]) == []


def test_a_signed_first_value_after_a_space_is_not_in_the_outcome_name():
    text = "The A group gained less weight (between-group difference −2.6 kg (95% CI −3.3 to −1.8), p<0.001)."
    found = _sentence_results(text, ["A", "B"])
    assert [(d.measure, d.value, d.arm) for d in found] == [("difference", -2.6, None)]
    assert not found[0].name.endswith("−")


def test_the_interval_of_a_difference_in_money():
    text = "Costs were lower with A (mean difference, -$1,624 [-20%], 95% CI: -$2,605 to -$586)."
    [found] = _sentence_results(text, ["A", "B"])
    assert (found.value, found.ci_low) == (-1624.0, -2605.0)
    text = "Service costs were higher with A (mean difference £115.32 (95% CI £83.49 to £146.63; p<0.001))."
    [found] = _sentence_results(text, ["A", "B"])
    assert (found.value, found.ci_low, found.ci_high) == (115.32, 83.49, 146.63)


def test_an_interval_whose_bounds_are_signed_with_en_dashes():
    text = "There were no significant between-group differences on the primary outcome (difference 0.38, 95% CI –1.96 to 3.20)."
    [found] = _sentence_results(text, ["A", "B"])
    assert (found.value, found.ci_low, found.ci_high) == (0.38, -1.96, 3.2)
