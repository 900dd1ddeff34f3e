"""Differences and changes the rule backend reads from one results sentence (made-up sentences in the printed shapes)."""

from __future__ import annotations

from tests.test_rules import _sentence_results


def _differences(text):
    return [(d.endpoint, d.measure, d.value, d.arm, d.ci_low, d.ci_high) for d in _sentence_results(text, ["A", "B"])]


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
