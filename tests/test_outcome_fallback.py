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
