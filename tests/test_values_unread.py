"""Result values a sentence prints that were never read (made-up sentences in the printed shapes; the value readers
and filters of ``results``)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _found(text, arms=("A", "B")):
    return [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, list(arms))]


def test_a_ratio_after_the_values_names_no_outcome():
    # the ratio is the only mention, after the shares: the sentence's own words name the outcome, as with none
    text = ("Attendance for screening with the study nurse was more frequent when non-responders were reminded by A "
            "(84/480, 17.5%) than by B (43/472, 9.1%) (relative risk (RR) 1.92, 95% CI 1.36 to 2.71, P < 0.001).")
    # (the ratio itself is the comparison's result: see tests/test_difference_values.py)
    assert _found(text) == [("FEASIBILITY", "proportion", 17.5, "A"), ("FEASIBILITY", "proportion", 9.1, "B"),
                            ("FEASIBILITY", "risk_ratio", 1.92, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a threshold told after its number, or a relative difference, is no share of the patients
    ("At 12 months, 63% of A patients had a 50% or greater reduction in symptoms compared with 50% of B patients "
     "(odds ratio, 1.98; 95% CI, 1.16-3.38).",
     [("OTHER", "proportion", 63.0, "A"), ("OTHER", "proportion", 50.0, "B"), ("OTHER", "odds_ratio", 1.98, None)]),
    ("Mothers with higher education had a 50% lower risk of neonatal mortality in the A area (OR 0.50, 95% CI 0.28-0.90).", []),
])
def test_thresholds_and_relative_differences_after_the_number(text, expected):
    assert _found(text) == expected


def test_to_is_no_bound_inside_a_word():
    # "group to 12 months" holds "up to" only across a word's end
    text = "Median survival was prolonged from 9 months in the A group to 12 months in the B group (P = 0.007)."
    assert _found(text) == [("OS", "median", 9.0, "A"), ("OS", "median", 12.0, "B")]


@pytest.mark.parametrize(("text", "expected"), [
    ("There were 36 relapses in the A arm and 30 in the B arm.", [("RFS", "count", 36.0, "A"), ("RFS", "count", 30.0, "B")]),
    ("Relapse occurred in 12 patients in arm A and in 4 patients in arm B.",
     [("RFS", "count", 12.0, "A"), ("RFS", "count", 4.0, "B")]),
    ("Twelve patients relapsed in arm A.", [("RFS", "count", 12.0, "A")]),
    # a site's or a marker's relapse is an outcome of its own; a share is the recurrence rate's, not a count
    ("Local recurrence was observed in 5 patients.", []),
    ("A total of 76 biochemical relapses have occurred.", []),
    # none counted is a count of 0, as "no deaths" is (the contract: "no grade 4 events" is a count)
    ("There were no relapses.", [("RFS", "count", 0.0, None)]),
])
def test_relapses_counted(text, expected):
    assert _found(text) == expected


def test_a_count_in_the_next_arm_after_in():
    text = "Grade 3 neutropenia was observed in 10 patients in arm A and in 4 patients in arm B."
    assert _found(text) == [("AE_GRADE3PLUS", "count", 10.0, "A"), ("AE_GRADE3PLUS", "count", 4.0, "B")]



def test_the_change_reached_is_no_share():
    text = ("A total of 19.6% of the participants in A achieved 6% weight loss compared to 4.1% in the B group "
            "(Risk Ratio 4.75; 95% CI: 1.68, 13.45).")
    assert _found(text) == [("OTHER", "proportion", 19.6, "A"), ("OTHER", "proportion", 4.1, "B"),
                            ("OTHER", "risk_ratio", 4.75, None)]


def test_strengths_in_an_arm_label_are_no_results():
    arms = ("5-FU 0.5%/salicylic acid 10%", "vehicle")
    text = ("At 8 weeks, CCC was significantly higher with 5-FU 0.5%/salicylic acid 10% than with vehicle [49.5% vs. 18.2%, "
            "respectively; odds ratio (OR) 3.9 (95% CI) 1.7, 8.7; P = 0.0006].")
    assert _found(text, arms) == [("OTHER", "proportion", 49.5, arms[0]), ("OTHER", "proportion", 18.2, arms[1]),
                                  ("OTHER", "odds_ratio", 3.9, None)]
