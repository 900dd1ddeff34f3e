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
