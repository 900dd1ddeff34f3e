"""Differences and changes the rule backend reads from one results sentence (made-up sentences in the printed shapes)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _differences(text):
    return [(d.endpoint, d.measure, d.value, d.arm, d.ci_low, d.ci_high) for d in _sentence_results(text, ["A", "B"])]


@pytest.mark.parametrize(("text", "expected"), [
    # a signed number opening a bracket with its interval, after the outcome it changes
    ("Patients on A had a significant decrease in HADS anxiety score (-0.90; 95% CI -1.60 to -0.20) compared with B.",
     [("QOL", "difference", -0.9, None, -1.6, -0.2)]),
    ("The A group had a greater decrease in fatigue score (-0.66 points; 95% CI -1.04 to -0.27) than the B group.",
     [("QOL", "difference", -0.66, None, -1.04, -0.27)]),
    # a coefficient of an association is no trial result; a signed percentage with no interval is left alone
    ("Reduced weight was associated with reported nausea (−0.26; 95% CI: −0.37 to −0.14, p<0.001).", []),
    ("Participants showed a significant decrease in flow after the meal (−1.8%, P = 0.017).", []),
])
def test_a_signed_value_with_its_interval_is_a_difference(text, expected):
    assert _differences(text) == expected


def test_an_upper_bound_after_to_keeps_its_minus():
    # "95% CI -2.0 to -0.4": the hyphen after "to" is the bound's sign, not a dash
    found = _differences("Serum albumin declined by -1.2 g/L (95% CI= -2.0 to -0.4) per 4 weeks in the A group.")
    assert [(f[4], f[5]) for f in found] == [(-2.0, -0.4)]


def test_a_between_group_difference_names_no_patients():
    # the word "difference" before the first number is its statistic: the subject still names the outcome
    text = ("Physical activity increased in the A group (between-group difference, 254.6 minutes; 95% confidence "
            "interval, 172.7–434.7).")
    drafts = _sentence_results(text, ["A", "B"])
    assert [(d.endpoint, d.measure, d.value, d.arm, d.ci_low, d.ci_high) for d in drafts] == [
        ("OTHER", "difference", 254.6, None, 172.7, 434.7)]
    assert drafts[0].name == "Physical activity"
