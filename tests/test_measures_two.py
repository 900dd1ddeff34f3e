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
    # the landmark after the rate its values lead to
    ("Median survival was 16.9 and 17.0 months, with 59.62% and 65.87% survival rates of 1 year and 27.28% and 27.93% "
     "survival rates of 2 years, respectively.",
     [("median", 16.9, None), ("median", 17.0, None), ("rate_at_time", 59.62, "1 year"), ("rate_at_time", 65.87, "1 year"),
      ("rate_at_time", 27.28, "2 years"), ("rate_at_time", 27.93, "2 years")]),
])
def test_landmarks_listed_once_for_several_arms(text, expected):
    assert _timed(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "median" opening the words that lead to the percentage
    ("The median percentage of days with diarrhea was 2.3% for A and 2.5% for B.", [("median", 2.3), ("median", 2.5)]),
    ("The median score on the assessment checklist was 75% for the A group and 70% for the B group.",
     [("median", 75.0), ("median", 70.0)]),
    ("The percentage of time spent with a low pressure (median (IQR) 34 % (17-57) versus 50 % (35-64)) was similar.",
     [("median", 34.0), ("median", 50.0)]),
    # a time to a share, or a median of another number, names no median percentage
    ("The median time to 50% recovery of the score was shorter with A.", [("proportion", 50.0)]),
    ("The objective response rate and median OS were 44% and 9 months with A.", [("proportion", 44.0)]),
])
def test_a_median_percentage(text, expected):
    assert [(d.measure, d.value) for d in _sentence_results(text, ["A", "B"]) if d.unit == "percent"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The average HCT of the drainage was 18.04% with A.", [("mean", 18.04)]),
    ("Adding almonds increased the plasma tocopherol level by a mean of 5.8 % with A.", [("mean", 5.8)]),
    # a change told of the mean is no mean percentage (left to the rules of changes)
    ("The mean liver volume decreased 2.9% with A.", [("proportion", 2.9)]),
    ("At 3 days after surgery, the average pain score was 64% lower in the A group.", [("proportion", 64.0)]),
])
def test_a_mean_percentage(text, expected):
    assert [(d.measure, d.value) for d in _sentence_results(text, ["A", "B"]) if d.unit == "percent"] == expected
