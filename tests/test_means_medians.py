"""Means and medians of outcomes no endpoint names, read from one results sentence (made-up sentences in the printed
shapes): medians without a unit (``results._bare_statistics``, ``results._median_said``), the time of a finding named
by its day or week (``results._AT_TIME``), and a time unit printed after a value's spread or range."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _found(text, arms=("A", "B")):
    return [(d.endpoint, d.measure, d.value, d.unit, d.arm) for d in _sentence_results(text, list(arms))]


def test_a_median_score_with_no_unit_for_each_arm():
    text = "The median WHO score for haematological toxicity was 4 for A and 3 for B (P = 0.0007)."
    assert [(m, v, u, a) for _, m, v, u, a in _found(text)] == [("median", 4.0, None, "A"), ("median", 3.0, None, "B")]


def test_a_median_score_named_before_was():
    text = "The median Wexner fecal incontinence score was 9 (possible range: 0-20), and the median QOL score was 90.5."
    assert [(m, v, u) for _, m, v, u, _a in _found(text, ())] == [("median", 9.0, None), ("median", 90.5, None)]


def test_a_bare_number_of_a_survival_endpoint_is_no_median():
    # a time-to-event median is read with its time unit; a bare number next to it is not guessed one
    assert not [f for f in _found("Median PFS was 7 in the A arm.", ()) if f[1] == "median" and f[2] == 7.0]


def test_a_mean_at_a_named_day():
    text = "Mean pertuzumab Cmin at day 43 was 40.0 (s.d.: 17.3) in A."
    assert [(m, v, a) for _, m, v, _u, a in _found(text)] == [("mean", 40.0, "A")]


@pytest.mark.parametrize(("text", "value"), [
    ("The median length of stay was 4 (range 2-35, interquartile range 3-5) days.", 4.0),
    ("Bowel decompression occurred within 1-4 (mean, 1.58 ± 0.9) days.", 1.58),
])
def test_a_time_unit_after_the_spread_or_range(text, value):
    assert [(v, u) for _e, _m, v, u, _a in _found(text, ())] == [(value, "days")]


def test_average_names_a_mean_as_mean_does():
    text = "Average score of preference was 2.9 ± 1.3 in A versus 3.0 ± 1.3 in B."
    assert [(m, v, a) for _, m, v, _u, a in _found(text)] == [("mean", 2.9, "A"), ("mean", 3.0, "B")]


def test_the_nearest_statistic_names_the_value():
    text = ("Geometric mean time to recovery was faster with A (4.5 minutes) than with B (66.2 minutes; p < 0.0001) "
            "(median, 3.3 minutes with A and 49.9 minutes with B).")
    found = [(m, v) for _, m, v, _u, _a in _found(text)]
    assert ("median", 3.3) in found and ("median", 49.9) in found and ("mean", 3.3) not in found


def test_a_median_in_a_closed_bracket_does_not_name_the_next_value():
    text = "Operation time was 26.50 ± 5.46 min (median, 27 min) in A, 22.18 ± 5.34 min (median, 21 min) in B."
    assert [(m, v) for _, m, v, _u, _a in _found(text)] == [("median", 27.0), ("median", 21.0)]


@pytest.mark.parametrize("text", [
    "Median before treatment versus after treatment in the A group was 1 versus 4.",
    "At week 24, median improvements from baseline in HAQ-DI scores were 0.13 and 0.38.",
    "Median pre- and postintervention values were 4 and 1 ppm in the A group.",
    "For the A group, average Cobb angle prior to bracing was 29 degrees.",
])
def test_a_bare_median_or_average_before_treatment_or_of_a_change_is_none(text):
    assert not [f for f in _found(text) if f[1] in ("median", "mean")]


def test_a_median_age_is_no_result():
    text = "The study accrued 26 subjects: 16 male and 10 female, with a median age of 59; 14 were treated with A."
    assert not [f for f in _found(text) if f[1] == "median"]
