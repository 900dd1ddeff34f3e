"""The measure and landmark of a percentage (made-up sentences in the printed shapes; ``results._points_in_turn``,
``results._times_sharing_a_unit``)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _timed(text, arms=("A", "B")):
    return [(d.measure, d.value, d.timepoint) for d in _sentence_results(text, list(arms))]


@pytest.mark.parametrize(("text", "expected"), [
    # the landmarks listed once, then each arm's values in landmark order
    ("The 1-, 2-, and 3-year survival rates were 88.9%, 44.4%, and 16.7% for the A group, and 75.0%, 18.8%, and 0% "
     "for the B group.",
     [("rate_at_time", 88.9, "1 year"), ("rate_at_time", 44.4, "2 years"), ("rate_at_time", 16.7, "3 years"),
      ("rate_at_time", 75.0, "1 year"), ("rate_at_time", 18.8, "2 years"), ("rate_at_time", 0.0, "3 years")]),
    # the landmarks in words
    ("The one, two and five-year survival for patients receiving A was 72%, 39% and 3.5%, compared to 68%, 29% and 0% "
     "for B.",
     [("rate_at_time", 72.0, "1 year"), ("rate_at_time", 39.0, "2 years"), ("rate_at_time", 3.5, "5 years"),
      ("rate_at_time", 68.0, "1 year"), ("rate_at_time", 29.0, "2 years"), ("rate_at_time", 0.0, "5 years")]),
    # each landmark's arms in turn: survival that rose with time is the other reading
    ("The 1- and 2-year survival rates were 31 and 36%, and 10 and 11% respectively.",
     [("rate_at_time", 31.0, "1 year"), ("rate_at_time", 36.0, "1 year"), ("rate_at_time", 10.0, "2 years"),
      ("rate_at_time", 11.0, "2 years")]),
    # each landmark's arms in turn, set against each other
    ("The 1- and 2-year survival rates were 50% vs 40% and 30% vs 20%.",
     [("rate_at_time", 50.0, "1 year"), ("rate_at_time", 40.0, "1 year"), ("rate_at_time", 30.0, "2 years"),
      ("rate_at_time", 20.0, "2 years")]),
])
def test_landmarks_listed_once_for_several_arms(text, expected):
    assert _timed(text) == expected
