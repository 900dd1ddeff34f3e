"""Ratios the rule backend reads from one results sentence, in the shapes fresh abstracts print them (made-up
sentences in those shapes): outcomes no endpoint names, rate ratios, adjusted ratios, and numbers that are not theirs."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _ratios(text):
    return [(d.endpoint, d.measure, d.value, d.arm, d.ci_low, d.ci_high) for d in _sentence_results(text, ["A", "B"])
            if d.measure in {"hazard_ratio", "odds_ratio", "risk_ratio"}]


@pytest.mark.parametrize(("text", "expected"), [
    # the only outcome words are a ratio's, and the words before it compare the arms: the subject names the outcome
    ("The rate of endometrial cancer was increased in the A group (risk ratio = 2.53; 95% confidence interval = "
     "1.35-4.97).", [("OTHER", "risk_ratio", 2.53, None, 1.35, 4.97)]),
    ("Compared with B, more colposcopy referrals were made in the A arm (relative risk 1.51, 95% CI 1.03–2.22).",
     [("OTHER", "risk_ratio", 1.51, None, 1.03, 2.22)]),
    ("Treatment with A reduced hospital admissions compared with B (relative risk 0.62; 95% CI 0.4-0.9).",
     [("OTHER", "risk_ratio", 0.62, None, 0.4, 0.9)]),
    # … with the patients of an arm before the outcome they had more or less of
    ("Patients in the A arm had a significantly lower rate of transfusion (odds ratio, 0.40; 95% confidence interval, "
     "0.19 to 0.84, P=0.015).", [("OTHER", "odds_ratio", 0.4, None, 0.19, 0.84)]),
    # a predictor's or an association's ratio, and one that compares no arms, is no result of the trial
    ("Smoking was associated with infection compared with non-smokers (OR 2.1).", []),
    ("Older age (OR 1.5, 95% CI 1.1-2.0) and diabetes (OR 2.0) were independent risk factors.", []),
    ("Uptake was higher amongst vaccinees at three months (OR 2.07, 95% CI 1.69–2.53, p < 0.001).", []),
])
def test_a_ratio_of_arms_compared_names_the_outcome_before_it(text, expected):
    assert _ratios(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # rate ratios, incidence rate ratios and adjusted ratios are ratios too (a rate ratio is the risk ratio of events)
    ("Injury incidence was lower with A than with B (rate ratio 0.72; 95% CI 0.5-0.9).",
     [("OTHER", "risk_ratio", 0.72, None, 0.5, 0.9)]),
    ("Fewer falls occurred with A compared with B (incidence rate ratio, 0.69; 95% CI, 0.5-0.9).",
     [("OTHER", "risk_ratio", 0.69, None, 0.5, 0.9)]),
    ("There were fewer recurrences with A than with B (IRR: 0.71 95%CI: 0.53 to 0.90, p = 0.02).",
     [("OTHER", "risk_ratio", 0.71, None, 0.53, 0.9)]),
    ("Uptake was higher in A than in B (aOR 2.1; 95% CI 1.2-3.4).", [("OTHER", "odds_ratio", 2.1, None, 1.2, 3.4)]),
])
def test_rate_ratios_and_adjusted_ratios(text, expected):
    assert _ratios(text) == expected


def test_a_number_after_the_ratios_bracket_closes_is_not_the_ratio():
    # "(31% difference in rate ratio over 6 months) and at any time (24 h": 24 is a time, not the rate ratio
    text = ("Rates of severe hypoglycaemia were lower with A than with B during the night (31% difference in rate "
            "ratio over 6 months) and at any time (24 h, 14% difference).")
    assert _ratios(text) == []


def test_an_abbreviation_closed_right_after_the_ratio_still_reads_the_value():
    # "hazard ratio (HR) for A versus B (0.37, …)": the bracket closed right after the ratio's words is its own
    text = "Patients had improved progression-free survival hazard ratio (HR) for A versus B (0.37, 95% CI: 0.25–0.55)."
    assert [(d.endpoint, d.value) for d in _sentence_results(text, ["A", "B"])] == [("PFS", 0.37)]


@pytest.mark.parametrize(("text", "expected"), [
    # the outcome inside the ratio's own words: "relative risk of <outcome> was N"
    ("The relative risk of presenting with complications was 0.70 (95% CI 0.23-2.11).",
     [("AE", "risk_ratio", 0.7, None, 0.23, 2.11)]),
    ("The relative risk of hospital admission for A was 0.83 (0.56-1.24, P=.37) compared with B.",
     [("OTHER", "risk_ratio", 0.83, None, 0.56, 1.24)]),
    # "RR of N", also after the abbreviation in brackets
    ("The rate of macrosomia was 11.2% in the A group compared to 17.5% in the B group with relative risk (RR) of "
     "0.64 (95% CI: 0.44-0.93).", [("OTHER", "risk_ratio", 0.64, None, 0.44, 0.93)]),
    ("The rate of PIH was 8.0% in the A compared to 4.4% in the B with RR of 1.80 (0.99-3.28).",
     [("OTHER", "risk_ratio", 1.8, None, 0.99, 3.28)]),
    # an interval's level in brackets between the ratio's words and its value
    ("Normal glucose was reached more often in the A group than in the B group [HR (95% CI): 1.41 (1.002–1.996), "
     "P = 0.0049].", [("OTHER", "hazard_ratio", 1.41, None, 1.002, 1.996)]),
    ("Clinical failure was seen in 27% with A as compared to 1% with B (Odds Ratio [95%CI] = 0.031 [0.004 – 0.237]).",
     [("OTHER", "odds_ratio", 0.031, None, 0.004, 0.237)]),
])
def test_the_value_after_the_ratios_words(text, expected):
    assert _ratios(text) == expected


def test_a_bare_ratio_after_a_sentence_that_names_a_survival_without_a_number():
    # the sentence before has no result, but names the survival the next sentence's ratio is of
    from tests.test_rules import _found

    text = ("In this randomized phase 3 trial, 573 patients were randomized to receive A or B. "
            "Patients receiving A had significantly improved overall survival. "
            "The hazard ratio was 0.63 (95% confidence interval, 0.52-0.75; log-rank, P < 0.0001).")
    assert ("OS", "hazard_ratio", 0.63, None) in _found(text)
