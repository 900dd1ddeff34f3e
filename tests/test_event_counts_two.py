"""Counts of events and of the people who had them, printed without a percentage (results.py's count readers), a
fourth session's shapes: one test per phrase shape."""

from __future__ import annotations

import pytest

from tests.test_result_counts import _counts


@pytest.mark.parametrize("sentence, arms, expected", [
    # one death, or none, in the singular (``_one_death_counted``)
    ("There was one death in the cefixime group.", ["cefixime", "placebo"], [("OS", 1.0, "cefixime")]),
    ("No death occurred during the study.", [], [("OS", 0.0, None)]),
    # a death of a named kind stays that kind's
    ("There was one treatment-related death in the A arm.", ["A", "B"], [("TREATMENT_RELATED_DEATH", 1.0, "A")]),
    # a risk, a rate or a cause is no count
    ("No death rate was reported.", [], []),
    ("There was no death-related difference between groups.", [], []),
    ("Hazard of death in the first four months was greatest in the A arm.", ["A", "B"], []),
])
def test_one_death_in_the_singular(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the outcome's words take the last describing word: "severe adverse events" after "serious or"
    ("No serious or severe adverse events occurred.", [("AE", 0.0, None)]),
    ("There were no serious or unexpected adverse events reported.", [("AE", 0.0, None)]),
    # a clause between is no describing word
    ("There was no development of tolerance or adverse events.", []),
])
def test_none_of_events_described_with_or(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # people stopped by others, for a reason: a discontinuation count (``_PEOPLE_HAD``'s passive verbs)
    ("Only 1 patient was withdrawn because of adverse events.", [("DISCONTINUATION", 1.0, None)]),
    ("Two patients were withdrawn from the study due to toxicity.", [("DISCONTINUATION", 2.0, None)]),
    ("Two patients were discontinued from the study because of adverse events.", [("DISCONTINUATION", 2.0, None)]),
    # none stopped: only when the reason is said (``_a_reason_given``)
    ("No subjects were discontinued due to AEs.", [("DISCONTINUATION", 0.0, None)]),
    ("No patients were discontinued from the study.", []),
])
def test_people_withdrawn_or_discontinued(sentence, expected):
    assert _counts(sentence) == expected
