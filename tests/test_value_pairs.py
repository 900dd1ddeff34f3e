"""Arm-level values written as slash-joined runs, read from one results sentence (made-up sentences in the printed
shapes): every value of a run ending in its unit (``results._slash_run_values``), and the run's values given in order
to the arms the sentence joins by slashes (``results._slash_listed_arms``)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import results
from tests.test_rules import _sentence_results


def _found(text, arms=("A", "B")):
    return [(d.endpoint, d.measure, d.value, d.unit, d.arm) for d in _sentence_results(text, list(arms))]


@pytest.mark.parametrize(("text", "values"), [
    ("neutropenia (18.3%/28.2%)", [(18.3, "percent"), (28.2, "percent")]),
    ("in 20%/60%/100% of patients", [(20.0, "percent"), (60.0, "percent"), (100.0, "percent")]),
    ("median OS was 5.6/5.1 months", [(5.6, "months"), (5.1, "months")]),
    ("was 9 / 12 weeks", [(9.0, "weeks"), (12.0, "weeks")]),
])
def test_each_value_of_a_slash_run_is_read(text, values):
    assert [(v, u) for *_, v, u in results._slash_run_values(text, [], [])] == values


@pytest.mark.parametrize("text", [
    "responses in 15/31 patients",  # a fraction: no unit ends the run
    "grade 3/4 neutropenia",
    "5/10% of the patients",  # a fraction beside a share
])
def test_no_values_from_fractions_or_grades(text):
    assert results._slash_run_values(text, [], []) == []


def test_a_slash_run_goes_to_the_arms_joined_by_slashes():
    text = "A/B grade 3-4 toxicities included: neutropenia (18.3%/28.2%) and fatigue (11.0%/7.7%)."
    found = [(v, a) for _e, _m, v, _u, a in _found(text)]
    assert found == [(18.3, "A"), (28.2, "B"), (11.0, "A"), (7.7, "B")]


def test_medians_joined_by_slashes_for_the_arms_named_so():
    text = "A/B median OS was 5.6/5.1 months; median PFS was 3.4/3.0 months."
    assert [(e, m, v, a) for e, m, v, _u, a in _found(text)] == [
        ("OS", "median", 5.6, "A"), ("OS", "median", 5.1, "B"), ("PFS", "median", 3.4, "A"), ("PFS", "median", 3.0, "B")]


def test_arms_named_after_their_word_and_joined_by_slashes():
    text = "T cell responses developed in 20%/60%/100% of patients in Arms A/B/C."
    found = [(v, a) for _e, _m, v, _u, a in _found(text, ("arm A", "arm B", "arm C"))]
    assert found == [(20.0, "arm A"), (60.0, "arm B"), (100.0, "arm C")]


def test_a_rate_per_thousand_is_no_pair():
    assert results._slash_run_values("the fall rate was 6.29/1,000 days", [], []) == []


def test_each_value_named_by_its_place_in_a_slash_joined_outcome_list():
    text = "The incidence of nausea/retching/vomiting was lower in A (22.2%/11.1%/5.6%) than in B (77.1%/48.6%/28.6%)."
    found = [(n, v, a) for n, v, a in ((d.name, d.value, d.arm) for d in _sentence_results(text, ["A", "B"]))]
    assert found == [("nausea", 22.2, "A"), ("retching", 11.1, "A"), ("vomiting", 5.6, "A"),
                     ("nausea", 77.1, "B"), ("retching", 48.6, "B"), ("vomiting", 28.6, "B")]


def test_the_last_run_of_a_list_of_arms_is_named_too():
    text = ("The incidence of nausea/retching/vomiting was lower in A (22.2%/11.1%/5.6%) than in B (77.1%/48.6%/28.6%) "
            "and C (60.5%/28.9%/18.4%) groups.")
    found = [(d.name, d.value) for d in _sentence_results(text, ["A", "B", "C"]) if d.arm == "C"]
    assert found == [("nausea", 60.5), ("retching", 28.9), ("vomiting", 18.4)]
