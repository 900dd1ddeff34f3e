"""Values read but dropped for want of an outcome name, and survival rates printed without a landmark
(made-up sentences in the printed shapes; ``results._untimed_rates`` and the outcome fallbacks)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _timed(text, arms=("A", "B")):
    return [(d.endpoint, d.measure, d.value, d.timepoint) for d in _sentence_results(text, list(arms))]


@pytest.mark.parametrize(("text", "expected"), [
    # no landmark anywhere in the sentence: a survival share is a proportion
    ("The relapse free survival (RFS) was 81%.", [("RFS", "proportion", 81.0, None)]),
    ("Overall survival was greater with A than with B, 68% vs 38% (P < 0.08).",
     [("OS", "proportion", 68.0, None), ("OS", "proportion", 38.0, None)]),
    # the sentence names its landmark elsewhere than next to the endpoint
    ("At 3 years, overall survival in both arms was 57%.", [("OS", "rate_at_time", 57.0, "3 years")]),
    ("The 24-h survival rate was significantly higher in the A group (39.1% vs. 21.9%; p = 0.03).",
     [("OS", "rate_at_time", 39.1, "24 hours"), ("OS", "rate_at_time", 21.9, "24 hours")]),
    ("At 8 y, the estimated overall survival was 77.9%.", [("OS", "rate_at_time", 77.9, "8 years")]),
    # the length of the follow-up is no landmark
    ("With a median follow-up of 13 months, overall survival was 36.2%.", [("OS", "proportion", 36.2, None)]),
])
def test_a_survival_rate_without_its_landmark(text, expected):
    assert _timed(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a change of weight is an outcome, the weight itself a characteristic
    ("At 8 weeks, the A group gained a mean of 2.3 kg compared with 0.4 kg in the B group.",
     [("OTHER", "mean", 2.3, "weight gain"), ("OTHER", "mean", 0.4, "weight gain")]),
    ("Weight gain was higher with A (difference: 0.77 kg, P < 0.001).", [("OTHER", "difference", 0.77, "Weight gain")]),
    ("Mean body weight was 71.6 kg and 42% were women.", []),
])
def test_a_change_of_weight(text, expected):
    assert [(d.endpoint, d.measure, d.value, d.name) for d in _sentence_results(text, ["A", "B"])] == expected



def test_a_percentage_by_the_weight_change_is_not_read_as_a_share():
    # the percentage is the change itself: this fallback does not read it as a share of the patients
    assert _sentence_results("We found a significant decrease in weight (2.4%) in the A group.", ["A", "B"]) == []
