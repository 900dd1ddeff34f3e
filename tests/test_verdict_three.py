"""Verdicts on unseen oncology abstracts, third night: one test per phrase shape (h-pem2)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import verdict
from tests.test_verdict import _sentences


@pytest.mark.parametrize("text", [
    "To evaluate the incidence and temporal resolution of dysuria after permanent prostate brachytherapy, and to "
    "identify predictors of brachytherapy-related dysuria.",
    "We examined the association between randomization to screening for lung cancer and thyroid cancer incidence.",
    "Our aim was to develop and validate a prediction model for assessing the probability of advanced neoplasia.",
    "The current study aimed to identify the barriers to participation among high-risk individuals.",
    "This study examined factors associated with attrition from a randomized controlled trial.",
])
def test_an_aim_that_asks_which_factors_go_with_an_outcome_reports_other_outcomes(text):
    assert verdict.reports_other_outcomes(_sentences(("objective", text)))


@pytest.mark.parametrize("text", [
    "We also investigated the relationship between FACT scale scores and EQ-5D utilities.",  # beside the main aim
    "The aim was to determine the effect of exercise on fatigue.",
])
def test_an_aim_about_the_arms_does_not(text):
    assert not verdict.reports_other_outcomes(_sentences(("objective", text)))


@pytest.mark.parametrize("finding", [
    "This study showed similar efficacy end points for vinflunine and docetaxel.",
    "Wash was noninferior to water alone in terms of TEWL.",
    "Tiropramide is as effective as octylonium in managing abdominal pain.",
    "The TC regimen achieved comparable efficacy to the PT regimen.",
])
def test_a_non_inferiority_trial_that_finds_the_arms_alike_is_met(finding):
    sentences = _sentences(("methods", "This non-inferiority phase III trial compared two regimens."),
                           ("results", "Median PFS was 2.3 months for each arm (HR, 1.004; 95% CI, 0.841 to 1.199)."),
                           ("conclusion", finding))
    assert verdict.alike_as_designed(sentences)
    assert verdict.verdict(sentences, set(), [], comparative=True) is True


@pytest.mark.parametrize("sentences", [
    # a superiority trial that finds the arms alike is not met
    (("methods", "A randomized phase III trial."), ("conclusion", "Both arms had similar efficacy.")),
    # a non-inferiority trial that finds one arm worse
    (("methods", "The non-inferiority margin was 10%."),
     ("results", "Survival was similar, but radiosurgery alone was inferior to the combination for local control.")),
    (("methods", "An equivalence trial."), ("conclusion", "Similar outcomes; equivalence could not be demonstrated.")),
])
def test_not_alike_as_designed(sentences):
    assert not verdict.alike_as_designed(_sentences(*sentences))
